import { gql } from '@urql/vue';

/** How an offer is worked: the `RemoteMode` enum of the offers subgraph. */
export type RemoteMode = 'ON_SITE' | 'HYBRID' | 'REMOTE';

export interface OfferSummary {
  id: string;
  title: string;
  city: string | null;
  remote: RemoteMode;
  durationMonths: number;
  /** Monthly gratification in euro cents; null when the offer does not state it. */
  stipendCents: number | null;
  /** Null when the enterprises subgraph could not resolve the reference. */
  enterprise: { id: string; name: string } | null;
  /** Null when the applications subgraph is unavailable (partial response). */
  applicationCount: number | null;
}

export interface OffersPageQuery {
  offers: {
    totalCount: number;
    edges: Array<{ cursor: string; node: OfferSummary }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  } | null;
}

export interface OffersPageVariables {
  first: number;
  after?: string | null;
}

export const OffersPageDocument = gql<OffersPageQuery, OffersPageVariables>`
  query OffersPage($first: Int!, $after: String) {
    offers(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          title
          city
          remote
          durationMonths
          stipendCents
          enterprise {
            id
            name
          }
          applicationCount
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
