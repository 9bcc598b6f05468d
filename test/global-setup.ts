// Starts ONE throwaway embedded Neo4j for the whole run (fresh temp dir, free port), migrates and seeds it,
// hands its URI to the tests, and stops it afterwards even when tests failed. The `integration` and `system`
// projects both list this file; Vitest calls it once per project, so the server is kept in a process-wide slot
// and shared: one JVM per run, stopped when the last project that asked for it tears down. The `unit` project
// does not list it and starts no Neo4j at all. Files that write lease the run's second, scratch Neo4j (started on
// first demand) through test/scratch-neo4j.ts instead of starting a JVM each.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { openDatabase } from '../src/runtime.js';
import { seedIfEmpty } from '../src/seed.js';
import { freePort } from './free-port.js';
import { startScratchService, type ScratchService } from './scratch-neo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** Where test/isolated.ts leases the scratch Neo4j for files that write (test/scratch-neo4j.ts). */
    scratchNeo4jService: string;
  }
}

interface SharedNeo4j {
  uri: Promise<string>;
  scratch: Promise<ScratchService>;
  users: number;
  stop: () => Promise<void>;
}

const slot = Symbol.for('kz-political-graph.test-neo4j');
type WithSlot = typeof globalThis & { [slot]?: SharedNeo4j };

function startShared(): SharedNeo4j {
  let stop = async () => undefined as void;
  const uri = (async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kzgraph-test-'));
    const boltPort = await freePort();
    const config = loadConfig({ DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(boltPort), NEO4J_HEAP: '768m', NEO4J_PAGECACHE: '256m', LOG_LEVEL: 'warn' });
    const logger = createLogger('warn');
    const runtime = await openDatabase(config, logger);
    stop = async () => {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    };
    await seedIfEmpty(runtime.database, logger);
    return runtime.uri;
  })();
  const scratch = startScratchService();
  return {
    uri,
    scratch,
    users: 0,
    stop: async () => {
      await (await scratch).close();
      await stop();
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.TEST_NEO4J_URI) {
    // Run against an existing server instead (a developer's convenience; CI always uses a throwaway one).
    project.provide('neo4jUri', process.env.TEST_NEO4J_URI);
    return async () => undefined;
  }
  const holder = globalThis as WithSlot;
  const shared = (holder[slot] ??= startShared());
  shared.users += 1;
  project.provide('neo4jUri', await shared.uri);
  project.provide('scratchNeo4jService', (await shared.scratch).url);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete holder[slot];
    await shared.stop();
  };
}
