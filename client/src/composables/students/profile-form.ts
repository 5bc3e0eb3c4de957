import type { LanguageLevel, SkillLevel, StudentProfile, StudentProfileInput } from '../../graphql/students';

/*
 * The student profile form (`/profile`): its editable state, the checks that mirror the students subgraph
 * (subgraphs/students/src/student/student.validation.ts), and the input it sends. Errors are keyed by the path
 * the API names in BAD_USER_INPUT `extensions.field` (`yearOfStudy`, `academicRecords[1].endYear`, …), so the
 * client's checks and the server's answers land under the same control. The phone number is left to the server,
 * which reads national and international forms.
 */

export const profileLimits = {
  headline: 200,
  city: 120,
  program: 200,
  maxYearOfStudy: 8,
  skills: 30,
  skillName: 60,
  languages: 20,
  academicRecords: 20,
  recordText: 200,
  grade: 50,
  tags: 20,
  maxDurationMonths: 12,
  maxStipendCents: 1_000_000,
} as const;

/** ISO 639-1 codes, as the server accepts them. */
export const languageCodes = (
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ' +
  'ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv ' +
  'mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st ' +
  'su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
).split(' ');

export interface SkillRow {
  key: number;
  name: string;
  level: SkillLevel;
}

export interface LanguageRow {
  key: number;
  code: string;
  level: LanguageLevel;
}

export interface RecordRow {
  key: number;
  /** Kept when sent back, so the record keeps its id. */
  id: string | null;
  institution: string;
  degree: string;
  field: string;
  startYear: string;
  endYear: string;
  grade: string;
}

export interface ProfileFormValues {
  headline: string;
  phone: string;
  city: string;
  program: string;
  yearOfStudy: string;
  skills: SkillRow[];
  languages: LanguageRow[];
  records: RecordRow[];
  sectors: string[];
  cities: string[];
  remote: string[];
  earliestStartDate: string;
  durationMonths: string;
  /** Euros a month, as typed ("700", "682,50"). */
  minimumStipend: string;
}

/** An error to show: an i18n key under `profile.errors` and its parameters. */
export interface FieldProblem {
  key: string;
  params?: Record<string, unknown>;
}

let nextKey = 1;
/** A stable key for a new row (rows are removed and reordered; indexes would not do). */
export function rowKey(): number {
  return nextKey++;
}

export function emptyRecord(): RecordRow {
  return { key: rowKey(), id: null, institution: '', degree: '', field: '', startYear: '', endYear: '', grade: '' };
}

const text = (value: string) => value.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** The form's values from a saved profile. */
export function formValuesOf(profile: StudentProfile): ProfileFormValues {
  const preferences = profile.preferences;
  return {
    headline: profile.headline ?? '',
    phone: profile.phone ?? '',
    city: profile.city ?? '',
    program: profile.program ?? '',
    yearOfStudy: profile.yearOfStudy === null ? '' : String(profile.yearOfStudy),
    skills: profile.skills.map((skill) => ({ key: rowKey(), ...skill })),
    languages: profile.languages.map((language) => ({ key: rowKey(), ...language })),
    records: profile.academicRecords.map((record) => ({
      key: rowKey(),
      id: record.id,
      institution: record.institution,
      degree: record.degree,
      field: record.field,
      startYear: String(record.startYear),
      endYear: record.endYear === null ? '' : String(record.endYear),
      grade: record.grade ?? '',
    })),
    sectors: [...preferences.sectors],
    cities: [...preferences.cities],
    remote: [...preferences.remote],
    earliestStartDate: preferences.earliestStartDate ?? '',
    durationMonths: preferences.durationMonths === null ? '' : String(preferences.durationMonths),
    minimumStipend: preferences.minimumStipendCents === null ? '' : centsToEuros(preferences.minimumStipendCents),
  };
}

/** Cents as euros to edit: "700", "682.5" → "682,50" in French. */
export function centsToEuros(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** Euros as typed ("700", "682,50", "1 200") to cents; null when blank, NaN when not an amount. */
export function eurosToCents(value: string): number | null {
  const compact = value.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (compact === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(compact)) return Number.NaN;
  return Math.round(Number(compact) * 100);
}

/** A whole number as typed, null when blank, NaN when not one. */
function wholeNumber(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Every problem the client can see, keyed by the API's field path; empty when the form may be sent. */
export function profileProblems(values: ProfileFormValues, now = new Date()): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  const limit = (field: string, value: string, max: number) => {
    if (text(value).length > max) problems[field] = { key: field, params: { max } };
  };
  limit('headline', values.headline, profileLimits.headline);
  limit('city', values.city, profileLimits.city);
  limit('program', values.program, profileLimits.program);
  const year = wholeNumber(values.yearOfStudy);
  if (year !== null && !(year >= 1 && year <= profileLimits.maxYearOfStudy)) {
    problems.yearOfStudy = { key: 'yearOfStudy', params: { max: profileLimits.maxYearOfStudy } };
  }

  if (values.skills.length > profileLimits.skills) problems.skills = { key: 'skills', params: { max: profileLimits.skills } };
  const skillNames = new Set<string>();
  values.skills.forEach((skill, index) => {
    const name = text(skill.name);
    const key = name.toLocaleLowerCase('fr');
    if (name.length < 1 || name.length > profileLimits.skillName) {
      problems[`skills[${index}].name`] = { key: 'skillName', params: { max: profileLimits.skillName } };
    } else if (skillNames.has(key)) problems[`skills[${index}].name`] = { key: 'skillTwice', params: { name } };
    skillNames.add(key);
  });

  if (values.languages.length > profileLimits.languages) {
    problems.languages = { key: 'languages', params: { max: profileLimits.languages } };
  }
  const codes = new Set<string>();
  values.languages.forEach((language, index) => {
    if (!language.code) problems[`languages[${index}].code`] = { key: 'languageCode' };
    else if (codes.has(language.code)) problems[`languages[${index}].code`] = { key: 'languageTwice' };
    codes.add(language.code);
  });

  if (values.records.length > profileLimits.academicRecords) {
    problems.academicRecords = { key: 'academicRecords', params: { max: profileLimits.academicRecords } };
  }
  const thisYear = now.getUTCFullYear();
  values.records.forEach((record, index) => {
    const at = (name: string) => `academicRecords[${index}].${name}`;
    for (const name of ['institution', 'degree', 'field'] as const) {
      const length = text(record[name]).length;
      if (length < 1 || length > profileLimits.recordText) problems[at(name)] = { key: 'recordText', params: { max: profileLimits.recordText } };
    }
    const start = wholeNumber(record.startYear);
    const startValid = start !== null && start >= 1950 && start <= thisYear + 1;
    if (!startValid) problems[at('startYear')] = { key: 'startYear', params: { max: thisYear + 1 } };
    const end = wholeNumber(record.endYear);
    if (end !== null && (Number.isNaN(end) || (startValid && (end < start || end > start + 15)))) {
      problems[at('endYear')] = { key: 'endYear', params: { start: record.startYear.trim() } };
    }
    if (text(record.grade).length > profileLimits.grade) problems[at('grade')] = { key: 'grade', params: { max: profileLimits.grade } };
  });

  const months = wholeNumber(values.durationMonths);
  if (months !== null && !(months >= 1 && months <= profileLimits.maxDurationMonths)) {
    problems['preferences.durationMonths'] = { key: 'durationMonths', params: { max: profileLimits.maxDurationMonths } };
  }
  const cents = eurosToCents(values.minimumStipend);
  if (cents !== null && !(cents >= 0 && cents <= profileLimits.maxStipendCents)) {
    problems['preferences.minimumStipendCents'] = { key: 'minimumStipend' };
  }
  return problems;
}

/** Where the API's field path is shown: a tag list's item under the list, a bad enum under its control. */
export function shownPath(path: string): string {
  const tag = /^(preferences\.(?:sectors|cities|remote))\[\d+\]$/.exec(path);
  return tag?.[1] ?? path;
}

/** The i18n key (under `profile.errors`) of a server error on a path: its last segment, without indexes. */
export function problemKeyOf(path: string, message: string): string {
  const last = path.replace(/\[\d+\]/g, '').split('.').at(-1) ?? path;
  const twice = /twice/.test(message);
  switch (last) {
    case 'name':
      return twice ? 'skillTwice' : 'skillName';
    case 'code':
      return twice ? 'languageTwice' : 'languageCode';
    case 'institution':
    case 'degree':
    case 'field':
      return 'recordText';
    case 'minimumStipendCents':
      return 'minimumStipend';
    default:
      return last;
  }
}

/** The id of the control that shows a path: `academicRecords[1].endYear` → `academicRecords-1-endYear`. */
export function controlIdOf(path: string): string {
  return `profile-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}

/** What `updateStudentProfile` receives: every field of the form (blank → null), lists in the order shown. */
export function profileInputOf(values: ProfileFormValues): StudentProfileInput {
  const optional = (value: string) => text(value) || null;
  return {
    headline: optional(values.headline),
    phone: optional(values.phone),
    city: optional(values.city),
    program: optional(values.program),
    yearOfStudy: wholeNumber(values.yearOfStudy),
    languages: values.languages.map(({ code, level }) => ({ code, level })),
    academicRecords: values.records.map((record) => ({
      ...(record.id ? { id: record.id } : {}),
      institution: text(record.institution),
      degree: text(record.degree),
      field: text(record.field),
      startYear: Number(record.startYear.trim()),
      endYear: wholeNumber(record.endYear),
      grade: optional(record.grade),
    })),
    preferences: {
      sectors: values.sectors,
      cities: values.cities,
      remote: values.remote as NonNullable<StudentProfileInput['preferences']>['remote'],
      earliestStartDate: values.earliestStartDate || null,
      durationMonths: wholeNumber(values.durationMonths),
      minimumStipendCents: eurosToCents(values.minimumStipend),
    },
  };
}

/** The skills `setStudentSkills` receives, trimmed as the server stores them. */
export function skillsInputOf(values: ProfileFormValues): Array<{ name: string; level: SkillLevel }> {
  return values.skills.map((skill) => ({ name: text(skill.name), level: skill.level }));
}

const maxByKey: Record<string, number> = {
  headline: profileLimits.headline,
  city: profileLimits.city,
  program: profileLimits.program,
  yearOfStudy: profileLimits.maxYearOfStudy,
  skills: profileLimits.skills,
  skillName: profileLimits.skillName,
  languages: profileLimits.languages,
  academicRecords: profileLimits.academicRecords,
  recordText: profileLimits.recordText,
  grade: profileLimits.grade,
  sectors: profileLimits.tags,
  cities: profileLimits.tags,
  durationMonths: profileLimits.maxDurationMonths,
};

/** A BAD_USER_INPUT answer of the API as a problem to show (the server's message is English only). */
export function serverProblem(path: string, message: string, values: ProfileFormValues, now = new Date()): FieldProblem {
  const key = problemKeyOf(path, message);
  const record = /^academicRecords\[(\d+)\]/.exec(path);
  const start = record ? (values.records[Number(record[1])]?.startYear.trim() ?? '') : '';
  const max = key === 'startYear' ? now.getUTCFullYear() + 1 : maxByKey[key];
  return { key, params: { max, start, name: '' } };
}
