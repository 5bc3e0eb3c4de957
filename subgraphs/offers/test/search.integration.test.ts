import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../scripts/lib/platform.js';
import { RANK_WINDOW } from '../src/search/search.sql.js';
import { summaryRefreshes } from '../src/search/search.summary-cache.js';

interface Result<T = any> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

const SEARCH = `query ($query: String, $filter: OfferSearchFilter, $first: Int, $after: String) {
  searchOffers(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { score node { id } }
    facets { remote { value count } cities { value count } }
  }
}`;
const PAGE_ONLY = `query ($query: String) { searchOffers(query: $query, first: 5) { edges { node { id } } } }`;

// The search side table (migration 0006) and what rests on it, through the gateway: the table follows every
// write to offers, a cached total and facets are counted again after any change to the published offers (served
// meanwhile, stale-while-revalidate), a search costs one statement when its summary is cached, and a search
// matching more than RANK_WINDOW offers ranks the most recent ones, the others following newest first.
describe('offer search: side table, summary cache, ranked window (embedded)', () => {
  let platform: RunningPlatform;
  let dataDir = '';
  let token = '';
  let enterpriseId = '';

  async function gql<T = any>(document: string, variables: Record<string, unknown> = {}, auth = false): Promise<Result<T>> {
    const response = await fetch(platform.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document, variables }),
    });
    return (await response.json()) as Result<T>;
  }

  async function sql<T = any>(query: string, params: unknown[] = []): Promise<T[]> {
    return platform.subgraphs.get('offers')!.db.orm.em.fork().getConnection().execute<T[]>(query, params);
  }

  async function search(variables: Record<string, unknown>) {
    const result = await gql(SEARCH, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.searchOffers;
  }

  /** The statements the offers subgraph sends while `action` runs (its relay and deadline job left out). */
  async function statementsOf(action: () => Promise<unknown>): Promise<string[]> {
    await summaryRefreshes.settle();
    const statements: string[] = [];
    const stop = platform.subgraphs.get('offers')!.db.onQuery((statement) => {
      if (!/outbox|processed_event|"deadline" < |^(begin|commit|rollback)/i.test(statement.trim())) statements.push(statement);
    });
    try {
      await action();
    } finally {
      stop();
    }
    return statements;
  }

  /** `count` published offers about `word`, in one statement: the n-th listed n minutes ago (n from 1). */
  async function insertOffers(word: string, count: number, title: (n: string) => string, city = 'Lyon'): Promise<void> {
    await sql(
      `insert into offers.offer (id, enterprise_id, title, description, city, country, latitude, longitude, remote, duration_months, weekly_hours,
         stipend_cents, start_date, status, skills, sector, published_at, created_at, updated_at)
       select gen_random_uuid(), ?, ${title('n')}, 'Une mission ' || ? || ' au sein de notre équipe.', ?, 'FR', 45.764, 4.8357, 'ON_SITE', 6, 35,
         80000, current_date + 90, 'PUBLISHED', '{}', 'Brasserie artisanale', now() - n * interval '1 minute', now(), now()
       from generate_series(1, ?) as n`,
      [enterpriseId, word, city, count],
    );
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'stages-offer-search-'));
    platform = await startPlatform({ PATH: process.env.PATH, STAGES_DATA_DIR: dataDir, STAGES_FREE_PORTS: 'true', STAGES_SERVE_CLIENT: 'false', LOG_LEVEL: 'error' });
    const admin = platform.demoAccounts!.accounts.find((account) => account.role === 'SYSTEM_ADMIN')!;
    token = (await gql(`mutation { login(email: "${admin.email}", password: "${platform.demoAccounts!.password}") { accessToken } }`)).data!.login.accessToken;
    const [verified] = await sql<{ enterprise_id: string }>(`select enterprise_id from offers.enterprise_profile where verification_status = 'VERIFIED' limit 1`);
    enterpriseId = verified!.enterprise_id;
  });

  afterAll(async () => {
    await platform?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should keep the side table to the published offers, whoever writes', async () => {
    await insertOffers('hydromel', 3, () => `'Stage hydromel'`);
    const published = await sql<{ id: string }>(`select id from offers.offer where title = 'Stage hydromel' order by listed_at desc`);
    expect(await sql(`select count(*)::int as n from offers.offer_search where offer_id in (?, ?, ?)`, published.map((row) => row.id))).toEqual([{ n: 3 }]);
    await sql(`update offers.offer set status = 'CLOSED' where id = ?`, [published[0]!.id]);
    await sql(`update offers.offer set city = 'Villeurbanne' where id = ?`, [published[1]!.id]);
    expect(await sql(`select offer_id, city from offers.offer_search where offer_id in (?, ?, ?) order by listed_at desc`, published.map((row) => row.id))).toEqual([
      { offer_id: published[1]!.id, city: 'Villeurbanne' },
      { offer_id: published[2]!.id, city: 'Lyon' },
    ]);
    await sql(`delete from offers.offer where id = ?`, [published[2]!.id]);
    expect(await sql(`select count(*)::int as n from offers.offer_search where offer_id = ?`, [published[2]!.id])).toEqual([{ n: 0 }]);
  });

  it('should count a cached total and facets again when published offers change, and only then, serving them meanwhile', async () => {
    await insertOffers('chouchenn', 2, () => `'Stage chouchenn'`);
    const before = await search({ query: 'chouchenn' });
    expect(before.totalCount).toBe(2);
    expect(before.facets.cities).toEqual([{ value: 'Lyon', count: 2 }]);
    const [{ generation }] = (await sql<{ generation: string }>(`select generation::text as generation from offers.offer_search_generation`)) as [{ generation: string }];

    // A draft changes nothing searchable: the generation, and so the cached summary, stay.
    await sql(`insert into offers.offer (id, enterprise_id, title, description, city, country, remote, duration_months, start_date, status, created_at, updated_at)
      values (gen_random_uuid(), ?, 'Stage chouchenn brouillon', 'Une mission chouchenn.', 'Lyon', 'FR', 'ON_SITE', 6, current_date + 90, 'DRAFT', now(), now())`, [enterpriseId]);
    expect(await sql(`select generation::text as generation from offers.offer_search_generation`)).toEqual([{ generation }]);

    // Published through the API (the subgraph's own write) and directly in SQL (as the deadline job does): both seen.
    const created = await gql(
      `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id } }`,
      { input: { enterpriseId, title: 'Stage chouchenn à Rennes', description: 'Une mission chouchenn en Bretagne.', city: 'Rennes', remote: 'ON_SITE', startDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10), durationMonths: 2, weeklyHours: 35 } },
      true,
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const id = created.data!.createOffer.id;
    expect((await gql(`mutation ($id: ID!) { publishOffer(id: $id) { status } }`, { id }, true)).data!.publishOffer.status).toBe('PUBLISHED');
    // The first search after the change is served the summary cached a moment ago (its facets say 2), its page
    // is exact, and so is its total (a complete first page is the whole result); the summary is counted again in
    // the background, and the next search finds it current.
    const served = await search({ query: 'chouchenn' });
    expect(served.edges).toHaveLength(3);
    expect(served.totalCount).toBe(3);
    expect(served.facets.cities).toEqual([{ value: 'Lyon', count: 2 }]);
    await summaryRefreshes.settle();
    const published = await search({ query: 'chouchenn' });
    expect(published.totalCount).toBe(3);
    expect(published.facets.cities).toEqual([{ value: 'Lyon', count: 2 }, { value: 'Rennes', count: 1 }]);

    await sql(`update offers.offer set status = 'CLOSED' where id = ?`, [id]);
    expect((await search({ query: 'chouchenn' })).facets.cities).toEqual([{ value: 'Lyon', count: 2 }, { value: 'Rennes', count: 1 }]);
    await summaryRefreshes.settle();
    expect((await search({ query: 'chouchenn' })).totalCount).toBe(2);
  });

  it('should cost one statement with a cached summary, two without, one for a page alone', async () => {
    await insertOffers('cervoise', 30, () => `'Stage cervoise'`);
    const cold = await statementsOf(() => search({ query: 'cervoise', first: 20 }));
    expect(cold).toHaveLength(2);
    let after = '';
    const warm = await statementsOf(async () => {
      after = (await search({ query: 'cervoise', first: 20 })).pageInfo.endCursor;
    });
    expect(warm).toHaveLength(1);
    // The next page: its total and facets are the first page's, from the cache.
    const next = await statementsOf(async () => expect((await search({ query: 'cervoise', first: 20, after })).edges).toHaveLength(10));
    expect(next).toHaveLength(1);
    expect(await statementsOf(() => gql(PAGE_ONLY, { query: 'cervoise' }))).toHaveLength(1);
  });

  it(`should rank the ${RANK_WINDOW} most recent matches of a broad search, then list the older ones newest first`, async () => {
    // The 10 oldest name the word in their title (the best rank), the RANK_WINDOW newer ones in their description.
    await insertOffers('kvas', RANK_WINDOW + 10, (n) => `case when ${n} > ${RANK_WINDOW} then 'Stage kvas' else 'Stage boissons fermentées' end`);
    const oldest = (await sql<{ id: string }>(`select id from offers.offer where title = 'Stage kvas' order by listed_at desc, id desc`)).map((row) => row.id);
    expect(oldest).toHaveLength(10);

    const first = await search({ query: 'kvas', first: 100 });
    expect(first.totalCount).toBe(RANK_WINDOW + 10);
    expect(first.edges.every((edge: any) => edge.score > 0 && !oldest.includes(edge.node.id))).toBe(true);

    // Paging to the end: every match once, the window's 5,000 ranked, then the 10 older ones with a score of 0.
    const seen: Array<{ id: string; score: number }> = first.edges.map((edge: any) => ({ id: edge.node.id, score: edge.score }));
    let after = first.pageInfo.endCursor;
    while (after) {
      const page = await search({ query: 'kvas', first: 100, after });
      seen.push(...page.edges.map((edge: any) => ({ id: edge.node.id, score: edge.score })));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    expect(new Set(seen.map((edge) => edge.id)).size).toBe(RANK_WINDOW + 10);
    expect(seen.slice(-10)).toEqual(oldest.map((id) => ({ id, score: 0 })));
    expect(seen.slice(0, RANK_WINDOW).every((edge) => edge.score > 0)).toBe(true);

  });
});
