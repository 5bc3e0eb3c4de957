import { VerificationStatus } from './enterprise.entity.js';

const { PENDING, SUBMITTED, VERIFIED, REJECTED } = VerificationStatus;

/** Who moves an enterprise through verification: its recruiters submit it, a system administrator decides. */
export type VerificationActor = 'RECRUITER' | 'SYSTEM_ADMIN';

const NEXT: Readonly<Record<VerificationStatus, readonly VerificationStatus[]>> = {
  PENDING: [SUBMITTED],
  SUBMITTED: [VERIFIED, REJECTED],
  VERIFIED: [],
  // A rejected enterprise fixes its profile and asks again.
  REJECTED: [SUBMITTED],
};

const TARGETS: Readonly<Record<VerificationActor, readonly VerificationStatus[]>> = {
  RECRUITER: [SUBMITTED],
  SYSTEM_ADMIN: [VERIFIED, REJECTED],
};

/** The statuses an enterprise in `from` may move to; with `actors`, only those one of them may set. */
export function nextVerificationStatuses(from: VerificationStatus, actors?: readonly VerificationActor[]): VerificationStatus[] {
  const next = NEXT[from];
  if (!actors) return [...next];
  return next.filter((status) => actors.some((actor) => TARGETS[actor].includes(status)));
}

/** Whether the workflow allows `from` → `to`, whoever asks. */
export const isVerificationTransition = (from: VerificationStatus, to: VerificationStatus): boolean => NEXT[from].includes(to);

/** Whether one of `actors` may ever set `to`. */
export const maySetVerificationStatus = (actors: readonly VerificationActor[], to: VerificationStatus): boolean =>
  actors.some((actor) => TARGETS[actor].includes(to));

/**
 * The status after the SIRET changed: a verified enterprise is no longer the one that was checked, so it goes
 * back to PENDING (and must be submitted again); other statuses stay (a submitted one is reviewed as it is now).
 */
export const statusAfterSiretChange = (status: VerificationStatus): VerificationStatus => (status === VERIFIED ? PENDING : status);
