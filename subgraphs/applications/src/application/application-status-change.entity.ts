import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Field, ID, ObjectType } from 'type-graphql';
import { ApplicationStatus } from './application.entity.js';

/** One move of an application's status, written in the transaction that made it. */
@ObjectType({ description: 'One change of an application’s status: from, to, why, by whom and when.' })
@Entity({ tableName: 'application_status_change' })
@Index({ properties: ['applicationId', 'id'] })
export class ApplicationStatusChange {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  applicationId!: string;

  @Field(() => ApplicationStatus)
  @Enum({ items: () => ApplicationStatus, type: 'string', fieldName: 'from_status' })
  from!: ApplicationStatus;

  @Field(() => ApplicationStatus)
  @Enum({ items: () => ApplicationStatus, type: 'string', fieldName: 'to_status' })
  to!: ApplicationStatus;

  @Field(() => String, { nullable: true, description: 'Why, as the person who made the change wrote it.' })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Field(() => ID, { description: 'Account that made the change.' })
  @Property({ type: 'uuid' })
  actorUserId!: string;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  at: Date = new Date();
}
