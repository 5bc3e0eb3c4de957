import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['e2e/**/*.browser.test.ts'],
    testTimeout: 120_000,
    // Starting the platform may take up to 180 s, stopping it up to 60 s.
    hookTimeout: 240_000,
    teardownTimeout: 90_000,
    fileParallelism: false,
  },
});
