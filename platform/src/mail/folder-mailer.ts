import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MailMessage, Mailer, SentMail } from './mailer.js';

export interface StoredMail extends MailMessage {
  messageId: string;
  from: string;
  date: string;
}

/** Writes each message as a JSON file, newest last by name, so developers can read what would have been sent. */
export class FolderMailer implements Mailer {
  readonly kind = 'folder' as const;

  constructor(private readonly folder: string, private readonly from: string) {}

  async send(message: MailMessage): Promise<SentMail> {
    await mkdir(this.folder, { recursive: true });
    const messageId = `<${randomUUID()}@stages.local>`;
    const date = new Date().toISOString();
    const stored: StoredMail = { ...message, messageId, from: this.from, date };
    await writeFile(path.join(this.folder, `${date.replace(/[:.]/g, '-')}-${randomUUID()}.json`), JSON.stringify(stored, null, 2));
    return { messageId };
  }

  /** Messages in the mailbox, oldest first. */
  async read(): Promise<StoredMail[]> {
    const files = (await readdir(this.folder).catch(() => [] as string[])).filter((file) => file.endsWith('.json')).sort();
    return Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(this.folder, file), 'utf8')) as StoredMail));
  }

  async close(): Promise<void> {}
}
