import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Field, ID, ObjectType } from 'type-graphql';

/** A browser's web push subscription (Push API), for the account signed in when it was registered. */
@ObjectType({ description: 'A browser that receives web push notifications for the signed-in person.' })
@Entity({ tableName: 'push_subscription' })
export class PushSubscription {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'uuid' })
  userId!: string;

  @Field(() => String, { description: 'The push service URL the browser gave.' })
  @Property({ type: 'string', length: 2048, unique: true })
  endpoint!: string;

  @Property({ type: 'string', length: 200 })
  p256dh!: string;

  @Property({ type: 'string', length: 100 })
  auth!: string;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
