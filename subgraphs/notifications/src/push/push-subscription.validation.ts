import { badUserInput } from '@stages/platform';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

const decodedLength = (value: string) => Buffer.from(value.replace(/=+$/, ''), 'base64url').length;

/**
 * A push endpoint must be an https URL (push services are); plain http is accepted only on the loopback interface
 * outside production, for development and tests. Errors name the input field.
 */
export function validatePushSubscription(input: { endpoint: string; p256dh: string; auth: string }, production: boolean) {
  const endpoint = input.endpoint.trim();
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw badUserInput('endpoint', 'endpoint must be the URL of a push service.');
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK.has(url.hostname) && !production;
  if (endpoint.length > 2048 || (url.protocol !== 'https:' && !loopbackHttp) || url.username || url.password) {
    throw badUserInput('endpoint', 'endpoint must be an https URL of a push service (at most 2048 characters).');
  }
  const p256dh = input.p256dh.trim();
  // An uncompressed P-256 point: 65 bytes starting with 0x04.
  if (!BASE64URL.test(p256dh) || decodedLength(p256dh) !== 65 || Buffer.from(p256dh, 'base64url')[0] !== 4) {
    throw badUserInput('p256dh', 'p256dh must be the subscription’s P-256 public key (65 bytes, URL-safe base64).');
  }
  const auth = input.auth.trim();
  if (!BASE64URL.test(auth) || decodedLength(auth) !== 16) throw badUserInput('auth', 'auth must be the subscription’s 16-byte secret (URL-safe base64).');
  return { endpoint, p256dh, auth };
}
