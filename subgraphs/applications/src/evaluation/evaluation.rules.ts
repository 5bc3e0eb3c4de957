import { badUserInput } from '@stages/platform';
import type { EvaluationScore } from './evaluation.entity.js';

export const MAX_CRITERIA = 10;
export const CRITERION_MAX_LENGTH = 60;
export const COMMENT_MAX_LENGTH = 2000;
export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

/** Checks an evaluation: BAD_USER_INPUT naming the field (`scores`, `scores[2].score`, `comment`). */
export function parseEvaluation(input: { scores: ReadonlyArray<{ criterion: string; score: number }>; comment?: string | null }): { scores: EvaluationScore[]; comment: string | null } {
  if (input.scores.length < 1 || input.scores.length > MAX_CRITERIA) throw badUserInput('scores', `scores must have between 1 and ${MAX_CRITERIA} criteria.`);
  const seen = new Set<string>();
  const scores = input.scores.map(({ criterion, score }, index) => {
    const name = criterion.trim().replace(/\s+/g, ' ');
    if (name.length < 1 || name.length > CRITERION_MAX_LENGTH) {
      throw badUserInput(`scores[${index}].criterion`, `scores[${index}].criterion must have between 1 and ${CRITERION_MAX_LENGTH} characters.`);
    }
    if (seen.has(name.toLowerCase())) throw badUserInput(`scores[${index}].criterion`, `The criterion “${name}” is scored twice.`);
    seen.add(name.toLowerCase());
    if (!Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE) {
      throw badUserInput(`scores[${index}].score`, `scores[${index}].score must be a whole number from ${MIN_SCORE} to ${MAX_SCORE}.`);
    }
    return { criterion: name, score };
  });
  const comment = input.comment?.trim() ?? '';
  if (comment.length > COMMENT_MAX_LENGTH) throw badUserInput('comment', `comment must have at most ${COMMENT_MAX_LENGTH} characters.`);
  return { scores, comment: comment || null };
}

/**
 * The application's average: the mean of each evaluation's mean, so every recruiter weighs the same whatever the
 * number of criteria they scored; two decimals; null without evaluations.
 */
export function averageScore(evaluations: ReadonlyArray<{ scores: ReadonlyArray<{ score: number }> }>): number | null {
  const means = evaluations.filter((evaluation) => evaluation.scores.length > 0).map((evaluation) => evaluation.scores.reduce((sum, { score }) => sum + score, 0) / evaluation.scores.length);
  if (means.length === 0) return null;
  return Math.round((means.reduce((sum, mean) => sum + mean, 0) / means.length) * 100) / 100;
}
