import { badUserInput, type EntityManager } from '@stages/platform';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { NotificationsContext } from '../context.js';
import { Delivery, DeliveryStatus } from '../delivery/delivery.entity.js';
import { NotificationChannel } from '../notification/notification.entity.js';
import { requirePerson } from '../notification/notification.resolver.js';
import { isNotifyingEventType, NOTIFYING_EVENT_TYPES } from '../notification/templates.js';
import { PushSubscription } from '../push/push-subscription.entity.js';
import { DigestFrequency, DigestSetting } from './digest-setting.entity.js';
import { Preference } from './preference.entity.js';
import { NotificationPreference, NotificationPreferences } from './preference.types.js';
import { CHANNELS } from './preferences.js';

/** The default of a channel before the person chooses: on, except push without a registered browser. */
const defaultEnabled = (channel: NotificationChannel, pushSubscriptionCount: number) => channel !== NotificationChannel.PUSH || pushSubscriptionCount > 0;

async function preferencesOf(em: EntityManager, userId: string): Promise<NotificationPreferences> {
  const explicit = await em.find(Preference, { userId });
  const digest = await em.findOne(DigestSetting, { userId });
  const pushSubscriptionCount = await em.count(PushSubscription, { userId });
  const chosen = new Map(explicit.map((preference) => [`${preference.eventType}|${preference.channel}`, preference.enabled]));
  return {
    digest: digest?.frequency ?? DigestFrequency.NONE,
    pushSubscriptionCount,
    preferences: NOTIFYING_EVENT_TYPES.flatMap((eventType) =>
      CHANNELS.map((channel) => {
        const choice = chosen.get(`${eventType}|${channel}`);
        return { eventType, channel, enabled: choice ?? defaultEnabled(channel, pushSubscriptionCount), isDefault: choice === undefined };
      }),
    ),
  };
}

@Resolver()
export class PreferenceResolver {
  @Query(() => NotificationPreferences, { description: 'How the signed-in person is notified: per event type and channel, and the digest.' })
  myNotificationPreferences(@Ctx() ctx: NotificationsContext): Promise<NotificationPreferences> {
    return preferencesOf(ctx.em, requirePerson(ctx));
  }

  @Mutation(() => NotificationPreference, { description: 'Turns one kind of notification on or off on one channel, for the signed-in person.' })
  async setNotificationPreference(
    @Arg('eventType', () => String) eventType: string,
    @Arg('channel', () => NotificationChannel) channel: NotificationChannel,
    @Arg('enabled', () => Boolean) enabled: boolean,
    @Ctx() ctx: NotificationsContext,
  ): Promise<NotificationPreference> {
    const userId = requirePerson(ctx);
    if (!isNotifyingEventType(eventType)) throw badUserInput('eventType', `eventType must be one of ${NOTIFYING_EVENT_TYPES.join(', ')}.`);
    await ctx.em.upsert(Preference, { userId, eventType, channel, enabled, updatedAt: new Date() });
    return { eventType, channel, enabled, isDefault: false };
  }

  @Mutation(() => NotificationPreferences, { description: 'DAILY gathers the signed-in person’s notification e-mails into one a day; NONE sends each at once.' })
  async setNotificationDigest(@Arg('frequency', () => DigestFrequency) frequency: DigestFrequency, @Ctx() ctx: NotificationsContext): Promise<NotificationPreferences> {
    const userId = requirePerson(ctx);
    await ctx.em.transactional(async (tx) => {
      await tx.upsert(DigestSetting, { userId, frequency, updatedAt: new Date() });
      // E-mails kept for a digest that will no longer come are sent now, one by one.
      if (frequency === DigestFrequency.NONE) {
        await tx.nativeUpdate(Delivery, { recipientUserId: userId, status: DeliveryStatus.HELD }, { status: DeliveryStatus.PENDING, nextAttemptAt: new Date() });
      }
    });
    return preferencesOf(ctx.em, userId);
  }
}
