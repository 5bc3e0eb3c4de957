import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../graphql/ids.js';
import { OUTBOX_ENTITY, type OutboxRow } from '../db/platform-tables.js';
import { topicOf } from './domain-event.js';

export interface NewEvent<TData extends Record<string, unknown> = Record<string, unknown>> {
  type: string;
  /** Aggregate id. */
  subject: string;
  data: TData;
  traceparent?: string;
}

/**
 * Queues an event in the subgraph's outbox through the unit of work, so it is committed by the same flush (and
 * transaction) as the change it reports, or not at all.
 */
export function recordEvent(em: EntityManager, source: string, event: NewEvent): string {
  const id = newId();
  const row: OutboxRow = {
    id,
    topic: topicOf(event.type),
    type: event.type,
    key: event.subject,
    payload: event.data,
    headers: { source, ...(event.traceparent ? { traceparent: event.traceparent } : {}) },
    occurredAt: new Date(),
    publishedAt: null,
    attempts: 0,
  };
  em.persist(em.create(OUTBOX_ENTITY, row));
  return id;
}
