import { describe, expect, it } from 'vitest';
import type { Locale } from '@stages/platform';
import { wordReason } from './reason-wording.js';
import { RecommendationKind, rankOffers, scoreOffer, WEIGHTS, type ScoringOffer, type ScoringStudent } from './scoring.js';

const now = new Date('2026-11-25T12:00:00Z');

const student: ScoringStudent = {
  skills: [
    { name: 'TypeScript', level: 'EXPERT' },
    { name: 'SQL', level: 'ADVANCED' },
    { name: 'Vue.js', level: 'BEGINNER' },
  ],
  preferences: { sectors: ['Programmation informatique'], cities: ['Lyon'], remote: ['HYBRID'], earliestStartDate: '2027-02-01', durationMonths: 6, minimumStipendCents: 70_000 },
  places: [{ city: 'Lyon', latitude: 45.764, longitude: 4.8357 }],
};

const offer = (changes: Partial<ScoringOffer> = {}): ScoringOffer => ({
  id: '0190c3a2-0000-7000-8000-000000000001',
  skills: ['typescript', 'SQL', 'vue.js', 'Docker'],
  sector: 'Programmation informatique',
  city: 'Lyon',
  latitude: 45.764,
  longitude: 4.8357,
  remote: 'HYBRID',
  startDate: '2027-03-01',
  durationMonths: 6,
  stipendCents: 80_000,
  listedAt: now,
  ...changes,
});

/** A reason as the API gives it: kind, weight and the detail worded in `locale`. */
const reason = (scored: ReturnType<typeof scoreOffer>, kind: RecommendationKind, locale: Locale = 'en') => {
  const found = scored.reasons.find((candidate) => candidate.kind === kind);
  return found && { kind: found.kind, weight: found.weight, detail: wordReason(found.facts, locale) };
};

describe('recommendation scoring', () => {
  it('should score a perfect fit near 1 and explain every part', () => {
    const scored = scoreOffer(student, offer(), now);
    expect(reason(scored, RecommendationKind.SKILLS)).toEqual({ kind: 'SKILLS', weight: 0.4 * (1 + 0.9 + 0.5) / 4, detail: '3 of your skills: TypeScript, SQL and Vue.js' });
    expect(reason(scored, RecommendationKind.PREFERENCES)!.detail).toBe('Matches your preferences: sector Programmation informatique, hybrid work, starts 1 March 2027, after 1 February 2027, 6 months');
    expect(reason(scored, RecommendationKind.LOCATION)).toEqual({ kind: 'LOCATION', weight: WEIGHTS.LOCATION, detail: 'In Lyon, one of your cities' });
    expect(reason(scored, RecommendationKind.FRESHNESS)).toEqual({ kind: 'FRESHNESS', weight: WEIGHTS.FRESHNESS, detail: 'Published today' });
    expect(reason(scored, RecommendationKind.STIPEND)!.detail).toBe('Pays €800.00 a month, at least the €700.00 you ask for');
    expect(scored.score).toBeCloseTo(scored.reasons.reduce((sum, r) => sum + r.weight, 0), 4);
    expect(scored.reasons.map((r) => r.weight)).toEqual([...scored.reasons.map((r) => r.weight)].sort((a, b) => b - a));
  });

  it('should word every reason in French for a French reader', () => {
    const scored = scoreOffer(student, offer(), now);
    const fr = (kind: RecommendationKind) => reason(scored, kind, 'fr')!.detail.replace(/\u202f|\u00a0/g, ' ');
    expect(fr(RecommendationKind.SKILLS)).toBe('3 de vos compétences : TypeScript, SQL et Vue.js');
    expect(fr(RecommendationKind.PREFERENCES)).toBe('Correspond à vos préférences : secteur Programmation informatique, télétravail partiel, début le 1er mars 2027, après le 1er février 2027, 6 mois');
    expect(fr(RecommendationKind.LOCATION)).toBe('À Lyon, l’une de vos villes');
    expect(fr(RecommendationKind.FRESHNESS)).toBe('Publiée aujourd’hui');
    expect(fr(RecommendationKind.STIPEND)).toBe('Gratification de 800,00 € par mois, au moins les 700,00 € que vous demandez');
    const near = reason(scoreOffer(student, offer({ city: 'Villeurbanne', latitude: 45.7719, longitude: 4.8902, durationMonths: 5 }), now), RecommendationKind.LOCATION, 'fr')!;
    expect(near.detail).toBe('Villeurbanne, à 4 km de Lyon');
    const shorter = reason(scoreOffer(student, offer({ durationMonths: 5 }), now), RecommendationKind.PREFERENCES, 'fr')!;
    expect(shorter.detail).toMatch(/5 mois \(vous préférez 6 mois\)$/);
    const old = reason(scoreOffer(student, offer({ listedAt: new Date(now.getTime() - 3 * 86_400_000) }), now), RecommendationKind.FRESHNESS, 'fr')!;
    expect(old.detail).toBe('Publiée il y a 3 jours');
    // French places take their article and elision: "au Havre", "d’Annecy", "du Mans".
    const inCity = (city: string) => reason(scoreOffer({ ...student, preferences: { ...student.preferences, cities: [city] } }, offer({ city }), now), RecommendationKind.LOCATION, 'fr')!.detail;
    expect(inCity('Le Havre')).toBe('Au Havre, l’une de vos villes');
    expect(inCity('Les Sables-d’Olonne')).toBe('Aux Sables-d’Olonne, l’une de vos villes');
    expect(inCity('La Rochelle')).toBe('À la Rochelle, l’une de vos villes');
    const from = (city: string) =>
      reason(scoreOffer({ ...student, preferences: { ...student.preferences, cities: [] }, places: [{ city, latitude: 45.764, longitude: 4.8357 }] }, offer({ city: 'Villeurbanne', latitude: 45.7719, longitude: 4.8902 }), now), RecommendationKind.LOCATION, 'fr')!.detail;
    expect(from('Annecy')).toBe('Villeurbanne, à 4 km d’Annecy');
    expect(from('Le Mans')).toBe('Villeurbanne, à 4 km du Mans');
  });

  it('should weigh skills by level and by how much of the offer they cover', () => {
    const expert = scoreOffer(student, offer({ skills: ['TypeScript'] }), now);
    const beginner = scoreOffer(student, offer({ skills: ['Vue.js'] }), now);
    expect(reason(expert, RecommendationKind.SKILLS)!.weight).toBe(0.4);
    expect(reason(beginner, RecommendationKind.SKILLS)!.weight).toBe(0.2);
    expect(reason(scoreOffer(student, offer({ skills: ['Kotlin'] }), now), RecommendationKind.SKILLS)).toBeUndefined();
    expect(reason(expert, RecommendationKind.SKILLS)!.detail).toBe('One of your skills: TypeScript');
  });

  it('should fade the location with distance and count fully remote offers', () => {
    const villeurbanne = reason(scoreOffer(student, offer({ city: 'Villeurbanne', latitude: 45.7719, longitude: 4.8902 }), now), RecommendationKind.LOCATION)!;
    expect(villeurbanne).toEqual({ kind: 'LOCATION', weight: 0.2, detail: 'Villeurbanne, 4 km from Lyon' });
    const vienne = reason(scoreOffer(student, offer({ city: 'Vienne', latitude: 45.5256, longitude: 4.8745 }), now), RecommendationKind.LOCATION)!;
    expect(vienne.weight).toBeGreaterThan(0.05);
    expect(vienne.weight).toBeLessThan(0.2);
    expect(reason(scoreOffer(student, offer({ city: 'Paris', latitude: 48.8566, longitude: 2.3522 }), now), RecommendationKind.LOCATION)).toBeUndefined();
    expect(reason(scoreOffer(student, offer({ city: 'Paris', latitude: 48.8566, longitude: 2.3522, remote: 'REMOTE' }), now), RecommendationKind.LOCATION)!.detail).toBe('Fully remote: no need to move');
  });

  it('should halve freshness every two weeks and say how old the offer is', () => {
    const old = reason(scoreOffer(student, offer({ listedAt: new Date(now.getTime() - 14 * 86_400_000) }), now), RecommendationKind.FRESHNESS)!;
    expect(old).toEqual({ kind: 'FRESHNESS', weight: 0.05, detail: 'Published 14 days ago' });
  });

  it('should give nothing for a stipend under the student’s minimum or preferences not met', () => {
    const scored = scoreOffer(student, offer({ stipendCents: 60_000, sector: 'Conseil', remote: 'ON_SITE', startDate: '2027-01-05', durationMonths: 3 }), now);
    expect(reason(scored, RecommendationKind.STIPEND)).toBeUndefined();
    expect(reason(scored, RecommendationKind.PREFERENCES)).toBeUndefined();
    const noMinimum = { ...student, preferences: { ...student.preferences, minimumStipendCents: null } };
    expect(reason(scoreOffer(noMinimum, offer({ stipendCents: 60_000 }), now), RecommendationKind.STIPEND)).toMatchObject({ weight: WEIGHTS.STIPEND / 2 });
  });

  it('should rank best first, then the most recent', () => {
    const fit = offer({ id: '0190c3a2-0000-7000-8000-00000000000a' });
    const misfit = offer({ id: '0190c3a2-0000-7000-8000-00000000000b', skills: ['Comptabilité'], city: 'Lille', latitude: 50.63, longitude: 3.06, sector: null });
    const olderTwin = offer({ id: '0190c3a2-0000-7000-8000-00000000000c', listedAt: new Date(now.getTime() - 1000) });
    expect(rankOffers(student, [misfit, olderTwin, fit], now, 2).map((scored) => scored.offerId)).toEqual([fit.id, olderTwin.id]);
  });
});
