import { hasRole, isSystemAdmin, isUniversityAdminOf, type RowScope, type Viewer } from '@stages/platform';
import type { Internship } from './internship.entity.js';

/** An internship is visible to its intern, the host enterprise, the student's university administrators and system administrators. */
export function canReadInternship(viewer: Viewer | null, internship: Internship): boolean {
  return (
    isSystemAdmin(viewer) ||
    (viewer?.studentId !== undefined && viewer.studentId === internship.studentId) ||
    (hasRole(viewer, 'ENTERPRISE') && viewer?.enterpriseId !== undefined && viewer.enterpriseId === internship.enterpriseId) ||
    isUniversityAdminOf(viewer, internship.universityId)
  );
}

/** The internships a caller may list (a row filter), or null when none. */
export function internshipScope(viewer: Viewer | null): RowScope<Internship> | null {
  if (isSystemAdmin(viewer)) return {};
  if (viewer?.studentId && hasRole(viewer, 'STUDENT')) return { studentId: viewer.studentId };
  if (viewer?.enterpriseId && hasRole(viewer, 'ENTERPRISE')) return { enterpriseId: viewer.enterpriseId };
  if (viewer?.universityId && hasRole(viewer, 'UNIVERSITY_ADMIN')) return { universityId: viewer.universityId };
  return null;
}
