/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.js';
import { accessTokenOf, claimsOf, horizontalOverflow, signedInPage, textOf } from './browser-session.js';
import { browserSuite } from './browser-suite.js';
import { graphqlOn } from './platform.js';

/*
 * The demo student edits their profile on a phone (375 px), on a real platform with the demo seed: a skill with
 * a level, a language, a preferred city and a degree; wrong values are refused under their field — a year of
 * study of 12 and a degree ending before it starts (the page's checks), a phone number (the API's BAD_USER_INPUT
 * `phone`) — then the profile is saved, a CV is uploaded and shown on it, and after a reload the page and the API
 * both hold the new values.
 */

const suite = browserSuite();
const { running } = suite;

interface Profile {
  phone: string | null;
  yearOfStudy: number | null;
  skills: Array<{ name: string; level: string }>;
  languages: Array<{ code: string; level: string }>;
  academicRecords: Array<{ id: string; institution: string; degree: string; field: string; startYear: number; endYear: number | null }>;
  preferences: { cities: string[] };
  cv: { id: string; fileName: string } | null;
}

const profileQuery = `query TestProfile($id: ID!) {
  student(id: $id) {
    phone yearOfStudy
    skills { name level }
    languages { code level }
    academicRecords { id institution degree field startYear endYear }
    preferences { cities }
    cv { id fileName }
  }
}`;

/** A tiny but real PDF (the documents subgraph checks the `%PDF-` signature). */
function samplePdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
}

const frenchLanguage: Record<string, string> = { it: 'Italien', pt: 'Portugais', nl: 'Néerlandais', sv: 'Suédois', pl: 'Polonais' };
const frenchCities = ['Lille', 'Rennes', 'Grenoble', 'Dijon', 'Angers'];

describe('student profile', () => {
  it('should save a skill, a language, a preferred city, a degree and a CV, show field errors under their field, and keep the values after a reload', async () => {
    const platform = running().platform;
    const token = await accessTokenOf(platform, 'STUDENT');
    const studentId = String(claimsOf(token).student_id);
    const readProfile = async () =>
      (await graphqlOn<{ student: Profile }>(platform, profileQuery, { id: studentId }, token)).student;
    const before = await readProfile();

    // Values this run adds, none of which the profile holds yet (the test may run again on the same platform).
    const skill = `Kotlin e2e ${Date.now().toString(36).slice(-5)}`;
    const language = Object.keys(frenchLanguage).find((code) => !before.languages.some((known) => known.code === code));
    const city = frenchCities.find((name) => !before.preferences.cities.includes(name));
    if (!language || !city) throw new Error(`the demo student already has every test language or city: ${JSON.stringify(before)}`);
    const skillIndex = before.skills.length;
    const languageIndex = before.languages.length;
    const recordIndex = before.academicRecords.length;
    const cvName = `cv-profil-${Date.now().toString(36)}.pdf`;

    // From "For you", the link to the profile.
    const page = await signedInPage(suite, 'STUDENT', '/for-you', { phone: true });
    await page.getByRole('link', { name: 'Compléter mon profil' }).first().click();
    await page.waitForURL((url) => url.pathname === '/profile');
    await page.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer le profil' }).waitFor();
    // The form shows what the API holds.
    expect(await page.locator('.profile__rows input[id^="profile-skills-"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(
      before.skills.map((known) => known.name),
    );

    // A skill with a level, a language with its level, a preferred city.
    await page.getByRole('button', { name: 'Ajouter une compétence' }).click();
    const skillInput = page.getByLabel(`Compétence ${skillIndex + 1}`, { exact: true });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`profile-skills-${skillIndex}-name`);
    await skillInput.fill(skill);
    await page.getByLabel(`Niveau de la compétence ${skillIndex + 1}`).selectOption('ADVANCED');
    await page.getByRole('button', { name: 'Ajouter une langue' }).click();
    await page.getByLabel(`Langue ${languageIndex + 1}`, { exact: true }).selectOption(language);
    await page.getByLabel(`Niveau de la langue ${languageIndex + 1}`).selectOption('B1');
    const cities = page.locator('#profile-preferences-cities');
    await cities.fill(city);
    await cities.press('Enter');
    await page.locator('.tag-field__chip').filter({ hasText: city }).waitFor();
    expect(await cities.inputValue()).toBe('');

    // Wrong values: the page's own checks, each under its field, focus on the first.
    await page.getByLabel("Année d'études").fill('12');
    await page.getByRole('button', { name: 'Ajouter un diplôme' }).click();
    await page.locator(`#profile-academicRecords-${recordIndex}-institution`).fill('Université de Lille');
    await page.locator(`#profile-academicRecords-${recordIndex}-degree`).fill('Licence');
    await page.locator(`#profile-academicRecords-${recordIndex}-field`).fill('Informatique');
    await page.locator(`#profile-academicRecords-${recordIndex}-startYear`).fill('2024');
    await page.locator(`#profile-academicRecords-${recordIndex}-endYear`).fill('2022');
    await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
    await page.locator('#profile-yearOfStudy-error').waitFor();
    expect(await textOf(page, '#profile-yearOfStudy-error')).toBe("Erreur : L'année d'études doit être un nombre entier de 1 à 8.");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('profile-yearOfStudy');
    expect(await page.getByLabel("Année d'études").getAttribute('aria-describedby')).toContain('profile-yearOfStudy-error');
    expect(await textOf(page, `#profile-academicRecords-${recordIndex}-endYear-error`)).toContain(
      "L'année de fin ne peut pas précéder l'année de début (2024)",
    );
    expect(await page.locator(`#profile-academicRecords-${recordIndex}-endYear`).getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(page, 'profile-errors-phone');

    // A phone number only the API refuses: its BAD_USER_INPUT `phone` shows under the phone field.
    await page.getByLabel("Année d'études").fill('4');
    await page.locator(`#profile-academicRecords-${recordIndex}-endYear`).fill('2027');
    await page.getByLabel('Téléphone').fill('12');
    await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
    await page.locator('#profile-phone-error').waitFor();
    expect(await textOf(page, '#profile-phone-error')).toContain('Saisissez un numéro valide');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('profile-phone');
    expect(await page.locator('#profile-yearOfStudy-error').count()).toBe(0);
    // Nothing was written.
    expect(await readProfile()).toEqual(before);

    // Saved: announced, and the phone comes back in the form the API keeps.
    await page.getByLabel('Téléphone').fill('06 12 34 56 78');
    await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
    await page.getByRole('status').filter({ hasText: 'Profil enregistré.' }).waitFor();
    expect(await page.getByLabel('Téléphone').inputValue()).toBe('+33612345678');

    // The CV: a PDF uploaded here is shown on the profile.
    await page.locator('#profile-cv-upload').setInputFiles({ name: cvName, mimeType: 'application/pdf', buffer: samplePdf() });
    await page.getByText(`${cvName} est maintenant affiché sur votre profil.`).waitFor();
    expect(await textOf(page, '.profile__cv-current')).toContain(`CV affiché sur votre profil : ${cvName}`);

    // The API holds every value.
    const after = await readProfile();
    expect(after.phone).toBe('+33612345678');
    expect(after.yearOfStudy).toBe(4);
    expect(after.skills).toEqual([...before.skills, { name: skill, level: 'ADVANCED' }]);
    expect(after.languages).toEqual([...before.languages, { code: language, level: 'B1' }]);
    expect(after.preferences.cities).toEqual([...before.preferences.cities, city]);
    expect(after.academicRecords.map(({ id: _id, ...record }) => record)).toEqual([
      ...before.academicRecords.map(({ id: _id, ...record }) => record),
      { institution: 'Université de Lille', degree: 'Licence', field: 'Informatique', startYear: 2024, endYear: 2027 },
    ]);
    // Records given back with their id keep it.
    expect(after.academicRecords.slice(0, recordIndex).map((record) => record.id)).toEqual(before.academicRecords.map((record) => record.id));
    expect(after.cv?.fileName).toBe(cvName);

    // After a reload the page shows the saved values.
    await page.reload();
    await page.getByRole('button', { name: 'Enregistrer le profil' }).waitFor();
    expect(await page.getByLabel(`Compétence ${skillIndex + 1}`, { exact: true }).inputValue()).toBe(skill);
    expect(await page.getByLabel(`Niveau de la compétence ${skillIndex + 1}`).inputValue()).toBe('ADVANCED');
    expect(await page.getByLabel(`Langue ${languageIndex + 1}`, { exact: true }).inputValue()).toBe(language);
    expect(await textOf(page.getByLabel(`Langue ${languageIndex + 1}`, { exact: true }), 'option:checked')).toBe(frenchLanguage[language]!);
    expect(await page.getByLabel(`Niveau de la langue ${languageIndex + 1}`).inputValue()).toBe('B1');
    expect(await page.locator('.tag-field__chip').filter({ hasText: city }).count()).toBe(1);
    expect(await page.getByLabel("Année d'études").inputValue()).toBe('4');
    expect(await page.locator(`#profile-academicRecords-${recordIndex}-endYear`).inputValue()).toBe('2027');
    expect(await textOf(page, '.profile__cv-current')).toContain(cvName);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'profile-phone');
  });

  it('should word the reasons of the recommendations in the interface language, and again when it changes', async () => {
    const page = await signedInPage(suite, 'STUDENT', '/for-you');
    const details = page.locator('.for-you__detail');
    await details.first().waitFor();
    const freshness = (texts: string[]) => texts.filter((text) => /^(Publiée|Published)/.test(text));
    const french = await details.allTextContents();
    expect(freshness(french).length).toBeGreaterThan(0);
    expect(freshness(french).every((text) => /^Publiée (aujourd’hui|hier|il y a \d+ jours)$/.test(text)), freshness(french).join(' | ')).toBe(true);

    await page.locator('#language-select').selectOption('en');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.for-you__detail')).some((node) => node.textContent?.startsWith('Published')));
    const english = await details.allTextContents();
    expect(english.length).toBe(french.length);
    expect(freshness(english).every((text) => /^Published (today|yesterday|\d+ days ago)$/.test(text)), freshness(english).join(' | ')).toBe(true);
    expect(english.some((text) => /Publiée|compétences|préférences|villes/.test(text)), english.join(' | ')).toBe(false);
  });
});
