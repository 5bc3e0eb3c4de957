import { OptimisticLockError } from '@mikro-orm/core';
import { authorize, badUserInput, conflict, loadVisibleOrThrow } from '@stages/platform';
import type { ApplicationsContext } from '../context.js';
import { ApplicationStatus, type Application } from './application.entity.js';
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
