import { describe, expect, it } from 'vitest';
import { isValidSiret } from './siret.js';

describe('isValidSiret', () => {
  it.each(['81234567000010', '98765432100015', '35600000000010'])('should accept %s', (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  it.each(['81234567000011', '8123456700001', '8123456700001a', '', '00000000000001'])('should refuse %s', (siret) => {
    expect(isValidSiret(siret)).toBe(false);
  });
});
