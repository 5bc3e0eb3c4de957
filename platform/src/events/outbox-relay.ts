import type { Knex } from '@mikro-orm/postgresql';
import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import type { DomainEvent, EventTransport } from './domain-event.js';

const BATCH_SIZE = 200;
const MAX_BACKOFF_MS = 30_000;

interface PendingRow {
  id: string;
  topic: string;
  type: string;
  key: string;
  payload: Record<string, unknown>;
  headers: Record<string, string>;
  occurred_at: Date;
}

/**
 * Publishes a subgraph's outbox rows in id (= creation) order. Rows are locked with SKIP LOCKED so several
 * instances of a subgraph can relay at once without publishing a row twice in the normal case; a crash between
 * publish and commit republishes, which consumers absorb (at-least-once).
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private failures = 0;
  private stopped = true;
  private ticking = false;
  private nudged = false;

  constructor(
    private readonly db: Database,
    private readonly transport: EventTransport,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => 0);
  }

  /** Publishes everything pending now; resolves with the number of events published. */
  async drain(): Promise<number> {
    while (this.running) await this.running.catch(() => 0);
    this.running = this.publishAll();
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  /** Asks for a relay pass soon, e.g. right after a commit that wrote events. */
  nudge(): void {
    if (this.stopped || this.failures > 0) return;
    // During a pass, ask for another right after it: its query may have run before this commit.
    if (this.ticking) this.nudged = true;
    else this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.ticking = true;
    this.nudged = false;
    try {
      await this.drain();
      this.failures = 0;
    } catch (error) {
      this.failures++;
      this.logger.warn({ err: error, failures: this.failures }, 'outbox relay could not publish; will retry');
    } finally {
      this.ticking = false;
    }
    if (!this.stopped) {
      const backoff = this.failures === 0 ? (this.nudged ? 0 : this.intervalMs) : Math.min(MAX_BACKOFF_MS, this.intervalMs * 2 ** this.failures);
      this.schedule(backoff);
    }
  }

  private async publishAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < BATCH_SIZE) return total;
    }
  }

  private async publishBatch(): Promise<number> {
    const knex = this.db.orm.em.getConnection().getKnex();
    const table = `${this.db.schema}.outbox`;
    let attempted: string[] = [];
    try {
      return await knex.transaction(async (trx: Knex.Transaction) => {
        const rows: PendingRow[] = await trx(table)
          .select('id', 'topic', 'type', 'key', 'payload', 'headers', 'occurred_at')
          .whereNull('published_at')
          .orderBy('id')
          .limit(BATCH_SIZE)
          .forUpdate()
          .skipLocked();
        if (rows.length === 0) return 0;
        attempted = rows.map((row) => row.id);
        await this.transport.publish(rows.map(toEvent));
        await trx(table).whereIn('id', attempted).update({ published_at: trx.fn.now() });
        return rows.length;
      });
    } catch (error) {
      // The batch rolled back; count the attempt outside it so stuck events can be found.
      if (attempted.length > 0) await knex(table).whereIn('id', attempted).increment('attempts', 1).catch(() => undefined);
      throw error;
    }
  }
}

function toEvent(row: PendingRow): DomainEvent {
  return {
    id: row.id,
    source: row.headers.source ?? 'unknown',
    type: row.type,
    subject: row.key,
    time: new Date(row.occurred_at).toISOString(),
    topic: row.topic,
    data: row.payload,
    traceparent: row.headers.traceparent,
  };
}
