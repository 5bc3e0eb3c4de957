import { Migration } from '@mikro-orm/migrations';

// Applications whose documents the enterprise may no longer read (withdrawn or rejected): an application.created
// delivered again later (a replayed dead letter) must not share them anew.
export class ClosedApplications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "documents"."closed_application" (
      "application_id" uuid primary key,
      "closed_at" timestamptz not null
    )`);
  }
}
