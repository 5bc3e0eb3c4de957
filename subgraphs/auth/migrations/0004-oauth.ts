import { Migration } from '@mikro-orm/migrations';

export class OAuth extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "auth"."oauth_client" (
      "client_id" varchar(64) primary key,
      "name" varchar(120) not null,
      "type" text not null check ("type" in ('PUBLIC', 'CONFIDENTIAL')),
      "secret_hash" char(64) null,
      "redirect_uris" text[] not null default '{}',
      "grant_types" text[] not null default '{}',
      "scopes" text[] not null default '{}',
      "created_at" timestamptz not null,
      check (("type" = 'PUBLIC') = ("secret_hash" is null))
    )`);
    this.addSql(`create table "auth"."authorization_code" (
      "code_hash" char(64) primary key,
      "client_id" varchar(64) not null references "auth"."oauth_client" ("client_id") on delete cascade,
      "user_id" uuid not null references "auth"."user" ("id") on delete cascade,
      "redirect_uri" text not null,
      "code_challenge" varchar(128) not null,
      "scope" varchar(200) not null,
      "expires_at" timestamptz not null,
      "used_at" timestamptz null
    )`);
  }
}
