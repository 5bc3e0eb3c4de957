/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { phoneViewport, saveScreenshot } from './browser.js';
import type { browserSuite } from './browser-suite.js';
import { demoAccount, graphqlOn, type RunningPlatform } from './platform.js';

type Suite = ReturnType<typeof browserSuite>;

/**
 * Signs a demo account in through `/signin` and the auth service's page, in a fresh context; resolves once
 * back on `path`.
 */
export async function signedInPage(
  suite: Suite,
  role: string,
  path: string,
  { phone = false }: { phone?: boolean } = {},
): Promise<Page> {
  const account = demoAccount(suite.running().platform, role);
  const context = await suite.newContext(phone ? { viewport: phoneViewport, phone } : {});
  const page = await context.newPage();
  await page.goto(suite.url(`/signin?redirect=${encodeURIComponent(path)}`));
  await page.getByRole('button', { name: 'Continuer vers la connexion' }).click();
  await page.waitForURL((address) => address.pathname === '/oauth/authorize');
  await page.getByLabel('Adresse e-mail').fill(account.email, { timeout: 15_000 }).catch(async (error: Error) => {
    // Say what the auth service showed instead of its form (a rare failure seen once under load).
    const shown = (await page.locator('body').textContent().catch(() => null))?.replace(/\s+/g, ' ').trim().slice(0, 500);
    await saveScreenshot(page, `signin-failure-${role.toLowerCase()}`).catch(() => undefined);
    throw new Error(`${error.message}\nThe auth page at ${page.url()} showed: ${shown}`);
  });
  await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((address) => `${address.pathname}${address.search}` === path || address.pathname === path, {
    timeout: 30_000,
  });
  return page;
}

/** An access token of a demo account through the API (the test's own view of the data, not the pages'). */
export async function accessTokenOf(platform: RunningPlatform, role: string): Promise<string> {
  const account = demoAccount(platform, role);
  const { login } = await graphqlOn<{ login: { accessToken: string } }>(
    platform,
    'mutation TestLogin($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    { email: account.email, password: account.password },
  );
  return login.accessToken;
}

/** The claims of an access token (`student_id`, `enterprise_id`, …). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The text of the first element matching `selector` in a page or an element, with spaces collapsed. */
export async function textOf(scope: Page | Locator, selector: string): Promise<string> {
  return ((await scope.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** How far the page is wider than the viewport (0 or less: nothing to scroll sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
