import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Key-only stub of the universities subgraph's University, which this subgraph extends with `students`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class University {
  @Field(() => ID)
  id!: string;
}
