import { Migration } from '@mikro-orm/migrations';

export class CreateDocument extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "documents"."document" (
      "id" uuid primary key,
      "owner_id" uuid not null,
      "kind" text not null check ("kind" in ('CV', 'COVER_LETTER', 'CONVENTION', 'INTERNSHIP_REPORT', 'ATTESTATION', 'CERTIFICATE')),
      "file_name" varchar(255) not null,
      "content_type" varchar(100) not null,
      "size_bytes" integer not null check ("size_bytes" >= 0),
      "storage_key" varchar(512) not null unique,
      "created_at" timestamptz not null
    )`);
    this.addSql(`create index "document_owner_id_index" on "documents"."document" ("owner_id", "id")`);
  }
}
