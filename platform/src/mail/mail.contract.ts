import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer } from './mailer.js';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

export interface MailerUnderTest {
  mailer: Mailer;
  /** What the mailbox received for this address (the local folder, or Mailpit's API). */
  received(to: string): Promise<ReceivedMail[]>;
}

/** The behaviour every Mailer must have; run against the local mailbox folder and SMTP alike. */
export function describeMailerContract(name: string, create: () => Promise<MailerUnderTest>): void {
  describe(`Mailer contract (${name})`, () => {
    let subject: MailerUnderTest;

    beforeAll(async () => {
      subject = await create();
    });
    afterAll(() => subject?.mailer.close());

    it('should deliver a message with its subject and accented text', async () => {
      const to = `etudiant.${randomUUID()}@stages.example`;
      const sent = await subject.mailer.send({
        to,
        subject: 'Votre candidature a été acceptée',
        text: 'Félicitations ! L’entreprise Numéria Conseil a accepté votre candidature.',
        html: '<p>Félicitations !</p>',
      });
      expect(sent.messageId).toMatch(/@/);
      const received = await waitFor(() => subject.received(to), (mails) => mails.length === 1);
      expect(received[0]).toMatchObject({ to, subject: 'Votre candidature a été acceptée' });
      expect(received[0]!.text).toContain('Numéria Conseil a accepté');
    });

    it('should deliver each message once when several are sent at the same time', async () => {
      const to = `rh.${randomUUID()}@stages.example`;
      await Promise.all([1, 2, 3].map((n) => subject.mailer.send({ to, subject: `Message ${n}`, text: `Corps ${n}` })));
      const received = await waitFor(() => subject.received(to), (mails) => mails.length >= 3);
      expect(received.map((mail) => mail.subject).sort()).toEqual(['Message 1', 'Message 2', 'Message 3']);
    });
  });
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
