import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerToken, createTokenVerifier, remoteKeySet } from './token-verifier.js';

const ISSUER = 'http://127.0.0.1:8001';
const AUDIENCE = 'stages';

interface Key {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function key(kid: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

function token(signer: Key, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}, expiresIn = '15m', audience = AUDIENCE) {
  return new SignJWT({ roles: ['STUDENT'], student_id: 'st-1', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: signer.kid, typ: 'at+jwt', ...header })
    .setSubject('user-1')
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(signer.privateKey);
}

const rejected = { extensions: { code: 'UNAUTHENTICATED' }, message: 'The access token is invalid or has expired.' };

describe('access token verification', () => {
  let current: Key;
  let verify: ReturnType<typeof createTokenVerifier>;

  beforeAll(async () => {
    current = await key('k1');
    verify = createTokenVerifier({ keys: createLocalJWKSet({ keys: [current.jwk] }), issuer: ISSUER, audience: AUDIENCE });
  });

  it('should return the viewer of a valid token', async () => {
    expect(await verify(await token(current, { roles: ['STUDENT', 'NOT_A_ROLE'] }))).toEqual({
      subject: 'user-1',
      kind: 'user',
      roles: ['STUDENT'],
      studentId: 'st-1',
      enterpriseId: undefined,
      universityId: undefined,
      scopes: [],
    });
  });

  it('should recognise a client-credentials token and its scopes', async () => {
    const viewer = await verify(await new SignJWT({ client_id: 'erp-upc', scope: 'conventions:read students:read' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'at+jwt' })
      .setSubject('erp-upc').setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('15m')
      .sign(current.privateKey));
    expect(viewer).toMatchObject({ subject: 'erp-upc', kind: 'client', roles: [], scopes: ['conventions:read', 'students:read'] });
  });

  it('should reject an unsigned token (alg: none)', async () => {
    const unsigned = new UnsecuredJWT({ roles: ['SYSTEM_ADMIN'] }).setSubject('user-1').setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('15m').encode();
    await expect(verify(unsigned)).rejects.toMatchObject(rejected);
  });

  it('should reject an HS256 token signed with the public key as the secret (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(current.jwk));
    const forged = await new SignJWT({ roles: ['SYSTEM_ADMIN'] })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1', typ: 'at+jwt' })
      .setSubject('user-1').setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('15m')
      .sign(secret);
    await expect(verify(forged)).rejects.toMatchObject(rejected);
  });

  it.each([
    ['an expired token', async () => token(current, {}, {}, '-1m')],
    ['a token for another audience', async () => token(current, {}, {}, '15m', 'another-api')],
    ['a token from another issuer', async () => new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'at+jwt' }).setSubject('u').setIssuer('https://evil.example').setAudience(AUDIENCE).setIssuedAt().setExpirationTime('15m').sign(current.privateKey)],
    ['an ID token presented as an access token (typ)', async () => token(current, {}, { typ: 'JWT' })],
    ['a token signed by an unknown key', async () => token(await key('k1'))],
    ['a token with an unknown key id', async () => token({ ...current, kid: 'k9' })],
  ])('should reject %s', async (_name, make) => {
    await expect(verify(await make())).rejects.toMatchObject(rejected);
  });

  it('should reject a token whose payload was altered', async () => {
    const [header, payload, signature] = (await token(current)).split('.');
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), roles: ['SYSTEM_ADMIN'] })).toString('base64url');
    await expect(verify(`${header}.${altered}.${signature}`)).rejects.toMatchObject(rejected);
  });

  it('should reject garbage', async () => {
    await expect(verify('not.a.token')).rejects.toMatchObject(rejected);
  });
});

describe('remote key set', () => {
  let server: http.Server;
  let url = '';
  let fetches = 0;
  let keys: JWK[] = [];

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      fetches++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should cache the keys and refetch for unknown key ids at most once per 30 s', async () => {
    const first = await key('first');
    keys = [first.jwk];
    const verify = createTokenVerifier({ keys: remoteKeySet(url), issuer: ISSUER, audience: AUDIENCE });
    for (let i = 0; i < 5; i++) await verify(await token(first));
    expect(fetches).toBe(1);
    for (let i = 0; i < 5; i++) await expect(verify(await token({ ...first, kid: `forged-${i}` }))).rejects.toMatchObject(rejected);
    expect(fetches).toBeLessThanOrEqual(2);
  });
});

describe('bearerToken', () => {
  it('should read a bearer token and refuse other schemes', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
  });
});
