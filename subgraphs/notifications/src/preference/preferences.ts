import { NotificationChannel } from '../notification/notification.entity.js';
import { DigestFrequency } from './digest-setting.entity.js';

export const CHANNELS = [NotificationChannel.IN_APP, NotificationChannel.EMAIL, NotificationChannel.PUSH] as const;

/** A person's explicit choices for one event type, by channel; a missing channel takes its default. */
export type ExplicitChoices = Partial<Record<NotificationChannel, boolean>>;

/**
 * Whether a channel is on: in-app and e-mail are on unless turned off; web push is on when the person has a
 * subscription (a browser that asked for pushes) unless turned off.
 */
export function isChannelEnabled(channel: NotificationChannel, explicit: boolean | undefined, hasPushSubscription: boolean): boolean {
  if (channel === NotificationChannel.PUSH) return hasPushSubscription && (explicit ?? true);
  return explicit ?? true;
}

export interface RecipientState {
  explicit: ExplicitChoices;
  hasPushSubscription: boolean;
  /** Whether the directory knows an address to e-mail. */
  hasEmail: boolean;
  digest: DigestFrequency;
}

export interface DeliveryPlan {
  inApp: boolean;
  /** NOW: one e-mail for this notification; DIGEST: kept for the daily digest; null: no e-mail. */
  email: 'NOW' | 'DIGEST' | null;
  push: boolean;
}

/** What one notification becomes for one person, from their preferences and what the platform knows of them. */
export function planDelivery(state: RecipientState): DeliveryPlan {
  const on = (channel: NotificationChannel) => isChannelEnabled(channel, state.explicit[channel], state.hasPushSubscription);
  const email = state.hasEmail && on(NotificationChannel.EMAIL) ? (state.digest === DigestFrequency.DAILY ? 'DIGEST' : 'NOW') : null;
  return { inApp: on(NotificationChannel.IN_APP), email, push: on(NotificationChannel.PUSH) };
}
