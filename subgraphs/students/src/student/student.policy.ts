import { hasRole, isSystemAdmin, isUniversityAdminOf, type RowScope, type Viewer } from '@stages/platform';
import type { Student } from './student.entity.js';

// Supervisors will see the students they supervise once supervision is recorded (conventions); until then, none.

/** The whole profile, private fields included: the student, their university's administrators, system administrators. */
export function canReadPrivateProfile(viewer: Viewer | null, student: Pick<Student, 'id' | 'universityId'>): boolean {
  return isSystemAdmin(viewer) || viewer?.studentId === student.id || isUniversityAdminOf(viewer, student.universityId);
}

/**
 * A profile is visible (its public fields at least) to those who may read it whole, and to an enterprise the
 * student applied to (`isApplicantToViewer`, batched per request).
 */
export async function canReadStudent(
  viewer: Viewer | null,
  student: Pick<Student, 'id' | 'universityId'>,
  isApplicantToViewer: (studentId: string) => Promise<boolean>,
): Promise<boolean> {
  if (canReadPrivateProfile(viewer, student)) return true;
  return hasRole(viewer, 'ENTERPRISE') && (await isApplicantToViewer(student.id));
}

/** The students a caller may list, or null when they may list none. */
export function studentScope(viewer: Viewer | null): RowScope<Student> | null {
  if (isSystemAdmin(viewer)) return {};
  if (viewer?.universityId && hasRole(viewer, 'UNIVERSITY_ADMIN')) return { universityId: viewer.universityId };
  return null;
}
