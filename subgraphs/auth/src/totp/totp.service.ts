import { createHash, randomBytes, randomInt } from 'node:crypto';
import { badUserInput, conflict, newId, type EntityManager } from '@stages/platform';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { audit } from '../audit/audit.js';
import { User } from '../user/user.entity.js';
import { RecoveryCode } from './recovery-code.entity.js';

const PERIOD_SECONDS = 30;
const RECOVERY_CODES = 10;
const CODE = /^\d{6}$/;
const RECOVERY = /^[a-z2-9]{4}-[a-z2-9]{4}$/;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export interface TotpSetup {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
}

/** The RFC 6238 time step a code matches (one step of skew either way), or null. */
async function matchingTimeStep(secret: string, token: string): Promise<number | null> {
  const result = await verify({ strategy: 'totp', secret, token, epochTolerance: PERIOD_SECONDS });
  // With the TOTP strategy a valid result carries its time step.
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}

const hashCode = (code: string) => createHash('sha256').update(code, 'utf8').digest('hex');

function recoveryCode(): string {
  const part = () => Array.from({ length: 4 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${part()}-${part()}`;
}

/**
 * Two-factor sign-in with TOTP (RFC 6238: 6 digits, 30 s, SHA-1 as authenticator apps expect), one step of clock
 * skew either way, each code accepted once, and single-use recovery codes.
 */
export class TotpService {
  constructor(private readonly ip: string) {}

  /** Starts (or restarts) setup: a new secret to scan, not active until a code confirms it. */
  async begin(em: EntityManager, userId: string): Promise<TotpSetup> {
    const user = await em.findOneOrFail(User, { id: userId });
    if (user.totpEnabledAt) throw conflict('Two-factor sign-in is already on: turn it off first to change the device.');
    const secret = generateSecret();
    await em.nativeUpdate(User, { id: userId }, { totpPendingSecret: secret });
    const otpauthUri = generateURI({ issuer: 'Stages', label: user.email, secret, period: PERIOD_SECONDS, digits: 6 });
    return { secret, otpauthUri, qrCodeSvg: await QRCode.toString(otpauthUri, { type: 'svg', margin: 1 }) };
  }

  /** Turns two-factor sign-in on with a first code from the app; returns the recovery codes (shown once). */
  async confirm(em: EntityManager, userId: string, code: string): Promise<string[]> {
    if (!CODE.test(code)) throw badUserInput('code', 'code must be the 6 digits shown by the authenticator app.');
    const user = await em.findOneOrFail(User, { id: userId }, { populate: ['totpPendingSecret'] });
    if (!user.totpPendingSecret) throw conflict('Start the setup first.');
    const timeStep = await matchingTimeStep(user.totpPendingSecret, code);
    if (timeStep === null) throw badUserInput('code', 'This code does not match: check the time of the device and try again.');
    const codes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(User, { id: userId }, { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastTimeStep: String(timeStep) });
      await tx.nativeDelete(RecoveryCode, { userId });
      for (const recovery of codes) tx.persist(tx.create(RecoveryCode, { id: newId(), userId, codeHash: hashCode(recovery), usedAt: null, createdAt: new Date() }));
    });
    await audit(em, { action: 'totp.enabled', userId, ip: this.ip });
    return codes;
  }

  /** Turns two-factor sign-in off; proven by a current code or a recovery code. */
  async disable(em: EntityManager, userId: string, code: string): Promise<boolean> {
    if (!(await this.check(em, userId, code))) throw badUserInput('code', 'This code is not valid.');
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(User, { id: userId }, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastTimeStep: null });
      await tx.nativeDelete(RecoveryCode, { userId });
    });
    await audit(em, { action: 'totp.disabled', userId, ip: this.ip });
    return true;
  }

  /**
   * Whether `code` proves the second factor: a TOTP code not used before (its time step must be later than the
   * last accepted one, recorded atomically), or an unused recovery code, which is then spent.
   */
  async check(em: EntityManager, userId: string, code: string): Promise<boolean> {
    const value = code.trim().toLowerCase();
    if (RECOVERY.test(value)) {
      const spent = await em.nativeUpdate(RecoveryCode, { userId, codeHash: hashCode(value), usedAt: null }, { usedAt: new Date() });
      if (spent === 1) await audit(em, { action: 'totp.recovery-code-used', userId, ip: this.ip });
      return spent === 1;
    }
    if (!CODE.test(value)) return false;
    const user = await em.findOne(User, { id: userId }, { populate: ['totpSecret'] });
    if (!user?.totpSecret) return false;
    const timeStep = await matchingTimeStep(user.totpSecret, value);
    if (timeStep === null) return false;
    const accepted = await em
      .getConnection()
      .execute(
        `update "auth"."user" set "totp_last_time_step" = ? where "id" = ? and ("totp_last_time_step" is null or "totp_last_time_step" < ?)`,
        [timeStep, userId, timeStep],
        'run',
      );
    return (accepted as { affectedRows?: number }).affectedRows === 1;
  }
}

/** A short-lived proof that the password was right, exchanged with the second factor for a session. */
export function newSecondFactorTicket(): string {
  return randomBytes(24).toString('base64url');
}

