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

/** Two-factor sign-in (TOTP) of the signed-in account: on since `totpEnabledAt`, off when null. */
export interface AccountSecurity {
  id: string;
  totpEnabledAt: string | null;
}

export const AccountSecurityDocument = gql<{ me: AccountSecurity | null }, Record<string, never>>`
  query AccountSecurity {
    me {
      id
      totpEnabledAt
    }
  }
`;

/** What to scan (or type) in an authenticator app; `qrCodeSvg` is an SVG document, shown only as an image. */
export interface TotpSetup {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
}

/** Starts (or restarts) the setup; CONFLICT when two-factor sign-in is already on. */
export const BeginTotpSetupDocument = gql<{ beginTotpSetup: TotpSetup | null }, Record<string, never>>`
  mutation BeginTotpSetup {
    beginTotpSetup {
      secret
      otpauthUri
      qrCodeSvg
    }
  }
`;

/** Turns it on with a first code; the ten recovery codes come back once. BAD_USER_INPUT `code` when wrong. */
export const ConfirmTotpSetupDocument = gql<{ confirmTotpSetup: string[] | null }, { code: string }>`
  mutation ConfirmTotpSetup($code: String!) {
    confirmTotpSetup(code: $code)
  }
`;

/** Turns it off with a current code or an unused recovery code. BAD_USER_INPUT `code` when not valid. */
export const DisableTotpDocument = gql<{ disableTotp: boolean | null }, { code: string }>`
  mutation DisableTotp($code: String!) {
    disableTotp(code: $code)
  }
`;
