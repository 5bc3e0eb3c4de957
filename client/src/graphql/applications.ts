import { gql } from '@urql/vue';
import type { Connection, PageVariables } from './connection';
import { documentFields, type DocumentSummary } from './documents';

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
  updatedAt: string;
  /** Null when the offers subgraph could not resolve the reference. */
  offer: { id: string; title: string; enterprise: { id: string; name: string } | null } | null;
  /** The applicant; null when the students subgraph could not resolve the reference. */
  student: { id: string; firstName: string; lastName: string } | null;
}

/** One move of an application's status (`Application.history`, oldest first). */
export interface ApplicationStatusChange {
  from: ApplicationStatus;
  to: ApplicationStatus;
  reason: string | null;
  at: string;
  /** The account that made the change (asked for by the application page, to say who). */
  actorUserId?: string;
}

export interface ApplicationDetail extends ApplicationSummary {
  coverLetter: string | null;
  /** What the student sent with it, as the caller may read it. */
  documents: DocumentSummary[];
  history: ApplicationStatusChange[];
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
          updatedAt
          offer {
            id
            title
            enterprise {
              id
              name
            }
          }
          student {
            id
            firstName
            lastName
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

/** One application with its history, for its own page. */
export const ApplicationPageDocument = gql<{ application: ApplicationDetail | null }, { id: string }>`
  query ApplicationPage($id: ID!) {
    application(id: $id) {
      id
      status
      coverLetter
      documents {
        ${documentFields}
      }
      submittedAt
      updatedAt
      offer {
        id
        title
        enterprise {
          id
          name
        }
      }
      student {
        id
        firstName
        lastName
      }
      history {
        from
        to
        reason
        at
        actorUserId
      }
    }
  }
`;

/** What a status change returns and pushes: enough to update a row or a page in place. */
export interface ApplicationStatusUpdate {
  id: string;
  status: ApplicationStatus;
  updatedAt: string;
  history: ApplicationStatusChange[];
}

const statusUpdateFields = `
  id
  status
  updatedAt
  history {
    from
    to
    reason
    at
    actorUserId
  }
`;

/** An enterprise recruiter moves an application (SHORTLISTED, INTERVIEW, OFFERED, REJECTED). */
export const ChangeApplicationStatusDocument = gql<
  { changeApplicationStatus: ApplicationStatusUpdate },
  { id: string; status: ApplicationStatus; reason?: string | null }
>`
  mutation ChangeApplicationStatus($id: ID!, $status: ApplicationStatus!, $reason: String) {
    changeApplicationStatus(id: $id, status: $status, reason: $reason) {
      ${statusUpdateFields}
    }
  }
`;

/** The student withdraws an open application. */
export const WithdrawApplicationDocument = gql<
  { withdrawApplication: ApplicationStatusUpdate },
  { id: string; reason?: string | null }
>`
  mutation WithdrawApplication($id: ID!, $reason: String) {
    withdrawApplication(id: $id, reason: $reason) {
      ${statusUpdateFields}
    }
  }
`;

/**
 * Status changes pushed by the gateway: of one application (`applicationId`), or of every application the
 * signed-in person may see (no argument).
 */
export const ApplicationStatusChangedDocument = gql<
  { applicationStatusChanged: ApplicationStatusUpdate },
  { applicationId?: string | null }
>`
  subscription ApplicationStatusChanged($applicationId: ID) {
    applicationStatusChanged(applicationId: $applicationId) {
      ${statusUpdateFields}
    }
  }
`;
