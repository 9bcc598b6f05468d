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

/**
 * Planning is under test, not admission: nothing counts as expensive, so no lookup reads its entity's degrees
 * for the cost estimate first and round trips are the plan's. Answers are under test, not speed: the first time
 * a shape is asked Neo4j plans its Cypher (3.6 s for a 26-subquery query measured alone; past the 10 s default
 * on a loaded machine), so the operation budget is generous.
 */
export const planningLimits = { MAX_DEPTH: '32', MAX_COST: '10000000', EXPENSIVE_COST: '10000000', MAX_ALIASES: '100', OPERATION_TIMEOUT: '60s' };

/** Two servers on the test database: one planning queries, one loading level by level (PREFETCH=false). */
export async function startPlannedAndLevelled(): Promise<{ planned: TestServer; levelled: TestServer; close: () => Promise<void> }> {
  const [planned, levelled] = await Promise.all([startTestServer(planningLimits), startTestServer({ ...planningLimits, PREFETCH: 'false' })]);
  return { planned, levelled, close: async () => void (await Promise.all([planned.close(), levelled.close()])) };
}
