import type { FilterQuery } from '@mikro-orm/core';
import { isPartyTo, isStaffOf, isSystemAdmin, partyScope, type Viewer } from '@stages/platform';
import type { Document } from './document.entity.js';

/**
 * A document is visible to its owner and to system administrators; one generated for an internship (attestation,
 * evaluation form) to the internship's parties: the intern, the host enterprise, the student's university admins;
 * the CV a student shows on their profile to the student and their university's staff (administrators and
 * referent teachers).
 */
export const canReadDocument = (viewer: Viewer | null, document: Document): boolean =>
  isSystemAdmin(viewer) ||
  (viewer !== null && document.ownerId !== null && viewer.subject === document.ownerId) ||
  (document.internshipId !== null && document.studentId !== null && isPartyTo(viewer, { studentId: document.studentId, enterpriseId: document.enterpriseId, universityId: document.universityId })) ||
  (document.profileCv && document.studentId !== null && (viewer?.studentId === document.studentId || isStaffOf(viewer, document.universityId)));

/** The documents a caller may list (the same rule as a row filter), or null when none (anonymous). */
export function documentScope(viewer: Viewer | null): FilterQuery<Document> | null {
  if (isSystemAdmin(viewer)) return {};
  if (!viewer) return null;
  const own: FilterQuery<Document> = { ownerId: viewer.subject };
  const party = partyScope(viewer);
  return party ? { $or: [own, { internshipId: { $ne: null }, ...party }] } : own;
}
