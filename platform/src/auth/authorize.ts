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
