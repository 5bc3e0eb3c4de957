import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@stages/platform';
import { startPlatform, type RunningPlatform } from '../scripts/lib/platform.js';

interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  requestId: string | null;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

const UNKNOWN_ID = '0190c3a2-1111-7111-8111-111111111111';

/** Acceptance cases of the supergraph, each a named operation through the gateway; run in both modes. */
export function describeSupergraph(mode: string, environment: () => Promise<{ env: NodeJS.ProcessEnv; cleanup(): Promise<void> }>): void {
  describe(`supergraph through the gateway (${mode})`, () => {
    let platform: RunningPlatform;
    let cleanup: () => Promise<void> = async () => undefined;

    async function query<T = Record<string, any>>(
      document: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ): Promise<GraphQLResponse<T>> {
      const response = await fetch(platform.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: document, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'requestId'>;
      return { status: response.status, requestId: response.headers.get('x-request-id'), ...body };
    }

    /** SQL a subgraph sends for requests while `action` runs (its outbox relay's polling is left out). */
    async function sqlOf(subgraph: string, action: () => Promise<unknown>): Promise<string[]> {
      const statements: string[] = [];
      const stop = platform.subgraphs.get(subgraph)!.db.onQuery((sql) => {
        if (!/outbox|^(begin|commit|rollback);?$/i.test(sql.trim())) statements.push(sql);
      });
      try {
        await action();
      } finally {
        stop();
      }
      return statements;
    }

    let adminToken = '';

    beforeAll(async () => {
      const prepared = await environment();
      cleanup = prepared.cleanup;
      platform = await startPlatform({ ...prepared.env, STAGES_FREE_PORTS: 'true', STAGES_SERVE_CLIENT: 'false', LOG_LEVEL: 'error' });
      const admin = platform.demoAccounts!.accounts.find((account) => account.role === 'SYSTEM_ADMIN')!;
      const login = await query(
        'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
        { email: admin.email, password: platform.demoAccounts!.password },
      );
      adminToken = login.data!.login.accessToken;
    });

    afterAll(async () => {
      await platform?.stop();
      await cleanup();
    });

    const OFFERS_WITH_ENTERPRISES = /* GraphQL */ `
      query OffersWithEnterprises($first: Int!) {
        offers(first: $first) {
          totalCount
          edges { node { id title enterprise { id name } applicationCount } }
          pageInfo { hasNextPage endCursor }
        }
      }
    `;

    it('1. should list offers with their enterprise names and application counts from three subgraphs', async () => {
      const result = await query(OFFERS_WITH_ENTERPRISES, { first: 50 });
      expect(result.errors).toBeUndefined();
      const edges = result.data!.offers.edges as Array<{ node: { id: string; title: string; enterprise: { id: string; name: string }; applicationCount: number } }>;
      expect(edges).toHaveLength(50);
      expect(result.data!.offers.totalCount).toBeGreaterThan(50);
      for (const { node } of edges) {
        expect(node.title).toMatch(/^Stage /);
        expect(node.enterprise.name.length).toBeGreaterThan(2);
      }
      // The counts are those stored by the applications subgraph.
      const ids = edges.map((edge) => edge.node.id);
      const stored = await platform.subgraphs
        .get('applications')!
        .db.orm.em.fork()
        .getConnection()
        .execute<Array<{ offer_id: string; count: string }>>(
          `select offer_id, count(*) as count from applications.application where offer_id in (?) group by offer_id`,
          [ids],
        );
      const expected = new Map(stored.map((row) => [row.offer_id, Number(row.count)]));
      expect(edges.map((edge) => edge.node.applicationCount)).toEqual(ids.map((id) => expected.get(id) ?? 0));
      expect(edges.some((edge) => edge.node.applicationCount > 0)).toBe(true);
    });

    it('2. should load the enterprises and the counts of 50 offers with one SQL query each (no N+1)', async () => {
      let enterprisesSql: string[] = [];
      const applicationsSql = await sqlOf('applications', async () => {
        enterprisesSql = await sqlOf('enterprises', () => query(OFFERS_WITH_ENTERPRISES, { first: 50 }));
      });
      expect(enterprisesSql).toHaveLength(1);
      expect(enterprisesSql[0]).toMatch(/from "enterprises"\."enterprise"/);
      expect(applicationsSql).toHaveLength(1);
      expect(applicationsSql[0]).toMatch(/count\(\*\)/);
    });

    it('3. should walk every offer page by page with cursors, each offer once', async () => {
      const seen = new Set<string>();
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 50; page++) {
        const result: GraphQLResponse = await query(
          `query OffersPage($after: String) { offers(first: 40, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        total = result.data!.offers.totalCount;
        for (const edge of result.data!.offers.edges) seen.add(edge.node.id);
        if (!result.data!.offers.pageInfo.hasNextPage) break;
        after = result.data!.offers.pageInfo.endCursor;
      }
      expect(seen.size).toBe(total);
    });

    it('4. should resolve Application.student, Application.offer and Student.applications across subgraphs', async () => {
      const result = await query(
        `
        query ApplicationsRoundTrip {
          applications(first: 5) {
            edges { node { id status student { id firstName university { name } applications(first: 20) { edges { node { id } } } } offer { id title enterprise { name } } } }
          }
        }
      `,
        {},
        { authorization: `Bearer ${adminToken}` },
      );
      expect(result.errors).toBeUndefined();
      for (const { node } of result.data!.applications.edges) {
        expect(node.student.firstName).toBeTruthy();
        expect(node.student.university.name).toMatch(/Universit|Sorbonne/);
        expect(node.student.applications.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(node.id);
        expect(node.offer.title).toMatch(/^Stage /);
        expect(node.offer.enterprise.name).toBeTruthy();
      }
    });

    it('5. should resolve Offer.applications and University.students in batches', async () => {
      const result = await query(
        `
        query Nested {
          universities(first: 3) { edges { node { name students(first: 2) { totalCount edges { node { lastName } } } } } }
          offers(first: 10) { edges { node { applications(first: 1) { totalCount edges { node { status } } } applicationCount } } }
        }
      `,
        {},
        { authorization: `Bearer ${adminToken}` },
      );
      expect(result.errors).toBeUndefined();
      for (const { node } of result.data!.universities.edges) expect(node.students.totalCount).toBeGreaterThan(0);
      for (const { node } of result.data!.offers.edges) expect(node.applications.totalCount).toBe(node.applicationCount);
    });

    it.each([
      ['offer', 'Offer'],
      ['enterprise', 'Enterprise'],
      ['student', 'Student'],
      ['university', 'University'],
      ['application', 'Application'],
      ['internship', 'Internship'],
      ['document', 'Document'],
      ['notification', 'Notification'],
      ['user', 'User'],
      ['placementReport', 'PlacementReport'],
    ])('6. should answer NOT_FOUND for an unknown %s id and BAD_USER_INPUT for a malformed one', async (field, type) => {
      const missing = await query(`query Missing($id: ID!) { ${field}(id: $id) { id } }`, { id: UNKNOWN_ID });
      expect(missing.data).toBeNull();
      expect(missing.errors).toEqual([
        expect.objectContaining({ message: `${type} ${UNKNOWN_ID} was not found.`, extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
      ]);
      const malformed = await query(`query Malformed($id: ID!) { ${field}(id: $id) { id } }`, { id: "1' or '1'='1" });
      expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    });

    it('7. should refuse a page size over the maximum and a forged cursor with BAD_USER_INPUT', async () => {
      const tooMany = await query(`{ offers(first: 101) { totalCount } }`);
      expect(tooMany.errors?.[0]).toMatchObject({ message: 'first must be between 0 and 100.', extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
      const forged = await query(`{ universities(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
      expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('8. should keep a caller’s request id and create one otherwise', async () => {
      const given = `test-${randomUUID()}`;
      expect((await query(`{ universities(first: 1) { totalCount } }`, {}, { 'x-request-id': given })).requestId).toBe(given);
      expect((await query(`{ universities(first: 1) { totalCount } }`)).requestId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('9. should reject malformed operations without internals in the answer', async () => {
      const result = await query(`{ offers(first: 1) { nope } }`);
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
    });

    it('10. should report health, and readiness of every subgraph', async () => {
      const health = await fetch(new URL('/health', platform.gatewayUrl));
      expect(health.status).toBe(200);
      const ready = await fetch(new URL('/ready', platform.gatewayUrl));
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as { services: Record<string, string> };
      expect(Object.keys(body.services)).toHaveLength(10);
      expect(new Set(Object.values(body.services))).toEqual(new Set(['ready']));
    });

    it('11. should answer with partial data and an error naming the service when a subgraph is down, and recover', async () => {
      const { restart } = await platform.stopSubgraph('applications');
      try {
        const partial = await query(OFFERS_WITH_ENTERPRISES, { first: 5 });
        expect(partial.data!.offers.edges).toHaveLength(5);
        for (const { node } of partial.data!.offers.edges) {
          expect(node.enterprise.name).toBeTruthy();
          expect(node.applicationCount).toBeNull();
        }
        expect(partial.errors).toContainEqual(
          expect.objectContaining({
            message: 'The applications service is unavailable; some data could not be loaded.',
            extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', service: 'applications' }),
          }),
        );
        const ready = await fetch(new URL('/ready', platform.gatewayUrl));
        expect(ready.status).toBe(503);
        expect(((await ready.json()) as { services: Record<string, string> }).services.applications).toBe('unreachable');
        expect((await query(`{ universities(first: 1) { totalCount } }`)).errors).toBeUndefined();
      } finally {
        await restart();
      }
      const recovered = await query(OFFERS_WITH_ENTERPRISES, { first: 5 });
      expect(recovered.errors).toBeUndefined();
      expect(recovered.data!.offers.edges[0].node.applicationCount).toEqual(expect.any(Number));
    });

    it('12. should publish an event written in a committed transaction, once, and never one rolled back', async () => {
      const offers = platform.subgraphs.get('offers')!;
      const received: string[] = [];
      const stop = await platform.infrastructure.events.subscribe({
        group: `test-${randomUUID()}`,
        topics: ['stages.offer'],
        handler: async (event) => void received.push(event.subject),
      });
      const committed = newId();
      const rolledBack = newId();
      const { recordEvent } = await import('@stages/platform');
      const closed = (offerId: string) => ({ offerId, enterpriseId: newId(), reason: 'MANUAL' as const });
      await offers.db.orm.em.fork().transactional(async (em) => {
        recordEvent(em, '/subgraphs/offers', { type: 'offer.closed', subject: committed, data: closed(committed) });
      });
      await offers.db.orm.em
        .fork()
        .transactional(async (em) => {
          recordEvent(em, '/subgraphs/offers', { type: 'offer.closed', subject: rolledBack, data: closed(rolledBack) });
          await em.flush();
          throw new Error('abort');
        })
        .catch(() => undefined);
      await offers.relay.drain();
      const deadline = Date.now() + 20_000;
      while (!received.includes(committed) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received.filter((subject) => subject === committed)).toHaveLength(1);
      expect(received).not.toContain(rolledBack);
      await stop();
    });
  });
}
