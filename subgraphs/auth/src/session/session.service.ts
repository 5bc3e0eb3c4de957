import { badUserInput, isUuid, isValidSiret, newId, recordEvent, unauthenticated, type AuthSettings, type Cache, type EntityManager, type Infrastructure, type Mailer } from '@stages/platform';
import { LockMode } from '@mikro-orm/core';
import { Locale, Role, User, UserStatus } from '../user/user.entity.js';
import { EmailToken, EmailTokenPurpose } from './email-token.entity.js';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from './passwords.js';
import { RefreshToken } from './refresh-token.entity.js';
import type { AccountFields, AuthPayload, RegisterEnterpriseInput, RegisterStudentInput, RequestAccepted } from './session.inputs.js';
import { signingKeys, type SigningKeys } from './signing-keys.js';
import { LoginThrottle } from './login-throttle.js';
import { GraphQLError } from 'graphql';
import { newSecondFactorTicket, TotpService } from '../totp/totp.service.js';
import { audit, emailDigest } from '../audit/audit.js';
import { ACCESS_TOKEN_TTL_SECONDS, hashRefreshToken, issueAccessToken, newRefreshToken, REFRESH_TOKEN_TTL_SECONDS, type TokenSettings } from './tokens.js';

const SECOND_FACTOR_TICKET_SECONDS = 300;
const AUTH_SOURCE = '/subgraphs/auth';
export const INVALID_CODE = 'This code is not valid.';
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,}$/;
const VERIFY_EMAIL_TTL_MS = 24 * 3600_000;
const RESET_PASSWORD_TTL_MS = 3600_000;
const RESET_REQUESTED = 'If an account uses this address, a message has been sent to it with a link to choose a new password.';
const WRONG_CREDENTIALS = 'Incorrect e-mail address or password.';
const REGISTRATION_ACCEPTED =
  'If this address can be used, a message has been sent to it: follow its link to activate the account.';

export interface SessionDependencies {
  keys: SigningKeys;
  /** Short-lived state shared by the auth instances (second-factor tickets). */
  cache: Cache;
  throttle: LoginThrottle;
  /** The caller's IP address, for throttling and the audit log. */
  ip: string;
  tokens: TokenSettings;
  mailer: Mailer;
  /** Base URL of the web client, for links in e-mails. */
  clientUrl: string;
}

function normaliseEmail(email: string): string {
  const value = email.trim().toLowerCase();
  if (value.length > 254 || !EMAIL.test(value)) throw badUserInput('email', 'email must be a valid e-mail address.');
  return value;
}

function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw badUserInput('password', `password must have between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters.`);
  }
}


interface NewAccount {
  roles: Role[];
  studentId?: string;
  enterpriseId?: string;
  universityId?: string;
  /** More for the `user.registered` event (e.g. the enterprise to create). */
  details?: Record<string, unknown>;
}

const NAF = /^\d{2}\.\d{2}[A-Z]$/;

/** Checks the enterprise part of an enterprise registration; errors name `enterprise.<field>`. */
function validateEnterprise(enterprise: RegisterEnterpriseInput['enterprise']): Record<string, unknown> {
  const text = (field: keyof typeof enterprise, min: number, max: number) => {
    const value = String(enterprise[field] ?? '').trim();
    if (value.length < min || value.length > max) throw badUserInput(`enterprise.${field}`, `enterprise.${field} must have between ${min} and ${max} characters.`);
    return value;
  };
  const siret = enterprise.siret.replace(/\s/g, '');
  if (!isValidSiret(siret)) throw badUserInput('enterprise.siret', 'enterprise.siret must be a valid SIRET (14 digits with a valid checksum).');
  if (!NAF.test(enterprise.nafCode)) throw badUserInput('enterprise.nafCode', 'enterprise.nafCode must be a NAF code such as 62.01Z.');
  if (!Number.isInteger(enterprise.headcount) || enterprise.headcount < 0 || enterprise.headcount > 1_000_000) {
    throw badUserInput('enterprise.headcount', 'enterprise.headcount must be a whole number of people.');
  }
  return {
    name: text('name', 2, 200),
    legalName: text('legalName', 2, 200),
    siret,
    nafCode: enterprise.nafCode,
    sector: text('sector', 2, 120),
    city: text('city', 2, 120),
    headcount: enterprise.headcount,
  };
}

/** The session service for one request, from what every auth entry point (GraphQL, OAuth routes) has at hand. */
export function sessionServiceFor(request: { infrastructure: Infrastructure; auth: AuthSettings; clientUrl: string; ip: string }): SessionService {
  return new SessionService({
    keys: signingKeys,
    cache: request.infrastructure.cache,
    throttle: new LoginThrottle(request.infrastructure.cache, request.auth.throttle),
    ip: request.ip,
    tokens: { issuer: request.auth.issuer, audience: request.auth.audience },
    mailer: request.infrastructure.mailer,
    clientUrl: request.clientUrl,
  });
}

/** Accounts and sessions: registration, e-mail verification, sign-in, refresh-token rotation, sign-out. */
export class SessionService {
  constructor(private readonly deps: SessionDependencies) {}

  /** A pending student account at a university; the students subgraph creates the profile from the event. */
  registerStudent(em: EntityManager, input: RegisterStudentInput): Promise<RequestAccepted> {
    if (!isUuid(input.universityId)) throw badUserInput('universityId', 'universityId must be a UUID.');
    return this.register(em, input, { roles: [Role.STUDENT], studentId: newId(), universityId: input.universityId });
  }

  /**
   * A pending enterprise account and its enterprise, which the enterprises subgraph creates (pending verification
   * by an administrator) from the event.
   */
  registerEnterprise(em: EntityManager, input: RegisterEnterpriseInput): Promise<RequestAccepted> {
    const enterprise = validateEnterprise(input.enterprise);
    return this.register(em, input, { roles: [Role.ENTERPRISE], enterpriseId: newId(), details: { enterprise } });
  }

  /**
   * Creates a pending account, records `user.registered` in the same transaction, and e-mails a verification
   * link. An address that already has an account gets a notice instead, and the caller gets the same answer
   * either way (no account enumeration).
   */
  private async register(em: EntityManager, input: AccountFields, profile: NewAccount): Promise<RequestAccepted> {
    const email = normaliseEmail(input.email);
    checkPassword(input.password);
    const displayName = input.displayName.trim();
    if (displayName.length < 2 || displayName.length > 120) throw badUserInput('displayName', 'displayName must have between 2 and 120 characters.');
    const locale = input.locale ?? Locale.FR;
    if (!Object.values(Locale).includes(locale as Locale)) throw badUserInput('locale', 'locale must be fr or en.');

    const existing = await em.findOne(User, { email });
    if (existing) {
      await audit(em, { action: 'account.registration-repeated', userId: existing.id, ip: this.deps.ip });
      await this.deps.mailer.send({
        to: email,
        subject: existing.locale === Locale.EN ? 'Someone tried to register with your address' : 'Tentative d’inscription avec votre adresse',
        text:
          existing.locale === Locale.EN
            ? 'Someone tried to create a Stages account with this address, which already has one. If it was you, sign in or reset your password.'
            : 'Quelqu’un a tenté de créer un compte Stages avec cette adresse, qui en a déjà un. Si c’était vous, connectez-vous ou réinitialisez votre mot de passe.',
      });
      return { accepted: true, message: REGISTRATION_ACCEPTED };
    }
    const passwordHash = await hashPassword(input.password);
    const { token, hash } = newRefreshToken();
    const user = await em.transactional(async (tx) => {
      const created = tx.create(User, {
        id: newId(),
        email,
        displayName,
        roles: profile.roles,
        status: UserStatus.PENDING_VERIFICATION,
        locale: locale as Locale,
        passwordHash,
        studentId: profile.studentId ?? null,
        enterpriseId: profile.enterpriseId ?? null,
        universityId: profile.universityId ?? null,
        createdAt: new Date(),
      });
      // The account row first: the token refers to it.
      await tx.flush();
      tx.create(EmailToken, { userId: created.id, purpose: EmailTokenPurpose.VERIFY_EMAIL, tokenHash: hash, expiresAt: new Date(Date.now() + VERIFY_EMAIL_TTL_MS), createdAt: new Date() });
      // Other subgraphs create the profile or the enterprise from this event, committed with the account or not at all.
      recordEvent(tx, AUTH_SOURCE, {
        type: 'user.registered',
        subject: created.id,
        data: {
          userId: created.id,
          roles: created.roles,
          studentId: created.studentId,
          enterpriseId: created.enterpriseId,
          universityId: created.universityId,
          email,
          displayName,
          locale: created.locale,
          ...profile.details,
        },
      });
      return created;
    });
    await audit(em, { action: 'account.registered', userId: user.id, ip: this.deps.ip, details: { roles: user.roles } });
    const link = `${this.deps.clientUrl}/verify-email?token=${token}`;
    await this.deps.mailer.send({
      to: email,
      subject: user.locale === Locale.EN ? 'Activate your Stages account' : 'Activez votre compte Stages',
      text:
        user.locale === Locale.EN
          ? `Hello ${displayName},\n\nOpen this link within 24 hours to activate your account:\n${link}\n`
          : `Bonjour ${displayName},\n\nOuvrez ce lien dans les 24 heures pour activer votre compte :\n${link}\n`,
    });
    return { accepted: true, message: REGISTRATION_ACCEPTED };
  }

  /** Activates the account of a verification link; the link works once and expires after 24 hours. */
  async verifyEmail(em: EntityManager, token: string): Promise<User> {
    const user = await em.transactional(async (tx) => {
      const record = await tx.findOne(EmailToken, { tokenHash: hashRefreshToken(token), purpose: EmailTokenPurpose.VERIFY_EMAIL }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!record || record.usedAt || record.expiresAt <= new Date()) throw unauthenticated('This verification link is invalid, already used or expired.');
      record.usedAt = new Date();
      const user = await tx.findOneOrFail(User, { id: record.userId });
      if (user.status === UserStatus.PENDING_VERIFICATION) user.status = UserStatus.ACTIVE;
      user.emailVerifiedAt ??= new Date();
      return user;
    });
    await audit(em, { action: 'email.verified', userId: user.id, ip: this.deps.ip });
    return user;
  }

  /**
   * Signs in; an unknown address, a wrong password and an inactive account get the same answer. Failures are
   * counted per account and per address: past the limit, attempts are refused (even with the right password)
   * until the window has passed.
   */
  async login(em: EntityManager, email: string, password: string): Promise<AuthPayload> {
    const user = await this.authenticate(em, email, password);
    if (user.totpEnabledAt) throw await this.secondFactorRequired(user);
    return this.completeLogin(em, user);
  }

  /**
   * The password was right and the account has two-factor sign-in: a ticket (5 minutes, single use) to present
   * with the code of the authenticator app, instead of the password a second time.
   */
  async secondFactorRequired(user: User): Promise<GraphQLError> {
    const ticket = newSecondFactorTicket();
    await this.deps.cache.set(`auth:second-factor:${ticket}`, { userId: user.id }, SECOND_FACTOR_TICKET_SECONDS);
    return new GraphQLError('Enter the code of your authenticator app (or a recovery code).', {
      extensions: { code: 'UNAUTHENTICATED', reason: 'SECOND_FACTOR_REQUIRED', secondFactorTicket: ticket },
    });
  }

  /** Second step of a sign-in with two-factor: the ticket and a TOTP or recovery code. Throttled like passwords. */
  async verifySecondFactor(em: EntityManager, ticket: string, code: string): Promise<User> {
    const key = `auth:second-factor:${ticket}`;
    const pending = await this.deps.cache.get<{ userId: string }>(key);
    const user = pending ? await em.findOne(User, { id: pending.userId }) : null;
    if (!pending || !user || user.status !== UserStatus.ACTIVE) throw unauthenticated('The sign-in has expired: start again.');
    await this.deps.throttle.check(user.email, this.deps.ip);
    if (!(await new TotpService(this.deps.ip).check(em, user.id, code.slice(0, 16)))) {
      await this.deps.throttle.recordFailure(user.email, this.deps.ip);
      await audit(em, { action: 'login.second-factor-failed', userId: user.id, ip: this.deps.ip });
      throw unauthenticated(INVALID_CODE);
    }
    await this.deps.cache.delete(key);
    await this.deps.throttle.recordSuccess(user.email);
    return user;
  }

  async loginWithSecondFactor(em: EntityManager, ticket: string, code: string): Promise<AuthPayload> {
    return this.completeLogin(em, await this.verifySecondFactor(em, ticket, code));
  }

  private async completeLogin(em: EntityManager, user: User): Promise<AuthPayload> {
    user.lastLoginAt = new Date();
    const payload = await this.startSession(em, user, newId());
    await audit(em, { action: 'login.succeeded', userId: user.id, ip: this.deps.ip });
    return payload;
  }

  /** Checks e-mail and password under the throttle; the account, or the one generic UNAUTHENTICATED answer. */
  async authenticate(em: EntityManager, email: string, password: string): Promise<User> {
    const address = email.trim().toLowerCase();
    try {
      await this.deps.throttle.check(address, this.deps.ip);
    } catch (error) {
      await audit(em, { action: 'login.locked', ip: this.deps.ip, details: { email: emailDigest(address) } });
      throw error;
    }
    const user = await em.findOne(User, { email: address }, { populate: ['passwordHash'] });
    const valid = await verifyPassword(user?.passwordHash, password);
    if (!user || !valid || user.status !== UserStatus.ACTIVE) {
      await this.deps.throttle.recordFailure(address, this.deps.ip);
      await audit(em, { action: 'login.failed', userId: user?.id, ip: this.deps.ip, details: user ? {} : { email: emailDigest(address) } });
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    await this.deps.throttle.recordSuccess(address);
    return user;
  }

  /**
   * Exchanges a refresh token for a new pair. The token is rotated: presenting it again later (a replay, or a
   * stolen copy) revokes every token of its family, signing out the legitimate holder too (RFC 9700 §4.14).
   */
  async refresh(em: EntityManager, refreshToken: string): Promise<AuthPayload> {
    const outcome = await em.transactional(async (tx) => {
      const record = await tx.findOne(RefreshToken, { tokenHash: hashRefreshToken(refreshToken) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!record) return { error: 'unknown' as const };
      if (record.rotatedAt || record.revokedAt) {
        await tx.nativeUpdate(RefreshToken, { familyId: record.familyId, revokedAt: null }, { revokedAt: new Date() });
        return { error: 'reused' as const, userId: record.userId };
      }
      if (record.expiresAt <= new Date()) return { error: 'expired' as const };
      const user = await tx.findOne(User, { id: record.userId });
      if (!user || user.status !== UserStatus.ACTIVE) return { error: 'inactive' as const };
      record.rotatedAt = new Date();
      return { payload: await this.startSession(tx, user, record.familyId) };
    });
    if ('error' in outcome) {
      if (outcome.error === 'reused') await audit(em, { action: 'session.reused-refresh-token', userId: outcome.userId, ip: this.deps.ip });
      throw unauthenticated('The session has ended: sign in again.');
    }
    return outcome.payload;
  }

  /**
   * E-mails a link to choose a new password (single use, 1 hour). The answer is the same whether or not the address
   * has an account, and repeated requests beyond a few per window send nothing more.
   */
  async requestPasswordReset(em: EntityManager, email: string): Promise<RequestAccepted> {
    const address = normaliseEmail(email);
    const allowed = await this.deps.throttle.allowResetEmail(address, this.deps.ip);
    const user = await em.findOne(User, { email: address });
    if (user && user.status === UserStatus.ACTIVE && allowed) {
      const { token, hash } = newRefreshToken();
      await em.insert(EmailToken, { id: newId(), userId: user.id, purpose: EmailTokenPurpose.RESET_PASSWORD, tokenHash: hash, expiresAt: new Date(Date.now() + RESET_PASSWORD_TTL_MS), usedAt: null, createdAt: new Date() });
      const link = `${this.deps.clientUrl}/reset-password?token=${token}`;
      await this.deps.mailer.send({
        to: address,
        subject: user.locale === Locale.EN ? 'Choose a new Stages password' : 'Choisissez un nouveau mot de passe Stages',
        text:
          user.locale === Locale.EN
            ? `Hello ${user.displayName},\n\nOpen this link within an hour to choose a new password:\n${link}\n\nIf you did not ask for it, ignore this message.\n`
            : `Bonjour ${user.displayName},\n\nOuvrez ce lien dans l’heure pour choisir un nouveau mot de passe :\n${link}\n\nSi vous n’avez rien demandé, ignorez ce message.\n`,
      });
    }
    await audit(em, { action: 'password.reset-requested', userId: user?.id, ip: this.deps.ip, details: user ? {} : { email: emailDigest(address) } });
    return { accepted: true, message: RESET_REQUESTED };
  }

  /** Sets a new password with the token of a reset e-mail, and ends every session of the account. */
  async resetPassword(em: EntityManager, token: string, password: string): Promise<boolean> {
    checkPassword(password);
    const passwordHash = await hashPassword(password);
    const user = await em.transactional(async (tx) => {
      const record = await tx.findOne(EmailToken, { tokenHash: hashRefreshToken(token), purpose: EmailTokenPurpose.RESET_PASSWORD }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!record || record.usedAt || record.expiresAt <= new Date()) throw unauthenticated('This link is invalid, already used or expired: ask for a new one.');
      record.usedAt = new Date();
      await tx.nativeUpdate(User, { id: record.userId }, { passwordHash });
      await tx.nativeUpdate(RefreshToken, { userId: record.userId, revokedAt: null }, { revokedAt: new Date() });
      // Every other reset link of the account stops working too.
      await tx.nativeUpdate(EmailToken, { userId: record.userId, purpose: EmailTokenPurpose.RESET_PASSWORD, usedAt: null }, { usedAt: new Date() });
      return tx.findOneOrFail(User, { id: record.userId });
    });
    // A fresh start for the account's failure count, now that its owner has proved who they are.
    await this.deps.throttle.recordSuccess(user.email);
    await audit(em, { action: 'password.reset', userId: user.id, ip: this.deps.ip });
    return true;
  }

  /** Ends the session of a refresh token (its whole family). Unknown tokens are ignored. */
  async logout(em: EntityManager, refreshToken: string): Promise<boolean> {
    const record = await em.findOne(RefreshToken, { tokenHash: hashRefreshToken(refreshToken) });
    if (record) {
      await em.nativeUpdate(RefreshToken, { familyId: record.familyId, revokedAt: null }, { revokedAt: new Date() });
      await audit(em, { action: 'session.logout', userId: record.userId, ip: this.deps.ip });
    }
    return true;
  }

  /** Issues an access token and the first refresh token of a new family (or the next one of `familyId`). */
  async startSession(em: EntityManager, user: User, familyId: string = newId()): Promise<AuthPayload> {
    const { token, hash } = newRefreshToken();
    em.create(RefreshToken, { userId: user.id, familyId, tokenHash: hash, expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000), createdAt: new Date() });
    await em.flush();
    const accessToken = await issueAccessToken(user, await this.deps.keys.active(em), this.deps.tokens);
    return { accessToken, tokenType: 'Bearer', expiresIn: ACCESS_TOKEN_TTL_SECONDS, refreshToken: token, user };
  }
}
