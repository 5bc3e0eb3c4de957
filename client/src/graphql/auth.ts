import { gql } from '@urql/vue';

export type Role = 'STUDENT' | 'ENTERPRISE' | 'UNIVERSITY_ADMIN' | 'UNIVERSITY_SUPERVISOR' | 'SYSTEM_ADMIN';
export const roles: readonly Role[] = [
  'STUDENT',
  'ENTERPRISE',
  'UNIVERSITY_ADMIN',
  'UNIVERSITY_SUPERVISOR',
  'SYSTEM_ADMIN',
];

export type UserStatus = 'PENDING_VERIFICATION' | 'ACTIVE' | 'DISABLED';
/** The `Locale` enum of the auth subgraph. */
export type AccountLocale = 'FR' | 'EN';

/** The signed-in account. */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  status: UserStatus;
  locale: AccountLocale;
}

export interface MeQuery {
  me: Me | null;
}

export const MeDocument = gql<MeQuery, Record<string, never>>`
  query Me {
    me {
      id
      email
      displayName
      roles
      status
      locale
    }
  }
`;

export interface UniversityOption {
  id: string;
  name: string;
  city: string;
}

export interface RegistrationUniversitiesQuery {
  universities: { edges: Array<{ node: UniversityOption }> } | null;
}

/** The universities a student can register at (public; there are far fewer than 100). */
export const RegistrationUniversitiesDocument = gql<RegistrationUniversitiesQuery, Record<string, never>>`
  query RegistrationUniversities {
    universities(first: 100) {
      edges {
        node {
          id
          name
          city
        }
      }
    }
  }
`;

export interface RequestAccepted {
  accepted: boolean;
  message: string;
}

export interface RegisterStudentInput {
  email: string;
  password: string;
  displayName: string;
  universityId: string;
  locale: 'fr' | 'en';
}

export const RegisterStudentDocument = gql<
  { registerStudent: RequestAccepted | null },
  { input: RegisterStudentInput }
>`
  mutation RegisterStudent($input: RegisterStudentInput!) {
    registerStudent(input: $input) {
      accepted
      message
    }
  }
`;

export const VerifyEmailDocument = gql<
  { verifyEmail: { email: string; status: UserStatus } | null },
  { token: string }
>`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      email
      status
    }
  }
`;

export const RequestPasswordResetDocument = gql<
  { requestPasswordReset: RequestAccepted | null },
  { email: string }
>`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email) {
      accepted
      message
    }
  }
`;

export const ResetPasswordDocument = gql<{ resetPassword: boolean | null }, { token: string; password: string }>`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password)
  }
`;
