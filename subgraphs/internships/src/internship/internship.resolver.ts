import { ConnectionType, findPage, loadByIdOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { InternshipsContext } from '../context.js';
import { Enterprise, Offer, Student } from '../external/references.js';
import { Internship } from './internship.entity.js';

export const InternshipConnection = ConnectionType(Internship);

@Resolver(() => Internship)
export class InternshipResolver {
  @Query(() => Internship, { description: 'One internship by id; NOT_FOUND when there is none.' })
  internship(@Arg('id', () => ID) id: string, @Ctx() ctx: InternshipsContext): Promise<Internship> {
    return loadByIdOrThrow(ctx.loaders.internshipById, 'Internship', id);
  }

  @Query(() => InternshipConnection, { description: 'Internships, oldest first, as a Relay connection.' })
  internships(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: InternshipsContext): Promise<Connection<Internship>> {
    return findPage(ctx.em, Internship, {}, args);
  }

  @FieldResolver(() => Student, { nullable: true })
  student(@Root() internship: Internship): Student {
    return { id: internship.studentId };
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() internship: Internship): Enterprise {
    return { id: internship.enterpriseId };
  }

  @FieldResolver(() => Offer, { nullable: true })
  offer(@Root() internship: Internship): Offer {
    return { id: internship.offerId };
  }
}

@Resolver(() => Student)
export class StudentInternshipsResolver {
  @FieldResolver(() => InternshipConnection, { description: "The student's internships, oldest first." })
  internships(@Root() student: Student, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: InternshipsContext): Promise<Connection<Internship>> {
    return ctx.loaders.internshipsByStudent.load(student.id, args);
  }
}
