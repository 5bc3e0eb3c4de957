import { Migration } from '@mikro-orm/migrations';

// Notifications from events: who they go to (a read model of accounts), what each person wants, and the
// outgoing e-mails and web pushes, sent after the transaction that decided them commits.
export class ChannelsAndPreferences extends Migration {
  override async up(): Promise<void> {
    const q = (table: string) => `"notifications"."${table}"`;
    this.addSql(`alter table ${q('notification')} rename column "user_id" to "recipient_user_id"`);
    this.addSql(`alter index "notifications"."notification_user_id_index" rename to "notification_recipient_user_id_index"`);
    this.addSql(`alter table ${q('notification')} add column "event_id" uuid null, add column "link" varchar(500) null`);
    // A redelivered event cannot notify the same person twice on the same channel.
    this.addSql(`alter table ${q('notification')} add constraint "notification_event_recipient_channel_unique" unique ("event_id", "recipient_user_id", "channel")`);
    this.addSql(`create index "notification_unread_index" on ${q('notification')} ("recipient_user_id") where "read_at" is null`);

    this.addSql(`create table ${q('recipient')} (
      "user_id" uuid primary key,
      "email" varchar(320) not null,
      "display_name" varchar(200) not null,
      "locale" text not null check ("locale" in ('fr', 'en')),
      "roles" text[] not null,
      "student_id" uuid null,
      "enterprise_id" uuid null,
      "university_id" uuid null,
      "updated_at" timestamptz not null
    )`);
    this.addSql(`create index "recipient_enterprise_id_index" on ${q('recipient')} ("enterprise_id")`);
    this.addSql(`create index "recipient_student_id_index" on ${q('recipient')} ("student_id")`);

    this.addSql(`create table ${q('preference')} (
      "user_id" uuid not null,
      "event_type" varchar(100) not null,
      "channel" text not null check ("channel" in ('IN_APP', 'EMAIL', 'PUSH')),
      "enabled" boolean not null,
      "updated_at" timestamptz not null,
      primary key ("user_id", "event_type", "channel")
    )`);

    this.addSql(`create table ${q('digest_setting')} (
      "user_id" uuid primary key,
      "frequency" text not null check ("frequency" in ('NONE', 'DAILY')),
      "last_digest_on" date null,
      "updated_at" timestamptz not null
    )`);
    this.addSql(`create index "digest_setting_daily_index" on ${q('digest_setting')} ("last_digest_on") where "frequency" = 'DAILY'`);

    this.addSql(`create table ${q('push_subscription')} (
      "id" uuid primary key,
      "user_id" uuid not null,
      "endpoint" varchar(2048) not null unique,
      "p256dh" varchar(200) not null,
      "auth" varchar(100) not null,
      "created_at" timestamptz not null
    )`);
    this.addSql(`create index "push_subscription_user_id_index" on ${q('push_subscription')} ("user_id")`);

    this.addSql(`create table ${q('delivery')} (
      "id" uuid primary key,
      "event_id" uuid not null,
      "event_type" varchar(100) not null,
      "recipient_user_id" uuid not null,
      "channel" text not null check ("channel" in ('EMAIL', 'PUSH')),
      "title" varchar(200) not null,
      "body" text not null,
      "link" varchar(500) null,
      "notification_id" uuid null,
      "status" text not null check ("status" in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'HELD', 'DIGESTED')),
      "digest_id" uuid null,
      "attempts" integer not null default 0,
      "next_attempt_at" timestamptz not null,
      "last_error" varchar(500) null,
      "created_at" timestamptz not null,
      "sent_at" timestamptz null,
      constraint "delivery_event_recipient_channel_unique" unique ("event_id", "recipient_user_id", "channel")
    )`);
    this.addSql(`create index "delivery_due_index" on ${q('delivery')} ("next_attempt_at") where "status" in ('PENDING', 'SENDING')`);
    this.addSql(`create index "delivery_held_index" on ${q('delivery')} ("recipient_user_id", "created_at") where "status" = 'HELD'`);

    // Generated VAPID keys when none are configured: in the database, so every instance signs with the same.
    this.addSql(`create table ${q('web_push_key')} (
      "id" integer primary key check ("id" = 1),
      "public_key" varchar(200) not null,
      "private_key" varchar(200) not null,
      "created_at" timestamptz not null
    )`);
  }
}
