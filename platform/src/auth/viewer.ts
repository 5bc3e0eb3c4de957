/** Roles of Stages (ARCHITECTURE.md). */
export const ROLES = ['STUDENT', 'ENTERPRISE', 'UNIVERSITY_ADMIN', 'UNIVERSITY_SUPERVISOR', 'SYSTEM_ADMIN'] as const;
export type RoleName = (typeof ROLES)[number];

/** Who is calling, as proven by a verified access token. */
export interface Viewer {
  /** Account id (`sub`); for a client-credentials token, the client id. */
  subject: string;
  kind: 'user' | 'client';
  roles: RoleName[];
  /** The organisations the user belongs to, from the token: ownership checks compare against these. */
  studentId?: string;
  enterpriseId?: string;
  universityId?: string;
  scopes: string[];
}

/** Access-token claims beyond the registered ones (RFC 9068 profile plus Stages' own). */
export interface AccessTokenClaims {
  roles?: RoleName[];
  student_id?: string;
  enterprise_id?: string;
  university_id?: string;
  client_id?: string;
  scope?: string;
}

export const ACCESS_TOKEN_TYPE = 'at+jwt';
