import { authorize, hasRole, notFound, pageRequest, toConnection, type Connection, type EntityManager, type PageArgs } from '@stages/platform';
import type { StudentsContext } from '../context.js';
import type { StudentSkillInput, UpdateStudentProfileInput } from './student.inputs.js';
import { Student } from './student.entity.js';
import type { StudentListScope } from './student.policy.js';
import {
  LIMITS,
  optionalText,
  parseAcademicRecords,
  parseLanguages,
  parsePhone,
  parsePreferences,
  parseSkills,
  parseYearOfStudy,
  requiredText,
  type StudentFilterValues,
} from './student.validation.js';

/** The caller's own profile: only a student edits one, and only their own. */
async function ownProfile(ctx: StudentsContext): Promise<Student> {
  const studentId = ctx.viewer?.studentId;
  authorize(ctx.viewer, Boolean(studentId && hasRole(ctx.viewer, 'STUDENT')), 'Only a student edits their profile, and only their own.');
  const student = await ctx.loaders.studentById.load(studentId!);
  if (!student) throw notFound('Student', studentId!);
  return student;
}

/**
 * Changes the fields the input gives (each validated; BAD_USER_INPUT names the first wrong one) and leaves the
 * others: nothing is written unless every field is valid.
 */
export async function updateStudentProfile(ctx: StudentsContext, input: UpdateStudentProfileInput): Promise<Student> {
  const student = await ownProfile(ctx);
  const changes: Partial<Student> = {};
  if (input.firstName !== undefined) changes.firstName = requiredText(input.firstName, 'firstName', LIMITS.name);
  if (input.lastName !== undefined) changes.lastName = requiredText(input.lastName, 'lastName', LIMITS.name);
  if (input.phone !== undefined) changes.phone = parsePhone(input.phone);
  if (input.city !== undefined) changes.city = optionalText(input.city, 'city', LIMITS.city);
  if (input.program !== undefined) changes.program = optionalText(input.program, 'program', LIMITS.program);
  if (input.yearOfStudy !== undefined) changes.yearOfStudy = parseYearOfStudy(input.yearOfStudy);
  if (input.headline !== undefined) changes.headline = optionalText(input.headline, 'headline', LIMITS.headline);
  if (input.languages !== undefined) changes.languages = parseLanguages(input.languages ?? []);
  if (input.academicRecords !== undefined) changes.academicRecords = parseAcademicRecords(input.academicRecords ?? [], student.academicRecords);
  if (input.preferences !== undefined) Object.assign(changes, parsePreferences(input.preferences ?? { sectors: null, cities: null, remote: null, earliestStartDate: null, durationMonths: null, minimumStipendCents: null }));
  ctx.em.assign(student, changes);
  await ctx.em.flush();
  return student;
}

/** Replaces the caller's skills. */
export async function setStudentSkills(ctx: StudentsContext, skills: StudentSkillInput[]): Promise<Student> {
  const student = await ownProfile(ctx);
  student.skills = parseSkills(skills);
  await ctx.em.flush();
  return student;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);
const FOLD = '"students"."fold"';
const CONTAINS = (column: string) => `${FOLD}(${column}) like '%' || ${FOLD}(?) || '%' escape '\\'`;

/**
 * One page of the students a scope allows that match the filter, in id order: two statements (the page and the
 * total), whatever the filter. Texts compare without case or accents (`students.fold` in SQL).
 */
export async function findStudents(em: EntityManager, scope: StudentListScope, filter: StudentFilterValues, args: PageArgs): Promise<Connection<Student>> {
  const page = pageRequest(args);
  const qb = em.createQueryBuilder(Student, 's');
  if (scope.kind === 'university') qb.andWhere({ universityId: scope.universityId });
  if (scope.kind === 'followed') {
    qb.andWhere('exists (select 1 from "students"."supervision" as followed where followed.student_id = s.id and followed.supervisor_user_id = ?)', [scope.supervisorUserId]);
  }
  for (const word of filter.searchWords) qb.andWhere(CONTAINS(`s.first_name || ' ' || s.last_name`), [escapeLike(word)]);
  if (filter.program) qb.andWhere(CONTAINS('s.program'), [escapeLike(filter.program)]);
  if (filter.yearOfStudy !== null) qb.andWhere({ yearOfStudy: filter.yearOfStudy });
  if (filter.city) qb.andWhere(`${FOLD}(s.city) = ${FOLD}(?)`, [filter.city]);
  if (filter.skills.length > 0) {
    // Matches the GIN index on students.skill_keys(skills).
    qb.andWhere(`"students"."skill_keys"(s.skills) @> array[${filter.skills.map(() => `${FOLD}(?)`).join(', ')}]::text[]`, filter.skills);
  }
  if (filter.placed !== null) qb.andWhere(`${filter.placed ? '' : 'not '}exists (select 1 from "students"."placement" as placement where placement.student_id = s.id)`);
  const total = await qb.clone().getCount();
  if (page.afterId) qb.andWhere({ id: { $gt: page.afterId } });
  const rows = page.limit === 0 ? [] : await qb.orderBy({ id: 'asc' }).limit(page.limit + 1).getResultList();
  return toConnection(rows, page, total);
}
