export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface SentMail {
  messageId: string;
}

/** Outgoing email: written to a local mailbox folder in the embedded mode, sent over SMTP otherwise. */
export interface Mailer {
  readonly kind: 'folder' | 'smtp';
  send(message: MailMessage): Promise<SentMail>;
  close(): Promise<void>;
}
