import { gql } from '@urql/vue';
import type { Connection, PageVariables } from './connection';
import { documentFields, type DocumentSummary } from './documents';

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

export type SkillLevel = 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED' | 'EXPERT';
export const skillLevels: readonly SkillLevel[] = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT'];

/** CEFR levels, or NATIVE. */
export type LanguageLevel = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' | 'NATIVE';
export const languageLevels: readonly LanguageLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NATIVE'];

export type RemotePolicy = 'ON_SITE' | 'HYBRID' | 'REMOTE';
export const remotePolicies: readonly RemotePolicy[] = ['ON_SITE', 'HYBRID', 'REMOTE'];

export interface AcademicRecord {
  id: string;
  institution: string;
  degree: string;
  field: string;
  startYear: number;
  endYear: number | null;
  grade: string | null;
}

export interface StudentPreferences {
  sectors: string[];
  cities: string[];
  remote: RemotePolicy[];
  earliestStartDate: string | null;
  durationMonths: number | null;
  minimumStipendCents: number | null;
}

/** The student's own profile, as `/profile` edits it. */
export interface StudentProfile {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  program: string | null;
  yearOfStudy: number | null;
  headline: string | null;
  skills: Array<{ name: string; level: SkillLevel }>;
  languages: Array<{ code: string; level: LanguageLevel }>;
  academicRecords: AcademicRecord[];
  preferences: StudentPreferences;
  updatedAt: string;
}

const profileFields = `
  id
  firstName
  lastName
  email
  phone
  city
  program
  yearOfStudy
  headline
  skills { name level }
  languages { code level }
  academicRecords { id institution degree field startYear endYear grade }
  preferences { sectors cities remote earliestStartDate durationMonths minimumStipendCents }
  updatedAt
`;

/** The profile and the CV shown on it (`Student.cv`, from the documents subgraph). */
export const StudentProfileDocument = gql<
  { student: (StudentProfile & { cv: DocumentSummary | null }) | null },
  { id: string }
>`
  query StudentProfile($id: ID!) {
    student(id: $id) {
      ${profileFields}
      cv {
        ${documentFields}
      }
    }
  }
`;

/** `UpdateStudentProfileInput`: a field left out stays; null empties it; lists replace the current ones. */
export interface StudentProfileInput {
  phone?: string | null;
  city?: string | null;
  program?: string | null;
  yearOfStudy?: number | null;
  headline?: string | null;
  languages?: Array<{ code: string; level: LanguageLevel }>;
  academicRecords?: Array<Omit<AcademicRecord, 'id'> & { id?: string }>;
  preferences?: Partial<StudentPreferences>;
}

export const UpdateStudentProfileDocument = gql<{ updateStudentProfile: StudentProfile }, { input: StudentProfileInput }>`
  mutation UpdateStudentProfile($input: UpdateStudentProfileInput!) {
    updateStudentProfile(input: $input) {
      ${profileFields}
    }
  }
`;

/** Replaces the skills: at most 30, names of 1 to 60 characters, each once (case-insensitively). */
export const SetStudentSkillsDocument = gql<
  { setStudentSkills: { id: string; skills: StudentProfile['skills']; updatedAt: string } },
  { skills: StudentProfile['skills'] }
>`
  mutation SetStudentSkills($skills: [StudentSkillInput!]!) {
    setStudentSkills(skills: $skills) {
      id
      skills { name level }
      updatedAt
    }
  }
`;
