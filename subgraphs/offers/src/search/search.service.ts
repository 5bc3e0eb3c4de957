import { pageRequest, type EntityManager } from '@stages/platform';
import { cityKey } from '../location/gazetteer.js';
import { Offer } from '../offer/offer.entity.js';
import { searchCriteria } from './search.criteria.js';
import { decodeSearchCursor, encodeSearchCursor } from './search.cursor.js';
import { OFFER_COLUMNS, searchPageSql, searchSummarySql, SUMMARY_SETS } from './search.sql.js';
import type { FacetValue, OfferSearchFacets, OfferSearchFilter, OfferSearchResult } from './search.types.js';

type Row = Record<string, unknown> & { _rank: number; _listed: string };

/** The total and the facets from the summary's grouping sets: per facet, the counts passing every other facet filter. */
export function toSummary(rows: ReadonlyArray<{ set: number; value: string | null; counted: boolean; count: number }>): { totalCount: number; facets: OfferSearchFacets } {
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
 * Searches published offers (everyone may): one statement for the page; the total and the facets, when asked
 * for, in one more. The page is keyset-paged on (rank, listed at, id), so cursors stay valid for a ranked order.
 */
export async function searchOffers(
  em: EntityManager,
  query: string | null | undefined,
  filter: OfferSearchFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
  options: { withSummary?: boolean } = {},
): Promise<OfferSearchResult> {
  const criteria = searchCriteria(query, filter);
  const { limit } = pageRequest({ first });
  const position = after ? decodeSearchCursor(after) : null;
  const connection = em.getConnection();
  const page = searchPageSql(criteria, position, limit + 1);
  let summary: Promise<{ totalCount: number; facets: OfferSearchFacets }> | undefined;
  const summarize = () => {
    summary ??= (async () => {
      const statement = searchSummarySql(criteria);
      return toSummary(await connection.execute<Array<{ set: number; value: string | null; counted: boolean; count: number }>>(statement.sql, statement.params));
    })();
    return summary;
  };
  // Asked for with the page: both statements run at once, on two pooled connections.
  if (options.withSummary) summarize().catch(() => undefined);
  const rows = limit === 0 ? [] : await connection.execute<Row[]>(page.sql, page.params);
  const edges = rows.slice(0, limit).map((row) => {
    const { _rank: rank, _listed: listedAt, ...columns } = row;
    const node = em.map(Offer, Object.fromEntries(OFFER_COLUMNS.map((column) => [column, columns[column]])) as never);
    return { node, score: Number(rank), cursor: encodeSearchCursor({ rank: Number(rank), listedAt, id: node.id }) };
  });

  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: position !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    summary: summarize,
  };
}
