import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, type BrowserSession } from './browser.js';
import { startPlatform, usePlatform, type RunningPlatform } from './platform.js';
import { realEnvironment, type RealEnvironment } from './real-environment.js';

/**
 * The frame of a browser test file: one platform and one browser for the file, a fresh context per page, every
 * context closed after each test. With `real`, the platform runs on the real services (a database, topics and
 * bucket named after it), as `npm start` does once `.stages/infra.env` is loaded.
 */
export function browserSuite({ real }: { real?: string } = {}) {
  let platform: RunningPlatform | undefined;
  let services: RealEnvironment | undefined;
  let session: BrowserSession | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (real) {
      services = await realEnvironment(real);
      platform = await startPlatform(services.env);
    } else {
      platform = await usePlatform();
    }
    session = await launchBrowser();
  });

  afterAll(async () => {
    await session?.close();
    await platform?.stop();
    await services?.cleanup();
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
    /** The real services of a `real` suite (Mailpit's messages, …). */
    services(): RealEnvironment {
      if (!services) throw new Error('this browser suite runs on the embedded mode');
      return services;
    },
    url: (path: string) => new URL(path, running().platform.url).href,
    async newContext(options?: Parameters<BrowserSession['newContext']>[0]): Promise<BrowserContext> {
      const context = await running().session.newContext(options);
      contexts.push(context);
      return context;
    },
  };
}
