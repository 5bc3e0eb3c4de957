import { gql } from '@urql/vue';
import type { Connection } from './connection';
import type { Locale } from '../i18n';

/** How an offer is worked: the `RemotePolicy` enum of the offers subgraph. */
export type RemoteMode = 'ON_SITE' | 'HYBRID' | 'REMOTE';
export const remoteModes: readonly RemoteMode[] = ['ON_SITE', 'HYBRID', 'REMOTE'];

export type OfferStatus = 'DRAFT' | 'PUBLISHED' | 'CLOSED' | 'ARCHIVED';

export interface OfferSummary {
  id: string;
  title: string;
  city: string | null;
  remote: RemoteMode;
  durationMonths: number;
  /** Monthly gratification in euro cents; null when the offer does not state it. */
  stipendCents: number | null;
  skills: string[];
  startDate: string;
  deadline: string | null;
  /** Null when the enterprises subgraph could not resolve the reference. */
  enterprise: { id: string; name: string } | null;
  /** Null when the applications subgraph is unavailable (partial response). */
  applicationCount: number | null;
}

const offerSummaryFields = `
  id
  title
  city
  remote
  durationMonths
  stipendCents
  skills
  startDate
  deadline
  enterprise {
    id
    name
  }
  applicationCount
`;

/** `OfferSearchFilter`: every filter of `searchOffers` (all must hold). */
export interface OfferSearchFilter {
  skills?: string[];
  city?: string;
  radiusKm?: number;
  remote?: RemoteMode[];
  minDurationMonths?: number;
  maxDurationMonths?: number;
  minStipendCents?: number;
  startFrom?: string;
  startTo?: string;
  sectors?: string[];
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface OfferSearchFacets {
  remote: FacetValue[];
  sectors: FacetValue[];
  cities: FacetValue[];
  durations: FacetValue[];
}

export interface SearchOffersQuery {
  searchOffers: {
    totalCount: number;
    edges: Array<{ cursor: string; score: number; node: OfferSummary }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: OfferSearchFacets;
  } | null;
}

export interface SearchOffersVariables {
  query?: string | null;
  filter?: OfferSearchFilter | null;
  first: number;
  after?: string | null;
}

/** Published offers matching words and filters, with the count of each filter value (facets). */
export const SearchOffersDocument = gql<SearchOffersQuery, SearchOffersVariables>`
  query SearchOffers($query: String, $filter: OfferSearchFilter, $first: Int!, $after: String) {
    searchOffers(query: $query, filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        score
        node {
          ${offerSummaryFields}
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      facets {
        remote { value count }
        sectors { value count }
        cities { value count }
        durations { value count }
      }
    }
  }
`;

export interface OfferDetail extends OfferSummary {
  description: string;
  sector: string | null;
  country: string;
  weeklyHours: number;
  status: OfferStatus;
  publishedAt: string | null;
  minimumStipendCents: number | null;
  location: { city: string; country: string; latitude: number | null; longitude: number | null };
  enterprise: { id: string; name: string; city: string; sector: string; website: string | null; verificationStatus: VerificationStatus } | null;
}

export type VerificationStatus = 'PENDING' | 'SUBMITTED' | 'VERIFIED' | 'REJECTED';

const offerDetailFields = `
  ${offerSummaryFields}
  description
  sector
  country
  weeklyHours
  status
  publishedAt
  minimumStipendCents
  location {
    city
    country
    latitude
    longitude
  }
  enterprise {
    id
    name
    city
    sector
    website
    verificationStatus
  }
`;

/** One offer with everything a student reads before applying (and a recruiter before editing). */
export const OfferPageDocument = gql<{ offer: OfferDetail | null }, { id: string }>`
  query OfferPage($id: ID!) {
    offer(id: $id) {
      ${offerDetailFields}
    }
  }
`;

/** The student applies; CONFLICT `reason`: OFFER_NOT_OPEN, DEADLINE_PASSED, ALREADY_APPLIED (`applicationId`). */
export const ApplyToOfferDocument = gql<
  { applyToOffer: { id: string; status: string; submittedAt: string } },
  { input: { offerId: string; coverLetter: string | null; documentIds: string[] } }
>`
  mutation ApplyToOffer($input: ApplyToOfferInput!) {
    applyToOffer(input: $input) {
      id
      status
      submittedAt
    }
  }
`;

/** A saved search as `mySavedSearches` returns it. */
export interface SavedSearch {
  id: string;
  name: string;
  query: string | null;
  createdAt: string;
  filter: {
    skills: string[];
    city: string | null;
    radiusKm: number | null;
    remote: RemoteMode[];
    minDurationMonths: number | null;
    maxDurationMonths: number | null;
    minStipendCents: number | null;
    startFrom: string | null;
    startTo: string | null;
    sectors: string[];
  };
}

const savedSearchFields = `
  id
  name
  query
  createdAt
  filter {
    skills
    city
    radiusKm
    remote
    minDurationMonths
    maxDurationMonths
    minStipendCents
    startFrom
    startTo
    sectors
  }
`;

export const MySavedSearchesDocument = gql<{ mySavedSearches: SavedSearch[] }, Record<string, never>>`
  query MySavedSearches {
    mySavedSearches {
      ${savedSearchFields}
    }
  }
`;

export const SaveSearchDocument = gql<
  { saveSearch: SavedSearch },
  { input: { name: string; query: string | null; filter: OfferSearchFilter | null } }
>`
  mutation SaveSearch($input: SaveSearchInput!) {
    saveSearch(input: $input) {
      ${savedSearchFields}
    }
  }
`;

export const DeleteSavedSearchDocument = gql<{ deleteSavedSearch: boolean }, { id: string }>`
  mutation DeleteSavedSearch($id: ID!) {
    deleteSavedSearch(id: $id)
  }
`;

export type RecommendationKind = 'SKILLS' | 'PREFERENCES' | 'LOCATION' | 'FRESHNESS' | 'STIPEND';

export interface RecommendedOffer {
  score: number;
  offer: OfferSummary;
  reasons: Array<{ kind: RecommendationKind; weight: number; detail: string }>;
}

/** The student's recommended offers, best first, each with its reasons. */
const recommendationsDocument = (name: string) => gql<
  { student: { id: string; recommendedOffers: RecommendedOffer[] } | null },
  { studentId: string; first: number }
>`
  query ${name}($studentId: ID!, $first: Int!) {
    student(id: $studentId) {
      id
      recommendedOffers(first: $first) {
        score
        offer {
          ${offerSummaryFields}
        }
        reasons {
          kind
          weight
          detail
        }
      }
    }
  }
`;

/**
 * A student's recommendations, one document per interface language: the API words the reasons in the request's
 * language, so answers in two languages must never share a cache entry or an in-flight request (urql keys both
 * by the document and its variables, not by headers).
 */
export const RecommendationsDocuments: Record<Locale, ReturnType<typeof recommendationsDocument>> = {
  fr: recommendationsDocument('RecommendationsFr'),
  en: recommendationsDocument('RecommendationsEn'),
};

/** An offer in its enterprise's list: with its status and the count of applications in each status. */
export interface EnterpriseOffer {
  id: string;
  title: string;
  city: string;
  status: OfferStatus;
  startDate: string;
  deadline: string | null;
  durationMonths: number;
  stipendCents: number | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  applicationCounts: Array<{ status: string; count: number }>;
}

const enterpriseOfferFields = `
  id
  title
  city
  status
  startDate
  deadline
  durationMonths
  stipendCents
  publishedAt
  createdAt
  updatedAt
  applicationCounts {
    status
    count
  }
`;

type EnterpriseOfferPage = Connection<EnterpriseOffer>;

export interface EnterpriseOffersQuery {
  enterprise: {
    id: string;
    name: string;
    verificationStatus: VerificationStatus;
    verificationNote: string | null;
    drafts: EnterpriseOfferPage;
    published: EnterpriseOfferPage;
    closed: EnterpriseOfferPage;
    archived: EnterpriseOfferPage;
  } | null;
}

const enterpriseOfferPage = `
  totalCount
  edges { cursor node { ${enterpriseOfferFields} } }
  pageInfo { hasNextPage endCursor }
`;

/**
 * The recruiter's enterprise and its offers in every status, with application counts per status: one
 * `Enterprise.offers(status)` per status (drafts and archived offers are listed for the enterprise's own
 * recruiters only).
 */
export const EnterpriseOffersDocument = gql<EnterpriseOffersQuery, { enterpriseId: string }>`
  query EnterpriseOffers($enterpriseId: ID!) {
    enterprise(id: $enterpriseId) {
      id
      name
      verificationStatus
      verificationNote
      drafts: offers(status: DRAFT, first: 100) { ${enterpriseOfferPage} }
      published: offers(status: PUBLISHED, first: 100) { ${enterpriseOfferPage} }
      closed: offers(status: CLOSED, first: 100) { ${enterpriseOfferPage} }
      archived: offers(status: ARCHIVED, first: 100) { ${enterpriseOfferPage} }
    }
  }
`;

/** The next page of an enterprise's offers in one status (beyond the first 100 of `EnterpriseOffersDocument`). */
export const EnterpriseOffersPageDocument = gql<
  { enterprise: { id: string; offers: EnterpriseOfferPage } | null },
  { enterpriseId: string; status: OfferStatus; after: string }
>`
  query EnterpriseOffersPage($enterpriseId: ID!, $status: OfferStatus!, $after: String!) {
    enterprise(id: $enterpriseId) {
      id
      offers(status: $status, first: 100, after: $after) { ${enterpriseOfferPage} }
    }
  }
`;

/** What the offer form sends (`CreateOfferInput` / `UpdateOfferInput`). */
export interface OfferInput {
  title: string;
  description: string;
  skills: string[];
  city: string;
  country: string;
  remote: RemoteMode;
  startDate: string;
  durationMonths: number;
  weeklyHours: number;
  stipendCents: number | null;
  deadline: string | null;
}

export const CreateOfferDocument = gql<{ createOffer: OfferDetail }, { input: OfferInput }>`
  mutation CreateOffer($input: CreateOfferInput!) {
    createOffer(input: $input) {
      ${offerDetailFields}
    }
  }
`;

export const UpdateOfferDocument = gql<{ updateOffer: OfferDetail }, { id: string; input: OfferInput }>`
  mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) {
    updateOffer(id: $id, input: $input) {
      ${offerDetailFields}
    }
  }
`;

export type OfferMove = 'publish' | 'close' | 'archive';

type OfferMoveResult = { id: string; status: OfferStatus; publishedAt: string | null; updatedAt: string };

export const PublishOfferDocument = gql<{ publishOffer: OfferMoveResult }, { id: string }>`
  mutation PublishOffer($id: ID!) {
    publishOffer(id: $id) { id status publishedAt updatedAt }
  }
`;

export const CloseOfferDocument = gql<{ closeOffer: OfferMoveResult }, { id: string }>`
  mutation CloseOffer($id: ID!) {
    closeOffer(id: $id) { id status publishedAt updatedAt }
  }
`;

export const ArchiveOfferDocument = gql<{ archiveOffer: OfferMoveResult }, { id: string }>`
  mutation ArchiveOffer($id: ID!) {
    archiveOffer(id: $id) { id status publishedAt updatedAt }
  }
`;
