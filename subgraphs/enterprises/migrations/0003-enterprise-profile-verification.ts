import { Migration } from '@mikro-orm/migrations';

// The full profile (description, certifications, addresses, contacts) and the verification workflow: a recruiter
// submits the enterprise, a system administrator verifies or rejects it with a reason.
export class EnterpriseProfileVerification extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "enterprises"."enterprise" drop constraint if exists "enterprise_verification_status_check"`);
    this.addSql(`alter table "enterprises"."enterprise"
      add constraint "enterprise_verification_status_check" check ("verification_status" in ('PENDING', 'SUBMITTED', 'VERIFIED', 'REJECTED')),
      add column "description" text null check (char_length("description") <= 5000),
      add column "certifications" text[] not null default '{}' check (cardinality("certifications") <= 20),
      add column "verification_note" text null check (char_length("verification_note") <= 1000),
      add column "verification_requested_at" timestamptz null,
      add column "verification_decided_at" timestamptz null,
      add column "verification_decided_by" uuid null,
      add column "updated_at" timestamptz not null default now(),
      add column "version" integer not null default 1`);
    this.addSql(`create index "enterprise_verification_status_index" on "enterprises"."enterprise" ("verification_status", "id")`);

    this.addSql(`create table "enterprises"."enterprise_address" (
      "id" uuid primary key,
      "enterprise_id" uuid not null references "enterprises"."enterprise" ("id") on delete cascade,
      "label" varchar(60) null,
      "line1" varchar(200) not null,
      "line2" varchar(200) null,
      "postal_code" varchar(20) not null,
      "city" varchar(120) not null,
      "country" char(2) not null check ("country" ~ '^[A-Z]{2}$'),
      "is_head_office" boolean not null default false
    )`);
    // At most one head office: checked on each change, which also bumps the enterprise's version (two at once conflict).
    this.addSql(`create index "enterprise_address_enterprise_id_index" on "enterprises"."enterprise_address" ("enterprise_id", "id")`);

    this.addSql(`create table "enterprises"."enterprise_contact" (
      "id" uuid primary key,
      "enterprise_id" uuid not null references "enterprises"."enterprise" ("id") on delete cascade,
      "name" varchar(120) not null,
      "role" varchar(120) null,
      "email" varchar(254) null,
      "phone" varchar(30) null
    )`);
    this.addSql(`create index "enterprise_contact_enterprise_id_index" on "enterprises"."enterprise_contact" ("enterprise_id", "id")`);
  }
}
