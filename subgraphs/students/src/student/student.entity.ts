import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { AcademicRecord, StudentLanguage, StudentSkill, type RemotePolicy } from './student-profile.types.js';

@ObjectType({ description: 'A student looking for, or doing, an internship.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'student' })
export class Student {
  [OptionalProps]?: 'skills' | 'languages' | 'academicRecords' | 'preferredSectors' | 'preferredCities' | 'preferredRemote' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** Account of the student in the auth subgraph, once they have one. */
  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Index()
  @Property({ type: 'uuid' })
  universityId!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  firstName!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  lastName!: string;

  /** Private: exposed by StudentResolver.email to the student, their university's admins and system admins. */
  @Property({ type: 'string', length: 254 })
  email!: string;

  /** Private, like `email`; E.164 (`+33612345678`). */
  @Property({ type: 'string', length: 16, nullable: true })
  phone: string | null = null;

  @Field(() => String, { nullable: true, description: 'Degree programme, e.g. "Master Informatique".' })
  @Property({ type: 'string', length: 200, nullable: true })
  program: string | null = null;

  @Field(() => Int, { nullable: true, description: 'Year of study within the programme (1 = first year, at most 8).' })
  @Property({ type: 'integer', nullable: true })
  yearOfStudy: number | null = null;

  /** Private, like `email`. */
  @Property({ type: 'string', length: 120, nullable: true })
  city: string | null = null;

  @Field(() => String, { nullable: true, description: 'One line the student introduces themself with (at most 200 characters).' })
  @Property({ type: 'string', length: 200, nullable: true })
  headline: string | null = null;

  @Field(() => [StudentSkill], { description: 'Skills with levels (at most 30); set with `setStudentSkills`.' })
  @Property({ type: 'json' })
  skills: StudentSkill[] = [];

  @Field(() => [StudentLanguage])
  @Property({ type: 'json' })
  languages: StudentLanguage[] = [];

  @Field(() => [AcademicRecord], { description: 'Degrees, most recent first as the student ordered them.' })
  @Property({ type: 'json' })
  academicRecords: AcademicRecord[] = [];

  /** Preferences are exposed together (`StudentResolver.preferences`), to those who may read private fields. */
  @Property({ type: 'text[]' })
  preferredSectors: string[] = [];

  @Property({ type: 'text[]' })
  preferredCities: string[] = [];

  @Property({ type: 'text[]' })
  preferredRemote: RemotePolicy[] = [];

  @Property({ type: 'date', nullable: true })
  earliestStartDate: string | null = null;

  @Property({ type: 'integer', nullable: true })
  preferredDurationMonths: number | null = null;

  @Property({ type: 'integer', nullable: true })
  minimumStipendCents: number | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver, { description: 'Last change of the profile.' })
  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
