import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { CLIENT_IP_HEADER, INTERNAL_SECRET_HEADER, sendJson } from '@stages/platform';

const FORWARDED_REQUEST_HEADERS = ['content-type', 'content-length', 'authorization', 'accept', 'accept-language'];
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'cache-control',
  'pragma',
  'location',
  'www-authenticate',
  'content-security-policy',
  'x-frame-options',
  'referrer-policy',
  'x-content-type-options',
];

/** Paths of the auth service that the gateway serves on its own origin: OAuth endpoints and discovery. */
export const isAuthServicePath = (path: string): boolean =>
  path.startsWith('/oauth/') || path === '/.well-known/openid-configuration' || path === '/.well-known/jwks.json';

/**
 * Relays an OAuth or discovery request to the auth service, so the web client and integrators use one origin
 * (no CORS) and the issuer is the public address. The client's address travels with the internal secret.
 */
export function proxyToAuthService(target: string, internalSecret: string, clientIp: string) {
  return (req: IncomingMessage, res: ServerResponse): Promise<void> =>
    new Promise((resolve) => {
      const url = new URL(req.url ?? '/', target);
      const headers: Record<string, string> = { [INTERNAL_SECRET_HEADER]: internalSecret, [CLIENT_IP_HEADER]: clientIp };
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const upstream = http.request(url, { method: req.method, headers, timeout: 10_000 }, (answer) => {
        const passed: Record<string, string | string[]> = {};
        for (const name of FORWARDED_RESPONSE_HEADERS) {
          const value = answer.headers[name];
          if (value !== undefined) passed[name] = value;
        }
        res.writeHead(answer.statusCode ?? 502, passed);
        answer.pipe(res).on('finish', resolve);
      });
      upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
      upstream.on('error', () => {
        if (!res.headersSent) sendJson(res, 503, { error: 'temporarily_unavailable', error_description: 'The auth service is unavailable.' });
        else res.destroy();
        resolve();
      });
      req.pipe(upstream);
    });
}
