import type { EntityManager, Locale } from '@stages/platform';
import { findCity } from '../location/gazetteer.js';
import { boundingBox } from '../location/geo.js';
import { Offer } from '../offer/offer.entity.js';
import { localDate } from '../offer/offer.validation.js';
import { textArray, type Fragment } from '../search/search.sql.js';
import type { StudentPreferences, StudentSkill } from '../external/student.js';
import { rankOffers, type ScoringOffer, type ScoringStudent } from './scoring.js';
import { wordReason } from './reason-wording.js';
import type { RecommendedOffer } from './recommendation.types.js';

/** Candidates per source: the scored set stays bounded (at most ~700 offers) whatever the catalogue size. */
export const CANDIDATES = { bySkills: 300, bySector: 150, byCity: 100, fresh: 100 } as const;
/** Offers this far from a preferred city are candidates (the location part fades to nothing there). */
const CITY_RADIUS_KM = 60;

interface CandidateRow {
  id: string;
  skills: string[];
  sector: string | null;
  city: string;
  latitude: number | null;
  longitude: number | null;
  remote: string;
  start_date: string;
  duration_months: number;
  stipend_cents: number | null;
  listed_at: string;
}

/**
 * Candidate offers for a student, from indexes only: offers sharing a skill (GIN on skill keys), in a preferred
 * sector, near a preferred city (bounding box on the position index), and the most recent ones; each source
 * bounded and ordered by listing time. Published offers still open: deadline not passed, not started.
 */
export function candidatesSql(student: ScoringStudent, today: string): Fragment {
  const open = `"status" = 'PUBLISHED' and ("deadline" is null or "deadline" >= ?::date) and "start_date" >= ?::date`;
  const parts: Fragment[] = [];
  const source = (where: string, params: unknown[], limit: number) =>
    parts.push({ sql: `(select "id" from "offers"."offer" where ${open} and ${where} order by "listed_at" desc limit ${limit})`, params: [today, today, ...params] });
  const skillNames = student.skills.map((skill) => skill.name);
  if (skillNames.length) source(`"skill_keys" && "offers"."skill_keys"(?::text[])`, [textArray(skillNames)], CANDIDATES.bySkills);
  if (student.preferences.sectors.length) source(`"sector" = any(?::text[])`, [textArray(student.preferences.sectors)], CANDIDATES.bySector);
  for (const place of student.places) {
    const box = boundingBox(place.latitude, place.longitude, CITY_RADIUS_KM);
    source(`"latitude" between ? and ? and "longitude" between ? and ?`, [box.minLatitude, box.maxLatitude, box.minLongitude, box.maxLongitude], CANDIDATES.byCity);
  }
  source('true', [], CANDIDATES.fresh);
  return {
    sql: `select o."id", o."skills", o."sector", o."city", o."latitude", o."longitude", o."remote", to_char(o."start_date", 'YYYY-MM-DD') as "start_date",
        o."duration_months", o."stipend_cents", to_char(o."listed_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "listed_at"
      from "offers"."offer" as o where o."id" in (${parts.map((part) => part.sql).join(' union ')})`,
    params: parts.flatMap((part) => part.params),
  };
}

/** The student's skills and preferences as the students subgraph gave them, with their cities placed. */
export function scoringStudent(skills: readonly StudentSkill[], preferences: StudentPreferences): ScoringStudent {
  const places = preferences.cities.map((city) => findCity(city)).filter((place) => place !== undefined);
  return {
    skills: skills.map((skill) => ({ name: skill.name, level: skill.level })),
    preferences: {
      sectors: preferences.sectors ?? [],
      cities: preferences.cities ?? [],
      remote: preferences.remote ?? [],
      earliestStartDate: preferences.earliestStartDate ?? null,
      durationMonths: preferences.durationMonths ?? null,
      minimumStipendCents: preferences.minimumStipendCents ?? null,
    },
    places: [...new Map(places.map((place) => [place.city, place])).values()],
  };
}

/**
 * The best `limit` open offers for a student, their reasons worded in `locale`: one statement for the candidates,
 * one for the chosen offers.
 */
export async function recommendOffers(em: EntityManager, student: ScoringStudent, limit: number, now: Date, timeZone: string, locale: Locale): Promise<RecommendedOffer[]> {
  const statement = candidatesSql(student, localDate(now, timeZone));
  const rows = await em.getConnection().execute<CandidateRow[]>(statement.sql, statement.params);
  const candidates: ScoringOffer[] = rows.map((row) => ({
    id: row.id,
    skills: row.skills,
    sector: row.sector,
    city: row.city,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    remote: row.remote,
    startDate: row.start_date,
    durationMonths: row.duration_months,
    stipendCents: row.stipend_cents,
    listedAt: new Date(row.listed_at),
  }));
  const best = rankOffers(student, candidates, now, limit);
  if (best.length === 0) return [];
  const offers = await em.find(Offer, { id: { $in: best.map((scored) => scored.offerId) } });
  const byId = new Map(offers.map((offer) => [offer.id, offer]));
  return best
    .filter((scored) => byId.has(scored.offerId))
    .map((scored) => ({
      offer: byId.get(scored.offerId)!,
      score: scored.score,
      reasons: scored.reasons.map(({ kind, weight, facts }) => ({ kind, weight, detail: wordReason(facts, locale) })),
    }));
}
