import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';

export enum DigestFrequency {
  NONE = 'NONE',
  DAILY = 'DAILY',
}

registerEnumType(DigestFrequency, {
  name: 'NotificationDigestFrequency',
  description: 'NONE: one e-mail per notification; DAILY: one e-mail a day gathering them.',
});

/** Whether a person's e-mails are gathered into a daily digest, and the last day one was prepared. */
@Entity({ tableName: 'digest_setting' })
export class DigestSetting {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => DigestFrequency, type: 'string' })
  frequency: DigestFrequency = DigestFrequency.NONE;

  /** Local date (digest time zone) of the last digest prepared; a user is due once a day after the digest hour. */
  @Property({ type: 'date', nullable: true })
  lastDigestOn: string | null = null;

  @Property({ type: 'Date' })
  updatedAt: Date = new Date();
}
