import { useClientHandle, type CombinedError } from '@urql/vue';
import { computed, ref, shallowRef } from 'vue';
import { OffersPageDocument, type OfferSummary } from '../../graphql/offers';

export const offersPageSize = 12;

/** Human-readable messages of a failed or partial GraphQL response. */
export function errorMessages(error: CombinedError): string[] {
  const messages = error.graphQLErrors.map((graphQLError) => graphQLError.message);
  if (error.networkError) messages.push(error.networkError.message);
  return messages.length > 0 ? messages : [error.message];
}

/**
 * Published offers, one Relay page at a time. A response that carries both data and errors
 * (a subgraph down) keeps its data and flags `partial`; one without data becomes `errors`.
 */
export function useOffers(pageSize = offersPageSize) {
  const { client } = useClientHandle();

  const offers = shallowRef<OfferSummary[]>([]);
  const totalCount = ref<number | null>(null);
  const endCursor = ref<string | null>(null);
  const hasNextPage = ref(false);
  const fetching = ref(false);
  const fetchingMore = ref(false);
  const errors = ref<string[]>([]);
  const partial = ref(false);
  const loaded = ref(false);

  async function fetchPage(after: string | null, fresh: boolean): Promise<void> {
    const result = await client
      .query(
        OffersPageDocument,
        { first: pageSize, after },
        { requestPolicy: fresh ? 'network-only' : 'cache-first' },
      )
      .toPromise();

    const connection = result.data?.offers;
    if (!connection) {
      errors.value = result.error ? errorMessages(result.error) : [];
      return;
    }

    errors.value = [];
    if (result.error) partial.value = true;

    const known = new Set(after ? offers.value.map((offer) => offer.id) : []);
    const page = connection.edges.map((edge) => edge.node).filter((offer) => !known.has(offer.id));
    offers.value = after ? [...offers.value, ...page] : page;
    totalCount.value = connection.totalCount;
    endCursor.value = connection.pageInfo.endCursor;
    hasNextPage.value = connection.pageInfo.hasNextPage;
    loaded.value = true;
  }

  async function load(fresh = false): Promise<void> {
    fetching.value = true;
    partial.value = false;
    try {
      await fetchPage(null, fresh);
    } finally {
      fetching.value = false;
    }
  }

  async function loadMore(): Promise<void> {
    if (!hasNextPage.value || fetchingMore.value) return;
    fetchingMore.value = true;
    try {
      await fetchPage(endCursor.value, false);
    } finally {
      fetchingMore.value = false;
    }
  }

  const isEmpty = computed(() => loaded.value && offers.value.length === 0);

  return {
    offers,
    totalCount,
    hasNextPage,
    fetching,
    fetchingMore,
    errors,
    partial,
    loaded,
    isEmpty,
    load,
    loadMore,
    retry: () => load(true),
  };
}
