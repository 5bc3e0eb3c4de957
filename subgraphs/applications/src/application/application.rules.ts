import { badUserInput, parseId } from '@stages/platform';
import { ApplicationStatus } from './application.entity.js';
import { isOpenApplicationStatus } from './application.transitions.js';

export const COVER_LETTER_MAX_LENGTH = 5000;
export const MAX_DOCUMENTS = 5;
/** Offers' deadlines are French calendar days. */
export const DEADLINE_TIME_ZONE = 'Europe/Paris';

/** The calendar date (YYYY-MM-DD) it is at `now` in `timeZone`. */
export function localDate(now: Date, timeZone = DEADLINE_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * An application that stops the student from applying again to the same offer: an open one (still in the
 * enterprise's process) or an accepted one (the place is theirs). Refused and withdrawn ones do not.
 */
export const blocksNewApplication = (status: ApplicationStatus): boolean => isOpenApplicationStatus(status) || status === ApplicationStatus.ACCEPTED;

export interface ApplyInputValues {
  offerId: string;
  coverLetter: string | null;
  documentIds: string[];
}

/** Checks an application's input: BAD_USER_INPUT naming the field. Blank cover letters are null; repeated documents count once. */
export function parseApplyInput(input: { offerId: string; coverLetter?: string | null; documentIds?: readonly string[] | null }): ApplyInputValues {
  const offerId = parseId(input.offerId, 'offerId');
  const coverLetter = input.coverLetter?.trim() ?? '';
  if (coverLetter.length > COVER_LETTER_MAX_LENGTH) throw badUserInput('coverLetter', `coverLetter must have at most ${COVER_LETTER_MAX_LENGTH} characters.`);
  const documentIds = [...new Set((input.documentIds ?? []).map((id) => parseId(id, 'documentIds')))];
  if (documentIds.length > MAX_DOCUMENTS) throw badUserInput('documentIds', `documentIds must list at most ${MAX_DOCUMENTS} documents.`);
  return { offerId, coverLetter: coverLetter || null, documentIds };
}

/** What this subgraph knows of the offer applied to (its snapshot), or null when it never heard of it. */
export interface OfferState {
  status: string;
  deadline: string | null;
}

export type ApplyRefusal =
  | { reason: 'OFFER_NOT_OPEN'; message: string; offerStatus: string | null }
  | { reason: 'DEADLINE_PASSED'; message: string; deadline: string }
  | { reason: 'ALREADY_APPLIED'; message: string; applicationId: string; status: ApplicationStatus };

/**
 * Why a student may not apply now, or null when they may: the offer must be published, today (Europe/Paris)
 * must be on or before its deadline, and the student must not have an open or accepted application to it.
 */
export function applyRefusal(offer: OfferState | null, today: string, existing: { id: string; status: ApplicationStatus } | null): ApplyRefusal | null {
  if (!offer || offer.status !== 'PUBLISHED') {
    return { reason: 'OFFER_NOT_OPEN', message: 'This offer is not open to applications.', offerStatus: offer?.status ?? null };
  }
  if (offer.deadline && today > offer.deadline) {
    return { reason: 'DEADLINE_PASSED', message: `The deadline to apply to this offer was ${offer.deadline}.`, deadline: offer.deadline };
  }
  if (existing && blocksNewApplication(existing.status)) {
    return {
      reason: 'ALREADY_APPLIED',
      message:
        existing.status === ApplicationStatus.ACCEPTED
          ? 'You already accepted this offer.'
          : `You already applied to this offer (your application is ${existing.status}): withdraw it before applying again.`,
      applicationId: existing.id,
      status: existing.status,
    };
  }
  return null;
}
