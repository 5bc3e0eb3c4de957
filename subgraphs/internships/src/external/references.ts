import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Key-only stub of the students subgraph's Student, which this subgraph extends with `internships`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Student {
  @Field(() => ID)
  id!: string;
}

/** Reference to the enterprises subgraph's Enterprise (hosting the intern). */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Enterprise {
  @Field(() => ID)
  id!: string;
}

/** Reference to the offers subgraph's Offer the internship came from. */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Offer {
  @Field(() => ID)
  id!: string;
}
