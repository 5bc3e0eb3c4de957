import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeSupergraph } from './supergraph.suite.js';

// Embedded mode: embedded Postgres in a fresh folder, in-process events, memory cache, local files and mailbox.
describeSupergraph('embedded', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'stages-it-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, STAGES_DATA_DIR: dataDir };
  return { env, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
});
