import { gql } from '@urql/vue';
import type { ApplicationStatus, ApplicationStatusChange } from './applications';
import type { Connection } from './connection';
import { documentFields, type DocumentSummary } from './documents';

export type SkillLevel = 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED' | 'EXPERT';

export interface EvaluationScore {
  criterion: string;
  score: number;
}

export interface ApplicationEvaluation {
  id: string;
  evaluatorUserId: string;
  scores: EvaluationScore[];
  comment: string | null;
  updatedAt: string;
}

/** An applicant's card on an offer's board. */
export interface BoardApplication {
  id: string;
  status: ApplicationStatus;
  submittedAt: string;
  updatedAt: string;
  coverLetter: string | null;
  /** What the student sent with it that the recruiter may read (none once withdrawn). */
  documents: DocumentSummary[];
  averageScore: number | null;
  evaluations: ApplicationEvaluation[] | null;
  history: ApplicationStatusChange[];
  student: {
    id: string;
    firstName: string;
    lastName: string;
    program: string | null;
    yearOfStudy: number | null;
    headline: string | null;
    skills: Array<{ name: string; level: SkillLevel }>;
  } | null;
}

export interface ShortlistSummary {
  id: string;
  name: string;
  size: number;
  applications: Array<{ id: string }>;
}

const shortlistFields = `
  id
  name
  size
  applications {
    id
  }
`;

const evaluationFields = `
  id
  evaluatorUserId
  scores {
    criterion
    score
  }
  comment
  updatedAt
`;

export interface OfferBoardQuery {
  offer: {
    id: string;
    title: string;
    status: string;
    city: string;
    deadline: string | null;
    enterprise: { id: string; name: string } | null;
    applicationCounts: Array<{ status: ApplicationStatus; count: number }>;
    applications: Connection<BoardApplication>;
  } | null;
  shortlists: Connection<ShortlistSummary> | null;
}

/** One offer's applicants (up to 100 a page), its counts per status, and the enterprise's shortlists for it. */
export const OfferBoardDocument = gql<OfferBoardQuery, { offerId: string; first: number; after?: string | null }>`
  query OfferBoard($offerId: ID!, $first: Int!, $after: String) {
    offer(id: $offerId) {
      id
      title
      status
      city
      deadline
      enterprise {
        id
        name
      }
      applicationCounts {
        status
        count
      }
      applications(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            id
            status
            submittedAt
            updatedAt
            coverLetter
            documents {
              ${documentFields}
            }
            averageScore
            evaluations {
              ${evaluationFields}
            }
            history {
              from
              to
              reason
              at
            }
            student {
              id
              firstName
              lastName
              program
              yearOfStudy
              headline
              skills {
                name
                level
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
    shortlists(first: 100, offerId: $offerId) {
      totalCount
      edges {
        cursor
        node {
          ${shortlistFields}
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

/** A recruiter scores an application (1–5 per criterion) with a comment; a second evaluation replaces the first. */
export const EvaluateApplicationDocument = gql<
  {
    evaluateApplication: ApplicationEvaluation & { application: { id: string; averageScore: number | null; evaluations: ApplicationEvaluation[] | null } };
  },
  { applicationId: string; input: { scores: EvaluationScore[]; comment: string | null } }
>`
  mutation EvaluateApplication($applicationId: ID!, $input: EvaluateApplicationInput!) {
    evaluateApplication(applicationId: $applicationId, input: $input) {
      ${evaluationFields}
      application {
        id
        averageScore
        evaluations {
          ${evaluationFields}
        }
      }
    }
  }
`;

export const CreateShortlistDocument = gql<{ createShortlist: ShortlistSummary }, { name: string; offerId: string | null }>`
  mutation CreateShortlist($name: String!, $offerId: ID) {
    createShortlist(name: $name, offerId: $offerId) {
      ${shortlistFields}
    }
  }
`;

export const AddToShortlistDocument = gql<{ addToShortlist: ShortlistSummary }, { shortlistId: string; applicationId: string }>`
  mutation AddToShortlist($shortlistId: ID!, $applicationId: ID!) {
    addToShortlist(shortlistId: $shortlistId, applicationId: $applicationId) {
      ${shortlistFields}
    }
  }
`;

export const RemoveFromShortlistDocument = gql<
  { removeFromShortlist: ShortlistSummary },
  { shortlistId: string; applicationId: string }
>`
  mutation RemoveFromShortlist($shortlistId: ID!, $applicationId: ID!) {
    removeFromShortlist(shortlistId: $shortlistId, applicationId: $applicationId) {
      ${shortlistFields}
    }
  }
`;
