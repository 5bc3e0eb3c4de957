import { badUserInput, isUuid, newId } from '@stages/platform';
import { LanguageLevel, RemotePolicy, SkillLevel, type AcademicRecord, type StudentLanguage, type StudentSkill } from './student-profile.types.js';

export const LIMITS = {
  name: 100,
  city: 120,
  program: 200,
  headline: 200,
  skills: 30,
  skillName: 60,
  languages: 20,
  academicRecords: 20,
  recordText: 200,
  grade: 50,
  sectors: 20,
  sector: 100,
  cities: 20,
  search: 100,
  maxYearOfStudy: 8,
  maxDurationMonths: 12,
  /** EUR 10,000 a month: far above any gratification, low enough to catch a typo in cents. */
  maxStipendCents: 1_000_000,
  /** How far ahead a start date may be, in years. */
  startDateYearsAhead: 3,
} as const;

/** ISO 639-1 language codes. */
const ISO_639_1 = new Set(
  ('aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ' +
    'ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv ' +
    'mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st ' +
    'su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu').split(' '),
);

/** NAF rev. 2 sections: a sector given as one letter must be one of these. */
const NAF_SECTION = /^[A-U]$/;

/** Text as stored: Unicode NFC, runs of white space as one space, no control characters, trimmed. */
export function cleanText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim();
}

/** Lower case without accents, to compare names as people read them ("Étienne" = "etienne"). */
export function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Required text of 1 to `max` characters. */
export function requiredText(value: string | null | undefined, field: string, max: number): string {
  const text = cleanText(value ?? '');
  if (text.length < 1 || text.length > max) throw badUserInput(field, `${field} must have between 1 and ${max} characters.`);
  return text;
}

/** Optional text of at most `max` characters; blank means none. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const text = cleanText(value ?? '');
  if (text.length > max) throw badUserInput(field, `${field} must have at most ${max} characters.`);
  return text || null;
}

/**
 * A phone number in E.164 form: `+` and 8 to 15 digits once spaces, dots, dashes and brackets are removed. `00`
 * stands for `+`, and a French national number (0 and 9 digits) becomes +33. Blank means none.
 */
export function parsePhone(value: string | null | undefined): string | null {
  const raw = cleanText(value ?? '');
  if (!raw) return null;
  let digits = raw.replace(/[\s.()-]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  else if (/^0[1-9]\d{8}$/.test(digits)) digits = `+33${digits.slice(1)}`;
  if (!/^\+[1-9]\d{7,14}$/.test(digits)) {
    throw badUserInput('phone', 'phone must be an international number such as +33 6 12 34 56 78 (or a French number such as 06 12 34 56 78).');
  }
  return digits;
}

export function parseYearOfStudy(value: number | null | undefined, field = 'yearOfStudy'): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > LIMITS.maxYearOfStudy) throw badUserInput(field, `${field} must be between 1 and ${LIMITS.maxYearOfStudy}.`);
  return value;
}

function oneOf<T extends string>(values: Record<string, T>, value: unknown, field: string): T {
  const allowed = Object.values(values);
  if (!allowed.includes(value as T)) throw badUserInput(field, `${field} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

/** Replaces the skill list: trimmed names of 1 to 60 characters, at most 30, each name once (case-insensitively). */
export function parseSkills(skills: ReadonlyArray<{ name: string; level: SkillLevel }>): StudentSkill[] {
  if (skills.length > LIMITS.skills) throw badUserInput('skills', `skills may list at most ${LIMITS.skills} skills.`);
  const seen = new Map<string, string>();
  return skills.map((skill, index) => {
    const name = requiredText(skill.name, `skills[${index}].name`, LIMITS.skillName);
    const key = name.toLocaleLowerCase('fr');
    if (seen.has(key)) throw badUserInput(`skills[${index}].name`, `skills lists "${name}" twice (as "${seen.get(key)}" before): give each skill once.`);
    seen.set(key, name);
    return { name, level: oneOf(SkillLevel, skill.level, `skills[${index}].level`) };
  });
}

export function parseLanguages(languages: ReadonlyArray<{ code: string; level: LanguageLevel }>): StudentLanguage[] {
  if (languages.length > LIMITS.languages) throw badUserInput('languages', `languages may list at most ${LIMITS.languages} languages.`);
  const seen = new Set<string>();
  return languages.map((language, index) => {
    const field = `languages[${index}].code`;
    const code = cleanText(language.code ?? '').toLowerCase();
    if (!ISO_639_1.has(code)) throw badUserInput(field, `${field} must be an ISO 639-1 language code such as fr or en.`);
    if (seen.has(code)) throw badUserInput(field, `languages lists ${code} twice: give each language once.`);
    seen.add(code);
    return { code, level: oneOf(LanguageLevel, language.level, `languages[${index}].level`) };
  });
}

export interface AcademicRecordFields {
  id?: string | null;
  institution: string;
  degree: string;
  field: string;
  startYear: number;
  endYear?: number | null;
  grade?: string | null;
}

/**
 * Replaces the academic records. A record keeps its id when the input gives it (it must be one of the current
 * records'); a record without id is new. Years are in order and plausible.
 */
export function parseAcademicRecords(records: readonly AcademicRecordFields[], current: readonly AcademicRecord[], now = new Date()): AcademicRecord[] {
  if (records.length > LIMITS.academicRecords) throw badUserInput('academicRecords', `academicRecords may list at most ${LIMITS.academicRecords} records.`);
  const known = new Set(current.map((record) => record.id));
  const used = new Set<string>();
  const thisYear = now.getUTCFullYear();
  return records.map((record, index) => {
    const at = (name: string) => `academicRecords[${index}].${name}`;
    let id: string;
    if (record.id === null || record.id === undefined) id = newId();
    else {
      const given = record.id.toLowerCase();
      if (!isUuid(given) || !known.has(given) || used.has(given)) throw badUserInput(at('id'), `${at('id')} must be the id of one of your current records (leave it out for a new record).`);
      id = given;
    }
    used.add(id);
    const startYear = record.startYear;
    if (!Number.isInteger(startYear) || startYear < 1950 || startYear > thisYear + 1) throw badUserInput(at('startYear'), `${at('startYear')} must be a year between 1950 and ${thisYear + 1}.`);
    const endYear = record.endYear ?? null;
    if (endYear !== null && (!Number.isInteger(endYear) || endYear < startYear || endYear > startYear + 15)) {
      throw badUserInput(at('endYear'), `${at('endYear')} must be a year from startYear (${startYear}) to ${startYear + 15}, or null while in progress.`);
    }
    return {
      id,
      institution: requiredText(record.institution, at('institution'), LIMITS.recordText),
      degree: requiredText(record.degree, at('degree'), LIMITS.recordText),
      field: requiredText(record.field, at('field'), LIMITS.recordText),
      startYear,
      endYear,
      grade: optionalText(record.grade, at('grade'), LIMITS.grade),
    };
  });
}

/** A list of distinct texts (compared without case or accents), in the order given; duplicates are dropped. */
function distinctTexts(values: readonly string[], field: string, maxItems: number, maxLength: number, normalize: (text: string, itemField: string) => string = (text) => text): string[] {
  if (values.length > maxItems) throw badUserInput(field, `${field} may list at most ${maxItems} items.`);
  const seen = new Set<string>();
  const result: string[] = [];
  values.forEach((value, index) => {
    const itemField = `${field}[${index}]`;
    const text = normalize(requiredText(value, itemField, maxLength), itemField);
    const key = fold(text);
    if (seen.has(key)) return;
    seen.add(key);
    result.push(text);
  });
  return result;
}

/** A sector is a NAF section letter (A–U, as enterprises' codes group) or a sector name of 2 to 100 characters. */
function normalizeSector(text: string, field: string): string {
  if (text.length === 1) {
    const letter = text.toUpperCase();
    if (!NAF_SECTION.test(letter)) throw badUserInput(field, `${field} must be a NAF section letter (A to U) or a sector name.`);
    return letter;
  }
  return text;
}

export interface PreferencesFields {
  sectors?: string[] | null;
  cities?: string[] | null;
  remote?: RemotePolicy[] | null;
  earliestStartDate?: string | null;
  durationMonths?: number | null;
  minimumStipendCents?: number | null;
}

export interface StoredPreferences {
  preferredSectors: string[];
  preferredCities: string[];
  preferredRemote: RemotePolicy[];
  earliestStartDate: string | null;
  preferredDurationMonths: number | null;
  minimumStipendCents: number | null;
}

/** The preferences a partial input changes: a field left out stays as it is; null empties it. */
export function parsePreferences(input: PreferencesFields, now = new Date()): Partial<StoredPreferences> {
  const changes: Partial<StoredPreferences> = {};
  if (input.sectors !== undefined) changes.preferredSectors = distinctTexts(input.sectors ?? [], 'preferences.sectors', LIMITS.sectors, LIMITS.sector, normalizeSector);
  if (input.cities !== undefined) changes.preferredCities = distinctTexts(input.cities ?? [], 'preferences.cities', LIMITS.cities, LIMITS.city);
  if (input.remote !== undefined) {
    changes.preferredRemote = [...new Set((input.remote ?? []).map((policy, index) => oneOf(RemotePolicy, policy, `preferences.remote[${index}]`)))];
  }
  if (input.earliestStartDate !== undefined) {
    const date = input.earliestStartDate;
    if (date !== null) {
      const latest = new Date(now);
      latest.setUTCFullYear(latest.getUTCFullYear() + LIMITS.startDateYearsAhead);
      const parsed = new Date(`${date}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date || parsed < new Date('2000-01-01T00:00:00Z') || parsed > latest) {
        throw badUserInput('preferences.earliestStartDate', `preferences.earliestStartDate must be a date (YYYY-MM-DD) no more than ${LIMITS.startDateYearsAhead} years ahead.`);
      }
    }
    changes.earliestStartDate = date;
  }
  if (input.durationMonths !== undefined) {
    const months = input.durationMonths;
    if (months !== null && (!Number.isInteger(months) || months < 1 || months > LIMITS.maxDurationMonths)) {
      throw badUserInput('preferences.durationMonths', `preferences.durationMonths must be between 1 and ${LIMITS.maxDurationMonths}.`);
    }
    changes.preferredDurationMonths = months;
  }
  if (input.minimumStipendCents !== undefined) {
    const cents = input.minimumStipendCents;
    if (cents !== null && (!Number.isInteger(cents) || cents < 0 || cents > LIMITS.maxStipendCents)) {
      throw badUserInput('preferences.minimumStipendCents', `preferences.minimumStipendCents must be between 0 and ${LIMITS.maxStipendCents} (euro cents a month).`);
    }
    changes.minimumStipendCents = cents;
  }
  return changes;
}

export interface StudentFilterFields {
  search?: string | null;
  program?: string | null;
  yearOfStudy?: number | null;
  skills?: string[] | null;
  city?: string | null;
  placed?: boolean | null;
}

/** A validated list filter: blank texts and empty lists mean "any". */
export interface StudentFilterValues {
  /** Words that must all appear in the first or last name. */
  searchWords: string[];
  program: string | null;
  yearOfStudy: number | null;
  skills: string[];
  city: string | null;
  placed: boolean | null;
}

export function parseStudentFilter(filter: StudentFilterFields | null | undefined): StudentFilterValues {
  const search = optionalText(filter?.search, 'filter.search', LIMITS.search);
  const skills = filter?.skills ?? [];
  if (skills.length > LIMITS.skills) throw badUserInput('filter.skills', `filter.skills may list at most ${LIMITS.skills} skills.`);
  return {
    searchWords: search ? search.split(' ') : [],
    program: optionalText(filter?.program, 'filter.program', LIMITS.program),
    yearOfStudy: parseYearOfStudy(filter?.yearOfStudy, 'filter.yearOfStudy'),
    skills: skills.map((skill, index) => requiredText(skill, `filter.skills[${index}]`, LIMITS.skillName)),
    city: optionalText(filter?.city, 'filter.city', LIMITS.city),
    placed: filter?.placed ?? null,
  };
}
