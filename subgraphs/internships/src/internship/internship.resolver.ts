import { authorize, ConnectionType, findPage, loadVisibleOrThrow, PageArgs, type Connection } from '@stages/platform';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { InternshipsContext } from '../context.js';
import { Enterprise, Offer, Student } from '../external/references.js';
import { Internship } from './internship.entity.js';
import { canReadInternship } from './internship.policy.js';
import { assignInternshipSupervisor, completeInternship, rescheduleInternship, startInternship } from './internship.service.js';

export const InternshipConnection = ConnectionType(Internship);

@Resolver(() => Internship)
export class InternshipResolver {
  @Query(() => Internship, { description: 'One internship: the intern, the host, the student’s university, system administrators.' })
  internship(@Arg('id', () => ID) id: string, @Ctx() ctx: InternshipsContext): Promise<Internship> {
    return loadVisibleOrThrow(ctx.loaders.internshipById, 'Internship', id, ctx.viewer, (internship) => canReadInternship(ctx.viewer, internship));
  }

  @Query(() => InternshipConnection, { description: 'The internships the caller may see, oldest first.' })
  internships(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: InternshipsContext): Promise<Connection<Internship>> {
    authorize(ctx.viewer, ctx.loaders.scope !== null);
    return findPage(ctx.em, Internship, ctx.loaders.scope!, args);
  }

  @Mutation(() => Internship, { description: 'Starts a planned internship (PLANNED → ONGOING): the host’s recruiters, the student’s university administrators, system administrators.' })
  startInternship(@Arg('id', () => ID) id: string, @Ctx() ctx: InternshipsContext): Promise<Internship> {
    return startInternship(ctx, id);
  }

  @Mutation(() => Internship, { description: 'Completes an ongoing internship (ONGOING → COMPLETED); its attestation is then generated.' })
  completeInternship(@Arg('id', () => ID) id: string, @Ctx() ctx: InternshipsContext): Promise<Internship> {
    return completeInternship(ctx, id);
  }

  @Mutation(() => Internship, { description: 'Chooses the referent teacher who follows a planned or ongoing internship: the student’s university administrators or a system administrator.' })
  assignInternshipSupervisor(
    @Arg('id', () => ID) id: string,
    @Arg('supervisorUserId', () => ID, { description: 'Account of the referent teacher.' }) supervisorUserId: string,
    @Ctx() ctx: InternshipsContext,
  ): Promise<Internship> {
    return assignInternshipSupervisor(ctx, id, supervisorUserId);
  }

  @Mutation(() => Internship, { description: 'Changes the dates of a planned or ongoing internship (endDate after startDate).' })
  rescheduleInternship(
    @Arg('id', () => ID) id: string,
    @Arg('startDate', () => LocalDateResolver) startDate: string,
    @Arg('endDate', () => LocalDateResolver) endDate: string,
    @Ctx() ctx: InternshipsContext,
  ): Promise<Internship> {
    return rescheduleInternship(ctx, id, startDate, endDate);
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
    authorize(ctx.viewer, ctx.loaders.scope !== null);
    return ctx.loaders.internshipsByStudent.load(student.id, args);
  }
}
