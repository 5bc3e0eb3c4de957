import { Migration } from '@mikro-orm/migrations';

// Documents generated for an internship (attestation, evaluation form) belong to its parties rather than to one
// account; one of each kind per internship.
export class InternshipDocuments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "documents"."document" alter column "owner_id" drop not null`);
    this.addSql(`alter table "documents"."document"
      add column "internship_id" uuid null,
      add column "student_id" uuid null,
      add column "enterprise_id" uuid null,
      add column "university_id" uuid null`);
    this.addSql(`alter table "documents"."document" drop constraint "document_kind_check"`);
    this.addSql(`alter table "documents"."document" add constraint "document_kind_check"
      check ("kind" in ('CV', 'COVER_LETTER', 'CONVENTION', 'INTERNSHIP_REPORT', 'ATTESTATION', 'CERTIFICATE', 'EVALUATION_FORM'))`);
    this.addSql(`alter table "documents"."document" add constraint "document_owner_or_internship_check"
      check ("owner_id" is not null or ("internship_id" is not null and "student_id" is not null))`);
    this.addSql(`create unique index "document_internship_kind_unique" on "documents"."document" ("internship_id", "kind") where "internship_id" is not null`);
    this.addSql(`create index "document_student_id_index" on "documents"."document" ("student_id", "id") where "student_id" is not null`);
    this.addSql(`create index "document_enterprise_id_index" on "documents"."document" ("enterprise_id", "id") where "enterprise_id" is not null`);
    this.addSql(`create index "document_university_id_index" on "documents"."document" ("university_id", "id") where "university_id" is not null`);
  }
}
