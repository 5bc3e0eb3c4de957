import { Migration } from '@mikro-orm/migrations';

export class Totp extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "auth"."user"
      add column "totp_secret" varchar(64) null,
      add column "totp_pending_secret" varchar(64) null,
      add column "totp_enabled_at" timestamptz null,
      add column "totp_last_time_step" bigint null`);
    this.addSql(`create table "auth"."recovery_code" (
      "id" uuid primary key,
      "user_id" uuid not null references "auth"."user" ("id") on delete cascade,
      "code_hash" char(64) not null unique,
      "used_at" timestamptz null,
      "created_at" timestamptz not null
    )`);
    this.addSql(`create index "recovery_code_user_id_index" on "auth"."recovery_code" ("user_id")`);
  }
}
