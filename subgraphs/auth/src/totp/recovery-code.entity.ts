import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '@stages/platform';

/** A single-use code that replaces the authenticator app once (stored hashed). */
@Entity({ tableName: 'recovery_code' })
export class RecoveryCode {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  userId!: string;

  @Unique()
  @Property({ type: 'string', length: 64 })
  codeHash!: string;

  @Property({ type: 'Date', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
