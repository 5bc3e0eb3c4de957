import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '@stages/gateway';
import { createEventTransport, createLogger, createPubSub, newId, recordEvent, type EventTransport, type PubSub } from '@stages/platform';
import { startPlatform, type RunningPlatform } from '../scripts/lib/platform.js';
import { freePort } from '../scripts/lib/ports.js';
import { SUBSCRIPTIONS_PATH, SUPERGRAPH_PATH } from '../scripts/lib/supergraph.js';
import { liveClient, subscribe } from './live-client.js';
import { realEnvironment, type RealEnvironment } from './real-environment.js';

// Two gateway replicas: the events enter through one consumer group shared by both, the hub (Redis pub/sub)
// carries each to every replica, and each replica pushes to its own clients.
describe('two gateway replicas (real infrastructure)', () => {
  let environment: RealEnvironment;
  let platform: RunningPlatform;
  let second: RunningGateway;
  let events: EventTransport;
  let pubsub: PubSub;

  beforeAll(async () => {
    environment = await realEnvironment('replicas');
    platform = await startPlatform({ ...environment.env, STAGES_FREE_PORTS: 'true', STAGES_SERVE_CLIENT: 'false', LOG_LEVEL: 'error' });
    const logger = createLogger('gateway-2', 'error');
    const env = environment.env;
    events = await createEventTransport({ KAFKA_BROKERS: env.KAFKA_BROKERS, KAFKA_CLIENT_ID: 'gateway-2', KAFKA_PARTITIONS: 3, KAFKA_TOPIC_PREFIX: env.KAFKA_TOPIC_PREFIX! }, logger);
    pubsub = await createPubSub({ REDIS_URL: env.REDIS_URL, REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX! });
    second = await startGateway({
      host: '127.0.0.1',
      port: await freePort(),
      portVariable: 'PORT',
      supergraphSdl: await readFile(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: Object.fromEntries([...platform.subgraphs].map(([name, running]) => [name, running.url])),
      subgraphTimeoutMs: 10_000,
      auth: platform.auth,
      introspection: false,
      logger,
      live: { subscriptionsSdl: await readFile(SUBSCRIPTIONS_PATH, 'utf8'), events, pubsub, keepAliveMs: 12_000 },
    });
  });

  afterAll(async () => {
    await second?.stop();
    await events?.close();
    await pubsub?.close();
    await platform?.stop();
    await environment?.cleanup();
  });

  it('should push each event once to each client, whichever replica it is connected to', async () => {
    const admin = platform.demoAccounts!.accounts.find((account) => account.role === 'SYSTEM_ADMIN')!;
    const response = await fetch(platform.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', variables: { e: admin.email, p: platform.demoAccounts!.password } }),
    });
    const token = ((await response.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
    const query = 'subscription { applicationStatusChanged { id } }';
    const clients = [liveClient(platform.graphqlUrl, token), liveClient(`${second.url}/graphql`, token), liveClient(`${second.url}/graphql`, token)];
    const subscriptions = clients.map((client) => subscribe(client, query));
    await new Promise((resolve) => setTimeout(resolve, 500));

    const applications = platform.subgraphs.get('applications')!;
    const rows = await applications.db.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ id: string; student_id: string; offer_id: string; enterprise_id: string; university_id: string }>>(
        'select id, student_id, offer_id, enterprise_id, university_id from applications.application order by id limit 30',
      );
    await applications.db.orm.em.fork().transactional(async (em) => {
      for (const row of rows) {
        recordEvent(em, '/subgraphs/applications', {
          type: 'application.rejected',
          subject: row.id,
          data: { applicationId: row.id, studentId: row.student_id, offerId: row.offer_id, enterpriseId: row.enterprise_id, universityId: row.university_id, from: 'SUBMITTED', to: 'REJECTED', reason: null, actorUserId: newId() },
        });
      }
    });
    await applications.relay.drain();
    await Promise.all(subscriptions.map((subscription) => subscription.waitFor(rows.length, 30_000)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const expected = rows.map((row) => row.id).sort();
    for (const subscription of subscriptions) expect(subscription.results.map((result) => result.data!.applicationStatusChanged.id).sort()).toEqual(expected);
    subscriptions.forEach((subscription) => subscription.stop());
    await Promise.all(clients.map((client) => client.dispose()));
  });
});
