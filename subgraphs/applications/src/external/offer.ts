import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Key-only stub of the offers subgraph's Offer, which this subgraph extends with its applications. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Offer {
  @Field(() => ID)
  id!: string;
}
