/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { simplePdf } from '@stages/subgraph-documents/pdf';
import { saveScreenshot } from './browser.js';
import { accessTokenOf, claimsOf, signedInPage, textOf } from './browser-session.js';
import { browserSuite } from './browser-suite.js';
import { graphqlOn } from './platform.js';

/*
 * The recruiting journey through the web client on the real services — `npm start` with `.stages/infra.env`
 * loaded: Postgres, Kafka between the subgraphs, Redis behind the live updates, S3 for the CV, SMTP (Mailpit)
 * for the e-mails. A student applies with a CV uploaded on the spot; the recruiter finds the application on the
 * offer's board, downloads the CV and shortlists the student, whose open page shows it live; the recruiter was
 * e-mailed about the application.
 */

const suite = browserSuite({ real: 'journey' });

describe('recruiting journey in the browser (real services)', () => {
  it('should take an application with a CV from the student to the recruiter’s board and back, live', async () => {
    const platform = suite.running().platform;
    const studentToken = await accessTokenOf(platform, 'STUDENT');
    const recruiterToken = await accessTokenOf(platform, 'ENTERPRISE');
    const studentId = String(claimsOf(studentToken).student_id);
    const enterpriseId = String(claimsOf(recruiterToken).enterprise_id);

    // The test's own view: a published offer of the demo recruiter's enterprise the demo student has not applied to.
    const { enterprise } = await graphqlOn<{ enterprise: { offers: { edges: Array<{ node: { id: string; title: string } }> } } }>(
      platform,
      'query TestOffers($id: ID!) { enterprise(id: $id) { offers(status: PUBLISHED, first: 50) { edges { node { id title } } } } }',
      { id: enterpriseId },
      recruiterToken,
    );
    const { student } = await graphqlOn<{ student: { firstName: string; lastName: string; applications: { edges: Array<{ node: { offer: { id: string } | null } }> } } }>(
      platform,
      'query TestMine($id: ID!) { student(id: $id) { firstName lastName applications(first: 100) { edges { node { offer { id } } } } } }',
      { id: studentId },
      studentToken,
    );
    const applied = new Set(student.applications.edges.map((edge) => edge.node.offer?.id));
    const offer = enterprise.offers.edges.map((edge) => edge.node).find((candidate) => !applied.has(candidate.id));
    if (!offer) throw new Error('the seed leaves the demo student no published offer of the demo enterprise to apply to');
    const name = `${student.firstName} ${student.lastName}`;
    // Mailpit keeps other runs' messages to the same demo address: only those sent from now on count.
    const recruiter = platform.demo!.accounts.find((account) => account.role === 'ENTERPRISE')!.email;
    const since = Date.now() - 1_000;
    const applicationMails = async () =>
      (await suite.services().messagesTo(recruiter)).filter((message) => message.subject.includes('Nouvelle candidature') && Date.parse(message.date) >= since).length;

    // The student applies with a letter and a CV uploaded here (stored in S3).
    const cv = simplePdf(['Curriculum vitae', name, `Parcours e2e ${Date.now()}`]);
    const fileName = `cv-parcours-${Date.now().toString(36)}.pdf`;
    const studentPage = await signedInPage(suite, 'STUDENT', `/offers/${offer.id}`);
    await studentPage.getByRole('heading', { level: 1, name: offer.title }).waitFor();
    await studentPage.getByLabel('Lettre de motivation').fill(`Bonjour, je souhaite rejoindre votre équipe pour « ${offer.title} ».`);
    await studentPage.locator('#cv-upload').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: cv });
    await studentPage.getByText(`${fileName} ajouté et joint à la candidature.`).waitFor();
    await studentPage.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    await studentPage.getByRole('heading', { name: 'Candidature envoyée' }).waitFor();
    await studentPage.getByRole('link', { name: 'Voir ma candidature' }).click();
    await studentPage.locator('.application-status').waitFor();
    expect(await textOf(studentPage, '.application-status')).toBe('Envoyée');
    const applicationId = new URL(studentPage.url()).pathname.split('/').pop()!;

    // The recruiter's board shows it (the offer's applications), with the CV: downloaded, the bytes uploaded.
    const board = await signedInPage(suite, 'ENTERPRISE', `/enterprise/offers/${offer.id}/applicants`);
    const card = board.locator(`.board__column--SUBMITTED #card-${applicationId}`);
    await card.waitFor();
    expect(await textOf(card, '.board-card__name')).toBe(name);
    const file = card.getByRole('button', { name: new RegExp(`^Télécharger ${fileName.replace(/[.]/g, '\\.')} CV`) });
    await file.waitFor();
    const [download] = await Promise.all([board.waitForEvent('download'), file.click()]);
    expect(download.suggestedFilename()).toBe(fileName);
    expect((await readFile(await download.path())).equals(cv)).toBe(true);

    // Shortlisted on the board: the student's open page follows (Kafka → the gateway's hub on Redis → WebSocket).
    await card.getByRole('button', { name: `Présélectionner : ${name}` }).click();
    await board.locator(`.board__column--SHORTLISTED #card-${applicationId}`).waitFor();
    await studentPage.waitForFunction(() => document.querySelector('.application-status')?.textContent?.trim() === 'Présélectionnée', undefined, { timeout: 10_000 });
    await saveScreenshot(studentPage, 'journey-real-student');

    // The recruiter was told of the application by e-mail (SMTP, read back from Mailpit).
    const deadline = Date.now() + 20_000;
    let mails = await applicationMails();
    while (mails === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      mails = await applicationMails();
    }
    expect(mails).toBe(1);
  });
});
