import type { Cache } from '@stages/platform';
import { describe, expect, it } from 'vitest';
import {
  BackgroundTasks,
  cachedSummary,
  SUMMARY_MAX_STALE_SECONDS,
  SUMMARY_REFRESH_LOCK_SECONDS,
  type CachedSummary,
  type ComputedSummary,
  type Summary,
} from './search.summary-cache.js';

const KEY = 'offers:search-summary:test';
const summaryOf = (totalCount: number): Summary => ({ totalCount, facets: { remote: [], sectors: [], cities: [], durations: [] } });

/** A cache on a clock of its own; `failing` makes every call reject. */
class FakeCache implements Cache {
  readonly kind = 'memory' as const;
  readonly entries = new Map<string, { value: string; expiresAt: number }>();
  failing = false;
  constructor(private readonly clock: { now: number }) {}

  private check() {
    if (this.failing) throw new Error('cache unreachable');
  }
  private live(key: string) {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.clock.now) this.entries.delete(key);
    return this.entries.get(key);
  }
  async get<T>(key: string): Promise<T | undefined> {
    this.check();
    const entry = this.live(key);
    return entry ? (JSON.parse(entry.value) as T) : undefined;
  }
  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    this.check();
    this.entries.set(key, { value: JSON.stringify(value), expiresAt: this.clock.now + ttlSeconds * 1000 });
  }
  async delete(key: string): Promise<void> {
    this.check();
    this.entries.delete(key);
  }
  async increment(key: string, windowSeconds: number): Promise<number> {
    this.check();
    const entry = this.live(key);
    const count = entry ? Number(entry.value) + 1 : 1;
    this.entries.set(key, { value: String(count), expiresAt: entry?.expiresAt ?? this.clock.now + windowSeconds * 1000 });
    return count;
  }
  async secondsToLive(key: string): Promise<number> {
    const entry = this.live(key);
    return entry ? Math.ceil((entry.expiresAt - this.clock.now) / 1000) : 0;
  }
  async close(): Promise<void> {}
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** A search's surroundings: a clock, a cache, the statement counting summaries (generation and total to give). */
function setup() {
  const clock = { now: 1_000_000 };
  const cache = new FakeCache(clock);
  const background = new BackgroundTasks();
  const warnings: unknown[][] = [];
  const database = { generation: '5', total: 50, counted: 0, fail: false as false | Error };
  const compute = async (): Promise<ComputedSummary> => {
    database.counted++;
    if (database.fail) throw database.fail;
    return { generation: database.generation, summary: summaryOf(database.total) };
  };
  const search = (overrides: { generation?: Promise<string | undefined>; compute?: () => Promise<ComputedSummary>; background?: BackgroundTasks } = {}) =>
    cachedSummary({
      cache,
      key: KEY,
      generation: overrides.generation ?? Promise.resolve(database.generation),
      compute: overrides.compute ?? compute,
      background: overrides.background ?? background,
      logger: { warn: (...args: unknown[]) => void warnings.push(args) },
      now: () => clock.now,
    });
  const cached = async (generation: string, total: number, ageSeconds: number) => {
    const entry: CachedSummary = { generation, summary: summaryOf(total), computedAt: clock.now - ageSeconds * 1000 };
    await cache.set(KEY, entry, 3600);
  };
  const entry = () => cache.get<CachedSummary>(KEY);
  return { clock, cache, background, warnings, database, search, cached, entry };
}

describe('search summary cache (stale-while-revalidate)', () => {
  it('should serve the cached summary without counting when its generation is current', async () => {
    const t = setup();
    await t.cached('5', 40, 10);
    expect(await t.search()).toEqual(summaryOf(40));
    await t.background.settle();
    expect(t.database.counted).toBe(0);
  });

  it('should serve a cached summary of another generation than the page saw as a stale one (a race, or a restored database)', async () => {
    const t = setup();
    await t.cached('9', 41, 10);
    expect(await t.search({ generation: Promise.resolve('5') })).toEqual(summaryOf(41));
    await t.background.settle();
    expect(t.database.counted).toBe(1);
  });

  it('should count before answering, however new the cached generation, once it is older than the bound, and replace it', async () => {
    const t = setup();
    await t.cached('9', 41, SUMMARY_MAX_STALE_SECONDS + 1);
    expect(await t.search()).toEqual(summaryOf(50));
    expect(t.database.counted).toBe(1);
    expect(await t.entry()).toEqual({ generation: '5', summary: summaryOf(50), computedAt: t.clock.now });
  });

  it('should serve a stale summary at once and count it again once in the background when the offers changed', async () => {
    const t = setup();
    await t.cached('4', 40, SUMMARY_MAX_STALE_SECONDS - 1);
    const counting = deferred<ComputedSummary>();
    const compute = () => ((t.database.counted += 1), counting.promise);

    expect(await t.search({ compute })).toEqual(summaryOf(40));
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.database.counted).toBe(1);
    expect(t.background.size).toBe(1);

    counting.resolve({ generation: '5', summary: summaryOf(50) });
    await t.background.settle();
    expect(await t.entry()).toEqual({ generation: '5', summary: summaryOf(50), computedAt: t.clock.now });
    // The lock is released: the next change is refreshed by the next search.
    expect(await t.cache.get(`${KEY}:refresh`)).toBeUndefined();
    expect(await t.search()).toEqual(summaryOf(50));
    expect(t.database.counted).toBe(1);
  });

  it('should count a stale summary once when many searches of every instance find it meanwhile', async () => {
    const t = setup();
    await t.cached('4', 40, 30);
    const counting = deferred<ComputedSummary>();
    const compute = () => ((t.database.counted += 1), counting.promise);
    const otherInstance = new BackgroundTasks();

    const served = await Promise.all([
      t.search({ compute }),
      t.search({ compute }),
      t.search({ compute, background: otherInstance }),
      t.search({ compute, background: otherInstance }),
    ]);
    expect(served).toEqual([summaryOf(40), summaryOf(40), summaryOf(40), summaryOf(40)]);
    await new Promise((resolve) => setImmediate(resolve));
    counting.resolve({ generation: '5', summary: summaryOf(50) });
    await Promise.all([t.background.settle(), otherInstance.settle()]);
    expect(t.database.counted).toBe(1);
  });

  it('should count before answering when the stale summary is older than the bound', async () => {
    const t = setup();
    await t.cached('4', 40, SUMMARY_MAX_STALE_SECONDS + 1);
    expect(await t.search()).toEqual(summaryOf(50));
    expect(t.database.counted).toBe(1);
    expect(t.background.size).toBe(0);
    expect(await t.entry()).toEqual({ generation: '5', summary: summaryOf(50), computedAt: t.clock.now });
  });

  it('should count alongside the page when nothing is cached, and cache what it counted', async () => {
    const t = setup();
    const page = deferred<string | undefined>();
    const result = t.search({ generation: page.promise });
    await new Promise((resolve) => setImmediate(resolve));
    // The page has not answered yet: the count did not wait for it.
    expect(t.database.counted).toBe(1);
    page.resolve('5');
    expect(await result).toEqual(summaryOf(50));
    expect(await t.entry()).toEqual({ generation: '5', summary: summaryOf(50), computedAt: t.clock.now });
  });

  it('should serve an old summary that is still current, and mark it counted now without counting', async () => {
    const t = setup();
    await t.cached('5', 40, SUMMARY_MAX_STALE_SECONDS + 60);
    const served = await Promise.all([t.search(), t.search(), t.search()]);
    expect(served).toEqual([summaryOf(40), summaryOf(40), summaryOf(40)]);
    await t.background.settle();
    expect(t.database.counted).toBe(0);
    expect(await t.entry()).toEqual({ generation: '5', summary: summaryOf(40), computedAt: t.clock.now });
  });

  it('should not replace a newer summary with a slower count of an older generation', async () => {
    const t = setup();
    const counting = deferred<ComputedSummary>();
    const slow = t.search({ generation: Promise.resolve('4'), compute: () => ((t.database.counted += 1), counting.promise) });
    await new Promise((resolve) => setImmediate(resolve));
    // Meanwhile another request counted generation 5.
    await t.cached('5', 50, 0);
    counting.resolve({ generation: '4', summary: summaryOf(40) });
    expect(await slow).toEqual(summaryOf(40));
    expect(await t.entry()).toEqual({ generation: '5', summary: summaryOf(50), computedAt: t.clock.now });
  });

  it('should count before answering when an empty page tells no generation', async () => {
    const t = setup();
    await t.cached('4', 40, 10);
    expect(await t.search({ generation: Promise.resolve(undefined) })).toEqual(summaryOf(50));
    expect(t.database.counted).toBe(1);
    expect(t.background.size).toBe(0);
  });

  it('should log a failed refresh, keep serving the cached summary and retry after the lock expires', async () => {
    const t = setup();
    await t.cached('4', 40, 30);
    t.database.fail = new Error('canceling statement due to statement timeout');

    expect(await t.search()).toEqual(summaryOf(40));
    await t.background.settle();
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]![0]).toMatchObject({ err: t.database.fail, cacheKey: KEY });
    expect(await t.entry()).toMatchObject({ generation: '4' });

    // Within the lock's time no search counts it again; after it, one does.
    expect(await t.search()).toEqual(summaryOf(40));
    await t.background.settle();
    expect(t.database.counted).toBe(1);
    t.database.fail = false;
    t.clock.now += SUMMARY_REFRESH_LOCK_SECONDS * 1000;
    await t.cached('4', 40, 30);
    expect(await t.search()).toEqual(summaryOf(40));
    await t.background.settle();
    expect(t.database.counted).toBe(2);
    expect(await t.entry()).toMatchObject({ generation: '5', summary: summaryOf(50) });
  });

  it('should count as without a cache when the cache fails', async () => {
    const t = setup();
    t.cache.failing = true;
    expect(await t.search()).toEqual(summaryOf(50));
    expect(t.database.counted).toBe(1);
  });

  it('should fail the search when its summary must be counted and the count fails', async () => {
    const t = setup();
    t.database.fail = new Error('connection lost');
    await expect(t.search()).rejects.toThrow('connection lost');
  });
});

describe('background tasks', () => {
  it('should report a failure to its handler, even a throwing one, without rejecting', async () => {
    const tasks = new BackgroundTasks();
    const seen: unknown[] = [];
    tasks.run(() => Promise.reject(new Error('first')), (error) => seen.push(error));
    tasks.run(() => Promise.reject(new Error('second')), () => {
      throw new Error('logger broken');
    });
    await tasks.settle();
    expect(seen).toEqual([new Error('first')]);
    expect(tasks.size).toBe(0);
  });

  it('should settle the tasks started while settling', async () => {
    const tasks = new BackgroundTasks();
    const order: string[] = [];
    const first = deferred<void>();
    tasks.run(async () => {
      await first.promise;
      tasks.run(async () => void order.push('second'), () => undefined);
      order.push('first');
    }, () => undefined);
    const settled = tasks.settle().then(() => order.push('settled'));
    first.resolve();
    await settled;
    expect(order).toEqual(['first', 'second', 'settled']);
  });
});
