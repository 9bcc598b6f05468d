// Operating the server: Prometheus metrics, JSON request logs (request id, operation name, no secrets) and an
// honest /ready. The graceful shutdown of `npm start` is a system test (test/system/shutdown.test.ts).
import { Writable } from 'node:stream';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startApp } from '../../src/server.js';
import { loadConfig } from '../../src/config.js';
import { startTestServer, testDatabase, type TestServer } from '../helpers.js';

const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** Polls `check` every 20 ms until it holds, for at most `timeoutMs`. */
async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

describe('/metrics', () => {
  it('counts requests and latency by operation name, errors by code, and Neo4j queries', async () => {
    const server = await startTestServer();
    servers.push(server);
    const scrape = async () => {
      const res = await fetch(`${server.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const text = await res.text();
      return (series: string) => Number(text.split('\n').find((line) => line.startsWith(`${series} `))?.split(' ')[1] ?? 0);
    };
    const reads = async () => (await scrape())('neo4j_queries_total{kind="read",outcome="ok"}');
    expect(await reads()).toBe(0);
    await server.gql('query PersonName { person(id: "person:zhanbolat-mamai") { name related(first: 2) { totalCount } } }');
    // The first operation's cost estimate reads the store-wide counts and the degree table (src/cost/sizes.ts,
    // then cached for COST_STATS_TTL): real round trips to Neo4j, so they are counted like any other. The
    // operation itself is one read: the person with its relations is planned into a single query.
    const first = await reads();
    expect(first).toBeGreaterThanOrEqual(2);
    await server.gql('query PersonName { person(id: "person:inga-imanbai") { name } }');
    // Every read is counted: the second operation adds at least its own (the degree table may be re-read in the
    // background when counts changed, src/cost/sizes.ts).
    const second = await reads();
    expect(second).toBeGreaterThan(first);
    await server.gql('{ noSuchField }');
    const value = await scrape();

    expect(value('graphql_operations_total{operation="PersonName",type="query"}')).toBe(2);
    expect(value('graphql_operation_duration_seconds_count{operation="PersonName",type="query"}')).toBe(2);
    expect(value('graphql_operations_total{operation="unresolved",type="unresolved"}')).toBe(1);
    expect(value('http_requests_total{method="POST",route="/graphql",status="200"}')).toBe(2);
    expect(value('http_requests_total{method="POST",route="/graphql",status="400"}')).toBe(1);
    expect(value('api_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    // Every read counted is also timed (a refused document reads nothing; the cost's degree table may still be
    // finishing a background read, so no exact count here).
    expect(value('neo4j_queries_total{kind="read",outcome="ok"}')).toBeGreaterThanOrEqual(second);
    expect(value('neo4j_query_duration_seconds_count{kind="read"}')).toBe(value('neo4j_queries_total{kind="read",outcome="ok"}'));
    expect(value('neo4j_queries_in_flight')).toBe(0);
    expect(value('neo4j_pool_max_size')).toBe(50);
    expect(value('process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe('request logs', () => {
  it('write one JSON line per request with its id and operation, and never the API key', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const secret = 'log-test-secret-key-0000000001';
    const server = await startTestServer({ API_KEYS: `log-reader:reader:${secret}` }, { logger: createLogger('info', sink) });
    servers.push(server);

    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'test-request-42', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: 'query WhoIsMamai { person(id: "person:zhanbolat-mamai") { name } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('test-request-42');
    const generated = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'not a valid id!' },
      body: JSON.stringify({ query: '{ nope }' }),
    });
    const generatedId = generated.headers.get('x-request-id');
    expect(generatedId).toMatch(/^[0-9a-f-]{36}$/);

    // The log line is written as the response finishes, which may be just after the client has read it.
    const logged = (id: string | null) => lines.some((l) => (l.req as { id?: string } | undefined)?.id === id);
    await eventually(() => logged('test-request-42') && logged(generatedId));
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 30,
        msg: 'POST /graphql 200',
        req: expect.objectContaining({ id: 'test-request-42', method: 'POST', path: '/graphql' }) as unknown,
        res: { statusCode: 200 },
        operationName: 'WhoIsMamai',
        operationType: 'query',
        responseTime: expect.any(Number) as unknown,
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ req: expect.objectContaining({ id: generatedId }) as unknown, errorCodes: ['GRAPHQL_VALIDATION_FAILED'] }),
    );
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(secret);
    expect(everything.toLowerCase()).not.toContain('authorization');
  });
});

describe('/ready', () => {
  it('is 503 unless Neo4j answers and migrations are done', async () => {
    const database = testDatabase();
    let migrated = false;
    let reachable = true;
    const app = await startApp({
      config: loadConfig({ NEO4J_URI: inject('neo4jUri'), PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' }),
      logger: createLogger('silent'),
      database,
      readiness: {
        databaseReachable: async () => {
          if (!reachable) throw new Error('connection refused');
          return true;
        },
        migrationsDone: async () => migrated,
      },
    });
    const url = app.url.replace('localhost', '127.0.0.1');
    try {
      expect((await fetch(`${url}/ready`)).status).toBe(503);
      migrated = true;
      const ready = await fetch(`${url}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ ready: true, database: true, migrations: true });
      reachable = false;
      const gone = await fetch(`${url}/ready`);
      expect(gone.status).toBe(503);
      expect(await gone.json()).toEqual({ ready: false, database: false, migrations: true });
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      await app.close();
      await database.driver.close();
    }
  });
});
