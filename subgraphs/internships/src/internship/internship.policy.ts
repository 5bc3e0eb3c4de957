import { hasRole, isPartyTo, isSystemAdmin, isUniversityAdminOf, partyScope, type RowScope, type Viewer } from '@stages/platform';
import type { Internship } from './internship.entity.js';

const isSupervisor = (viewer: Viewer | null) => hasRole(viewer, 'UNIVERSITY_SUPERVISOR');

/**
 * An internship is visible to its parties (the intern, the host enterprise, the student's university admins) and
 * to the referent teacher who supervises it.
 */
export const canReadInternship = (viewer: Viewer | null, internship: Internship): boolean =>
  isPartyTo(viewer, internship) || (isSupervisor(viewer) && internship.supervisorUserId === viewer!.subject);

/** The internships a caller may list (a row filter), or null when none. */
export function internshipScope(viewer: Viewer | null): RowScope<Internship> | null {
  const scope = partyScope(viewer);
  if (scope) return scope;
  return isSupervisor(viewer) ? { supervisorUserId: viewer!.subject } : null;
}

/** The host enterprise's recruiters, the administrators of the student's university and system administrators run an internship. */
export const canManageInternship = (viewer: Viewer | null, internship: Internship): boolean =>
  isSystemAdmin(viewer) ||
  (hasRole(viewer, 'ENTERPRISE') && viewer?.enterpriseId !== undefined && viewer.enterpriseId === internship.enterpriseId) ||
  isUniversityAdminOf(viewer, internship.universityId);

/** The referent teacher is the university's choice: its administrators, or a system administrator. */
export const canAssignSupervisor = (viewer: Viewer | null, internship: Internship): boolean =>
  isSystemAdmin(viewer) || isUniversityAdminOf(viewer, internship.universityId);
