import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface RunningPlatform {
  /** Base URL of the gateway, ending with `/`. */
  url: string;
  stop(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const readyLine = /Stages is ready at (http:\/\/\S+)/;
const startTimeoutMs = 180_000;
const stopTimeoutMs = 60_000;

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** The platform under test: the one at `STAGES_URL`, or a fresh one started for this run. */
export async function usePlatform(): Promise<RunningPlatform> {
  const given = process.env.STAGES_URL;
  if (given) return { url: withTrailingSlash(given), stop: async () => {} };
  return startPlatform();
}

/** Runs `scripts/start.ts` on free ports with its own data dir, resolving once it prints its ready line. */
export async function startPlatform(): Promise<RunningPlatform> {
  const dataDir = await mkdtemp(join(tmpdir(), 'stages-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, STAGES_FREE_PORTS: '1', STAGES_DATA_DIR: dataDir },
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
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Stages was not ready within ${startTimeoutMs / 1000} s:\n${tail.join('\n')}`)),
        startTimeoutMs,
      );
      stdout.on('line', (line) => {
        remember(line);
        const match = readyLine.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`scripts/start.ts exited (${signal ?? code}) before it was ready:\n${tail.join('\n')}`));
      });
    });
    return { url: withTrailingSlash(url), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
