import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '@stages/platform';

/**
 * What happened to accounts and sessions, for security review. Never holds a password, a token or a secret;
 * an e-mail address that matches no account is kept only as a digest.
 */
@Entity({ tableName: 'audit_event' })
export class AuditEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'Date' })
  occurredAt: Date = new Date();

  /** e.g. login.succeeded, login.failed, login.locked, account.registered, email.verified, session.reused */
  @Property({ type: 'string', length: 64 })
  action!: string;

  /** The account concerned, when known. */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  /** Who acted, when it is someone else (an administrator). */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  ip: string | null = null;

  @Property({ type: 'json' })
  details: Record<string, unknown> = {};
}
