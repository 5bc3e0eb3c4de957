/** A Relay connection as every list root of the supergraph returns it. */
export interface Connection<TNode> {
  totalCount: number;
  edges: Array<{ cursor: string; node: TNode }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface PageVariables {
  first: number;
  after?: string | null;
}
