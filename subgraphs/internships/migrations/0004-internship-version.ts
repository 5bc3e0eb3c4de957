import { Migration } from '@mikro-orm/migrations';

// Guards changes: two made at once from the same state cannot both commit.
export class InternshipVersion extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "internships"."internship" add column "version" integer not null default 1`);
  }
}
