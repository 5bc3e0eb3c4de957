import { PageArgs } from '@stages/platform';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { LanguageLevel, RemotePolicy, SkillLevel } from './student-profile.types.js';

// No initializers in input classes: a field the caller leaves out stays undefined ("unchanged"), unlike null.

@InputType()
export class StudentSkillInput {
  @Field(() => String)
  name!: string;

  @Field(() => SkillLevel)
  level!: SkillLevel;
}

@InputType()
export class StudentLanguageInput {
  @Field(() => String, { description: 'ISO 639-1 code, e.g. "fr".' })
  code!: string;

  @Field(() => LanguageLevel)
  level!: LanguageLevel;
}

@InputType({ description: 'A degree; give the id of an existing record to keep it, none for a new one.' })
export class AcademicRecordInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String)
  institution!: string;

  @Field(() => String)
  degree!: string;

  @Field(() => String)
  field!: string;

  @Field(() => Int)
  startYear!: number;

  @Field(() => Int, { nullable: true })
  endYear?: number | null;

  @Field(() => String, { nullable: true })
  grade?: string | null;
}

@InputType({ description: 'Preferences to change: a field left out stays as it is; null empties it.' })
export class StudentPreferencesInput {
  @Field(() => [String], { nullable: true, description: 'NAF section letters (A–U) or sector names; at most 20.' })
  sectors?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'At most 20 city names.' })
  cities?: string[] | null;

  @Field(() => [RemotePolicy], { nullable: true })
  remote?: RemotePolicy[] | null;

  @Field(() => LocalDateResolver, { nullable: true })
  earliestStartDate?: string | null;

  @Field(() => Int, { nullable: true, description: '1 to 12.' })
  durationMonths?: number | null;

  @Field(() => Int, { nullable: true, description: 'Euro cents a month.' })
  minimumStipendCents?: number | null;
}

@InputType({ description: 'Profile fields to change: a field left out stays as it is; null empties an optional one. Lists replace the current ones.' })
export class UpdateStudentProfileInput {
  @Field(() => String, { nullable: true, description: '1 to 100 characters.' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: '1 to 100 characters.' })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'International (+33 6 12 34 56 78) or French (06 12 34 56 78) number.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 120 characters.' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 200 characters.' })
  program?: string | null;

  @Field(() => Int, { nullable: true, description: '1 to 8.' })
  yearOfStudy?: number | null;

  @Field(() => String, { nullable: true, description: 'At most 200 characters.' })
  headline?: string | null;

  @Field(() => [StudentLanguageInput], { nullable: true, description: 'At most 20, each language once.' })
  languages?: StudentLanguageInput[] | null;

  @Field(() => [AcademicRecordInput], { nullable: true, description: 'At most 20.' })
  academicRecords?: AcademicRecordInput[] | null;

  @Field(() => StudentPreferencesInput, { nullable: true })
  preferences?: StudentPreferencesInput | null;
}

@InputType({ description: 'Every condition given must hold.' })
export class StudentFilter {
  @Field(() => String, { nullable: true, description: 'Words found in the first or last name (without case or accents).' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the programme’s name (without case or accents).' })
  program?: string | null;

  @Field(() => Int, { nullable: true })
  yearOfStudy?: number | null;

  @Field(() => [String], { nullable: true, description: 'Skills the student has, all of them (without case or accents).' })
  skills?: string[] | null;

  @Field(() => String, { nullable: true, description: 'City of the student (without case or accents).' })
  city?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the student accepted an internship offer.' })
  placed?: boolean | null;
}

@ArgsType()
export class StudentsArgs extends PageArgs {
  @Field(() => StudentFilter, { nullable: true })
  filter?: StudentFilter | null;
}
