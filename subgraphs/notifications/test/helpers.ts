import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

/** Calls a gateway's /graphql with an optional bearer token. */
export function graphqlClient(url: () => string) {
  return async function gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResult<T>> {
    const response = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<T>;
  };
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A browser's push subscription keys: a real P-256 public key and a 16-byte secret. */
export function browserKeys() {
  const ecdh = createECDH('prime256v1');
  return { p256dh: ecdh.generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') };
}

export interface ReceivedPush {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A push service on 127.0.0.1: records each POST and answers with the status `statusFor(path)` gives (201 by default). */
export async function startPushService(statusFor: (path: string) => number = () => 201) {
  const received: ReceivedPush[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(statusFor(req.url ?? '/')).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Checks a push request the way a push service would, without decrypting: RFC 8291 aes128gcm and RFC 8292 VAPID. */
export function expectValidWebPush(push: ReceivedPush, publicKey: string): string[] {
  const problems: string[] = [];
  if (push.headers['content-encoding'] !== 'aes128gcm') problems.push(`content-encoding is ${push.headers['content-encoding']}`);
  if (!push.headers.ttl) problems.push('no TTL header');
  const authorization = String(push.headers.authorization ?? '');
  const vapid = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization);
  if (!vapid) problems.push(`authorization is not VAPID: ${authorization.slice(0, 40)}`);
  else {
    if (vapid[2] !== publicKey) problems.push('the VAPID key is not the published one');
    const claims = JSON.parse(Buffer.from(vapid[1]!.split('.')[1]!, 'base64url').toString('utf8')) as { aud: string; exp: number; sub: string };
    if (!claims.aud.startsWith('http://127.0.0.1:')) problems.push(`aud is ${claims.aud}`);
    if (!(claims.exp * 1000 > Date.now())) problems.push('the VAPID token has expired');
    if (!claims.sub) problems.push('no VAPID subject');
  }
  // aes128gcm header: 16-byte salt, 4-byte record size, key id length 65 (the server's ephemeral P-256 key).
  if (push.body.length < 21 + 65 + 17) problems.push(`body of ${push.body.length} bytes is too short`);
  else if (push.body[20] !== 65 || push.body[21] !== 4) problems.push('no ephemeral P-256 key in the aes128gcm header');
  return problems;
}
