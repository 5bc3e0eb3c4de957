import { describe, expect, it } from 'vitest';
import { averageScore, parseEvaluation } from './evaluation.rules.js';

function refusedField(input: Parameters<typeof parseEvaluation>[0]): string | null {
  try {
    parseEvaluation(input);
    return null;
  } catch (error) {
    const { code, field } = (error as { extensions: { code: string; field: string } }).extensions;
    expect(code).toBe('BAD_USER_INPUT');
    return field;
  }
}

describe('evaluations', () => {
  it('should keep 1 to 10 criteria scored 1 to 5, trimmed, and a bounded comment', () => {
    expect(parseEvaluation({ scores: [{ criterion: '  Motivation  ', score: 5 }, { criterion: 'Compétences  techniques', score: 3 }], comment: '  ' })).toEqual({
      scores: [{ criterion: 'Motivation', score: 5 }, { criterion: 'Compétences techniques', score: 3 }],
      comment: null,
    });
    expect(refusedField({ scores: [] })).toBe('scores');
    expect(refusedField({ scores: Array.from({ length: 11 }, (_, i) => ({ criterion: `C${i}`, score: 3 })) })).toBe('scores');
    expect(refusedField({ scores: [{ criterion: 'A', score: 0 }] })).toBe('scores[0].score');
    expect(refusedField({ scores: [{ criterion: 'A', score: 6 }] })).toBe('scores[0].score');
    expect(refusedField({ scores: [{ criterion: 'A', score: 2.5 }] })).toBe('scores[0].score');
    expect(refusedField({ scores: [{ criterion: ' ', score: 2 }] })).toBe('scores[0].criterion');
    expect(refusedField({ scores: [{ criterion: 'x'.repeat(61), score: 2 }] })).toBe('scores[0].criterion');
    expect(refusedField({ scores: [{ criterion: 'Motivation', score: 2 }, { criterion: 'motivation ', score: 4 }] })).toBe('scores[1].criterion');
    expect(refusedField({ scores: [{ criterion: 'A', score: 2 }], comment: 'x'.repeat(2001) })).toBe('comment');
  });

  it('should average each recruiter’s mean, equally weighted', () => {
    expect(averageScore([])).toBeNull();
    expect(averageScore([{ scores: [{ score: 5 }, { score: 3 }] }])).toBe(4);
    // (4 + 2) / 2, not (5 + 3 + 2) / 3.
    expect(averageScore([{ scores: [{ score: 5 }, { score: 3 }] }, { scores: [{ score: 2 }] }])).toBe(3);
    expect(averageScore([{ scores: [{ score: 1 }, { score: 2 }, { score: 2 }] }])).toBe(1.67);
  });
});
