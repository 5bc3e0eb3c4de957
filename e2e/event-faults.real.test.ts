import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventTransport, createLogger, newId, type DomainEvent, type EventTransport } from '@stages/platform';
import { requireRealSetting } from '@stages/platform/testing';
import { startPlatform, type RunningPlatform } from '../scripts/lib/platform.js';
import { freePort } from '../scripts/lib/ports.js';
import { liveClient, subscribe } from './live-client.js';
import { dropDatabase, realEnvironment, type RealEnvironment } from './real-environment.js';

// Fault tests of event delivery (README, "Events"): they stop and start the local Kafka and Redis of
// infra/local, so they run on those services only (CI starts them; `npm run test:faults` runs this file).
const ROOT = path.resolve(import.meta.dirname, '..');

function service(action: 'up' | 'down', name: 'kafka' | 'redis'): void {
  const result = spawnSync('bash', [path.join(ROOT, `infra/local/${action}.sh`), name], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`infra/local/${action}.sh ${name} failed:\n${result.stdout}\n${result.stderr}`);
}

async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(run));
}

describe('event delivery under faults (real Kafka, Redis and Postgres)', () => {
  beforeAll(() => {
    requireRealSetting('KAFKA_BROKERS');
    if (!existsSync(path.join(ROOT, '.stages/infra/kafka'))) {
      throw new Error('The fault tests stop and start the services of infra/local: run infra/local/up.sh (CI does).');
    }
  });

  describe('through the whole platform', () => {
    let platform: RunningPlatform;
    let environment: RealEnvironment;
    let adminToken = '';
    let studentToken = '';
    let studentUserId = '';

    async function gql(query: string, variables: Record<string, unknown>, token?: string) {
      const response = await fetch(platform.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: Record<string, any>; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    }

    async function sql<T>(subgraph: string, query: string, params: unknown[] = []): Promise<T[]> {
      return platform.subgraphs.get(subgraph)!.db.orm.em.fork().getConnection().execute<T[]>(query, params);
    }

    async function login(role: string): Promise<{ token: string; userId: string }> {
      const account = platform.demoAccounts!.accounts.find((candidate) => candidate.role === role)!;
      const result = await gql('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id } } }', {
        e: account.email,
        p: platform.demoAccounts!.password,
      });
      return { token: result.data!.login.accessToken, userId: result.data!.login.user.id };
    }

    beforeAll(async () => {
      environment = await realEnvironment('faults');
      platform = await startPlatform({ ...environment.env, STAGES_FREE_PORTS: 'true', STAGES_SERVE_CLIENT: 'false', LOG_LEVEL: 'fatal' });
      adminToken = (await login('SYSTEM_ADMIN')).token;
      ({ token: studentToken, userId: studentUserId } = await login('STUDENT'));
    });

    afterAll(async () => {
      // Whatever happened, leave the services running for the next suites.
      service('up', 'kafka');
      service('up', 'redis');
      await platform?.stop();
      await environment?.cleanup();
    });

    it('1. Kafka stopped while mutations run: they succeed, the outbox grows, and after restart each of 1,000 events takes effect once', async () => {
      const total = 1000;
      const run = randomBytes(4).toString('hex');
      service('down', 'kafka');
      try {
        const failures: string[] = [];
        await inBatches([...Array(total).keys()], 20, async (n) => {
          const result = await gql(
            'mutation ($input: SendNotificationInput!) { sendNotification(input: $input) { __typename } }',
            { input: { recipientUserIds: [studentUserId], title: `Panne ${run} n°${n}`, body: 'Message envoyé pendant que Kafka était arrêté.' } },
            adminToken,
          );
          if (result.errors) failures.push(JSON.stringify(result.errors));
        });
        expect(failures).toEqual([]);
        const [pending] = await sql<{ count: string }>('notifications', `select count(*) from notifications.outbox where published_at is null and type = 'notification.requested'`);
        expect(Number(pending!.count)).toBe(total);
      } finally {
        service('up', 'kafka');
      }
      const counts = () =>
        sql<{ rows: string; distinct_titles: string }>(
          'notifications',
          `select count(*) as rows, count(distinct title) as distinct_titles from notifications.notification where title like ? and channel = 'IN_APP'`,
          [`Panne ${run} %`],
        ).then(([row]) => ({ rows: Number(row!.rows), distinct: Number(row!.distinct_titles) }));
      await until('every notification', counts, (value) => value.rows >= total, 150_000);
      // Redeliveries after the restart must not add anything: wait, then count again.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(await counts()).toEqual({ rows: total, distinct: total });
      const [outbox] = await sql<{ count: string }>('notifications', `select count(*) from notifications.outbox where published_at is null`);
      expect(Number(outbox!.count)).toBe(0);
    }, 400_000);

    it('2. Redis stopped: subscriptions report it and recover by themselves; queries and mutations keep working', async () => {
      const client = liveClient(platform.graphqlUrl, studentToken);
      const live = subscribe(client, 'subscription { notificationReceived { id title } }');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const send = (title: string) =>
        gql('mutation ($input: SendNotificationInput!) { sendNotification(input: $input) { __typename } }', { input: { recipientUserIds: [studentUserId], title, body: 'Redis' } }, adminToken);
      expect((await send('Avant la panne')).errors).toBeUndefined();
      await live.waitFor(1, 30_000);
      service('down', 'redis');
      try {
        const [interrupted] = (await live.waitFor(2, 30_000)).slice(1);
        expect(interrupted!.errors![0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
        expect(interrupted!.errors![0]!.message).toMatch(/Live updates are interrupted/);
        // Nothing else depends on the hub: reads and writes still work.
        const offers = await gql('{ offers(first: 3) { totalCount } }', {});
        expect(offers.errors).toBeUndefined();
        expect((await send('Pendant la panne')).errors).toBeUndefined();
        expect((await gql('{ unreadNotificationCount }', {}, studentToken)).errors).toBeUndefined();
      } finally {
        service('up', 'redis');
      }
      // Same subscription, no reconnection: the next notification arrives.
      const before = live.results.length;
      await until(
        'a push after Redis came back',
        async () => {
          await send(`Après la panne ${Date.now()}`);
          await new Promise((resolve) => setTimeout(resolve, 1000));
          return live.results.slice(before).filter((result) => result.data?.notificationReceived?.title?.startsWith('Après la panne')).length;
        },
        (count) => count > 0,
        60_000,
      );
      live.stop();
      await client.dispose();
    }, 180_000);
  });

  describe('a subgraph process on its own', () => {
    const database = `stages_faults_${process.pid}_${Date.now()}`;
    const prefix = `test-faults-${process.pid}-${Date.now()}.`;
    let databaseUrl = '';
    let child: ChildProcess | undefined;
    let transport: EventTransport;
    const output: string[] = [];

    const serverUrl = () => new URL(requireRealSetting('DATABASE_URL'));

    async function query<T>(text: string, params: unknown[] = []): Promise<T[]> {
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        return (await db.query(text, params)).rows as T[];
      } finally {
        await db.end();
      }
    }

    /** Starts the reports subgraph (a consumer of every event) as its own process. */
    async function startReports(): Promise<ChildProcess> {
      const port = await freePort();
      const started = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/reports/src/index.ts'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          LOG_LEVEL: 'warn',
          PORT: String(port),
          DATABASE_URL: databaseUrl,
          DATABASE_POOL_MAX: '3',
          KAFKA_BROKERS: requireRealSetting('KAFKA_BROKERS'),
          KAFKA_TOPIC_PREFIX: prefix,
          KAFKA_CLIENT_ID: 'faults-reports',
          AUTH_ISSUER: 'http://127.0.0.1:1',
          INTERNAL_SECRET: randomBytes(32).toString('hex'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      started.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      started.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      await until('the reports subgraph', () => fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.ok, () => false), Boolean, 90_000).catch((error: Error) => {
        throw new Error(`${error.message}\n${output.join('').slice(-3000)}`);
      });
      return started;
    }

    const closedEvent = (subject = newId()): DomainEvent => ({
      id: newId(),
      source: '/subgraphs/offers',
      type: 'offer.closed',
      subject,
      time: new Date().toISOString(),
      topic: 'stages.offer',
      data: { offerId: subject, enterpriseId: newId(), reason: 'DEADLINE' },
    });

    /** Offsets the reports consumer groups committed on the offer topic, summed over partitions, and their state. */
    async function committedOffsets(): Promise<{ committed: number; states: string[] }> {
      const kafka = new Kafka({ clientId: 'faults-admin', brokers: requireRealSetting('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
      const admin = kafka.admin();
      await admin.connect();
      try {
        const groups = (await admin.listGroups()).groups.map((group) => group.groupId).filter((id) => id.startsWith(`${prefix}reports.`));
        let committed = 0;
        for (const groupId of groups) {
          for (const topic of await admin.fetchOffsets({ groupId, topics: [`${prefix}stages.offer`] })) {
            for (const partition of topic.partitions) committed += Math.max(0, Number(partition.offset));
          }
        }
        const states = (await admin.describeGroups(groups)).groups.map((group) => group.state);
        return { committed, states };
      } finally {
        await admin.disconnect();
      }
    }

    /** Events of one type the reports consumer took into account (its tally), and the processed-event marks. */
    async function effects(type: string): Promise<{ tally: number; marks: number }> {
      const [tally] = await query<{ total: string | null }>(`select sum(count) as total from reports.event_tally where type = $1`, [type]);
      const [marks] = await query<{ count: string }>(`select count(distinct event_id) from reports.processed_event`);
      return { tally: Number(tally?.total ?? 0), marks: Number(marks!.count) };
    }

    beforeAll(async () => {
      const admin = new pg.Client({ connectionString: serverUrl().toString() });
      await admin.connect();
      await admin.query(`create database "${database}"`);
      await admin.end();
      const url = serverUrl();
      url.pathname = `/${database}`;
      databaseUrl = url.toString();
      transport = await createEventTransport(
        { KAFKA_BROKERS: requireRealSetting('KAFKA_BROKERS'), KAFKA_CLIENT_ID: 'faults-producer', KAFKA_PARTITIONS: 3, KAFKA_TOPIC_PREFIX: prefix },
        createLogger('faults', 'fatal'),
      );
      child = await startReports();
    }, 180_000);

    afterAll(async () => {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child!.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await transport?.close();
      await dropDatabase(serverUrl(), database);
    });

    it('3. a consumer killed mid-batch loses nothing, and the events delivered again are absorbed', async () => {
      const total = 3000;
      const events = Array.from({ length: total }, () => closedEvent());
      for (let start = 0; start < total; start += 500) await transport.publish(events.slice(start, start + 500));
      const atKill = await until('the consumer to be mid-way', () => effects('offer.closed'), (value) => value.tally >= 300, 60_000);
      child!.kill('SIGKILL');
      await new Promise((resolve) => child!.once('exit', resolve));
      const killedAt = await effects('offer.closed');
      expect(killedAt.tally).toBeLessThan(total);
      // What the group had committed when it died: anything processed past it is delivered again on restart.
      const { committed } = await committedOffsets();
      expect(atKill.tally).toBeGreaterThan(0);
      child = await startReports();
      const final = await until('every event once', () => effects('offer.closed'), (value) => value.tally >= total, 120_000);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(await effects('offer.closed')).toEqual(final);
      expect(final.tally).toBe(total);
      expect(final.marks).toBe(total);
      // Processed beyond the committed offsets when killed: those were redelivered and skipped, not counted twice.
      expect(killedAt.tally).toBeGreaterThan(committed);
    }, 300_000);

    it('4. SIGTERM lets the consumer finish its message, commit and leave the group', async () => {
      const before = await effects('offer.closed');
      await transport.publish(Array.from({ length: 2000 }, () => closedEvent()));
      await until('the consumer to be busy', () => effects('offer.closed'), (value) => value.tally >= before.tally + 200, 60_000);
      const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
      child!.kill('SIGTERM');
      expect(await exited).toBe(0);
      const stopped = await effects('offer.closed');
      const { committed, states } = await committedOffsets();
      // Every message it processed is committed (nothing to redeliver), and no member is left in the group.
      expect(committed).toBe(stopped.tally);
      expect(states.every((state) => state === 'Empty')).toBe(true);
      child = await startReports();
      await until('the rest', () => effects('offer.closed'), (value) => value.tally >= before.tally + 2000, 120_000);
    }, 240_000);

    it('5. a poison message goes to the dead-letter topic exactly once, and the messages after it are processed', async () => {
      const before = await effects('offer.closed');
      const subject = newId();
      const poisonId = newId();
      const kafka = new Kafka({ clientId: 'faults-poison', brokers: requireRealSetting('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
      const producer = kafka.producer();
      await producer.connect();
      // Valid envelope, invalid data: only the consumer's validation can catch it. Same key: same partition, first.
      await producer.send({
        topic: `${prefix}stages.offer`,
        messages: [
          {
            key: subject,
            value: JSON.stringify({ offerId: 'not-a-uuid', reason: 'SOLD_OUT' }),
            headers: { ce_specversion: '1.0', ce_id: poisonId, ce_source: '/tests/faults', ce_type: 'offer.closed', ce_subject: subject, ce_time: new Date().toISOString() },
          },
        ],
      });
      await producer.disconnect();
      await transport.publish(Array.from({ length: 10 }, () => closedEvent(subject)));
      await until('the messages after the poison', () => effects('offer.closed'), (value) => value.tally >= before.tally + 10, 60_000);

      const dead: Array<{ id: string; group: string; error: string; topic: string }> = [];
      const consumer = kafka.consumer({ groupId: `${prefix}faults-dlt-reader-${newId()}` });
      await consumer.connect();
      await consumer.subscribe({ topics: [`${prefix}stages.offer.DLT`], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const h = (name: string) => message.headers?.[name]?.toString() ?? '';
          dead.push({ id: h('ce_id'), group: h('dlt_consumer_group'), error: h('dlt_error'), topic: h('dlt_original_topic') });
        },
      });
      await new Promise((resolve) => setTimeout(resolve, 5000));
      await consumer.disconnect();
      const reports = dead.filter((entry) => entry.group.startsWith('reports.'));
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({ id: poisonId, topic: 'stages.offer' });
      expect(reports[0]!.error).toMatch(/^InvalidEventError: Invalid offer\.closed payload: .*offerId/);
      expect((await effects('offer.closed')).tally).toBe(before.tally + 10);
    }, 120_000);
  });
});
