import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@stages/platform';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK, type KeyObject } from 'jose';
import { SigningKey } from './signing-key.entity.js';

/** How long a retired key stays in the JWKS: the longest lifetime of a token it signed, plus clock skew. */
export const RETIRED_KEY_GRACE_MS = 15 * 60_000 + 5 * 60_000;
/**
 * A new key is published this long before it signs: longer than the 30 s during which verifiers refuse to refetch
 * the JWKS for an unknown key id, so no valid token is ever refused during a rotation.
 */
export const PUBLISH_AHEAD_MS = 45_000;
const CACHE_MS = 10_000;

export interface ActiveKey {
  kid: string;
  privateKey: CryptoKey | KeyObject;
}

interface LoadedKey {
  kid: string;
  publicJwk: JWK;
  privateJwk: JWK;
  activeFrom: number;
  retiredAt: number | null;
}

/**
 * The auth service's signing keys, kept in its database so every instance signs with the same key and publishes
 * the same JWKS. Rotation publishes a new key first, switches signing to it `PUBLISH_AHEAD_MS` later, and keeps
 * the old key published until the tokens it signed have expired.
 */
export class SigningKeys {
  private cached: { at: number; keys: LoadedKey[] } | undefined;
  private readonly imported = new Map<string, CryptoKey | KeyObject>();

  /** The key that signs now: the newest one whose time has come and that is not retired. */
  async active(em: EntityManager): Promise<ActiveKey> {
    const now = Date.now();
    const key = (await this.load(em)).find((candidate) => candidate.activeFrom <= now && (candidate.retiredAt === null || candidate.retiredAt > now));
    if (!key) throw new Error('No active signing key: the auth service creates one at start');
    let privateKey = this.imported.get(key.kid);
    if (!privateKey) {
      privateKey = (await importJWK(key.privateJwk, 'RS256')) as CryptoKey;
      this.imported.set(key.kid, privateKey);
    }
    return { kid: key.kid, privateKey };
  }

  /** Public keys to publish: upcoming, current, and retired within the grace period. */
  async jwks(em: EntityManager): Promise<JWK[]> {
    const now = Date.now();
    return (await this.load(em)).filter((key) => key.retiredAt === null || key.retiredAt > now - RETIRED_KEY_GRACE_MS).map((key) => key.publicJwk);
  }

  /** Creates a key that signs at once when there is none (first start). */
  async ensure(em: EntityManager): Promise<void> {
    if ((await em.count(SigningKey, { retiredAt: null })) === 0) await this.rotate(em, 0);
  }

  /**
   * Adds a new key, published now and signing after `aheadMs`; the current keys retire at that moment. Returns the
   * new key id and when it starts signing.
   */
  async rotate(em: EntityManager, aheadMs = PUBLISH_AHEAD_MS): Promise<{ kid: string; activeFrom: Date }> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = `${(await calculateJwkThumbprint(publicJwk)).slice(0, 16)}-${randomUUID().slice(0, 8)}`;
    const activeFrom = new Date(Date.now() + aheadMs);
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(SigningKey, { retiredAt: null }, { retiredAt: activeFrom });
      tx.persist(
        tx.create(SigningKey, {
          kid,
          publicJwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' },
          privateJwk: await exportJWK(privateKey),
          createdAt: activeFrom,
          retiredAt: null,
        }),
      );
    });
    this.cached = undefined;
    return { kid, activeFrom };
  }

  private async load(em: EntityManager): Promise<LoadedKey[]> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.keys;
    const rows = await em.fork().find(
      SigningKey,
      { $or: [{ retiredAt: null }, { retiredAt: { $gt: new Date(Date.now() - RETIRED_KEY_GRACE_MS) } }] },
      { orderBy: { createdAt: 'desc' } },
    );
    const keys = rows.map((row) => ({
      kid: row.kid,
      publicJwk: row.publicJwk,
      privateJwk: row.privateJwk,
      activeFrom: row.createdAt.getTime(),
      retiredAt: row.retiredAt?.getTime() ?? null,
    }));
    this.cached = { at: Date.now(), keys };
    return keys;
  }
}

/** The process's key store (one auth subgraph per process). */
export const signingKeys = new SigningKeys();
