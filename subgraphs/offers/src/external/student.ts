import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RemotePolicy } from '../offer/offer.entity.js';

// The students subgraph's types, declared identically: recommendations need a student's skills and preferences,
// which the gateway fetches from there (`@requires`) with the caller's token before calling this subgraph.

export enum SkillLevel {
  BEGINNER = 'BEGINNER',
  INTERMEDIATE = 'INTERMEDIATE',
  ADVANCED = 'ADVANCED',
  EXPERT = 'EXPERT',
}

registerEnumType(SkillLevel, { name: 'SkillLevel' });

// @external: this subgraph never resolves these fields, it only receives them (a value type owned by students).
@ObjectType()
@Directive('@external')
export class StudentSkill {
  @Field(() => String)
  name!: string;

  @Field(() => SkillLevel)
  level!: SkillLevel;
}

@ObjectType()
@Directive('@external')
export class StudentPreferences {
  @Field(() => [String])
  sectors!: string[];

  @Field(() => [String])
  cities!: string[];

  @Field(() => [RemotePolicy])
  remote!: RemotePolicy[];

  @Field(() => LocalDateResolver, { nullable: true })
  earliestStartDate!: string | null;

  @Field(() => Int, { nullable: true })
  durationMonths!: number | null;

  @Field(() => Int, { nullable: true })
  minimumStipendCents!: number | null;
}

/** Stub of the students subgraph's Student, extended with `recommendedOffers`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Student {
  @Field(() => ID)
  id!: string;

  @Field(() => [StudentSkill])
  @Directive('@external')
  skills!: StudentSkill[];

  @Field(() => StudentPreferences)
  @Directive('@external')
  preferences!: StudentPreferences;
}
