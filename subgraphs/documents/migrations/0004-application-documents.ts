import { Migration } from '@mikro-orm/migrations';

// The documents a student attached to an application, as `application.created` tells them: the enterprise the
// application went to may read them until the student withdraws it.
export class ApplicationDocuments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "documents"."application_document" (
      "id" uuid primary key,
      "application_id" uuid not null,
      "document_id" uuid not null references "documents"."document" ("id") on delete cascade,
      "enterprise_id" uuid not null,
      "shared_at" timestamptz not null,
      unique ("application_id", "document_id")
    )`);
    this.addSql(`create index "application_document_document_id_index" on "documents"."application_document" ("document_id")`);
  }
}
