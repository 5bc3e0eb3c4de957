import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { remoteModes, type OfferSearchFilter, type RemoteMode, type SavedSearch } from '../../graphql/offers';

/**
 * What the search page shows, as the URL keeps it: `/offers?q=…&skill=…&city=…&radius=…&remote=…&duration=…
 * &stipend=…&from=…&sector=…`, so a search can be shared, bookmarked and reloaded. Money is in whole euros
 * in the URL (what people type), in cents for the API.
 */
export interface SearchState {
  q: string;
  skills: string[];
  city: string;
  radiusKm: number | null;
  remote: RemoteMode[];
  durationMonths: number | null;
  minStipendEuros: number | null;
  startFrom: string;
  sectors: string[];
}

export const emptySearch: SearchState = {
  q: '',
  skills: [],
  city: '',
  radiusKm: null,
  remote: [],
  durationMonths: null,
  minStipendEuros: null,
  startFrom: '',
  sectors: [],
};

/** The radius choices offered around a city (km); the API accepts up to 500. */
export const radiusChoices = [10, 25, 50, 100, 200] as const;

function list(value: LocationQuery[string] | undefined): string[] {
  const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return values.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());
}

function single(value: LocationQuery[string] | undefined): string {
  return list(value)[0] ?? '';
}

function positiveNumber(value: string, max: number): number | null {
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  const number = Number(value);
  return number > 0 && number <= max ? number : null;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function searchFromQuery(query: LocationQuery): SearchState {
  const duration = positiveNumber(single(query.duration), 12);
  return {
    q: single(query.q).slice(0, 200),
    skills: [...new Set(list(query.skill))].slice(0, 30),
    city: single(query.city).slice(0, 120),
    radiusKm: single(query.city) ? positiveNumber(single(query.radius), 500) : null,
    remote: list(query.remote).filter((value): value is RemoteMode => (remoteModes as readonly string[]).includes(value)),
    durationMonths: duration === null ? null : Math.round(duration),
    minStipendEuros: positiveNumber(single(query.stipend), 100_000),
    startFrom: isoDate.test(single(query.from)) ? single(query.from) : '',
    sectors: [...new Set(list(query.sector))],
  };
}

export function searchToQuery(state: SearchState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.q.trim()) query.q = state.q.trim();
  if (state.skills.length) query.skill = state.skills;
  if (state.city.trim()) {
    query.city = state.city.trim();
    if (state.radiusKm) query.radius = String(state.radiusKm);
  }
  if (state.remote.length) query.remote = state.remote;
  if (state.durationMonths) query.duration = String(state.durationMonths);
  if (state.minStipendEuros) query.stipend = String(state.minStipendEuros);
  if (state.startFrom) query.from = state.startFrom;
  if (state.sectors.length) query.sector = state.sectors;
  return query;
}

/** The API's filter for a state, or null when nothing filters. */
export function searchFilter(state: SearchState): OfferSearchFilter | null {
  const filter: OfferSearchFilter = {};
  if (state.skills.length) filter.skills = state.skills;
  if (state.city.trim()) {
    filter.city = state.city.trim();
    if (state.radiusKm) filter.radiusKm = state.radiusKm;
  }
  if (state.remote.length) filter.remote = state.remote;
  if (state.durationMonths) {
    filter.minDurationMonths = state.durationMonths;
    filter.maxDurationMonths = state.durationMonths;
  }
  if (state.minStipendEuros) filter.minStipendCents = Math.round(state.minStipendEuros * 100);
  if (state.startFrom) filter.startFrom = state.startFrom;
  if (state.sectors.length) filter.sectors = state.sectors;
  return Object.keys(filter).length > 0 ? filter : null;
}

/** How many filters (not words) are set: shown on the phone's "Filters" button. */
export function activeFilterCount(state: SearchState): number {
  return (
    state.skills.length +
    (state.city ? 1 : 0) +
    state.remote.length +
    (state.durationMonths ? 1 : 0) +
    (state.minStipendEuros ? 1 : 0) +
    (state.startFrom ? 1 : 0) +
    state.sectors.length
  );
}

/** A saved search as the search page's state (its link opens it). */
export function searchFromSaved(saved: SavedSearch): SearchState {
  const filter = saved.filter;
  return {
    q: saved.query ?? '',
    skills: filter.skills,
    city: filter.city ?? '',
    radiusKm: filter.radiusKm,
    remote: filter.remote,
    durationMonths: filter.minDurationMonths ?? filter.maxDurationMonths,
    minStipendEuros: filter.minStipendCents === null ? null : filter.minStipendCents / 100,
    startFrom: filter.startFrom ?? '',
    sectors: filter.sectors,
  };
}
