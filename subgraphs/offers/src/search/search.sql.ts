import { boundingBox } from '../location/geo.js';
import type { SearchCriteria } from './search.criteria.js';
import type { SearchPosition } from './search.cursor.js';

/** A fragment of SQL with its `?` bindings, in order. */
export interface Fragment {
  sql: string;
  params: unknown[];
}

const fragment = (sql: string, ...params: unknown[]): Fragment => ({ sql, params });

/** Joins fragments with AND; an empty list is `true`. */
export function and(parts: ReadonlyArray<Fragment | null>): Fragment {
  const present = parts.filter((part): part is Fragment => part !== null);
  if (present.length === 0) return fragment('true');
  return { sql: present.map((part) => `(${part.sql})`).join(' and '), params: present.flatMap((part) => part.params) };
}

/**
 * A Postgres array literal of text values (e.g. `{"a","b \\"c\\""}`), bound as one parameter and cast with
 * `::text[]` (the query builder would otherwise spread an array binding into a list).
 */
export const textArray = (values: readonly string[]): string =>
  `{${values.map((value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

/** The query as a tsquery: French OR English stems, accents removed (the configurations of migration 0003). */
export const tsQuery = (query: string): Fragment =>
  fragment(`(websearch_to_tsquery('offers.fr', "offers"."search_text"(?)) || websearch_to_tsquery('offers.en', "offers"."search_text"(?)))`, query, query);

/** Distance filter: an indexed bounding box first, then the exact great-circle distance. */
export function withinRadius(alias: string, latitude: number, longitude: number, radiusKm: number): Fragment {
  const box = boundingBox(latitude, longitude, radiusKm);
  return fragment(
    `${alias}."latitude" between ? and ? and ${alias}."longitude" between ? and ? and "offers"."distance_km"(${alias}."latitude", ${alias}."longitude", ?, ?) <= ?`,
    box.minLatitude,
    box.maxLatitude,
    box.minLongitude,
    box.maxLongitude,
    latitude,
    longitude,
    radiusKm,
  );
}

/** Each filter of a search as a condition on `alias` (null when not given). */
export function searchConditions(criteria: SearchCriteria, alias = 'o') {
  const place = criteria.near
    ? withinRadius(alias, criteria.near.latitude, criteria.near.longitude, criteria.near.radiusKm)
    : criteria.city
      ? fragment(`"offers"."fold"(${alias}."city") = "offers"."fold"(?)`, criteria.city)
      : null;
  const duration = and([
    criteria.minDurationMonths !== null ? fragment(`${alias}."duration_months" >= ?`, criteria.minDurationMonths) : null,
    criteria.maxDurationMonths !== null ? fragment(`${alias}."duration_months" <= ?`, criteria.maxDurationMonths) : null,
  ]);
  const start = and([
    criteria.startFrom ? fragment(`${alias}."start_date" >= ?::date`, criteria.startFrom) : null,
    criteria.startTo ? fragment(`${alias}."start_date" <= ?::date`, criteria.startTo) : null,
  ]);
  return {
    text: criteria.query ? { sql: `${alias}."search_vector" @@ ${tsQuery(criteria.query).sql}`, params: tsQuery(criteria.query).params } : null,
    skills: criteria.skills.length ? fragment(`${alias}."skill_keys" @> "offers"."skill_keys"(?::text[])`, textArray(criteria.skills)) : null,
    stipend: criteria.minStipendCents !== null && criteria.minStipendCents > 0 ? fragment(`${alias}."stipend_cents" >= ?`, criteria.minStipendCents) : null,
    start: start.sql === 'true' ? null : start,
    // Facet filters: each facet is counted without its own.
    remote: criteria.remote.length ? fragment(`${alias}."remote" = any(?::text[])`, textArray(criteria.remote)) : null,
    sectors: criteria.sectors.length ? fragment(`${alias}."sector" = any(?::text[])`, textArray(criteria.sectors)) : null,
    place,
    duration: duration.sql === 'true' ? null : duration,
  };
}

/** Offer columns, as the entity maps them. */
export const OFFER_COLUMNS = [
  'id', 'enterprise_id', 'title', 'description', 'skills', 'sector', 'city', 'country', 'latitude', 'longitude', 'remote',
  'duration_months', 'weekly_hours', 'stipend_cents', 'start_date', 'deadline', 'status', 'published_at', 'created_at', 'updated_at', 'version',
] as const;

const LISTED_AT_TEXT = `to_char(o."listed_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * One page of published offers matching the search, best first: text rank (ts_rank_cd over the weighted vector,
 * normalized to 0..1), then the most recently listed, then id; `limit` rows after `after`.
 */
export function searchPageSql(criteria: SearchCriteria, after: SearchPosition | null, limit: number): Fragment {
  const conditions = searchConditions(criteria);
  const rank = criteria.query ? { sql: `ts_rank_cd(o."search_vector", ${tsQuery(criteria.query).sql}, 32)`, params: tsQuery(criteria.query).params } : null;
  let keyset: Fragment | null = null;
  if (after) {
    keyset = rank
      ? { sql: `(${rank.sql}, o."listed_at", o."id") < (?::real, ?::timestamptz, ?::uuid)`, params: [...rank.params, after.rank, after.listedAt, after.id] }
      : fragment(`(o."listed_at", o."id") < (?::timestamptz, ?::uuid)`, after.listedAt, after.id);
  }
  const where = and([fragment(`o."status" = 'PUBLISHED'`), ...Object.values(conditions), keyset]);
  const columns = OFFER_COLUMNS.map((column) => `o."${column}"`).join(', ');
  return {
    sql: `select ${columns}, ${rank ? rank.sql : '0::real'} as "_rank", ${LISTED_AT_TEXT} as "_listed"
      from "offers"."offer" as o
      where ${where.sql}
      order by ${rank ? '"_rank" desc, ' : ''}o."listed_at" desc, o."id" desc
      limit ?`,
    params: [...(rank?.params ?? []), ...where.params, limit],
  };
}

/** Which facet a row of the summary counts, from `grouping(remote, sector, city, duration_months)`. */
export const SUMMARY_SETS: Readonly<Record<number, 'remote' | 'sectors' | 'cities' | 'durations' | 'total'>> = { 7: 'remote', 11: 'sectors', 13: 'cities', 14: 'durations', 15: 'total' };

/**
 * The total and the facet counts of a search in one statement and one pass over the matching offers: the offers
 * passing the words and the filters that are not facets, counted by grouping sets — each facet's value with
 * whether the offer passes each other facet filter, and the four filters alone for the total. The caller keeps,
 * for each facet, the counts passing every other facet filter (so choosing another value shows what it would
 * give). Cities are grouped as written and merged by folded name by the caller.
 */
export function searchSummarySql(criteria: SearchCriteria): Fragment {
  const c = searchConditions(criteria);
  const flag = (condition: Fragment | null, name: string): Fragment => (condition ? { sql: `(${condition.sql}) as ${name}`, params: condition.params } : fragment(`true as ${name}`));
  const flags = [flag(c.remote, 'f_remote'), flag(c.sectors, 'f_sectors'), flag(c.place, 'f_place'), flag(c.duration, 'f_duration')];
  const where = and([fragment(`o."status" = 'PUBLISHED'`), c.text, c.skills, c.stipend, c.start]);
  return {
    sql: `select grouping(m."remote", m."sector", m."city", m."duration_months") as "set",
        coalesce(m."remote", m."sector", m."city"::text, m."duration_months"::text, '') as value,
        coalesce(m.f_remote, true) and coalesce(m.f_sectors, true) and coalesce(m.f_place, true) and coalesce(m.f_duration, true) as counted,
        count(*)::int as count
      from (
        select o."remote", o."sector", o."city", o."duration_months", ${flags.map((f) => f.sql).join(', ')}
        from "offers"."offer" as o
        where ${where.sql}
      ) as m
      group by grouping sets (
        (m."remote", m.f_sectors, m.f_place, m.f_duration),
        (m."sector", m.f_remote, m.f_place, m.f_duration),
        (m."city", m.f_remote, m.f_sectors, m.f_duration),
        (m."duration_months", m.f_remote, m.f_sectors, m.f_place),
        (m.f_remote, m.f_sectors, m.f_place, m.f_duration)
      )`,
    params: [...flags.flatMap((f) => f.params), ...where.params],
  };
}
