import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeLiveUpdates } from './live-updates.suite.js';

// Embedded mode: in-process events and an in-memory hub.
describeLiveUpdates('embedded', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'stages-live-'));
  return { env: { PATH: process.env.PATH, STAGES_DATA_DIR: dataDir }, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
});
