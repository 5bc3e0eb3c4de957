import { describe, expect, it } from 'vitest';
import { childTraceparent } from './trace-context.js';

describe('childTraceparent', () => {
  it('continues the caller’s trace with a new span', () => {
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const child = childTraceparent(parent);
    expect(child).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(child).not.toBe(parent);
  });

  it('starts a new trace when the header is missing or malformed', () => {
    for (const header of [undefined, 'garbage', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', ['a', 'b']]) {
      expect(childTraceparent(header)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    }
    expect(childTraceparent(undefined)).not.toBe(childTraceparent(undefined));
  });
});
