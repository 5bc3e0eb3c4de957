import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stub of the applications subgraph's Application, which this subgraph extends with its documents. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Application {
  @Field(() => ID)
  id!: string;

  /** The ids the student attached, fetched by the gateway from the applications subgraph (`@requires`). */
  @Field(() => [ID])
  @Directive('@external')
  documentIds!: string[];
}
