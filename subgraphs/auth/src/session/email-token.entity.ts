import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '@stages/platform';

export enum EmailTokenPurpose {
  VERIFY_EMAIL = 'VERIFY_EMAIL',
  RESET_PASSWORD = 'RESET_PASSWORD',
  INVITATION = 'INVITATION',
}

/** A single-use, expiring secret sent by e-mail; only its SHA-256 is stored. */
@Entity({ tableName: 'email_token' })
export class EmailToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => EmailTokenPurpose, type: 'string' })
  purpose!: EmailTokenPurpose;

  @Unique()
  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @Property({ type: 'Date' })
  expiresAt!: Date;

  @Property({ type: 'Date', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
