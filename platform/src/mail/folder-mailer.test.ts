import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FolderMailer } from './folder-mailer.js';
import { describeMailerContract } from './mail.contract.js';

describeMailerContract('local mailbox folder', async () => {
  const mailer = new FolderMailer(await mkdtemp(path.join(tmpdir(), 'stages-mail-')), 'Stages <no-reply@stages.example>');
  return {
    mailer,
    received: async (to) => (await mailer.read()).filter((mail) => mail.to === to),
  };
});
