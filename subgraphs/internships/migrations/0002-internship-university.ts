import { Migration } from '@mikro-orm/migrations';

// University of the student, copied when the internship starts, so its staff's access is decided here.
export class InternshipUniversity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "internships"."internship" add column "university_id" uuid null`);
    this.addSql(`create index "internship_university_id_index" on "internships"."internship" ("university_id", "id")`);
  }
}
