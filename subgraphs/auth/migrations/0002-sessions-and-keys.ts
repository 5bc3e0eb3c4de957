import { Migration } from '@mikro-orm/migrations';

export class SessionsAndKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "auth"."user"
      add column "password_hash" varchar(255) null,
      add column "student_id" uuid null,
      add column "enterprise_id" uuid null,
      add column "university_id" uuid null,
      add column "email_verified_at" timestamptz null,
      add column "last_login_at" timestamptz null`);
    this.addSql(`create table "auth"."signing_key" (
      "kid" varchar(64) primary key,
      "public_jwk" jsonb not null,
      "private_jwk" jsonb not null,
      "created_at" timestamptz not null,
      "retired_at" timestamptz null
    )`);
    this.addSql(`create table "auth"."refresh_token" (
      "id" uuid primary key,
      "user_id" uuid not null references "auth"."user" ("id") on delete cascade,
      "family_id" uuid not null,
      "token_hash" char(64) not null unique,
      "expires_at" timestamptz not null,
      "created_at" timestamptz not null,
      "rotated_at" timestamptz null,
      "revoked_at" timestamptz null
    )`);
    this.addSql(`create index "refresh_token_family_id_index" on "auth"."refresh_token" ("family_id")`);
    this.addSql(`create table "auth"."email_token" (
      "id" uuid primary key,
      "user_id" uuid not null references "auth"."user" ("id") on delete cascade,
      "purpose" text not null check ("purpose" in ('VERIFY_EMAIL', 'RESET_PASSWORD')),
      "token_hash" char(64) not null unique,
      "expires_at" timestamptz not null,
      "used_at" timestamptz null,
      "created_at" timestamptz not null
    )`);
  }
}
