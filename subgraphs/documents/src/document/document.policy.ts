import type { FilterQuery } from '@mikro-orm/core';
import { hasRole, isPartyTo, isStaffOf, isSystemAdmin, partyScope, type Viewer } from '@stages/platform';
import type { Document } from './document.entity.js';

/**
 * A document is visible to its owner and to system administrators; one generated for an internship (attestation,
 * evaluation form) to the internship's parties: the intern, the host enterprise, the student's university admins;
 * the CV a student shows on their profile to the student and their university's staff (administrators and
 * referent teachers); one a student attached to an application to the recruiters of the enterprises it is shared
 * with (`sharedWith`: until the application is withdrawn or rejected).
 */
export const canReadDocument = (viewer: Viewer | null, document: Document, sharedWith: readonly string[] = []): boolean =>
  isSystemAdmin(viewer) ||
  (viewer !== null && document.ownerId !== null && viewer.subject === document.ownerId) ||
  (document.internshipId !== null && document.studentId !== null && isPartyTo(viewer, { studentId: document.studentId, enterpriseId: document.enterpriseId, universityId: document.universityId })) ||
  (document.profileCv && document.studentId !== null && (viewer?.studentId === document.studentId || isStaffOf(viewer, document.universityId))) ||
  (isRecruiter(viewer) && sharedWith.includes(viewer!.enterpriseId!));

/** Whether the viewer reads documents as a recruiter of an enterprise (and may be shared some). */
export const isRecruiter = (viewer: Viewer | null): boolean => hasRole(viewer, 'ENTERPRISE') && Boolean(viewer?.enterpriseId);

/** The documents a caller may list (the same rule as a row filter), or null when none (anonymous). */
export function documentScope(viewer: Viewer | null): FilterQuery<Document> | null {
  if (isSystemAdmin(viewer)) return {};
  if (!viewer) return null;
  const own: FilterQuery<Document> = { ownerId: viewer.subject };
  const party = partyScope(viewer);
  return party ? { $or: [own, { internshipId: { $ne: null }, ...party }] } : own;
}
