import { describe, expect, it } from 'vitest';
import { UnreachableServiceError } from '../infrastructure-errors.js';
import { requireRealSetting } from '../testing/real-services.js';
import { describeMailerContract } from './mail.contract.js';
import { SmtpMailer } from './smtp-mailer.js';

interface MailpitSummary {
  ID: string;
  Subject: string;
  To: Array<{ Address: string }>;
}

describeMailerContract('SMTP (Mailpit)', async () => {
  const mailpit = requireRealSetting('MAILPIT_URL');
  const mailer = await SmtpMailer.connect(requireRealSetting('SMTP_URL'), 'Stages <no-reply@stages.example>');
  return {
    mailer,
    async received(to) {
      const search = await fetch(`${mailpit}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}&limit=50`);
      const { messages } = (await search.json()) as { messages: MailpitSummary[] };
      return Promise.all(
        messages.map(async (summary) => {
          const message = (await (await fetch(`${mailpit}/api/v1/message/${summary.ID}`)).json()) as { Text: string };
          return { to: summary.To[0]!.Address, subject: summary.Subject, text: message.Text };
        }),
      );
    },
  };
});

describe('SmtpMailer.connect', () => {
  it('should fail at once, naming SMTP_URL, when the server is unreachable', async () => {
    const error = await SmtpMailer.connect('smtp://127.0.0.1:1', 'x@stages.example').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreachableServiceError);
    expect((error as Error).message).toMatch(/^SMTP_URL: cannot reach smtp:\/\/127\.0\.0\.1:1/);
  });
});
