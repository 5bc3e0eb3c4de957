import { gql } from '@urql/vue';
import type { Connection, PageVariables } from './connection';

export interface StudentSummary {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  program: string;
  yearOfStudy: number;
  /** Null when the universities subgraph could not resolve the reference. */
  university: { id: string; name: string } | null;
}

/** Students of the caller's university (university administrators) or all (system administrators). */
export const UniversityStudentsPageDocument = gql<{ students: Connection<StudentSummary> | null }, PageVariables>`
  query UniversityStudentsPage($first: Int!, $after: String) {
    students(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          firstName
          lastName
          email
          program
          yearOfStudy
          university {
            id
            name
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
