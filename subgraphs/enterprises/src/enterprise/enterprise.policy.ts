import { hasRole, isSystemAdmin, type Viewer } from '@stages/platform';
import type { VerificationActor } from './enterprise.transitions.js';

/** A recruiter (role ENTERPRISE) of this enterprise, by the organisation their token carries. */
export const isRecruiterOf = (viewer: Viewer | null, enterpriseId: string): boolean =>
  hasRole(viewer, 'ENTERPRISE') && viewer?.enterpriseId !== undefined && viewer.enterpriseId === enterpriseId;

/** The profile is edited by the enterprise's recruiters and by system administrators. */
export const canEditEnterprise = (viewer: Viewer | null, enterpriseId: string): boolean => isSystemAdmin(viewer) || isRecruiterOf(viewer, enterpriseId);

/** Why a verification was refused concerns the enterprise and the administrators only. */
export const canReadVerificationNote = canEditEnterprise;

/**
 * Contacts' e-mail addresses and phone numbers are personal data: the enterprise's recruiters, university staff
 * (who prepare conventions with the host and follow interns) and system administrators see them; students, other
 * enterprises and anonymous callers see names and roles only.
 */
export const canReadContactDetails = (viewer: Viewer | null, enterpriseId: string): boolean =>
  canEditEnterprise(viewer, enterpriseId) || hasRole(viewer, 'UNIVERSITY_ADMIN', 'UNIVERSITY_SUPERVISOR');

/** The parts the caller plays in the enterprise's verification. */
export function verificationActors(viewer: Viewer | null, enterpriseId: string): VerificationActor[] {
  const actors: VerificationActor[] = [];
  if (isSystemAdmin(viewer)) actors.push('SYSTEM_ADMIN');
  if (isRecruiterOf(viewer, enterpriseId)) actors.push('RECRUITER');
  return actors;
}
