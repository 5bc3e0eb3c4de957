import { Migration } from '@mikro-orm/migrations';

const STATUSES = `('SUBMITTED', 'SHORTLISTED', 'INTERVIEW', 'OFFERED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')`;

// Status changes keep their history, and a version guards against two changes made from the same status at once.
export class ApplicationStatusHistory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "applications"."application" add column "version" integer not null default 1`);
    this.addSql(`create table "applications"."application_status_change" (
      "id" uuid primary key,
      "application_id" uuid not null references "applications"."application" ("id") on delete cascade,
      "from_status" text not null check ("from_status" in ${STATUSES}),
      "to_status" text not null check ("to_status" in ${STATUSES}),
      "reason" text null check (char_length("reason") <= 1000),
      "actor_user_id" uuid not null,
      "at" timestamptz not null
    )`);
    this.addSql(`create index "application_status_change_application_id_index" on "applications"."application_status_change" ("application_id", "id")`);
  }
}
