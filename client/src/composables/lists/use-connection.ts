import { useClientHandle, type CombinedError, type TypedDocumentNode } from '@urql/vue';
import { shallowReactive } from 'vue';
import type { Connection, PageVariables } from '../../graphql/connection';
import { hasErrorCode } from '../../graphql/errors';

/**
 * - `forbidden`: the API answered FORBIDDEN for this list (nothing is kept or shown);
 * - `unauthenticated`: the session ended (UNAUTHENTICATED);
 * - `error`: no data came back (network, server).
 */
export type ListState = 'loading' | 'ready' | 'forbidden' | 'unauthenticated' | 'error';

export interface ConnectionList<TNode> {
  state: ListState;
  nodes: TNode[];
  totalCount: number | null;
  hasNextPage: boolean;
  fetchingMore: boolean;
  /** Messages of a failed first page or a failed "load more". */
  errors: string[];
  /** Data came with errors for some fields (a subgraph down): shown, with a notice saying so. */
  partial: boolean;
}

function messages(error: CombinedError): string[] {
  const list = error.graphQLErrors.map((graphQLError) => graphQLError.message);
  if (error.networkError) list.push(error.networkError.message);
  return list.length > 0 ? list : [error.message];
}

/**
 * A protected Relay list, page by page, always from the network (never another session's cache). Access
 * errors win over data: a FORBIDDEN anywhere in the answer shows the forbidden notice and no rows, so partial
 * data is never shown as if it were the whole list.
 */
export function useConnection<TData, TNode extends { id: string }>(
  document: TypedDocumentNode<TData, PageVariables>,
  select: (data: TData) => Connection<TNode> | null | undefined,
  pageSize = 20,
) {
  const { client } = useClientHandle();
  let endCursor: string | null = null;

  const list = shallowReactive<ConnectionList<TNode>>({
    state: 'loading',
    nodes: [],
    totalCount: null,
    hasNextPage: false,
    fetchingMore: false,
    errors: [],
    partial: false,
  });

  function refuse(state: 'forbidden' | 'unauthenticated'): void {
    Object.assign(list, { state, nodes: [], totalCount: null, hasNextPage: false, errors: [], partial: false });
    endCursor = null;
  }

  async function fetchPage(after: string | null): Promise<void> {
    const result = await client.query(document, { first: pageSize, after }, { requestPolicy: 'network-only' }).toPromise();
    if (hasErrorCode(result.error, 'FORBIDDEN')) return refuse('forbidden');
    if (hasErrorCode(result.error, 'UNAUTHENTICATED')) return refuse('unauthenticated');

    const connection = result.data ? select(result.data) : null;
    if (!connection) {
      list.errors = result.error ? messages(result.error) : [];
      if (after === null) list.state = 'error';
      return;
    }
    const known = new Set(after ? list.nodes.map((node) => node.id) : []);
    const page = connection.edges.map((edge) => edge.node).filter((node) => !known.has(node.id));
    list.nodes = after ? [...list.nodes, ...page] : page;
    list.totalCount = connection.totalCount;
    list.hasNextPage = connection.pageInfo.hasNextPage;
    list.errors = [];
    list.partial = list.partial || result.error !== undefined;
    list.state = 'ready';
    endCursor = connection.pageInfo.endCursor;
  }

  async function load(): Promise<void> {
    Object.assign(list, { state: 'loading', partial: false, errors: [] });
    await fetchPage(null);
  }

  async function loadMore(): Promise<void> {
    if (!list.hasNextPage || list.fetchingMore || list.state !== 'ready') return;
    list.fetchingMore = true;
    try {
      await fetchPage(endCursor);
    } finally {
      list.fetchingMore = false;
    }
  }

  return { list, load, loadMore };
}
