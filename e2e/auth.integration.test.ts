import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeAuth } from './auth.suite.js';

describeAuth('embedded', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'stages-auth-'));
  return {
    env: { PATH: process.env.PATH, STAGES_DATA_DIR: dataDir },
    async mailTo(address) {
      const folder = path.join(dataDir, 'mailbox');
      const files = (await readdir(folder).catch(() => [] as string[])).sort();
      const mails = await Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(folder, file), 'utf8')) as { to: string; text: string }));
      return mails.filter((mail) => mail.to === address).map((mail) => mail.text);
    },
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
});
