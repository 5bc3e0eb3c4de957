import { badUserInput } from '@stages/platform';
import { findCity } from '../location/gazetteer.js';
import { LIMITS, isIsoDate, normalizeSkills } from '../offer/offer.validation.js';
import { RemotePolicy } from '../offer/offer.entity.js';
import type { OfferSearchFilter } from './search.types.js';

export const MAX_QUERY_LENGTH = 200;
export const MAX_RADIUS_KM = 500;

/** A validated search: what the SQL of a search (and of a saved search) is built from. */
export interface SearchCriteria {
  query: string | null;
  skills: string[];
  /** A city without radius: offers whose city has this name (ignoring case and accents). */
  city: string | null;
  /** A city with a radius: offers within radiusKm of its centre. */
  near: { city: string; latitude: number; longitude: number; radiusKm: number } | null;
  remote: RemotePolicy[];
  minDurationMonths: number | null;
  maxDurationMonths: number | null;
  minStipendCents: number | null;
  startFrom: string | null;
  startTo: string | null;
  sectors: string[];
}

const field = (name: string) => `filter.${name}`;

function listOf(values: readonly string[] | null | undefined, name: string, max = 20, length = 200): string[] {
  const cleaned = [...new Set((values ?? []).map((value) => value.trim()).filter(Boolean))];
  if (cleaned.length > max) throw badUserInput(field(name), `At most ${max} values in ${name}.`);
  if (cleaned.some((value) => value.length > length)) throw badUserInput(field(name), `Each value of ${name} has at most ${length} characters.`);
  return cleaned;
}

/** Checks a search's words and filters; BAD_USER_INPUT names the offending one (`query`, `filter.<name>`). */
export function searchCriteria(query: string | null | undefined, filter: OfferSearchFilter | null | undefined): SearchCriteria {
  const text = query?.replace(/\s+/g, ' ').trim() || null;
  if (text && text.length > MAX_QUERY_LENGTH) throw badUserInput('query', `query has at most ${MAX_QUERY_LENGTH} characters.`);
  const f = filter ?? {};
  const skills = normalizeSkills(f.skills ?? [], field('skills'));

  const cityName = f.city?.replace(/\s+/g, ' ').trim() || null;
  if (cityName && cityName.length > LIMITS.city.max) throw badUserInput(field('city'), `city has at most ${LIMITS.city.max} characters.`);
  let near: SearchCriteria['near'] = null;
  if (f.radiusKm !== null && f.radiusKm !== undefined) {
    if (!Number.isFinite(f.radiusKm) || f.radiusKm < 0 || f.radiusKm > MAX_RADIUS_KM) throw badUserInput(field('radiusKm'), `radiusKm must be between 0 and ${MAX_RADIUS_KM}.`);
    if (!cityName) throw badUserInput(field('city'), 'radiusKm needs a city to measure from.');
    const place = findCity(cityName);
    if (!place) throw badUserInput(field('city'), `Stages cannot place “${cityName}”: choose a French city it knows.`);
    near = { city: place.city, latitude: place.latitude, longitude: place.longitude, radiusKm: f.radiusKm };
  }

  const remote = [...new Set(f.remote ?? [])];
  if (remote.some((value) => !Object.values(RemotePolicy).includes(value))) throw badUserInput(field('remote'), 'Unknown remote policy.');

  const months = (value: number | null | undefined, name: string) => {
    if (value === null || value === undefined) return null;
    if (!Number.isInteger(value) || value < 1 || value > 12) throw badUserInput(field(name), `${name} must be a whole number of months from 1 to 12.`);
    return value;
  };
  const minDurationMonths = months(f.minDurationMonths, 'minDurationMonths');
  const maxDurationMonths = months(f.maxDurationMonths, 'maxDurationMonths');
  if (minDurationMonths !== null && maxDurationMonths !== null && minDurationMonths > maxDurationMonths) {
    throw badUserInput(field('maxDurationMonths'), 'maxDurationMonths must not be less than minDurationMonths.');
  }
  const minStipendCents = f.minStipendCents ?? null;
  if (minStipendCents !== null && (!Number.isInteger(minStipendCents) || minStipendCents < 0 || minStipendCents > LIMITS.stipendCents)) {
    throw badUserInput(field('minStipendCents'), 'minStipendCents must be a whole number of cents, 0 or more.');
  }
  const date = (value: string | null | undefined, name: string) => {
    if (value === null || value === undefined) return null;
    if (!isIsoDate(value)) throw badUserInput(field(name), `${name} must be a date (YYYY-MM-DD).`);
    return value;
  };
  const startFrom = date(f.startFrom, 'startFrom');
  const startTo = date(f.startTo, 'startTo');
  if (startFrom && startTo && startFrom > startTo) throw badUserInput(field('startTo'), 'startTo must not be before startFrom.');

  return {
    query: text,
    skills,
    city: near ? null : cityName,
    near,
    remote,
    minDurationMonths,
    maxDurationMonths,
    minStipendCents,
    startFrom,
    startTo,
    sectors: listOf(f.sectors, 'sectors'),
  };
}
