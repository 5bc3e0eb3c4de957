import { Migration } from '@mikro-orm/migrations';

// A profile created at registration has no programme, year or city yet: the student completes it later.
export class ProfileCompletion extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "students"."student" alter column "program" drop not null, alter column "year_of_study" drop not null, alter column "city" drop not null`);
  }
}
