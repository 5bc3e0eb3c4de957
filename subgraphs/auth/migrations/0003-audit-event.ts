import { Migration } from '@mikro-orm/migrations';

export class AuditEvents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "auth"."audit_event" (
      "id" uuid primary key,
      "occurred_at" timestamptz not null,
      "action" varchar(64) not null,
      "user_id" uuid null,
      "actor_id" uuid null,
      "ip" varchar(64) null,
      "details" jsonb not null default '{}'::jsonb
    )`);
    this.addSql(`create index "audit_event_occurred_at_index" on "auth"."audit_event" ("occurred_at")`);
    this.addSql(`create index "audit_event_user_id_index" on "auth"."audit_event" ("user_id")`);
  }
}
