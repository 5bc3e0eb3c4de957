import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Key-only stub of the students subgraph's Student, which this subgraph extends with `cv`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Student {
  @Field(() => ID)
  id!: string;
}
