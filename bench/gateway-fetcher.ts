// Throughput and latency of the supergraph query "offers with enterprise names and application counts" through
// the gateway, with its keep-alive subgraph fetcher against @apollo/gateway's default fetcher as the baseline.
// Runs alternate (baseline, candidate, baseline, candidate …) in the same session, each on a freshly started
// platform, and reports the ratio of medians: the machine is noisy, absolute figures are not comparable.
//
//   node --import tsx bench/gateway-fetcher.ts [--rounds 3] [--seconds 10] [--connections 20]
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' } } });
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const QUERY = JSON.stringify({
  operationName: 'OffersWithEnterprises',
  query: 'query OffersWithEnterprises { offers(first: 50) { totalCount edges { node { id title enterprise { id name } applicationCount } } } }',
});

async function measure(fetcher: string, dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, STAGES_DATA_DIR: dataDir, STAGES_FREE_PORTS: 'true', STAGES_SERVE_CLIENT: 'false', SUBGRAPH_FETCHER: fetcher, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API: (\S+)\)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`platform exited (${code}) before it was ready`)));
  });
  const request = { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: QUERY };
  await autocannon({ url, connections, duration: 2, requests: [request] }); // warm-up: JIT, query plan cache
  const result = await autocannon({ url, connections, duration: seconds, requests: [request] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${fetcher}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { fetcher, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const dataDir = await mkdtemp(path.join(tmpdir(), 'stages-bench-'));
const runs: Array<Awaited<ReturnType<typeof measure>>> = [];
try {
  for (let round = 1; round <= rounds; round++) {
    for (const fetcher of ['apollo-default', 'keep-alive']) {
      const run = await measure(fetcher, dataDir);
      runs.push(run);
      console.log(`round ${round} ${fetcher.padEnd(14)} ${run.rps.toFixed(1)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms`);
    }
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
const of = (fetcher: string, key: 'rps' | 'p50' | 'p99') => median(runs.filter((run) => run.fetcher === fetcher).map((run) => run[key]));
console.log(`\n${rounds} rounds of ${seconds} s, ${connections} connections, median of rounds:`);
console.log(`throughput keep-alive / apollo-default: ${(of('keep-alive', 'rps') / of('apollo-default', 'rps')).toFixed(2)}x`);
console.log(`p50 latency keep-alive / apollo-default: ${(of('keep-alive', 'p50') / of('apollo-default', 'p50')).toFixed(2)}x`);
console.log(`p99 latency keep-alive / apollo-default: ${(of('keep-alive', 'p99') / of('apollo-default', 'p99')).toFixed(2)}x`);
