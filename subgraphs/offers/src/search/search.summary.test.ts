import { describe, expect, it } from 'vitest';
import { mergeCities, toSummary, withPageTotal } from './search.service.js';

describe('search summary', () => {
  it('should count each facet over the offers passing every other facet filter', () => {
    // grouping(remote, sector, city, duration_months): 7 remote, 11 sectors, 13 cities, 14 durations, 15 total.
    const summary = toSummary([
      { set: 15, value: '', counted: true, count: 4 },
      { set: 15, value: '', counted: false, count: 9 },
      { set: 7, value: 'ON_SITE', counted: true, count: 4 },
      { set: 7, value: 'REMOTE', counted: true, count: 2 },
      { set: 7, value: 'HYBRID', counted: false, count: 7 },
      { set: 11, value: 'Conseil', counted: true, count: 4 },
      { set: 13, value: 'Saint-Étienne', counted: true, count: 3 },
      { set: 13, value: 'saint etienne', counted: true, count: 1 },
      { set: 13, value: 'Lyon', counted: true, count: 2 },
      { set: 14, value: '6', counted: true, count: 3 },
      { set: 14, value: '2', counted: true, count: 1 },
    ]);
    expect(summary).toEqual({
      totalCount: 4,
      facets: {
        remote: [{ value: 'ON_SITE', count: 4 }, { value: 'REMOTE', count: 2 }],
        sectors: [{ value: 'Conseil', count: 4 }],
        cities: [{ value: 'Saint-Étienne', count: 4 }, { value: 'Lyon', count: 2 }],
        durations: [{ value: '2', count: 1 }, { value: '6', count: 3 }],
      },
    });
  });

  it('should merge spellings of a city under the most common one', () => {
    expect(mergeCities([{ value: 'st etienne', count: 1 }, { value: 'Saint-Étienne', count: 5 }])).toEqual([{ value: 'Saint-Étienne', count: 6 }]);
  });
});

describe('withPageTotal', () => {
  const summary = { totalCount: 2, facets: { remote: [], sectors: [], cities: [], durations: [] } };

  it('should take the total from a complete first page, and at least one more than a first page with more', () => {
    expect(withPageTotal(summary, true, 3, false).totalCount).toBe(3);
    expect(withPageTotal(summary, true, 1, false).totalCount).toBe(1);
    expect(withPageTotal(summary, true, 20, true).totalCount).toBe(21);
    expect(withPageTotal({ ...summary, totalCount: 500 }, true, 20, true).totalCount).toBe(500);
  });

  it('should leave the counted total of later pages, and the facets always', () => {
    expect(withPageTotal(summary, false, 20, true)).toBe(summary);
    expect(withPageTotal(summary, true, 2, false)).toBe(summary);
  });
});
