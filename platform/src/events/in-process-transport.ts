import { AsyncResource } from 'node:async_hooks';
import type { Logger } from '../logging/logger.js';
import type { DomainEvent, EventHandler, EventTransport, SubscribeOptions } from './domain-event.js';

interface Group {
  topics: Set<string>;
  handler: EventHandler;
  queue: DomainEvent[];
  running: boolean;
}

const RETRY_DELAYS_MS = [50, 200, 1000];

/**
 * Delivers published events to the subscribers of this process, one group at a time and in order. A handler that
 * keeps failing is logged and skipped, as a dead-letter topic would receive it in the Kafka mode.
 */
export class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  private readonly groups = new Map<string, Group>();

  constructor(private readonly logger?: Logger) {}

  async publish(events: DomainEvent[]): Promise<void> {
    for (const group of this.groups.values()) {
      const matching = events.filter((event) => group.topics.has(event.topic));
      if (matching.length === 0) continue;
      group.queue.push(...matching.map((event) => structuredClone(event)));
      setImmediate(this.runInContext, group);
    }
  }

  async subscribe(options: SubscribeOptions): Promise<() => Promise<void>> {
    if (this.groups.has(options.group)) throw new Error(`Consumer group ${options.group} is already subscribed in this process`);
    // Handlers run in the subscriber's async context, not the publisher's: otherwise async-local state of the
    // publishing code (such as the ORM's current transaction) would leak into another subgraph's handler.
    const group: Group = { topics: new Set(options.topics), handler: AsyncResource.bind(options.handler), queue: [], running: false };
    this.groups.set(options.group, group);
    return async () => {
      this.groups.delete(options.group);
    };
  }

  async close(): Promise<void> {
    this.groups.clear();
  }

  private readonly runInContext = AsyncResource.bind((group: Group) => void this.run(group));

  private async run(group: Group): Promise<void> {
    if (group.running) return;
    group.running = true;
    try {
      for (let event = group.queue.shift(); event; event = group.queue.shift()) await this.deliver(group, event);
    } finally {
      group.running = false;
    }
  }

  private async deliver(group: Group, event: DomainEvent): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await group.handler(event);
        return;
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined) {
          this.logger?.error({ err: error, eventId: event.id, type: event.type }, 'event handler failed; event dropped');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
