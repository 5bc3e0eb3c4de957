import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Screenshots land here (gitignored) so a failed or passed run can be looked at afterwards. */
export const artifactsDir = fileURLToPath(new URL('./artifacts/', import.meta.url));

// Debian's chromium: `npx playwright install` cannot download browsers on our machines.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const desktopViewport = { width: 1280, height: 800 };
export const phoneViewport = { width: 375, height: 812 };

export interface BrowserSession {
  browser: Browser;
  /** A new isolated context (own storage, so tests never see each other's language choice). */
  newContext(options?: { viewport?: { width: number; height: number }; phone?: boolean }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Starts headless chromium. Playwright gives every launch a fresh temporary user-data dir and deletes it on
 * close; each context is a further clean profile.
 */
export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  return {
    browser,
    newContext: ({ viewport = desktopViewport, phone = false } = {}) =>
      browser.newContext({
        viewport,
        isMobile: phone,
        hasTouch: phone,
        deviceScaleFactor: 1,
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
      }),
    close: () => browser.close(),
  };
}

/** Saves a full-page PNG under e2e/artifacts/ and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
