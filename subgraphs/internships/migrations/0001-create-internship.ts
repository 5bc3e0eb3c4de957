import { Migration } from '@mikro-orm/migrations';

export class CreateInternship extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "internships"."internship" (
      "id" uuid primary key,
      "application_id" uuid not null unique,
      "student_id" uuid not null,
      "enterprise_id" uuid not null,
      "offer_id" uuid not null,
      "start_date" date not null,
      "end_date" date not null,
      "status" text not null check ("status" in ('PLANNED', 'ONGOING', 'COMPLETED', 'TERMINATED')),
      "created_at" timestamptz not null,
      check ("end_date" > "start_date")
    )`);
    this.addSql(`create index "internship_student_id_index" on "internships"."internship" ("student_id", "id")`);
    this.addSql(`create index "internship_enterprise_id_index" on "internships"."internship" ("enterprise_id", "id")`);
  }
}
