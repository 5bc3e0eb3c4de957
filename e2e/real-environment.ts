import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { requireRealSetting } from '@stages/platform/testing';

export interface RealEnvironment {
  env: NodeJS.ProcessEnv;
  /** Text of the messages Mailpit received for an address, oldest first. */
  mailTo(address: string): Promise<string[]>;
  /** The newest 50 messages Mailpit received for an address, oldest first (`date`: ISO 8601). */
  messagesTo(address: string): Promise<Array<{ to: string; subject: string; text: string; date: string }>>;
  cleanup(): Promise<void>;
}

/**
 * Settings for a platform on the real services, with a database of its own on the Postgres server (dropped by
 * `cleanup`) and its own S3 bucket, so suites never see each other's rows.
 */
export async function realEnvironment(name: string): Promise<RealEnvironment> {
  const serverUrl = new URL(requireRealSetting('DATABASE_URL'));
  const database = `stages_${name}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`create database "${database}"`);
  await admin.end();
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${database}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), `stages-${name}-`));
  const mailpit = requireRealSetting('MAILPIT_URL');
  const messagesTo: RealEnvironment['messagesTo'] = async (address) => {
    const search = await fetch(`${mailpit}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}&limit=50`);
    const { messages } = (await search.json()) as { messages: Array<{ ID: string }> };
    const found = await Promise.all(
      messages.map(async ({ ID }) => (await (await fetch(`${mailpit}/api/v1/message/${ID}`)).json()) as { Text: string; Subject: string; Date: string }),
    );
    return found.sort((a, b) => a.Date.localeCompare(b.Date)).map((message) => ({ to: address, subject: message.Subject, text: message.Text, date: message.Date }));
  };
  return {
    env: {
      PATH: process.env.PATH,
      STAGES_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL: requireRealSetting('REDIS_URL'),
      // Counters and cache entries of one run must not meet those of another.
      REDIS_KEY_PREFIX: `test-${name}-${process.pid}-${Date.now()}:`,
      KAFKA_BROKERS: requireRealSetting('KAFKA_BROKERS'),
      KAFKA_CLIENT_ID: `stages-${name}-${process.pid}`,
      // Topics and consumer groups of their own: events of one suite never reach another's consumers.
      KAFKA_TOPIC_PREFIX: `test-${name}-${process.pid}-${Date.now()}.`,
      S3_ENDPOINT: requireRealSetting('S3_ENDPOINT'),
      S3_ACCESS_KEY: requireRealSetting('S3_ACCESS_KEY'),
      S3_SECRET_KEY: requireRealSetting('S3_SECRET_KEY'),
      S3_BUCKET: `stages-${name}-${process.pid}`.toLowerCase().replace(/[^a-z0-9-]/g, '-'),
      SMTP_URL: requireRealSetting('SMTP_URL'),
    },
    async mailTo(address) {
      return (await messagesTo(address)).map((message) => message.text);
    },
    messagesTo,
    async cleanup() {
      await dropDatabase(serverUrl, database);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Drops a test database on the server of `serverUrl`, whatever still uses it. `DROP DATABASE … WITH (FORCE)` needs
 * the right to signal every backend, which the role of `infra/local` lacks for an autovacuum worker: this ends the
 * role's own sessions on it, then drops it plainly (Postgres stops autovacuum itself), retrying while sessions
 * are still closing.
 */
export async function dropDatabase(serverUrl: URL | string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl.toString() });
  await client.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and usename = current_user and pid <> pg_backend_pid()', [database]);
      try {
        await client.query(`drop database if exists "${database}"`);
        return;
      } catch (error) {
        // 55006: "database is being accessed by other users" (sessions still closing).
        if ((error as { code?: string }).code !== '55006' || attempt === 40) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await client.end();
  }
}
