import { authorize, ConnectionType, findPage, loadVisibleOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { ApplicationsContext } from '../context.js';
import { Offer } from '../external/offer.js';
import { Student } from '../external/student.js';
import { Application } from './application.entity.js';
import { canReadApplication } from './application.policy.js';

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
