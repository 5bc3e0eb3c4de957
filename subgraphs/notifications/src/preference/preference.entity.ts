import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { NotificationChannel } from '../notification/notification.entity.js';

/** A choice a person made for one event type on one channel; without a row, the default applies. */
@Entity({ tableName: 'preference' })
export class Preference {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'string', length: 100 })
  eventType!: string;

  @PrimaryKey({ type: 'string' })
  channel!: NotificationChannel;

  @Property({ type: 'boolean' })
  enabled!: boolean;

  @Property({ type: 'Date' })
  updatedAt: Date = new Date();
}
