/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneViewport, saveScreenshot } from './browser.js';
import { browserSuite } from './browser-suite.js';
import { graphqlOn, registerVerifiedStudent } from './platform.js';
import { textOf } from './browser-session.js';

/*
 * Two-factor sign-in (TOTP) in the web client, on a real platform, as a newly registered student (the demo
 * accounts stay as seeded): setup on /account/security (QR code, key, first code, recovery codes), the auth
 * service's second step ("Code de vérification", button "Vérifier") with a recovery code and with a code of the
 * app, then turning it off. Codes are computed here with otplib from the key the page shows, as an
 * authenticator app would.
 */

const periodSeconds = 30;
const recoveryCodePattern = /^[a-z2-9]{4}-[a-z2-9]{4}$/;

const { running, url, newContext } = browserSuite();

const nowSeconds = () => Math.floor(Date.now() / 1000);
const timeStep = (epochSeconds: number) => Math.floor(epochSeconds / periodSeconds);
const codeAt = (secret: string, epochSeconds: number) => generate({ secret, epoch: epochSeconds });

async function heading(page: Page, text: string): Promise<void> {
  await page.waitForFunction((expected) => document.querySelector('h1')?.textContent?.trim() === expected, text);
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The API's answer to a password sign-in (the test's own view, not the page's). */
async function apiLogin(email: string, password: string) {
  const response = await fetch(url('/graphql'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation TestLogin($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken } }',
      variables: { email, password },
    }),
  });
  return (await response.json()) as {
    data?: { login: { accessToken: string; refreshToken: string } } | null;
    errors?: Array<{ extensions?: { code?: string; reason?: string } }>;
  };
}

/** From a protected page: the sign-in page, the auth service's form, its password step submitted. */
async function startSignIn(page: Page, path: string, email: string, password: string): Promise<void> {
  await page.goto(url(path));
  await page.waitForURL((address) => address.pathname === '/signin');
  await page.getByRole('button', { name: 'Continuer vers la connexion' }).click();
  await page.waitForURL((address) => address.pathname === '/oauth/authorize');
  expect(new URL(page.url()).searchParams.get('code_challenge_method')).toBe('S256');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** The auth service's second step: types the code and submits it. */
async function submitSecondFactor(page: Page, code: string): Promise<void> {
  const field = page.getByLabel('Code de vérification');
  await field.fill(code);
  await page.getByRole('button', { name: 'Vérifier' }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(/\/offers$/);
  await page.getByRole('banner').getByRole('link', { name: 'Se connecter', exact: true }).waitFor();
}

describe('two-step sign-in', () => {
  it('should set it up, ask for a code at sign-in (recovery code, then the app) and turn it off', async ({ skip }) => {
    if (!running().platform.dataDir) skip('the mailbox of a platform given by STAGES_URL is unknown: set STAGES_DATA_DIR');
    const email = `e2e.totp.${Date.now()}@etu.example`;
    const password = 'un mot de passe pour la 2FA';
    await registerVerifiedStudent(running().platform, { email, password, displayName: 'Sacha Deux-Étapes' });

    const context = await newContext({ viewport: phoneViewport, phone: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url('/')).origin });
    const page = await context.newPage();
    const operations: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') operations.push(request.postData() ?? '');
    });

    // Signed in with the password only (two-step sign-in is off), straight back to the security page.
    await startSignIn(page, '/account', email, password);
    await page.waitForURL((address) => address.pathname === '/account', { timeout: 30_000 });
    await heading(page, 'Mon compte');
    await page.getByRole('link', { name: 'Connexion en deux étapes et sécurité du compte' }).click();
    await page.waitForURL((address) => address.pathname === '/account/security');
    await heading(page, 'Sécurité du compte');
    expect(await page.title()).toBe('Sécurité du compte · Stages');
    await page.getByRole('heading', { name: 'Connexion en deux étapes', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'État : désactivée' }).waitFor();

    // Setup: the QR code as an image (never inline SVG markup), the key in groups of 4, copied on request.
    await page.getByRole('button', { name: 'Activer la connexion en deux étapes' }).click();
    await page.getByRole('heading', { name: 'Configurer votre application' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Configurer votre application');
    const qr = page.getByRole('img', { name: /^QR code de configuration/ });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/);
    await page.waitForFunction(() => (document.querySelector<HTMLImageElement>('.setup-steps__qr')?.naturalWidth ?? 0) > 0);
    expect(await page.locator('main svg').count()).toBe(0);
    const grouped = await textOf(page, '#totp-secret');
    expect(grouped).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const secret = grouped.replace(/\s+/g, '');
    expect(
      await page.getByRole('link', { name: "Sur ce téléphone : ouvrir dans l'application d'authentification" }).getAttribute('href'),
    ).toMatch(new RegExp(`^otpauth://totp/.*[?&]secret=${secret}(&|$)`));
    await page.getByRole('button', { name: 'Copier la clé' }).click();
    await page.getByText('Clé copiée.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const codeField = page.getByLabel('Code à 6 chiffres');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    await noHorizontalScroll(page);
    await saveScreenshot(page, 'security-setup');

    // A code that is not 6 digits is flagged here; a wrong one by the server, next to the same field.
    await codeField.fill('12345');
    await page.getByRole('button', { name: 'Activer', exact: true }).click();
    await page.locator('#totp-confirm-code-error').waitFor();
    expect(await textOf(page, '#totp-confirm-code-error')).toBe(
      'Erreur : Le code doit contenir exactement 6 chiffres, par exemple 123456.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('totp-confirm-code');
    expect(operations.some((operation) => operation.includes('ConfirmTotpSetup'))).toBe(false);
    const now = nowSeconds();
    const valid = await Promise.all([-1, 0, 1].map((offset) => codeAt(secret, now + offset * periodSeconds)));
    let wrong = await codeAt(secret, now - 3600);
    if (valid.includes(wrong)) wrong = await codeAt(secret, now - 7200);
    await codeField.fill(wrong);
    await page.getByRole('button', { name: 'Activer', exact: true }).click();
    await page.getByText('Ce code ne correspond pas.', { exact: false }).waitFor();
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    expect(await codeField.getAttribute('aria-describedby')).toContain('totp-confirm-code-error');
    expect(operations.some((operation) => operation.includes('ConfirmTotpSetup'))).toBe(true);

    // The right code (spaced as apps show it) turns it on: ten recovery codes, shown once, downloadable.
    const confirmEpoch = nowSeconds();
    const confirmCode = await codeAt(secret, confirmEpoch);
    await codeField.fill(`${confirmCode.slice(0, 3)} ${confirmCode.slice(3)}`);
    await page.getByRole('button', { name: 'Activer', exact: true }).click();
    await page.getByRole('heading', { name: 'Vos codes de secours' }).waitFor();
    const recoveryCodes = (await page.locator('.recovery-codes li').allTextContents()).map((code) => code.trim());
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(recoveryCodePattern);
    expect(await textOf(page, '.notice--warning')).toContain('Ces codes ne seront plus jamais affichés.');
    const downloadLink = page.getByRole('link', { name: 'Télécharger les codes (.txt)' });
    expect(await downloadLink.getAttribute('download')).toBe('stages-codes-de-secours.txt');
    const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()]);
    expect(download.suggestedFilename()).toBe('stages-codes-de-secours.txt');
    const file = await readFile(await download.path(), 'utf8');
    expect(file).toContain(email);
    for (const code of recoveryCodes) expect(file).toContain(code);
    await noHorizontalScroll(page);
    await saveScreenshot(page, 'recovery-codes');

    await page.getByRole('button', { name: "J'ai enregistré mes codes" }).click();
    await page.getByRole('heading', { name: 'État : activée' }).waitFor();
    await page.getByText('La connexion en deux étapes est activée.').waitFor();
    expect(await textOf(page, '.two-step__since')).toMatch(new RegExp(`^Activée depuis le \\d{1,2}(er)? \\S+ ${new Date().getFullYear()}\\.$`));
    expect(await page.locator('.recovery-codes').count()).toBe(0);
    // The server agrees: a password alone no longer signs in.
    const passwordOnly = await apiLogin(email, password);
    expect(passwordOnly.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SECOND_FACTOR_REQUIRED' });

    // In English too.
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'Two-step sign-in', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Status: on' }).waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'État : activée' }).waitFor();

    // Signing in again: after the password, the auth service asks for the code. The code already used for the
    // setup is refused (each code works once); an unused recovery code is accepted.
    await signOut(page);
    await startSignIn(page, '/account/security', email, password);
    await page.getByLabel('Code de vérification').waitFor();
    expect(new URL(page.url()).pathname).toBe('/oauth/authorize');
    expect(await page.getByRole('button', { name: 'Vérifier' }).count()).toBe(1);
    expect(await page.getByLabel('Code de vérification').getAttribute('autocomplete')).toBe('one-time-code');
    await saveScreenshot(page, 'second-step');
    await submitSecondFactor(page, confirmCode);
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('Code de vérification').getAttribute('aria-invalid')).toBe('true');
    await submitSecondFactor(page, recoveryCodes[0]!);
    await page.waitForURL((address) => address.pathname === '/account/security', { timeout: 30_000 });
    await heading(page, 'Sécurité du compte');
    await page.getByRole('heading', { name: 'État : activée' }).waitFor();

    // And with a code of the app: one for a time step after the setup's (the last code accepted), typed once
    // that step has come (at most 30 s from now).
    await signOut(page);
    const step = Math.max(timeStep(confirmEpoch) + 1, timeStep(nowSeconds()));
    const wait = step * periodSeconds * 1000 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 250));
    const appCode = await codeAt(secret, step * periodSeconds);
    await startSignIn(page, '/account/security', email, password);
    await page.getByLabel('Code de vérification').waitFor();
    await submitSecondFactor(page, appCode);
    await page.waitForURL((address) => address.pathname === '/account/security', { timeout: 30_000 });
    await heading(page, 'Sécurité du compte');
    await page.getByRole('heading', { name: 'État : activée' }).waitFor();
    expect(await page.locator('.app-header__user').count()).toBe(1);

    // Turning it off: a recovery code already spent is refused next to the field, an unused one works.
    const disableField = page.getByLabel("Code de l'application ou code de secours");
    await disableField.fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Désactiver', exact: true }).click();
    await page.locator('#totp-disable-code-error').waitFor();
    expect(await textOf(page, '#totp-disable-code-error')).toBe(
      "Erreur : Ce code n'est pas valable : il est erroné, a expiré ou a déjà servi.",
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('totp-disable-code');
    await disableField.fill(recoveryCodes[1]!.toUpperCase());
    await page.getByRole('button', { name: 'Désactiver', exact: true }).click();
    await page.getByText('La connexion en deux étapes est désactivée', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'État : désactivée' }).waitFor();
    await page.getByRole('button', { name: 'Activer la connexion en deux étapes' }).waitFor();

    // The server agrees: the password alone signs in again, and the account says it is off.
    const again = await apiLogin(email, password);
    expect(again.errors).toBeUndefined();
    const tokens = again.data!.login;
    const { me } = await graphqlOn<{ me: { totpEnabledAt: string | null } }>(
      running().platform,
      'query TestMe { me { totpEnabledAt } }',
      {},
      tokens.accessToken,
    );
    expect(me.totpEnabledAt).toBeNull();
    await graphqlOn(running().platform, 'mutation TestLogout($token: String!) { logout(refreshToken: $token) }', {
      token: tokens.refreshToken,
    });
  }, 240_000);
});
