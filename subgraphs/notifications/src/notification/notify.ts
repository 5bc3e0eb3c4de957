import type { EntityManager, NewEvent } from '@stages/platform';
import { Delivery, DeliveryStatus } from '../delivery/delivery.entity.js';
import { DigestFrequency, DigestSetting } from '../preference/digest-setting.entity.js';
import { Preference } from '../preference/preference.entity.js';
import { planDelivery, type ExplicitChoices } from '../preference/preferences.js';
import { PushSubscription } from '../push/push-subscription.entity.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { Notification, NotificationChannel } from './notification.entity.js';
import { renderMessage, type Audience, type NotifyingEventType } from './templates.js';

export interface Addressee {
  userId: string;
  audience: Audience;
}

export interface NotifyOptions {
  eventId: string;
  type: NotifyingEventType;
  data: unknown;
  addressees: readonly Addressee[];
  /** Records an event in the same transaction (the consumer's). */
  emit(event: NewEvent): void;
}

/**
 * Turns one event into notifications for each addressee, in the caller's transaction: the in-app notification
 * (announced by `notification.created`), and the e-mail or web push to send after commit, as each person chose.
 * Returns the number of in-app notifications created.
 */
export async function notify(em: EntityManager, options: NotifyOptions): Promise<number> {
  const addressees = [...new Map(options.addressees.map((addressee) => [addressee.userId, addressee])).values()];
  if (addressees.length === 0) return 0;
  const userIds = addressees.map((addressee) => addressee.userId);
  // One query per table whatever the number of addressees (up to 1000 for an administrator's message).
  const recipients = await em.find(Recipient, { userId: { $in: userIds } });
  const preferences = await em.find(Preference, { userId: { $in: userIds }, eventType: options.type });
  const digests = await em.find(DigestSetting, { userId: { $in: userIds }, frequency: DigestFrequency.DAILY });
  const pushOwners = await em.find(PushSubscription, { userId: { $in: userIds } }, { fields: ['userId'] });
  const directory = new Map(recipients.map((recipient) => [recipient.userId, recipient]));
  const explicit = new Map<string, ExplicitChoices>();
  for (const preference of preferences) explicit.set(preference.userId, { ...explicit.get(preference.userId), [preference.channel]: preference.enabled });
  const daily = new Set(digests.map((digest) => digest.userId));
  const withPush = new Set(pushOwners.map((subscription) => subscription.userId));

  let created = 0;
  const now = new Date();
  for (const { userId, audience } of addressees) {
    const recipient = directory.get(userId);
    const plan = planDelivery({
      explicit: explicit.get(userId) ?? {},
      hasPushSubscription: withPush.has(userId),
      hasEmail: Boolean(recipient?.email),
      digest: daily.has(userId) ? DigestFrequency.DAILY : DigestFrequency.NONE,
    });
    const message = renderMessage(options.type, options.data, audience, recipient?.locale ?? 'fr');
    let notificationId: string | null = null;
    if (plan.inApp) {
      const notification = em.create(Notification, {
        recipientUserId: userId,
        channel: NotificationChannel.IN_APP,
        eventType: options.type,
        eventId: options.eventId,
        title: message.title,
        body: message.body,
        link: message.link,
        readAt: null,
        createdAt: now,
      });
      notificationId = notification.id;
      created++;
      // The gateway pushes live notifications from this event, committed with the notification or not at all.
      options.emit({ type: 'notification.created', subject: notification.id, data: { notificationId: notification.id, recipientUserId: userId, eventType: options.type } });
    }
    const outgoing = { eventId: options.eventId, eventType: options.type, recipientUserId: userId, title: message.title, body: message.body, link: message.link, notificationId, attempts: 0, createdAt: now, nextAttemptAt: now };
    if (plan.email) em.create(Delivery, { ...outgoing, channel: 'EMAIL', status: plan.email === 'DIGEST' ? DeliveryStatus.HELD : DeliveryStatus.PENDING });
    if (plan.push) em.create(Delivery, { ...outgoing, channel: 'PUSH', status: DeliveryStatus.PENDING });
  }
  return created;
}
