import { gql } from '@urql/vue';
import type { Role, UserStatus } from './auth';
import type { Connection, PageVariables } from './connection';

export interface AccountSummary {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  status: UserStatus;
}

/** Every account: system administrators only (FORBIDDEN for anyone else). */
export const AdminUsersPageDocument = gql<{ users: Connection<AccountSummary> | null }, PageVariables>`
  query AdminUsersPage($first: Int!, $after: String) {
    users(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          email
          displayName
          roles
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
