import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SkillLevel {
  BEGINNER = 'BEGINNER',
  INTERMEDIATE = 'INTERMEDIATE',
  ADVANCED = 'ADVANCED',
  EXPERT = 'EXPERT',
}

/** CEFR levels, and NATIVE for a first language. */
export enum LanguageLevel {
  A1 = 'A1',
  A2 = 'A2',
  B1 = 'B1',
  B2 = 'B2',
  C1 = 'C1',
  C2 = 'C2',
  NATIVE = 'NATIVE',
}

/** The offers subgraph's enum, declared identically here (composition merges identical enums). */
export enum RemotePolicy {
  ON_SITE = 'ON_SITE',
  HYBRID = 'HYBRID',
  REMOTE = 'REMOTE',
}

registerEnumType(SkillLevel, { name: 'SkillLevel', description: 'How well a student masters a skill.' });
registerEnumType(LanguageLevel, { name: 'LanguageLevel', description: 'CEFR level (A1 to C2), or NATIVE.' });
registerEnumType(RemotePolicy, { name: 'RemotePolicy', description: 'Where the intern works.' });

// Shareable: the offers subgraph reads skills and preferences through @requires and declares these types too.
@ObjectType({ description: 'A skill and how well the student masters it.' })
@Directive('@shareable')
export class StudentSkill {
  @Field(() => String, { description: 'Trimmed, at most 60 characters, unique (case-insensitively) per student.' })
  name!: string;

  @Field(() => SkillLevel)
  level!: SkillLevel;
}

@ObjectType({ description: 'A language the student speaks.' })
export class StudentLanguage {
  @Field(() => String, { description: 'ISO 639-1 code, e.g. "fr".' })
  code!: string;

  @Field(() => LanguageLevel)
  level!: LanguageLevel;
}

@ObjectType({ description: 'A degree studied for, finished or in progress.' })
export class AcademicRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  institution!: string;

  @Field(() => String, { description: 'e.g. "Licence", "Master".' })
  degree!: string;

  @Field(() => String, { description: 'Field of study, e.g. "Informatique".' })
  field!: string;

  @Field(() => Int)
  startYear!: number;

  @Field(() => Int, { nullable: true, description: 'Null while in progress; never before startYear.' })
  endYear!: number | null;

  @Field(() => String, { nullable: true, description: 'As the student states it, e.g. "Mention bien".' })
  grade!: string | null;
}

@ObjectType({ description: 'What internship the student looks for: private to the student, their university and system administrators.' })
@Directive('@shareable')
export class StudentPreferences {
  @Field(() => [String], { description: 'NAF section letters (A–U) or sector names as enterprises state them.' })
  sectors!: string[];

  @Field(() => [String], { description: 'City names.' })
  cities!: string[];

  @Field(() => [RemotePolicy], { description: 'Acceptable ways of working; empty means any.' })
  remote!: RemotePolicy[];

  @Field(() => LocalDateResolver, { nullable: true, description: 'Available from this day.' })
  earliestStartDate!: string | null;

  @Field(() => Int, { nullable: true, description: 'Wished duration in months (1–12).' })
  durationMonths!: number | null;

  @Field(() => Int, { nullable: true, description: 'Lowest monthly gratification accepted, in euro cents.' })
  minimumStipendCents!: number | null;
}
