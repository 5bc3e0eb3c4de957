/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.js';
import { accessTokenOf, claimsOf, horizontalOverflow, signedInPage, textOf } from './browser-session.js';
import { browserSuite } from './browser-suite.js';
import { graphqlOn } from './platform.js';

/*
 * A student finds an offer and applies, on a real platform with the demo seed: a search with a word and a facet
 * (the counts shown are the API's), the offer's page, the application with a cover letter and a PDF uploaded
 * on the spot, the application in "my applications", and a second attempt refused as ALREADY_APPLIED with a
 * link to the first one.
 */

const suite = browserSuite();
const { running } = suite;

/** The word searched: the seed has developer offers in several cities and ways of working. */
const word = 'développeur';
const frenchRemote: Record<string, string> = { ON_SITE: 'Sur site', HYBRID: 'Hybride', REMOTE: 'Télétravail' };

interface SearchAnswer {
  searchOffers: {
    totalCount: number;
    edges: Array<{ node: { id: string; title: string; stipendCents: number | null; enterprise: { name: string } } }>;
    facets: { remote: Array<{ value: string; count: number }> };
  };
}

const searchQuery = `query TestSearch($query: String, $filter: OfferSearchFilter) {
  searchOffers(query: $query, filter: $filter, first: 12) {
    totalCount
    edges { node { id title stipendCents enterprise { name } } }
    facets { remote { value count } }
  }
}`;

/** A tiny but real PDF (the documents subgraph checks the `%PDF-` signature). */
function samplePdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
}

describe('applying to an offer', () => {
  it('should find an offer with a word and a facet, apply with a letter and an uploaded CV, and refuse a second application', async () => {
    const platform = running().platform;
    const token = await accessTokenOf(platform, 'STUDENT');
    const studentId = String(claimsOf(token).student_id);

    // The test's own view: the facet that narrows the search most usefully, and an offer of that page the demo
    // student has not applied to yet.
    const all = await graphqlOn<SearchAnswer>(platform, searchQuery, { query: word });
    const facet = all.searchOffers.facets.remote
      .filter((value) => value.count > 0 && value.count < all.searchOffers.totalCount)
      .sort((a, b) => b.count - a.count)[0];
    if (!facet) throw new Error(`the seed gives "${word}" no remote facet that narrows the search: ${JSON.stringify(all.searchOffers.facets)}`);
    const filtered = await graphqlOn<SearchAnswer>(platform, searchQuery, { query: word, filter: { remote: [facet.value] } });
    expect(filtered.searchOffers.totalCount).toBe(facet.count);
    const { student } = await graphqlOn<{ student: { firstName: string; applications: { edges: Array<{ node: { offer: { id: string } | null } }> } } }>(
      platform,
      'query TestMine($id: ID!) { student(id: $id) { firstName applications(first: 100) { edges { node { offer { id } } } } } }',
      { id: studentId },
      token,
    );
    const applied = new Set(student.applications.edges.map((edge) => edge.node.offer?.id));
    const target = filtered.searchOffers.edges.map((edge) => edge.node).find((offer) => !applied.has(offer.id));
    if (!target) throw new Error(`every "${word}" offer with remote=${facet.value} already has an application of the demo student`);

    // The search page: words, then the facet.
    const page = await signedInPage(suite, 'STUDENT', '/offers');
    await page.getByLabel('Mots-clés').fill(word);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === word);
    await page.waitForFunction(
      (count) => document.querySelector('#offers-list-title')?.textContent?.replace(/\D/g, '') === String(count),
      all.searchOffers.totalCount,
    );
    const facetBox = page.getByRole('checkbox', { name: new RegExp(`^${frenchRemote[facet.value]}`) });
    // The count next to the value is the API's.
    const facetLabel = page.locator('label.filter__option', { has: facetBox });
    expect(await facetLabel.locator('.filter__count').textContent()).toBe(String(facet.count));
    await facetBox.check();
    await page.waitForURL((url) => url.searchParams.get('remote') === facet.value && url.searchParams.get('q') === word);
    await page.waitForFunction(
      (count) => document.querySelector('#offers-list-title')?.textContent?.replace(/\D/g, '') === String(count),
      facet.count,
    );
    expect(await textOf(page, '#offers-list-title')).toBe(`${facet.count} ${facet.count > 1 ? 'offres' : 'offre'}`);
    expect(await page.locator('.offer-list > li').count()).toBe(filtered.searchOffers.edges.length);
    expect(await page.getByRole('button', { name: new RegExp(`^${frenchRemote[facet.value]}`) }).count()).toBe(1);
    await saveScreenshot(page, 'search-desktop');

    // The state is in the URL: a reload shows the same search.
    const searchUrl = page.url();
    await page.reload();
    await page.waitForFunction(
      (count) => document.querySelector('#offers-list-title')?.textContent?.replace(/\D/g, '') === String(count),
      facet.count,
    );
    expect(await page.getByLabel('Mots-clés').inputValue()).toBe(word);
    expect(await page.getByRole('checkbox', { name: new RegExp(`^${frenchRemote[facet.value]}`) }).isChecked()).toBe(true);

    // The offer's page.
    await page.locator(`.offer-list a[href="/offers/${target.id}"]`).click();
    await page.waitForURL((url) => url.pathname === `/offers/${target.id}`);
    await page.getByRole('heading', { level: 1, name: target.title }).waitFor();
    expect(await textOf(page, '.offer-page__enterprise')).toContain(target.enterprise.name);
    expect(await page.getByRole('heading', { name: 'Candidater' }).count()).toBe(1);

    // The application: a letter (with its counter) and a CV uploaded here.
    const letter = `Bonjour, je suis très motivée par « ${target.title} ».\nJe connais bien le travail en équipe.`;
    await page.getByLabel('Lettre de motivation').fill(letter);
    expect((await textOf(page, '#cover-letter-count')).replace(/\D/g, '')).toBe(`${letter.length}5000`);
    await page.locator('#cv-upload').setInputFiles({ name: 'cv-test-e2e.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await page.getByText('cv-test-e2e.pdf ajouté et joint à la candidature.').waitFor();
    const uploaded = page.getByRole('checkbox', { name: /cv-test-e2e\.pdf/ });
    expect(await uploaded.isChecked()).toBe(true);
    const attached = await page.locator('.apply__documents input[type="checkbox"]:checked').count();
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    const done = page.getByRole('heading', { name: 'Candidature envoyée' });
    await done.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Candidature envoyée');
    await saveScreenshot(page, 'offer-applied-desktop');

    // The API holds the application as sent.
    const { applications } = await graphqlOn<{
      applications: { edges: Array<{ node: { id: string; status: string; coverLetter: string | null; documentIds: string[]; offer: { id: string } | null } }> };
    }>(platform, 'query TestApps { applications(first: 100) { edges { node { id status coverLetter documentIds offer { id } } } } }', {}, token);
    const created = applications.edges.map((edge) => edge.node).find((node) => node.offer?.id === target.id && node.status === 'SUBMITTED');
    expect(created).toBeDefined();
    expect(created!.coverLetter).toBe(letter.trim());
    expect(created!.documentIds).toHaveLength(attached);
    const { documents } = await graphqlOn<{ documents: { edges: Array<{ node: { id: string; fileName: string; kind: string } }> } }>(
      platform,
      'query TestDocs { documents(first: 100) { edges { node { id fileName kind } } } }',
      {},
      token,
    );
    const uploadedDoc = documents.edges.map((edge) => edge.node).find((doc) => doc.fileName === 'cv-test-e2e.pdf');
    expect(uploadedDoc?.kind).toBe('CV');
    expect(created!.documentIds).toContain(uploadedDoc!.id);
    expect(await page.getByRole('link', { name: 'Voir ma candidature' }).getAttribute('href')).toBe(`/applications/${created!.id}`);

    // "My applications" lists it, with its status.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Candidatures' }).click();
    await page.waitForURL((url) => url.pathname === '/applications');
    const row = page.locator('.record', { has: page.locator(`a[href="/applications/${created!.id}"]`) });
    await row.waitFor();
    expect(await textOf(row, '.record__title')).toBe(target.title);
    expect(await textOf(row, '.application-status')).toBe('Envoyée');
    await saveScreenshot(page, 'my-applications-desktop');

    // Applying again: the API refuses (ALREADY_APPLIED) and the page says so, with a link to the application.
    await page.goto(searchUrl.replace(/\/offers\?.*$/, `/offers/${target.id}`));
    await page.getByLabel('Lettre de motivation').fill('Une seconde candidature.');
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Vous avez déjà une candidature en cours pour cette offre.' });
    await refusal.waitFor();
    expect(await refusal.getByRole('link', { name: 'Voir ma candidature existante' }).getAttribute('href')).toBe(
      `/applications/${created!.id}`,
    );
    const after = await graphqlOn<{ applications: { edges: Array<{ node: { offer: { id: string } | null } }> } }>(
      platform,
      'query TestApps2 { applications(first: 100) { edges { node { offer { id } } } } }',
      {},
      token,
    );
    expect(after.applications.edges.filter((edge) => edge.node.offer?.id === target.id)).toHaveLength(1);
    await saveScreenshot(page, 'offer-already-applied');

    // The same pages on a phone: nothing wider than the screen.
    const phone = await signedInPage(suite, 'STUDENT', `/offers/${target.id}`, { phone: true });
    await phone.getByRole('heading', { level: 1, name: target.title }).waitFor();
    await phone.getByLabel('Lettre de motivation').waitFor();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await saveScreenshot(phone, 'offer-phone');
    await phone.goto(searchUrl);
    await phone.waitForFunction(
      (count) => document.querySelector('#offers-list-title')?.textContent?.replace(/\D/g, '') === String(count),
      facet.count,
    );
    // Filters fold behind a button on a phone; it says how many are set.
    const toggle = phone.getByRole('button', { name: 'Filtres (1)' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await saveScreenshot(phone, 'search-phone');
    await toggle.click();
    expect(await phone.getByRole('checkbox', { name: new RegExp(`^${frenchRemote[facet.value]}`) }).isChecked()).toBe(true);
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await saveScreenshot(phone, 'search-filters-phone');
  });
});
