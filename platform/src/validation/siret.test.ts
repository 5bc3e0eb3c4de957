import { describe, expect, it } from 'vitest';
import { isValidSiret } from './siret.js';

describe('isValidSiret', () => {
  it.each(['73282932000074', '44306184100047', '35600000000010'])('should accept %s', (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  it.each(['73282932000075', '7328293200007', '7328293200007a', '', '00000000000001'])('should refuse %s', (siret) => {
    expect(isValidSiret(siret)).toBe(false);
  });
});
