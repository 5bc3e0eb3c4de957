import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';

export enum OAuthClientType {
  /** Runs in a browser: no secret, authorization code with PKCE only. */
  PUBLIC = 'PUBLIC',
  /** A server (ERP, integrator) that keeps a secret: client credentials. */
  CONFIDENTIAL = 'CONFIDENTIAL',
}

/** An application allowed to obtain tokens: the web client, university ERP systems, integrators. */
@Entity({ tableName: 'oauth_client' })
export class OAuthClient {
  @PrimaryKey({ type: 'string', length: 64 })
  clientId!: string;

  @Property({ type: 'string', length: 120 })
  name!: string;

  @Enum({ items: () => OAuthClientType, type: 'string' })
  type!: OAuthClientType;

  /** SHA-256 of the secret (256 random bits, so a fast hash is enough); null for public clients. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  secretHash: string | null = null;

  /** Exact redirect URIs accepted (no prefixes, no wildcards). */
  @Property({ type: 'text[]' })
  redirectUris: string[] = [];

  @Property({ type: 'text[]' })
  grantTypes: string[] = [];

  /** Scopes a confidential client may ask for. */
  @Property({ type: 'text[]' })
  scopes: string[] = [];

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
