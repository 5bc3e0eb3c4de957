import { EntitySchema, type MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';

/** A domain event waiting in the subgraph's outbox; written in the same transaction as the change it reports. */
export interface OutboxRow {
  id: string;
  topic: string;
  type: string;
  key: string;
  payload: Record<string, unknown>;
  headers: Record<string, string>;
  occurredAt: Date;
  publishedAt: Date | null;
  attempts: number;
}

export const OUTBOX_ENTITY = 'OutboxEvent';

// Built per subgraph: every ORM instance owns its own metadata for the same table name in its own schema.
function outboxEntity() {
  return new EntitySchema<OutboxRow>({
    name: OUTBOX_ENTITY,
    tableName: 'outbox',
    properties: {
      id: { type: 'uuid', primary: true },
      topic: { type: 'string' },
      type: { type: 'string' },
      key: { type: 'string' },
      payload: { type: 'json' },
      headers: { type: 'json' },
      occurredAt: { type: 'Date', fieldName: 'occurred_at' },
      publishedAt: { type: 'Date', fieldName: 'published_at', nullable: true },
      attempts: { type: 'integer', default: 0 },
    },
  });
}

export function platformEntities(_schema: string) {
  return [outboxEntity()];
}

export function platformMigrations(schema: string): MigrationObject[] {
  const q = (name: string) => `"${schema}"."${name}"`;
  class PlatformOutbox extends Migration {
    override async up() {
      this.addSql(`create schema if not exists "${schema}"`);
      this.addSql(`create table ${q('outbox')} (
        id uuid primary key,
        topic text not null,
        type text not null,
        key text not null,
        payload jsonb not null,
        headers jsonb not null default '{}'::jsonb,
        occurred_at timestamptz not null,
        published_at timestamptz null,
        attempts integer not null default 0
      )`);
      this.addSql(`create index outbox_pending_idx on ${q('outbox')} (id) where published_at is null`);
      this.addSql(`create table ${q('processed_event')} (
        consumer text not null,
        event_id uuid not null,
        processed_at timestamptz not null default now(),
        primary key (consumer, event_id)
      )`);
    }
  }
  return [{ name: '0000_platform_outbox', class: PlatformOutbox }];
}
