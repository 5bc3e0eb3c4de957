import { authorize, ConnectionType, findPage, hasRole, isSystemAdmin, loadVisibleOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ApplicationsContext } from '../context.js';
import { Offer } from '../external/offer.js';
import { Student } from '../external/student.js';
import { ApplicationStatusChange } from './application-status-change.entity.js';
import { Application, ApplicationStatus } from './application.entity.js';
import { ApplicationStatusCount, ApplyToOfferInput, OfferApplicationsArgs } from './application.inputs.js';
import type { ApplicationStatusCountValue } from './application.loaders.js';
import { canReadApplication } from './application.policy.js';
import { applyToOffer, changeApplicationStatus } from './application.service.js';

export const ApplicationConnection = ConnectionType(Application);

@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => Application, { description: 'One application: its student, the enterprise, the student’s university, system administrators.' })
  application(@Arg('id', () => ID) id: string, @Ctx() ctx: ApplicationsContext): Promise<Application> {
    return loadVisibleOrThrow(ctx.loaders.applicationById, 'Application', id, ctx.viewer, (application) => canReadApplication(ctx.viewer, application));
  }

  @Query(() => ApplicationConnection, { description: 'The applications the caller may see, oldest first.' })
  applications(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApplicationsContext): Promise<Connection<Application>> {
    authorize(ctx.viewer, ctx.loaders.scope !== null);
    return findPage(ctx.em, Application, ctx.loaders.scope!, args);
  }

  @Mutation(() => Application, {
    description:
      'A student applies to a published offer, with a cover letter and documents. CONFLICT (extensions.reason) when the offer is not open (OFFER_NOT_OPEN), its deadline has passed (DEADLINE_PASSED, a Europe/Paris day) or the student already has an open or accepted application to it (ALREADY_APPLIED). Emits application.created.',
  })
  applyToOffer(@Arg('input', () => ApplyToOfferInput) input: ApplyToOfferInput, @Ctx() ctx: ApplicationsContext): Promise<Application> {
    return applyToOffer(ctx, input);
  }

  @Mutation(() => Application, {
    description:
      'Moves an application along SUBMITTED → SHORTLISTED → INTERVIEW → OFFERED → ACCEPTED, or to REJECTED or WITHDRAWN while open: the enterprise’s recruiters shortlist, interview, offer and refuse; the student accepts an offer (or withdraws); a system administrator may make any move. An illegal move is a CONFLICT listing the allowed ones.',
  })
  changeApplicationStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => ApplicationStatus) status: ApplicationStatus,
    @Arg('reason', () => String, { nullable: true, description: 'Why (at most 1000 characters); kept in the history and told to the parties.' }) reason: string | null | undefined,
    @Ctx() ctx: ApplicationsContext,
  ): Promise<Application> {
    return changeApplicationStatus(ctx, id, status, reason);
  }

  @Mutation(() => Application, { description: 'The student withdraws an open application (SUBMITTED, SHORTLISTED, INTERVIEW or OFFERED).' })
  withdrawApplication(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why (at most 1000 characters).' }) reason: string | null | undefined,
    @Ctx() ctx: ApplicationsContext,
  ): Promise<Application> {
    return changeApplicationStatus(ctx, id, ApplicationStatus.WITHDRAWN, reason);
  }

  @FieldResolver(() => [ApplicationStatusChange], { description: 'Every change of status, oldest first.' })
  history(@Root() application: Application, @Ctx() ctx: ApplicationsContext): Promise<ApplicationStatusChange[]> {
    return ctx.loaders.historyByApplication.load(application.id);
  }

  @FieldResolver(() => Student, { nullable: true, description: 'The applicant (resolved by the students subgraph).' })
  student(@Root() application: Application): Student {
    return { id: application.studentId };
  }

  @FieldResolver(() => Offer, { nullable: true, description: 'The offer applied to (resolved by the offers subgraph).' })
  offer(@Root() application: Application): Offer {
    return { id: application.offerId };
  }
}

@Resolver(() => Student)
export class StudentApplicationsResolver {
  @FieldResolver(() => ApplicationConnection, { description: "The student's applications the caller may see, oldest first." })
  applications(@Root() student: Student, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApplicationsContext): Promise<Connection<Application>> {
    authorize(ctx.viewer, ctx.loaders.scope !== null);
    return ctx.loaders.applicationsByStudent.load(student.id, args);
  }
}

@Resolver(() => Offer)
export class OfferApplicationsResolver {
  @FieldResolver(() => ApplicationConnection, { description: 'Applications to the offer the caller may see, oldest first, optionally of some statuses only.' })
  applications(@Root() offer: Offer, @Args(() => OfferApplicationsArgs) args: OfferApplicationsArgs, @Ctx() ctx: ApplicationsContext): Promise<Connection<Application>> {
    authorize(ctx.viewer, ctx.loaders.scope !== null);
    return ctx.loaders.applicationsByOffer.load(offer.id, args, args.status);
  }

  @FieldResolver(() => [ApplicationStatusCount], {
    description: 'Number of applications in each status (every status, zeros included): for the offer’s enterprise’s recruiters and system administrators.',
  })
  async applicationCounts(@Root() offer: Offer, @Ctx() ctx: ApplicationsContext): Promise<ApplicationStatusCountValue[]> {
    if (!isSystemAdmin(ctx.viewer)) {
      const message = 'Only the offer’s enterprise and system administrators see its applications by status.';
      authorize(ctx.viewer, hasRole(ctx.viewer, 'ENTERPRISE') && Boolean(ctx.viewer?.enterpriseId), message);
      // An offer this subgraph never heard of has no applications: its counts are zeros whoever asks.
      const snapshot = await ctx.loaders.offerSnapshotById.load(offer.id);
      authorize(ctx.viewer, !snapshot || snapshot.enterpriseId === ctx.viewer!.enterpriseId, message);
    }
    return ctx.loaders.statusCountsByOffer.load(offer.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Number of applications to the offer.' })
  applicationCount(@Root() offer: Offer, @Ctx() ctx: ApplicationsContext): Promise<number> {
    return ctx.loaders.applicationCountByOffer.load(offer.id);
  }
}
