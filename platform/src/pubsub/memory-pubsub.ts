import type { PubSub, PubSubStatus } from './pubsub.js';

/** One process's fan-out: what the embedded mode needs, where the gateway is a single process. */
export class MemoryPubSub implements PubSub {
  readonly kind = 'memory' as const;
  private readonly channels = new Map<string, Set<(message: unknown) => void>>();

  async publish(channel: string, message: unknown): Promise<void> {
    // A copy per delivery, as if it had crossed the network: listeners cannot alter each other's message.
    const serialized = JSON.stringify(message);
    for (const listener of this.channels.get(channel) ?? []) queueMicrotask(() => listener(JSON.parse(serialized)));
  }

  async subscribe(channel: string, listener: (message: unknown) => void): Promise<() => Promise<void>> {
    const listeners = this.channels.get(channel) ?? new Set();
    this.channels.set(channel, listeners);
    // Wrapped, so subscribing the same function twice gives two subscriptions, as in Redis.
    const entry = (message: unknown) => listener(message);
    listeners.add(entry);
    return async () => {
      listeners.delete(entry);
    };
  }

  onStatus(_listener: (status: PubSubStatus) => void): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    this.channels.clear();
  }
}
