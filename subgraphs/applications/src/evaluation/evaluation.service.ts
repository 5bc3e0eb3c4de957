import { authorize, loadVisibleOrThrow, newId } from '@stages/platform';
import type { ApplicationsContext } from '../context.js';
import { applicationActors, canReadApplication } from '../application/application.policy.js';
import { ApplicationEvaluation } from './evaluation.entity.js';
import type { EvaluateApplicationInput } from './evaluation.inputs.js';
import { parseEvaluation } from './evaluation.rules.js';

/**
 * One of the enterprise's recruiters scores an application; their earlier evaluation of it, if any, is replaced
 * (one per recruiter and application, kept by an upsert on that pair, so two submissions at once leave one).
 */
export async function evaluateApplication(ctx: ApplicationsContext, applicationId: string, input: EvaluateApplicationInput): Promise<ApplicationEvaluation> {
  const application = await loadVisibleOrThrow(ctx.loaders.applicationById, 'Application', applicationId, ctx.viewer, (found) => canReadApplication(ctx.viewer, found));
  authorize(ctx.viewer, applicationActors(ctx.viewer, application).includes('RECRUITER'), 'Only the enterprise’s recruiters evaluate its applications.');
  const { scores, comment } = parseEvaluation(input);
  const now = new Date();
  return ctx.em.upsert(
    ApplicationEvaluation,
    { id: newId(), applicationId: application.id, evaluatorUserId: ctx.viewer!.subject, scores, comment, createdAt: now, updatedAt: now },
    { onConflictFields: ['applicationId', 'evaluatorUserId'], onConflictAction: 'merge', onConflictMergeFields: ['scores', 'comment', 'updatedAt'] },
  );
}
