import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/** Real-infrastructure suites that drive the web client: left out when there is no Chromium (never under CI). */
export const REAL_BROWSER_SUITES = ['e2e/journey.real.test.ts'];
const chromium = process.env.CI === 'true' || existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');

// Two copies of graphql in one process break schema building ("another module or realm").
const shared = { resolve: { alias: { graphql: 'graphql/index.js' } } };
const setupFiles = ['reflect-metadata'];

export default defineConfig({
  ...shared,
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          setupFiles,
          include: ['{platform,gateway,subgraphs/*,scripts}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.real.test.ts', '**/*.integration.test.ts'],
        },
      },
      {
        ...shared,
        test: {
          name: 'integration',
          setupFiles,
          // Groups run one after another (unit and integration, then browser, then real): each file of these
          // starts a whole platform, and the fault tests stop shared services; together they would starve.
          sequence: { groupOrder: 0 },
          include: ['**/*.integration.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Each file starts a whole platform: one at a time on two cores.
          fileParallelism: false,
        },
      },
      {
        ...shared,
        test: {
          name: 'real',
          setupFiles,
          sequence: { groupOrder: 2 },
          include: ['**/*.real.test.ts'],
          exclude: ['**/node_modules/**', ...(chromium ? [] : REAL_BROWSER_SUITES)],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        ...shared,
        test: {
          name: 'browser',
          setupFiles,
          sequence: { groupOrder: 1 },
          include: ['e2e/**/*.browser.test.ts'],
          testTimeout: 120_000,
          // Starting the platform may take minutes on a first run (initdb, migrations, client build).
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
