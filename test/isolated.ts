// A Neo4j of a test file's own (fresh temp dir, free port), for tests that write: curation and bulk imports change
// counts that other test files assert on the run's shared, seeded database. Plus the app served on it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import type { Database } from '../src/neo4j/database.js';
import { openDatabase } from '../src/runtime.js';
import { seedIfEmpty } from '../src/seed.js';
import { startApp } from '../src/server.js';
import { freePort } from './free-port.js';
import type { GqlResponse, TestServer } from './helpers.js';

export interface IsolatedNeo4j {
  uri: string;
  dataDir: string;
  database: Database;
  close: () => Promise<void>;
}

/** Starts, migrates and (by default) seeds a throwaway embedded Neo4j. */
export async function startIsolatedNeo4j(options: { seed?: boolean } = {}): Promise<IsolatedNeo4j> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kzgraph-isolated-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '128m',
    NEO4J_TX_MEMORY: '512m',
    NEO4J_TX_TIMEOUT: '300s',
    LOG_LEVEL: 'warn',
  });
  const logger = createLogger('warn');
  const runtime = await openDatabase(config, logger);
  if (options.seed !== false) await seedIfEmpty(runtime.database, logger);
  return {
    uri: runtime.uri,
    dataDir,
    database: runtime.database,
    close: async () => {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The real app over HTTP on an isolated Neo4j, with the given environment (API_KEYS...). */
export async function startServerOn(neo4j: IsolatedNeo4j, env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({ NEO4J_URI: neo4j.uri, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '100000', OPERATION_TIMEOUT: '120s', ...env });
  const database = neo4j.database;
  const app = await startApp({
    config,
    logger: createLogger('silent'),
    database,
    readiness: { databaseReachable: async () => (await database.driver.verifyConnectivity(), true), migrationsDone: () => true },
  });
  const url = app.url.replace('localhost', '127.0.0.1');
  const gql: TestServer['gql'] = async <T,>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: Partial<GqlResponse<T>> = {};
    try {
      body = JSON.parse(text) as Partial<GqlResponse<T>>;
    } catch {
      body = { errors: [{ message: text }] };
    }
    return { status: res.status, ...body } as GqlResponse<T>;
  };
  return { app, database, url, gql, close: () => app.close() };
}
