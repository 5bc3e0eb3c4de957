import { gql } from '@urql/vue';
import type { Connection, PageVariables } from './connection';

/** The `ApplicationStatus` enum of the applications subgraph. */
export type ApplicationStatus =
  | 'SUBMITTED'
  | 'SHORTLISTED'
  | 'INTERVIEW'
  | 'OFFERED'
  | 'ACCEPTED'
  | 'REJECTED'
  | 'WITHDRAWN';

export interface ApplicationSummary {
  id: string;
  status: ApplicationStatus;
  submittedAt: string;
  /** Null when the offers subgraph could not resolve the reference. */
  offer: { id: string; title: string; enterprise: { id: string; name: string } | null } | null;
}

/** The applications the caller may see: their own, to their offers, or their university's students'. */
export const ApplicationsPageDocument = gql<{ applications: Connection<ApplicationSummary> | null }, PageVariables>`
  query ApplicationsPage($first: Int!, $after: String) {
    applications(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          status
          submittedAt
          offer {
            id
            title
            enterprise {
              id
              name
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
