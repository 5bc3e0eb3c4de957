import { Migration } from '@mikro-orm/migrations';

export class CreateStudent extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "students"."student" (
      "id" uuid primary key,
      "user_id" uuid null unique,
      "university_id" uuid not null,
      "first_name" varchar(100) not null,
      "last_name" varchar(100) not null,
      "email" varchar(254) not null,
      "program" varchar(200) not null,
      "year_of_study" integer not null check ("year_of_study" between 1 and 8),
      "city" varchar(120) not null,
      "skills" text[] not null default '{}',
      "created_at" timestamptz not null
    )`);
    this.addSql(`create index "student_university_id_index" on "students"."student" ("university_id", "id")`);
  }
}
