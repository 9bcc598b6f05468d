// Starts ONE throwaway embedded Neo4j for the whole run (fresh temp dir, free port), migrates and seeds it,
// hands its URI to the tests, and stops it afterwards even when tests failed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { openDatabase } from '../src/runtime.js';
import { seedIfEmpty } from '../src/seed.js';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.TEST_NEO4J_URI) {
    // Run against an existing server instead (a developer's convenience; CI always uses a throwaway one).
    project.provide('neo4jUri', process.env.TEST_NEO4J_URI);
    return async () => undefined;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kzgraph-test-'));
  const boltPort = await freePort();
  const config = loadConfig({ DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(boltPort), NEO4J_HEAP: '768m', NEO4J_PAGECACHE: '256m', LOG_LEVEL: 'warn' });
  const logger = createLogger('warn');
  const runtime = await openDatabase(config, logger);
  await seedIfEmpty(runtime.database, logger);
  project.provide('neo4jUri', runtime.uri);
  return async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
