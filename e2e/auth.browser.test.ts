/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneViewport, saveScreenshot } from './browser.js';
import { browserSuite } from './browser-suite.js';
import { demoAccount, mailboxFor } from './platform.js';
import { textOf } from './browser-session.js';

/*
 * Sign-in, access and account pages of the web client, on a real platform: the PKCE sign-in goes through the
 * auth service's own page (`/oauth/authorize`), whose form these tests fill as a person would, by its labels:
 * "Adresse e-mail" / "E-mail address", "Mot de passe" / "Password", button "Se connecter" / "Sign in".
 */

const refreshTokenKey = 'stages.auth.refreshToken';
const jwtPattern = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

const { running, url, newContext } = browserSuite();

async function newPage(phone = false): Promise<Page> {
  const context = await newContext(phone ? { viewport: phoneViewport, phone } : {});
  return context.newPage();
}

async function openPage(path: string, phone = false): Promise<Page> {
  const page = await newPage(phone);
  await page.goto(url(path));
  return page;
}

/** Calls the gateway's GraphQL API directly (the test's own view of the data, not the page's). */
async function graphql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(url('/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The display name of an account, read through the API (a session opened and closed at once). */
async function displayNameOf(email: string, password: string): Promise<string> {
  const { login } = await graphql<{ login: { refreshToken: string; user: { displayName: string } } }>(
    'mutation TestLogin($email: String!, $password: String!) { login(email: $email, password: $password) { refreshToken user { displayName } } }',
    { email, password },
  );
  await graphql('mutation TestLogout($token: String!) { logout(refreshToken: $token) }', { token: login.refreshToken });
  return login.user.displayName;
}

async function heading(page: Page, text: string): Promise<void> {
  await page.waitForFunction((expected) => document.querySelector('h1')?.textContent?.trim() === expected, text);
}

async function storage(page: Page): Promise<{ session: Record<string, string>; local: Record<string, string> }> {
  return page.evaluate(() => {
    const read = (store: Storage) =>
      Object.fromEntries(Object.keys(store).map((key) => [key, store.getItem(key) ?? '']));
    return { session: read(sessionStorage), local: read(localStorage) };
  });
}

/** The header's link to the auth service. */
function signInLink(page: Page, name = 'Se connecter') {
  return page.getByRole('banner').getByRole('link', { name, exact: true });
}

/**
 * On the auth service's sign-in page: checks the PKCE request the client made, fills the form by its labels
 * and submits. Resolves when the browser is back on the client at `returnPath`.
 */
async function signInOnAuthService(page: Page, email: string, password: string, returnPath: string): Promise<void> {
  await page.waitForURL((address) => address.pathname === '/oauth/authorize');
  const request = new URL(page.url()).searchParams;
  expect(request.get('response_type')).toBe('code');
  expect(request.get('client_id')).toBe('stages-web');
  expect(request.get('redirect_uri')).toBe(url('/auth/callback'));
  expect(request.get('code_challenge_method')).toBe('S256');
  expect(request.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(request.get('state')?.length).toBeGreaterThanOrEqual(16);
  expect(request.get('ui_locales')).toBe('fr');

  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((address) => address.pathname === returnPath, { timeout: 30_000 });
}

describe('sign-in', () => {
  it('should sign a student in through the PKCE flow, keep the session on reload and sign out', async () => {
    const student = demoAccount(running().platform, 'STUDENT');
    const name = await displayNameOf(student.email, student.password);
    const page = await openPage('/');
    await page.waitForURL(/\/offers$/);

    await signInLink(page).click();
    await page.waitForURL((address) => address.pathname === '/oauth/authorize');
    await page.getByLabel('Adresse e-mail').waitFor();
    await saveScreenshot(page, 'auth-service-signin-fr');
    await signInOnAuthService(page, student.email, student.password, '/offers');

    // Back on the client, signed in: the name in the header, the student's entries, no "sign in" link.
    const userLink = page.locator('.app-header__user');
    await userLink.waitFor();
    expect(await textOf(page, '.app-header__user')).toContain(name);
    expect(await signInLink(page).count()).toBe(0);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link', { name: 'Candidatures' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Comptes' }).count()).toBe(0);

    await userLink.click();
    await page.waitForURL(/\/account$/);
    await heading(page, 'Mon compte');
    expect(await textOf(page, '.account-email')).toBe(student.email);
    expect(await textOf(page, '.account-name')).toBe(name);
    expect(await page.locator('.account-roles li').allTextContents()).toEqual(['Étudiant·e']);
    await saveScreenshot(page, 'account-desktop-fr');

    // The refresh token is in this tab's sessionStorage; the access token is in no storage at all.
    const before = await storage(page);
    const refreshToken = before.session[refreshTokenKey];
    expect(refreshToken).toBeTruthy();
    for (const value of [...Object.values(before.session), ...Object.values(before.local)]) {
      expect(value).not.toMatch(jwtPattern);
    }

    // A reload starts from nothing in memory: the session comes back by a silent refresh (rotated token).
    await page.reload();
    await heading(page, 'Mon compte');
    expect(await textOf(page, '.account-email')).toBe(student.email);
    expect(await textOf(page, '.app-header__user')).toContain(name);
    const after = await storage(page);
    expect(after.session[refreshTokenKey]).toBeTruthy();
    expect(after.session[refreshTokenKey]).not.toBe(refreshToken);

    // Sign out: anonymous again, the refresh token is gone here and revoked on the server.
    const latest = after.session[refreshTokenKey]!;
    await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/offers$/);
    await signInLink(page).waitFor();
    expect(await page.locator('.app-header__user').count()).toBe(0);
    expect((await storage(page)).session[refreshTokenKey]).toBeUndefined();
    const refused = await fetch(url('/oauth/token'), {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: latest, client_id: 'stages-web' }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe('invalid_grant');

    // A protected page now asks to sign in.
    await page.goto(url('/account'));
    await page.waitForURL((address) => address.pathname === '/signin');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/account');
  });

  it('should refresh the access token silently about a minute before it expires', async () => {
    const student = demoAccount(running().platform, 'STUDENT');
    const page = await newPage();
    // The browser's clock only: the server's tokens and times are real.
    await page.clock.install();
    const refreshes: string[] = [];
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (new URL(request.url()).pathname === '/oauth/token' && body.includes('grant_type=refresh_token')) {
        refreshes.push(body);
      }
    });
    await page.goto(url('/signin'));
    await page.getByRole('button', { name: 'Continuer vers la connexion' }).click();
    await signInOnAuthService(page, student.email, student.password, '/account');
    await heading(page, 'Mon compte');
    const issued = (await storage(page)).session[refreshTokenKey];

    // Access tokens last 900 s: nothing before 840 s, one refresh right after.
    await page.clock.runFor(835_000);
    expect(refreshes).toHaveLength(0);
    await page.clock.runFor(10_000);
    await page.waitForFunction(
      ([key, previous]) => {
        const current = sessionStorage.getItem(key!);
        return current !== null && current !== previous;
      },
      [refreshTokenKey, issued],
    );
    expect(refreshes).toHaveLength(1);

    // The renewed access token works: a protected list loads.
    await page.getByRole('banner').getByRole('link', { name: 'Candidatures' }).click();
    await heading(page, 'Candidatures');
    await page.locator('.record-list > li').first().waitFor();
    expect(await page.locator('.app-header__user').count()).toBe(1);
  });
});

describe('access by role', () => {
  it('should send an anonymous visitor of a protected page to the sign-in page, in French or English', async () => {
    const page = await openPage('/admin/users');
    await page.waitForURL((address) => address.pathname === '/signin');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/admin/users');
    await heading(page, 'Connexion');
    expect(await textOf(page, '.notice--info')).toBe('Connectez-vous pour ouvrir cette page.');
    expect(await page.locator('.record').count()).toBe(0);
    await saveScreenshot(page, 'signin-required-fr');

    // In English, the auth service's page follows the interface language (ui_locales=en).
    await page.getByLabel('Langue').selectOption('en');
    await heading(page, 'Sign in');
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    await page.waitForURL((address) => address.pathname === '/oauth/authorize');
    expect(new URL(page.url()).searchParams.get('ui_locales')).toBe('en');
    await page.getByLabel('E-mail address').waitFor();
    expect(await page.getByLabel('Password', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
    await saveScreenshot(page, 'auth-service-signin-en');
  });

  it('should show the forbidden notice and no account data when a student opens the accounts page', async () => {
    const student = demoAccount(running().platform, 'STUDENT');
    const admin = demoAccount(running().platform, 'SYSTEM_ADMIN');
    const page = await openPage('/signin', true);
    const operations: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') operations.push(request.postData() ?? '');
    });

    await page.getByRole('button', { name: 'Continuer vers la connexion' }).click();
    await signInOnAuthService(page, student.email, student.password, '/account');
    await heading(page, 'Mon compte');

    // A full page load of the admin route: the session is restored, the guard refuses the role.
    await page.goto(url('/admin/users'));
    await heading(page, 'Accès refusé');
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    expect(await page.title()).toBe('Accès refusé · Stages');
    expect(await textOf(page, '.forbidden-notice')).toContain('Votre compte ne donne pas accès à cette page.');
    expect(await page.locator('.record').count()).toBe(0);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toContain(admin.email);
    expect(body).not.toMatch(/\S+@\S+\.\w+/);
    // The page's query never ran: nothing was fetched to be hidden afterwards.
    expect(operations.some((operation) => operation.includes('AdminUsersPage'))).toBe(false);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'forbidden-phone');

    // The student's own page still works.
    await page.getByRole('banner').getByRole('link', { name: 'Candidatures' }).click();
    await heading(page, 'Candidatures');
    await page.locator('.record-list > li').first().waitFor();
    expect(await page.locator('.forbidden-notice').count()).toBe(0);
  });
});

describe('registration', () => {
  it('should flag a short password next to its field, then confirm a valid registration', async () => {
    const page = await openPage('/register', true);
    const operations: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') operations.push(request.postData() ?? '');
    });
    await heading(page, 'Créer un compte étudiant');
    const university = page.getByLabel('Université');
    await page.waitForFunction(() => document.querySelectorAll('#register-university option').length > 1);

    const email = `e2e.${Date.now()}@etu.example`;
    const name = 'Camille Testeur';
    await page.getByLabel('Prénom et nom').fill(name);
    await page.getByLabel('Adresse e-mail').fill(email);
    await university.selectOption({ index: 1 });
    const password = page.getByLabel('Mot de passe', { exact: true });
    await password.fill('court');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();

    // Checked in the browser: the error is next to the field, tied to it, and the field has focus.
    const error = page.locator('#register-password-error');
    await error.waitFor();
    expect(await textOf(page, '#register-password-error')).toBe(
      'Erreur : Le mot de passe doit contenir au moins 10 caractères.',
    );
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await password.getAttribute('aria-describedby')).toContain('register-password-error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-password');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
    expect(operations.some((operation) => operation.includes('RegisterStudent'))).toBe(false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'register-error-phone');

    const chosen = 'un mot de passe assez long';
    await password.fill(chosen);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByRole('heading', { name: 'Vérifiez votre messagerie' }).waitFor();
    expect(operations.some((operation) => operation.includes('RegisterStudent'))).toBe(true);
    expect(await page.locator('form').count()).toBe(0);
    await saveScreenshot(page, 'register-done-phone');

    if (!running().platform.dataDir) return;
    // The e-mailed link activates the account once; a second use is refused.
    const mails = await mailboxFor(running().platform, email);
    const link = mails.map((mail) => /\/verify-email\?token=[\w-]+/.exec(mail.text)?.[0]).find(Boolean);
    expect(link).toBeTruthy();
    await page.goto(url(link!));
    await page.getByText(`L'adresse ${email} est confirmée`).waitFor();
    await saveScreenshot(page, 'verify-email-done');
    await page.goto(url(link!));
    await page.getByText("Ce lien d'activation est invalide, déjà utilisé ou expiré.").waitFor();

    // The new account signs in through the auth service.
    await page.goto(url('/signin'));
    await page.getByRole('button', { name: 'Continuer vers la connexion' }).click();
    await signInOnAuthService(page, email, chosen, '/account');
    await heading(page, 'Mon compte');
    expect(await textOf(page, '.account-email')).toBe(email);
    expect(await textOf(page, '.account-name')).toBe(name);
  });

  it('should reset a forgotten password with the e-mailed link', async () => {
    if (!running().platform.dataDir) return;
    // An active account of its own (not a demo account other tests sign in with), set up through the API:
    // only active accounts receive reset links.
    const email = `e2e.reset.${Date.now()}@etu.example`;
    const { universities } = await graphql<{ universities: { edges: Array<{ node: { id: string } }> } }>(
      '{ universities(first: 1) { edges { node { id } } } }',
    );
    await graphql(
      'mutation TestRegister($input: RegisterStudentInput!) { registerStudent(input: $input) { accepted } }',
      {
        input: {
          email,
          password: 'mot de passe initial',
          displayName: 'Alex Réinitialise',
          universityId: universities.edges[0]!.node.id,
          locale: 'fr',
        },
      },
    );

    const verification = (await mailboxFor(running().platform, email))
      .map((mail) => /verify-email\?token=([\w-]+)/.exec(mail.text)?.[1])
      .find(Boolean);
    await graphql('mutation TestVerify($token: String!) { verifyEmail(token: $token) { status } }', {
      token: verification,
    });

    const page = await openPage('/forgot-password');
    await heading(page, 'Mot de passe oublié');
    await page.getByLabel('Adresse e-mail').fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await page.locator('#forgot-email-error').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('forgot-email');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await page.getByRole('heading', { name: 'Vérifiez votre messagerie' }).waitFor();

    let link: string | undefined;
    for (let attempt = 0; attempt < 20 && !link; attempt += 1) {
      const mails = await mailboxFor(running().platform, email);
      link = mails.map((mail) => /\/reset-password\?token=[\w-]+/.exec(mail.text)?.[0]).find(Boolean);
      if (!link) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(link).toBeTruthy();
    await page.goto(url(link!));
    await heading(page, 'Choisir un nouveau mot de passe');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('nouveau mot de passe');
    await page.getByLabel('Confirmez le nouveau mot de passe').fill('autre chose encore');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.locator('#reset-confirmation-error').waitFor();
    expect(await textOf(page, '#reset-confirmation-error')).toContain('Les deux mots de passe ne sont pas identiques.');
    await page.getByLabel('Confirmez le nouveau mot de passe').fill('nouveau mot de passe');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByRole('heading', { name: 'Mot de passe changé' }).waitFor();
    await saveScreenshot(page, 'reset-password-done');

    // The link was single use.
    await page.goto(url(link!));
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('encore un autre mot');
    await page.getByLabel('Confirmez le nouveau mot de passe').fill('encore un autre mot');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByRole('heading', { name: 'Lien invalide' }).waitFor();
  });
});
