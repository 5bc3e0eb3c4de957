import { recordEvent, type EntityManager } from '@stages/platform';
import { localDate } from '../offer/offer.validation.js';

/** Offers closed per transaction: a backlog drains in several short ones rather than one long lock. */
const BATCH = 200;

/**
 * Closes the published offers whose deadline (a day in `timeZone`) is before the day of `now`, emitting
 * `offer.closed` (reason DEADLINE) for each in the same transaction. Safe with several instances: rows are
 * claimed with `FOR UPDATE SKIP LOCKED`, so an offer is closed, and announced, once. Returns the ids closed.
 */
export async function closeOffersPastDeadline(em: EntityManager, now: Date, timeZone: string): Promise<string[]> {
  const today = localDate(now, timeZone);
  const closed: string[] = [];
  for (;;) {
    const batch = await em.fork().transactional(async (tx) => {
      const rows = await tx.getConnection().execute<Array<{ id: string; enterprise_id: string }>>(
        `update "offers"."offer" as o set "status" = 'CLOSED', "updated_at" = now(), "version" = o."version" + 1
         where o."id" in (
           select "id" from "offers"."offer" where "status" = 'PUBLISHED' and "deadline" < ?::date
           order by "deadline", "id" limit ${BATCH} for update skip locked
         )
         returning o."id", o."enterprise_id"`,
        [today],
        'all',
        tx.getTransactionContext(),
      );
      for (const row of rows) {
        recordEvent(tx, '/subgraphs/offers', { type: 'offer.closed', subject: row.id, data: { offerId: row.id, enterpriseId: row.enterprise_id, reason: 'DEADLINE' } });
      }
      return rows.map((row) => row.id);
    });
    closed.push(...batch);
    if (batch.length < BATCH) return closed;
  }
}
