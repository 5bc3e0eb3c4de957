// `npm test`: unit and embedded integration suites always; the real-infrastructure suites when the services are
// configured (after `npm run infra:up`) and always under CI=true, where a missing service fails them; the
// browser suite when Chromium is installed (always under CI). Ends with one "N passed, N failed" line.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadInfraEnv } from './lib/infra-env.js';
import { ROOT } from './lib/supergraph.js';
import { REAL_BROWSER_SUITES } from '../vitest.config.js';

const REAL_SETTINGS = ['DATABASE_URL', 'REDIS_URL', 'KAFKA_BROKERS', 'S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'SMTP_URL', 'MAILPIT_URL'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ci = process.env.CI === 'true';

// Settings written by `npm run infra:up`; variables already in the environment win.
loadInfraEnv();

const projects = ['unit', 'integration'];
const notRun: string[] = [];
const missing = REAL_SETTINGS.filter((name) => !process.env[name]);
if (ci || missing.length === 0) projects.push('real');
else {
  const suites = ['platform', 'gateway', 'subgraphs', 'e2e']
    .flatMap((folder) => readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' }).map((file) => path.join(folder, file)))
    .filter((file) => file.endsWith('.real.test.ts') && !file.includes('node_modules'))
    .sort();
  notRun.push(
    `real-infrastructure suites (${suites.join(', ')}): ${missing.join(', ')} not set. Start Postgres, Redis, Kafka, S3 and Mailpit with \`npm run infra:up\`, then run \`npm test\` again.`,
  );
}
if (ci || existsSync(CHROMIUM)) projects.push('browser');
else {
  notRun.push(`browser suite (e2e/*.browser.test.ts): no Chromium at ${CHROMIUM}. Install it with \`apt-get install chromium\` (or set CHROMIUM_PATH).`);
  // vitest.config.ts leaves it out of the real project then.
  if (projects.includes('real')) notRun.push(`${REAL_BROWSER_SUITES.join(', ')}: it drives the web client, and there is no Chromium.`);
}

const reportDir = await mkdtemp(path.join(tmpdir(), 'stages-test-'));
const report = path.join(reportDir, 'report.json');
const vitest = path.join(ROOT, 'node_modules/vitest/vitest.mjs');
const args = [vitest, 'run', ...projects.flatMap((project) => ['--project', project]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const code = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
});

let summary = 'Tests: no report was written';
try {
  const result = JSON.parse(await readFile(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: Array<{ name: string; status: string; assertionResults: Array<{ status: string }> }>;
  };
  const skipped = result.numPendingTests + result.numTodoTests;
  // A file can fail with no failing test: its setup or teardown (beforeAll, afterAll) threw, or it did not load.
  const outside = result.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'));
  summary = `Tests: ${result.numPassedTests} passed, ${result.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
  if (outside.length > 0) {
    summary += `; ${outside.length === 1 ? '1 file' : `${outside.length} files`} failed outside ${outside.length === 1 ? 'its' : 'their'} tests (setup, teardown or loading): ${outside.map((file) => path.relative(ROOT, file.name)).join(', ')}`;
  }
} catch {
  // Vitest stopped before reporting (e.g. a configuration error); its own output says why.
}
await rm(reportDir, { recursive: true, force: true });

process.stdout.write(`\nSuites run: ${projects.join(', ')}\n`);
for (const line of notRun) process.stdout.write(`Not run: ${line}\n`);
process.stdout.write(`${summary}\n`);
process.exit(code);
