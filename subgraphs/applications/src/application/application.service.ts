import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { authorize, badUserInput, conflict, hasRole, loadVisibleOrThrow } from '@stages/platform';
import type { ApplicationsContext } from '../context.js';
import { UploadedDocument } from '../uploaded-document/uploaded-document.entity.js';
import { Application, ApplicationStatus } from './application.entity.js';
import type { ApplyToOfferInput } from './application.inputs.js';
import { applyRefusal, localDate, parseApplyInput } from './application.rules.js';
import { APPLICATION_STATUS_EVENTS } from './application.events.js';
import { applicationActors, canReadApplication } from './application.policy.js';
import { ApplicationStatusChange } from './application-status-change.entity.js';
import { isApplicationTransition, maySetApplicationStatus, nextApplicationStatuses, type ApplicationActor } from './application.transitions.js';

export const REASON_MAX_LENGTH = 1000;

const WHO_MAY: Record<ApplicationActor, string> = {
  STUDENT: 'the student may accept an offer or withdraw',
  RECRUITER: "the enterprise's recruiters may shortlist, invite to an interview, make an offer or refuse",
  SYSTEM_ADMIN: 'a system administrator may make any move the process allows',
};

/** The reason as stored: trimmed, null when blank; BAD_USER_INPUT past 1000 characters. */
export function parseReason(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() ?? '';
  if (trimmed.length > REASON_MAX_LENGTH) throw badUserInput('reason', `reason must have at most ${REASON_MAX_LENGTH} characters.`);
  return trimmed || null;
}

/**
 * Moves an application to `to` for the caller: the move must be one the caller may make and the process allows
 * from the current status. The new status, its history entry and its event commit in one transaction.
 */
export async function changeApplicationStatus(ctx: ApplicationsContext, id: string, to: ApplicationStatus, reason: string | null | undefined): Promise<Application> {
  const application = await loadVisibleOrThrow(ctx.loaders.applicationById, 'Application', id, ctx.viewer, (found) => canReadApplication(ctx.viewer, found));
  const actors = applicationActors(ctx.viewer, application);
  authorize(
    ctx.viewer,
    maySetApplicationStatus(actors, to),
    actors.length === 0
      ? 'Only the student, the enterprise’s recruiters and system administrators change an application’s status.'
      : `You may not move this application to ${to}: ${actors.map((actor) => WHO_MAY[actor]).join('; ')}.`,
  );
  const why = parseReason(reason);
  const from = application.status;
  // SUBMITTED is never a move's target; saying so also narrows `to` for the event table below.
  if (!isApplicationTransition(from, to) || to === ApplicationStatus.SUBMITTED) {
    const allowed = nextApplicationStatuses(from, actors);
    throw conflict(
      `This application is ${from}: it cannot move to ${to}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}.`,
      { status: from, allowed },
    );
  }
  const actorUserId = ctx.viewer!.subject;
  application.status = to;
  ctx.em.persist(ctx.em.create(ApplicationStatusChange, { applicationId: application.id, from, to, reason: why, actorUserId, at: new Date() }));
  ctx.emit({
    type: APPLICATION_STATUS_EVENTS[to],
    subject: application.id,
    data: {
      applicationId: application.id,
      studentId: application.studentId,
      offerId: application.offerId,
      enterpriseId: application.enterpriseId,
      universityId: application.universityId,
      from,
      to,
      reason: why,
      actorUserId,
    },
  });
  try {
    await ctx.em.flush();
  } catch (error) {
    // Someone else moved it between our read and our write: nothing of ours was committed.
    if (error instanceof OptimisticLockError) throw conflict('This application has just changed: reload it and try again.', { status: from });
    throw error;
  }
  return application;
}

/** How long applying waits to hear of an upload it does not know yet (one made a moment before). */
export const UPLOAD_GRACE_MS = 2_000;

/**
 * Every document attached must be one the student uploaded (as `document.uploaded` told this subgraph): the
 * enterprise will be allowed to read them. One someone else uploaded is refused at once (`reason: NOT_YOURS`); one
 * not heard of yet is waited for, up to UPLOAD_GRACE_MS, so a client applying right after `uploadDocument` does
 * not lose the race with the event, then refused (`reason: UNKNOWN_DOCUMENT`). Both name the `documentIds`.
 */
async function requireOwnDocuments(ctx: ApplicationsContext, documentIds: string[]): Promise<void> {
  if (documentIds.length === 0) return;
  const deadline = Date.now() + UPLOAD_GRACE_MS;
  const listed = (ids: string[]) => `${ids.join(', ')} ${ids.length === 1 ? 'is' : 'are'}`;
  for (let pause = 50; ; pause *= 2) {
    const known = await ctx.em.find(UploadedDocument, { id: { $in: documentIds } }, { fields: ['id', 'ownerId'] });
    const owners = new Map(known.map((document) => [document.id, document.ownerId]));
    const foreign = documentIds.filter((id) => owners.has(id) && owners.get(id) !== ctx.viewer!.subject);
    if (foreign.length > 0) {
      throw badUserInput('documentIds', `documentIds must be documents you uploaded: ${listed(foreign)} someone else's.`, { reason: 'NOT_YOURS', documentIds: foreign });
    }
    const unknown = documentIds.filter((id) => !owners.has(id));
    if (unknown.length === 0) return;
    const left = deadline - Date.now();
    if (left <= 0) {
      throw badUserInput('documentIds', `documentIds must be documents you uploaded: ${listed(unknown)} unknown.`, { reason: 'UNKNOWN_DOCUMENT', documentIds: unknown });
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
  }
}

/**
 * A student applies to an offer: it must be PUBLISHED and its deadline (a Europe/Paris day) not passed, and the
 * student must have no open or accepted application to it; each refusal is a CONFLICT whose `reason` says which.
 * The application, with the enterprise from the offer snapshot and the university from the token, and its
 * `application.created` event commit together. The partial unique index on (student, offer) settles a race.
 */
export async function applyToOffer(ctx: ApplicationsContext, input: ApplyToOfferInput): Promise<Application> {
  authorize(ctx.viewer, hasRole(ctx.viewer, 'STUDENT') && Boolean(ctx.viewer?.studentId), 'Only students apply to offers.');
  const { offerId, coverLetter, documentIds } = parseApplyInput(input);
  const studentId = ctx.viewer!.studentId!;
  const offer = await ctx.loaders.offerSnapshotById.load(offerId);
  const existing = await ctx.em.findOne(
    Application,
    { studentId, offerId, status: { $nin: [ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN] } },
    { orderBy: { id: 'desc' } },
  );
  const refusal = applyRefusal(offer, localDate(new Date()), existing);
  if (refusal) {
    const { message, ...extensions } = refusal;
    throw conflict(message, extensions);
  }
  await requireOwnDocuments(ctx, documentIds);
  const now = new Date();
  const application = ctx.em.create(Application, {
    studentId,
    offerId,
    enterpriseId: offer!.enterpriseId,
    universityId: ctx.viewer!.universityId ?? null,
    status: ApplicationStatus.SUBMITTED,
    coverLetter,
    documentIds,
    submittedAt: now,
    updatedAt: now,
  });
  ctx.emit({
    type: 'application.created',
    subject: application.id,
    data: { applicationId: application.id, studentId, offerId, enterpriseId: application.enterpriseId, universityId: application.universityId, documentIds, studentUserId: ctx.viewer!.subject },
  });
  try {
    await ctx.em.flush();
  } catch (error) {
    // Two applications sent at once: the index let one through, this one committed nothing.
    if (error instanceof UniqueConstraintViolationException) {
      throw conflict('You already applied to this offer: withdraw that application before applying again.', { reason: 'ALREADY_APPLIED' });
    }
    throw error;
  }
  return application;
}
