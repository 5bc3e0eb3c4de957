import { Migration } from '@mikro-orm/migrations';

// Documents people upload; a student's CV may be the one their profile shows (at most one each).
export class Uploads extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "documents"."document" add column "profile_cv" boolean not null default false`);
    this.addSql(`alter table "documents"."document" add constraint "document_profile_cv_check" check (not "profile_cv" or ("kind" = 'CV' and "student_id" is not null))`);
    this.addSql(`create unique index "document_profile_cv_unique" on "documents"."document" ("student_id") where "profile_cv"`);
  }
}
