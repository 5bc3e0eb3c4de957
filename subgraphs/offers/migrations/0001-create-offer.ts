import { Migration } from '@mikro-orm/migrations';

export class CreateOffer extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "offers"."offer" (
      "id" uuid primary key,
      "enterprise_id" uuid not null,
      "title" varchar(200) not null,
      "description" text not null,
      "city" varchar(120) not null,
      "country" char(2) not null default 'FR',
      "remote" text not null check ("remote" in ('ON_SITE', 'HYBRID', 'REMOTE')),
      "duration_months" integer not null check ("duration_months" between 1 and 12),
      "weekly_hours" integer not null default 35 check ("weekly_hours" between 1 and 48),
      "stipend_cents" integer null check ("stipend_cents" >= 0),
      "start_date" date not null,
      "deadline" date null,
      "status" text not null check ("status" in ('DRAFT', 'PUBLISHED', 'CLOSED', 'ARCHIVED')),
      "published_at" timestamptz null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null
    )`);
    this.addSql(`create index "offer_enterprise_id_index" on "offers"."offer" ("enterprise_id")`);
    this.addSql(`create index "offer_status_id_index" on "offers"."offer" ("status", "id")`);
  }
}
