/// <reference lib="dom" />
import type { Page, Response, WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneViewport, saveScreenshot } from './browser.js';
import { browserSuite } from './browser-suite.js';
import { demoAccount, graphqlOn, type DemoAccount } from './platform.js';
import { textOf } from './browser-session.js';

/*
 * Live updates in the web client, on a real platform: two browser contexts, the demo recruiter and the demo
 * student, each signed in through the auth service's page. The recruiter moves one of the student's applications
 * on its page; the student's page, open all along and never reloaded, shows the new status and its history within
 * 2 seconds of the mutation's answer (subscription `applicationStatusChanged` over the gateway's graphql-ws
 * endpoint), and the bell's unread count goes up when the notifications subgraph delivers the notification it
 * made of the status event (`notificationReceived`).
 */

type Status = 'SUBMITTED' | 'SHORTLISTED' | 'INTERVIEW' | 'OFFERED' | 'ACCEPTED' | 'REJECTED' | 'WITHDRAWN';

const frenchStatus: Record<Status, string> = {
  SUBMITTED: 'Envoyée',
  SHORTLISTED: 'Présélectionnée',
  INTERVIEW: 'Entretien',
  OFFERED: 'Proposition reçue',
  ACCEPTED: 'Acceptée',
  REJECTED: 'Refusée',
  WITHDRAWN: 'Retirée',
};

/** The recruiter's next step in the process for each status it can still move forward. */
const forward: Partial<Record<Status, Status>> = { SUBMITTED: 'SHORTLISTED', SHORTLISTED: 'INTERVIEW', INTERVIEW: 'OFFERED' };

const liveBudgetMs = 2_000;

const { running, url, newContext } = browserSuite();

interface ApplicationRow {
  id: string;
  status: Status;
  offer: { title: string } | null;
}

/** An access token of a demo account through the API (the test's own view of the data, not the pages'). */
async function accessTokenOf(account: DemoAccount & { password: string }): Promise<string> {
  const { login } = await graphqlOn<{ login: { accessToken: string } }>(
    running().platform,
    'mutation TestLogin($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    { email: account.email, password: account.password },
  );
  return login.accessToken;
}

async function applicationsSeenBy(token: string): Promise<ApplicationRow[]> {
  const { applications } = await graphqlOn<{ applications: { edges: Array<{ node: ApplicationRow }> } }>(
    running().platform,
    'query TestApplications { applications(first: 100) { edges { node { id status offer { title } } } } }',
    {},
    token,
  );
  return applications.edges.map((edge) => edge.node);
}

/**
 * One of the demo student's applications that the demo recruiter's enterprise can still move forward, from the
 * seed: the student's own list crossed with the recruiter's.
 */
async function movableApplication(): Promise<ApplicationRow & { next: Status }> {
  const platform = running().platform;
  const studentToken = await accessTokenOf(demoAccount(platform, 'STUDENT'));
  const recruiterToken = await accessTokenOf(demoAccount(platform, 'ENTERPRISE'));
  const recruiterIds = new Set((await applicationsSeenBy(recruiterToken)).map((application) => application.id));
  const shared = (await applicationsSeenBy(studentToken)).filter((application) => recruiterIds.has(application.id));
  const open = shared.find((application) => forward[application.status] !== undefined);
  if (!open) {
    throw new Error(
      `the seed gives the demo student no open application (SUBMITTED, SHORTLISTED or INTERVIEW) to the demo recruiter's enterprise (shared: ${JSON.stringify(shared.map((application) => application.status))})`,
    );
  }
  return { ...open, next: forward[open.status]! };
}

/** Signs a demo account in through `/signin` and the auth service's page; resolves back on `path`. */
async function signedInPage(
  role: string,
  path: string,
  { phone = false, prepare }: { phone?: boolean; prepare?: (page: Page) => void } = {},
): Promise<Page> {
  const account = demoAccount(running().platform, role);
  const context = await newContext(phone ? { viewport: phoneViewport, phone } : {});
  const page = await context.newPage();
  prepare?.(page);
  await page.goto(url(`/signin?redirect=${encodeURIComponent(path)}`));
  await page.getByRole('button', { name: 'Continuer vers la connexion' }).click();
  await page.waitForURL((address) => address.pathname === '/oauth/authorize');
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((address) => address.pathname === path, { timeout: 30_000 });
  return page;
}

/** Resolves once the page has sent graphql-ws `subscribe` messages for every named operation. */
function subscriptionsSent(page: Page, operations: readonly string[]): Promise<void> {
  const pending = new Set(operations);
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      if (new URL(socket.url()).pathname !== '/graphql') return;
      socket.on('framesent', ({ payload }) => {
        const message = JSON.parse(String(payload)) as { type?: string; payload?: { query?: string } };
        if (message.type !== 'subscribe') return;
        for (const operation of pending) {
          if (message.payload?.query?.includes(`subscription ${operation}`)) pending.delete(operation);
        }
        if (pending.size === 0) resolve();
      });
    });
  });
}

/** The bell's unread count as its badge shows it (no badge: 0). */
async function unreadBadge(page: Page): Promise<number> {
  if ((await page.locator('.bell__badge').count()) === 0) return 0;
  return Number((await textOf(page, '.bell__badge')).replace(/\D/g, ''));
}

/** Wall-clock time (ms) at which the browser received the whole response. */
function receivedAt(response: Response): number {
  const timing = response.request().timing();
  return timing.startTime + timing.responseEnd;
}

describe('live updates', () => {
  it("should show the new status on the student's open page within 2 s when the recruiter moves the application", async () => {
    const application = await movableApplication();
    const before = frenchStatus[application.status];
    const after = frenchStatus[application.next];

    // The student's page, open first (the socket opens as soon as the student is signed in).
    let subscribed: Promise<void> | undefined;
    const student = await signedInPage('STUDENT', `/applications/${application.id}`, {
      prepare: (page) => {
        subscribed = subscriptionsSent(page, ['ApplicationStatusChanged', 'NotificationReceived']);
      },
    });
    await student.locator('.application-status').waitFor();
    expect(await textOf(student, '.application-status')).toBe(before);
    await student.locator('.bell__button').waitFor();
    await student.waitForFunction(() => /\d/.test(document.querySelector('.bell__button')?.getAttribute('aria-label') ?? ''));
    const unreadBefore = await unreadBadge(student);
    // The page records when the status and the badge change (its own clock), and marks this document so a
    // reload would be seen.
    await student.evaluate(
      ({ expected, unread }) => {
        const marks = window as unknown as Record<string, unknown>;
        marks.__sameDocument = true;
        const observer = new MutationObserver(() => {
          if (!marks.__statusAt && document.querySelector('.application-status')?.textContent?.trim() === expected) {
            marks.__statusAt = Date.now();
          }
          const badge = Number(document.querySelector('.bell__badge')?.textContent?.replace(/\D/g, '') ?? '0');
          if (!marks.__badgeAt && badge > unread) marks.__badgeAt = Date.now();
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      },
      { expected: after, unread: unreadBefore },
    );

    // The recruiter's page, in another context.
    const recruiter = await signedInPage('ENTERPRISE', `/applications/${application.id}`);
    await recruiter.locator('.application-status').waitFor();
    expect(await textOf(recruiter, '.application-status')).toBe(before);
    // Both subscriptions of the student's page are on the socket before the move is made.
    expect(subscribed).toBeDefined();
    await subscribed;

    await recruiter.getByLabel('Passer à').selectOption({ label: after });
    await recruiter.getByLabel('Motif (facultatif)').fill('Profil retenu pour la suite');
    const answered = recruiter.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/graphql' &&
        (response.request().postData() ?? '').includes('ChangeApplicationStatus'),
    );
    await recruiter.getByRole('button', { name: 'Appliquer' }).click();
    const response = await answered;
    const body = (await response.json()) as { data?: { changeApplicationStatus?: { status: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.changeApplicationStatus?.status).toBe(application.next);
    const answeredAt = receivedAt(response);

    // The student's page changes by itself, within the budget.
    const statusAt = (await (
      await student.waitForFunction(() => (window as unknown as { __statusAt?: number }).__statusAt, undefined, {
        timeout: 10_000,
      })
    ).jsonValue()) as number;
    const latency = statusAt - answeredAt;
    expect(latency).toBeLessThan(liveBudgetMs);
    expect(await textOf(student, '.application-status')).toBe(after);
    const history = await student.locator('.application-history li').allTextContents();
    expect(history.map((line) => line.replace(/\s+/g, ' ').trim()).at(-1)).toContain(`${before} → ${after}`);
    expect(history.at(-1)).toContain('Profil retenu pour la suite');
    expect(await student.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    // The recruiter's own page shows the move too.
    await recruiter.waitForFunction(
      (expected) => document.querySelector('.application-status')?.textContent?.trim() === expected,
      after,
    );

    // The notification made of the status event reaches the student's bell, live as well.
    await student.waitForFunction(() => (window as unknown as { __badgeAt?: number }).__badgeAt, undefined, {
      timeout: 10_000,
    });
    expect(await unreadBadge(student)).toBeGreaterThan(unreadBefore);
    expect(await student.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    console.info(`live status latency: ${latency} ms`);

    await student.getByRole('button', { name: /^Notifications, \d+ non lues?$/ }).click();
    const panel = student.getByRole('region', { name: 'Notifications' });
    await panel.waitFor();
    const newest = panel.locator('.bell__item').first();
    expect(await newest.getAttribute('class')).toContain('bell__item--unread');
    await saveScreenshot(student, 'live-status-student');
  });

  it('should open the bell on a phone, mark everything read and close with Escape', async () => {
    const page = await signedInPage('STUDENT', '/applications', { phone: true });
    await page.locator('.record-list > li').first().waitFor();
    const bell = page.locator('.bell__button');
    await page.waitForFunction(() => /\d/.test(document.querySelector('.bell__button')?.getAttribute('aria-label') ?? ''));
    expect(await bell.getAttribute('aria-expanded')).toBe('false');
    const unread = await unreadBadge(page);
    expect(unread).toBeGreaterThan(0);
    expect(await bell.getAttribute('aria-label')).toBe(`Notifications, ${unread} non lue${unread > 1 ? 's' : ''}`);

    await bell.click();
    expect(await bell.getAttribute('aria-expanded')).toBe('true');
    const panel = page.getByRole('region', { name: 'Notifications' });
    await panel.locator('.bell__item').first().waitFor();
    // Focus moves into the panel; the panel fits the phone's width.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('notification-panel-title');
    const box = await panel.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(phoneViewport.width);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'notifications-phone');

    await panel.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await page.waitForFunction(() => document.querySelector('.bell__badge') === null);
    expect(await bell.getAttribute('aria-label')).toBe('Notifications, 0 non lue');
    expect(await panel.locator('.bell__item--unread').count()).toBe(0);

    await page.keyboard.press('Escape');
    expect(await bell.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('bell__button'))).toBe(true);

    // Read on the server too: a reload shows no unread notification.
    await page.reload();
    await page.waitForFunction(() => /\d/.test(document.querySelector('.bell__button')?.getAttribute('aria-label') ?? ''));
    expect(await unreadBadge(page)).toBe(0);
  });

  it('should reconnect with a refreshed token after a 4401 close and show the paused hint while the hub is down', async () => {
    const application = await movableApplication();
    const after = frenchStatus[application.next];
    // Between the page and the gateway: the real socket, plus what the server would do on its own — close with
    // 4401 when the access token expires, push SERVICE_UNAVAILABLE while its event hub is down.
    const sockets: WebSocketRoute[] = [];
    const subscriptionIds = new Map<WebSocketRoute, string>();
    const refreshes: string[] = [];
    let routed: Promise<void> = Promise.resolve();
    const student = await signedInPage('STUDENT', `/applications/${application.id}`, {
      prepare: (page) => {
        routed = page.routeWebSocket(/\/graphql$/, (socket) => {
          sockets.push(socket);
          const server = socket.connectToServer();
          socket.onMessage((message) => {
            const parsed = JSON.parse(String(message)) as { id?: string; type?: string; payload?: { query?: string } };
            if (parsed.type === 'subscribe' && parsed.payload?.query?.includes('subscription ApplicationStatusChanged')) {
              subscriptionIds.set(socket, parsed.id!);
            }
            server.send(message);
          });
        });
        page.on('request', (request) => {
          if (new URL(request.url()).pathname === '/oauth/token' && (request.postData() ?? '').includes('grant_type=refresh_token')) {
            refreshes.push(request.url());
          }
        });
      },
    });
    await routed;
    await student.locator('.application-status').waitFor();
    await student.waitForFunction(() => /\d/.test(document.querySelector('.bell__button')?.getAttribute('aria-label') ?? ''));
    await expect.poll(() => subscriptionIds.size).toBe(1);

    // The token expired on the server's clock: one refresh, a new socket, the subscriptions sent again.
    await sockets[0]!.close({ code: 4401, reason: 'Unauthorized: the access token expired' });
    await expect.poll(() => subscriptionIds.has(sockets[1]!), { timeout: 10_000 }).toBe(true);
    expect(refreshes).toHaveLength(1);
    expect(sockets).toHaveLength(2);

    // The event hub is down: the subscription stays open and the header says updates are paused.
    const socket = sockets[1]!;
    socket.send(
      JSON.stringify({
        id: subscriptionIds.get(socket),
        type: 'next',
        payload: {
          data: null,
          errors: [{ message: 'Live updates are interrupted.', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
        },
      }),
    );
    const hint = student.getByRole('banner').getByText('Mises à jour en direct suspendues');
    await hint.waitFor();
    await saveScreenshot(student, 'live-paused');

    // Updates flow again: the next status change shows, and the hint goes away.
    const recruiterToken = await accessTokenOf(demoAccount(running().platform, 'ENTERPRISE'));
    await graphqlOn(
      running().platform,
      'mutation TestMove($id: ID!, $status: ApplicationStatus!) { changeApplicationStatus(id: $id, status: $status) { id } }',
      { id: application.id, status: application.next },
      recruiterToken,
    );
    await student.waitForFunction(
      (expected) => document.querySelector('.application-status')?.textContent?.trim() === expected,
      after,
      { timeout: liveBudgetMs * 2 },
    );
    await hint.waitFor({ state: 'detached' });
    expect(sockets).toHaveLength(2);
  });
});
