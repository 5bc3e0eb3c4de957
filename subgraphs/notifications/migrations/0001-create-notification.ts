import { Migration } from '@mikro-orm/migrations';

export class CreateNotification extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "notifications"."notification" (
      "id" uuid primary key,
      "user_id" uuid not null,
      "channel" text not null check ("channel" in ('IN_APP', 'EMAIL', 'PUSH')),
      "event_type" varchar(100) not null,
      "title" varchar(200) not null,
      "body" text not null,
      "read_at" timestamptz null,
      "created_at" timestamptz not null
    )`);
    this.addSql(`create index "notification_user_id_index" on "notifications"."notification" ("user_id", "id")`);
  }
}
