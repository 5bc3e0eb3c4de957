import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageRequest, toConnection } from './connection.js';
import { newId } from './ids.js';

describe('Relay connections', () => {
  it('should round-trip a cursor', () => {
    const id = newId();
    expect(decodeCursor(encodeCursor(id))).toBe(id);
  });

  it.each(['garbage', encodeCursor('not-a-uuid'), Buffer.from('id:1').toString('base64url')])(
    'should reject a cursor it did not issue (%s) with BAD_USER_INPUT',
    (cursor) => {
      expect(() => pageRequest({ after: cursor })).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }));
    },
  );

  it.each([MAX_PAGE_SIZE + 1, -1, 2.5])('should reject first = %s with BAD_USER_INPUT naming first', (first) => {
    expect(() => pageRequest({ first })).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } }));
  });

  it('should report a next page only when more rows than asked for were fetched', () => {
    const rows = [newId(), newId(), newId()].sort().map((id) => ({ id }));
    const page = pageRequest({ first: 2 });
    const connection = toConnection(rows, page, 3);
    expect(connection.edges.map((edge) => edge.node)).toEqual(rows.slice(0, 2));
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: encodeCursor(rows[1]!.id) });
    expect(toConnection(rows.slice(0, 2), page, 2).pageInfo.hasNextPage).toBe(false);
  });
});
