import { cityKey } from '../location/gazetteer.js';
import { distanceKm } from '../location/geo.js';
import { skillKey } from '../offer/offer.validation.js';

/** What a recommendation's part is about. */
export enum RecommendationKind {
  SKILLS = 'SKILLS',
  PREFERENCES = 'PREFERENCES',
  LOCATION = 'LOCATION',
  FRESHNESS = 'FRESHNESS',
  STIPEND = 'STIPEND',
}

/** The most each part adds to a score (they sum to 1). */
export const WEIGHTS: Readonly<Record<RecommendationKind, number>> = {
  SKILLS: 0.4,
  PREFERENCES: 0.2,
  LOCATION: 0.2,
  FRESHNESS: 0.1,
  STIPEND: 0.1,
};

/** How much a skill counts by the student's level in it. */
export const LEVEL_WEIGHTS: Readonly<Record<string, number>> = { BEGINNER: 0.5, INTERMEDIATE: 0.75, ADVANCED: 0.9, EXPERT: 1 };

/** Shares of the preferences part. */
const PREFERENCE_SHARES = { sector: 0.4, remote: 0.2, start: 0.2, duration: 0.2 } as const;
/** An offer this close to a preferred city counts fully; the location part fades to nothing at FAR_KM. */
const NEAR_KM = 10;
const FAR_KM = 60;
/** Freshness halves every this many days. */
const FRESHNESS_HALF_LIFE_DAYS = 14;

export interface ScoringStudent {
  skills: ReadonlyArray<{ name: string; level: string }>;
  preferences: {
    sectors: readonly string[];
    cities: readonly string[];
    remote: readonly string[];
    earliestStartDate: string | null;
    durationMonths: number | null;
    minimumStipendCents: number | null;
  };
  /** The preferred cities the gazetteer places. */
  places: ReadonlyArray<{ city: string; latitude: number; longitude: number }>;
}

export interface ScoringOffer {
  id: string;
  skills: readonly string[];
  sector: string | null;
  city: string;
  latitude: number | null;
  longitude: number | null;
  remote: string;
  startDate: string;
  durationMonths: number;
  stipendCents: number | null;
  listedAt: Date;
}

/** What a reason rests on, for `wordReason` to say in the reader's language. */
export type ReasonFacts =
  | { kind: RecommendationKind.SKILLS; skills: string[] }
  | {
      kind: RecommendationKind.PREFERENCES;
      sector: string | null;
      remote: string | null;
      start: { offer: string; earliest: string } | null;
      duration: { months: number; preferred: number } | null;
    }
  | { kind: RecommendationKind.LOCATION; remote: true }
  | { kind: RecommendationKind.LOCATION; remote: false; city: string; preferred: boolean; near: { city: string; km: number } | null }
  | { kind: RecommendationKind.FRESHNESS; days: number }
  | { kind: RecommendationKind.STIPEND; stipendCents: number; minimumCents: number | null };

export interface Reason {
  kind: RecommendationKind;
  /** What this part adds to the score. */
  weight: number;
  facts: ReasonFacts;
}

export interface Scored {
  offerId: string;
  score: number;
  reasons: Reason[];
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

function skills(student: ScoringStudent, offer: ScoringOffer): Reason | null {
  if (offer.skills.length === 0) return null;
  const asked = new Set(offer.skills.map(skillKey));
  const matched = student.skills
    .filter((skill) => asked.has(skillKey(skill.name)))
    .sort((a, b) => (LEVEL_WEIGHTS[b.level] ?? 0) - (LEVEL_WEIGHTS[a.level] ?? 0));
  const unique = [...new Map(matched.map((skill) => [skillKey(skill.name), skill])).values()];
  if (unique.length === 0) return null;
  // Coverage of what the offer asks for, each skill counted by the student's level in it.
  const coverage = Math.min(1, unique.reduce((sum, skill) => sum + (LEVEL_WEIGHTS[skill.level] ?? 0.5), 0) / offer.skills.length);
  const kind = RecommendationKind.SKILLS;
  return { kind, weight: WEIGHTS.SKILLS * coverage, facts: { kind, skills: unique.map((skill) => skill.name) } };
}

function preferences(student: ScoringStudent, offer: ScoringOffer): Reason | null {
  const { preferences: p } = student;
  const kind = RecommendationKind.PREFERENCES;
  const facts: Extract<ReasonFacts, { kind: RecommendationKind.PREFERENCES }> = { kind, sector: null, remote: null, start: null, duration: null };
  let share = 0;
  if (offer.sector && p.sectors.some((sector) => skillKey(sector) === skillKey(offer.sector!))) {
    share += PREFERENCE_SHARES.sector;
    facts.sector = offer.sector;
  }
  if (p.remote.includes(offer.remote)) {
    share += PREFERENCE_SHARES.remote;
    facts.remote = offer.remote;
  }
  if (p.earliestStartDate && offer.startDate >= p.earliestStartDate) {
    share += PREFERENCE_SHARES.start;
    facts.start = { offer: offer.startDate, earliest: p.earliestStartDate };
  }
  if (p.durationMonths !== null) {
    const gap = Math.abs(offer.durationMonths - p.durationMonths);
    if (gap <= 1) {
      share += gap === 0 ? PREFERENCE_SHARES.duration : PREFERENCE_SHARES.duration / 2;
      facts.duration = { months: offer.durationMonths, preferred: p.durationMonths };
    }
  }
  if (share === 0) return null;
  return { kind, weight: WEIGHTS.PREFERENCES * share, facts };
}

function location(student: ScoringStudent, offer: ScoringOffer): Reason | null {
  const kind = RecommendationKind.LOCATION;
  if (offer.remote === 'REMOTE') return { kind, weight: WEIGHTS.LOCATION, facts: { kind, remote: true } };
  const offerCity = cityKey(offer.city);
  if (student.preferences.cities.some((city) => cityKey(city) === offerCity)) {
    return { kind, weight: WEIGHTS.LOCATION, facts: { kind, remote: false, city: offer.city, preferred: true, near: null } };
  }
  if (offer.latitude === null || offer.longitude === null) return null;
  let nearest: { city: string; km: number } | null = null;
  for (const place of student.places) {
    const km = distanceKm(place.latitude, place.longitude, offer.latitude, offer.longitude);
    if (!nearest || km < nearest.km) nearest = { city: place.city, km };
  }
  if (!nearest || nearest.km > FAR_KM) return null;
  const factor = nearest.km <= NEAR_KM ? 1 : 1 - (0.75 * (nearest.km - NEAR_KM)) / (FAR_KM - NEAR_KM);
  return { kind, weight: WEIGHTS.LOCATION * factor, facts: { kind, remote: false, city: offer.city, preferred: false, near: { city: nearest.city, km: Math.round(nearest.km) } } };
}

function freshness(offer: ScoringOffer, now: Date): Reason {
  const days = Math.max(0, Math.floor((now.getTime() - offer.listedAt.getTime()) / 86_400_000));
  const factor = 0.5 ** (days / FRESHNESS_HALF_LIFE_DAYS);
  const kind = RecommendationKind.FRESHNESS;
  return { kind, weight: WEIGHTS.FRESHNESS * factor, facts: { kind, days } };
}

function stipend(student: ScoringStudent, offer: ScoringOffer): Reason | null {
  if (offer.stipendCents === null || offer.stipendCents <= 0) return null;
  const minimum = student.preferences.minimumStipendCents;
  const kind = RecommendationKind.STIPEND;
  if (minimum === null) return { kind, weight: WEIGHTS.STIPEND / 2, facts: { kind, stipendCents: offer.stipendCents, minimumCents: null } };
  if (offer.stipendCents < minimum) return null;
  return { kind, weight: WEIGHTS.STIPEND, facts: { kind, stipendCents: offer.stipendCents, minimumCents: minimum } };
}

/**
 * An offer's score for a student, from 0 to 1, with its reasons: the sum of five weighted parts (skills the
 * offer asks for that the student has, by level; preferences met; closeness to a preferred city; freshness;
 * stipend). Each reason says what it added and the facts it rests on, so the score explains itself.
 */
export function scoreOffer(student: ScoringStudent, offer: ScoringOffer, now: Date): Scored {
  const reasons = [skills(student, offer), preferences(student, offer), location(student, offer), freshness(offer, now), stipend(student, offer)]
    .filter((reason): reason is Reason => reason !== null && reason.weight > 0)
    .map((reason) => ({ ...reason, weight: round(reason.weight) }))
    .sort((a, b) => b.weight - a.weight);
  return { offerId: offer.id, score: round(reasons.reduce((sum, reason) => sum + reason.weight, 0)), reasons };
}

/** The `limit` best offers for a student, best first (ties: most recently listed, then id). */
export function rankOffers(student: ScoringStudent, offers: readonly ScoringOffer[], now: Date, limit: number): Scored[] {
  const listed = new Map(offers.map((offer) => [offer.id, offer.listedAt.getTime()]));
  return offers
    .map((offer) => scoreOffer(student, offer, now))
    .sort((a, b) => b.score - a.score || listed.get(b.offerId)! - listed.get(a.offerId)! || (a.offerId < b.offerId ? 1 : -1))
    .slice(0, limit);
}
