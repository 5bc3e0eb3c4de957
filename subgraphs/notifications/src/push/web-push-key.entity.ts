import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The VAPID key pair generated when none is configured (one row). */
@Entity({ tableName: 'web_push_key' })
export class WebPushKey {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number = 1;

  @Property({ type: 'string', length: 200 })
  publicKey!: string;

  @Property({ type: 'string', length: 200, hidden: true })
  privateKey!: string;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}
