import { badUserInput, isUuid } from '@stages/platform';

/** Position of an offer in a ranked search: text rank (float4), then listing time, then id (all descending). */
export interface SearchPosition {
  rank: number;
  /** `listed_at` in UTC with microseconds, as Postgres wrote it (YYYY-MM-DDTHH:MM:SS.ffffffZ). */
  listedAt: string;
  id: string;
}

const PREFIX = 's1:';
const LISTED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * An opaque cursor holding the whole sort key, so the next page starts exactly after it (keyset pagination)
 * even when ranks tie or offers are published meanwhile.
 */
export const encodeSearchCursor = (position: SearchPosition): string =>
  Buffer.from(PREFIX + JSON.stringify([position.rank, position.listedAt, position.id]), 'utf8').toString('base64url');

export function decodeSearchCursor(cursor: string): SearchPosition {
  const invalid = () => badUserInput('after', 'after is not a cursor returned by this search.');
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(PREFIX)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded.slice(PREFIX.length));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid();
  const [rank, listedAt, id] = parsed as [unknown, unknown, unknown];
  if (typeof rank !== 'number' || !Number.isFinite(rank) || rank < 0 || typeof listedAt !== 'string' || !LISTED_AT.test(listedAt) || typeof id !== 'string' || !isUuid(id)) throw invalid();
  return { rank, listedAt, id };
}
