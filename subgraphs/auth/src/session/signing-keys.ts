import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@stages/platform';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK, type KeyObject } from 'jose';
import { SigningKey } from './signing-key.entity.js';

/** How long a retired key stays in the JWKS: the longest lifetime of a token it signed, plus clock skew. */
export const RETIRED_KEY_GRACE_MS = 15 * 60_000 + 5 * 60_000;
const CACHE_MS = 60_000;

export interface ActiveKey {
  kid: string;
  privateKey: CryptoKey | KeyObject;
}

/**
 * The auth service's signing keys, kept in its database so every instance signs with the same key and publishes
 * the same JWKS. Rotation adds a new key and retires the old one, which stays published until the tokens it
 * signed have expired.
 */
export class SigningKeys {
  private cached: { at: number; active: ActiveKey; jwks: JWK[] } | undefined;

  async active(em: EntityManager): Promise<ActiveKey> {
    return (await this.load(em)).active;
  }

  async jwks(em: EntityManager): Promise<JWK[]> {
    return (await this.load(em)).jwks;
  }

  /** Creates a key when there is none (first start). */
  async ensure(em: EntityManager): Promise<void> {
    if ((await em.count(SigningKey, { retiredAt: null })) === 0) await this.rotate(em);
  }

  /** Adds a new signing key and retires the others; returns the new key id. */
  async rotate(em: EntityManager): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = `${(await calculateJwkThumbprint(publicJwk)).slice(0, 16)}-${randomUUID().slice(0, 8)}`;
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(SigningKey, { retiredAt: null }, { retiredAt: new Date() });
      tx.persist(tx.create(SigningKey, { kid, publicJwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' }, privateJwk: await exportJWK(privateKey), createdAt: new Date(), retiredAt: null }));
    });
    this.cached = undefined;
    return kid;
  }

  private async load(em: EntityManager): Promise<{ at: number; active: ActiveKey; jwks: JWK[] }> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached;
    const keys = await em.fork().find(SigningKey, { $or: [{ retiredAt: null }, { retiredAt: { $gt: new Date(Date.now() - RETIRED_KEY_GRACE_MS) } }] }, { orderBy: { createdAt: 'desc' } });
    const current = keys.find((key) => key.retiredAt === null);
    if (!current) throw new Error('No active signing key: the auth service creates one at start');
    const loaded = {
      at: Date.now(),
      active: { kid: current.kid, privateKey: (await importJWK(current.privateJwk, 'RS256')) as CryptoKey },
      jwks: keys.map((key) => key.publicJwk),
    };
    this.cached = loaded;
    return loaded;
  }
}

/** The process's key store (one auth subgraph per process). */
export const signingKeys = new SigningKeys();
