import { createHash } from 'node:crypto';
import type { Cache, Logger } from '@stages/platform';
import type { SearchCriteria } from './search.criteria.js';
import type { OfferSearchFacets } from './search.types.js';

/** The total and the facets of a search. */
export interface Summary {
  totalCount: number;
  facets: OfferSearchFacets;
}

/** A summary as cached: the generation of the published offers it counted, and when it was counted (ms). */
export interface CachedSummary {
  generation: string;
  summary: Summary;
  computedAt: number;
}

/** A summary just counted, with the generation its statement saw (none when it had no row to tell it). */
export interface ComputedSummary {
  generation: string | undefined;
  summary: Summary;
}

/**
 * How old a cached summary may be and still be served when the published offers have changed since (a newer
 * generation): it is served at once and counted again in the background. An older one is counted again before
 * the search answers. A summary of the current generation is exact, whatever its age.
 */
export const SUMMARY_MAX_STALE_SECONDS = 120;

/** How long the cache holds a summary: past SUMMARY_MAX_STALE_SECONDS it only saves work while nothing changes. */
export const SUMMARY_TTL_SECONDS = 600;

/**
 * How long one refresh holds a search's lock (all instances share the cache): others serve the cached summary
 * meanwhile instead of counting it too. Released when the refresh is stored; after a failure it expires, so a
 * failing statement is retried at most this often per search.
 */
export const SUMMARY_REFRESH_LOCK_SECONDS = 30;

/** The cache key of a search's summary: the normalized search (lists sorted), whatever the generation. */
export function summaryCacheKey(criteria: SearchCriteria): string {
  const sorted = <T>(values: readonly T[]) => [...values].sort();
  const normalized = { ...criteria, skills: sorted(criteria.skills), remote: sorted(criteria.remote), sectors: sorted(criteria.sectors) };
  const digest = createHash('sha256').update(JSON.stringify(normalized)).digest('base64url');
  return `offers:search-summary:v2:${digest}`;
}

/** Work a request starts and does not wait for, always settled (errors go to `onError`), drained at shutdown. */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  run(task: () => Promise<unknown>, onError: (error: unknown) => void): void {
    const done: Promise<void> = Promise.resolve()
      .then(task)
      .then(
        () => undefined,
        (error: unknown) => {
          try {
            onError(error);
          } catch {
            // A failing logger must not turn into an unhandled rejection either.
          }
        },
      )
      .finally(() => this.running.delete(done));
    this.running.add(done);
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves once no task runs, including tasks started meanwhile. */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}

/** The summary refreshes of this process: the subgraph settles them before it closes its database. */
export const summaryRefreshes = new BackgroundTasks();

export interface SummarySource {
  cache: Cache;
  key: string;
  /** The generation the page statement saw; undefined when it has no row to tell it (or failed). */
  generation: Promise<string | undefined>;
  /** Counts the summary in one statement, with the generation it saw. */
  compute: () => Promise<ComputedSummary>;
  background: BackgroundTasks;
  logger: Pick<Logger, 'warn'>;
  now?: () => number;
}

/** Whether generation `a` comes after `b` (both counters of the same database). */
const isNewer = (a: string, b: string): boolean => {
  try {
    return BigInt(a) > BigInt(b);
  } catch {
    return false;
  }
};

/**
 * A search's summary, stale-while-revalidate. The cache is read while the page statement runs, under the search
 * alone; then, with the generation the page saw:
 * - cached for this very generation: served, exact; when counted more than SUMMARY_MAX_STALE_SECONDS
 *   ago it is marked counted now (nothing changed since: no statement);
 * - cached for an older generation less than SUMMARY_MAX_STALE_SECONDS ago: served as it is, and counted again in
 *   the background by one request of all instances (a lock in the cache), so the next searches find it current;
 * - otherwise (nothing cached, too old, or an empty page that tells no generation): counted before answering. When
 *   nothing is cached the count starts with the cache's answer, alongside the page: the search then costs the
 *   slower of its two statements, not their sum.
 * A count is stored unless the cache holds a newer generation by then. The cache only saves work: when it cannot
 * answer, the summary is counted as without it.
 */
export async function cachedSummary(source: SummarySource): Promise<Summary> {
  const { cache, key, background, logger } = source;
  const now = source.now ?? Date.now;
  const warn = (error: unknown) => logger.warn({ err: error, cacheKey: key }, 'counting the total and facets of a search in the background failed; the cached ones stay');
  const store = async (entry: CachedSummary) => {
    // A slower count of an older generation must not replace a newer one stored meanwhile (one counted within the
    // bound: an older "newer" one is what a restored database leaves, and is replaced).
    const stored = await cache.get<CachedSummary>(key).catch(() => undefined);
    if (stored && isNewer(stored.generation, entry.generation) && now() - stored.computedAt <= SUMMARY_MAX_STALE_SECONDS * 1000) return;
    await cache.set(key, entry, SUMMARY_TTL_SECONDS).catch(() => undefined);
  };
  const count = async (): Promise<Summary> => {
    const computedAt = now();
    const computed = await source.compute();
    if (computed.generation !== undefined) await store({ generation: computed.generation, summary: computed.summary, computedAt });
    return computed.summary;
  };

  const entry = await cache.get<CachedSummary>(key).catch(() => undefined);
  const counting = entry ? undefined : count();
  // Awaited below; never left to reject unobserved.
  counting?.catch(() => undefined);
  const generation = await source.generation;
  if (!entry || generation === undefined) return counting ?? count();

  const young = now() - entry.computedAt <= SUMMARY_MAX_STALE_SECONDS * 1000;
  // Only the very generation the page saw is exact (a newer one, from a search that raced this one, is served as a
  // stale one is; a restored database starts its counter again below what the cache holds, which is then stale).
  if (entry.generation === generation) {
    // Nothing changed since it was counted: it is exact, whatever its age.
    if (!young) background.run(() => store({ ...entry, computedAt: now() }), warn);
    return entry.summary;
  }
  if (!young) return count();
  background.run(async () => {
    if ((await cache.increment(`${key}:refresh`, SUMMARY_REFRESH_LOCK_SECONDS)) !== 1) return;
    const started = now();
    await count();
    // Past the lock's time another request may hold it now: it expires by itself.
    if (now() - started < SUMMARY_REFRESH_LOCK_SECONDS * 1000) await cache.delete(`${key}:refresh`).catch(() => undefined);
  }, warn);
  return entry.summary;
}
