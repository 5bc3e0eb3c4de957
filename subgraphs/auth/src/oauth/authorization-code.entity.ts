import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A one-time authorization code (stored hashed), bound to a client, a redirect URI and a PKCE challenge. */
@Entity({ tableName: 'authorization_code' })
export class AuthorizationCode {
  @PrimaryKey({ type: 'string', length: 64 })
  codeHash!: string;

  @Property({ type: 'string', length: 64 })
  clientId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  redirectUri!: string;

  @Property({ type: 'string', length: 128 })
  codeChallenge!: string;

  @Property({ type: 'string', length: 200 })
  scope!: string;

  @Property({ type: 'Date' })
  expiresAt!: Date;

  @Property({ type: 'Date', nullable: true })
  usedAt: Date | null = null;
}
