import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from './cache.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The behaviour every Cache implementation must have; run against memory and Redis alike. */
export function describeCacheContract(name: string, create: () => Promise<Cache>): void {
  describe(`Cache contract (${name})`, () => {
    let cache: Cache;
    const key = (suffix: string) => `contract:${randomUUID()}:${suffix}`;

    beforeAll(async () => {
      cache = await create();
    });
    afterAll(() => cache?.close());

    it('should return the value that was set', async () => {
      const k = key('value');
      await cache.set(k, { name: 'Numéria', count: 3, tags: ['a'] }, 60);
      expect(await cache.get(k)).toEqual({ name: 'Numéria', count: 3, tags: ['a'] });
    });

    it('should return undefined when the key was never set', async () => {
      expect(await cache.get(key('missing'))).toBeUndefined();
    });

    it('should forget a value when its time to live has passed', async () => {
      const k = key('ttl');
      await cache.set(k, 'short', 0.2);
      expect(await cache.get(k)).toBe('short');
      await pause(400);
      expect(await cache.get(k)).toBeUndefined();
    });

    it('should forget a value when it is deleted', async () => {
      const k = key('delete');
      await cache.set(k, 1, 60);
      await cache.delete(k);
      expect(await cache.get(k)).toBeUndefined();
    });

    it('should keep a copy so later changes to the object do not leak in', async () => {
      const k = key('copy');
      const value = { list: [1] };
      await cache.set(k, value, 60);
      value.list.push(2);
      expect(await cache.get(k)).toEqual({ list: [1] });
    });

    it('should count increments within a window and start again after it', async () => {
      const k = key('counter');
      expect(await cache.increment(k, 0.3)).toBe(1);
      expect(await cache.increment(k, 0.3)).toBe(2);
      expect(await cache.increment(k, 0.3)).toBe(3);
      await pause(500);
      expect(await cache.increment(k, 0.3)).toBe(1);
    });

    it('should tell how long a key has left to live, and 0 once it is gone', async () => {
      const k = key('ttl-left');
      expect(await cache.secondsToLive(k)).toBe(0);
      await cache.increment(k, 120);
      const left = await cache.secondsToLive(k);
      expect(left).toBeGreaterThan(110);
      expect(left).toBeLessThanOrEqual(120);
    });

    it('should count concurrent increments exactly', async () => {
      const k = key('concurrent');
      const results = await Promise.all(Array.from({ length: 20 }, () => cache.increment(k, 60)));
      expect(results.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });
  });
}
