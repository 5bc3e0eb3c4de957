import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP minimum profile (m=19 MiB, t=2, p=1); Algorithm.Argon2id is 2.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown account), a dummy hash is verified instead, so
 * an unknown e-mail and a wrong password take the same time.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('stages-timing-equaliser');
  const matches = await verify(stored ?? (await dummyHash), password).catch(() => false);
  return Boolean(stored) && matches;
}
