// One throwaway Neo4j per run (test/global-setup.ts); unit tests and integration tests share it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships CommonJS (index.js, what Node and Apollo load) and ESM (index.mjs, what Vite would pick for
  // our sources). Two copies break graphql-js's instanceof checks, so sources get the one Node loads.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
