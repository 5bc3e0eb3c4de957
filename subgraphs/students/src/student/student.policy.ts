import { hasRole, isSystemAdmin, isUniversityAdminOf, type RowScope, type Viewer } from '@stages/platform';
import type { Student } from './student.entity.js';

// Supervisors will see the students they supervise once supervision is recorded (conventions); until then, none.

/** A student profile is visible to the student, their university's administrators and system administrators. */
export function canReadStudent(viewer: Viewer | null, student: Pick<Student, 'id' | 'universityId'>): boolean {
  return isSystemAdmin(viewer) || viewer?.studentId === student.id || isUniversityAdminOf(viewer, student.universityId);
}

/** The students a caller may list, or null when they may list none. */
export function studentScope(viewer: Viewer | null): RowScope<Student> | null {
  if (isSystemAdmin(viewer)) return {};
  if (viewer?.universityId && hasRole(viewer, 'UNIVERSITY_ADMIN')) return { universityId: viewer.universityId };
  return null;
}
