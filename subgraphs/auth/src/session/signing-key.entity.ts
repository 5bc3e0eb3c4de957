import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { JWK } from 'jose';

/** An RS256 key pair; the newest key not retired signs, every key not long retired is published in the JWKS. */
@Entity({ tableName: 'signing_key' })
export class SigningKey {
  @PrimaryKey({ type: 'string', length: 64 })
  kid!: string;

  @Property({ type: 'json' })
  publicJwk!: JWK;

  @Property({ type: 'json', hidden: true })
  privateJwk!: JWK;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', nullable: true })
  retiredAt: Date | null = null;
}
