import { Migration } from '@mikro-orm/migrations';

// A student's saved search: the words and the filters, in columns a new offer is matched against in one query.
export class SavedSearch extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "offers"."saved_search" (
      "id" uuid primary key,
      "user_id" uuid not null,
      "student_id" uuid null,
      "name" varchar(100) not null,
      "query" varchar(200) null,
      "ts_query" tsquery generated always as (
        case when "query" is null then null
        else websearch_to_tsquery('offers.fr'::regconfig, "offers"."search_text"("query")) || websearch_to_tsquery('offers.en'::regconfig, "offers"."search_text"("query")) end
      ) stored,
      "skills" text[] not null default '{}',
      "skill_keys" text[] generated always as ("offers"."skill_keys"("skills")) stored,
      "city" varchar(120) null,
      "radius_km" double precision null,
      "center_latitude" double precision null,
      "center_longitude" double precision null,
      "remote" text[] not null default '{}',
      "min_duration_months" integer null,
      "max_duration_months" integer null,
      "min_stipend_cents" integer null,
      "start_from" date null,
      "start_to" date null,
      "sectors" text[] not null default '{}',
      "created_at" timestamptz not null
    )`);
    this.addSql(`create index "saved_search_user_id_index" on "offers"."saved_search" ("user_id", "id")`);
  }
}
