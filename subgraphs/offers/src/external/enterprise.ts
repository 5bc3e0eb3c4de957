import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Key-only stub of the enterprises subgraph's Enterprise, which this subgraph extends with `offers`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Enterprise {
  @Field(() => ID)
  id!: string;
}
