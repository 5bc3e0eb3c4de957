import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Reference to the universities subgraph's University a report is about. */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class University {
  @Field(() => ID)
  id!: string;
}
