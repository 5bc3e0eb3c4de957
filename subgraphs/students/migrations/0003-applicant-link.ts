import { Migration } from '@mikro-orm/migrations';

// Which enterprises a student applied to: those may see the student's public profile.
export class ApplicantLink extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "students"."applicant_link" (
      "student_id" uuid not null,
      "enterprise_id" uuid not null,
      "created_at" timestamptz not null,
      primary key ("student_id", "enterprise_id")
    )`);
    this.addSql(`create index "applicant_link_enterprise_id_index" on "students"."applicant_link" ("enterprise_id")`);
  }
}
