import { Field, InputType, Int } from 'type-graphql';

@InputType('ApplicationEvaluationScoreInput')
export class EvaluationScoreInput {
  @Field(() => String, { description: '1 to 60 characters; each criterion once per evaluation.' })
  criterion!: string;

  @Field(() => Int, { description: 'From 1 (poor) to 5 (excellent).' })
  score!: number;
}

@InputType({ description: 'A recruiter’s evaluation: 1 to 10 criteria scored 1 to 5, and an optional comment.' })
export class EvaluateApplicationInput {
  @Field(() => [EvaluationScoreInput])
  scores!: EvaluationScoreInput[];

  @Field(() => String, { nullable: true, description: 'At most 2000 characters.' })
  comment?: string | null;
}
