import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { RemotePolicy } from './offer.entity.js';
import { isIsoDate, normalizeSkills, validateOfferDraft, type OfferDraft, type ValidationContext } from './offer.validation.js';

const context: ValidationContext = { today: '2026-11-25', rule: { centsPerHour: 450, thresholdHours: 308 }, changed: 'all' };

const draft = (changes: Partial<OfferDraft> = {}): OfferDraft => ({
  title: 'Stage développeur·se TypeScript',
  description: 'Une équipe produit à Lyon cherche un·e stagiaire.',
  skills: ['TypeScript', 'SQL'],
  city: 'Lyon',
  country: 'FR',
  latitude: null,
  longitude: null,
  remote: RemotePolicy.HYBRID,
  durationMonths: 6,
  weeklyHours: 35,
  stipendCents: 70_000,
  startDate: '2027-03-01',
  deadline: '2027-01-15',
  ...changes,
});

/** The field a BAD_USER_INPUT names, or the error when something else was thrown. */
function refusedField(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') return error.extensions.field;
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('offer validation', () => {
  it('should accept a lawful offer and place its city from the gazetteer', () => {
    const valid = validateOfferDraft(draft({ title: '  Stage data  ', city: 'saint-étienne' }), context);
    expect(valid).toMatchObject({ title: 'Stage data', city: 'saint-étienne' });
    expect(valid.latitude).toBeCloseTo(45.44, 1);
    expect(valid.longitude).toBeCloseTo(4.39, 1);
  });

  it('should keep given coordinates and refuse half of them or out of range', () => {
    expect(validateOfferDraft(draft({ city: 'Hameau inconnu', latitude: 45.1, longitude: 5.2 }), context)).toMatchObject({ latitude: 45.1, longitude: 5.2 });
    expect(refusedField(() => validateOfferDraft(draft({ latitude: 45.1 }), context))).toBe('longitude');
    expect(refusedField(() => validateOfferDraft(draft({ latitude: 95, longitude: 2 }), context))).toBe('latitude');
    expect(refusedField(() => validateOfferDraft(draft({ latitude: 45, longitude: 200 }), context))).toBe('longitude');
  });

  it('should name city when an unknown city comes without coordinates', () => {
    expect(refusedField(() => validateOfferDraft(draft({ city: 'Atlantis' }), context))).toBe('city');
    expect(refusedField(() => validateOfferDraft(draft({ city: 'Lyon', country: 'BE' }), context))).toBe('city');
  });

  it('should check lengths and enums', () => {
    expect(refusedField(() => validateOfferDraft(draft({ title: 'ab' }), context))).toBe('title');
    expect(refusedField(() => validateOfferDraft(draft({ title: 'x'.repeat(201) }), context))).toBe('title');
    expect(refusedField(() => validateOfferDraft(draft({ description: 'court' }), context))).toBe('description');
    expect(refusedField(() => validateOfferDraft(draft({ city: '   ' }), context))).toBe('city');
    expect(refusedField(() => validateOfferDraft(draft({ country: 'France' }), context))).toBe('country');
    expect(refusedField(() => validateOfferDraft(draft({ remote: 'SOMETIMES' as RemotePolicy }), context))).toBe('remote');
    expect(refusedField(() => validateOfferDraft(draft({ skills: ['x'.repeat(61)] }), context))).toBe('skills');
    expect(refusedField(() => validateOfferDraft(draft({ skills: Array.from({ length: 31 }, (_, i) => `skill ${i}`) }), context))).toBe('skills');
    expect(refusedField(() => validateOfferDraft(draft({ durationMonths: 7 }), context))).toBe('durationMonths');
    expect(refusedField(() => validateOfferDraft(draft({ durationMonths: 0 }), context))).toBe('durationMonths');
    expect(refusedField(() => validateOfferDraft(draft({ weeklyHours: 49 }), context))).toBe('weeklyHours');
  });

  it('should refuse a negative stipend and one under the legal minimum when due', () => {
    expect(refusedField(() => validateOfferDraft(draft({ durationMonths: 2, stipendCents: -1 }), context))).toBe('stipendCents');
    // 6 months at 35 h: at least EUR 682.50 a month.
    expect(refusedField(() => validateOfferDraft(draft({ stipendCents: 68_249 }), context))).toBe('stipendCents');
    expect(refusedField(() => validateOfferDraft(draft({ stipendCents: null }), context))).toBe('stipendCents');
    expect(validateOfferDraft(draft({ stipendCents: 68_250 }), context).stipendCents).toBe(68_250);
    // Two months at 35 h is not more than 308 hours: no gratification is due.
    expect(validateOfferDraft(draft({ durationMonths: 2, stipendCents: null }), context).stipendCents).toBeNull();
    expect(refusedField(() => validateOfferDraft(draft({ durationMonths: 2, weeklyHours: 39, stipendCents: 0 }), context))).toBe('stipendCents');
  });

  it('should want the start after today and the deadline from today and before the start', () => {
    expect(refusedField(() => validateOfferDraft(draft({ startDate: '2026-11-25', deadline: null }), context))).toBe('startDate');
    expect(refusedField(() => validateOfferDraft(draft({ startDate: '2027-02-30' }), context))).toBe('startDate');
    expect(refusedField(() => validateOfferDraft(draft({ deadline: '2026-11-24' }), context))).toBe('deadline');
    expect(refusedField(() => validateOfferDraft(draft({ deadline: '2027-03-01' }), context))).toBe('deadline');
    expect(validateOfferDraft(draft({ deadline: '2026-11-25' }), context).deadline).toBe('2026-11-25');
  });

  it('should only want the dates an edit changes in the future, but their order always', () => {
    const published = draft({ startDate: '2026-12-01', deadline: '2026-11-20' });
    expect(validateOfferDraft(published, { ...context, changed: new Set(['title']) }).deadline).toBe('2026-11-20');
    expect(refusedField(() => validateOfferDraft(published, { ...context, changed: new Set(['deadline']) }))).toBe('deadline');
    expect(refusedField(() => validateOfferDraft({ ...published, deadline: '2026-12-02' }, { ...context, changed: new Set(['title']) }))).toBe('deadline');
  });
});

describe('skills', () => {
  it('should trim, collapse spaces and drop duplicates ignoring case and accents', () => {
    expect(normalizeSkills(['  Vue.js ', 'vue.JS', 'Énergétique', 'energetique', 'Gestion   de projet'])).toEqual(['Vue.js', 'Énergétique', 'Gestion de projet']);
  });
});

describe('dates', () => {
  it('should know real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-3-1')).toBe(false);
  });
});
