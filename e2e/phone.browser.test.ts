/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.js';
import { accessTokenOf, claimsOf, horizontalOverflow, signedInPage } from './browser-session.js';
import { browserSuite } from './browser-suite.js';
import { graphqlOn } from './platform.js';

/*
 * Every signed-in page of each role on a phone (375 × 812): it shows its heading and its content, and nothing is
 * wider than the screen (no sideways scrolling). A screenshot of each is kept in e2e/artifacts/phone-*.png.
 */

const suite = browserSuite();

/** Visits each path in one signed-in page; checks the heading is shown and the page fits the screen. */
async function checkPages(role: string, paths: string[]): Promise<void> {
  const page = await signedInPage(suite, role, paths[0]!, { phone: true });
  for (const path of paths) {
    if (new URL(page.url()).pathname !== path) await page.goto(suite.url(path));
    await page.locator('main h1').first().waitFor();
    // Lists load after the heading: wait until nothing says it is loading.
    await page.waitForFunction(() => !document.querySelector('.list-status[role="status"]'), undefined, { timeout: 15_000 });
    const overflow = await horizontalOverflow(page);
    const wide = overflow > 0 ? await page.evaluate(() => Array.from(document.querySelectorAll('main *')).filter((node) => node.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map((node) => `${node.tagName.toLowerCase()}.${Array.from(node.classList).join('.')}`)) : [];
    expect(overflow, `${role} ${path} is ${overflow}px wider than the screen: ${wide.join(', ')}`).toBeLessThanOrEqual(0);
    await saveScreenshot(page, `phone-${role.toLowerCase()}-${path.replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, 'id').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}`);
  }
}

describe('pages on a phone', () => {
  it('should fit every page of a student on a 375 px screen', async () => {
    const platform = suite.running().platform;
    const token = await accessTokenOf(platform, 'STUDENT');
    const { student } = await graphqlOn<{ student: { applications: { edges: Array<{ node: { id: string; offer: { id: string } | null } }> } } }>(
      platform,
      'query TestMine($id: ID!) { student(id: $id) { applications(first: 1) { edges { node { id offer { id } } } } } }',
      { id: String(claimsOf(token).student_id) },
      token,
    );
    const application = student.applications.edges[0]?.node;
    if (!application?.offer) throw new Error('the seed gives the demo student no application');
    await checkPages('STUDENT', ['/offers', `/offers/${application.offer.id}`, '/for-you', '/profile', '/applications', `/applications/${application.id}`, '/account', '/account/security']);
  });

  it('should fit every page of a recruiter on a 375 px screen', async () => {
    const platform = suite.running().platform;
    const token = await accessTokenOf(platform, 'ENTERPRISE');
    const { enterprise } = await graphqlOn<{ enterprise: { offers: { edges: Array<{ node: { id: string } }> } } }>(
      platform,
      'query TestOffers($id: ID!) { enterprise(id: $id) { offers(first: 1) { edges { node { id } } } } }',
      { id: String(claimsOf(token).enterprise_id) },
      token,
    );
    const offer = enterprise.offers.edges[0]?.node;
    if (!offer) throw new Error('the seed gives the demo enterprise no offer');
    await checkPages('ENTERPRISE', ['/enterprise/offers', '/enterprise/offers/new', `/enterprise/offers/${offer.id}/edit`, `/enterprise/offers/${offer.id}/applicants`, '/enterprise/profile', '/applications']);
  });

  it('should fit the pages of university staff and administrators on a 375 px screen', async () => {
    await checkPages('UNIVERSITY_ADMIN', ['/university/students', '/applications']);
    await checkPages('SYSTEM_ADMIN', ['/admin/enterprises', '/admin/users']);
  });
});
