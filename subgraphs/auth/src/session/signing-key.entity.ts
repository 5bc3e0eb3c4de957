import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { JWK } from 'jose';

/** An RS256 key pair; the newest key whose time has come signs, every key not long retired is published. */
@Entity({ tableName: 'signing_key' })
export class SigningKey {
  @PrimaryKey({ type: 'string', length: 64 })
  kid!: string;

  @Property({ type: 'json' })
  publicJwk!: JWK;

  @Property({ type: 'json', hidden: true })
  privateJwk!: JWK;

  /** When the key starts signing (it is published from the moment it is created, up to a minute before). */
  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', nullable: true })
  retiredAt: Date | null = null;
}
