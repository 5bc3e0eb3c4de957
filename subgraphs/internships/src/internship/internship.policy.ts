import { hasRole, isPartyTo, partyScope, type RowScope, type Viewer } from '@stages/platform';
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
