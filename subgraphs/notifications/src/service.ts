import { defineSubgraph, resolveVisibleReference } from '@stages/platform';
import { migrations } from '../migrations/index.js';
import { applicationEventsConsumer } from './consumers/application-events.js';
import { directoryConsumer } from './consumers/directory.js';
import { enterpriseVerificationConsumer } from './consumers/enterprise-verification.js';
import { internshipEventsConsumer } from './consumers/internship-events.js';
import { memberApprovedConsumer } from './consumers/member-approved.js';
import { notificationRequestedConsumer } from './consumers/notification-requested.js';
import { savedSearchMatchesConsumer } from './consumers/saved-search-matches.js';
import { createLoaders } from './context.js';
import { Delivery } from './delivery/delivery.entity.js';
import { DeliveryWorker } from './delivery/delivery-worker.js';
import { runDailyDigest } from './delivery/digest.js';
import { Notification } from './notification/notification.entity.js';
import { canReadNotification } from './notification/notification.policy.js';
import { NotificationResolver } from './notification/notification.resolver.js';
import { DigestSetting } from './preference/digest-setting.entity.js';
import { Preference } from './preference/preference.entity.js';
import { PreferenceResolver } from './preference/preference.resolver.js';
import { PushSubscription } from './push/push-subscription.entity.js';
import { PushResolver } from './push/push.resolver.js';
import { resolveVapidKeys } from './push/vapid-keys.js';
import { WebPushKey } from './push/web-push-key.entity.js';
import { WebPushSender } from './push/web-push-sender.js';
import { Recipient } from './recipient/recipient.entity.js';
import { setNotificationsRuntime } from './runtime.js';
import { loadNotificationSettings } from './settings.js';

/** How often each instance checks whether daily digests are due (claiming makes it safe to run everywhere). */
const DIGEST_CHECK_INTERVAL_MS = 60_000;

export const notificationsSubgraph = defineSubgraph({
  name: 'notifications',
  defaultPort: 8009,
  entities: [Notification, Recipient, Preference, DigestSetting, PushSubscription, Delivery, WebPushKey],
  migrations,
  resolvers: [NotificationResolver, PreferenceResolver, PushResolver],
  referenceResolvers: {
    Notification: { __resolveReference: (reference, ctx) => resolveVisibleReference(ctx.loaders.notificationById, reference.id, ctx.viewer, (notification) => canReadNotification(ctx.viewer, notification)) },
  },
  createLoaders,
  consumers: [directoryConsumer, applicationEventsConsumer, internshipEventsConsumer, memberApprovedConsumer, notificationRequestedConsumer, enterpriseVerificationConsumer, savedSearchMatchesConsumer],
  async onStart(runtime) {
    const settings = loadNotificationSettings();
    const keys = await resolveVapidKeys(runtime.em(), settings);
    const push = new WebPushSender(keys, settings.VAPID_SUBJECT);
    setNotificationsRuntime({ settings, push });
    runtime.logger.info({ vapidKeys: keys.source }, 'web push ready');

    // E-mails and pushes leave after the transaction that queued them commits, never from inside it.
    const worker = new DeliveryWorker({ em: runtime.em, mailer: runtime.infrastructure.mailer, push, clientUrl: runtime.clientUrl, logger: runtime.logger });
    runtime.em().getEventManager().registerSubscriber({ afterTransactionCommit: () => worker.nudge() });
    worker.start(settings.NOTIFICATION_DELIVERY_INTERVAL_MS);

    const schedule = { hour: settings.NOTIFICATION_DIGEST_HOUR, timeZone: settings.NOTIFICATION_DIGEST_TIME_ZONE, clientUrl: runtime.clientUrl };
    let digesting: Promise<unknown> = Promise.resolve();
    const digestTimer = setInterval(() => {
      digesting = runDailyDigest(runtime.em(), new Date(), schedule, runtime.logger).catch((error: unknown) => runtime.logger.error({ err: error }, 'daily digest failed'));
    }, DIGEST_CHECK_INTERVAL_MS);
    digestTimer.unref();

    return async () => {
      clearInterval(digestTimer);
      await digesting;
      await worker.stop();
    };
  },
});
