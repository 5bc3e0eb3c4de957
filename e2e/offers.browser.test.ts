/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneViewport, saveScreenshot } from './browser.js';
import { browserSuite } from './browser-suite.js';

const offerCards = '.offer-list > li';

const { url, newContext } = browserSuite();

async function openPage(path: string, phone = false): Promise<Page> {
  const context = await newContext(phone ? { viewport: phoneViewport, phone } : {});
  const page = await context.newPage();
  await page.goto(url(path));
  return page;
}

async function waitForCards(page: Page, moreThan: number): Promise<number> {
  await page.waitForFunction(
    ({ selector, count }) => document.querySelectorAll(selector).length > count,
    { selector: offerCards, count: moreThan },
  );
  return page.locator(offerCards).count();
}

async function cardTexts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(`${offerCards} ${selector}`).allTextContents()).map((text) => text.trim());
}

describe('offers page', () => {
  it('should list offers with their enterprises and load more when opening the home page', async () => {
    const page = await openPage('/');

    await page.waitForURL(/\/offers$/);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(await heading.textContent()).toBe('Offres de stage');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.title()).toBe('Offres de stage · Stages');

    const firstPage = await waitForCards(page, 9);
    expect(firstPage).toBeGreaterThanOrEqual(10);

    const titles = await cardTexts(page, '.offer-card__title');
    const enterprises = await cardTexts(page, '.offer-card__enterprise-name');
    expect(titles).toHaveLength(firstPage);
    expect(enterprises).toHaveLength(firstPage);
    for (const text of [...titles, ...enterprises]) expect(text).not.toBe('');
    // Real data from several enterprises, not one placeholder repeated.
    expect(new Set(enterprises).size).toBeGreaterThan(1);

    // Every subgraph answered: counts are shown and no "partial data" notice appears.
    const applications = await cardTexts(page, '.offer-card__applications');
    expect(applications).toHaveLength(firstPage);
    for (const text of applications) expect(text).toMatch(/^\d[\d\s\u202f]* candidatures?$/);
    expect(await page.locator('.notice').count()).toBe(0);

    const total = await page.locator('#offers-list-title').textContent();
    const totalCount = Number(total?.replace(/\D/g, ''));
    expect(totalCount).toBeGreaterThan(firstPage);

    await saveScreenshot(page, 'offers-desktop-fr');

    await page.getByRole('button', { name: "Afficher plus d'offres" }).click();
    const afterMore = await waitForCards(page, firstPage);
    expect(afterMore).toBeGreaterThan(firstPage);
    expect(afterMore).toBeLessThanOrEqual(totalCount);
    const moreEnterprises = await cardTexts(page, '.offer-card__enterprise-name');
    expect(moreEnterprises).toHaveLength(afterMore);
    for (const name of moreEnterprises) expect(name).not.toBe('');
    // Focus moves to the first offer that was just loaded.
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.previousElementSibling !== null)).toBe(
      true,
    );
  });

  it('should show the page in English and remember it when the language is switched', async () => {
    const page = await openPage('/offers');
    await waitForCards(page, 0);
    const frenchFacts = (await cardTexts(page, '.offer-card__facts'))[0];

    await page.getByLabel('Langue').selectOption('en');

    const heading = page.getByRole('heading', { level: 1 });
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Internship offers');
    expect(await heading.textContent()).toBe('Internship offers');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'Show more offers' }).count()).toBe(1);
    const englishFacts = (await cardTexts(page, '.offer-card__facts'))[0];
    expect(englishFacts).not.toBe(frenchFacts);
    expect(englishFacts).toMatch(/Duration/);

    await page.reload();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Internship offers');
    expect(await page.getByLabel('Language').inputValue()).toBe('en');
    await waitForCards(page, 0);
    await saveScreenshot(page, 'offers-desktop-en');
  });

  it('should fit a phone screen when the viewport is 375 px wide', async () => {
    const page = await openPage('/offers', true);
    const count = await waitForCards(page, 9);
    expect(count).toBeGreaterThanOrEqual(10);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'offers-phone');
  });

  it('should show a not-found page when the route is unknown', async () => {
    const page = await openPage('/no-such-page');
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(await heading.textContent()).toBe('Page introuvable');
    expect(await page.getByRole('link', { name: 'Voir les offres de stage' }).count()).toBe(1);
    await saveScreenshot(page, 'not-found');
  });
});
