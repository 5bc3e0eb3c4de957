import { pageRequest, type Cache, type EntityManager, type Logger } from '@stages/platform';
import { cityKey } from '../location/gazetteer.js';
import { Offer } from '../offer/offer.entity.js';
import { searchCriteria } from './search.criteria.js';
import { decodeSearchCursor, encodeSearchCursor } from './search.cursor.js';
import { OFFER_COLUMNS, searchPageSql, searchSummarySql, SUMMARY_SETS } from './search.sql.js';
import { cachedSummary, summaryCacheKey, summaryRefreshes, type BackgroundTasks, type ComputedSummary, type Summary } from './search.summary-cache.js';
import type { FacetValue, OfferSearchFilter, OfferSearchResult } from './search.types.js';

type Row = Record<string, unknown> & { _rank: number; _listed: string; _edge_listed: string | null; _edge_id: string | null; _generation: string };
type SummaryRow = { set: number; value: string | null; counted: boolean; count: number; generation?: string | null };

/** The total and the facets from the summary's grouping sets: per facet, the counts passing every other facet filter. */
export function toSummary(rows: ReadonlyArray<SummaryRow>): Summary {
  const facets = { remote: new Map<string, number>(), sectors: new Map<string, number>(), cities: new Map<string, number>(), durations: new Map<string, number>() };
  let totalCount = 0;
  for (const row of rows) {
    const facet = SUMMARY_SETS[row.set];
    if (!facet || !row.counted) continue;
    if (facet === 'total') totalCount += row.count;
    else if (row.value) facets[facet].set(row.value, (facets[facet].get(row.value) ?? 0) + row.count);
  }
  const values = (counts: Map<string, number>): FacetValue[] => [...counts].map(([value, count]) => ({ value, count }));
  const byCount = (list: FacetValue[]) => list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    totalCount,
    facets: {
      remote: byCount(values(facets.remote)),
      sectors: byCount(values(facets.sectors)),
      cities: byCount(mergeCities(values(facets.cities))).slice(0, MAX_CITIES),
      durations: values(facets.durations).sort((a, b) => Number(a.value) - Number(b.value)),
    },
  };
}

/** Cities listed in the cities facet, those with the most offers. */
export const MAX_CITIES = 20;

/** One count per city whatever its spelling ("Saint-Étienne", "saint etienne"), under its most common one. */
export function mergeCities(values: readonly FacetValue[]): FacetValue[] {
  const merged = new Map<string, { value: string; top: number; count: number }>();
  for (const { value, count } of values) {
    const key = cityKey(value);
    const known = merged.get(key);
    if (!known) merged.set(key, { value, top: count, count });
    else {
      known.count += count;
      if (count > known.top) Object.assign(known, { value, top: count });
    }
  }
  return [...merged.values()].map(({ value, count }) => ({ value, count }));
}

/**
 * Searches published offers (everyone may): one statement for the page, which also reads the generation of the
 * published offers. The total and the facets, when asked for, come from the cache (Redis in the real mode, memory
 * in the embedded one) under the normalized search, stale-while-revalidate (`cachedSummary`): exact when cached for
 * the generation the page saw; after a change, the cached ones for up to SUMMARY_MAX_STALE_SECONDS while one
 * request counts them again in the background; else one more statement, run alongside the page. A search is thus
 * one statement when its summary is cached, two otherwise. Without a cache the summary statement runs at once with
 * the page, on a second pooled connection. The page is keyset-paged on (rank, listed at, id), so cursors stay valid
 * for a ranked order.
 */
export async function searchOffers(
  em: EntityManager,
  query: string | null | undefined,
  filter: OfferSearchFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
  options: { withSummary?: boolean; cache?: Cache; logger?: Pick<Logger, 'warn'>; background?: BackgroundTasks } = {},
): Promise<OfferSearchResult> {
  const criteria = searchCriteria(query, filter);
  const { limit } = pageRequest({ first });
  const position = after ? decodeSearchCursor(after) : null;
  const connection = em.getConnection();
  const page = searchPageSql(criteria, position, limit + 1);
  const compute = async (): Promise<ComputedSummary> => {
    const statement = searchSummarySql(criteria);
    const rows = await connection.execute<SummaryRow[]>(statement.sql, statement.params);
    return { generation: rows[0]?.generation ?? undefined, summary: toSummary(rows) };
  };
  const cache = options.cache;
  const rowsPromise = limit === 0 ? Promise.resolve([] as Row[]) : connection.execute<Row[]>(page.sql, page.params);
  let summary: Promise<Summary> | undefined;
  const summarize = () =>
    (summary ??= cache
      ? cachedSummary({
          cache,
          key: summaryCacheKey(criteria),
          generation: rowsPromise.then((rows) => rows[0]?._generation ?? undefined, () => undefined),
          compute,
          background: options.background ?? summaryRefreshes,
          logger: options.logger ?? { warn: () => undefined },
        })
      : compute().then((computed) => computed.summary));
  if (options.withSummary) summarize().catch(() => undefined);
  const rows = await rowsPromise;
  const edges = rows.slice(0, limit).map((row) => {
    const { _rank: rank, _listed: listedAt, _edge_listed: edgeListedAt, _edge_id: edgeId, _generation: _, ...columns } = row;
    const node = em.map(Offer, Object.fromEntries(OFFER_COLUMNS.map((column) => [column, columns[column]])) as never);
    const window = edgeListedAt && edgeId ? { listedAt: edgeListedAt, id: edgeId } : null;
    return { node, score: Number(rank), cursor: encodeSearchCursor({ rank: Number(rank), listedAt, id: node.id, window }) };
  });

  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: position !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    // `first: 0` asks for the counts alone: no page to prove anything.
    summary: () => summarize().then((summary) => (limit === 0 ? summary : withPageTotal(summary, position === null, edges.length, rows.length > limit))),
  };
}

/**
 * The total as the page itself proves it, for a summary served while it is counted again: a complete first page
 * is the whole result, and a first page with more after it means at least one more. Counts never contradict the
 * offers shown.
 */
export function withPageTotal(summary: Summary, firstPage: boolean, shown: number, more: boolean): Summary {
  if (!firstPage) return summary;
  const totalCount = more ? Math.max(summary.totalCount, shown + 1) : shown;
  return totalCount === summary.totalCount ? summary : { ...summary, totalCount };
}
