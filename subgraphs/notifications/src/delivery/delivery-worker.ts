import type { EntityManager, Logger, Mailer } from '@stages/platform';
import { absoluteLink, emailText } from '../notification/templates.js';
import { PushSubscription } from '../push/push-subscription.entity.js';
import type { WebPushSender } from '../push/web-push-sender.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { Delivery, DeliveryStatus } from './delivery.entity.js';

/** Event type of a digest delivery (its body is the whole e-mail text). */
export const DIGEST_EVENT_TYPE = 'notification.digest';

/** Waits before each new attempt; after the last one the delivery is given up (FAILED). */
export const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000] as const;

/** How long a claimed delivery belongs to the worker that claimed it; after that another worker may retry it. */
const CLAIM_MS = 5 * 60_000;
const BATCH = 20;

export interface DeliveryDependencies {
  em(): EntityManager;
  mailer: Mailer;
  push: WebPushSender;
  clientUrl: string;
  logger: Logger;
}

type Outcome = { sent: true } | { sent: false; error: string; retry: boolean };

/**
 * Claims due deliveries (PENDING, or SENDING whose claim ran out) with `FOR UPDATE SKIP LOCKED`, so several
 * instances never take the same one, sends them outside any transaction, and records the outcome: SENT, or a
 * new attempt later with backoff, or FAILED after the last. Returns the number claimed.
 */
export async function deliverDue(deps: DeliveryDependencies, now = new Date()): Promise<number> {
  const em = deps.em();
  const rows = await em.execute<Array<Record<string, unknown>>>(
    `update "notifications"."delivery" set "status" = 'SENDING', "attempts" = "attempts" + 1, "next_attempt_at" = ?
     where "id" in (
       select "id" from "notifications"."delivery"
       where "status" in ('PENDING', 'SENDING') and "next_attempt_at" <= ?
       order by "next_attempt_at" limit ? for update skip locked
     ) returning *`,
    [new Date(now.getTime() + CLAIM_MS), now, BATCH],
  );
  const claimed = rows.map((row) => em.map(Delivery, row));
  for (const delivery of claimed) {
    let outcome: Outcome;
    try {
      outcome = delivery.channel === 'EMAIL' ? await sendEmail(deps, em, delivery) : await sendPush(deps, em, delivery);
    } catch (error) {
      outcome = { sent: false, error: error instanceof Error ? error.message : String(error), retry: true };
    }
    const delay = RETRY_DELAYS_MS[delivery.attempts - 1];
    if (outcome.sent) {
      await em.nativeUpdate(Delivery, { id: delivery.id }, { status: DeliveryStatus.SENT, sentAt: new Date(), lastError: null });
    } else if (outcome.retry && delay !== undefined) {
      deps.logger.warn({ deliveryId: delivery.id, channel: delivery.channel, attempt: delivery.attempts, error: outcome.error }, 'notification delivery failed; retrying');
      await em.nativeUpdate(Delivery, { id: delivery.id }, { status: DeliveryStatus.PENDING, nextAttemptAt: new Date(Date.now() + delay), lastError: outcome.error.slice(0, 500) });
    } else {
      deps.logger.error({ deliveryId: delivery.id, channel: delivery.channel, attempts: delivery.attempts, error: outcome.error }, 'notification delivery given up');
      await em.nativeUpdate(Delivery, { id: delivery.id }, { status: DeliveryStatus.FAILED, lastError: outcome.error.slice(0, 500) });
    }
  }
  return claimed.length;
}

async function sendEmail(deps: DeliveryDependencies, em: EntityManager, delivery: Delivery): Promise<Outcome> {
  const recipient = await em.findOne(Recipient, { userId: delivery.recipientUserId });
  if (!recipient) return { sent: false, error: 'no address for this recipient', retry: false };
  const text = delivery.eventType === DIGEST_EVENT_TYPE ? delivery.body : emailText(delivery, recipient.locale, deps.clientUrl);
  await deps.mailer.send({ to: recipient.email, subject: delivery.title, text });
  return { sent: true };
}

async function sendPush(deps: DeliveryDependencies, em: EntityManager, delivery: Delivery): Promise<Outcome> {
  const subscriptions = await em.find(PushSubscription, { userId: delivery.recipientUserId });
  if (subscriptions.length === 0) return { sent: false, error: 'no push subscription', retry: false };
  const payload = JSON.stringify({
    title: delivery.title,
    body: delivery.body,
    url: absoluteLink(deps.clientUrl, delivery.link),
    notificationId: delivery.notificationId,
    eventType: delivery.eventType,
  });
  let delivered = 0;
  const errors: string[] = [];
  for (const subscription of subscriptions) {
    const result = await deps.push.send(subscription, payload);
    if (result.status === 'sent') delivered++;
    // The browser unsubscribed or the subscription expired: it will never accept pushes again.
    else if (result.status === 'gone') await em.nativeDelete(PushSubscription, { id: subscription.id });
    else errors.push(result.reason);
  }
  // Retrying would push again to the browsers that got it: only when none did.
  if (delivered > 0 || errors.length === 0) return delivered > 0 ? { sent: true } : { sent: false, error: 'every subscription expired', retry: false };
  return { sent: false, error: errors.join('; '), retry: true };
}

/**
 * Runs `deliverDue` after each commit that may have queued deliveries (nudge) and on an interval as a safety net
 * (retries, other instances' leftovers); one run at a time.
 */
export class DeliveryWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly deps: DeliveryDependencies) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => this.nudge(), intervalMs);
    this.timer.unref();
    this.nudge();
  }

  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /** Finishes the sends under way, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await deliverDue(this.deps)) > 0);
    } catch (error) {
      this.deps.logger.error({ err: error }, 'notification delivery worker failed');
    }
  }
}
