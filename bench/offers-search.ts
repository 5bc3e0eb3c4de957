// Search and recommendation latency at the offers subgraph, on the catalogue bench/generate-offers.ts wrote:
// the offers subgraph runs alone in this process (HTTP, GraphQL, its own pool), called one request at a time
// like the gateway does (internal secret, a signed access token). Reports p50/p95/p99 per workload and prints
// EXPLAIN (ANALYZE, BUFFERS) of representative statements, to show which indexes they use.
//
//   set -a; . .stages/infra.env; set +a
//   node --import tsx bench/offers-search.ts [--database stages_bench] [--rounds 20] [--students 200] [--explain]
//
// Searches are measured three times: "first-ever", where the search's cached total and facets are deleted before
// each request, so every search counts them (as after a cache flush, or a change to a search not counted in the
// last SUMMARY_MAX_STALE_SECONDS);
// "cold", where an offer is (pretend-)published before each request (the generation of migration 0006 is bumped),
// so every cached summary is outdated — served as it is while one request counts it again in the background
// (code before the stale-while-revalidate cache counts it before answering); and "warm", where repeated searches
// and next pages find them current in the cache (Redis when REDIS_URL is set, as in the real mode).
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import pg from 'pg';
import { createInfrastructure, createLogger, newId, startSubgraph } from '@stages/platform';
import { offersSubgraph } from '@stages/subgraph-offers/service';
import { candidatesSql, scoringStudent } from '../subgraphs/offers/src/recommendation/recommendation.service.js';
import { searchCriteria } from '../subgraphs/offers/src/search/search.criteria.js';
import { searchPageSql, searchSummarySql } from '../subgraphs/offers/src/search/search.sql.js';
import { summaryCacheKey, summaryRefreshes } from '../subgraphs/offers/src/search/search.summary-cache.js';
import type { OfferSearchFilter } from '../subgraphs/offers/src/search/search.types.js';
import { loadInfraEnv } from '../scripts/lib/infra-env.js';
import { freePort } from '../scripts/lib/ports.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'stages_bench' },
    rounds: { type: 'string', default: '20' },
    'skip-recommendations': { type: 'boolean', default: false },
    students: { type: 'string', default: '200' },
    explain: { type: 'boolean', default: false },
  },
});

loadInfraEnv();
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: `set -a; . .stages/infra.env; set +a` first');
const databaseUrl = (() => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${values.database}`;
  return url.toString();
})();

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1)! };
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** What a search page asks for: the page with scores and enterprise keys, the total and every facet. */
const SEARCH = `query ($query: String, $filter: OfferSearchFilter, $first: Int, $after: String) {
  searchOffers(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor score node { id title city remote durationMonths stipendCents startDate enterprise { id } } }
    facets { remote { value count } sectors { value count } cities { value count } durations { value count } }
  }
}`;
const RECOMMEND = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Student { recommendedOffers(first: 10) { score reasons { kind weight detail } offer { id title city } } } } }`;

interface SearchCase {
  name: string;
  query?: string;
  filter?: OfferSearchFilter;
}

const CASES: SearchCase[] = [
  { name: 'développeur', query: 'développeur' },
  { name: 'developpeur full stack, Paris 20 km', query: 'developpeur full stack', filter: { city: 'Paris', radiusKm: 20 } },
  { name: 'data engineer', query: 'data engineer' },
  { name: 'communication, hybrid or remote', query: 'communication', filter: { remote: ['HYBRID', 'REMOTE'] as never } },
  { name: 'comptable, Lyon 30 km', query: 'comptable', filter: { city: 'Lyon', radiusKm: 30 } },
  { name: 'ingénieur qualité, ≥ 4 months', query: 'ingénieur qualité', filter: { minDurationMonths: 4 } },
  { name: 'software engineer, remote', query: 'software engineer', filter: { remote: ['REMOTE'] as never } },
  { name: 'supply chain, ≥ EUR 700', query: 'supply chain', filter: { minStipendCents: 70_000 } },
  { name: 'énergies renouvelables, starting in 1-4 months', query: 'énergies renouvelables', filter: { startFrom: day(30), startTo: day(120) } },
  { name: 'actuariat, sector', query: 'actuariat', filter: { sectors: ['Autres assurances'] } },
  { name: 'bioinformatique python', query: 'bioinformatique python' },
  { name: 'audit, Bordeaux 50 km, on site', query: 'audit', filter: { city: 'Bordeaux', radiusKm: 50, remote: ['ON_SITE'] as never } },
  { name: 'stage (very broad)', query: 'stage' },
  { name: 'no words, Toulouse 25 km', filter: { city: 'Toulouse', radiusKm: 25 } },
  { name: 'no words, skills Python + SQL', filter: { skills: ['Python', 'SQL'] } },
  { name: 'no words, no filter (newest first)' },
];

async function main() {
  const logger = createLogger('bench', 'warn');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'stages-offers-bench-'));
  // A key set of our own, so the subgraph verifies tokens as it does behind the gateway.
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256', use: 'sig' };
  const jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const issuer = 'http://127.0.0.1/bench';
  const auth = {
    issuer,
    audience: 'stages',
    jwksUrl: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
    internalSecret: newId() + newId(),
    throttle: { maxFailuresPerAccount: 10, maxFailuresPerIp: 100, windowSeconds: 900 },
  };
  const token = await new SignJWT({ roles: ['SYSTEM_ADMIN'] })
    .setProtectedHeader({ alg: 'RS256', kid: 'bench', typ: 'at+jwt' })
    .setIssuer(issuer)
    .setAudience('stages')
    .setSubject(newId())
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(privateKey);
  const infrastructure = await createInfrastructure(
    { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `bench-${newId()}:`, KAFKA_CLIENT_ID: 'bench', KAFKA_PARTITIONS: 1, KAFKA_TOPIC_PREFIX: '', S3_BUCKET: 'bench', S3_REGION: 'us-east-1', MAIL_FROM: 'Bench <bench@stages.local>', STAGES_DATA_DIR: dataDir } as never,
    logger,
  );
  const offers = await startSubgraph(offersSubgraph, {
    host: '127.0.0.1',
    port: await freePort(),
    portVariable: 'OFFERS_PORT',
    databaseUrl,
    databasePoolMax: 5,
    relayIntervalMs: 60_000,
    infrastructure,
    logger,
    auth,
    clientUrl: 'http://127.0.0.1',
  });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const call = async (query: string, variables: Record<string, unknown>) => {
      const started = performance.now();
      const response = await fetch(offers.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-internal-secret': auth.internalSecret, authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      const elapsed = performance.now() - started;
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return { elapsed, data: body.data };
    };

    const { rows: [counts] } = await db.query(`select count(*)::int as offers, count(*) filter (where status = 'PUBLISHED')::int as published from offers.offer`);
    const { rows: [others] } = await db.query(`select (select count(*)::int from students.student) as students, (select count(*)::int from applications.application) as applications`);
    console.log(`catalogue: ${counts.offers} offers (${counts.published} published), ${others.students} students, ${others.applications} applications`);

    // Search: each case once to warm up, then `rounds` rounds over every case (one request at a time), first-ever,
    // cold, then warm. First-ever: the search's cached summary is deleted before each request. Cold: the generation
    // of the published offers is bumped before each request (what publishing, closing or editing an offer does), so
    // every cached summary is outdated. Warm: nothing changes between requests. Summaries still being counted in the
    // background are settled between the three.
    const rounds = Number(values.rounds);
    // The side table of migration 0006 is filled by the migration when this bench first starts the subgraph on a
    // catalogue generated before it: vacuum it as autovacuum soon would (visibility map, so index-only scans).
    if ((await db.query(`select to_regclass('offers.offer_search') is not null as present`)).rows[0].present) await db.query('vacuum (analyze) offers.offer_search');
    const hasGeneration = (await db.query(`select to_regclass('offers.offer_search_generation') is not null as present`)).rows[0].present as boolean;
    const bump = () => (hasGeneration ? db.query(`update offers.offer_search_generation set generation = generation + 1`) : Promise.resolve());
    const totals = new Map<string, number>();
    const forget = (c: SearchCase) => {
      const key = summaryCacheKey(searchCriteria(c.query, c.filter));
      return Promise.all([infrastructure.cache.delete(key), infrastructure.cache.delete(`${key}:refresh`)]);
    };
    const measure = async (mode: 'first-ever' | 'cold' | 'warm') => {
      const before = (c: SearchCase) => (mode === 'cold' ? bump() : mode === 'first-ever' ? forget(c) : Promise.resolve());
      const perCase = new Map<string, number[]>(CASES.map((c) => [c.name, []]));
      const secondPage: number[] = [];
      for (let round = 0; round < rounds; round++) {
        for (const c of CASES) {
          await before(c);
          const { elapsed, data } = await call(SEARCH, { query: c.query, filter: c.filter, first: 20 });
          perCase.get(c.name)!.push(elapsed);
          totals.set(c.name, data.searchOffers.totalCount);
          if (data.searchOffers.pageInfo.hasNextPage && c.query) {
            await before(c);
            secondPage.push((await call(SEARCH, { query: c.query, filter: c.filter, first: 20, after: data.searchOffers.pageInfo.endCursor })).elapsed);
          }
        }
      }
      await summaryRefreshes.settle();
      return { perCase, secondPage };
    };
    for (const c of CASES) await call(SEARCH, { query: c.query, filter: c.filter, first: 20 });
    const runs = { first: await measure('first-ever'), cold: await measure('cold'), warm: await measure('warm') };
    console.log('\n### Search (20 per page, with totalCount and the four facets): first-ever | cold | warm, p50 / p95 / p99\n');
    console.log('| workload | matches | first-ever | cold | warm |\n|---|---|---|---|---|');
    const cell = (samples: number[]) => {
      const x = summary(samples);
      return `${x.p50.toFixed(1)} / ${x.p95.toFixed(1)} / ${x.p99.toFixed(1)}`;
    };
    const row = (name: string, matches: string, pick: (run: typeof runs.cold) => number[]) =>
      `| ${name} | ${matches} | ${cell(pick(runs.first))} | ${cell(pick(runs.cold))} | ${cell(pick(runs.warm))} |`;
    for (const c of CASES) console.log(row(c.name, String(totals.get(c.name)), (run) => run.perCase.get(c.name)!));
    console.log(row('next page (cursor) of the queries with words', '—', (run) => run.secondPage));
    const all = (run: typeof runs.cold) => [...run.perCase.values()].flat();
    console.log(row(`**all ${all(runs.cold).length} first pages**`, '', all));
    if (values['skip-recommendations']) return;

    // Recommendations for students drawn from the students schema (their skills with levels and preferences).
    const { rows: students } = await db.query(
      `select id, skills, preferred_sectors, preferred_cities, preferred_remote, to_char(earliest_start_date, 'YYYY-MM-DD') as earliest_start_date,
         preferred_duration_months, minimum_stipend_cents from students.student order by md5(id::text) limit $1`,
      [Number(values.students)],
    );
    const representation = (row: any) => ({
      __typename: 'Student',
      id: row.id,
      skills: row.skills,
      preferences: {
        sectors: row.preferred_sectors,
        cities: row.preferred_cities,
        remote: row.preferred_remote,
        earliestStartDate: row.earliest_start_date,
        durationMonths: row.preferred_duration_months,
        minimumStipendCents: row.minimum_stipend_cents,
      },
    });
    for (const row of students.slice(0, 10)) await call(RECOMMEND, { r: [representation(row)] });
    const recommendations: number[] = [];
    let reasons = 0;
    for (let round = 0; round < 3; round++) {
      for (const row of students) {
        const { elapsed, data } = await call(RECOMMEND, { r: [representation(row)] });
        recommendations.push(elapsed);
        reasons += data._entities[0].recommendedOffers.reduce((sum: number, offer: any) => sum + offer.reasons.length, 0);
      }
    }
    const r = summary(recommendations);
    console.log(`\n### Recommendations (first: 10, ${students.length} students × 3)\n`);
    console.log(`| workload | n | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n| Student.recommendedOffers | ${r.n} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} |`);
    console.log(`(${(reasons / recommendations.length).toFixed(1)} reasons per request on average)`);
    const example = (await call(RECOMMEND, { r: [representation(students[0])] })).data._entities[0].recommendedOffers[0];
    console.log('example:', JSON.stringify(example));

    if (values.explain) {
      // The statements the subgraph sends, with their parameters (knex `?` placeholders become $n).
      const explain = async (title: string, statement: { sql: string; params: unknown[] }) => {
        let index = 0;
        const text = statement.sql.replace(/\?/g, () => `$${++index}`);
        const { rows } = await db.query(`explain (analyze, buffers) ${text}`, statement.params);
        console.log(`\n#### ${title}\n\n\`\`\`\n${rows.map((row) => row['QUERY PLAN']).join('\n')}\n\`\`\``);
      };
      const criteria = (c: SearchCase) => searchCriteria(c.query, c.filter);
      await explain('search page: "developpeur full stack" within 20 km of Paris', searchPageSql(criteria(CASES[1]!), null, 21));
      await explain('search total and facets: same search', searchSummarySql(criteria(CASES[1]!)));
      await explain('search page: "stage" (very broad)', searchPageSql(criteria(CASES[12]!), null, 21));
      await explain('search page: "communication", hybrid or remote', searchPageSql(criteria(CASES[3]!), null, 21));
      await explain('search total and facets: "communication", hybrid or remote', searchSummarySql(criteria(CASES[3]!)));
      await explain('search total and facets: "stage"', searchSummarySql(criteria(CASES[12]!)));
      await explain('search page: no words, within 25 km of Toulouse', searchPageSql(criteria(CASES[13]!), null, 21));
      await explain('search total and facets: no words, within 25 km of Toulouse', searchSummarySql(criteria(CASES[13]!)));
      await explain('search page: no words, skills Python + SQL', searchPageSql(criteria(CASES[14]!), null, 21));
      await explain('search total and facets: no words, no filter', searchSummarySql(criteria(CASES[15]!)));
      await explain('search page: no words, skills CATIA + Lean (rarer)', searchPageSql(searchCriteria(null, { skills: ['CATIA', 'Lean'] }), null, 21));
      const row = students[0];
      const student = scoringStudent(row.skills, representation(row).preferences);
      await explain(`recommendation candidates (skills ${row.skills.map((skill: { name: string }) => skill.name).join(', ')}; cities ${row.preferred_cities.join(', ')})`, candidatesSql(student, day(0)));
      const rare = scoringStudent([{ name: 'CATIA', level: 'EXPERT' as never }, { name: 'PCR', level: 'ADVANCED' as never }], { sectors: [], cities: ['Toulouse'], remote: [], earliestStartDate: null, durationMonths: null, minimumStipendCents: null });
      await explain('recommendation candidates (skills CATIA, PCR; city Toulouse; no sector)', candidatesSql(rare, day(0)));
    }
  } finally {
    await db.end();
    await offers.stop();
    await infrastructure.close();
    jwks.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
