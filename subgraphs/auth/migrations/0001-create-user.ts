import { Migration } from '@mikro-orm/migrations';

export class CreateUser extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "auth"."user" (
      "id" uuid primary key,
      "email" varchar(254) not null,
      "display_name" varchar(120) not null,
      "roles" text[] not null default '{}',
      "status" text not null check ("status" in ('PENDING_VERIFICATION', 'ACTIVE', 'DISABLED')),
      "locale" text not null default 'fr' check ("locale" in ('fr', 'en')),
      "created_at" timestamptz not null
    )`);
    this.addSql(`create unique index "user_email_unique" on "auth"."user" (lower("email"))`);
  }
}
