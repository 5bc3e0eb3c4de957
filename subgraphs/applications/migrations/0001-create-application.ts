import { Migration } from '@mikro-orm/migrations';

export class CreateApplication extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "applications"."application" (
      "id" uuid primary key,
      "student_id" uuid not null,
      "offer_id" uuid not null,
      "status" text not null check ("status" in ('SUBMITTED', 'SHORTLISTED', 'INTERVIEW', 'OFFERED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')),
      "cover_letter" text null,
      "submitted_at" timestamptz not null,
      "updated_at" timestamptz not null
    )`);
    this.addSql(`create index "application_student_id_index" on "applications"."application" ("student_id", "id")`);
    this.addSql(`create index "application_offer_id_index" on "applications"."application" ("offer_id", "id")`);
    // One open application per student and offer.
    this.addSql(`create unique index "application_active_unique" on "applications"."application" ("student_id", "offer_id")
      where "status" not in ('WITHDRAWN', 'REJECTED')`);
  }
}
