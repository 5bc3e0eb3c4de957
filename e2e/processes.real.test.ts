import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { newId } from '@stages/platform';
import { requireRealSetting } from '@stages/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../scripts/lib/ports.js';
import { allSubgraphs } from '../scripts/lib/subgraphs.js';
import { dropDatabase } from './real-environment.js';

const ROOT = path.resolve(import.meta.dirname, '..');

// The deployment shape of docker-compose: each subgraph and the gateway in its own process, on real services.
describe('one process per service on real infrastructure', () => {
  const children: ChildProcess[] = [];
  const output: string[] = [];
  const serverUrl = () => new URL(requireRealSetting('DATABASE_URL'));
  const database = `stages_proc_${process.pid}_${Date.now()}`;
  let dataDir = '';
  let gatewayUrl = '';

  function start(script: string, env: NodeJS.ProcessEnv): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    children.push(child);
    return child;
  }

  async function until(url: string, timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ok = await fetch(url).then((response) => response.ok, () => false);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`${url} not ready:\n${output.join('').slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl().toString() });
    await admin.connect();
    await admin.query(`create database "${database}"`);
    await admin.end();
    const databaseUrl = serverUrl();
    databaseUrl.pathname = `/${database}`;
    dataDir = await mkdtemp(path.join(tmpdir(), 'stages-proc-'));
    const shared: NodeJS.ProcessEnv = {
      DATABASE_URL: databaseUrl.toString(),
      DATABASE_POOL_MAX: '2',
      REDIS_URL: requireRealSetting('REDIS_URL'),
      KAFKA_BROKERS: requireRealSetting('KAFKA_BROKERS'),
      KAFKA_TOPIC_PREFIX: `test-proc-${process.pid}-${Date.now()}.`,
      S3_ENDPOINT: requireRealSetting('S3_ENDPOINT'),
      S3_ACCESS_KEY: requireRealSetting('S3_ACCESS_KEY'),
      S3_SECRET_KEY: requireRealSetting('S3_SECRET_KEY'),
      S3_BUCKET: `stages-proc-${process.pid}`,
      SMTP_URL: requireRealSetting('SMTP_URL'),
      STAGES_DATA_DIR: dataDir,
    };
    const ports = new Map<string, number>();
    for (const subgraph of allSubgraphs) ports.set(subgraph.name, await freePort());
    // The gateway and every subgraph share the secret and trust tokens of the auth process.
    const gatewayPort = await freePort();
    shared.AUTH_ISSUER = `http://127.0.0.1:${gatewayPort}`;
    shared.AUTH_JWKS_URL = `http://127.0.0.1:${ports.get('auth')}/.well-known/jwks.json`;
    shared.INTERNAL_SECRET = randomBytes(32).toString('hex');
    const urls: NodeJS.ProcessEnv = {};
    const readiness: string[] = [];
    for (const subgraph of allSubgraphs) {
      const port = ports.get(subgraph.name)!;
      start(`subgraphs/${subgraph.name}/src/index.ts`, { ...shared, PORT: String(port) });
      urls[`SUBGRAPH_${subgraph.name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}/graphql`;
      readiness.push(`http://127.0.0.1:${port}/ready`);
    }
    await Promise.all(readiness.map((url) => until(url)));
    start('gateway/src/index.ts', {
      ...urls,
      AUTH_ISSUER: shared.AUTH_ISSUER,
      AUTH_JWKS_URL: shared.AUTH_JWKS_URL,
      INTERNAL_SECRET: shared.INTERNAL_SECRET,
      PORT: String(gatewayPort),
      CLIENT_DIST_DIR: path.join(dataDir, 'no-client'),
    });
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    await until(`${gatewayUrl}/ready`);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await dropDatabase(serverUrl(), database);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should migrate each schema and answer a query spanning three subgraph processes', async () => {
    const db = new pg.Client({ connectionString: Object.assign(serverUrl(), { pathname: `/${database}` }).toString() });
    await db.connect();
    const { rows } = await db.query<{ schema_name: string }>(
      `select distinct table_schema as schema_name from information_schema.tables where table_name = 'mikro_orm_migrations' order by 1`,
    );
    expect(rows.map((row) => row.schema_name)).toEqual(allSubgraphs.map((subgraph) => subgraph.name).sort());
    // Nothing is seeded when subgraphs run alone: write one enterprise, one offer and two applications.
    const [enterprise, offer, first, second, student] = Array.from({ length: 5 }, () => newId());
    await db.query(
      `insert into enterprises.enterprise (id, name, legal_name, siret, naf_code, sector, city, headcount, verification_status, created_at)
       values ($1, 'Numéria Conseil', 'Numéria Conseil SAS', '98765432100015', '62.01Z', 'Programmation informatique', 'Lyon', 35, 'VERIFIED', now())`,
      [enterprise],
    );
    await db.query(
      `insert into offers.offer (id, enterprise_id, title, description, city, remote, duration_months, start_date, status, created_at, updated_at)
       values ($1, $2, 'Stage développeur·se', 'Six mois à Lyon.', 'Lyon', 'HYBRID', 6, '2027-03-01', 'PUBLISHED', now(), now())`,
      [offer, enterprise],
    );
    for (const id of [first, second]) {
      await db.query(
        `insert into applications.application (id, student_id, offer_id, status, submitted_at, updated_at) values ($1, $2, $3, 'SUBMITTED', now(), now())`,
        [id, id === first ? student : newId(), offer],
      );
    }
    await db.end();

    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ offers(first: 5) { totalCount edges { node { id title enterprise { name } applicationCount } } } }' }),
    });
    expect(await response.json()).toEqual({
      data: { offers: { totalCount: 1, edges: [{ node: { id: offer, title: 'Stage développeur·se', enterprise: { name: 'Numéria Conseil' }, applicationCount: 2 } }] } },
    });
  });

  it('should stop every process cleanly on SIGTERM', async () => {
    const exits = children.map((child) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))));
    for (const child of children) child.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual(children.map(() => 0));
  });
});
