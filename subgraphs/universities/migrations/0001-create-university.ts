import { Migration } from '@mikro-orm/migrations';

export class CreateUniversity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "universities"."university" (
      "id" uuid primary key,
      "name" varchar(200) not null,
      "acronym" varchar(30) not null unique,
      "city" varchar(120) not null,
      "uai" varchar(8) null,
      "website" varchar(300) null,
      "created_at" timestamptz not null
    )`);
  }
}
