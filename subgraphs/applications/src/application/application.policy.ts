import { hasRole, isPartyTo, isSystemAdmin, partyScope, type RowScope, type Viewer } from '@stages/platform';
import type { Application } from './application.entity.js';
import type { ApplicationActor } from './application.transitions.js';

/** An application is visible to its parties: the student, the enterprise, the student's university (admins). */
export const canReadApplication = (viewer: Viewer | null, application: Application): boolean => isPartyTo(viewer, application);

/** The applications a caller may list (a row filter), or null when none. */
export const applicationScope = (viewer: Viewer | null): RowScope<Application> | null => partyScope(viewer);

/** The parts the caller plays in an application's process (none for its university's staff, who only follow it). */
export function applicationActors(viewer: Viewer | null, application: Application): ApplicationActor[] {
  const actors: ApplicationActor[] = [];
  if (isSystemAdmin(viewer)) actors.push('SYSTEM_ADMIN');
  if (hasRole(viewer, 'ENTERPRISE') && viewer?.enterpriseId !== undefined && viewer.enterpriseId === application.enterpriseId) actors.push('RECRUITER');
  if (viewer?.studentId !== undefined && viewer.studentId === application.studentId) actors.push('STUDENT');
  return actors;
}

/**
 * Evaluations are the enterprise's judgement: its recruiters and system administrators read them; the student,
 * their university and anyone else get null.
 */
export const canReadEvaluations = (viewer: Viewer | null, application: Application): boolean =>
  isSystemAdmin(viewer) || (hasRole(viewer, 'ENTERPRISE') && viewer?.enterpriseId !== undefined && viewer.enterpriseId === application.enterpriseId);

/** Shortlists belong to an enterprise: the caller's enterprise when they are one of its recruiters, else null. */
export const recruiterEnterprise = (viewer: Viewer | null): string | null => (hasRole(viewer, 'ENTERPRISE') && viewer?.enterpriseId ? viewer.enterpriseId : null);
