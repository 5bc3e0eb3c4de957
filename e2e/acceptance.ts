import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { recordEvent, type NewEvent } from '@stages/platform';
import { startPlatform, type RunningPlatform } from '../scripts/lib/platform.js';
import { realEnvironment } from './real-environment.js';

export type Role = 'STUDENT' | 'ENTERPRISE' | 'UNIVERSITY_ADMIN' | 'UNIVERSITY_SUPERVISOR' | 'SYSTEM_ADMIN';

export interface Result<T = any> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

export const codeOf = (result: Result) => result.errors?.[0]?.extensions?.code;
export const fieldOf = (result: Result) => result.errors?.[0]?.extensions?.field;

/** The calendar day in Paris `offsetDays` from now (or from `from`), as YYYY-MM-DD. */
export const parisDay = (offsetDays = 0, from = Date.now()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(from + offsetDays * 86_400_000));

/** A fresh platform (embedded or on real services) with every demo account signed in, and what acceptance tests do with it. */
export interface Acceptance {
  platform: RunningPlatform;
  dataDir: string;
  tokens: Map<Role, string>;
  userIds: Map<Role, string>;
  /** A GraphQL operation through the gateway as a demo role (null: anonymous), with extra request headers. */
  gql<T = any>(role: Role | null, document: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<Result<T>>;
  /** A query in a subgraph's database (its own connection). */
  sql<T = any>(subgraph: string, query: string, params?: unknown[]): Promise<T[]>;
  /** The statements a subgraph sends while `action` runs (outbox polling, consumers and transactions aside). */
  sqlOf(subgraph: string, action: () => Promise<unknown>): Promise<string[]>;
  /** Records events in a subgraph's outbox, as its mutations do, and relays them now. */
  emit(subgraph: string, ...events: NewEvent[]): Promise<void>;
  /** Polls `probe` until `done` (20 s at most). */
  eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T>;
  /** The messages of the local mailbox sent to an address. */
  mailTo(address: string): Promise<Array<{ to: string; subject: string; text: string }>>;
  stop(): Promise<void>;
}

/**
 * Where acceptance tests run: `embedded` (embedded Postgres, in-process events, local files and mailbox) or `real`
 * (the Postgres, Kafka, Redis, S3 and SMTP servers of the environment, with a database, topics and bucket of the
 * suite's own).
 */
export type AcceptanceMode = 'embedded' | 'real';

export async function startAcceptance(name: string, mode: AcceptanceMode = 'embedded'): Promise<Acceptance> {
  const real = mode === 'real' ? await realEnvironment(name) : null;
  const dataDir = real?.env.STAGES_DATA_DIR ?? (await mkdtemp(path.join(tmpdir(), `stages-${name}-`)));
  const platform = await startPlatform({
    ...(real?.env ?? { PATH: process.env.PATH, STAGES_DATA_DIR: dataDir }),
    STAGES_FREE_PORTS: 'true',
    STAGES_SERVE_CLIENT: 'false',
    LOG_LEVEL: 'error',
  }).catch(async (error: unknown) => {
    await real?.cleanup();
    throw error;
  });
  const tokens = new Map<Role, string>();
  const userIds = new Map<Role, string>();

  const gql: Acceptance['gql'] = async (role, document, variables = {}, headers = {}) => {
    const response = await fetch(platform.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers, ...(role ? { authorization: `Bearer ${tokens.get(role)}` } : {}) },
      body: JSON.stringify({ query: document, variables }),
    });
    return (await response.json()) as Result;
  };
  const sql: Acceptance['sql'] = (subgraph, query, params = []) => platform.subgraphs.get(subgraph)!.db.orm.em.fork().getConnection().execute(query, params);

  for (const account of platform.demoAccounts!.accounts) {
    const login = await gql(null, 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { id } } }', {
      email: account.email,
      password: platform.demoAccounts!.password,
    });
    tokens.set(account.role as Role, login.data!.login.accessToken);
    userIds.set(account.role as Role, login.data!.login.user.id);
  }

  return {
    platform,
    dataDir,
    tokens,
    userIds,
    gql,
    sql,
    async sqlOf(subgraph, action) {
      const statements: string[] = [];
      const stop = platform.subgraphs.get(subgraph)!.db.onQuery((text) => {
        if (!/outbox|processed_event|^(begin|commit|rollback);?$/i.test(text.trim())) statements.push(text);
      });
      try {
        await action();
      } finally {
        stop();
      }
      return statements;
    },
    async emit(subgraph, ...events) {
      const running = platform.subgraphs.get(subgraph)!;
      await running.db.orm.em.fork().transactional(async (em) => {
        for (const event of events) recordEvent(em, `/subgraphs/${subgraph}`, event);
      });
      await running.relay.drain();
    },
    async eventually(probe, done, what) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const value = await probe();
        if (done(value)) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async mailTo(address) {
      if (real) return real.messagesTo(address);
      const folder = path.join(dataDir, 'mailbox');
      const files = (await readdir(folder).catch(() => [] as string[])).filter((file) => file.endsWith('.json'));
      const messages = await Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(folder, file), 'utf8')) as { to: string; subject: string; text: string }));
      return messages.filter((message) => message.to.toLowerCase() === address.toLowerCase());
    },
    async stop() {
      await platform.stop();
      if (real) await real.cleanup();
      else await rm(dataDir, { recursive: true, force: true });
    },
  };
}
