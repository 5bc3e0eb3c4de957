import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../graphql/ids.js';
import { OUTBOX_ENTITY, type OutboxRow } from '../db/platform-tables.js';
import { validateEventData, type EventData, type EventType } from './catalog.js';
import { topicOf } from './domain-event.js';

/** An event to record: its type from the catalog, the aggregate id, and data of the type's shape. */
export type NewEvent = {
  [T in EventType]: {
    type: T;
    /** Aggregate id. */
    subject: string;
    data: EventData<T>;
    traceparent?: string;
  };
}[EventType];

/**
 * Queues an event in the subgraph's outbox through the unit of work, so it is committed by the same flush (and
 * transaction) as the change it reports, or not at all.
 */
export function recordEvent(em: EntityManager, source: string, event: NewEvent): string {
  // The compiler checks the shape; this check catches what it cannot (lengths, formats, casts).
  const data = validateEventData(event.type, event.data);
  const id = newId();
  const row: OutboxRow = {
    id,
    topic: topicOf(event.type),
    type: event.type,
    key: event.subject,
    payload: data,
    headers: { source, ...(event.traceparent ? { traceparent: event.traceparent } : {}) },
    occurredAt: new Date(),
    publishedAt: null,
    attempts: 0,
  };
  em.persist(em.create(OUTBOX_ENTITY, row));
  return id;
}
