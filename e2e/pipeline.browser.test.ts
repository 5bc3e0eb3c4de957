/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.js';
import { accessTokenOf, claimsOf, horizontalOverflow, signedInPage, textOf } from './browser-session.js';
import { browserSuite } from './browser-suite.js';
import { graphqlOn, type RunningPlatform } from './platform.js';

/*
 * The recruiter's side, on a real platform with the demo seed: "my offers" with the counts per status, an
 * offer's applicants as a board, the demo student's application moved SUBMITTED → SHORTLISTED → INTERVIEW with
 * the card's buttons, evaluated and put on a shortlist; the student's page shows the new status. Then a new
 * offer is written (the legal minimum stipend is enforced in the form) and published (the demo recruiter's
 * enterprise is verified).
 */

const suite = browserSuite();
const { running } = suite;

interface ApplicationRow {
  id: string;
  status: string;
  offer: { id: string; title: string } | null;
  student: { firstName: string; lastName: string } | null;
}

async function applicationsSeenBy(platform: RunningPlatform, token: string): Promise<ApplicationRow[]> {
  const { applications } = await graphqlOn<{ applications: { edges: Array<{ node: ApplicationRow }> } }>(
    platform,
    'query TestApplications { applications(first: 100) { edges { node { id status offer { id title } student { firstName lastName } } } } }',
    {},
    token,
  );
  return applications.edges.map((edge) => edge.node);
}

const STATUSES = ['SUBMITTED', 'SHORTLISTED', 'INTERVIEW', 'OFFERED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN'] as const;

/** The offer's application count per status, as the API gives it (0 where it lists none). */
async function countsOf(platform: RunningPlatform, token: string, offerId: string): Promise<Record<(typeof STATUSES)[number], number>> {
  const { offer } = await graphqlOn<{ offer: { applicationCounts: Array<{ status: string; count: number }> } }>(
    platform,
    'query TestCounts($id: ID!) { offer(id: $id) { applicationCounts { status count } } }',
    { id: offerId },
    token,
  );
  return Object.fromEntries(STATUSES.map((status) => [status, offer.applicationCounts.find((entry) => entry.status === status)?.count ?? 0])) as Record<
    (typeof STATUSES)[number],
    number
  >;
}

/** A calendar day `days` from today in Paris, YYYY-MM-DD. */
function dayFromToday(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + days * 86_400_000));
}

describe('recruiting pipeline', () => {
  it("should move the demo student's application through the board, evaluate and shortlist it, and show the new status to the student", async () => {
    const platform = running().platform;
    const studentToken = await accessTokenOf(platform, 'STUDENT');
    const recruiterToken = await accessTokenOf(platform, 'ENTERPRISE');
    const recruiterIds = new Set((await applicationsSeenBy(platform, recruiterToken)).map((application) => application.id));
    const application = (await applicationsSeenBy(platform, studentToken)).find(
      (candidate) => recruiterIds.has(candidate.id) && candidate.status === 'SUBMITTED',
    );
    if (!application?.offer || !application.student) {
      throw new Error("the seed gives the demo student no SUBMITTED application to the demo recruiter's enterprise");
    }
    const offer = application.offer;
    const name = `${application.student.firstName} ${application.student.lastName}`;
    const before = await countsOf(platform, recruiterToken, offer.id);

    // "My offers": the offer with its counts per status, as the API has them.
    const page = await signedInPage(suite, 'ENTERPRISE', '/enterprise/offers');
    const card = page.locator('.my-offer', { has: page.locator(`a[href="/offers/${offer.id}"]`) });
    await card.waitFor();
    const shown = Object.fromEntries(
      await card.locator('.my-offer__counts > div').evaluateAll((cells) =>
        cells.map((cell) => [cell.querySelector('dt')?.textContent?.trim(), Number(cell.querySelector('dd')?.textContent?.replace(/\D/g, ''))]),
      ),
    ) as Record<string, number>;
    expect(shown).toEqual({
      Envoyée: before.SUBMITTED,
      Présélectionnée: before.SHORTLISTED,
      Entretien: before.INTERVIEW,
      'Proposition reçue': before.OFFERED,
      Acceptée: before.ACCEPTED,
    });
    expect(await textOf(card, '.offer-status')).toBe('Publiée');
    await saveScreenshot(page, 'my-offers-desktop');

    // The board.
    const total = Object.values(before).reduce((sum, count) => sum + count, 0);
    await card.getByRole('link', { name: `Candidats (${total})` }).click();
    await page.waitForURL((url) => url.pathname === `/enterprise/offers/${offer.id}/applicants`);
    await page.getByRole('heading', { level: 1, name: `Candidats — ${offer.title}` }).waitFor();
    const columnCount = (status: string) => textOf(page, `.board__column--${status} .board__count`);
    expect(await columnCount('SUBMITTED')).toBe(String(before.SUBMITTED));
    expect(await columnCount('INTERVIEW')).toBe(String(before.INTERVIEW));
    expect(await textOf(page, '.board__column--closed .board__count')).toBe(String((before.REJECTED ?? 0) + (before.WITHDRAWN ?? 0)));
    const applicant = page.locator(`#card-${application.id}`);
    expect(await page.locator(`.board__column--SUBMITTED #card-${application.id}`).count()).toBe(1);
    expect(await textOf(applicant, '.board-card__name')).toBe(name);
    expect(await textOf(applicant, '.board-card__score')).toBe('Pas encore évaluée');
    await saveScreenshot(page, 'board-desktop');

    // The CV the student sent with the application: listed on the card, downloaded as the PDF they uploaded.
    const { application: sent } = await graphqlOn<{ application: { documents: Array<{ id: string; fileName: string }> } }>(
      platform,
      'query TestSent($id: ID!) { application(id: $id) { documents { id fileName } } }',
      { id: application.id },
      studentToken,
    );
    expect(sent.documents).toHaveLength(1);
    const cv = sent.documents[0]!;
    const file = applicant.getByRole('button', { name: new RegExp(`^Télécharger ${cv.fileName.replace(/[.]/g, '\\.')} CV`) });
    const [download] = await Promise.all([page.waitForEvent('download'), file.click()]);
    expect(download.suggestedFilename()).toBe(cv.fileName);
    expect((await readFile(await download.path())).subarray(0, 5).toString()).toBe('%PDF-');

    // SUBMITTED → SHORTLISTED with the card's button (a keyboard press on it).
    await applicant.getByRole('button', { name: `Présélectionner : ${name}` }).press('Enter');
    await page.locator(`.board__column--SHORTLISTED #card-${application.id}`).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`card-${application.id}`);
    expect(await columnCount('SUBMITTED')).toBe(String(before.SUBMITTED - 1));
    expect(await columnCount('SHORTLISTED')).toBe(String(before.SHORTLISTED + 1));

    // SHORTLISTED → INTERVIEW, with a reason.
    await applicant.getByText('Ajouter un motif au prochain changement').click();
    await applicant.getByLabel('Motif (facultatif)').fill('Entretien fixé mardi');
    await applicant.getByRole('button', { name: `Entretien : ${name}` }).click();
    await page.locator(`.board__column--INTERVIEW #card-${application.id}`).waitFor();
    expect(await columnCount('INTERVIEW')).toBe(String(before.INTERVIEW + 1));

    // Evaluate: three criteria and a comment; the average shows on the card.
    await applicant.getByText('Évaluer', { exact: true }).click();
    await applicant.getByLabel('Motivation').selectOption('5');
    await applicant.getByLabel('Compétences', { exact: true }).selectOption('4');
    await applicant.getByLabel('Communication').selectOption('3');
    await applicant.getByLabel('Commentaire (facultatif)').fill('Très bon échange, à revoir avec l’équipe.');
    await applicant.getByRole('button', { name: "Enregistrer l'évaluation" }).click();
    await applicant.getByText('Évaluation enregistrée.').waitFor();
    expect(await textOf(applicant, '.board-card__score')).toBe('Note moyenne 4 / 5 (1 évaluation)');

    // A shortlist for this offer, and the applicant on it.
    const listName = `Finalistes ${Date.now() % 100_000}`;
    await page.getByLabel('Nouvelle liste de présélection').fill(listName);
    await page.getByRole('button', { name: 'Créer', exact: true }).click();
    await page.getByText(`Liste « ${listName} » créée.`).waitFor();
    await applicant.getByText('Ajouter à une liste').click();
    await applicant.getByLabel('Liste', { exact: true }).selectOption({ label: listName });
    await applicant.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await applicant.locator('.board-card__list-name', { hasText: listName }).waitFor();
    expect(await page.locator('.board-page__shortlists li', { hasText: listName }).textContent()).toContain(`${listName} : 1 candidat·e`);
    await saveScreenshot(page, 'board-moved-desktop');

    // The API agrees on all of it.
    const { application: stored } = await graphqlOn<{
      application: { status: string; averageScore: number | null; history: Array<{ from: string; to: string; reason: string | null }> };
    }>(
      platform,
      'query TestApp($id: ID!) { application(id: $id) { status averageScore history { from to reason } } }',
      { id: application.id },
      recruiterToken,
    );
    expect(stored.status).toBe('INTERVIEW');
    expect(stored.averageScore).toBe(4);
    expect(stored.history.slice(-2)).toEqual([
      { from: 'SUBMITTED', to: 'SHORTLISTED', reason: null },
      { from: 'SHORTLISTED', to: 'INTERVIEW', reason: 'Entretien fixé mardi' },
    ]);
    const { shortlists } = await graphqlOn<{ shortlists: { edges: Array<{ node: { name: string; applications: Array<{ id: string }> } }> } }>(
      platform,
      'query TestLists($offerId: ID) { shortlists(first: 100, offerId: $offerId) { edges { node { name applications { id } } } } }',
      { offerId: offer.id },
      recruiterToken,
    );
    expect(shortlists.edges.find((edge) => edge.node.name === listName)?.node.applications.map((item) => item.id)).toEqual([application.id]);
    const after = await countsOf(platform, recruiterToken, offer.id);
    expect(after.SUBMITTED).toBe(before.SUBMITTED - 1);
    expect(after.INTERVIEW).toBe(before.INTERVIEW + 1);

    // The board on a phone: columns stacked, nothing wider than the screen.
    const phone = await signedInPage(suite, 'ENTERPRISE', `/enterprise/offers/${offer.id}/applicants`, { phone: true });
    await phone.locator(`.board__column--INTERVIEW #card-${application.id}`).waitFor();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await saveScreenshot(phone, 'board-phone');

    // The student's page shows the new status and its history.
    const student = await signedInPage(suite, 'STUDENT', `/applications/${application.id}`);
    await student.locator('.application-status').waitFor();
    expect(await textOf(student, '.application-status')).toBe('Entretien');
    const history = (await student.locator('.application-history li').allTextContents()).map((line) => line.replace(/\s+/g, ' ').trim());
    expect(history.at(-2)).toContain('Envoyée → Présélectionnée');
    expect(history.at(-1)).toContain('Présélectionnée → Entretien');
    expect(history.at(-1)).toContain('Entretien fixé mardi');
    // The recruiters' evaluations are not the student's business.
    expect(await student.getByText('Note moyenne').count()).toBe(0);
    await saveScreenshot(student, 'application-timeline-student');
  });

  it('should create an offer, refuse a stipend under the legal minimum, and publish it', async () => {
    const platform = running().platform;
    const recruiterToken = await accessTokenOf(platform, 'ENTERPRISE');
    const enterpriseId = String(claimsOf(recruiterToken).enterprise_id);
    const title = `Stage analyste données ${Date.now() % 100_000}`;

    const page = await signedInPage(suite, 'ENTERPRISE', '/enterprise/offers');
    await page.getByRole('link', { name: 'Nouvelle offre' }).click();
    await page.waitForURL((url) => url.pathname === '/enterprise/offers/new');
    await page.getByLabel('Intitulé').fill(title);
    await page.getByLabel('Description').fill('Analyse des données de production et tableaux de bord pour les équipes métier.');
    await page.getByLabel('Compétences').fill('SQL, Python, Power BI');
    await page.getByLabel('Ville').fill('Nantes');
    await page.getByLabel('Mode de travail').selectOption('HYBRID');
    await page.getByLabel('Début').fill(dayFromToday(60));
    await page.getByLabel('Date limite').fill(dayFromToday(30));
    await page.getByLabel('Durée (mois)').fill('6');
    await page.getByLabel('Heures par semaine').fill('35');
    // 6 months at 35 h: the gratification is due, at least 682,50 € a month.
    expect(await textOf(page, '#offer-stipend-hint')).toBe('Minimum légal indicatif : 682,50 € par mois à 35 h par semaine.');
    await page.getByLabel('Gratification mensuelle (€)').fill('500');
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    const stipendError = page.locator('#offer-stipend-error');
    await stipendError.waitFor();
    expect(await textOf(page, '#offer-stipend-error')).toContain('au moins 682,50 € par mois');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('offer-stipend');
    await saveScreenshot(page, 'offer-form-error');

    await page.getByLabel('Gratification mensuelle (€)').fill('750');
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await page.waitForURL((url) => url.pathname === '/enterprise/offers' && url.searchParams.has('saved'));
    const offerId = new URL(page.url()).searchParams.get('saved')!;
    const card = page.locator(`#offer-${offerId}`);
    await card.waitFor();
    expect(await textOf(card, '.my-offer__title')).toBe(title);
    expect(await textOf(card, '.offer-status')).toBe('Brouillon');
    expect(await textOf(card, '.my-offer__outcome')).toBe('Offre enregistrée.');

    await card.getByRole('button', { name: `Publier ${title}` }).click();
    await card.getByText('Offre publiée : les étudiant·es peuvent candidater.').waitFor();
    expect(await textOf(card, '.offer-status')).toBe('Publiée');
    await saveScreenshot(page, 'offer-published');

    const { offer } = await graphqlOn<{
      offer: { status: string; title: string; city: string; remote: string; stipendCents: number; skills: string[]; minimumStipendCents: number; enterprise: { id: string } };
    }>(
      platform,
      'query TestOffer($id: ID!) { offer(id: $id) { status title city remote stipendCents skills minimumStipendCents enterprise { id } } }',
      { id: offerId },
      recruiterToken,
    );
    expect(offer).toMatchObject({ status: 'PUBLISHED', title, city: 'Nantes', remote: 'HYBRID', stipendCents: 75_000, skills: ['SQL', 'Python', 'Power BI'] });
    expect(offer.enterprise.id).toBe(enterpriseId);
    expect(offer.minimumStipendCents).toBe(68_250);

    // Published offers are searchable by anyone.
    const { searchOffers } = await graphqlOn<{ searchOffers: { edges: Array<{ node: { id: string } }> } }>(
      platform,
      'query TestFind($q: String) { searchOffers(query: $q, first: 5) { edges { node { id } } } }',
      { q: `"${title}"` },
    );
    expect(searchOffers.edges.map((edge) => edge.node.id)).toContain(offerId);

    // My offers on a phone.
    const phone = await signedInPage(suite, 'ENTERPRISE', '/enterprise/offers', { phone: true });
    await phone.locator(`#offer-${offerId}`).waitFor();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await saveScreenshot(phone, 'my-offers-phone');
  });

  it('should let an administrator verify an enterprise that asked for it, and show the recruiter its profile', async () => {
    const platform = running().platform;
    const adminToken = await accessTokenOf(platform, 'SYSTEM_ADMIN');
    const query = 'query TestWaiting { enterprisesAwaitingVerification(first: 100) { totalCount edges { node { id name } } } }';
    const before = await graphqlOn<{ enterprisesAwaitingVerification: { totalCount: number; edges: Array<{ node: { id: string; name: string } }> } }>(
      platform,
      query,
      {},
      adminToken,
    );
    const first = before.enterprisesAwaitingVerification.edges[0]?.node;
    if (!first) throw new Error('the seed has no enterprise awaiting verification (SUBMITTED)');

    const page = await signedInPage(suite, 'SYSTEM_ADMIN', '/admin/enterprises');
    const total = before.enterprisesAwaitingVerification.totalCount;
    await page.getByRole('heading', { name: `${total} ${total > 1 ? 'entreprises' : 'entreprise'}` }).waitFor();
    await saveScreenshot(page, 'verify-enterprises-desktop');
    await page.getByRole('button', { name: `Vérifier ${first.name}` }).click();
    await page.getByText(`${first.name} est vérifiée.`).waitFor();
    await page.getByRole('heading', { name: `${total - 1} ${total - 1 > 1 ? 'entreprises' : 'entreprise'}` }).waitFor();
    const { enterprise } = await graphqlOn<{ enterprise: { verificationStatus: string } }>(
      platform,
      'query TestEnterprise($id: ID!) { enterprise(id: $id) { verificationStatus } }',
      { id: first.id },
      adminToken,
    );
    expect(enterprise.verificationStatus).toBe('VERIFIED');

    // The recruiter's profile page says where its verification stands.
    const recruiter = await signedInPage(suite, 'ENTERPRISE', '/enterprise/profile', { phone: true });
    await recruiter.getByRole('heading', { level: 1, name: "Profil de l'entreprise" }).waitFor();
    await recruiter.getByText('Votre entreprise est vérifiée : vous pouvez publier vos offres.').waitFor();
    expect(await recruiter.getByLabel('SIRET').inputValue()).toMatch(/^\d{14}$/);
    expect(await horizontalOverflow(recruiter)).toBeLessThanOrEqual(0);
    await saveScreenshot(recruiter, 'enterprise-profile-phone');
  });
});
