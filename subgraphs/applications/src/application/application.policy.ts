import { hasRole, isSystemAdmin, isUniversityAdminOf, type RowScope, type Viewer } from '@stages/platform';
import type { Application } from './application.entity.js';

/**
 * An application is visible to its student, to the enterprise it was sent to, to the administrators of the
 * student's university and to system administrators.
 */
export function canReadApplication(viewer: Viewer | null, application: Application): boolean {
  return (
    isSystemAdmin(viewer) ||
    (viewer?.studentId !== undefined && viewer.studentId === application.studentId) ||
    (hasRole(viewer, 'ENTERPRISE') && viewer?.enterpriseId !== undefined && viewer.enterpriseId === application.enterpriseId) ||
    isUniversityAdminOf(viewer, application.universityId)
  );
}

/** The applications a caller may list (a row filter), or null when none. */
export function applicationScope(viewer: Viewer | null): RowScope<Application> | null {
  if (isSystemAdmin(viewer)) return {};
  if (viewer?.studentId && hasRole(viewer, 'STUDENT')) return { studentId: viewer.studentId };
  if (viewer?.enterpriseId && hasRole(viewer, 'ENTERPRISE')) return { enterpriseId: viewer.enterpriseId };
  if (viewer?.universityId && hasRole(viewer, 'UNIVERSITY_ADMIN')) return { universityId: viewer.universityId };
  return null;
}
