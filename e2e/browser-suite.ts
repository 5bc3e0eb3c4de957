import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, type BrowserSession } from './browser.js';
import { usePlatform, type RunningPlatform } from './platform.js';

/**
 * The frame of a browser test file: one platform and one browser for the file, a fresh context per page, every
 * context closed after each test.
 */
export function browserSuite() {
  let platform: RunningPlatform | undefined;
  let session: BrowserSession | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    platform = await usePlatform();
    session = await launchBrowser();
  });

  afterAll(async () => {
    await session?.close();
    await platform?.stop();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  function running(): { platform: RunningPlatform; session: BrowserSession } {
    if (!session || !platform) throw new Error('the browser or the platform did not start');
    return { platform, session };
  }

  return {
    running,
    url: (path: string) => new URL(path, running().platform.url).href,
    async newContext(options?: Parameters<BrowserSession['newContext']>[0]): Promise<BrowserContext> {
      const context = await running().session.newContext(options);
      contexts.push(context);
      return context;
    },
  };
}
