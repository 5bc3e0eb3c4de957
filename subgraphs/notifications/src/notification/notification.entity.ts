import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { DateTimeISOResolver } from 'graphql-scalars';
import { newId } from '@stages/platform';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum NotificationChannel {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
  PUSH = 'PUSH',
}

registerEnumType(NotificationChannel, { name: 'NotificationChannel', description: 'How a notification reaches a person.' });

@ObjectType({ description: 'A message Stages sent to a person.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'notification' })
@Unique({ properties: ['eventId', 'recipientUserId', 'channel'] })
export class Notification {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Field(() => ID, { description: 'Account the notification was sent to.' })
  @Index()
  @Property({ type: 'uuid' })
  recipientUserId!: string;

  @Field(() => NotificationChannel)
  @Enum({ items: () => NotificationChannel, type: 'string' })
  channel: NotificationChannel = NotificationChannel.IN_APP;

  @Field(() => String, { description: 'Event type that caused the notification, e.g. application.accepted.' })
  @Property({ type: 'string', length: 100 })
  eventType!: string;

  @Field(() => ID, { nullable: true, description: 'Id of the event that caused it (none for older notifications).' })
  @Property({ type: 'uuid', nullable: true })
  eventId: string | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'Path in the web client to open, e.g. /applications.' })
  @Property({ type: 'string', length: 500, nullable: true })
  link: string | null = null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'Date', nullable: true })
  readAt: Date | null = null;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
