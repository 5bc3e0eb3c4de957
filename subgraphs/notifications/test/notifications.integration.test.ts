import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newId } from '@stages/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../scripts/lib/platform.js';
import { runDailyDigest } from '../src/delivery/digest.js';
import { localClock } from '../src/delivery/digest.js';
import { browserKeys, eventually, expectValidWebPush, graphqlClient, startPushService } from './helpers.js';

interface Person {
  email: string;
  userId: string;
  token: string;
  studentId: string | null;
}

interface StoredMail {
  to: string;
  subject: string;
  text: string;
}

const MY_NOTIFICATIONS = `query Mine($first: Int, $after: String, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id title body eventType eventId link readAt recipientUserId } }
  }
  unreadNotificationCount
}`;
const SEND = 'mutation Send($input: SendNotificationInput!) { sendNotification(input: $input) { recipientCount } }';

type Mine = { myNotifications: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { id: string; title: string; body: string; eventType: string; eventId: string; link: string | null; readAt: string | null; recipientUserId: string } }> }; unreadNotificationCount: number };

// Embedded mode through the gateway: in-process events, the local mailbox folder, a push service on 127.0.0.1.
describe('notifications (embedded)', () => {
  let platform: RunningPlatform;
  let dataDir = '';
  const gql = graphqlClient(() => platform.graphqlUrl);
  const people = new Map<string, Person>();
  const person = (role: string) => people.get(role)!;

  const sql = <T>(query: string, params: unknown[] = []) => platform.subgraphs.get('notifications')!.db.orm.em.fork().getConnection().execute<T[]>(query, params);

  async function mailbox(address: string): Promise<StoredMail[]> {
    const folder = path.join(dataDir, 'mailbox');
    const files = (await readdir(folder).catch(() => [] as string[])).filter((file) => file.endsWith('.json')).sort();
    const messages = await Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(folder, file), 'utf8')) as StoredMail));
    return messages.filter((message) => message.to === address);
  }

  async function mine(role: string, variables: Record<string, unknown> = {}): Promise<Mine> {
    const result = await gql<Mine>(MY_NOTIFICATIONS, { first: 20, ...variables }, person(role).token);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  async function send(recipients: string[], title: string, body = 'Texte du message.') {
    const result = await gql<{ sendNotification: { recipientCount: number } }>(SEND, { input: { recipientUserIds: recipients, title, body } }, person('SYSTEM_ADMIN').token);
    expect(result.errors).toBeUndefined();
    return result.data!.sendNotification;
  }

  const waitForNotification = (role: string, title: string) =>
    eventually(async () => (await mine(role)).myNotifications.edges.find((edge) => edge.node.title === title)?.node, `the notification "${title}" to ${role}`);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'stages-notifications-'));
    platform = await startPlatform({ PATH: process.env.PATH, STAGES_DATA_DIR: dataDir, STAGES_FREE_PORTS: 'true', STAGES_SERVE_CLIENT: 'false', LOG_LEVEL: 'error' });
    for (const account of platform.demoAccounts!.accounts) {
      const login = await gql<{ login: { accessToken: string; user: { id: string } } }>(
        'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { id } } }',
        { email: account.email, password: platform.demoAccounts!.password },
      );
      const [entry] = await sql<{ student_id: string | null }>('select student_id from notifications.recipient where user_id = ?', [login.data!.login.user.id]);
      people.set(account.role, { email: account.email, userId: login.data!.login.user.id, token: login.data!.login.accessToken, studentId: entry?.student_id ?? null });
    }
  });

  afterAll(async () => {
    await platform?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should know every demo account in the recipient directory', async () => {
    const [{ count }] = (await sql<{ count: string }>('select count(*) from notifications.recipient')) as [{ count: string }];
    const [{ users }] = (await platform.subgraphs.get('auth')!.db.orm.em.fork().getConnection().execute<Array<{ users: string }>>('select count(*) as users from auth."user"')) as [{ users: string }];
    expect(Number(count)).toBe(Number(users));
    expect(person('STUDENT').studentId).toBeTruthy();
  });

  it('should deliver an administrator’s message in-app and by e-mail, and announce it with notification.created', async () => {
    const before = (await mine('STUDENT')).unreadNotificationCount;
    expect(await send([person('STUDENT').userId], 'Fermeture estivale')).toEqual({ recipientCount: 1 });
    const notification = await waitForNotification('STUDENT', 'Fermeture estivale');
    expect(notification).toMatchObject({ body: 'Texte du message.', eventType: 'notification.requested', readAt: null, recipientUserId: person('STUDENT').userId });
    expect((await mine('STUDENT')).unreadNotificationCount).toBe(before + 1);
    const mail = await eventually(async () => (await mailbox(person('STUDENT').email)).find((message) => message.subject === 'Fermeture estivale'), 'the e-mail');
    expect(mail.text).toContain('Texte du message.');
    const announced = await sql<{ type: string }>(`select type from notifications.outbox where type = 'notification.created' and payload->>'notificationId' = ?`, [notification.id]);
    expect(announced).toHaveLength(1);
    // Someone else does not see it.
    expect((await mine('ENTERPRISE')).myNotifications.edges.map((edge) => edge.node.id)).not.toContain(notification.id);
  });

  it('should list newest first, page, and filter unread ones', async () => {
    await send([person('UNIVERSITY_ADMIN').userId], 'Premier');
    await waitForNotification('UNIVERSITY_ADMIN', 'Premier');
    await send([person('UNIVERSITY_ADMIN').userId], 'Second');
    await waitForNotification('UNIVERSITY_ADMIN', 'Second');
    const first = await mine('UNIVERSITY_ADMIN', { first: 1 });
    expect(first.myNotifications.edges.map((edge) => edge.node.title)).toEqual(['Second']);
    expect(first.myNotifications.pageInfo.hasNextPage).toBe(true);
    const next = await mine('UNIVERSITY_ADMIN', { first: 1, after: first.myNotifications.pageInfo.endCursor });
    expect(next.myNotifications.edges.map((edge) => edge.node.title)).toEqual(['Premier']);
  });

  it('should let only the recipient mark a notification read, then all of them', async () => {
    await send([person('STUDENT').userId], 'À lire');
    const notification = await waitForNotification('STUDENT', 'À lire');
    const mark = 'mutation Mark($id: ID!) { markNotificationRead(id: $id) { id readAt } }';
    expect((await gql(mark, { id: notification.id }, person('ENTERPRISE').token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(mark, { id: notification.id }, person('SYSTEM_ADMIN').token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(mark, { id: notification.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(mark, { id: newId() }, person('STUDENT').token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(mark, { id: 'nope' }, person('STUDENT').token)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });

    const unread = (await mine('STUDENT')).unreadNotificationCount;
    const marked = await gql<{ markNotificationRead: { readAt: string } }>(mark, { id: notification.id }, person('STUDENT').token);
    expect(marked.data!.markNotificationRead.readAt).toBeTruthy();
    expect((await mine('STUDENT')).unreadNotificationCount).toBe(unread - 1);
    expect((await mine('STUDENT', { unreadOnly: true })).myNotifications.edges.map((edge) => edge.node.id)).not.toContain(notification.id);

    const all = await gql<{ markAllNotificationsRead: number }>('mutation { markAllNotificationsRead }', {}, person('STUDENT').token);
    expect(all.data!.markAllNotificationsRead).toBe(unread - 1);
    expect((await mine('STUDENT')).unreadNotificationCount).toBe(0);
    expect((await gql<{ markAllNotificationsRead: number }>('mutation { markAllNotificationsRead }', {}, person('STUDENT').token)).data!.markAllNotificationsRead).toBe(0);
  });

  it('should refuse malformed messages naming the field', async () => {
    const admin = person('SYSTEM_ADMIN').token;
    const field = async (input: Record<string, unknown>) => (await gql(SEND, { input: { recipientUserIds: [person('STUDENT').userId], title: 'T', body: 'B', ...input } }, admin)).errors?.[0]?.extensions;
    expect(await field({ title: '   ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(await field({ body: 'x'.repeat(4001) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(await field({ recipientUserIds: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recipientUserIds' });
    expect(await field({ recipientUserIds: ['not-an-id'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recipientUserIds' });
    expect(await field({ recipientUserIds: [newId()] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recipientUserIds' });
    expect(await field({ recipientUserIds: Array.from({ length: 1001 }, () => newId()) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recipientUserIds' });
    expect((await gql(SEND, { input: { recipientUserIds: [person('STUDENT').userId], title: 'T', body: 'B' } }, person('UNIVERSITY_ADMIN').token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('should follow preferences: e-mail turned off sends none, in-app turned off stores none', async () => {
    const supervisor = person('UNIVERSITY_SUPERVISOR');
    const set = 'mutation Set($eventType: String!, $channel: NotificationChannel!, $enabled: Boolean!) { setNotificationPreference(eventType: $eventType, channel: $channel, enabled: $enabled) { eventType channel enabled isDefault } }';
    const bad = await gql(set, { eventType: 'offer.published', channel: 'EMAIL', enabled: false }, supervisor.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventType' });
    const off = await gql(set, { eventType: 'notification.requested', channel: 'EMAIL', enabled: false }, supervisor.token);
    expect(off.data).toEqual({ setNotificationPreference: { eventType: 'notification.requested', channel: 'EMAIL', enabled: false, isDefault: false } });

    const prefs = await gql<{ myNotificationPreferences: { digest: string; preferences: Array<{ eventType: string; channel: string; enabled: boolean; isDefault: boolean }> } }>(
      '{ myNotificationPreferences { digest preferences { eventType channel enabled isDefault } } }', {}, supervisor.token);
    const byKey = new Map(prefs.data!.myNotificationPreferences.preferences.map((item) => [`${item.eventType} ${item.channel}`, item]));
    expect(byKey.get('notification.requested EMAIL')).toMatchObject({ enabled: false, isDefault: false });
    expect(byKey.get('application.accepted IN_APP')).toMatchObject({ enabled: true, isDefault: true });
    expect(byKey.get('application.accepted PUSH')).toMatchObject({ enabled: false, isDefault: true });
    expect(prefs.data!.myNotificationPreferences.digest).toBe('NONE');

    await send([supervisor.userId], 'Sans e-mail');
    await waitForNotification('UNIVERSITY_SUPERVISOR', 'Sans e-mail');
    await gql(set, { eventType: 'notification.requested', channel: 'EMAIL', enabled: true }, supervisor.token);
    await gql(set, { eventType: 'notification.requested', channel: 'IN_APP', enabled: false }, supervisor.token);
    await send([supervisor.userId, person('STUDENT').userId], 'Pas dans l’application');
    // The student gets it: once it is there, the supervisor's copy would have been created in the same transaction.
    await waitForNotification('STUDENT', 'Pas dans l’application');
    expect((await mine('UNIVERSITY_SUPERVISOR')).myNotifications.edges.map((edge) => edge.node.title)).not.toContain('Pas dans l’application');
    await eventually(async () => ((await mailbox(supervisor.email)).some((mail) => mail.subject === 'Pas dans l’application') ? true : undefined), 'the e-mail');
    expect((await mailbox(supervisor.email)).map((mail) => mail.subject)).not.toContain('Sans e-mail');
  });

  it('should notify from domain events: a status change to the student, once even when the event is delivered again', async () => {
    const student = person('STUDENT');
    const event = {
      id: newId(),
      source: '/subgraphs/applications',
      type: 'application.interview-scheduled',
      subject: newId(),
      time: new Date().toISOString(),
      topic: 'stages.application',
      data: { applicationId: newId(), studentId: student.studentId, offerId: newId(), enterpriseId: null, universityId: null, from: 'SHORTLISTED', to: 'INTERVIEW', reason: null, actorUserId: newId() },
    };
    await platform.infrastructure.events.publish([event]);
    const notification = await waitForNotification('STUDENT', 'Entretien programmé');
    expect(notification).toMatchObject({ body: 'Votre candidature est passée à l’étape « Entretien ».', eventId: event.id, link: '/applications' });
    await platform.infrastructure.events.publish([event]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rows = await sql<{ count: string }>('select count(*) from notifications.notification where event_id = ?', [event.id]);
    expect(Number(rows[0]!.count)).toBe(1);
  });

  it('should tell an enterprise’s recruiters about a new application, in their language', async () => {
    const recruiter = person('ENTERPRISE');
    const [entry] = await sql<{ enterprise_id: string }>('select enterprise_id from notifications.recipient where user_id = ?', [recruiter.userId]);
    await sql(`update notifications.recipient set locale = 'en' where user_id = ?`, [recruiter.userId]);
    await platform.infrastructure.events.publish([{
      id: newId(), source: '/subgraphs/applications', type: 'application.created', subject: newId(), time: new Date().toISOString(), topic: 'stages.application',
      data: { applicationId: newId(), studentId: person('STUDENT').studentId, offerId: newId(), enterpriseId: entry!.enterprise_id, universityId: null },
    }]);
    const notification = await waitForNotification('ENTERPRISE', 'New application');
    expect(notification.body).toBe('A student applied to one of your offers.');
    await sql(`update notifications.recipient set locale = 'fr' where user_id = ?`, [recruiter.userId]);
  });

  it('should add a registered account to the directory from user.registered', async () => {
    const { data } = await gql<{ universities: { edges: Array<{ node: { id: string } }> } }>('{ universities(first: 1) { edges { node { id } } } }');
    const email = `notif.${Date.now()}@etu.stages.example`;
    await gql('mutation Register($input: RegisterStudentInput!) { registerStudent(input: $input) { accepted } }', {
      input: { email, password: 'correct horse battery', displayName: 'Noé Tification', universityId: data!.universities.edges[0]!.node.id, locale: 'en' },
    });
    const row = await eventually(async () => (await sql<{ locale: string; roles: string[]; student_id: string }>('select locale, roles, student_id from notifications.recipient where email = ?', [email]))[0], 'the directory entry');
    expect(row).toMatchObject({ locale: 'en', roles: ['STUDENT'] });
    expect(row.student_id).toBeTruthy();
  });

  it('should push to a registered browser with VAPID and aes128gcm, and forget a subscription the push service says is gone', async () => {
    const pushService = await startPushService((path) => (path.startsWith('/gone') ? 410 : 201));
    try {
      const student = person('STUDENT');
      const key = (await gql<{ webPushPublicKey: string }>('{ webPushPublicKey }')).data!.webPushPublicKey;
      expect(Buffer.from(key, 'base64url')).toHaveLength(65);
      const register = 'mutation Register($input: RegisterPushSubscriptionInput!) { registerPushSubscription(input: $input) { id endpoint } }';
      for (const endpoint of [pushService.url('/live/1'), pushService.url('/gone/1')]) {
        const result = await gql(register, { input: { endpoint, ...browserKeys() } }, student.token);
        expect(result.errors).toBeUndefined();
      }
      const invalid = await gql(register, { input: { endpoint: 'http://push.example/x', ...browserKeys() } }, student.token);
      expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endpoint' });

      await send([student.userId], 'Notification poussée');
      await eventually(async () => (pushService.received.length >= 2 ? true : undefined), 'two pushes');
      const live = pushService.received.find((push) => push.path === '/live/1')!;
      expect(expectValidWebPush(live, key)).toEqual([]);
      const remaining = await eventually(async () => {
        const rows = await sql<{ endpoint: string }>('select endpoint from notifications.push_subscription where user_id = ?', [student.userId]);
        return rows.length === 1 ? rows : undefined;
      }, 'the gone subscription to be deleted');
      expect(remaining[0]!.endpoint).toBe(pushService.url('/live/1'));

      // Turned off: no push for that kind of event.
      await gql('mutation { setNotificationPreference(eventType: "notification.requested", channel: PUSH, enabled: false) { enabled } }', {}, student.token);
      await send([student.userId], 'Sans push');
      await waitForNotification('STUDENT', 'Sans push');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(pushService.received).toHaveLength(2);
      const removed = await gql<{ removePushSubscription: boolean }>('mutation Remove($e: String!) { removePushSubscription(endpoint: $e) }', { e: pushService.url('/live/1') }, student.token);
      expect(removed.data!.removePushSubscription).toBe(true);
    } finally {
      await pushService.close();
    }
  });

  it('should gather e-mails into one daily digest, prepared once however many instances run the job', async () => {
    const recruiter = person('ENTERPRISE');
    const digest = await gql<{ setNotificationDigest: { digest: string } }>('mutation { setNotificationDigest(frequency: DAILY) { digest } }', {}, recruiter.token);
    expect(digest.data!.setNotificationDigest.digest).toBe('DAILY');
    await send([recruiter.userId], 'Résumé un');
    await send([recruiter.userId], 'Résumé deux');
    await waitForNotification('ENTERPRISE', 'Résumé deux');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await mailbox(recruiter.email)).map((mail) => mail.subject).filter((subject) => subject.startsWith('Résumé'))).toEqual([]);

    // Tomorrow 08:00 in Paris (07:00 or 08:00 local whatever the season): the digest is due.
    const tomorrow = localClock(new Date(Date.now() + 24 * 3600_000), 'Europe/Paris').date;
    const at = new Date(`${tomorrow}T08:00:00+01:00`);
    const em = () => platform.subgraphs.get('notifications')!.db.orm.em.fork();
    const schedule = { hour: 7, timeZone: 'Europe/Paris', clientUrl: 'http://127.0.0.1:4000' };
    expect(await runDailyDigest(em(), new Date(`${tomorrow}T04:00:00Z`), schedule)).toBe(0);
    const queued = await Promise.all([runDailyDigest(em(), at, schedule), runDailyDigest(em(), at, schedule)]);
    expect(queued[0]! + queued[1]!).toBe(1);
    expect(await runDailyDigest(em(), at, schedule)).toBe(0);

    const mail = await eventually(async () => (await mailbox(recruiter.email)).find((message) => message.subject.includes('résumé du jour')), 'the digest e-mail');
    expect(mail.subject).toBe('Stages : votre résumé du jour (2 notifications)');
    expect(mail.text).toContain('• Résumé un');
    expect(mail.text).toContain('• Résumé deux');
    const held = await sql<{ status: string }>(`select status from notifications.delivery where recipient_user_id = ? and title like 'Résumé%'`, [recruiter.userId]);
    expect(held.map((row) => row.status)).toEqual(['DIGESTED', 'DIGESTED']);
  });
});
