import { hasRole, isSystemAdmin, isUniversityAdminOf, type Viewer } from '@stages/platform';
import type { Student } from './student.entity.js';

/** Relationships of the caller with students, looked up in batches per request. */
export interface StudentRelations {
  /** The student applied to the caller's enterprise. */
  isApplicantToViewer(studentId: string): Promise<boolean>;
  /** The caller is the referent teacher of one of the student's internships. */
  isSupervisedByViewer(studentId: string): Promise<boolean>;
}

/**
 * The whole profile, private fields included: the student, their university's administrators, the referent
 * teachers who follow them, system administrators.
 */
export async function canReadPrivateProfile(viewer: Viewer | null, student: Pick<Student, 'id' | 'universityId'>, relations: StudentRelations): Promise<boolean> {
  if (isSystemAdmin(viewer) || viewer?.studentId === student.id || isUniversityAdminOf(viewer, student.universityId)) return true;
  return hasRole(viewer, 'UNIVERSITY_SUPERVISOR') && (await relations.isSupervisedByViewer(student.id));
}

/** A profile is visible (its public fields at least) to those above, and to an enterprise the student applied to. */
export async function canReadStudent(viewer: Viewer | null, student: Pick<Student, 'id' | 'universityId'>, relations: StudentRelations): Promise<boolean> {
  if (await canReadPrivateProfile(viewer, student, relations)) return true;
  return hasRole(viewer, 'ENTERPRISE') && (await relations.isApplicantToViewer(student.id));
}

/** Which students a caller may list: all, their university's, or those they follow as referent teacher. */
export type StudentListScope = { kind: 'all' } | { kind: 'university'; universityId: string } | { kind: 'followed'; supervisorUserId: string };

/** The students a caller may list, or null when none (anonymous callers, students, enterprises). */
export function studentListScope(viewer: Viewer | null): StudentListScope | null {
  if (isSystemAdmin(viewer)) return { kind: 'all' };
  if (viewer?.universityId && hasRole(viewer, 'UNIVERSITY_ADMIN')) return { kind: 'university', universityId: viewer.universityId };
  if (viewer?.kind === 'user' && hasRole(viewer, 'UNIVERSITY_SUPERVISOR')) return { kind: 'followed', supervisorUserId: viewer.subject };
  return null;
}
