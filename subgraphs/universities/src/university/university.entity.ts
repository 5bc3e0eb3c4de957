import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A university or school that signs internship agreements.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'university' })
export class University {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String)
  @Unique()
  @Property({ type: 'string', length: 30 })
  acronym!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  city!: string;

  @Field(() => String, { nullable: true, description: 'French UAI establishment code.' })
  @Property({ type: 'string', length: 8, nullable: true })
  uai: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 300, nullable: true })
  website: string | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
