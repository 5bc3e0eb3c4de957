import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './supergraph.js';

export const CLIENT_DIST = path.join(ROOT, 'client/dist');

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target);
  const times = await Promise.all(entries.map((entry) => newestMtime(path.join(target, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/** Builds the client with Vite when client/dist is missing or older than the client's sources. */
export async function ensureClientBuilt(log: (line: string) => void): Promise<void> {
  const index = path.join(CLIENT_DIST, 'index.html');
  if (existsSync(index)) {
    const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((entry) => path.join(ROOT, 'client', entry)).filter((entry) => existsSync(entry));
    const newest = Math.max(...(await Promise.all(sources.map(newestMtime))));
    if ((await stat(index)).mtimeMs >= newest) return;
  }
  log('Building the web client (first start or client sources changed)…');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'client', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed with exit code ${code}`))));
  });
}
