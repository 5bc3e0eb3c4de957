import { Migration } from '@mikro-orm/migrations';
import { knownCities } from '../src/location/gazetteer.js';

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Offer details (skills, sector, coordinates) and full-text search: accent-insensitive French and English text
 * search configurations (unaccent, then each language's stemmer), a generated tsvector weighting the title (A),
 * the skills (B) and the description (C), and the indexes search, recommendations and the deadline job use.
 */
export class OfferSearch extends Migration {
  override async up(): Promise<void> {
    // unaccent ships with Postgres (contrib) in the embedded binaries and Debian's postgresql-15 alike, and is a
    // trusted extension (no superuser needed). A database may have it already, in another schema: use that one.
    this.addSql(`create extension if not exists unaccent with schema "offers"`);
    this.addSql(`do $do$
      declare ext text := (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'unaccent');
      begin
        create text search configuration "offers"."fr" (copy = pg_catalog.french);
        execute format('alter text search configuration "offers"."fr" alter mapping for hword, hword_part, word with %I.unaccent, french_stem', ext);
        create text search configuration "offers"."en" (copy = pg_catalog.english);
        execute format('alter text search configuration "offers"."en" alter mapping for hword, hword_part, word with %I.unaccent, english_stem', ext);
        -- Lower case without accents or ligatures, for skills and city names. Immutable (a fixed dictionary), so
        -- generated columns and indexes may use it.
        execute format('create function "offers"."fold"(value text) returns text language sql immutable strict parallel safe as %L',
          format('select lower(%I.unaccent(%L::regdictionary, value))', ext, format('%I.unaccent', ext)));
      end
    $do$`);
    this.addSql(`create function "offers"."skill_keys"(skills text[]) returns text[] language sql immutable parallel safe
      as $$ select coalesce(array_agg(distinct "offers"."fold"(btrim(skill)) order by "offers"."fold"(btrim(skill))), '{}') from unnest(skills) as skill where btrim(skill) <> '' $$`);
    // Inclusive French writing ("développeur·se", "ingénieur•e") must read as the word: the middle dots split it.
    this.addSql(`create function "offers"."search_text"(value text) returns text language sql immutable strict parallel safe
      as $$ select translate(value, '·•‧⋅', '    ') $$`);
    this.addSql(`create function "offers"."skills_text"(skills text[]) returns text language sql immutable parallel safe
      as $$ select coalesce(array_to_string(skills, ', '), '') $$`);
    // Great-circle distance in km (haversine), the same formula as src/location/geo.ts.
    this.addSql(`create function "offers"."distance_km"(lat1 double precision, lon1 double precision, lat2 double precision, lon2 double precision)
      returns double precision language sql immutable strict parallel safe
      as $$ select 2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(lat2 - lat1) / 2), 2) + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2)))) $$`);

    this.addSql(`alter table "offers"."offer"
      add column "skills" text[] not null default '{}',
      add column "sector" varchar(200) null,
      add column "latitude" double precision null check ("latitude" between -90 and 90),
      add column "longitude" double precision null check ("longitude" between -180 and 180),
      add column "skill_keys" text[] generated always as ("offers"."skill_keys"("skills")) stored,
      add column "listed_at" timestamptz generated always as (coalesce("published_at", "created_at")) stored,
      add column "search_vector" tsvector generated always as (
        setweight(to_tsvector('offers.fr'::regconfig, "offers"."search_text"("title")), 'A') || setweight(to_tsvector('offers.en'::regconfig, "offers"."search_text"("title")), 'A') ||
        setweight(to_tsvector('offers.fr'::regconfig, "offers"."skills_text"("skills")), 'B') || setweight(to_tsvector('offers.en'::regconfig, "offers"."skills_text"("skills")), 'B') ||
        setweight(to_tsvector('offers.fr'::regconfig, "offers"."search_text"("description")), 'C') || setweight(to_tsvector('offers.en'::regconfig, "offers"."search_text"("description")), 'C')
      ) stored`);

    // Offers written before coordinates existed are placed from the gazetteer.
    const places = knownCities().map((place) => `(${sqlText(place.city)}, ${place.latitude}, ${place.longitude})`).join(', ');
    this.addSql(`update "offers"."offer" as o set "latitude" = g.latitude, "longitude" = g.longitude
      from (values ${places}) as g(city, latitude, longitude)
      where o."latitude" is null and "offers"."fold"(o."city") = "offers"."fold"(g.city)`);

    // Search and recommendations only ever read published offers: partial indexes stay small.
    const published = `where "status" = 'PUBLISHED'`;
    this.addSql(`create index "offer_search_vector_index" on "offers"."offer" using gin ("search_vector") ${published}`);
    this.addSql(`create index "offer_skill_keys_index" on "offers"."offer" using gin ("skill_keys") ${published}`);
    // Newest first for browsing, and covering the facet columns: counting facets without words reads only this.
    this.addSql(`create index "offer_listed_index" on "offers"."offer" ("listed_at" desc, "id" desc)
      include ("remote", "sector", "city", "duration_months", "stipend_cents", "start_date", "latitude", "longitude") ${published}`);
    this.addSql(`create index "offer_position_index" on "offers"."offer" ("latitude", "longitude") ${published}`);
    this.addSql(`create index "offer_sector_listed_index" on "offers"."offer" ("sector", "listed_at" desc) ${published}`);
    this.addSql(`create index "offer_city_key_index" on "offers"."offer" ("offers"."fold"("city")) ${published}`);
    this.addSql(`create index "offer_deadline_index" on "offers"."offer" ("deadline") ${published}`);
  }
}
