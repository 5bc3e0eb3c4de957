import { Migration } from '@mikro-orm/migrations';

// Accented letters and their plain forms, for students.fold (same length: translate maps them one to one).
const ACCENTED = 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿ’';
const PLAIN = "AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyy'";

/**
 * Turns a `text[]` skills column into the `[{ name, level }]` JSON of the full profile: names trimmed and cut to
 * 60 characters, blanks dropped, each name once (case-insensitively, first kept), at most 30, level INTERMEDIATE.
 */
export function skillsFromTextArraySql(table: string): string[] {
  return [
    `alter table ${table} add column "skills_with_levels" jsonb not null default '[]'`,
    `update ${table} set "skills_with_levels" = coalesce((
      select jsonb_agg(jsonb_build_object('name', kept.name, 'level', 'INTERMEDIATE') order by kept.ordinal)
      from (
        select unique_skill.name, unique_skill.ordinal
        from (
          select distinct on (lower(trimmed.name)) trimmed.name, trimmed.ordinal
          from (select btrim(left(btrim(raw), 60)) as name, ordinal from unnest("skills") with ordinality as skill(raw, ordinal)) as trimmed
          where trimmed.name <> ''
          order by lower(trimmed.name), trimmed.ordinal
        ) as unique_skill
        order by unique_skill.ordinal
        limit 30
      ) as kept
    ), '[]'::jsonb)`,
    `alter table ${table} drop column "skills"`,
    `alter table ${table} rename column "skills_with_levels" to "skills"`,
  ];
}

// The full profile: skills with levels (from the former list of names), contact, languages, academic records and
// internship preferences. Two immutable functions let lists filter names, programmes and skills without case or
// accents (and index them); they live in this schema, so no extension is needed.
export class StudentProfile extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "students"."fold"(value text) returns text language sql immutable strict parallel safe as $$
      select lower(translate(replace(replace(replace(replace(value, 'Œ', 'OE'), 'œ', 'oe'), 'Æ', 'AE'), 'æ', 'ae'), '${ACCENTED}', '${PLAIN.replace(/'/g, "''")}'))
    $$`);
    this.addSql(`create function "students"."skill_keys"(skills jsonb) returns text[] language sql immutable strict parallel safe as $$
      select coalesce(array_agg("students"."fold"(skill->>'name')), '{}') from jsonb_array_elements(skills) as skill
    $$`);
    for (const sql of skillsFromTextArraySql('"students"."student"')) this.addSql(sql);
    this.addSql(`alter table "students"."student"
      add constraint "student_skills_array_check" check (jsonb_typeof("skills") = 'array'),
      add column "phone" varchar(16) null,
      add column "headline" varchar(200) null,
      add column "languages" jsonb not null default '[]' check (jsonb_typeof("languages") = 'array'),
      add column "academic_records" jsonb not null default '[]' check (jsonb_typeof("academic_records") = 'array'),
      add column "preferred_sectors" text[] not null default '{}',
      add column "preferred_cities" text[] not null default '{}',
      add column "preferred_remote" text[] not null default '{}' check ("preferred_remote" <@ array['ON_SITE', 'HYBRID', 'REMOTE']),
      add column "earliest_start_date" date null,
      add column "preferred_duration_months" integer null check ("preferred_duration_months" between 1 and 12),
      add column "minimum_stipend_cents" integer null check ("minimum_stipend_cents" >= 0),
      add column "updated_at" timestamptz not null default now()`);
    this.addSql(`create index "student_skill_keys_index" on "students"."student" using gin ("students"."skill_keys"("skills"))`);
  }
}
