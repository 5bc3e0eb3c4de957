import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locale.js';

describe('negotiateLocale', () => {
  it('should take the supported language of highest weight', () => {
    expect(negotiateLocale('en-GB,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(negotiateLocale('de-DE,de;q=0.9,en;q=0.5,fr;q=0.7')).toBe('fr');
    expect(negotiateLocale('fr-CA')).toBe('fr');
    expect(negotiateLocale('EN')).toBe('en');
  });

  it('should keep the first listed of equal weights, and skip refused ones (q=0)', () => {
    expect(negotiateLocale('en, fr')).toBe('en');
    expect(negotiateLocale('en;q=0, fr;q=0.1')).toBe('fr');
  });

  it('should answer French when nothing supported is asked for, or the header is missing or garbled', () => {
    expect(negotiateLocale(undefined)).toBe('fr');
    expect(negotiateLocale('')).toBe('fr');
    expect(negotiateLocale('de, it;q=0.5')).toBe('fr');
    expect(negotiateLocale('*')).toBe('fr');
    expect(negotiateLocale(';;;,q=,en;q=abc')).toBe('fr');
    expect(negotiateLocale('fr;q=0.5, en;q=2')).toBe('fr');
    expect(negotiateLocale(['en-US', 'fr'])).toBe('en');
  });
});
