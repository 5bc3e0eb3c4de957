// Mutation → subscription push latency through the gateway, one event in flight at a time, from sending the
// mutation to receiving the push: an administrator moves applications one status at a time
// (changeApplicationStatus → applicationStatusChanged, one hop), then sends themselves notifications
// (sendNotification → notification.requested → the notifications consumer → notification.created →
// notificationReceived, two hops). In the embedded mode (in-process events, memory hub) and on real
// infrastructure (outbox → Kafka → gateway bridge → Redis → push).
// The baseline, measured in the same run, is the mutation's own round trip: the ratio is what live delivery adds.
//
//   node --import tsx bench/live-latency.ts [--events 200] [--modes embedded,real]
// Real mode reads .stages/infra.env (infra/local/up.sh).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { liveClient, subscribe } from '../e2e/live-client.js';
import { realEnvironment } from '../e2e/real-environment.js';
import { loadInfraEnv } from '../scripts/lib/infra-env.js';
import { startPlatform } from '../scripts/lib/platform.js';

const { values } = parseArgs({ options: { events: { type: 'string', default: '200' }, modes: { type: 'string', default: 'embedded,real' } } });
const events = Number(values.events);
const NEXT: Record<string, string> = { SUBMITTED: 'SHORTLISTED', SHORTLISTED: 'INTERVIEW', INTERVIEW: 'OFFERED' };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(mode: string) {
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  if (mode === 'real') {
    if (!loadInfraEnv()) throw new Error('real mode: run infra/local/up.sh first (.stages/infra.env is missing)');
    const real = await realEnvironment('bench');
    env = real.env;
    cleanup = real.cleanup;
  } else {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'stages-bench-'));
    env = { PATH: process.env.PATH, STAGES_DATA_DIR: dataDir };
    cleanup = () => rm(dataDir, { recursive: true, force: true });
  }
  const platform = await startPlatform({ ...env, STAGES_FREE_PORTS: 'true', STAGES_SERVE_CLIENT: 'false', LOG_LEVEL: 'error' });
  try {
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const response = await fetch(platform.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    };
    const admin = platform.demoAccounts!.accounts.find((account) => account.role === 'SYSTEM_ADMIN')!;
    const signedIn = (await gql('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id } } }', { e: admin.email, p: platform.demoAccounts!.password })).login;
    const token = signedIn.accessToken as string;
    // A few unmeasured events warm up the JIT and the query plan cache.
    const warmUp = 10;
    const moves: Array<{ id: string; status: string }> = [];
    const rows = await platform.subgraphs
      .get('applications')!
      .db.orm.em.fork()
      .getConnection()
      .execute<Array<{ id: string; status: string }>>(`select id, status from applications.application where status in ('SUBMITTED', 'SHORTLISTED', 'INTERVIEW') order by id`);
    for (let step = 0; moves.length < events + warmUp && step < 3; step++) {
      for (const row of rows) {
        if (moves.length >= events + warmUp) break;
        const from = [row.status, NEXT[row.status], NEXT[NEXT[row.status] ?? '']][step];
        const to = from && NEXT[from];
        if (to) moves.push({ id: row.id, status: to });
      }
    }
    if (moves.length < events + warmUp) throw new Error(`only ${moves.length} legal moves in the demo data`);

    const client = liveClient(platform.graphqlUrl, token);
    const arrivals = new Map<string, () => void>();
    const arrive = (key: string | undefined) => key && arrivals.get(key)?.();
    const statuses = subscribe(client, 'subscription { applicationStatusChanged { id status } }', {}, (result) => {
      const pushed = result.data?.applicationStatusChanged as { id: string; status: string } | undefined;
      arrive(pushed && `${pushed.id}:${pushed.status}`);
    });
    const notifications = subscribe(client, 'subscription { notificationReceived { title } }', {}, (result) => arrive(result.data?.notificationReceived?.title as string | undefined));
    await new Promise((resolve) => setTimeout(resolve, 500));

    /** Sends each mutation, one at a time, and times its answer and the push it causes. */
    const timeEach = async <T>(items: T[], key: (item: T) => string, mutate: (item: T) => Promise<unknown>) => {
      const push: number[] = [];
      const roundTrip: number[] = [];
      for (const [index, item] of items.entries()) {
        const arrived = new Promise<void>((resolve) => arrivals.set(key(item), resolve));
        const start = performance.now();
        await mutate(item);
        const answered = performance.now();
        await Promise.race([arrived, new Promise((_, reject) => setTimeout(() => reject(new Error(`no push for ${key(item)} within 10 s`)), 10_000))]);
        if (index >= warmUp) {
          roundTrip.push(answered - start);
          push.push(performance.now() - start);
        }
      }
      push.sort((a, b) => a - b);
      roundTrip.sort((a, b) => a - b);
      return { events: push.length, pushP50: percentile(push, 50), pushP99: percentile(push, 99), mutationP50: percentile(roundTrip, 50), mutationP99: percentile(roundTrip, 99) };
    };
    // One hop: applications' outbox → transport → gateway bridge → hub → push (resolved through the gateway).
    const status = await timeEach(moves.slice(0, events + warmUp), (move) => `${move.id}:${move.status}`, (move) =>
      gql('mutation ($id: ID!, $s: ApplicationStatus!) { changeApplicationStatus(id: $id, status: $s) { id } }', { id: move.id, s: move.status }, token),
    );
    // Two hops: notification.requested → the notifications consumer stores it → notification.created → push.
    const titles = Array.from({ length: events + warmUp }, (_, n) => `Mesure ${n}`);
    const notification = await timeEach(titles, (title) => title, (title) =>
      gql('mutation ($input: SendNotificationInput!) { sendNotification(input: $input) { __typename } }', { input: { recipientUserIds: [signedIn.user.id], title, body: 'Mesure de latence.' } }, token),
    );
    statuses.stop();
    notifications.stop();
    await client.dispose();
    return [
      { mode, path: 'changeApplicationStatus → applicationStatusChanged', ...status },
      { mode, path: 'sendNotification → notificationReceived', ...notification },
    ];
  } finally {
    await platform.stop();
    await cleanup();
  }
}

const results = [];
for (const mode of values.modes.split(',')) results.push(...(await measure(mode)));
const ms = (value: number) => `${value.toFixed(1)} ms`;
process.stdout.write('\n| mode | path | events | push p50 | push p99 | mutation p50 (baseline) | mutation p99 | p50 ratio |\n|---|---|---|---|---|---|---|---|\n');
for (const r of results) {
  process.stdout.write(`| ${r.mode} | ${r.path} | ${r.events} | ${ms(r.pushP50)} | ${ms(r.pushP99)} | ${ms(r.mutationP50)} | ${ms(r.mutationP99)} | ${(r.pushP50 / r.mutationP50).toFixed(2)}x |\n`);
}
process.exit(0);
