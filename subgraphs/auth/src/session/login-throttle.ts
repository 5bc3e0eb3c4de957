import { createHash } from 'node:crypto';
import { tooManyRequests, type AuthSettings, type Cache } from '@stages/platform';

// Reset e-mails per address and window: beyond it requests are accepted but send nothing (no mail bombing).
const RESET_EMAILS_PER_ADDRESS = 3;

const digest = (value: string) => createHash('sha256').update(value.trim().toLowerCase()).digest('hex').slice(0, 32);

/**
 * Counts failed sign-in attempts per account (by e-mail, known or not, so a lock reveals nothing) and per IP
 * address in the shared cache (Redis in production), and refuses further attempts until the window has passed.
 */
export class LoginThrottle {
  constructor(private readonly cache: Cache, private readonly settings: AuthSettings['throttle']) {}

  /** TOO_MANY_REQUESTS (with the seconds to wait) when the account or the address is locked. */
  async check(email: string, ip: string): Promise<void> {
    const [account, address] = [this.accountKey(email), this.ipKey(ip)];
    const [accountFailures, ipFailures] = await Promise.all([this.cache.get<number>(account), this.cache.get<number>(address)]);
    const locked = [
      (accountFailures ?? 0) >= this.settings.maxFailuresPerAccount ? account : undefined,
      (ipFailures ?? 0) >= this.settings.maxFailuresPerIp ? address : undefined,
    ].filter((key): key is string => key !== undefined);
    if (locked.length === 0) return;
    const waits = await Promise.all(locked.map((key) => this.cache.secondsToLive(key)));
    throw tooManyRequests(Math.max(1, ...waits));
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.cache.increment(this.accountKey(email), this.settings.windowSeconds),
      this.cache.increment(this.ipKey(ip), this.settings.windowSeconds),
    ]);
  }

  /** A successful sign-in clears the account's count (not the address's). */
  async recordSuccess(email: string): Promise<void> {
    await this.cache.delete(this.accountKey(email));
  }

  /**
   * Counts a password-reset request in the window, for the address and for the caller's IP address; returns
   * whether another e-mail may be sent (3 per address, and the IP limit of failed sign-ins per address).
   */
  async allowResetEmail(email: string, ip: string): Promise<boolean> {
    const [forAddress, forIp] = await Promise.all([
      this.cache.increment(`auth:reset-requests:${digest(email)}`, this.settings.windowSeconds),
      this.cache.increment(`auth:reset-requests:ip:${digest(ip)}`, this.settings.windowSeconds),
    ]);
    return forAddress <= RESET_EMAILS_PER_ADDRESS && forIp <= this.settings.maxFailuresPerIp;
  }

  private accountKey(email: string) {
    return `auth:login-failures:account:${digest(email)}`;
  }

  private ipKey(ip: string) {
    return `auth:login-failures:ip:${digest(ip)}`;
  }
}
