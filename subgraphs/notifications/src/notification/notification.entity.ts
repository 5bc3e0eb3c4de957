import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum NotificationChannel {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
  PUSH = 'PUSH',
}

registerEnumType(NotificationChannel, { name: 'NotificationChannel' });

@ObjectType({ description: 'A message Stages sent to a person.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'notification' })
export class Notification {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'uuid' })
  userId!: string;

  @Field(() => NotificationChannel)
  @Enum({ items: () => NotificationChannel, type: 'string' })
  channel: NotificationChannel = NotificationChannel.IN_APP;

  @Field(() => String, { description: 'Event type that caused the notification, e.g. application.accepted.' })
  @Property({ type: 'string', length: 100 })
  eventType!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  body!: string;

  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'Date', nullable: true })
  readAt: Date | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
