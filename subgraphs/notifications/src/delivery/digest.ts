import { newId, type EntityManager, type Logger } from '@stages/platform';
import { renderDigest } from '../notification/templates.js';
import { Recipient } from '../recipient/recipient.entity.js';
import { Delivery, DeliveryStatus } from './delivery.entity.js';
import { DIGEST_EVENT_TYPE } from './delivery-worker.js';

export interface DigestSchedule {
  /** Local hour (0-23) from which the day's digest is due. */
  hour: number;
  timeZone: string;
  clientUrl: string;
}

const BATCH = 100;
/** At most this many notifications are listed in one digest (the rest are counted). */
const MAX_LISTED = 100;

/** The local date (YYYY-MM-DD) and hour of an instant in a time zone. */
export function localClock(at: Date, timeZone: string): { date: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/**
 * Prepares the daily digests due at `at`: once the local hour has come, each person on DAILY who has not had
 * today's digest is claimed (`UPDATE … FOR UPDATE SKIP LOCKED`, so several instances share the work and nobody
 * gets two), and the e-mails kept for them become one digest e-mail, queued for the delivery worker in the same
 * transaction. Returns the number of digests queued. Tests call it with the time they want.
 */
export async function runDailyDigest(em: EntityManager, at: Date, schedule: DigestSchedule, logger?: Logger): Promise<number> {
  const { date, hour } = localClock(at, schedule.timeZone);
  if (hour < schedule.hour) return 0;
  let queued = 0;
  for (;;) {
    const claimed = await em.fork().transactional(async (tx) => {
      const users = await tx.execute<Array<{ user_id: string }>>(
        `update "notifications"."digest_setting" set "last_digest_on" = ?
         where "user_id" in (
           select "user_id" from "notifications"."digest_setting"
           where "frequency" = 'DAILY' and ("last_digest_on" is null or "last_digest_on" < ?)
           order by "user_id" limit ? for update skip locked
         ) returning "user_id"`,
        [date, date, BATCH],
      );
      const userIds = users.map((row) => row.user_id);
      if (userIds.length === 0) return 0;
      const held = await tx.find(Delivery, { recipientUserId: { $in: userIds }, channel: 'EMAIL', status: DeliveryStatus.HELD }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      const recipients = new Map((await tx.find(Recipient, { userId: { $in: userIds } })).map((recipient) => [recipient.userId, recipient]));
      for (const userId of userIds) {
        const items = held.filter((delivery) => delivery.recipientUserId === userId);
        if (items.length === 0) continue;
        const locale = recipients.get(userId)?.locale ?? 'fr';
        const digest = renderDigest(items.slice(-MAX_LISTED), locale, schedule.timeZone, schedule.clientUrl, items.length);
        const digestId = newId();
        tx.create(Delivery, {
          eventId: digestId,
          eventType: DIGEST_EVENT_TYPE,
          recipientUserId: userId,
          channel: 'EMAIL',
          title: digest.subject,
          body: digest.text,
          status: DeliveryStatus.PENDING,
          attempts: 0,
          createdAt: at,
          nextAttemptAt: new Date(0),
        });
        for (const item of items) Object.assign(item, { status: DeliveryStatus.DIGESTED, digestId });
        queued++;
      }
      return userIds.length;
    });
    if (claimed < BATCH) break;
  }
  if (queued > 0) logger?.info({ digests: queued }, 'daily notification digests queued');
  return queued;
}
