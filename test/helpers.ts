// Test helpers: the real app on a free port against the run's Neo4j, and a tiny GraphQL-over-HTTP client.
import { inject } from 'vitest';
import { loadConfig, type Config } from '../src/config.js';
import { createLogger, type Logger } from '../src/logger.js';
import { createDriver, Database } from '../src/neo4j/database.js';
import { startApp, type RunningApp } from '../src/server.js';

export interface TestServer {
  app: RunningApp;
  database: Database;
  url: string;
  gql: <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GqlResponse<T>>;
  close: () => Promise<void>;
}

export interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: { stats?: { databaseRoundTrips: number } } & Record<string, unknown>;
}

export function testDatabase(): Database {
  const driver = createDriver({ uri: inject('neo4jUri'), maxPoolSize: 20, txTimeoutMs: 30_000 });
  return new Database(driver, { txTimeoutMs: 30_000 });
}

/** `options.logger` receives the app's log lines (silent otherwise). */
export async function startTestServer(env: Record<string, string> = {}, options: { logger?: Logger } = {}): Promise<TestServer> {
  const config: Config = loadConfig({ NEO4J_URI: inject('neo4jUri'), PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
  const database = testDatabase();
  const app = await startApp({
    config,
    logger: options.logger ?? createLogger('silent'),
    database,
    readiness: { databaseReachable: async () => (await database.driver.verifyConnectivity(), true), migrationsDone: () => true },
  });
  const url = app.url.replace('localhost', '127.0.0.1');
  const gql: TestServer['gql'] = async (query, variables, headers = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: never; errors?: never; extensions?: never };
    return { status: res.status, ...body };
  };
  return {
    app,
    database,
    url,
    gql,
    close: async () => {
      await app.close();
      await database.driver.close();
    },
  };
}
