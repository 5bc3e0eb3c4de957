import type { EntityManager } from '@mikro-orm/postgresql';
import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import { validateEventData, type EventType } from './catalog.js';
import type { Infrastructure } from '../infrastructure.js';
import type { DomainEvent } from './domain-event.js';
import { recordEvent, type NewEvent } from './outbox.js';

/** A subgraph's handler of some event types; its effect and the processed mark commit together. */
export interface EventConsumer {
  /** Unique within the subgraph; the consumer group is `<subgraph>.<name>`. */
  name: string;
  topics: string[];
  /** Event types handled; others on the same topics are acknowledged and skipped. */
  types: readonly EventType[];
  handle(em: EntityManager, event: DomainEvent, context: ConsumerContext): Promise<void>;
}

/** What a handler may use besides its transaction. */
export interface ConsumerContext {
  infrastructure: Infrastructure;
  logger: Logger;
  /** Records an event in this subgraph's outbox, in the handler's transaction. */
  emit(event: NewEvent): void;
}

/**
 * Subscribes a consumer so each event takes effect once: the handler runs in a transaction that also records
 * the event id in `processed_event`; a redelivered event finds its id there and is skipped (at-least-once
 * delivery, exactly-once effect). A payload that does not match the catalog is refused before the handler runs
 * (the transport sends it to the dead-letter topic with the reason).
 */
export async function startConsumer(
  subgraph: string,
  consumer: EventConsumer,
  db: Database,
  infrastructure: Infrastructure,
  logger: Logger,
): Promise<() => Promise<void>> {
  const transport = infrastructure.events;
  const group = `${subgraph}.${consumer.name}`;
  const table = `${db.schema}.processed_event`;
  return transport.subscribe({
    group,
    topics: consumer.topics,
    handler: async (event) => {
      if (!consumer.types.includes(event.type as EventType)) return;
      const data = validateEventData(event.type, event.data);
      await db.orm.em.fork().transactional(async (em) => {
        const knex = em.getKnex();
        const inserted = await knex(table)
          .insert({ consumer: group, event_id: event.id })
          .onConflict(['consumer', 'event_id'])
          .ignore()
          .returning('event_id')
          .transacting(em.getTransactionContext()!);
        if (inserted.length === 0) return;
        await consumer.handle(em, { ...event, data }, {
          infrastructure,
          logger,
          emit: (next) => recordEvent(em, `/subgraphs/${subgraph}`, { traceparent: event.traceparent, ...next }),
        });
      });
      logger.debug({ group, eventId: event.id, type: event.type }, 'event handled');
    },
  });
}
