import { ConnectionType, findPage, loadByIdOrThrow, PageArgs, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { StudentsContext } from '../context.js';
import { University } from '../external/university.js';
import { Student } from './student.entity.js';

export const StudentConnection = ConnectionType(Student);

@Resolver(() => Student)
export class StudentResolver {
  @Query(() => Student, { description: 'One student by id; NOT_FOUND when there is none.' })
  student(@Arg('id', () => ID) id: string, @Ctx() ctx: StudentsContext): Promise<Student> {
    return loadByIdOrThrow(ctx.loaders.studentById, 'Student', id);
  }

  @Query(() => StudentConnection, { description: 'Students, oldest first, as a Relay connection.' })
  students(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: StudentsContext): Promise<Connection<Student>> {
    return findPage(ctx.em, Student, {}, args);
  }

  @FieldResolver(() => University, { nullable: true, description: 'Where the student is enrolled.' })
  university(@Root() student: Student): University {
    return { id: student.universityId };
  }
}

@Resolver(() => University)
export class UniversityStudentsResolver {
  @FieldResolver(() => StudentConnection, { description: 'Students enrolled at the university.' })
  students(@Root() university: University, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: StudentsContext): Promise<Connection<Student>> {
    return findPage(ctx.em, Student, { universityId: university.id }, args);
  }
}
