/**
 * PKCE (RFC 7636) and `state` helpers on the Web Crypto API. `crypto.subtle` exists only in secure contexts
 * (https, or http on 127.0.0.1 / localhost), which is also where a sign-in page belongs.
 */

/** 32 random bytes give a 43-character verifier, the minimum RFC 7636 allows (its maximum is 128). */
const verifierBytes = 32;
const stateBytes = 16;

export function webCryptoAvailable(): boolean {
  return typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function' && crypto.subtle !== undefined;
}

/** Base64url without padding (RFC 4648 §5), as PKCE and JWTs use it. */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomBase64Url(length: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(length)));
}

/** A fresh code verifier: 43 characters from the unreserved set `[A-Za-z0-9-_]`. */
export function createCodeVerifier(): string {
  return randomBase64Url(verifierBytes);
}

/** The S256 challenge: BASE64URL(SHA-256(ASCII(verifier))). */
export async function codeChallengeS256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** An unguessable `state` value binding the callback to the browser tab that started the sign-in. */
export function createState(): string {
  return randomBase64Url(stateBytes);
}
