import { Migration } from '@mikro-orm/migrations';

// Students who accepted an offer (from application.accepted): the `placed` filter of student lists.
export class Placement extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "students"."placement" (
      "student_id" uuid primary key,
      "application_id" uuid not null,
      "placed_at" timestamptz not null
    )`);
  }
}
