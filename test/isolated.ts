// A fresh Neo4j for a test file that writes: curation and bulk imports change counts that other test files assert
// on the run's shared, seeded database. Inside `npm test` it is a lease of the run's one scratch server
// (test/scratch-neo4j.ts: wiped and reseeded for each file, one file at a time), so writing files cost no JVM
// start each; outside it (TEST_NEO4J_URI runs), a throwaway embedded Neo4j of the file's own. Plus the app on it.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createDriver, Database } from '../src/neo4j/database.js';
import { openDatabase } from '../src/runtime.js';
import { seedIfEmpty } from '../src/seed.js';
import { startApp } from '../src/server.js';
import { freePort } from './free-port.js';
import type { GqlResponse, TestServer } from './helpers.js';
import { scratchSettings } from './scratch-neo4j.js';

export interface IsolatedNeo4j {
  uri: string;
  database: Database;
  close: () => Promise<void>;
}

/** Waits for the scratch server's lease (another file may hold it) and connects; close() gives it back. */
async function leaseScratch(service: string, seed: boolean): Promise<IsolatedNeo4j> {
  const lease = request(`${service}/lease?seed=${seed}`, { method: 'POST' });
  const firstLine = await new Promise<string>((resolvePromise, reject) => {
    lease.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('\n')) resolvePromise(text.slice(0, text.indexOf('\n')));
      });
      res.on('end', () => reject(new Error(`the scratch Neo4j lease ended early: ${text}`)));
    });
    lease.on('error', reject);
    lease.end();
  });
  const answer = JSON.parse(firstLine) as { uri?: string; error?: string };
  if (!answer.uri) {
    lease.destroy();
    throw new Error(`the scratch Neo4j could not be had: ${answer.error}`);
  }
  const txTimeoutMs = 300_000;
  const driver = createDriver({ uri: answer.uri, maxPoolSize: 20, txTimeoutMs });
  return {
    uri: answer.uri,
    database: new Database(driver, { txTimeoutMs }),
    close: async () => {
      await driver.close();
      lease.destroy();
    },
  };
}

/** A fresh, migrated and (by default) seeded Neo4j for this file alone. */
export async function startIsolatedNeo4j(options: { seed?: boolean } = {}): Promise<IsolatedNeo4j> {
  const service = inject('scratchNeo4jService') as string | undefined;
  if (service) return leaseScratch(service, options.seed !== false);
  const dataDir = mkdtempSync(join(tmpdir(), 'kzgraph-isolated-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    NEO4J_BOLT_PORT: String(await freePort()),
    ...scratchSettings,
    LOG_LEVEL: 'warn',
  });
  const logger = createLogger('warn');
  const runtime = await openDatabase(config, logger);
  if (options.seed !== false) await seedIfEmpty(runtime.database, logger);
  return {
    uri: runtime.uri,
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
