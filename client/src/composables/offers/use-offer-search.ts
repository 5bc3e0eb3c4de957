import type { CombinedError } from '@urql/vue';
import { computed, ref, shallowRef } from 'vue';
import { graphqlClient } from '../../graphql/client';
import { SearchOffersDocument, type OfferSearchFacets, type OfferSummary } from '../../graphql/offers';
import { searchFilter, type SearchState } from './search-query';

export const offersPageSize = 12;

/** Human-readable messages of a failed or partial GraphQL response. */
export function errorMessages(error: CombinedError): string[] {
  const messages = error.graphQLErrors.map((graphQLError) => graphQLError.message);
  if (error.networkError) messages.push(error.networkError.message);
  return messages.length > 0 ? messages : [error.message];
}

const noFacets: OfferSearchFacets = { remote: [], sectors: [], cities: [], durations: [] };

/**
 * `searchOffers` for the search page: a new search replaces the results (an older answer arriving late is
 * dropped), "load more" appends the next page. A response with data and errors (a subgraph down) keeps its data
 * and flags `partial`; one without data becomes `errors`.
 */
export function useOfferSearch(pageSize = offersPageSize) {
  const offers = shallowRef<OfferSummary[]>([]);
  const facets = shallowRef<OfferSearchFacets>(noFacets);
  const totalCount = ref<number | null>(null);
  const endCursor = ref<string | null>(null);
  const hasNextPage = ref(false);
  const fetching = ref(false);
  const fetchingMore = ref(false);
  const errors = ref<string[]>([]);
  const partial = ref(false);
  const loaded = ref(false);
  let current: SearchState | null = null;
  let generation = 0;

  async function fetchPage(state: SearchState, after: string | null): Promise<boolean> {
    const ticket = ++generation;
    const result = await graphqlClient.value
      .query(
        SearchOffersDocument,
        { query: state.q.trim() || null, filter: searchFilter(state), first: pageSize, after },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (ticket !== generation) return false;

    const connection = result.data?.searchOffers;
    if (!connection) {
      errors.value = result.error ? errorMessages(result.error) : [];
      return false;
    }
    errors.value = [];
    if (result.error) partial.value = true;
    const known = new Set(after ? offers.value.map((offer) => offer.id) : []);
    const page = connection.edges.map((edge) => edge.node).filter((offer) => !known.has(offer.id));
    offers.value = after ? [...offers.value, ...page] : page;
    facets.value = connection.facets;
    totalCount.value = connection.totalCount;
    endCursor.value = connection.pageInfo.endCursor;
    hasNextPage.value = connection.pageInfo.hasNextPage;
    loaded.value = true;
    return true;
  }

  async function search(state: SearchState): Promise<void> {
    current = state;
    fetching.value = true;
    fetchingMore.value = false;
    partial.value = false;
    try {
      await fetchPage(state, null);
    } finally {
      if (current === state) fetching.value = false;
    }
  }

  async function loadMore(): Promise<void> {
    if (!current || !hasNextPage.value || fetchingMore.value || fetching.value) return;
    fetchingMore.value = true;
    try {
      await fetchPage(current, endCursor.value);
    } finally {
      fetchingMore.value = false;
    }
  }

  const isEmpty = computed(() => loaded.value && offers.value.length === 0);

  return {
    offers,
    facets,
    totalCount,
    hasNextPage,
    fetching,
    fetchingMore,
    errors,
    partial,
    loaded,
    isEmpty,
    search,
    loadMore,
    retry: () => (current ? search(current) : Promise.resolve()),
  };
}
