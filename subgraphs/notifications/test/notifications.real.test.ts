import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realEnvironment, type RealEnvironment } from '../../../e2e/real-environment.js';
import { startPlatform, type RunningPlatform } from '../../../scripts/lib/platform.js';
import { browserKeys, eventually, expectValidWebPush, graphqlClient, startPushService } from './helpers.js';

// Real mode: Postgres (a fresh database), Kafka between the subgraphs, SMTP to Mailpit; the push service is a
// local HTTP server on 127.0.0.1.
describe('notifications (real infrastructure)', () => {
  let environment: RealEnvironment;
  let platform: RunningPlatform;
  const gql = graphqlClient(() => platform.graphqlUrl);

  beforeAll(async () => {
    environment = await realEnvironment('notifications');
    platform = await startPlatform({ ...environment.env, STAGES_FREE_PORTS: 'true', STAGES_SERVE_CLIENT: 'false', LOG_LEVEL: 'error' });
  });

  afterAll(async () => {
    await platform?.stop();
    await environment?.cleanup();
  });

  async function login(role: string) {
    const account = platform.demoAccounts!.accounts.find((candidate) => candidate.role === role)!;
    const result = await gql<{ login: { accessToken: string; user: { id: string } } }>(
      'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { id } } }',
      { email: account.email, password: platform.demoAccounts!.password },
    );
    return { email: account.email, token: result.data!.login.accessToken, userId: result.data!.login.user.id };
  }

  it('should e-mail through SMTP and push to the browser an administrator’s message', async () => {
    const pushService = await startPushService();
    try {
      const [admin, student] = [await login('SYSTEM_ADMIN'), await login('STUDENT')];
      const key = (await gql<{ webPushPublicKey: string }>('{ webPushPublicKey }')).data!.webPushPublicKey;
      const registered = await gql(
        'mutation Register($input: RegisterPushSubscriptionInput!) { registerPushSubscription(input: $input) { id } }',
        { input: { endpoint: pushService.url('/push/student'), ...browserKeys() } },
        student.token,
      );
      expect(registered.errors).toBeUndefined();

      const marker = `Réunion d’information ${Date.now()}`;
      const sent = await gql(
        'mutation Send($input: SendNotificationInput!) { sendNotification(input: $input) { recipientCount } }',
        { input: { recipientUserIds: [student.userId], title: 'Réunion', body: marker } },
        admin.token,
      );
      expect(sent.errors).toBeUndefined();

      // notification.requested goes through Kafka to the consumer, which commits the notification and the
      // deliveries; the worker sends them after that commit.
      const text = await eventually(async () => (await environment.mailTo(student.email)).find((candidate) => candidate.includes(marker)), 'the e-mail in Mailpit', 60_000);
      expect(text).toContain(marker);
      const push = await eventually(async () => pushService.received[0], 'the web push', 60_000);
      expect(push.path).toBe('/push/student');
      expect(expectValidWebPush(push, key)).toEqual([]);

      const mine = await gql<{ myNotifications: { edges: Array<{ node: { title: string; body: string } }> } }>(
        '{ myNotifications(first: 5) { edges { node { title body } } } }', {}, student.token);
      expect(mine.data!.myNotifications.edges[0]!.node).toEqual({ title: 'Réunion', body: marker });
      // One event, one e-mail and one push.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect((await environment.mailTo(student.email)).filter((candidate) => candidate.includes(marker))).toHaveLength(1);
      expect(pushService.received).toHaveLength(1);
    } finally {
      await pushService.close();
    }
  });
});
