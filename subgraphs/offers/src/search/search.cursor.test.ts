import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { searchCriteria } from './search.criteria.js';
import { decodeSearchCursor, encodeSearchCursor } from './search.cursor.js';
import { textArray } from './search.sql.js';

const position = { rank: 0.6666667, listedAt: '2026-11-25T13:06:42.246694Z', id: '0190c3a2-1111-7111-8111-111111111111', window: null };
const windowed = { ...position, rank: 0, window: { listedAt: '2026-10-01T08:00:00.000001Z', id: '0190c3a2-2222-7222-8222-222222222222' } };

const codeAndField = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return [error.extensions.code, error.extensions.field];
    throw error;
  }
  return undefined;
};

describe('search cursors', () => {
  it('should round-trip the whole sort key, the rank exactly', () => {
    const cursor = encodeSearchCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSearchCursor(cursor)).toEqual(position);
    // A float4 rank as Postgres prints it survives JSON exactly.
    expect(decodeSearchCursor(encodeSearchCursor({ ...position, rank: 0.1 + 0.2 })).rank).toBe(0.1 + 0.2);
  });

  it('should carry the edge of the ranked window when the search has one', () => {
    expect(decodeSearchCursor(encodeSearchCursor(windowed))).toEqual(windowed);
  });

  it('should read a cursor written before the ranked window as ranking every match', () => {
    const old = Buffer.from(`s1:${JSON.stringify([position.rank, position.listedAt, position.id])}`).toString('base64url');
    expect(decodeSearchCursor(old)).toEqual({ ...position, window: null });
  });

  it('should refuse anything else as BAD_USER_INPUT on after', () => {
    const bad = [
      'not a cursor',
      Buffer.from('id:0190c3a2-1111-7111-8111-111111111111').toString('base64url'),
      Buffer.from('s1:[1,"2026-11-25T13:06:42.246694Z"]').toString('base64url'),
      Buffer.from('s1:[-1,"2026-11-25T13:06:42.246694Z","0190c3a2-1111-7111-8111-111111111111"]').toString('base64url'),
      Buffer.from('s1:[0,"yesterday","0190c3a2-1111-7111-8111-111111111111"]').toString('base64url'),
      Buffer.from('s1:[0,"2026-11-25T13:06:42.246694Z","drop table"]').toString('base64url'),
      Buffer.from('s1:{').toString('base64url'),
      Buffer.from('s1:[0,"2026-11-25T13:06:42.246694Z","0190c3a2-1111-7111-8111-111111111111","2026-11-25T13:06:42.246694Z","0190c3a2-1111-7111-8111-111111111111"]').toString('base64url'),
      Buffer.from('s2:[0,"2026-11-25T13:06:42.246694Z","0190c3a2-1111-7111-8111-111111111111","yesterday","0190c3a2-1111-7111-8111-111111111111"]').toString('base64url'),
    ];
    for (const cursor of bad) expect(codeAndField(() => decodeSearchCursor(cursor)), cursor).toEqual(['BAD_USER_INPUT', 'after']);
  });
});

describe('search criteria', () => {
  it('should place a city with a radius and keep a city alone as a name', () => {
    expect(searchCriteria(' stage   data ', { city: 'lyon', radiusKm: 25 })).toMatchObject({ query: 'stage data', city: null, near: { city: 'Lyon', radiusKm: 25 } });
    expect(searchCriteria(null, { city: 'Hameau' })).toMatchObject({ query: null, city: 'Hameau', near: null });
  });

  it('should name the filter at fault', () => {
    expect(codeAndField(() => searchCriteria('x'.repeat(201), null))).toEqual(['BAD_USER_INPUT', 'query']);
    expect(codeAndField(() => searchCriteria(null, { radiusKm: 10 }))).toEqual(['BAD_USER_INPUT', 'filter.city']);
    expect(codeAndField(() => searchCriteria(null, { city: 'Atlantis', radiusKm: 10 }))).toEqual(['BAD_USER_INPUT', 'filter.city']);
    expect(codeAndField(() => searchCriteria(null, { city: 'Lyon', radiusKm: 501 }))).toEqual(['BAD_USER_INPUT', 'filter.radiusKm']);
    expect(codeAndField(() => searchCriteria(null, { minDurationMonths: 4, maxDurationMonths: 3 }))).toEqual(['BAD_USER_INPUT', 'filter.maxDurationMonths']);
    expect(codeAndField(() => searchCriteria(null, { minStipendCents: -5 }))).toEqual(['BAD_USER_INPUT', 'filter.minStipendCents']);
    expect(codeAndField(() => searchCriteria(null, { startFrom: '2027-02-01', startTo: '2027-01-01' }))).toEqual(['BAD_USER_INPUT', 'filter.startTo']);
    expect(codeAndField(() => searchCriteria(null, { skills: Array.from({ length: 31 }, (_, i) => `s${i}`) }))).toEqual(['BAD_USER_INPUT', 'filter.skills']);
  });
});

describe('text arrays', () => {
  it('should quote values for a Postgres array literal', () => {
    expect(textArray(['a', 'b "c"', 'd\\e', 'f,g'])).toBe('{"a","b \\"c\\"","d\\\\e","f,g"}');
    expect(textArray([])).toBe('{}');
  });
});
