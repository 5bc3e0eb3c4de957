import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const folders: string[] = [];

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(script: string, env: NodeJS.ProcessEnv): Started {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function dataDir(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'stages-life-'));
  folders.push(folder);
  return folder;
}

describe('process lifecycle', () => {
  it('should finish requests in flight, stop Postgres and exit 0 when sent SIGTERM', async () => {
    const folder = await dataDir();
    const started = run('scripts/start.ts', { STAGES_DATA_DIR: folder, STAGES_FREE_PORTS: 'true', STAGES_SERVE_CLIENT: 'false', LOG_LEVEL: 'info' });
    await until(() => /Stages is ready at/.test(started.output()), 120_000);
    const graphql = /GraphQL API: (\S+)\)/.exec(started.output())![1]!;

    // The request id follows the request from the gateway into each subgraph it calls, in their JSON logs.
    const requestId = `trace-${Date.now()}`;
    // Own connection, closed after the answer: an idle keep-alive socket would be reset by the shutdown below.
    await new Promise<void>((resolve, reject) => {
      const request = http.request(graphql, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'x-request-id': requestId } }, (response) => {
        response.resume();
        response.on('end', resolve);
      });
      request.on('error', reject);
      request.end(JSON.stringify({ operationName: 'Traced', query: 'query Traced { offers(first: 2) { edges { node { enterprise { name } applicationCount } } } }' }));
    });
    await until(() => started.output().split('\n').filter((line) => line.includes(requestId)).length >= 4, 5000);
    const traced = started
      .output()
      .split('\n')
      .filter((line) => line.includes(requestId))
      .map((line) => JSON.parse(line) as { service: string; subgraph?: string; requestId: string; msg: string });
    expect(new Set(traced.map((line) => line.subgraph ?? line.service))).toEqual(new Set(['gateway', 'offers', 'enterprises', 'applications']));
    expect(traced.every((line) => line.requestId === requestId && line.msg === 'graphql request')).toBe(true);
    const body = JSON.stringify({ query: '{ offers(first: 100) { edges { node { title enterprise { name } applicationCount } } } }' });
    const inFlight = Array.from({ length: 20 }, () =>
      fetch(graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (response) => ({
        status: response.status,
        offers: ((await response.json()) as { data?: { offers: { edges: unknown[] } } }).data?.offers.edges.length,
      })),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    started.child.kill('SIGTERM');
    const results = await Promise.all(inFlight);
    expect(await started.exited).toBe(0);
    expect(results).toEqual(Array.from({ length: 20 }, () => ({ status: 200, offers: 100 })));
    expect(started.output()).toMatch(/SIGTERM: finishing requests in flight[\s\S]*Stopped\./);
    expect(existsSync(path.join(folder, 'postgres', 'postmaster.pid'))).toBe(false);
    // A cold start (initdb, migrations, seeding) on a loaded 2-core machine.
  }, 120_000);

  it('should stop with one line naming the variable when a port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const started = run('scripts/start.ts', { STAGES_DATA_DIR: await dataDir(), GATEWAY_PORT: String(port) });
      expect(await started.exited).toBe(1);
      expect(started.output().trim()).toBe(`Stages cannot start: Port ${port} on 127.0.0.1 is already in use: set GATEWAY_PORT to another port.`);
    } finally {
      blocker.close();
    }
  });

  it('should stop with one line naming the variable when a setting is invalid', async () => {
    const started = run('subgraphs/offers/src/index.ts', { PORT: 'huit-mille-cinq', DATABASE_URL: 'postgres://127.0.0.1:1/stages' });
    expect(await started.exited).toBe(1);
    expect(started.output().trim()).toBe('Stages cannot start: PORT: expected a TCP port number (got "huit-mille-cinq")');
  });

  it('should say that a subgraph run on its own needs DATABASE_URL', async () => {
    const started = run('subgraphs/students/src/index.ts', {});
    expect(await started.exited).toBe(1);
    expect(started.output().trim()).toBe(
      'Stages cannot start: DATABASE_URL is required to run a subgraph on its own (`npm start` runs every subgraph on embedded Postgres)',
    );
  });

  it('should name REDIS_URL when the configured Redis cannot be reached', async () => {
    const started = run('scripts/start.ts', { STAGES_DATA_DIR: await dataDir(), STAGES_FREE_PORTS: 'true', REDIS_URL: 'redis://127.0.0.1:1' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(/Stages cannot start: REDIS_URL: cannot reach redis:\/\/127\.0\.0\.1:1 \(.+\)\n$/);
  });
});
