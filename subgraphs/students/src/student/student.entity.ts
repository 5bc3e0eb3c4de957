import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A student looking for, or doing, an internship.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'student' })
export class Student {
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

  @Field(() => String, { nullable: true, description: 'Degree programme, e.g. "Master Informatique".' })
  @Property({ type: 'string', length: 200, nullable: true })
  program: string | null = null;

  @Field(() => Int, { nullable: true, description: 'Year of study within the programme (1 = first year).' })
  @Property({ type: 'integer', nullable: true })
  yearOfStudy: number | null = null;

  /** Private, like `email`. */
  @Property({ type: 'string', length: 120, nullable: true })
  city: string | null = null;

  @Field(() => [String])
  @Property({ type: 'text[]' })
  skills: string[] = [];

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
