import { authorize, ConnectionType, forbidden, isUniversityAdminOf, isSystemAdmin, loadVisibleOrThrow, type Connection } from '@stages/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { StudentsContext } from '../context.js';
import { University } from '../external/university.js';
import { StudentPreferences } from './student-profile.types.js';
import { Student } from './student.entity.js';
import { StudentsArgs, StudentSkillInput, UpdateStudentProfileInput } from './student.inputs.js';
import { canReadPrivateProfile, canReadStudent, studentListScope } from './student.policy.js';
import { findStudents, setStudentSkills, updateStudentProfile } from './student.service.js';
import { parseStudentFilter } from './student.validation.js';

export const StudentConnection = ConnectionType(Student);

@Resolver(() => Student)
export class StudentResolver {
  @Query(() => Student, { description: 'One student: the student, their university’s administrators, the referent teachers who follow them, system administrators, and (public fields) enterprises the student applied to.' })
  student(@Arg('id', () => ID) id: string, @Ctx() ctx: StudentsContext): Promise<Student> {
    return loadVisibleOrThrow(ctx.loaders.studentById, 'Student', id, ctx.viewer, (student) => canReadStudent(ctx.viewer, student, ctx.loaders.relations));
  }

  @Query(() => StudentConnection, {
    description: 'Students matching the filter, oldest first: a university administrator sees their university’s, a referent teacher those they follow, a system administrator all.',
  })
  async students(@Args(() => StudentsArgs) args: StudentsArgs, @Ctx() ctx: StudentsContext): Promise<Connection<Student>> {
    const scope = studentListScope(ctx.viewer);
    authorize(ctx.viewer, scope !== null);
    const page = await findStudents(ctx.em, scope!, parseStudentFilter(args.filter), args);
    // A referent teacher follows every student listed: the private fields need no further lookup.
    if (scope!.kind === 'followed') for (const edge of page.edges) ctx.loaders.relations.markSupervisedByViewer(edge.node.id);
    return page;
  }

  @Mutation(() => Student, { description: 'The signed-in student changes their profile: only the fields given, each validated (BAD_USER_INPUT names a wrong one).' })
  updateStudentProfile(@Arg('input', () => UpdateStudentProfileInput) input: UpdateStudentProfileInput, @Ctx() ctx: StudentsContext): Promise<Student> {
    return updateStudentProfile(ctx, input);
  }

  @Mutation(() => Student, { description: 'The signed-in student replaces their skills: at most 30, names of 1 to 60 characters, each once (case-insensitively).' })
  setStudentSkills(@Arg('skills', () => [StudentSkillInput]) skills: StudentSkillInput[], @Ctx() ctx: StudentsContext): Promise<Student> {
    return setStudentSkills(ctx, skills);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Private: null for an enterprise the student applied to.' })
  async email(@Root() student: Student, @Ctx() ctx: StudentsContext): Promise<string | null> {
    return (await canReadPrivateProfile(ctx.viewer, student, ctx.loaders.relations)) ? student.email : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Private: null for an enterprise the student applied to.' })
  async city(@Root() student: Student, @Ctx() ctx: StudentsContext): Promise<string | null> {
    return (await canReadPrivateProfile(ctx.viewer, student, ctx.loaders.relations)) ? student.city : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Private, in E.164 form (+33612345678): null for an enterprise the student applied to.' })
  async phone(@Root() student: Student, @Ctx() ctx: StudentsContext): Promise<string | null> {
    return (await canReadPrivateProfile(ctx.viewer, student, ctx.loaders.relations)) ? student.phone : null;
  }

  @FieldResolver(() => StudentPreferences, {
    description: 'Private: the student, their university’s administrators, the referent teachers who follow them and system administrators; FORBIDDEN for others (enterprises included).',
  })
  async preferences(@Root() student: Student, @Ctx() ctx: StudentsContext): Promise<StudentPreferences> {
    // Not null in the schema (the offers subgraph requires it), so refused rather than emptied: an empty value would
    // read as "no preferences".
    if (!(await canReadPrivateProfile(ctx.viewer, student, ctx.loaders.relations))) throw forbidden('The preferences of a student are private to the student and their university.');
    return {
      sectors: student.preferredSectors,
      cities: student.preferredCities,
      remote: student.preferredRemote,
      earliestStartDate: student.earliestStartDate,
      durationMonths: student.preferredDurationMonths,
      minimumStipendCents: student.minimumStipendCents,
    };
  }

  @FieldResolver(() => University, { nullable: true, description: 'Where the student is enrolled.' })
  university(@Root() student: Student): University {
    return { id: student.universityId };
  }
}

@Resolver(() => University)
export class UniversityStudentsResolver {
  @FieldResolver(() => StudentConnection, { description: 'Students enrolled at the university matching the filter: its administrators and system administrators.' })
  students(@Root() university: University, @Args(() => StudentsArgs) args: StudentsArgs, @Ctx() ctx: StudentsContext): Promise<Connection<Student>> {
    authorize(ctx.viewer, isSystemAdmin(ctx.viewer) || isUniversityAdminOf(ctx.viewer, university.id));
    return findStudents(ctx.em, { kind: 'university', universityId: university.id }, parseStudentFilter(args.filter), args);
  }
}
