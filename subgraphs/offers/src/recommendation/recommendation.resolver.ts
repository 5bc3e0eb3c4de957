import { authorize, badUserInput, hasRole, isSystemAdmin } from '@stages/platform';
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context.js';
import { Student } from '../external/student.js';
import { offerSettings } from '../settings.js';
import { recommendOffers, scoringStudent } from './recommendation.service.js';
import { RecommendedOffer } from './recommendation.types.js';

export const MAX_RECOMMENDATIONS = 50;

// The gateway fetches these from the students subgraph, with the caller's token, before calling this one.
const REQUIRES = 'skills { name level } preferences { sectors cities remote earliestStartDate durationMonths minimumStipendCents }';

@Resolver(() => Student)
export class StudentRecommendationsResolver {
  @FieldResolver(() => [RecommendedOffer], {
    description: 'Open offers recommended to the student, best first, each with its score and the reasons for it: the student, their university’s staff and system administrators.',
  })
  @Directive(`@requires(fields: "${REQUIRES}")`)
  async recommendedOffers(
    @Root() student: Student,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: `At most ${MAX_RECOMMENDATIONS}.` }) first: number,
    @Ctx() ctx: OffersContext,
  ): Promise<RecommendedOffer[]> {
    const viewer = ctx.viewer;
    // The students subgraph gave the preferences only to those who may read them (a university's staff see their
    // own students'); this checks the roles again, so nobody else gets recommendations even with them.
    const allowed =
      (viewer?.studentId !== undefined && viewer.studentId === student.id && hasRole(viewer, 'STUDENT')) ||
      isSystemAdmin(viewer) ||
      hasRole(viewer, 'UNIVERSITY_ADMIN', 'UNIVERSITY_SUPERVISOR');
    authorize(viewer, allowed && Boolean(student.preferences && student.skills), 'Only the student, their university’s staff and system administrators see their recommendations.');
    if (!Number.isInteger(first) || first < 1 || first > MAX_RECOMMENDATIONS) throw badUserInput('first', `first must be between 1 and ${MAX_RECOMMENDATIONS}.`);
    return recommendOffers(ctx.em, scoringStudent(student.skills, student.preferences), first, new Date(), offerSettings().OFFERS_TIME_ZONE, ctx.locale);
  }
}
