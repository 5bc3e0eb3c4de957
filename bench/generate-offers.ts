// Fills a fresh database with a catalogue at scale for the offers benchmarks: enterprises (the offers subgraph's
// enterprise profiles), offers in French and English across ten sectors and ~140 French cities, students with
// skills (levels) and internship preferences in the students schema, and applications in the applications schema.
// Each subgraph's own migrations create its schema first; rows are written in bulk (unnest of arrays for the
// generated rows, INSERT … SELECT generate_series on the server for applications), then vacuumed and analysed.
//
//   set -a; . .stages/infra.env; set +a
//   node --import tsx bench/generate-offers.ts [--database stages_bench] [--offers 100000] [--students 20000] \
//     [--applications 500000] [--enterprises 2000] [--seed 42]
//
// The database named is dropped and created again on the server of DATABASE_URL (it must not be DATABASE_URL's).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { newId, openDatabase, type SubgraphDefinition } from '@stages/platform';
import { applicationsSubgraph } from '@stages/subgraph-applications/service';
import { knownCities } from '@stages/subgraph-offers/gazetteer';
import { offersSubgraph } from '@stages/subgraph-offers/service';
import { studentsSubgraph } from '@stages/subgraph-students/service';
import { FIRST_NAMES, LAST_NAMES, PROGRAMS, SECTORS } from '../scripts/demo/names.js';
import { loadInfraEnv } from '../scripts/lib/infra-env.js';
import { random } from '../scripts/demo/random.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'stages_bench' },
    offers: { type: 'string', default: '100000' },
    students: { type: 'string', default: '20000' },
    applications: { type: 'string', default: '500000' },
    enterprises: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '42' },
  },
});
const size = { offers: Number(values.offers), students: Number(values.students), applications: Number(values.applications), enterprises: Number(values.enterprises) };

/** The URL of the bench database on DATABASE_URL's server. */
function benchDatabaseUrl(database = values.database!): string {
  loadInfraEnv();
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: `set -a; . .stages/infra.env; set +a` (npm run infra:up) first');
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

// English titles of the same jobs, for the offers written in English (about one in five).
const ENGLISH_TITLES: Record<string, string[]> = {
  '62.01Z': ['Full-stack developer internship', 'DevOps engineering internship', 'Mobile developer internship', 'Data engineering internship', 'Software engineer intern'],
  '70.22Z': ['Junior consultant internship', 'Business transformation analyst intern', 'Strategy consulting internship'],
  '69.20Z': ['Accounting assistant internship', 'Junior auditor internship'],
  '72.11Z': ['Laboratory technician internship', 'Bioinformatics internship', 'Clinical research assistant intern'],
  '30.30Z': ['Structural engineering internship', 'Production quality internship', 'Embedded systems engineer intern'],
  '35.11Z': ['Renewable energy internship', 'Solar project engineer intern'],
  '73.11Z': ['Communications officer internship', 'Social media internship', 'Graphic designer internship'],
  '52.29A': ['Supply chain internship', 'Transport analyst internship'],
  '65.12Z': ['Actuarial internship', 'Risk management internship', 'Insurance legal intern'],
  '86.10Z': ['Hospital management control internship', 'Biomedical engineering intern'],
};
const TEAMS_FR = ['au sein de l’équipe produit', 'dans notre pôle innovation', 'auprès de la direction financière', 'dans une équipe de six personnes', 'au cœur de nos projets clients', 'avec nos ingénieur·e·s'];
const TASKS_FR = ['Vous participerez à la conception et au suivi des projets.', 'Vous analyserez les données et proposerez des améliorations.', 'Vous contribuerez aux livrables et aux présentations clients.', 'Vous serez formé·e à nos outils et méthodes.', 'Vous rédigerez la documentation et les comptes rendus.'];
const TEAMS_EN = ['within the product team', 'in our innovation hub', 'with the finance department', 'in a team of six', 'on our client projects'];
const TASKS_EN = ['You will help design and follow up projects.', 'You will analyse data and suggest improvements.', 'You will contribute to deliverables and client presentations.', 'You will be trained on our tools and methods.'];
const GENERIC_SKILLS = ['Anglais', 'Excel', 'Communication', 'Python', 'SQL', 'Gestion de projet', 'Power BI', 'Travail en équipe'];

// Where internships are: weighted roughly by the size of each city's job market.
const CITY_WEIGHTS: Record<string, number> = { Paris: 30, 'La Défense': 6, 'Boulogne-Billancourt': 3, 'Issy-les-Moulineaux': 2, Lyon: 10, Toulouse: 7, Marseille: 5, Bordeaux: 5, Lille: 5, Nantes: 5, Rennes: 4, Grenoble: 4, Strasbourg: 3, Montpellier: 3, Nice: 3, 'Sophia Antipolis': 2 };
const cities = knownCities();
const cityWeights = cities.map((place) => [place, CITY_WEIGHTS[place.city] ?? 0.4] as const);
const LEGAL_CENTS_PER_HOUR = 450;

async function migrate(url: string, definition: SubgraphDefinition<unknown>) {
  const db = await openDatabase({ schema: definition.name, url, entities: definition.entities, migrations: definition.migrations, poolMax: 1 });
  try {
    await db.migrate();
  } finally {
    await db.close();
  }
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const days = (count: number) => count * 86_400_000;

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function main() {
  const url = benchDatabaseUrl();
  const database = values.database!;
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error('--database: letters, digits and underscores');
  if (new URL(process.env.DATABASE_URL!).pathname === `/${database}`) throw new Error('--database must not be the database of DATABASE_URL');
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.query(`create database ${database}`);
  await admin.end();
  console.log(`database ${database} created; size: ${JSON.stringify(size)}`);

  await timed('migrations (offers, students, applications)', async () => {
    for (const definition of [offersSubgraph, studentsSubgraph, applicationsSubgraph]) await migrate(url, definition as unknown as SubgraphDefinition<unknown>);
  });

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rng = random(Number(values.seed));
  const now = Date.now();

  // Enterprises: a sector each, all verified (publishing is not what is measured).
  const enterprises = Array.from({ length: size.enterprises }, () => ({ id: newId(), sector: rng.pick(SECTORS) }));
  await timed(`${size.enterprises} enterprise profiles`, () =>
    client.query(
      `insert into offers.enterprise_profile (enterprise_id, sector, verification_status, updated_at)
       select id, sector, 'VERIFIED', now() from unnest($1::uuid[], $2::text[]) as e(id, sector)`,
      [enterprises.map((e) => e.id), enterprises.map((e) => e.sector.sector)],
    ),
  );

  await timed(`${size.offers} offers`, async () => {
    const BATCH = 5000;
    for (let start = 0; start < size.offers; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, size.offers - start) }, () => {
        const enterprise = rng.pick(enterprises);
        const sector = enterprise.sector;
        const english = rng.next() < 0.2;
        const place = rng.weighted(cityWeights);
        const skills = [...new Set([...rng.sample(sector.skills, rng.int(2, Math.min(4, sector.skills.length))), ...rng.sample(GENERIC_SKILLS, rng.int(0, 2))])];
        const durationMonths = rng.weighted([[1, 5], [2, 12], [3, 10], [4, 15], [5, 13], [6, 45]] as const);
        const weeklyHours = rng.weighted([[35, 85], [39, 10], [28, 5]] as const);
        const monthlyHours = (weeklyHours * 52) / 12;
        const due = durationMonths * monthlyHours > 308;
        const minimum = Math.ceil(LEGAL_CENTS_PER_HOUR * monthlyHours);
        const stipendCents = due ? Math.ceil((minimum * rng.pick([1, 1, 1.1, 1.25, 1.5, 2])) / 100) * 100 : rng.pick([null, null, 50_000, 60_000]);
        const status = rng.weighted([['PUBLISHED', 80], ['CLOSED', 8], ['DRAFT', 7], ['ARCHIVED', 5]] as const);
        const publishedAt = status === 'DRAFT' ? null : new Date(now - days(rng.int(0, 180)) - rng.int(0, 86_399_000));
        const startDate = new Date(now + days(rng.int(15, 300)));
        const deadline = rng.next() < 0.7 ? isoDate(new Date(startDate.getTime() - days(rng.int(7, 40)))) : null;
        const title = english ? rng.pick(ENGLISH_TITLES[sector.naf] ?? ['Internship']) : rng.pick(sector.titles);
        const description = english
          ? `${title} ${rng.pick(TEAMS_EN)} in ${place.city} (${sector.sector}). ${rng.pick(TASKS_EN)} ${rng.pick(TASKS_EN)} Skills we value: ${skills.join(', ')}. ${durationMonths}-month internship, ${weeklyHours} hours a week.`
          : `${title} ${rng.pick(TEAMS_FR)} à ${place.city} (${sector.sector.toLowerCase()}). ${rng.pick(TASKS_FR)} ${rng.pick(TASKS_FR)} Compétences appréciées : ${skills.join(', ')}. Stage de ${durationMonths} mois, ${weeklyHours} heures par semaine.`;
        const jitter = () => (rng.next() - 0.5) * 0.06;
        return {
          id: newId(),
          enterpriseId: enterprise.id,
          title,
          description,
          skills: JSON.stringify(skills),
          sector: sector.sector,
          city: place.city,
          latitude: place.latitude + jitter(),
          longitude: place.longitude + jitter(),
          remote: rng.weighted([['ON_SITE', 60], ['HYBRID', 30], ['REMOTE', 10]] as const),
          durationMonths,
          weeklyHours,
          stipendCents,
          startDate: isoDate(startDate),
          deadline: status === 'PUBLISHED' && deadline !== null && deadline < isoDate(new Date(now)) ? null : deadline,
          status,
          publishedAt,
          createdAt: new Date((publishedAt ?? new Date(now)).getTime() - days(rng.int(0, 20))),
        };
      });
      const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
      await client.query(
        `insert into offers.offer (id, enterprise_id, title, description, skills, sector, city, country, latitude, longitude, remote, duration_months,
           weekly_hours, stipend_cents, start_date, deadline, status, published_at, created_at, updated_at)
         select id, enterprise_id, title, description, array(select jsonb_array_elements_text(skills)), sector, city, 'FR', latitude, longitude, remote,
           duration_months, weekly_hours, stipend_cents, start_date, deadline, status, published_at, created_at, created_at
         from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::text[],
           $11::int[], $12::int[], $13::int[], $14::date[], $15::date[], $16::text[], $17::timestamptz[], $18::timestamptz[])
           as o(id, enterprise_id, title, description, skills, sector, city, latitude, longitude, remote, duration_months, weekly_hours, stipend_cents,
             start_date, deadline, status, published_at, created_at)`,
        [
          column('id'), column('enterpriseId'), column('title'), column('description'), column('skills'), column('sector'), column('city'),
          column('latitude'), column('longitude'), column('remote'), column('durationMonths'), column('weeklyHours'), column('stipendCents'),
          column('startDate'), column('deadline'), column('status'), column('publishedAt'), column('createdAt'),
        ],
      );
    }
  });

  // Students: written directly in the students schema, in the columns its migrations created (as the students
  // subgraph stores skills with levels and preferences); columns this generator does not know must have defaults.
  const { rows: studentColumns } = await client.query<{ column_name: string; data_type: string; is_nullable: string; column_default: string | null; is_generated: string }>(
    `select column_name, data_type, is_nullable, column_default, is_generated from information_schema.columns where table_schema = 'students' and table_name = 'student'`,
  );
  const universities = Array.from({ length: 10 }, () => newId());
  const studentCities = cities.filter((place) => (CITY_WEIGHTS[place.city] ?? 0) >= 3).map((place) => place.city);
  const students = Array.from({ length: size.students }, (_, index) => {
    const sector = rng.pick(SECTORS);
    const firstName = rng.pick(FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    const home = rng.pick(studentCities);
    return {
      id: newId(),
      user_id: newId(),
      university_id: rng.pick(universities),
      first_name: firstName,
      last_name: lastName,
      email: `etudiant.${index}@bench.example`,
      program: rng.pick(PROGRAMS),
      year_of_study: rng.int(1, 5),
      city: home,
      skills: JSON.stringify(
        [...new Set([...rng.sample(sector.skills, rng.int(2, 4)), ...rng.sample(GENERIC_SKILLS, rng.int(0, 3))])].map((name) => ({
          name,
          level: rng.pick(['BEGINNER', 'INTERMEDIATE', 'INTERMEDIATE', 'ADVANCED', 'EXPERT']),
        })),
      ),
      preferred_sectors: JSON.stringify(rng.next() < 0.8 ? [sector.sector] : []),
      preferred_cities: JSON.stringify(rng.next() < 0.5 ? [home] : [home, rng.pick(studentCities)]),
      preferred_remote: JSON.stringify(rng.pick([[], ['ON_SITE', 'HYBRID'], ['HYBRID', 'REMOTE'], ['REMOTE']])),
      earliest_start_date: isoDate(new Date(now + days(rng.int(10, 150)))),
      preferred_duration_months: rng.pick([2, 3, 4, 6, 6, null]),
      minimum_stipend_cents: rng.pick([null, null, 60_000, 70_000, 80_000]),
      created_at: new Date(now - days(rng.int(0, 365))),
    };
  });
  const known = Object.keys(students[0]!);
  const present = new Map(studentColumns.map((column) => [column.column_name, column]));
  const missingRequired = studentColumns.filter((column) => column.is_nullable === 'NO' && column.column_default === null && column.is_generated !== 'ALWAYS' && !known.includes(column.column_name));
  if (missingRequired.length) throw new Error(`students.student has required columns this generator does not fill: ${missingRequired.map((c) => c.column_name).join(', ')}`);
  const written = known.filter((name) => present.has(name));
  const skipped = known.filter((name) => !present.has(name));
  const cast = (name: string) => {
    const type = present.get(name)!.data_type;
    if (type === 'ARRAY') return { param: 'jsonb[]', value: (v: string) => `array(select jsonb_array_elements_text(${v}))` };
    if (type === 'jsonb') return { param: 'jsonb[]', value: (v: string) => v };
    const pgType = { uuid: 'uuid', text: 'text', 'character varying': 'text', integer: 'int', date: 'date', 'timestamp with time zone': 'timestamptz' }[type] ?? 'text';
    return { param: `${pgType}[]`, value: (v: string) => v };
  };
  await timed(`${size.students} students (${written.length} columns${skipped.length ? `; not in this schema: ${skipped.join(', ')}` : ''})`, async () => {
    const BATCH = 5000;
    for (let start = 0; start < students.length; start += BATCH) {
      const batch = students.slice(start, start + BATCH);
      const casts = written.map(cast);
      await client.query(
        `insert into students.student (${written.map((name) => `"${name}"`).join(', ')})
         select ${written.map((name, index) => casts[index]!.value(`s."${name}"`)).join(', ')}
         from unnest(${written.map((_, index) => `$${index + 1}::${casts[index]!.param}`).join(', ')}) as s(${written.map((name) => `"${name}"`).join(', ')})`,
        written.map((name) => batch.map((student) => student[name as keyof typeof student])),
      );
    }
  });

  await timed(`${size.applications} applications`, () =>
    client.query(
      `with s as (select array_agg(id order by id) as ids, array_agg(university_id order by id) as universities from students.student),
            o as (select array_agg(id order by id) as ids, array_agg(enterprise_id order by id) as enterprises from offers.offer where status in ('PUBLISHED', 'CLOSED')),
            picks as (
              select 1 + floor(random() * cardinality(s.ids))::int as si, 1 + floor(random() * cardinality(o.ids))::int as oi, g
              from s, o, generate_series(1, $1::int) as g
            )
       insert into applications.application (id, student_id, offer_id, enterprise_id, university_id, status, cover_letter, submitted_at, updated_at)
       select gen_random_uuid(), s.ids[p.si], o.ids[p.oi], o.enterprises[p.oi], s.universities[p.si],
         (array['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'SHORTLISTED', 'INTERVIEW', 'OFFERED', 'REJECTED', 'REJECTED', 'ACCEPTED', 'WITHDRAWN'])[1 + (p.g % 10)],
         'Madame, Monsieur, votre offre a retenu toute mon attention.', now() - (p.g % 120) * interval '1 day', now()
       from picks as p, s, o
       on conflict do nothing`,
      [size.applications],
    ),
  );

  await timed('vacuum analyze', async () => {
    for (const table of ['offers.offer', 'offers.offer_search', 'offers.enterprise_profile', 'students.student', 'applications.application']) await client.query(`vacuum (analyze) ${table}`);
  });
  const counts = await client.query(
    `select (select count(*) from offers.offer) as offers, (select count(*) from offers.offer where status = 'PUBLISHED') as published,
       (select count(*) from students.student) as students, (select count(*) from applications.application) as applications,
       pg_size_pretty(pg_total_relation_size('offers.offer')) as offer_size, pg_size_pretty(pg_database_size(current_database())) as database_size`,
  );
  console.log(counts.rows[0]);
  await client.end();
}

await main();
