import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('ApplicationEvaluationScore', { description: 'A score from 1 to 5 on one criterion.' })
export class EvaluationScore {
  @Field(() => String)
  criterion!: string;

  @Field(() => Int)
  score!: number;
}

/** One recruiter's evaluation of one application (re-submitting updates it). */
@ObjectType({ description: 'A recruiter’s evaluation of an application: scores per criterion and a comment. Never shown to the student.' })
@Entity({ tableName: 'application_evaluation' })
// The unique index also serves lookups by application.
@Unique({ properties: ['applicationId', 'evaluatorUserId'] })
export class ApplicationEvaluation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  applicationId!: string;

  @Field(() => ID, { description: 'The recruiter’s account.' })
  @Property({ type: 'uuid' })
  evaluatorUserId!: string;

  @Field(() => [EvaluationScore])
  @Property({ type: 'json' })
  scores!: EvaluationScore[];

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  updatedAt: Date = new Date();
}
