import { Migration } from '@mikro-orm/migrations';

// The enterprise of the offer and the university of the student, copied when the application is made, so
// who may see an application is decided here without asking other subgraphs.
export class ApplicationParties extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "applications"."application" add column "enterprise_id" uuid null, add column "university_id" uuid null`);
    this.addSql(`create index "application_enterprise_id_index" on "applications"."application" ("enterprise_id", "id")`);
    this.addSql(`create index "application_university_id_index" on "applications"."application" ("university_id", "id")`);
  }
}
