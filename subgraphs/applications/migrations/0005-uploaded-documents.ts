import { Migration } from '@mikro-orm/migrations';

// Read model of the documents subgraph's `document.uploaded`: which account uploaded which document, so a student
// attaches only their own documents to an application.
export class UploadedDocuments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "applications"."uploaded_document" (
      "id" uuid primary key,
      "owner_id" uuid not null,
      "kind" text not null,
      "uploaded_at" timestamptz not null
    )`);
    this.addSql(`create index "uploaded_document_owner_id_index" on "applications"."uploaded_document" ("owner_id")`);
  }
}
