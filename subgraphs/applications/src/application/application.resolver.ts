import { ConnectionType, findPage, loadByIdOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { ApplicationsContext } from '../context.js';
import { Offer } from '../external/offer.js';
import { Student } from '../external/student.js';
import { Application } from './application.entity.js';

export const ApplicationConnection = ConnectionType(Application);

@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => Application, { description: 'One application by id; NOT_FOUND when there is none.' })
  application(@Arg('id', () => ID) id: string, @Ctx() ctx: ApplicationsContext): Promise<Application> {
    return loadByIdOrThrow(ctx.loaders.applicationById, 'Application', id);
  }

  @Query(() => ApplicationConnection, { description: 'Applications, oldest first, as a Relay connection.' })
  applications(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApplicationsContext): Promise<Connection<Application>> {
    return findPage(ctx.em, Application, {}, args);
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
  @FieldResolver(() => ApplicationConnection, { description: "The student's applications, oldest first." })
  applications(@Root() student: Student, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApplicationsContext): Promise<Connection<Application>> {
    return ctx.loaders.applicationsByStudent.load(student.id, args);
  }
}

@Resolver(() => Offer)
export class OfferApplicationsResolver {
  @FieldResolver(() => ApplicationConnection, { description: 'Applications to the offer, oldest first.' })
  applications(@Root() offer: Offer, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApplicationsContext): Promise<Connection<Application>> {
    return ctx.loaders.applicationsByOffer.load(offer.id, args);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Number of applications to the offer.' })
  applicationCount(@Root() offer: Offer, @Ctx() ctx: ApplicationsContext): Promise<number> {
    return ctx.loaders.applicationCountByOffer.load(offer.id);
  }
}
