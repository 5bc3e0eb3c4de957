import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Key-only stub of the applications subgraph's Application, which this subgraph extends with its documents. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Application {
  @Field(() => ID)
  id!: string;
}
