import { Migration } from '@mikro-orm/migrations';

const OFFER_STATUSES = `('DRAFT', 'PUBLISHED', 'CLOSED', 'ARCHIVED')`;

// Applying (documents kept by id, a bounded cover letter), the offers as this subgraph hears of them, the
// enterprise's evaluations and its shortlists.
export class Recruiting extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "applications"."application"
      add column "document_ids" uuid[] not null default '{}' check (cardinality("document_ids") <= 5),
      add constraint "application_cover_letter_length" check (char_length("cover_letter") <= 5000)`);
    // Counts per offer and status (Offer.applicationCounts, Offer.applications(status)).
    this.addSql(`create index "application_offer_id_status_index" on "applications"."application" ("offer_id", "status")`);
    // "application_active_unique" (0001) stays the guard against two open applications of a student to one offer.

    // Read model of the offers subgraph's offer.published / offer.updated / offer.closed events.
    this.addSql(`create table "applications"."offer_snapshot" (
      "id" uuid primary key,
      "enterprise_id" uuid not null,
      "title" varchar(200) null,
      "status" text not null check ("status" in ${OFFER_STATUSES}),
      "deadline" date null,
      "updated_at" timestamptz not null
    )`);
    this.addSql(`create index "offer_snapshot_enterprise_id_index" on "applications"."offer_snapshot" ("enterprise_id")`);

    this.addSql(`create table "applications"."application_evaluation" (
      "id" uuid primary key,
      "application_id" uuid not null references "applications"."application" ("id") on delete cascade,
      "evaluator_user_id" uuid not null,
      "scores" jsonb not null,
      "comment" text null check (char_length("comment") <= 2000),
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      unique ("application_id", "evaluator_user_id")
    )`);

    this.addSql(`create table "applications"."shortlist" (
      "id" uuid primary key,
      "enterprise_id" uuid not null,
      "offer_id" uuid null,
      "name" varchar(120) not null,
      "created_by_user_id" uuid not null,
      "created_at" timestamptz not null
    )`);
    this.addSql(`create index "shortlist_enterprise_id_index" on "applications"."shortlist" ("enterprise_id", "id")`);
    this.addSql(`create unique index "shortlist_enterprise_name_unique" on "applications"."shortlist" ("enterprise_id", lower("name"))`);
    this.addSql(`create table "applications"."shortlist_entry" (
      "id" uuid primary key,
      "shortlist_id" uuid not null references "applications"."shortlist" ("id") on delete cascade,
      "application_id" uuid not null references "applications"."application" ("id") on delete cascade,
      "added_by_user_id" uuid not null,
      "added_at" timestamptz not null,
      unique ("shortlist_id", "application_id")
    )`);
    this.addSql(`create index "shortlist_entry_shortlist_id_index" on "applications"."shortlist_entry" ("shortlist_id", "id")`);
  }
}
