import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '@stages/platform';

export type DeliveryChannel = 'EMAIL' | 'PUSH';

export enum DeliveryStatus {
  /** Waiting for the delivery worker (or its next attempt). */
  PENDING = 'PENDING',
  /** Claimed by a worker; back to due if that worker died (`nextAttemptAt` is the end of its claim). */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** Gave up after the last attempt, or nothing to send to. */
  FAILED = 'FAILED',
  /** An e-mail kept for the recipient's daily digest. */
  HELD = 'HELD',
  /** Sent as part of a digest (`digestId`). */
  DIGESTED = 'DIGESTED',
}

/**
 * An e-mail or web push to send, written in the transaction that decided it and sent by the delivery worker after
 * that transaction commits (never from inside it).
 */
@Entity({ tableName: 'delivery' })
@Unique({ properties: ['eventId', 'recipientUserId', 'channel'] })
export class Delivery {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** The event that caused it; for a digest, the digest's own id. */
  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'string', length: 100 })
  eventType!: string;

  @Property({ type: 'uuid' })
  recipientUserId!: string;

  @Property({ type: 'string' })
  channel!: DeliveryChannel;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  link: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  notificationId: string | null = null;

  @Enum({ items: () => DeliveryStatus, type: 'string' })
  status: DeliveryStatus = DeliveryStatus.PENDING;

  @Property({ type: 'uuid', nullable: true })
  digestId: string | null = null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'Date' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'string', length: 500, nullable: true })
  lastError: string | null = null;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', nullable: true })
  sentAt: Date | null = null;
}
