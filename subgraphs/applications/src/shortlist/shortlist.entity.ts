import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Field, ID, ObjectType } from 'type-graphql';

/** A recruiters' working list of applications: for one offer, or across the enterprise's offers. */
@ObjectType({ description: 'A named list of applications kept by an enterprise’s recruiters, for one offer or across offers. Private to the enterprise: students are not told.' })
@Entity({ tableName: 'shortlist' })
@Index({ properties: ['enterpriseId', 'id'] })
export class Shortlist {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  enterpriseId!: string;

  /** The offer it is for, or null for a list across offers. */
  @Property({ type: 'uuid', nullable: true })
  offerId: string | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => ID, { description: 'The recruiter who made it.' })
  @Property({ type: 'uuid' })
  createdByUserId!: string;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
