import { badUserInput } from '@stages/platform';
import { findCity } from '../location/gazetteer.js';
import { RemotePolicy } from './offer.entity.js';
import { euros, minimumMonthlyStipendCents, type GratificationRule } from './gratification.js';

export const LIMITS = {
  title: { min: 3, max: 200 },
  description: { min: 10, max: 10_000 },
  skill: { min: 1, max: 60 },
  skills: 30,
  city: { min: 1, max: 120 },
  // At most 6 months per host and teaching year (L124-5).
  durationMonths: { min: 1, max: 6 },
  // At most 48 hours a week, as for employees (L124-14).
  weeklyHours: { min: 1, max: 48 },
  stipendCents: 10_000_000,
} as const;

/** Every field of an offer an enterprise writes, before and after validation. */
export interface OfferDraft {
  title: string;
  description: string;
  skills: string[];
  city: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
  remote: RemotePolicy;
  durationMonths: number;
  weeklyHours: number;
  stipendCents: number | null;
  startDate: string;
  deadline: string | null;
}

export interface ValidationContext {
  /** Today in the offers' time zone (YYYY-MM-DD). */
  today: string;
  rule: GratificationRule;
  /**
   * Fields the caller is setting now: only these must be in the future (an edit of a published offer's title
   * does not fail because its start date is today). Orders, lengths and the legal minimum apply to the result.
   */
  changed: ReadonlySet<keyof OfferDraft> | 'all';
}

/** A skill folded for comparison, like the SQL `offers.fold`: no case, accents or ligatures. */
export const skillKey = (skill: string): string =>
  skill.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/gi, 'oe').replace(/æ/gi, 'ae').toLowerCase().replace(/\s+/g, ' ').trim();

/** Skills trimmed, with inner spaces collapsed, keeping the first spelling of each (ignoring case and accents). */
export function normalizeSkills(skills: readonly string[], field = 'skills'): string[] {
  const seen = new Map<string, string>();
  for (const raw of skills) {
    const skill = raw.replace(/\s+/g, ' ').trim();
    if (skill.length < LIMITS.skill.min || skill.length > LIMITS.skill.max) {
      throw badUserInput(field, `Each skill must have ${LIMITS.skill.min} to ${LIMITS.skill.max} characters.`);
    }
    const key = skillKey(skill);
    if (!seen.has(key)) seen.set(key, skill);
  }
  if (seen.size > LIMITS.skills) throw badUserInput(field, `At most ${LIMITS.skills} skills.`);
  return [...seen.values()];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function text(value: string, field: string, limits: { min: number; max: number }): string {
  const trimmed = value.trim();
  if (trimmed.length < limits.min || trimmed.length > limits.max) throw badUserInput(field, `${field} must have ${limits.min} to ${limits.max} characters.`);
  return trimmed;
}

function integer(value: number, field: string, limits: { min: number; max: number }, unit = ''): number {
  if (!Number.isInteger(value) || value < limits.min || value > limits.max) throw badUserInput(field, `${field} must be a whole number from ${limits.min} to ${limits.max}${unit}.`);
  return value;
}

/**
 * Checks and normalizes an offer as it will be stored; throws BAD_USER_INPUT naming the first offending field.
 * Coordinates missing are looked up in the gazetteer from the city (French cities).
 */
export function validateOfferDraft(draft: OfferDraft, context: ValidationContext): OfferDraft {
  const isChanged = (field: keyof OfferDraft) => context.changed === 'all' || context.changed.has(field);
  const title = text(draft.title, 'title', LIMITS.title);
  const description = text(draft.description, 'description', LIMITS.description);
  const skills = normalizeSkills(draft.skills);
  const city = text(draft.city, 'city', LIMITS.city).replace(/\s+/g, ' ');
  const country = draft.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw badUserInput('country', 'country must be an ISO 3166-1 alpha-2 code such as FR.');
  if (!Object.values(RemotePolicy).includes(draft.remote)) throw badUserInput('remote', `remote must be one of ${Object.values(RemotePolicy).join(', ')}.`);

  let { latitude, longitude } = draft;
  if ((latitude === null) !== (longitude === null)) throw badUserInput(latitude === null ? 'latitude' : 'longitude', 'Give both latitude and longitude, or neither (the city is then placed from the gazetteer).');
  if (latitude !== null && (!Number.isFinite(latitude) || latitude < -90 || latitude > 90)) throw badUserInput('latitude', 'latitude must be between -90 and 90.');
  if (longitude !== null && (!Number.isFinite(longitude) || longitude < -180 || longitude > 180)) throw badUserInput('longitude', 'longitude must be between -180 and 180.');
  if (latitude === null) {
    const place = country === 'FR' ? findCity(city) : undefined;
    if (!place) throw badUserInput('city', `Stages cannot place “${city}”: check the city or give its latitude and longitude.`);
    ({ latitude, longitude } = place);
  }

  const durationMonths = integer(draft.durationMonths, 'durationMonths', LIMITS.durationMonths, ' months (at most 6 months per host and year)');
  const weeklyHours = integer(draft.weeklyHours, 'weeklyHours', LIMITS.weeklyHours, ' hours');
  const stipendCents = draft.stipendCents;
  if (stipendCents !== null) integer(stipendCents, 'stipendCents', { min: 0, max: LIMITS.stipendCents }, ' cents');
  const minimum = minimumMonthlyStipendCents(durationMonths, weeklyHours, context.rule);
  if (minimum !== null && (stipendCents === null || stipendCents < minimum)) {
    throw badUserInput(
      'stipendCents',
      `An internship of more than ${context.rule.thresholdHours} hours of presence must pay at least EUR ${euros(context.rule.centsPerHour)} per hour: stipendCents must be at least ${minimum} (EUR ${euros(minimum)} a month at ${weeklyHours} hours a week).`,
    );
  }

  if (!isIsoDate(draft.startDate)) throw badUserInput('startDate', 'startDate must be a date (YYYY-MM-DD).');
  if (isChanged('startDate') && draft.startDate <= context.today) throw badUserInput('startDate', 'startDate must be after today.');
  const deadline = draft.deadline;
  if (deadline !== null) {
    if (!isIsoDate(deadline)) throw badUserInput('deadline', 'deadline must be a date (YYYY-MM-DD).');
    if (isChanged('deadline') && deadline < context.today) throw badUserInput('deadline', 'deadline must be today or later.');
    if (deadline >= draft.startDate) throw badUserInput('deadline', 'deadline must be before startDate.');
  }

  return { title, description, skills, city, country, latitude, longitude, remote: draft.remote, durationMonths, weeklyHours, stipendCents, startDate: draft.startDate, deadline };
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export const localDate = (now: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
