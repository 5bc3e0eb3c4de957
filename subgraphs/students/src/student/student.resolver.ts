import { authorize, ConnectionType, hasRole, findPage, isUniversityAdminOf, isSystemAdmin, loadVisibleOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { StudentsContext } from '../context.js';
import { University } from '../external/university.js';
import { Student } from './student.entity.js';
import { canReadPrivateProfile, canReadStudent, studentScope } from './student.policy.js';
import { Supervision } from './supervision.entity.js';

export const StudentConnection = ConnectionType(Student);

@Resolver(() => Student)
export class StudentResolver {
  @Query(() => Student, { description: 'One student: the student, their university’s administrators, system administrators, and (public fields) enterprises the student applied to.' })
  student(@Arg('id', () => ID) id: string, @Ctx() ctx: StudentsContext): Promise<Student> {
    return loadVisibleOrThrow(ctx.loaders.studentById, 'Student', id, ctx.viewer, (student) => canReadStudent(ctx.viewer, student, ctx.loaders.relations));
  }

  @Query(() => StudentConnection, { description: 'Students, oldest first: a university administrator sees their university’s, a referent teacher those they follow.' })
  async students(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: StudentsContext): Promise<Connection<Student>> {
    const scope = studentScope(ctx.viewer);
    if (scope) return findPage(ctx.em, Student, scope, args);
    authorize(ctx.viewer, hasRole(ctx.viewer, 'UNIVERSITY_SUPERVISOR'));
    // A referent teacher lists the students they follow.
    const followed = await ctx.em.find(Supervision, { supervisorUserId: ctx.viewer!.subject }, { fields: ['studentId'] });
    return findPage(ctx.em, Student, { id: { $in: followed.map((link) => link.studentId) } }, args);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Private: null for an enterprise the student applied to.' })
  async email(@Root() student: Student, @Ctx() ctx: StudentsContext): Promise<string | null> {
    return (await canReadPrivateProfile(ctx.viewer, student, ctx.loaders.relations)) ? student.email : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Private: null for an enterprise the student applied to.' })
  async city(@Root() student: Student, @Ctx() ctx: StudentsContext): Promise<string | null> {
    return (await canReadPrivateProfile(ctx.viewer, student, ctx.loaders.relations)) ? student.city : null;
  }

  @FieldResolver(() => University, { nullable: true, description: 'Where the student is enrolled.' })
  university(@Root() student: Student): University {
    return { id: student.universityId };
  }
}

@Resolver(() => University)
export class UniversityStudentsResolver {
  @FieldResolver(() => StudentConnection, { description: 'Students enrolled at the university: its administrators and system administrators.' })
  students(@Root() university: University, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: StudentsContext): Promise<Connection<Student>> {
    authorize(ctx.viewer, isSystemAdmin(ctx.viewer) || isUniversityAdminOf(ctx.viewer, university.id));
    return findPage(ctx.em, Student, { universityId: university.id }, args);
  }
}
