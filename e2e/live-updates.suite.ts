import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, recordEvent, type NewEvent } from '@stages/platform';
import { startPlatform, type RunningPlatform } from '../scripts/lib/platform.js';
import { liveClient, subscribe } from './live-client.js';

type Role = 'STUDENT' | 'ENTERPRISE' | 'SYSTEM_ADMIN';

/** Subscriptions through the gateway's graphql-ws endpoint, fed by events from the subgraphs' outboxes. */
export function describeLiveUpdates(mode: string, environment: () => Promise<{ env: NodeJS.ProcessEnv; cleanup(): Promise<void> }>): void {
  describe(`live updates through the gateway (${mode})`, () => {
    let platform: RunningPlatform;
    let cleanup: () => Promise<void> = async () => undefined;
    const tokens = new Map<Role, string>();
    const users = new Map<Role, { id: string; studentId: string | null; enterpriseId: string | null; universityId: string | null }>();

    async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
      const response = await fetch(platform.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: Record<string, any>; errors?: Array<{ extensions?: { code?: string } }> };
    }

    async function sql<T>(subgraph: string, query: string, params: unknown[] = []): Promise<T[]> {
      return platform.subgraphs.get(subgraph)!.db.orm.em.fork().getConnection().execute<T[]>(query, params);
    }

    /** Records events in a subgraph's outbox, as its mutations do, and relays them now. */
    async function emit(subgraph: string, ...events: NewEvent[]): Promise<void> {
      const running = platform.subgraphs.get(subgraph)!;
      await running.db.orm.em.fork().transactional(async (em) => {
        for (const event of events) recordEvent(em, `/subgraphs/${subgraph}`, event);
      });
      await running.relay.drain();
    }

    const transition = (application: { id: string; student_id: string; offer_id: string; enterprise_id: string; university_id: string }, overrides: Record<string, string> = {}): NewEvent => ({
      type: 'application.shortlisted',
      subject: application.id,
      data: {
        applicationId: application.id,
        studentId: application.student_id,
        offerId: application.offer_id,
        enterpriseId: application.enterprise_id,
        universityId: application.university_id,
        from: 'SUBMITTED',
        to: 'SHORTLISTED',
        reason: null,
        actorUserId: users.get('ENTERPRISE')!.id,
        ...overrides,
      },
    });

    beforeAll(async () => {
      const prepared = await environment();
      cleanup = prepared.cleanup;
      platform = await startPlatform({ ...prepared.env, STAGES_FREE_PORTS: 'true', STAGES_SERVE_CLIENT: 'false', LOG_LEVEL: 'error' });
      for (const role of ['STUDENT', 'ENTERPRISE', 'SYSTEM_ADMIN'] as const) {
        const account = platform.demoAccounts!.accounts.find((candidate) => candidate.role === role)!;
        const login = await gql('mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { id } } }', {
          email: account.email,
          password: platform.demoAccounts!.password,
        });
        tokens.set(role, login.data!.login.accessToken);
        const [user] = await sql<{ id: string; student_id: string | null; enterprise_id: string | null; university_id: string | null }>(
          'auth',
          'select id, student_id, enterprise_id, university_id from auth."user" where id = ?',
          [login.data!.login.user.id],
        );
        users.set(role, { id: user!.id, studentId: user!.student_id, enterpriseId: user!.enterprise_id, universityId: user!.university_id });
      }
    });

    afterAll(async () => {
      await platform?.stop();
      await cleanup();
    });

    it('1. should push a published offer matching the filter to an anonymous subscriber, resolved through the gateway', async () => {
      const [offer] = await sql<{ id: string; enterprise_id: string; title: string; city: string; remote: string; start_date: string }>(
        'offers',
        `select id, enterprise_id, title, city, remote, to_char(start_date, 'YYYY-MM-DD') as start_date from offers.offer where status = 'PUBLISHED' order by id limit 1`,
      );
      const client = liveClient(platform.graphqlUrl);
      const cityWithoutAccents = offer!.city.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
      const live = subscribe(client, 'subscription ($cities: [String!]) { offerPublished(filter: { cities: $cities }) { id title enterprise { name } } }', {
        cities: [cityWithoutAccents],
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const published = (id: string, city: string): NewEvent => ({
        type: 'offer.published',
        subject: id,
        data: { offerId: id, enterpriseId: offer!.enterprise_id, title: offer!.title, city, country: 'FR', remote: offer!.remote as 'ON_SITE', durationMonths: 6, startDate: offer!.start_date, deadline: null },
      });
      await emit('offers', published(newId(), 'Ailleurs-sur-Mer'), published(offer!.id, offer!.city));
      const [pushed] = await live.waitFor(1);
      expect(pushed!.errors).toBeUndefined();
      expect(pushed!.data!.offerPublished).toMatchObject({ id: offer!.id, title: offer!.title, enterprise: { name: expect.any(String) } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(live.results).toHaveLength(1);
      live.stop();
      await client.dispose();
    });

    it('2. should refuse at subscribe time what the caller may not see, and sign-in where it is needed', async () => {
      const [other] = await sql<{ id: string }>('applications', 'select id from applications.application where student_id <> ? and enterprise_id <> ? order by id limit 1', [
        users.get('STUDENT')!.studentId,
        users.get('ENTERPRISE')!.enterpriseId,
      ]);
      const student = liveClient(platform.graphqlUrl, tokens.get('STUDENT'));
      const forbidden = subscribe(student, 'subscription ($id: ID) { applicationStatusChanged(applicationId: $id) { id status } }', { id: other!.id });
      await forbidden.ended;
      expect(forbidden.results[0]!.errors![0]!.extensions!.code).toBe('FORBIDDEN');

      const anonymous = liveClient(platform.graphqlUrl);
      const notifications = subscribe(anonymous, 'subscription { notificationReceived { id } }');
      await notifications.ended;
      expect(notifications.results[0]!.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');

      const forged = liveClient(platform.graphqlUrl, 'not-a-token');
      const refused = subscribe(forged, 'subscription { offerPublished { id } }');
      const { error } = await refused.ended;
      expect((error as { code?: number }).code).toBe(4401);
      await Promise.all([student.dispose(), anonymous.dispose(), forged.dispose()]);
    });

    it('3. should push each status change the subscriber may see, and nothing about others’ applications', async () => {
      const me = users.get('STUDENT')!;
      const [mine] = await sql<{ id: string; student_id: string; offer_id: string; enterprise_id: string; university_id: string }>(
        'applications',
        'select id, student_id, offer_id, enterprise_id, university_id from applications.application where student_id = ? order by id limit 1',
        [me.studentId],
      );
      const [theirs] = await sql<{ id: string; student_id: string; offer_id: string; enterprise_id: string; university_id: string }>(
        'applications',
        'select id, student_id, offer_id, enterprise_id, university_id from applications.application where student_id <> ? and enterprise_id <> ? and university_id <> ? order by id limit 1',
        [me.studentId, users.get('ENTERPRISE')!.enterpriseId, me.universityId],
      );
      const client = liveClient(platform.graphqlUrl, tokens.get('STUDENT'));
      const live = subscribe(client, 'subscription { changed: applicationStatusChanged { id status offer { title } } }');
      const admin = liveClient(platform.graphqlUrl, tokens.get('SYSTEM_ADMIN'));
      const everything = subscribe(admin, 'subscription { applicationStatusChanged { id } }');
      await new Promise((resolve) => setTimeout(resolve, 300));
      // An event naming this student on someone else's application: the authorizing query refuses it.
      await emit('applications', transition(theirs!), transition({ ...theirs!, student_id: me.studentId! }), transition(mine!));
      const [pushed] = await live.waitFor(1);
      expect(pushed!.data!.changed).toMatchObject({ id: mine!.id, status: expect.any(String), offer: { title: expect.any(String) } });
      await everything.waitFor(3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(live.results).toHaveLength(1);
      // Order is kept per application (the Kafka key), not across applications.
      expect(everything.results.map((result) => result.data!.applicationStatusChanged.id).sort()).toEqual([theirs!.id, theirs!.id, mine!.id].sort());
      live.stop();
      everything.stop();
      await Promise.all([client.dispose(), admin.dispose()]);
    });
  });
}
