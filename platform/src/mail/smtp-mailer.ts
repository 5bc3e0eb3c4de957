import nodemailer, { type Transporter } from 'nodemailer';
import { UnreachableServiceError } from '../infrastructure-errors.js';
import type { MailMessage, Mailer, SentMail } from './mailer.js';

export class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;

  private constructor(private readonly transport: Transporter, private readonly from: string) {}

  /** Opens and verifies the SMTP connection, so an unreachable SMTP_URL stops the service at start. */
  static async connect(url: string, from: string): Promise<SmtpMailer> {
    const transport = nodemailer.createTransport(url, { pool: true, maxConnections: 2 } as nodemailer.TransportOptions);
    try {
      await transport.verify();
    } catch (error) {
      transport.close();
      throw new UnreachableServiceError('SMTP_URL', url, error);
    }
    return new SmtpMailer(transport, from);
  }

  async send(message: MailMessage): Promise<SentMail> {
    const info = await this.transport.sendMail({ from: this.from, ...message });
    return { messageId: String(info.messageId) };
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
