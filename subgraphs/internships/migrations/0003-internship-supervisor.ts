import { Migration } from '@mikro-orm/migrations';

// The referent teacher (university supervisor) who follows the internship.
export class InternshipSupervisor extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "internships"."internship" add column "supervisor_user_id" uuid null`);
    this.addSql(`create index "internship_supervisor_user_id_index" on "internships"."internship" ("supervisor_user_id", "id")`);
  }
}
