// Three projects sized for a 2-core machine (docs/operations.md, "Tests"), run one after the other:
// - unit: pure functions and config, no Neo4j at all (seconds); `npm run test:unit`.
// - integration: the real app over HTTP on ONE shared, seeded Neo4j (test/global-setup.ts); `npm run test:integration`.
// - system: whole processes (`npm start`, kills, restarts, other JVMs) and the browser, one file at a time;
//   `npm run test:system`.
// `npm test` runs all three. Files that write keep to their own data (unique ids) or lease the run's scratch
// Neo4j (test/isolated.ts), wiped for each of them.
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// graphql ships CommonJS (index.js, what Node and Apollo load) and ESM (index.mjs, what Vite would pick for
// our sources). Two copies break graphql-js's instanceof checks, so sources get the one Node loads.
const resolve = { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] };

/** Files that start processes or JVMs of their own, or a browser: the system project. */
const systemFiles = ['test/system/**/*.test.ts', 'test/e2e/**/*.test.ts'];

const project = (test: TestProjectInlineConfiguration['test']): TestProjectInlineConfiguration => ({ resolve, test });

export default defineConfig({
  test: {
    reporters: ['default'],
    teardownTimeout: 60_000,
    projects: [
      project({
        name: 'unit',
        include: ['test/unit/**/*.test.ts'],
        pool: 'forks',
        maxWorkers: 2,
        testTimeout: 20_000,
        sequence: { groupOrder: 0 },
      }),
      project({
        name: 'integration',
        include: ['test/integration/**/*.test.ts'],
        globalSetup: ['test/global-setup.ts'],
        pool: 'forks',
        // Two test files at a time beside the shared JVM: the two cores stay busy without thrashing.
        maxWorkers: 2,
        testTimeout: 60_000,
        // A writing file's beforeAll may wait for the scratch Neo4j while another writing file holds it.
        hookTimeout: 600_000,
        sequence: { groupOrder: 1 },
      }),
      project({
        name: 'system',
        include: systemFiles,
        globalSetup: ['test/global-setup.ts'],
        pool: 'forks',
        // Each file starts JVMs, processes or a browser: one file at a time.
        fileParallelism: false,
        testTimeout: 120_000,
        hookTimeout: 180_000,
        sequence: { groupOrder: 2 },
      }),
    ],
  },
});
