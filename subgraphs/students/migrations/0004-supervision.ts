import { Migration } from '@mikro-orm/migrations';

// Which referent teacher follows which student (from internships): the teacher may see that student's profile.
export class Supervision extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "students"."supervision" (
      "student_id" uuid not null,
      "supervisor_user_id" uuid not null,
      "created_at" timestamptz not null,
      primary key ("student_id", "supervisor_user_id")
    )`);
    this.addSql(`create index "supervision_supervisor_user_id_index" on "students"."supervision" ("supervisor_user_id")`);
  }
}
