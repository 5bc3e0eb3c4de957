import type { Redis } from 'ioredis';
import { connectRedis } from '../cache/redis-connection.js';
import type { PubSub, PubSubStatus } from './pubsub.js';

/**
 * Redis PUBLISH/SUBSCRIBE with one connection for publishing and one in subscriber mode. ioredis reconnects and
 * re-subscribes by itself after an outage; status listeners hear `down` when the subscriber connection drops and
 * `up` when it is ready again.
 */
export class RedisPubSub implements PubSub {
  readonly kind = 'redis' as const;
  private readonly listeners = new Map<string, Set<(message: unknown) => void>>();
  private readonly statusListeners = new Set<(status: PubSubStatus) => void>();
  private down = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
  ) {
    subscriber.on('message', (channel: string, raw: string) => {
      const listeners = this.listeners.get(channel);
      if (!listeners) return;
      for (const listener of listeners) listener(JSON.parse(raw));
    });
    subscriber.on('close', () => this.setStatus({ state: 'down', reason: 'the connection to Redis was lost' }));
    subscriber.on('error', (error: Error) => this.setStatus({ state: 'down', reason: `Redis is unreachable (${error.message})` }));
    subscriber.on('ready', () => this.setStatus({ state: 'up' }));
  }

  static async connect(url: string, prefix = 'stages:'): Promise<RedisPubSub> {
    const publisher = await connectRedis(url);
    try {
      return new RedisPubSub(publisher, await connectRedis(url), prefix);
    } catch (error) {
      publisher.disconnect();
      throw error;
    }
  }

  async publish(channel: string, message: unknown): Promise<void> {
    await this.publisher.publish(this.prefix + channel, JSON.stringify(message));
  }

  async subscribe(channel: string, listener: (message: unknown) => void): Promise<() => Promise<void>> {
    const key = this.prefix + channel;
    let listeners = this.listeners.get(key);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(key, listeners);
      await this.subscriber.subscribe(key);
    }
    const entry = (message: unknown) => listener(message);
    listeners.add(entry);
    return async () => {
      listeners.delete(entry);
      if (listeners.size === 0 && this.listeners.get(key) === listeners) {
        this.listeners.delete(key);
        await this.subscriber.unsubscribe(key).catch(() => undefined);
      }
    };
  }

  onStatus(listener: (status: PubSubStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.statusListeners.clear();
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }

  private setStatus(status: PubSubStatus): void {
    const down = status.state === 'down';
    if (down === this.down) return;
    this.down = down;
    for (const listener of this.statusListeners) listener(status);
  }
}
