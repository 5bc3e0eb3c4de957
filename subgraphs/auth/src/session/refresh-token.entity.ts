import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '@stages/platform';

/**
 * One opaque refresh token (only its SHA-256 is stored). Each use rotates it within its family; presenting a
 * rotated or revoked token again revokes the whole family (RFC 9700 reuse detection).
 */
@Entity({ tableName: 'refresh_token' })
export class RefreshToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  userId!: string;

  @Index()
  @Property({ type: 'uuid' })
  familyId!: string;

  @Unique()
  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @Property({ type: 'Date' })
  expiresAt!: Date;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', nullable: true })
  rotatedAt: Date | null = null;

  @Property({ type: 'Date', nullable: true })
  revokedAt: Date | null = null;
}
