import { authorize, ConnectionType, findPage, loadVisibleOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ApplicationsContext } from '../context.js';
import { Offer } from '../external/offer.js';
import { Student } from '../external/student.js';
import { ApplicationStatusChange } from './application-status-change.entity.js';
import { Application, ApplicationStatus } from './application.entity.js';
import { canReadApplication } from './application.policy.js';
import { changeApplicationStatus } from './application.service.js';

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
  @FieldResolver(() => ApplicationConnection, { description: 'Applications to the offer the caller may see, oldest first.' })
  applications(@Root() offer: Offer, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApplicationsContext): Promise<Connection<Application>> {
    authorize(ctx.viewer, ctx.loaders.scope !== null);
    return ctx.loaders.applicationsByOffer.load(offer.id, args);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Number of applications to the offer.' })
  applicationCount(@Root() offer: Offer, @Ctx() ctx: ApplicationsContext): Promise<number> {
    return ctx.loaders.applicationCountByOffer.load(offer.id);
  }
}
