import { Redis } from 'ioredis';
import type { Cache } from './cache.js';
import { connectRedis } from './redis-connection.js';

export class RedisCache implements Cache {
  readonly kind = 'redis' as const;

  private constructor(private readonly redis: Redis, private readonly prefix: string) {}

  static async connect(url: string, prefix = 'stages:'): Promise<RedisCache> {
    return new RedisCache(await connectRedis(url), prefix);
  }

  async get<T>(key: string): Promise<T | undefined> {
    const value = await this.redis.get(this.prefix + key);
    return value === null ? undefined : (JSON.parse(value) as T);
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + key, JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlSeconds * 1000)));
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async increment(key: string, windowSeconds: number): Promise<number> {
    const [[, count]] = (await this.redis
      .multi()
      .incr(this.prefix + key)
      .pexpire(this.prefix + key, Math.round(windowSeconds * 1000), 'NX')
      .exec()) as [[Error | null, number], [Error | null, number]];
    return count;
  }

  async secondsToLive(key: string): Promise<number> {
    const ms = await this.redis.pttl(this.prefix + key);
    return ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
