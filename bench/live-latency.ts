// Mutation → subscription push latency through the gateway: an administrator moves applications one status at a
// time (changeApplicationStatus) while a subscriber of applicationStatusChanged waits for each push. Measured
// from sending the mutation to receiving the push, one event in flight at a time, in the embedded mode
// (in-process events, memory hub) and on real infrastructure (outbox → Kafka → gateway bridge → Redis → push).
// The baseline, measured in the same run, is the mutation's own round trip: the ratio is what live delivery adds.
//
//   node --import tsx bench/live-latency.ts [--events 200] [--modes embedded,real]
// Real mode reads .stages/infra.env (infra/local/up.sh).
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { liveClient, subscribe } from '../e2e/live-client.js';
import { realEnvironment } from '../e2e/real-environment.js';
import { startPlatform } from '../scripts/lib/platform.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { events: { type: 'string', default: '200' }, modes: { type: 'string', default: 'embedded,real' } } });
const events = Number(values.events);
const NEXT: Record<string, string> = { SUBMITTED: 'SHORTLISTED', SHORTLISTED: 'INTERVIEW', INTERVIEW: 'OFFERED' };

function loadInfraEnv(): void {
  const file = path.join(ROOT, '.stages/infra.env');
  if (!existsSync(file)) throw new Error('real mode: run infra/local/up.sh first (.stages/infra.env is missing)');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) process.env[match[1]!] = match[2]!.replace(/^['"]|['"]$/g, '');
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(mode: string) {
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  if (mode === 'real') {
    loadInfraEnv();
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
    const token = (await gql('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: admin.email, p: platform.demoAccounts!.password })).login.accessToken as string;
    const moves: Array<{ id: string; status: string }> = [];
    const rows = await platform.subgraphs
      .get('applications')!
      .db.orm.em.fork()
      .getConnection()
      .execute<Array<{ id: string; status: string }>>(`select id, status from applications.application where status in ('SUBMITTED', 'SHORTLISTED', 'INTERVIEW') order by id`);
    for (let step = 0; moves.length < events && step < 3; step++) {
      for (const row of rows) {
        if (moves.length >= events) break;
        const from = [row.status, NEXT[row.status], NEXT[NEXT[row.status] ?? '']][step];
        const to = from && NEXT[from];
        if (to) moves.push({ id: row.id, status: to });
      }
    }
    if (moves.length < events) throw new Error(`only ${moves.length} legal moves in the demo data`);
    const client = liveClient(platform.graphqlUrl, token);
    const arrivals = new Map<string, () => void>();
    const live = subscribe(client, 'subscription { applicationStatusChanged { id status } }', {}, (result) => {
      const pushed = result.data?.applicationStatusChanged as { id: string; status: string } | undefined;
      if (pushed) arrivals.get(`${pushed.id}:${pushed.status}`)?.();
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const push: number[] = [];
    const roundTrip: number[] = [];
    // A few unmeasured moves warm up the JIT and the query plan cache.
    const warmUp = 10;
    for (const [index, move] of moves.entries()) {
      const arrived = new Promise<void>((resolve) => arrivals.set(`${move.id}:${move.status}`, resolve));
      const start = performance.now();
      await gql('mutation ($id: ID!, $s: ApplicationStatus!) { changeApplicationStatus(id: $id, status: $s) { id } }', { id: move.id, s: move.status }, token);
      const answered = performance.now();
      await Promise.race([arrived, new Promise((_, reject) => setTimeout(() => reject(new Error(`no push for ${move.id} within 10 s`)), 10_000))]);
      const pushed = performance.now();
      if (index >= warmUp) {
        roundTrip.push(answered - start);
        push.push(pushed - start);
      }
    }
    live.stop();
    await client.dispose();
    push.sort((a, b) => a - b);
    roundTrip.sort((a, b) => a - b);
    return { mode, events: push.length, pushP50: percentile(push, 50), pushP99: percentile(push, 99), mutationP50: percentile(roundTrip, 50), mutationP99: percentile(roundTrip, 99) };
  } finally {
    await platform.stop();
    await cleanup();
  }
}

const results = [];
for (const mode of values.modes.split(',')) results.push(await measure(mode));
const ms = (value: number) => `${value.toFixed(1)} ms`;
process.stdout.write('\n| mode | events | push p50 | push p99 | mutation p50 (baseline) | mutation p99 | p50 ratio |\n|---|---|---|---|---|---|---|\n');
for (const r of results) {
  process.stdout.write(`| ${r.mode} | ${r.events} | ${ms(r.pushP50)} | ${ms(r.pushP99)} | ${ms(r.mutationP50)} | ${ms(r.mutationP99)} | ${(r.pushP50 / r.mutationP50).toFixed(2)}x |\n`);
}
process.exit(0);
