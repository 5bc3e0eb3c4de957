import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LanguageLevel, RemotePolicy, SkillLevel } from './student-profile.types.js';
import {
  cleanText,
  fold,
  optionalText,
  parseAcademicRecords,
  parseLanguages,
  parsePhone,
  parsePreferences,
  parseSkills,
  parseStudentFilter,
  parseYearOfStudy,
  requiredText,
} from './student.validation.js';

/** The BAD_USER_INPUT field `action` fails with. */
function refusedField(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).extensions.field as string;
  }
  throw new Error('expected BAD_USER_INPUT');
}

const NOW = new Date('2026-11-25T12:00:00Z');

describe('texts', () => {
  it('should collapse white space, drop control characters and trim', () => {
    expect(cleanText('  Master\t\nInformatique\u0000 ')).toBe('Master Informatique');
  });

  it('should fold case and accents', () => {
    expect(fold('Étienne Lefèvre-Œuvray')).toBe('etienne lefevre-œuvray');
  });

  it('should refuse a blank required text and a too long one, naming the field', () => {
    expect(refusedField(() => requiredText('   ', 'firstName', 100))).toBe('firstName');
    expect(refusedField(() => requiredText('x'.repeat(101), 'lastName', 100))).toBe('lastName');
    expect(requiredText(' Léa ', 'firstName', 100)).toBe('Léa');
  });

  it('should turn a blank optional text into null and refuse a too long one', () => {
    expect(optionalText('  ', 'headline', 200)).toBeNull();
    expect(optionalText(null, 'headline', 200)).toBeNull();
    expect(refusedField(() => optionalText('x'.repeat(201), 'headline', 200))).toBe('headline');
  });
});

describe('parsePhone', () => {
  it.each([
    ['+33 6 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['0033 (0)6-12-34-56-78'.replace('(0)', ''), '+33612345678'],
    ['+1 (415) 555-0100', '+14155550100'],
  ])('should read %s as %s', (input, expected) => {
    expect(parsePhone(input)).toBe(expected);
  });

  it('should clear the number when blank', () => {
    expect(parsePhone('')).toBeNull();
    expect(parsePhone(null)).toBeNull();
  });

  it.each(['12345', '+0612345678', '+33 6 12 34 56 78 90 12 34', 'call me', '6 12 34 56 78'])('should refuse %s', (input) => {
    expect(refusedField(() => parsePhone(input))).toBe('phone');
  });
});

describe('parseYearOfStudy', () => {
  it('should accept 1 to 8 and null', () => {
    expect(parseYearOfStudy(1)).toBe(1);
    expect(parseYearOfStudy(8)).toBe(8);
    expect(parseYearOfStudy(null)).toBeNull();
  });

  it.each([0, 9, 2.5, -1])('should refuse %s', (year) => {
    expect(refusedField(() => parseYearOfStudy(year))).toBe('yearOfStudy');
  });
});

describe('parseSkills', () => {
  it('should trim names and keep the order and levels', () => {
    expect(parseSkills([{ name: '  Type  Script ', level: SkillLevel.EXPERT }, { name: 'SQL', level: SkillLevel.BEGINNER }])).toEqual([
      { name: 'Type Script', level: 'EXPERT' },
      { name: 'SQL', level: 'BEGINNER' },
    ]);
  });

  it('should refuse a name given twice whatever its case, naming the second', () => {
    expect(refusedField(() => parseSkills([{ name: 'Python', level: SkillLevel.EXPERT }, { name: ' python ', level: SkillLevel.BEGINNER }]))).toBe('skills[1].name');
  });

  it('should refuse blank and too long names', () => {
    expect(refusedField(() => parseSkills([{ name: ' ', level: SkillLevel.EXPERT }]))).toBe('skills[0].name');
    expect(refusedField(() => parseSkills([{ name: 'x'.repeat(61), level: SkillLevel.EXPERT }]))).toBe('skills[0].name');
    expect(parseSkills([{ name: 'x'.repeat(60), level: SkillLevel.EXPERT }])).toHaveLength(1);
  });

  it('should accept 30 skills and refuse 31', () => {
    const skills = (count: number) => Array.from({ length: count }, (_, index) => ({ name: `Skill ${index}`, level: SkillLevel.INTERMEDIATE }));
    expect(parseSkills(skills(30))).toHaveLength(30);
    expect(refusedField(() => parseSkills(skills(31)))).toBe('skills');
  });

  it('should refuse an unknown level', () => {
    expect(refusedField(() => parseSkills([{ name: 'Go', level: 'GURU' as SkillLevel }]))).toBe('skills[0].level');
  });
});

describe('parseLanguages', () => {
  it('should lower-case ISO 639-1 codes', () => {
    expect(parseLanguages([{ code: ' FR ', level: LanguageLevel.NATIVE }, { code: 'en', level: LanguageLevel.B2 }])).toEqual([
      { code: 'fr', level: 'NATIVE' },
      { code: 'en', level: 'B2' },
    ]);
  });

  it.each(['fra', 'xx', '', 'f'])('should refuse the code %j', (code) => {
    expect(refusedField(() => parseLanguages([{ code, level: LanguageLevel.A1 }]))).toBe('languages[0].code');
  });

  it('should refuse a language given twice', () => {
    expect(refusedField(() => parseLanguages([{ code: 'en', level: LanguageLevel.A1 }, { code: 'EN', level: LanguageLevel.C1 }]))).toBe('languages[1].code');
  });
});

describe('parseAcademicRecords', () => {
  const record = { institution: 'Université Paris Cité', degree: 'Licence', field: 'Informatique', startYear: 2022, endYear: 2025, grade: 'Mention bien' };

  it('should give a new record an id and keep the id of an existing one', () => {
    const [created] = parseAcademicRecords([record], [], NOW);
    expect(created!.id).toMatch(/^[0-9a-f-]{36}$/);
    const [kept] = parseAcademicRecords([{ ...record, id: created!.id.toUpperCase(), grade: '  ' }], [created!], NOW);
    expect(kept).toEqual({ ...record, id: created!.id, grade: null });
  });

  it('should accept a record in progress (no end year)', () => {
    expect(parseAcademicRecords([{ ...record, endYear: null }], [], NOW)[0]!.endYear).toBeNull();
  });

  it('should refuse an end year before the start year', () => {
    expect(refusedField(() => parseAcademicRecords([record, { ...record, startYear: 2025, endYear: 2024 }], [], NOW))).toBe('academicRecords[1].endYear');
  });

  it('should refuse implausible start years', () => {
    expect(refusedField(() => parseAcademicRecords([{ ...record, startYear: 1900 }], [], NOW))).toBe('academicRecords[0].startYear');
    expect(refusedField(() => parseAcademicRecords([{ ...record, startYear: 2028, endYear: null }], [], NOW))).toBe('academicRecords[0].startYear');
  });

  it('should refuse an id that is not one of the current records', () => {
    expect(refusedField(() => parseAcademicRecords([{ ...record, id: '0190c3a2-1111-7111-8111-111111111111' }], [], NOW))).toBe('academicRecords[0].id');
  });

  it('should refuse blank or too long texts', () => {
    expect(refusedField(() => parseAcademicRecords([{ ...record, institution: '' }], [], NOW))).toBe('academicRecords[0].institution');
    expect(refusedField(() => parseAcademicRecords([{ ...record, field: 'x'.repeat(201) }], [], NOW))).toBe('academicRecords[0].field');
    expect(refusedField(() => parseAcademicRecords([{ ...record, grade: 'x'.repeat(51) }], [], NOW))).toBe('academicRecords[0].grade');
  });

  it('should refuse more than 20 records', () => {
    expect(refusedField(() => parseAcademicRecords(Array.from({ length: 21 }, () => record), [], NOW))).toBe('academicRecords');
  });
});

describe('parsePreferences', () => {
  it('should change only the fields given, and empty those given as null', () => {
    expect(parsePreferences({ durationMonths: 6 }, NOW)).toEqual({ preferredDurationMonths: 6 });
    expect(parsePreferences({ cities: null, earliestStartDate: null }, NOW)).toEqual({ preferredCities: [], earliestStartDate: null });
  });

  it('should take NAF section letters in upper case and sector names as written, each once', () => {
    expect(parsePreferences({ sectors: ['j', ' Programmation  informatique ', 'J', 'programmation informatique'] }, NOW).preferredSectors).toEqual(['J', 'Programmation informatique']);
  });

  it('should refuse a letter that is no NAF section', () => {
    expect(refusedField(() => parsePreferences({ sectors: ['Z'] }, NOW))).toBe('preferences.sectors[0]');
  });

  it('should keep each city and remote policy once', () => {
    expect(parsePreferences({ cities: ['Lyon', 'lyon', 'Saint-Étienne', 'saint-etienne'], remote: [RemotePolicy.HYBRID, RemotePolicy.HYBRID] }, NOW)).toEqual({
      preferredCities: ['Lyon', 'Saint-Étienne'],
      preferredRemote: ['HYBRID'],
    });
  });

  it('should refuse too many or too long items', () => {
    expect(refusedField(() => parsePreferences({ cities: Array.from({ length: 21 }, (_, index) => `Ville ${index}`) }, NOW))).toBe('preferences.cities');
    expect(refusedField(() => parsePreferences({ cities: ['x'.repeat(121)] }, NOW))).toBe('preferences.cities[0]');
    expect(refusedField(() => parsePreferences({ sectors: ['x'.repeat(101)] }, NOW))).toBe('preferences.sectors[0]');
  });

  it('should accept a start date up to three years ahead', () => {
    expect(parsePreferences({ earliestStartDate: '2027-03-01' }, NOW)).toEqual({ earliestStartDate: '2027-03-01' });
    expect(refusedField(() => parsePreferences({ earliestStartDate: '2030-01-01' }, NOW))).toBe('preferences.earliestStartDate');
    expect(refusedField(() => parsePreferences({ earliestStartDate: '2027-02-30' }, NOW))).toBe('preferences.earliestStartDate');
  });

  it.each([0, 13, 1.5])('should refuse a duration of %s months', (months) => {
    expect(refusedField(() => parsePreferences({ durationMonths: months }, NOW))).toBe('preferences.durationMonths');
  });

  it.each([-1, 1_000_001, 0.5])('should refuse a minimum stipend of %s cents', (cents) => {
    expect(refusedField(() => parsePreferences({ minimumStipendCents: cents }, NOW))).toBe('preferences.minimumStipendCents');
  });
});

describe('parseStudentFilter', () => {
  it('should read an absent filter as "any"', () => {
    expect(parseStudentFilter(undefined)).toEqual({ searchWords: [], program: null, yearOfStudy: null, skills: [], city: null, placed: null });
  });

  it('should split the search into words and trim the rest', () => {
    expect(parseStudentFilter({ search: '  léa   martin ', program: ' info ', skills: [' SQL '], placed: false })).toEqual({
      searchWords: ['léa', 'martin'],
      program: 'info',
      yearOfStudy: null,
      skills: ['SQL'],
      city: null,
      placed: false,
    });
  });

  it('should refuse out-of-range values, naming the filter field', () => {
    expect(refusedField(() => parseStudentFilter({ yearOfStudy: 9 }))).toBe('filter.yearOfStudy');
    expect(refusedField(() => parseStudentFilter({ program: 'x'.repeat(201) }))).toBe('filter.program');
    expect(refusedField(() => parseStudentFilter({ search: 'x'.repeat(101) }))).toBe('filter.search');
    expect(refusedField(() => parseStudentFilter({ skills: [''] }))).toBe('filter.skills[0]');
    expect(refusedField(() => parseStudentFilter({ skills: Array.from({ length: 31 }, (_, index) => `s${index}`) }))).toBe('filter.skills');
  });
});
