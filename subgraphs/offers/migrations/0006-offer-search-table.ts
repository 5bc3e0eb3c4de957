import { Migration } from '@mikro-orm/migrations';

/** Columns of `offers.offer_search`, copied from `offers.offer` by the trigger and the backfill. */
const COPIED = ['listed_at', 'remote', 'sector', 'city', 'duration_months', 'stipend_cents', 'start_date', 'latitude', 'longitude', 'skill_keys', 'search_vector'] as const;

/**
 * A narrow copy of the published offers for search: the tsvector, the filter and facet columns and the listing
 * time, nothing else (no description, no title): 75 MB for 80,000 offers instead of the 151 MB heap of
 * `offers.offer`, so broad searches and facet counts read half as much and stay in shared buffers. A trigger on
 * `offers.offer` keeps it exact in the same transaction, whoever writes (services, the deadline job, SQL), and
 * bumps a generation number the search summary cache is keyed by. Works on Postgres 15 and 18 alike.
 */
export class OfferSearchTable extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "offers"."offer_search" (
      "offer_id" uuid primary key,
      "listed_at" timestamptz not null,
      "remote" text not null,
      "sector" varchar(200) null,
      "city" varchar(120) not null,
      "duration_months" integer not null,
      "stipend_cents" integer null,
      "start_date" date not null,
      "latitude" double precision null,
      "longitude" double precision null,
      "skill_keys" text[] not null,
      "search_vector" tsvector not null
    )`);
    // One row: bumped by every change to the published offers, read by each search before its cached summary.
    this.addSql(`create table "offers"."offer_search_generation" (
      "id" boolean primary key default true check ("id"),
      "generation" bigint not null
    )`);
    this.addSql(`insert into "offers"."offer_search_generation" ("id", "generation") values (true, 1)`);

    const columns = COPIED.map((column) => `"${column}"`).join(', ');
    const values = COPIED.map((column) => `new."${column}"`).join(', ');
    const updates = COPIED.map((column) => `"${column}" = excluded."${column}"`).join(', ');
    this.addSql(`create function "offers"."offer_search_sync"() returns trigger language plpgsql as $fn$
      begin
        if tg_op <> 'INSERT' and old."status" = 'PUBLISHED' and (tg_op = 'DELETE' or new."status" <> 'PUBLISHED' or new."id" <> old."id") then
          delete from "offers"."offer_search" where "offer_id" = old."id";
        end if;
        if tg_op <> 'DELETE' and new."status" = 'PUBLISHED' then
          insert into "offers"."offer_search" ("offer_id", ${columns}) values (new."id", ${values})
          on conflict ("offer_id") do update set ${updates};
        end if;
        if (tg_op <> 'INSERT' and old."status" = 'PUBLISHED') or (tg_op <> 'DELETE' and new."status" = 'PUBLISHED') then
          perform set_config('offers.search_changed', 'on', true);
        end if;
        return null;
      end
    $fn$`);
    // Once per statement that changed published offers (the deadline job closes 200 in one): one row version.
    this.addSql(`create function "offers"."offer_search_bump"() returns trigger language plpgsql as $fn$
      begin
        if current_setting('offers.search_changed', true) = 'on' then
          update "offers"."offer_search_generation" set "generation" = "generation" + 1;
          perform set_config('offers.search_changed', 'off', true);
        end if;
        return null;
      end
    $fn$`);
    this.addSql(`create trigger "offer_search_sync" after insert or update or delete on "offers"."offer"
      for each row execute function "offers"."offer_search_sync"()`);
    this.addSql(`create trigger "offer_search_bump" after insert or update or delete on "offers"."offer"
      for each statement execute function "offers"."offer_search_bump"()`);
    // In listing order, as later offers are appended: the most recent matches of a broad search, which it ranks,
    // then sit on few pages.
    this.addSql(`insert into "offers"."offer_search" ("offer_id", ${columns})
      select "id", ${columns} from "offers"."offer" where "status" = 'PUBLISHED' order by "listed_at"`);

    // GIN without the pending list: every search reads the index as it is, none pays for merging it.
    this.addSql(`create index "offer_search_table_vector_index" on "offers"."offer_search" using gin ("search_vector") with (fastupdate = off)`);
    this.addSql(`create index "offer_search_skill_keys_index" on "offers"."offer_search" using gin ("skill_keys") with (fastupdate = off)`);
    // Newest first, covering the facet and filter columns: browsing and counting without words read only this.
    this.addSql(`create index "offer_search_listed_index" on "offers"."offer_search" ("listed_at" desc, "offer_id" desc)
      include ("remote", "sector", "city", "duration_months", "stipend_cents", "start_date", "latitude", "longitude")`);
    this.addSql(`create index "offer_search_position_index" on "offers"."offer_search" ("latitude", "longitude")`);
    this.addSql(`create index "offer_search_sector_index" on "offers"."offer_search" ("sector", "listed_at" desc)`);
    this.addSql(`create index "offer_search_city_key_index" on "offers"."offer_search" ("offers"."fold"("city"))`);
    this.addSql(`analyze "offers"."offer_search"`);
  }
}
