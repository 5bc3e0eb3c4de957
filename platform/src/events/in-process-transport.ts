import { AsyncResource } from 'node:async_hooks';
import type { Logger } from '../logging/logger.js';
import { deadLetterTopicOf, type DomainEvent, type EventHandler, type EventTransport, type SubscribeOptions } from './domain-event.js';
import { deliverWithRetries, describeError } from './delivery.js';

interface Group {
  name: string;
  topics: Set<string>;
  handler: EventHandler;
  queue: DomainEvent[];
  running: boolean;
}

/**
 * Delivers published events to the subscribers of this process, one group at a time and in order. A handler that
 * keeps failing is retried with backoff, then its event is published on `<topic>.DLT` (to this process's
 * subscribers of that topic) and logged; the group moves on.
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
    const group: Group = { name: options.group, topics: new Set(options.topics), handler: AsyncResource.bind(options.handler), queue: [], running: false };
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
    await deliverWithRetries(group.handler, event, {
      group: group.name,
      logger: this.logger,
      deadLetter: (error) =>
        this.publish([
          {
            ...event,
            topic: deadLetterTopicOf(event.topic),
            deadLetter: { topic: event.topic, partition: 0, offset: 'n/a', group: group.name, error: describeError(error), failedAt: new Date().toISOString() },
          },
        ]),
    });
  }
}
