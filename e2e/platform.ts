import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A demo account printed by `npm start` (one per role). */
export interface DemoAccount {
  role: string;
  email: string;
}

export interface DemoAccounts {
  /** The one password of every demo account, generated per data folder. */
  password: string;
  accounts: DemoAccount[];
}

/** A message the platform's mail adapter wrote to its local mailbox folder. */
export interface MailboxMessage {
  to: string;
  subject: string;
  text: string;
  date: string;
}

export interface RunningPlatform {
  /** Base URL of the gateway, ending with `/`. */
  url: string;
  /**
   * The demo accounts and their password: parsed from `npm start`'s output, or read from
   * `<STAGES_DATA_DIR>/demo-accounts.json` for a platform given by `STAGES_URL`; null when unknown (no seed).
   */
  demo: DemoAccounts | null;
  /** Its data folder (mailbox, objects); null for a platform given by `STAGES_URL` without `STAGES_DATA_DIR`. */
  dataDir: string | null;
  stop(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const readyLine = /Stages is ready at (http:\/\/\S+)/;
const demoPasswordLine = /^\s*demo accounts\s+password for each: (\S+)\s*$/;
const demoAccountLine = /^\s{4}([A-Z_]+)\s+(\S+@\S+)\s*$/;
/** `npm start` prints this last, after the demo accounts. */
const lastLine = /^Press Ctrl-C to stop\./;
const startTimeoutMs = 180_000;
/** After the ready line, how long to wait for the rest of the banner before going on without it. */
const bannerTimeoutMs = 10_000;
const stopTimeoutMs = 60_000;

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Reads the demo accounts out of `npm start`'s banner lines. */
export function parseDemoAccounts(lines: readonly string[]): DemoAccounts | null {
  let password: string | null = null;
  const accounts: DemoAccount[] = [];
  for (const line of lines) {
    const passwordMatch = demoPasswordLine.exec(line);
    if (passwordMatch?.[1]) {
      password = passwordMatch[1];
      continue;
    }
    const accountMatch = password !== null ? demoAccountLine.exec(line) : null;
    if (accountMatch?.[1] && accountMatch[2]) accounts.push({ role: accountMatch[1], email: accountMatch[2] });
  }
  return password !== null && accounts.length > 0 ? { password, accounts } : null;
}

async function readDemoFile(dataDir: string): Promise<DemoAccounts | null> {
  const file = join(dataDir, 'demo-accounts.json');
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<DemoAccounts>;
  return typeof parsed.password === 'string' && Array.isArray(parsed.accounts)
    ? { password: parsed.password, accounts: parsed.accounts }
    : null;
}

/** The demo account of a role; throws (naming the role) when the platform did not print one. */
export function demoAccount(platform: RunningPlatform, role: string): DemoAccount & { password: string } {
  const account = platform.demo?.accounts.find((candidate) => candidate.role === role);
  if (!platform.demo || !account) throw new Error(`the platform printed no demo account for ${role}`);
  return { ...account, password: platform.demo.password };
}

/** Messages sent to an address through the local mailbox folder (`<dataDir>/mailbox`), oldest first. */
export async function mailboxFor(platform: RunningPlatform, address: string): Promise<MailboxMessage[]> {
  if (!platform.dataDir) throw new Error('the mailbox of a platform given by STAGES_URL is unknown: set STAGES_DATA_DIR');
  const folder = join(platform.dataDir, 'mailbox');
  const files = (await readdir(folder).catch(() => [] as string[])).filter((file) => file.endsWith('.json')).sort();
  const messages = await Promise.all(
    files.map(async (file) => JSON.parse(await readFile(join(folder, file), 'utf8')) as MailboxMessage),
  );
  return messages.filter((message) => message.to.toLowerCase() === address.toLowerCase());
}

/** The platform under test: the one at `STAGES_URL`, or a fresh one started for this run. */
export async function usePlatform(): Promise<RunningPlatform> {
  const given = process.env.STAGES_URL;
  if (!given) return startPlatform();
  const dataDir = process.env.STAGES_DATA_DIR ? resolve(repoRoot, process.env.STAGES_DATA_DIR) : null;
  return {
    url: withTrailingSlash(given),
    demo: await readDemoFile(dataDir ?? resolve(repoRoot, '.data')),
    dataDir,
    stop: async () => {},
  };
}

/**
 * Runs `scripts/start.ts` on free ports with its own data dir, resolving once it prints its ready line and the
 * demo accounts below it. `services` are the real services' settings (`realEnvironment`); without them, the
 * embedded mode.
 */
export async function startPlatform(services: NodeJS.ProcessEnv = {}): Promise<RunningPlatform> {
  const dataDir = await mkdtemp(join(tmpdir(), 'stages-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: repoRoot,
    // The embedded mode unless services are given, whatever real services the test run has configured: the browser
    // tests read the local mailbox folder; the real services are exercised by the *.real suites.
    env: { ...services, PATH: process.env.PATH, HOME: process.env.HOME, STAGES_FREE_PORTS: '1', STAGES_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  // Keep the tail of the output for the failure message; keep reading so the pipes never fill up.
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > 60) tail.shift();
  };
  createInterface({ input: child.stderr }).on('line', remember);
  const stdout = createInterface({ input: child.stdout });

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  }

  try {
    const { url, banner } = await new Promise<{ url: string; banner: string[] }>((resolve, reject) => {
      let url: string | null = null;
      const banner: string[] = [];
      let bannerTimer: ReturnType<typeof setTimeout> | undefined;
      const finish = () => {
        clearTimeout(timer);
        clearTimeout(bannerTimer);
        if (url) resolve({ url, banner });
      };
      const timer = setTimeout(
        () => reject(new Error(`Stages was not ready within ${startTimeoutMs / 1000} s:\n${tail.join('\n')}`)),
        startTimeoutMs,
      );
      stdout.on('line', (line) => {
        remember(line);
        if (url === null) {
          const match = readyLine.exec(line);
          if (match?.[1]) {
            url = match[1];
            bannerTimer = setTimeout(finish, bannerTimeoutMs);
          }
          return;
        }
        banner.push(line);
        if (lastLine.test(line)) finish();
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        clearTimeout(bannerTimer);
        reject(new Error(`scripts/start.ts exited (${signal ?? code}) before it was ready:\n${tail.join('\n')}`));
      });
    });
    return { url: withTrailingSlash(url), demo: parseDemoAccounts(banner), dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Calls the platform's GraphQL API through the gateway; throws with the errors when no data comes back. */
export async function graphqlOn<T>(
  platform: RunningPlatform,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(new URL('graphql', platform.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Waits (up to `timeoutMs`) for a message to `address` whose text matches `pattern`; returns the match. */
export async function waitForMail(
  platform: RunningPlatform,
  address: string,
  pattern: RegExp,
  timeoutMs = 10_000,
): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const message of await mailboxFor(platform, address)) {
      const match = pattern.exec(message.text);
      if (match) return match;
    }
    if (Date.now() > deadline) throw new Error(`no e-mail to ${address} matched ${pattern} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A new, active student account of a test's own (the demo accounts stay as seeded): registered through the
 * API and verified with the link e-mailed to the platform's mailbox folder.
 */
export async function registerVerifiedStudent(
  platform: RunningPlatform,
  account: { email: string; password: string; displayName: string; locale?: 'fr' | 'en' },
): Promise<void> {
  const { universities } = await graphqlOn<{ universities: { edges: Array<{ node: { id: string } }> } }>(
    platform,
    'query TestUniversities { universities(first: 1) { edges { node { id } } } }',
  );
  const universityId = universities.edges[0]?.node.id;
  if (!universityId) throw new Error('the platform has no university to register at');
  await graphqlOn(
    platform,
    'mutation TestRegister($input: RegisterStudentInput!) { registerStudent(input: $input) { accepted } }',
    {
      input: {
        email: account.email,
        password: account.password,
        displayName: account.displayName,
        universityId,
        locale: account.locale ?? 'fr',
      },
    },
  );
  const [, token] = await waitForMail(platform, account.email, /verify-email\?token=([\w-]+)/);
  const { verifyEmail } = await graphqlOn<{ verifyEmail: { status: string } }>(
    platform,
    'mutation TestVerify($token: String!) { verifyEmail(token: $token) { status } }',
    { token },
  );
  if (verifyEmail.status !== 'ACTIVE') throw new Error(`the account ${account.email} is ${verifyEmail.status}`);
}
