import { badUserInput, isUuid } from '@stages/platform';

/** The oldest offer a search ranks (see RANK_WINDOW): its listing time and id. */
export interface RankWindowEdge {
  listedAt: string;
  id: string;
}

/** Position of an offer in a ranked search: text rank (float4), then listing time, then id (all descending). */
export interface SearchPosition {
  rank: number;
  /** `listed_at` in UTC with microseconds, as Postgres wrote it (YYYY-MM-DDTHH:MM:SS.ffffffZ). */
  listedAt: string;
  id: string;
  /** The edge of the ranked window the first page found, so next pages rank the same offers; null: all ranked. */
  window: RankWindowEdge | null;
}

// s1 cursors (before the ranked window) ranked every match: read as "no edge", which still does.
const PREFIXES = ['s2:', 's1:'];
const LISTED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * An opaque cursor holding the whole sort key and the window's edge, so the next page starts exactly after it
 * (keyset pagination) in the same order, even when ranks tie or offers are published meanwhile.
 */
export const encodeSearchCursor = (position: SearchPosition): string =>
  Buffer.from(
    's2:' + JSON.stringify([position.rank, position.listedAt, position.id, ...(position.window ? [position.window.listedAt, position.window.id] : [])]),
    'utf8',
  ).toString('base64url');

export function decodeSearchCursor(cursor: string): SearchPosition {
  const invalid = () => badUserInput('after', 'after is not a cursor returned by this search.');
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = PREFIXES.find((candidate) => decoded.startsWith(candidate));
  if (!prefix) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded.slice(prefix.length));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || !(parsed.length === 3 || (prefix === 's2:' && parsed.length === 5))) throw invalid();
  const [rank, listedAt, id, edgeListedAt, edgeId] = parsed as [unknown, unknown, unknown, unknown, unknown];
  const timestamp = (value: unknown): value is string => typeof value === 'string' && LISTED_AT.test(value);
  const uuid = (value: unknown): value is string => typeof value === 'string' && isUuid(value);
  if (typeof rank !== 'number' || !Number.isFinite(rank) || rank < 0 || !timestamp(listedAt) || !uuid(id)) throw invalid();
  if (parsed.length === 5 && (!timestamp(edgeListedAt) || !uuid(edgeId))) throw invalid();
  return { rank, listedAt, id, window: parsed.length === 5 ? { listedAt: edgeListedAt as string, id: edgeId as string } : null };
}
