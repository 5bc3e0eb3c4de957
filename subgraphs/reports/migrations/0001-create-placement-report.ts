import { Migration } from '@mikro-orm/migrations';

export class CreatePlacementReport extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "reports"."placement_report" (
      "id" uuid primary key,
      "university_id" uuid not null,
      "academic_year" varchar(9) not null check ("academic_year" ~ '^[0-9]{4}-[0-9]{4}$'),
      "student_count" integer not null check ("student_count" >= 0),
      "placed_count" integer not null check ("placed_count" >= 0),
      "application_count" integer not null check ("application_count" >= 0),
      "average_stipend_cents" integer null,
      "updated_at" timestamptz not null,
      unique ("university_id", "academic_year")
    )`);
  }
}
