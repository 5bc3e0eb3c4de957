import { OptimisticLockError } from '@mikro-orm/core';
import { authorize, badUserInput, conflict, loadVisibleOrThrow, parseId, type Viewer } from '@stages/platform';
import type { InternshipsContext } from '../context.js';
import { InternshipStatus, type Internship } from './internship.entity.js';
import { canAssignSupervisor, canManageInternship, canReadInternship } from './internship.policy.js';
import { isActiveInternshipStatus, isInternshipTransition, nextInternshipStatuses } from './internship.transitions.js';

type InternshipEventType = 'internship.started' | 'internship.completed' | 'internship.updated' | 'internship.supervisor-assigned';

/** Loads an internship the caller may see (NOT_FOUND, then FORBIDDEN), then checks they may change it. */
async function loadForChange(
  ctx: InternshipsContext,
  id: string,
  may: (viewer: Viewer | null, internship: Internship) => boolean,
  refusal: string,
): Promise<Internship> {
  const internship = await loadVisibleOrThrow(ctx.loaders.internshipById, 'Internship', id, ctx.viewer, (found) => canReadInternship(ctx.viewer, found));
  authorize(ctx.viewer, may(ctx.viewer, internship), refusal);
  return internship;
}

const MANAGERS_ONLY = 'Only the host enterprise’s recruiters, the administrators of the student’s university and system administrators change an internship.';

/** Queues the internship's event and commits it with the change; CONFLICT when someone changed it meanwhile. */
async function commit(ctx: InternshipsContext, internship: Internship, type: InternshipEventType): Promise<Internship> {
  ctx.emit({
    type,
    subject: internship.id,
    data: {
      internshipId: internship.id,
      studentId: internship.studentId,
      enterpriseId: internship.enterpriseId,
      universityId: internship.universityId,
      supervisorUserId: internship.supervisorUserId,
      status: internship.status,
      startDate: internship.startDate,
      endDate: internship.endDate,
    },
  });
  try {
    await ctx.em.flush();
  } catch (error) {
    // Someone else changed it between our read and our write: nothing of ours was committed.
    if (error instanceof OptimisticLockError) throw conflict('This internship has just changed: reload it and try again.');
    throw error;
  }
  return internship;
}

function assertActive(internship: Internship, what: string): void {
  if (!isActiveInternshipStatus(internship.status)) {
    throw conflict(`This internship is ${internship.status}: its ${what} can no longer change.`, { status: internship.status, allowed: nextInternshipStatuses(internship.status) });
  }
}

async function move(ctx: InternshipsContext, id: string, to: InternshipStatus, type: InternshipEventType): Promise<Internship> {
  const internship = await loadForChange(ctx, id, canManageInternship, MANAGERS_ONLY);
  const from = internship.status;
  if (!isInternshipTransition(from, to)) {
    const allowed = nextInternshipStatuses(from);
    throw conflict(`This internship is ${from}: it cannot move to ${to}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}.`, { status: from, allowed });
  }
  internship.status = to;
  return commit(ctx, internship, type);
}

export const startInternship = (ctx: InternshipsContext, id: string) => move(ctx, id, InternshipStatus.ONGOING, 'internship.started');

export const completeInternship = (ctx: InternshipsContext, id: string) => move(ctx, id, InternshipStatus.COMPLETED, 'internship.completed');

export async function rescheduleInternship(ctx: InternshipsContext, id: string, startDate: string, endDate: string): Promise<Internship> {
  const internship = await loadForChange(ctx, id, canManageInternship, MANAGERS_ONLY);
  // LocalDate values are YYYY-MM-DD, so they compare as text.
  if (endDate <= startDate) throw badUserInput('endDate', 'endDate must be after startDate.');
  assertActive(internship, 'dates');
  if (internship.startDate === startDate && internship.endDate === endDate) return internship;
  internship.startDate = startDate;
  internship.endDate = endDate;
  return commit(ctx, internship, 'internship.updated');
}

export async function assignInternshipSupervisor(ctx: InternshipsContext, id: string, supervisorUserId: string): Promise<Internship> {
  const internship = await loadForChange(
    ctx,
    id,
    canAssignSupervisor,
    'Only the administrators of the student’s university and system administrators choose the referent teacher.',
  );
  const supervisor = parseId(supervisorUserId, 'supervisorUserId');
  assertActive(internship, 'referent teacher');
  if (internship.supervisorUserId === supervisor) return internship;
  internship.supervisorUserId = supervisor;
  return commit(ctx, internship, 'internship.supervisor-assigned');
}
