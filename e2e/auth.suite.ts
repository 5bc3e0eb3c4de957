import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { importJWK, SignJWT, UnsecuredJWT, type JWK } from 'jose';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../scripts/lib/platform.js';

interface GraphQLResponse {
  status: number;
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface AuthEnvironment {
  env: NodeJS.ProcessEnv;
  /** Text of the messages sent to an address, oldest first. */
  mailTo(address: string): Promise<string[]>;
  cleanup(): Promise<void>;
}

/** Identity rules through the gateway (issue 3, first part); run in both modes. */
export function describeAuth(mode: string, environment: () => Promise<AuthEnvironment>): void {
  describe(`identity and tokens (${mode})`, () => {
    let platform: RunningPlatform;
    let env: AuthEnvironment;

    async function gql(query: string, variables: Record<string, unknown> = {}, token?: string, url = platform.graphqlUrl, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    }

    const LOGIN = 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken expiresIn tokenType user { id email roles } } }';
    const REFRESH = 'mutation Refresh($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken } }';
    const ME = '{ me { id email roles } }';

    async function login(role = 'STUDENT') {
      const account = platform.demoAccounts!.accounts.find((candidate) => candidate.role === role)!;
      const result = await gql(LOGIN, { email: account.email, password: platform.demoAccounts!.password });
      expect(result.errors).toBeUndefined();
      return result.data!.login as { accessToken: string; refreshToken: string; expiresIn: number; tokenType: string; user: { id: string; email: string; roles: string[] } };
    }

    /** Signs a token with the auth service's real current key, to forge claims the verifier must refuse. */
    async function signWithRealKey(claims: Record<string, unknown>, header: Record<string, unknown> = {}, audience = platform.auth.audience, issuer = platform.auth.issuer, expires: string | number = '5m') {
      const [row] = await platform.subgraphs.get('auth')!.db.orm.em.fork().getConnection().execute<Array<{ kid: string; private_jwk: JWK }>>(
        'select kid, private_jwk from auth.signing_key where retired_at is null',
      );
      const key = await importJWK(row!.private_jwk, 'RS256');
      return new SignJWT({ roles: ['SYSTEM_ADMIN'], ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: row!.kid, typ: 'at+jwt', ...header })
        .setSubject(randomUUID()).setIssuer(issuer).setAudience(audience).setIssuedAt().setExpirationTime(expires)
        .sign(key);
    }

    beforeAll(async () => {
      env = await environment();
      platform = await startPlatform({
        ...env.env,
        STAGES_FREE_PORTS: 'true',
        STAGES_SERVE_CLIENT: 'false',
        LOG_LEVEL: 'error',
        AUTH_MAX_FAILURES_PER_ACCOUNT: '3',
      });
    });

    afterAll(async () => {
      await platform?.stop();
      await env?.cleanup();
    });

    it('should sign in a demo account and answer `me` with the access token', async () => {
      const session = await login('STUDENT');
      expect(session).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { roles: ['STUDENT'] } });
      expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString());
      expect(claims).toMatchObject({ iss: platform.auth.issuer, aud: 'stages', sub: session.user.id, roles: ['STUDENT'] });
      expect(claims.student_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(claims.exp - claims.iat).toBe(900);
      expect((await gql(ME, {}, session.accessToken)).data!.me).toEqual(session.user);
    });

    it('should answer an unknown e-mail and a wrong password identically', async () => {
      const account = platform.demoAccounts!.accounts[0]!;
      const wrongPassword = await gql(LOGIN, { email: account.email, password: 'not-the-password' });
      const unknownEmail = await gql(LOGIN, { email: `nobody.${randomUUID()}@stages.example`, password: 'not-the-password' });
      expect(wrongPassword).toEqual(unknownEmail);
      expect(wrongPassword.errors).toEqual([expect.objectContaining({ message: 'Incorrect e-mail address or password.', extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
      expect(wrongPassword.data).toBeNull();
    });

    it('should rotate the refresh token and revoke its whole family when a used one is presented again', async () => {
      const first = await login('ENTERPRISE');
      const second = (await gql(REFRESH, { token: first.refreshToken })).data!.refreshSession;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect((await gql(ME, {}, second.accessToken)).data!.me.roles).toEqual(['ENTERPRISE']);
      const replay = await gql(REFRESH, { token: first.refreshToken });
      expect(replay.errors?.[0]).toMatchObject({ message: 'The session has ended: sign in again.', extensions: { code: 'UNAUTHENTICATED' } });
      // The legitimate holder of the newest token is signed out too.
      expect((await gql(REFRESH, { token: second.refreshToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('should end a session on logout', async () => {
      const session = await login('UNIVERSITY_ADMIN');
      expect((await gql('mutation Logout($t: String!) { logout(refreshToken: $t) }', { t: session.refreshToken })).data).toEqual({ logout: true });
      expect((await gql(REFRESH, { token: session.refreshToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['unsigned (alg: none)', async () => new UnsecuredJWT({ roles: ['SYSTEM_ADMIN'] }).setSubject(randomUUID()).setIssuer(platform.auth.issuer).setAudience('stages').setIssuedAt().setExpirationTime('5m').encode()],
      ['expired', async () => signWithRealKey({}, {}, undefined, undefined, Math.floor(Date.now() / 1000) - 60)],
      ['for another audience', async () => signWithRealKey({}, {}, 'another-api')],
      ['from another issuer', async () => signWithRealKey({}, {}, undefined, 'https://login.evil.example')],
      ['of another type (typ: JWT)', async () => signWithRealKey({}, { typ: 'JWT' })],
    ])('should refuse an access token that is %s with UNAUTHENTICATED and no data', async (_name, forge) => {
      const result = await gql(ME, {}, await forge());
      expect(result.status).toBe(401);
      expect(result.data).toBeUndefined();
      expect(result.errors).toEqual([expect.objectContaining({ message: 'The access token is invalid or has expired.', extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
    });

    it('should refuse a direct subgraph call without the gateway’s secret, even with a valid token', async () => {
      const session = await login('SYSTEM_ADMIN');
      const users = platform.subgraphs.get('auth')!.url;
      for (const headers of [{}, { 'x-internal-secret': 'guess'.repeat(10) }] as Array<Record<string, string>>) {
        const direct = await gql('{ users(first: 5) { edges { node { email } } } }', {}, session.accessToken, users, headers);
        expect(direct.status).toBe(401);
        expect(direct.data).toBeUndefined();
        expect(direct.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    });

    it('should publish only public keys in the JWKS', async () => {
      const jwks = (await (await fetch(platform.auth.jwksUrl)).json()) as { keys: Array<Record<string, string>> };
      expect(jwks.keys.length).toBeGreaterThan(0);
      for (const key of jwks.keys) {
        expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
        expect(Object.keys(key)).not.toEqual(expect.arrayContaining(['d']));
        expect(key.d ?? key.p ?? key.q).toBeUndefined();
      }
    });

    it('should register a student, verify the e-mail once, and then sign in; an existing address gets the same answer', async () => {
      const email = `camille.${randomUUID().slice(0, 8)}@etu.stages.example`;
      const universityId = (await gql('{ universities(first: 1) { edges { node { id } } } }')).data!.universities.edges[0].node.id;
      const REGISTER = 'mutation Register($input: RegisterStudentInput!) { registerStudent(input: $input) { accepted message } }';
      const input = { email, password: 'correct horse battery', displayName: 'Camille Martin', universityId };
      const created = await gql(REGISTER, { input });
      const again = await gql(REGISTER, { input: { ...input, password: 'another long password' } });
      expect(created.data).toEqual(again.data);
      expect(created.data!.registerStudent.accepted).toBe(true);

      expect((await gql(LOGIN, { email, password: input.password })).errors?.[0]?.message).toBe('Incorrect e-mail address or password.');
      const mails = await env.mailTo(email);
      expect(mails).toHaveLength(2);
      const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mails.find((text) => text.includes('verify-email'))!)![1]!;
      expect(mails.some((text) => text.includes('déjà un'))).toBe(true);

      const VERIFY = 'mutation Verify($token: String!) { verifyEmail(token: $token) { email status } }';
      expect((await gql(VERIFY, { token })).data).toEqual({ verifyEmail: { email, status: 'ACTIVE' } });
      expect((await gql(VERIFY, { token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const session = (await gql(LOGIN, { email, password: input.password })).data!.login;
      expect(session.user).toMatchObject({ email, roles: ['STUDENT'] });

      // The students subgraph made the profile from the user.registered event, under the token's student_id.
      const studentId = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString()).student_id as string;
      let profile: GraphQLResponse | undefined;
      for (let attempt = 0; attempt < 100; attempt++) {
        profile = await gql('query S($id: ID!) { student(id: $id) { id firstName lastName email university { id } } }', { id: studentId }, session.accessToken);
        if (profile.data?.student) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(profile!.data!.student).toEqual({ id: studentId, firstName: 'Camille', lastName: 'Martin', email, university: { id: universityId } });
    });

    it('should register a recruiter with their enterprise, created pending verification by the enterprises subgraph', async () => {
      const email = `rh.${randomUUID().slice(0, 8)}@atelier-lumiere.example`;
      const enterprise = { name: 'Atelier Lumière', legalName: 'Atelier Lumière SAS', siret: '81234567000010', nafCode: '73.11Z', sector: 'Agences de publicité', city: 'Nantes', headcount: 18 };
      const REGISTER = 'mutation R($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { accepted } }';
      const bad = await gql(REGISTER, { input: { email, password: 'correct horse battery', displayName: 'Nadia Benali', enterprise: { ...enterprise, siret: '81234567000011' } } });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'enterprise.siret' });
      expect((await gql(REGISTER, { input: { email, password: 'correct horse battery', displayName: 'Nadia Benali', enterprise } })).data).toEqual({ registerEnterprise: { accepted: true } });
      const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec((await env.mailTo(email)).join('\n'))![1]!;
      await gql('mutation V($token: String!) { verifyEmail(token: $token) { id } }', { token });
      const session = (await gql(LOGIN, { email, password: 'correct horse battery' })).data!.login;
      const enterpriseId = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString()).enterprise_id as string;
      let found: GraphQLResponse | undefined;
      for (let attempt = 0; attempt < 100; attempt++) {
        found = await gql('query E($id: ID!) { enterprise(id: $id) { name siret verificationStatus } }', { id: enterpriseId });
        if (found.data?.enterprise) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(found!.data!.enterprise).toEqual({ name: 'Atelier Lumière', siret: '81234567000010', verificationStatus: 'PENDING' });
    });

    it('should let a recruiter join an enterprise already on Stages once one of its recruiters accepts', async () => {
      const owner = await login('ENTERPRISE');
      const ownerClaims = JSON.parse(Buffer.from(owner.accessToken.split('.')[1]!, 'base64url').toString());
      const [ownerEnterprise] = await platform.subgraphs.get('enterprises')!.db.orm.em.fork().getConnection().execute<Array<{ siret: string }>>(
        'select siret from enterprises.enterprise where id = ?',
        [ownerClaims.enterprise_id],
      );
      const email = `recrutement.${randomUUID().slice(0, 8)}@numeria.example`;
      const enterprise = { name: 'Numéria', legalName: 'Numéria SAS', siret: ownerEnterprise!.siret, nafCode: '70.22Z', sector: 'Conseil', city: 'Paris', headcount: 40 };
      await gql('mutation R($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { accepted } }', { input: { email, password: 'correct horse battery', displayName: 'Hugo Lambert', enterprise } });
      const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec((await env.mailTo(email)).join('\n'))![1]!;
      await gql('mutation V($token: String!) { verifyEmail(token: $token) { id } }', { token });

      const REQUESTS = '{ membershipRequests(first: 50) { edges { node { id email status } } } }';
      let request: { id: string; email: string; status: string } | undefined;
      for (let attempt = 0; attempt < 100 && !request; attempt++) {
        const edges = (await gql(REQUESTS, {}, owner.accessToken)).data!.membershipRequests.edges as Array<{ node: { id: string; email: string; status: string } }>;
        request = edges.map((edge) => edge.node).find((node) => node.email === email);
        if (!request) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(request).toMatchObject({ email, status: 'PENDING' });
      const DECIDE = 'mutation D($id: ID!) { decideMembershipRequest(id: $id, approve: true) { status } }';
      const outsider = await login('STUDENT');
      expect((await gql(DECIDE, { id: request!.id }, outsider.accessToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await gql(DECIDE, { id: request!.id }, owner.accessToken)).data).toEqual({ decideMembershipRequest: { status: 'APPROVED' } });
      expect((await gql(DECIDE, { id: request!.id }, owner.accessToken)).errors?.[0]?.extensions?.code).toBe('CONFLICT');

      // The auth subgraph attached the account from the event: the next token names the enterprise.
      let enterpriseId: string | undefined;
      for (let attempt = 0; attempt < 100 && enterpriseId !== ownerClaims.enterprise_id; attempt++) {
        const session = (await gql(LOGIN, { email, password: 'correct horse battery' })).data!.login;
        enterpriseId = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString()).enterprise_id;
        if (enterpriseId !== ownerClaims.enterprise_id) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(enterpriseId).toBe(ownerClaims.enterprise_id);
    });

    it.each([
      [{ email: 'not-an-address' }, 'email'],
      [{ password: 'short' }, 'password'],
      [{ displayName: 'x' }, 'displayName'],
      [{ universityId: 'upc' }, 'universityId'],
    ])('should refuse registration input %j with BAD_USER_INPUT naming %s', async (change, field) => {
      const input = { email: `x.${randomUUID().slice(0, 8)}@etu.stages.example`, password: 'correct horse battery', displayName: 'Camille', universityId: randomUUID(), ...change };
      const result = await gql('mutation R($input: RegisterStudentInput!) { registerStudent(input: $input) { accepted } }', { input });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('should lock an account after 3 failed sign-ins, even for the right password, and say when to retry', async () => {
      const account = platform.demoAccounts!.accounts.find((candidate) => candidate.role === 'UNIVERSITY_SUPERVISOR')!;
      for (let attempt = 0; attempt < 3; attempt++) {
        expect((await gql(LOGIN, { email: account.email, password: `wrong password ${attempt}` })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
      const response = await fetch(platform.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LOGIN, variables: { email: account.email, password: platform.demoAccounts!.password } }),
      });
      const locked = (await response.json()) as GraphQLResponse;
      expect(locked.data).toBeNull();
      expect(locked.errors?.[0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
      const wait = locked.errors![0]!.extensions!.retryAfterSeconds as number;
      expect(wait).toBeGreaterThan(800);
      expect(wait).toBeLessThanOrEqual(900);
      expect(Number(response.headers.get('retry-after'))).toBe(wait);

      // An address with no account locks the same way: the lock reveals nothing.
      const unknown = `nobody.${randomUUID()}@stages.example`;
      for (let attempt = 0; attempt < 3; attempt++) await gql(LOGIN, { email: unknown, password: 'whatever it is' });
      const unknownLocked = await gql(LOGIN, { email: unknown, password: 'whatever it is' });
      expect(unknownLocked.errors?.[0]?.message).toBe(locked.errors![0]!.message);
    });

    it('should keep an audit log of sign-ins without passwords, tokens or unknown addresses in clear', async () => {
      const session = await login('SYSTEM_ADMIN');
      const account = platform.demoAccounts!.accounts.find((candidate) => candidate.role === 'SYSTEM_ADMIN')!;
      await gql(LOGIN, { email: account.email, password: 'a wrong password' });
      const rows = await platform.subgraphs.get('auth')!.db.orm.em.fork().getConnection().execute<Array<{ action: string; user_id: string | null; ip: string | null; details: unknown }>>(
        'select action, user_id, ip, details from auth.audit_event order by occurred_at',
      );
      const actions = rows.filter((entry) => entry.user_id === session.user.id).map((entry) => entry.action);
      expect(actions).toEqual(expect.arrayContaining(['login.succeeded', 'login.failed']));
      // What a caller did carries their address; what an event did (enterprise.joined) has no caller.
      expect(rows.filter((entry) => entry.action.startsWith('login.')).every((entry) => entry.ip !== null)).toBe(true);
      const text = JSON.stringify(rows);
      expect(text).not.toContain(platform.demoAccounts!.password);
      expect(text).not.toContain('a wrong password');
      expect(text).not.toContain(session.refreshToken);
      expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
      expect(text).not.toMatch(/nobody\./);
    });

    /** A new, verified student account of this test's own. */
    async function registeredAccount(): Promise<{ email: string; password: string }> {
      const email = `reset.${randomUUID().slice(0, 8)}@etu.stages.example`;
      const password = 'correct horse battery';
      const universityId = (await gql('{ universities(first: 1) { edges { node { id } } } }')).data!.universities.edges[0].node.id;
      await gql('mutation R($input: RegisterStudentInput!) { registerStudent(input: $input) { accepted } }', { input: { email, password, displayName: 'Inès Haddad', universityId } });
      const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec((await env.mailTo(email)).join('\n'))![1]!;
      await gql('mutation V($token: String!) { verifyEmail(token: $token) { id } }', { token });
      return { email, password };
    }

    it('should reset a password by e-mail once, end every session, and answer the same for unknown addresses', async () => {
      const account = await registeredAccount();
      const session = (await gql(LOGIN, { email: account.email, password: account.password })).data!.login;
      const REQUEST = 'mutation Request($email: String!) { requestPasswordReset(email: $email) { accepted message } }';
      const known = await gql(REQUEST, { email: account.email });
      const unknown = await gql(REQUEST, { email: `nobody.${randomUUID()}@stages.example` });
      expect(known).toEqual(unknown);
      const mail = (await env.mailTo(account.email)).find((text) => text.includes('reset-password'));
      const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail!)![1]!;

      const RESET = 'mutation Reset($token: String!, $password: String!) { resetPassword(token: $token, password: $password) }';
      expect((await gql(RESET, { token, password: 'short' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
      expect((await gql(RESET, { token, password: 'a brand new passphrase' })).data).toEqual({ resetPassword: true });
      expect((await gql(RESET, { token, password: 'another new passphrase' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      // Sessions opened before the reset are over; the new password works, the old one does not.
      expect((await gql(REFRESH, { token: session.refreshToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await gql(LOGIN, { email: account.email, password: account.password })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await gql(LOGIN, { email: account.email, password: 'a brand new passphrase' })).data!.login.user.email).toBe(account.email);
    });

    it('should add two-factor sign-in with TOTP: one step of skew, no replay, single-use recovery codes', async () => {
      const account = await registeredAccount();
      const first = (await gql(LOGIN, { email: account.email, password: account.password })).data!.login;
      const setup = (await gql('mutation { beginTotpSetup { secret otpauthUri qrCodeSvg } }', {}, first.accessToken)).data!.beginTotpSetup;
      expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/Stages:.+secret=[A-Z2-7]+/);
      expect(setup.qrCodeSvg).toMatch(/^<svg/);
      const now = Math.floor(Date.now() / 1000);
      // A code of the previous 30-second step still confirms (clock skew of one step).
      const previous = await generate({ secret: setup.secret, epoch: now - 30 });
      const CONFIRM = 'mutation C($code: String!) { confirmTotpSetup(code: $code) }';
      expect((await gql(CONFIRM, { code: '12345' }, first.accessToken)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
      const recovery = (await gql(CONFIRM, { code: previous }, first.accessToken)).data!.confirmTotpSetup as string[];
      expect(recovery).toHaveLength(10);
      expect(new Set(recovery).size).toBe(10);

      const COMPLETE = 'mutation S($ticket: String!, $code: String!) { completeSecondFactor(ticket: $ticket, code: $code) { accessToken user { email } } }';
      const ticketOf = async () => {
        const answer = await gql(LOGIN, { email: account.email, password: account.password });
        expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SECOND_FACTOR_REQUIRED' });
        return answer.errors![0]!.extensions!.secondFactorTicket as string;
      };
      const current = await generate({ secret: setup.secret, epoch: now });
      expect((await gql(COMPLETE, { ticket: await ticketOf(), code: current })).data!.completeSecondFactor.user.email).toBe(account.email);
      // The same code again is a replay.
      expect((await gql(COMPLETE, { ticket: await ticketOf(), code: current })).errors?.[0]?.message).toBe('This code is not valid.');
      // A recovery code works once.
      const ticket = await ticketOf();
      expect((await gql(COMPLETE, { ticket, code: recovery[0] })).data!.completeSecondFactor.accessToken).toBeTruthy();
      expect((await gql(COMPLETE, { ticket: await ticketOf(), code: recovery[0] })).errors?.[0]?.message).toBe('This code is not valid.');
      // A used ticket does not open a second session.
      expect((await gql(COMPLETE, { ticket, code: recovery[1] })).errors?.[0]?.message).toBe('The sign-in has expired: start again.');

      // Wrong codes to turn it off count as failures too. With the reused recovery code above (successes reset
      // the count), two more reach the suite's limit of 3: then even a valid code must wait for the window.
      const DISABLE = 'mutation D($code: String!) { disableTotp(code: $code) }';
      for (const wrong of ['000000', '111111']) expect((await gql(DISABLE, { code: wrong }, first.accessToken)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await gql(DISABLE, { code: recovery[2] }, first.accessToken)).errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
      // The lock is the account's: signing in waits too.
      expect((await gql(LOGIN, { email: account.email, password: account.password })).errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    });

    it('should publish a rotated key before it signs, and keep verifying tokens of the previous key', async () => {
      const admin = await login('SYSTEM_ADMIN');
      const kidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid as string;
      const before = kidOf(admin.accessToken);
      const rotation = (await gql('mutation { rotateSigningKey { kid activeFrom } }', {}, admin.accessToken)).data!.rotateSigningKey;
      expect(new Date(rotation.activeFrom).getTime()).toBeGreaterThan(Date.now() + 30_000);
      const published = ((await (await fetch(`${new URL(platform.gatewayUrl).origin}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> }).keys.map((key) => key.kid);
      expect(published).toEqual(expect.arrayContaining([before, rotation.kid]));
      // Until its time comes, the old key still signs, and what it signed stays valid.
      const next = await login('SYSTEM_ADMIN');
      expect(kidOf(next.accessToken)).toBe(before);
      expect((await gql(ME, {}, admin.accessToken)).data!.me.email).toBe(admin.user.email);
    });

    it('should let a university administrator invite a supervisor, who then sets a password and signs in', async () => {
      const admin = await login('UNIVERSITY_ADMIN');
      const email = `enseignant.${randomUUID().slice(0, 8)}@univ.example`;
      const INVITE = 'mutation I($input: InviteUniversityStaffInput!) { inviteUniversityStaff(input: $input) { id email roles status } }';
      const invited = await gql(INVITE, { input: { email, displayName: 'Paul Girard', role: 'UNIVERSITY_SUPERVISOR' } }, admin.accessToken);
      expect(invited.data!.inviteUniversityStaff).toMatchObject({ email, roles: ['UNIVERSITY_SUPERVISOR'], status: 'PENDING_VERIFICATION' });
      expect((await gql(INVITE, { input: { email, displayName: 'Paul Girard', role: 'UNIVERSITY_SUPERVISOR' } }, admin.accessToken)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect((await gql(INVITE, { input: { email: `x.${email}`, displayName: 'Paul Girard', role: 'SYSTEM_ADMIN' } }, admin.accessToken)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });

      const token = /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec((await env.mailTo(email)).join('\n'))![1]!;
      const ACCEPT = 'mutation A($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { status } }';
      expect((await gql(ACCEPT, { token, password: 'supervision 2026!' })).data).toEqual({ acceptInvitation: { status: 'ACTIVE' } });
      expect((await gql(ACCEPT, { token, password: 'supervision 2026!' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const session = (await gql(LOGIN, { email, password: 'supervision 2026!' })).data!.login;
      const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString());
      const adminClaims = JSON.parse(Buffer.from(admin.accessToken.split('.')[1]!, 'base64url').toString());
      expect(claims).toMatchObject({ roles: ['UNIVERSITY_SUPERVISOR'], university_id: adminClaims.university_id });
    });

    it('should let an administrator change roles and disable an account, with an audit trail and no self-lockout', async () => {
      const admin = await login('SYSTEM_ADMIN');
      const account = await registeredAccount();
      const target = (await gql(LOGIN, { email: account.email, password: account.password })).data!.login;
      const ROLES = 'mutation R($id: ID!, $roles: [Role!]!) { setUserRoles(userId: $id, roles: $roles) { roles } }';
      expect((await gql(ROLES, { id: target.user.id, roles: ['STUDENT', 'UNIVERSITY_SUPERVISOR'] }, admin.accessToken)).data).toEqual({ setUserRoles: { roles: ['STUDENT', 'UNIVERSITY_SUPERVISOR'] } });
      expect((await gql(ROLES, { id: admin.user.id, roles: ['STUDENT'] }, admin.accessToken)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
      const STATUS = 'mutation S($id: ID!, $status: UserStatus!) { setUserStatus(userId: $id, status: $status) { status } }';
      expect((await gql(STATUS, { id: target.user.id, status: 'DISABLED' }, admin.accessToken)).data).toEqual({ setUserStatus: { status: 'DISABLED' } });
      // Disabled: its sessions are over and it cannot sign in.
      expect((await gql(REFRESH, { token: target.refreshToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await gql(LOGIN, { email: account.email, password: account.password })).errors?.[0]?.message).toBe('Incorrect e-mail address or password.');
      const audit = await platform.subgraphs.get('auth')!.db.orm.em.fork().getConnection().execute<Array<{ action: string; actor_id: string; details: Record<string, unknown> }>>(
        'select action, actor_id, details from auth.audit_event where user_id = ? and actor_id is not null order by occurred_at',
        [target.user.id],
      );
      expect(audit).toEqual([
        { action: 'roles.changed', actor_id: admin.user.id, details: { before: ['STUDENT'], after: ['STUDENT', 'UNIVERSITY_SUPERVISOR'] } },
        { action: 'status.changed', actor_id: admin.user.id, details: { before: 'ACTIVE', after: 'DISABLED' } },
      ]);
    });

    describe('OAuth 2.0 on the gateway’s origin', () => {
      const origin = () => new URL(platform.gatewayUrl).origin;
      const redirectUri = () => `${origin()}/auth/callback`;

      function pkce() {
        const verifier = randomBytes(32).toString('base64url');
        return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
      }

      function authorizeUrl(challenge: string, state: string, overrides: Record<string, string> = {}) {
        const url = new URL('/oauth/authorize', origin());
        const params = { response_type: 'code', client_id: 'stages-web', redirect_uri: redirectUri(), scope: 'openid', state, code_challenge: challenge, code_challenge_method: 'S256', ...overrides };
        for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
        return url;
      }

      const form = (fields: Record<string, string>) => ({
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual' as const,
      });

      async function signInWithCode(role: string, challenge: string, state: string) {
        const account = platform.demoAccounts!.accounts.find((candidate) => candidate.role === role)!;
        const params = Object.fromEntries(authorizeUrl(challenge, state).searchParams);
        return fetch(new URL('/oauth/authorize', origin()), form({ ...params, email: account.email, password: platform.demoAccounts!.password }));
      }

      it('should publish discovery metadata with the gateway as issuer', async () => {
        const metadata = (await (await fetch(`${origin()}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
        expect(metadata).toMatchObject({
          issuer: origin(),
          authorization_endpoint: `${origin()}/oauth/authorize`,
          token_endpoint: `${origin()}/oauth/token`,
          code_challenge_methods_supported: ['S256'],
          grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
        });
        expect(platform.auth.issuer).toBe(origin());
      });

      it('should sign in with the authorization code and PKCE, and refuse the code a second time', async () => {
        const { verifier, challenge } = pkce();
        const state = randomBytes(12).toString('base64url');
        const loginPage = await fetch(authorizeUrl(challenge, state));
        expect(loginPage.status).toBe(200);
        const html = await loginPage.text();
        expect(html).toContain('<label for="email">Adresse e-mail</label>');
        expect(loginPage.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");

        const answer = await signInWithCode('STUDENT', challenge, state);
        expect(answer.status).toBe(303);
        const location = new URL(answer.headers.get('location')!);
        expect(`${location.origin}${location.pathname}`).toBe(redirectUri());
        expect(location.searchParams.get('state')).toBe(state);
        const code = location.searchParams.get('code')!;

        const exchange = { grant_type: 'authorization_code', code, redirect_uri: redirectUri(), client_id: 'stages-web', code_verifier: verifier };
        const tokens = (await (await fetch(`${origin()}/oauth/token`, form(exchange))).json()) as Record<string, string | number>;
        expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'openid' });
        expect((await gql(ME, {}, tokens.access_token as string)).data!.me.roles).toEqual(['STUDENT']);

        const replay = await fetch(`${origin()}/oauth/token`, form(exchange));
        expect(replay.status).toBe(400);
        expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });

        const refreshed = (await (await fetch(`${origin()}/oauth/token`, form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token as string, client_id: 'stages-web' }))).json()) as Record<string, string>;
        expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
        expect((await fetch(`${origin()}/oauth/revoke`, form({ token: refreshed.refresh_token!, client_id: 'stages-web' }))).status).toBe(200);
        const afterRevoke = await fetch(`${origin()}/oauth/token`, form({ grant_type: 'refresh_token', refresh_token: refreshed.refresh_token!, client_id: 'stages-web' }));
        expect(await afterRevoke.json()).toMatchObject({ error: 'invalid_grant' });
      });

      it('should refuse a code presented with the wrong verifier', async () => {
        const { challenge } = pkce();
        const answer = await signInWithCode('ENTERPRISE', challenge, randomBytes(12).toString('base64url'));
        const code = new URL(answer.headers.get('location')!).searchParams.get('code')!;
        const wrong = await fetch(`${origin()}/oauth/token`, form({ grant_type: 'authorization_code', code, redirect_uri: redirectUri(), client_id: 'stages-web', code_verifier: pkce().verifier }));
        expect(wrong.status).toBe(400);
        expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
      });

      it('should refuse an authorization request without PKCE, and never redirect to an unknown address', async () => {
        const state = randomBytes(12).toString('base64url');
        const noPkce = await fetch(authorizeUrl('', state, { code_challenge_method: 'plain' }), { redirect: 'manual' });
        expect(noPkce.status).toBe(303);
        expect(new URL(noPkce.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
        const foreign = await fetch(authorizeUrl(pkce().challenge, state, { redirect_uri: 'https://evil.example/callback' }), { redirect: 'manual' });
        expect(foreign.status).toBe(400);
        expect(foreign.headers.get('location')).toBeNull();
      });

      it('should show the same generic error on the sign-in page for a wrong password', async () => {
        const { challenge } = pkce();
        const params = Object.fromEntries(authorizeUrl(challenge, randomBytes(12).toString('base64url')).searchParams);
        const answer = await fetch(new URL('/oauth/authorize', origin()), form({ ...params, email: `nobody.${randomUUID()}@stages.example`, password: 'wrong password' }));
        expect(answer.status).toBe(401);
        // The page speaks the language it was asked in (French by default).
        expect(await answer.text()).toContain('Adresse e-mail ou mot de passe incorrect.');
      });

      it('should give a registered ERP client a scoped token by client credentials, and refuse a wrong secret', async () => {
        const admin = await login('SYSTEM_ADMIN');
        const created = await gql(
          'mutation C($input: CreateOAuthClientInput!) { createOAuthClient(input: $input) { clientId clientSecret scopes } }',
          { input: { name: 'ERP Université Paris Cité', scopes: ['students:read', 'conventions:read'] } },
          admin.accessToken,
        );
        const { clientId, clientSecret } = created.data!.createOAuthClient as { clientId: string; clientSecret: string };
        const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
        const issued = await fetch(`${origin()}/oauth/token`, { ...form({ grant_type: 'client_credentials', scope: 'students:read' }), headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic } });
        const token = (await issued.json()) as Record<string, string>;
        expect(token).toMatchObject({ token_type: 'Bearer', scope: 'students:read' });
        expect(token.refresh_token).toBeUndefined();
        const claims = JSON.parse(Buffer.from(token.access_token!.split('.')[1]!, 'base64url').toString());
        expect(claims).toMatchObject({ sub: clientId, client_id: clientId, scope: 'students:read' });
        // A client is no person: `me` does not answer it.
        expect((await gql(ME, {}, token.access_token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

        const wrongSecret = await fetch(`${origin()}/oauth/token`, form({ grant_type: 'client_credentials', client_id: clientId, client_secret: 'not-the-secret' }));
        expect(wrongSecret.status).toBe(401);
        expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_client' });
        const tooMuch = await fetch(`${origin()}/oauth/token`, { ...form({ grant_type: 'client_credentials', scope: 'reports:read' }), headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic } });
        expect(await tooMuch.json()).toMatchObject({ error: 'invalid_scope' });
      });
    });

    it('should refuse an oversized password at sign-in with BAD_USER_INPUT', async () => {
      const result = await gql(LOGIN, { email: 'a@stages.example', password: 'x'.repeat(10_000) });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    });
  });
}
