import { forbidden, unauthenticated } from '../graphql/errors.js';
import type { RoleName, Viewer } from './viewer.js';

/** The signed-in caller; UNAUTHENTICATED when the request has no valid access token. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

export function hasRole(viewer: Viewer | null, ...roles: RoleName[]): boolean {
  return Boolean(viewer && viewer.roles.some((role) => roles.includes(role)));
}

export const isSystemAdmin = (viewer: Viewer | null): boolean => hasRole(viewer, 'SYSTEM_ADMIN');

/** Staff (admin or supervisor) of the given university. */
export function isStaffOf(viewer: Viewer | null, universityId: string | null | undefined): boolean {
  return Boolean(universityId && viewer?.universityId === universityId && hasRole(viewer, 'UNIVERSITY_ADMIN', 'UNIVERSITY_SUPERVISOR'));
}

/**
 * Passes when `allowed` holds; otherwise UNAUTHENTICATED for an anonymous caller (signing in might help) and
 * FORBIDDEN for a signed-in one (it would not).
 */
export function authorize(viewer: Viewer | null, allowed: boolean, message?: string): void {
  if (allowed) return;
  if (!viewer) throw unauthenticated();
  throw forbidden(message);
}

/** Administrator of the given university. */
export function isUniversityAdminOf(viewer: Viewer | null, universityId: string | null | undefined): boolean {
  return Boolean(universityId && viewer?.universityId === universityId && hasRole(viewer, 'UNIVERSITY_ADMIN'));
}

/** The three parties of an internship relationship (an application, an internship, a convention). */
export interface Parties {
  studentId: string;
  enterpriseId: string | null;
  universityId: string | null;
}

/**
 * A record between a student, an enterprise and a university is visible to the student, to the enterprise, to
 * the administrators of the student's university and to system administrators.
 */
export function isPartyTo(viewer: Viewer | null, record: Parties): boolean {
  return (
    isSystemAdmin(viewer) ||
    (viewer?.studentId !== undefined && viewer.studentId === record.studentId) ||
    (hasRole(viewer, 'ENTERPRISE') && viewer?.enterpriseId !== undefined && viewer.enterpriseId === record.enterpriseId) ||
    isUniversityAdminOf(viewer, record.universityId)
  );
}

/** The row filter matching `isPartyTo` for lists (all rows for system administrators), or null when none. */
export function partyScope(viewer: Viewer | null): Partial<Record<keyof Parties, string>> | null {
  if (isSystemAdmin(viewer)) return {};
  if (viewer?.studentId && hasRole(viewer, 'STUDENT')) return { studentId: viewer.studentId };
  if (viewer?.enterpriseId && hasRole(viewer, 'ENTERPRISE')) return { enterpriseId: viewer.enterpriseId };
  if (viewer?.universityId && hasRole(viewer, 'UNIVERSITY_ADMIN')) return { universityId: viewer.universityId };
  return null;
}
