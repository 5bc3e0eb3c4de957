import { gql } from '@urql/vue';
import type { Connection, PageVariables } from './connection';
import type { VerificationStatus } from './offers';

export interface EnterpriseAddress {
  id: string;
  label: string | null;
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  country: string;
  isHeadOffice: boolean;
}

export interface EnterpriseProfile {
  id: string;
  name: string;
  legalName: string;
  siret: string;
  nafCode: string;
  sector: string;
  city: string;
  headcount: number;
  website: string | null;
  description: string | null;
  verificationStatus: VerificationStatus;
  verificationRequestedAt: string | null;
  verificationDecidedAt: string | null;
  verificationNote: string | null;
  addresses: EnterpriseAddress[];
  contacts: Array<{ id: string; name: string; role: string | null; email: string | null; phone: string | null }>;
}

const enterpriseFields = `
  id
  name
  legalName
  siret
  nafCode
  sector
  city
  headcount
  website
  description
  verificationStatus
  verificationRequestedAt
  verificationDecidedAt
  verificationNote
  addresses {
    id
    label
    line1
    line2
    postalCode
    city
    country
    isHeadOffice
  }
  contacts {
    id
    name
    role
    email
    phone
  }
`;

export const EnterpriseProfileDocument = gql<{ enterprise: EnterpriseProfile | null }, { id: string }>`
  query EnterpriseProfile($id: ID!) {
    enterprise(id: $id) {
      ${enterpriseFields}
    }
  }
`;

export interface EnterpriseProfileInput {
  name?: string;
  legalName?: string;
  siret?: string;
  nafCode?: string;
  sector?: string;
  city?: string;
  headcount?: number;
  website?: string | null;
  description?: string | null;
  addresses?: Array<Omit<EnterpriseAddress, 'id'> & { id?: string }>;
}

export const UpdateEnterpriseProfileDocument = gql<
  { updateEnterpriseProfile: EnterpriseProfile },
  { id: string; input: EnterpriseProfileInput }
>`
  mutation UpdateEnterpriseProfile($id: ID!, $input: UpdateEnterpriseProfileInput!) {
    updateEnterpriseProfile(id: $id, input: $input) {
      ${enterpriseFields}
    }
  }
`;

export const RequestEnterpriseVerificationDocument = gql<{ requestEnterpriseVerification: EnterpriseProfile }, { id: string }>`
  mutation RequestEnterpriseVerification($id: ID!) {
    requestEnterpriseVerification(id: $id) {
      ${enterpriseFields}
    }
  }
`;

/** The enterprises that asked to be verified (system administrators). */
export const EnterprisesAwaitingVerificationDocument = gql<
  { enterprisesAwaitingVerification: Connection<EnterpriseProfile> | null },
  PageVariables
>`
  query EnterprisesAwaitingVerification($first: Int!, $after: String) {
    enterprisesAwaitingVerification(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ${enterpriseFields}
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const VerifyEnterpriseDocument = gql<{ verifyEnterprise: { id: string; verificationStatus: VerificationStatus } }, { id: string }>`
  mutation VerifyEnterprise($id: ID!) {
    verifyEnterprise(id: $id) {
      id
      verificationStatus
    }
  }
`;

export const RejectEnterpriseDocument = gql<
  { rejectEnterprise: { id: string; verificationStatus: VerificationStatus } },
  { id: string; reason: string }
>`
  mutation RejectEnterprise($id: ID!, $reason: String!) {
    rejectEnterprise(id: $id, reason: $reason) {
      id
      verificationStatus
    }
  }
`;
