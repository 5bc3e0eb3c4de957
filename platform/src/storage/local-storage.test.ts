import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalStorage } from './local-storage.js';
import { describeStorageContract } from './storage.contract.js';

describeStorageContract('local folder', async () => new LocalStorage(await mkdtemp(path.join(tmpdir(), 'stages-storage-'))));
