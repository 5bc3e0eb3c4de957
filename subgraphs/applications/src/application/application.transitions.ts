import { ApplicationStatus } from './application.entity.js';

const { SUBMITTED, SHORTLISTED, INTERVIEW, OFFERED, ACCEPTED, REJECTED, WITHDRAWN } = ApplicationStatus;

/** Who moves an application: the applicant, the enterprise's recruiters, or a system administrator. */
export type ApplicationActor = 'STUDENT' | 'RECRUITER' | 'SYSTEM_ADMIN';

// The enterprise's process is linear; the enterprise may refuse and the student withdraw at any open step.
const NEXT: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  SUBMITTED: [SHORTLISTED, REJECTED, WITHDRAWN],
  SHORTLISTED: [INTERVIEW, REJECTED, WITHDRAWN],
  INTERVIEW: [OFFERED, REJECTED, WITHDRAWN],
  OFFERED: [ACCEPTED, REJECTED, WITHDRAWN],
  ACCEPTED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

/** Statuses each actor may set (when the machine allows the move). */
const TARGETS: Readonly<Record<ApplicationActor, readonly ApplicationStatus[]>> = {
  STUDENT: [ACCEPTED, WITHDRAWN],
  RECRUITER: [SHORTLISTED, INTERVIEW, OFFERED, REJECTED],
  SYSTEM_ADMIN: Object.values(ApplicationStatus),
};

/**
 * The statuses an application in `from` may move to, in the order of the process; with `actors`, only those
 * one of them may set.
 */
export function nextApplicationStatuses(from: ApplicationStatus, actors?: readonly ApplicationActor[]): ApplicationStatus[] {
  const next = NEXT[from];
  if (!actors) return [...next];
  return next.filter((status) => actors.some((actor) => TARGETS[actor].includes(status)));
}

/** Whether the machine allows `from` → `to`, whoever asks. */
export function isApplicationTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return NEXT[from].includes(to);
}

/** Whether one of `actors` may ever set `to` (leaving aside the current status). */
export function maySetApplicationStatus(actors: readonly ApplicationActor[], to: ApplicationStatus): boolean {
  return actors.some((actor) => TARGETS[actor].includes(to));
}

/** Whether an application in this status is still open (neither accepted, refused nor withdrawn). */
export const isOpenApplicationStatus = (status: ApplicationStatus): boolean => NEXT[status].length > 0;
