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

/**
 * The query as a tsquery: French OR English stems, accents removed (the configurations of migration 0003); once
 * when both languages stem it alike ("comptable"), or the planner counts its matches twice and reads the whole
 * side table where the GIN index would read a tenth of it. Immutable: folded to a constant when planned.
 */
export const tsQuery = (query: string): Fragment => {
  const fr = `websearch_to_tsquery('offers.fr', "offers"."search_text"(?))`;
  const en = `websearch_to_tsquery('offers.en', "offers"."search_text"(?))`;
  return fragment(`(case when ${fr} = ${en} then ${fr} else ${fr} || ${en} end)`, query, query, query, query, query);
};

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
export function searchConditions(criteria: SearchCriteria, alias = 's') {
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

/**
 * Searches matching more offers than this rank only this many, the most recently listed; the older matches
 * follow them, newest first, with a score of 0. Ranking reads each ranked offer's tsvector (~1 µs of ts_rank_cd
 * and a page of the side table each): bounded, a page of "stage" (64,000 matches) costs what one of 5,000 does.
 */
export const RANK_WINDOW = 5000;

/** The generation of the published offers a statement saw (migration 0006): an InitPlan, read once. */
export const GENERATION_SQL = `(select "generation"::text from "offers"."offer_search_generation")`;

const timestampText = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const SEARCH_TABLE = `"offers"."offer_search"`;

/**
 * One page of published offers matching the search, best first, `limit` rows after `after`, read from the
 * narrow side table `offers.offer_search` (migration 0006) and joined to `offers.offer` for the page's rows only.
 *
 * With words, the order is the text rank (ts_rank_cd over the weighted vector, normalized to 0..1), then the most
 * recently listed, then id — for the RANK_WINDOW most recent matches (the window, whose oldest offer is its edge).
 * Older matches come after them with a rank of 0, newest first: since they are all older than the edge, the order
 * (rank, listed at, id) stays one total order, and the keyset cursor carries the edge so that every page of a
 * search uses the same window. When a search matches RANK_WINDOW offers or fewer there is no edge: all are ranked.
 * The statement is two branches (the window, ranked; the rest, newest first), each stopping at `limit` rows.
 */
export function searchPageSql(criteria: SearchCriteria, after: SearchPosition | null, limit: number): Fragment {
  const conditions = and(Object.values(searchConditions(criteria, 's')));
  const columns = OFFER_COLUMNS.map((column) => `o."${column}"`).join(', ');
  const outer = (inner: Fragment, edge: Fragment): Fragment => ({
    // The generation of the published offers this page saw: the key of the cached summary (read once, an InitPlan).
    sql: `select ${columns}, p."rank" as "_rank", ${timestampText('p."listed_at"')} as "_listed", ${edge.sql},
        ${GENERATION_SQL} as "_generation"
      from (${inner.sql}) as p
      join "offers"."offer" as o on o."id" = p."offer_id"
      order by p."rank" desc, p."listed_at" desc, p."offer_id" desc`,
    params: [...edge.params, ...inner.params],
  });

  if (!criteria.query) {
    const keyset = after ? fragment(`(s."listed_at", s."offer_id") < (?::timestamptz, ?::uuid)`, after.listedAt, after.id) : null;
    const where = and([conditions, keyset]);
    return outer(
      {
        sql: `select s."offer_id", s."listed_at", 0::real as "rank" from ${SEARCH_TABLE} as s where ${where.sql}
          order by s."listed_at" desc, s."offer_id" desc limit ?`,
        params: [...where.params, limit],
      },
      fragment(`null as "_edge_listed", null as "_edge_id"`),
    );
  }

  const rank: Fragment = { sql: `ts_rank_cd(s."search_vector", ${tsQuery(criteria.query).sql}, 32)`, params: tsQuery(criteria.query).params };
  const rankedAfter: Fragment | null = after
    ? { sql: `(${rank.sql}, s."listed_at", s."offer_id") < (?::real, ?::timestamptz, ?::uuid)`, params: [...rank.params, after.rank, after.listedAt, after.id] }
    : null;
  // Below the window every rank is 0: after a ranked offer all of them follow; after one of them, the older ones.
  const unrankedAfter: Fragment | null = after
    ? fragment(
        `s."listed_at" <= (case when ?::real > 0 then 'infinity'::timestamptz else ?::timestamptz end) and (0::real, s."listed_at", s."offer_id") < (?::real, ?::timestamptz, ?::uuid)`,
        after.rank, after.listedAt, after.rank, after.listedAt, after.id,
      )
    : null;
  const belowEdge = (edgeListed: string, edgeId: string, params: unknown[], gate = ''): Fragment => {
    const where = and([conditions, { sql: `s."listed_at" <= ${edgeListed} and (s."listed_at", s."offer_id") < (${edgeListed}, ${edgeId})`, params }, unrankedAfter]);
    return {
      sql: `(select s."offer_id", s."listed_at", 0::real as "rank" from ${SEARCH_TABLE} as s where ${gate}${where.sql}
          order by s."listed_at" desc, s."offer_id" desc limit ?)`,
      params: [...where.params, limit],
    };
  };

  if (after && !after.window) {
    // Every match ranked (the first page found RANK_WINDOW or fewer).
    const where = and([conditions, rankedAfter]);
    return outer(
      {
        sql: `select s."offer_id", s."listed_at", ${rank.sql} as "rank" from ${SEARCH_TABLE} as s where ${where.sql}
          order by "rank" desc, s."listed_at" desc, s."offer_id" desc limit ?`,
        params: [...rank.params, ...where.params, limit],
      },
      fragment(`null as "_edge_listed", null as "_edge_id"`),
    );
  }

  if (after && after.window) {
    // The window the first page found: the matches from its edge on, ranked; then the older ones, newest first.
    const { listedAt, id } = after.window;
    const ranked = and([conditions, fragment(`s."listed_at" >= ?::timestamptz and (s."listed_at", s."offer_id") >= (?::timestamptz, ?::uuid)`, listedAt, listedAt, id), rankedAfter]);
    const below = belowEdge(`?::timestamptz`, `?::uuid`, [listedAt, listedAt, id]);
    const page = outer(
      {
        sql: `(select s."offer_id", s."listed_at", ${rank.sql} as "rank" from ${SEARCH_TABLE} as s where ${ranked.sql}
            order by "rank" desc, s."listed_at" desc, s."offer_id" desc limit ?)
          union all ${below.sql}`,
        params: [...rank.params, ...ranked.params, limit, ...below.params],
      },
      fragment(`?::text as "_edge_listed", ?::text as "_edge_id"`, listedAt, id),
    );
    return { sql: `${page.sql} limit ?`, params: [...page.params, limit] };
  }

  // First page, in one pass: the RANK_WINDOW + 1 most recent matches with their rank (newest first: for a broad
  // search the planner walks the listing index and stops there), the edge if there are more than RANK_WINDOW.
  const newest = and([conditions]);
  const edgeListed = `(select "listed_at" from "edge")`;
  const edgeId = `(select "offer_id" from "edge")`;
  const below = belowEdge(edgeListed, edgeId, [], `${edgeId} is not null and `);
  const page = outer(
    {
      sql: `(select "offer_id", "listed_at", "rank" from "ranked"
          where ${edgeId} is null or ("listed_at", "offer_id") >= (${edgeListed}, ${edgeId})
          order by "rank" desc, "listed_at" desc, "offer_id" desc limit ?)
        union all ${below.sql}`,
      params: [limit, ...below.params],
    },
    fragment(`(select ${timestampText('"listed_at"')} from "edge") as "_edge_listed", (select "offer_id"::text from "edge") as "_edge_id"`),
  );
  return {
    sql: `with "ranked" as materialized (
        select s."offer_id", s."listed_at", ${rank.sql} as "rank" from ${SEARCH_TABLE} as s where ${newest.sql}
        order by s."listed_at" desc, s."offer_id" desc limit ${RANK_WINDOW + 1}
      ), "edge" as materialized (
        select "listed_at", "offer_id" from "ranked" order by "listed_at" desc, "offer_id" desc offset ${RANK_WINDOW - 1} limit 1
      )
      ${page.sql} limit ?`,
    params: [...rank.params, ...newest.params, ...page.params, limit],
  };
}

/** Which facet a row of the summary counts, as `grouping(remote, sector, city, duration_months)` numbers them. */
export const SUMMARY_SETS: Readonly<Record<number, 'remote' | 'sectors' | 'cities' | 'durations' | 'total'>> = { 7: 'remote', 11: 'sectors', 13: 'cities', 14: 'durations', 15: 'total' };

/** The facets: the column each counts, the filter it ignores, its number in SUMMARY_SETS. */
const FACETS = [
  { column: 'remote', filter: 'remote', set: 7 },
  { column: 'sector', filter: 'sectors', set: 11 },
  { column: 'city', filter: 'place', set: 13 },
  { column: 'duration_months', filter: 'duration', set: 14 },
] as const;
type Facet = (typeof FACETS)[number];
const TOTAL_SET = 15;

/**
 * Counts of `facets` (and the total when `withTotal`) over the offers passing `where`, by grouping sets: each
 * facet's value with a flag per facet filter given (`flags`), whether the offer passes it; the total by the flags
 * alone. A facet filter not given is no flag at all (hashing a constant per row and set costs a third of the
 * statement). `offset 0` keeps the subquery whole, so each flag (the radius: a haversine per offer in the box) is
 * computed once per offer rather than once per grouping set.
 */
function countBy(facets: readonly Facet[], withTotal: boolean, where: Fragment, flags: ReadonlyArray<{ facet: Facet; condition: Fragment }>): Fragment {
  const flag = (facet: Facet) => `m."f_${facet.filter}"`;
  const othersOf = (facet: Facet | null) => flags.filter((other) => other.facet !== facet).map((other) => flag(other.facet));
  const sets = [...facets.map((facet) => [`m."${facet.column}"`, ...othersOf(facet)]), ...(withTotal ? [othersOf(null)] : [])];
  const columns = facets.map((facet) => `m."${facet.column}"`);
  // grouping() of this statement's columns, to the numbers of SUMMARY_SETS: a facet's set groups its column only.
  const set = `case grouping(${columns.join(', ')}) ${facets.map((facet, i) => `when ${2 ** facets.length - 1 - 2 ** (facets.length - 1 - i)} then ${facet.set}`).join(' ')} else ${TOTAL_SET} end`;
  const counted = flags.length ? flags.map((other) => `coalesce(${flag(other.facet)}, true)`).join(' and ') : 'true';
  return {
    sql: `select ${set} as "set", coalesce(${columns.map((column) => `${column}::text`).join(', ')}, '') as "value", ${counted} as "counted",
        count(*)::int as "count", ${GENERATION_SQL} as "generation"
      from (
        select ${[...facets.map((facet) => `s."${facet.column}"`), ...flags.map((other) => `(${other.condition.sql}) as "f_${other.facet.filter}"`)].join(', ')}
        from ${SEARCH_TABLE} as s
        where ${where.sql}${flags.length ? ' offset 0' : ''}
      ) as m
      group by grouping sets (${sets.map((keys) => `(${keys.join(', ')})`).join(', ')})`,
    params: [...flags.flatMap((other) => other.condition.params), ...where.params],
  };
}

/**
 * The total and the facet counts of a search in one statement, with the generation of the published offers it saw
 * (the cache key's): the offers passing the words and the filters that are not facets, counted by grouping sets —
 * each facet's value with whether the offer passes each other facet filter, and the facet filters alone for the
 * total. The caller keeps, for each facet, the counts passing every other facet filter (so choosing another value
 * shows what it would give). Cities are grouped as written and merged by folded name by the caller.
 *
 * Without a place filter the words' tsquery is an InitPlan: the planner cannot see how broad they are and reads the
 * matches through the GIN index, whose answer for a tsquery is exact (no recheck) — for "stage" (64,000 of 80,000
 * offers) a bitmap of ~20 ms where a sequential scan testing `@@` on every vector takes ~50 ms. With a place filter
 * the planner sees the words: the radius flag (a haversine per offer in the box, ~3 µs) then dominates a broad
 * search, and it spreads it over parallel workers of a sequential scan. Without words, a place filter is counted
 * apart: the cities facet ignores it and counts the whole catalogue (its listing index, one column hashed), the
 * other facets and the total read only the offers in the place, through the position index.
 */
export function searchSummarySql(criteria: SearchCriteria): Fragment {
  const c = searchConditions(criteria, 's');
  const query = criteria.query ? tsQuery(criteria.query) : null;
  const text = query && !c.place ? { sql: `s."search_vector" @@ (select ${query.sql})`, params: query.params } : c.text;
  const where = and([text, c.skills, c.stipend, c.start]);
  const flags = FACETS.flatMap((facet) => {
    const condition = c[facet.filter];
    return condition ? [{ facet, condition }] : [];
  });
  if (query || !c.place) return countBy(FACETS, true, where, flags);

  const place = c.place;
  const others = flags.filter((other) => other.facet.filter !== 'place');
  const inPlace = countBy(FACETS.filter((facet) => facet.filter !== 'place'), true, and([where, place]), others);
  const cities = countBy(FACETS.filter((facet) => facet.filter === 'place'), false, where, others);
  return { sql: `${inPlace.sql}\n      union all\n      ${cities.sql}`, params: [...inPlace.params, ...cities.params] };
}
