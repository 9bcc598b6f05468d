// The one gate in front of every data-reading route (src/http/api-access.ts) and the request-shape bounds, on
// the real app and the run's Neo4j: /export authenticates and rate-limits exactly like /graphql under both auth
// modes; 10,000-level JSON is a 400; a 100 KB URL gets a JSON 431; a 100 KB name filter is refused before any
// database work; a `javascript:` source URL is refused; and until start-up has finished the API answers 503.
import { connect } from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startApp } from '../../src/server.js';
import { startTestServer, testDatabase, type TestServer } from '../helpers.js';

const reader = 'gate-reader-secret-0000000001';
const editor = 'gate-editor-secret-0000000002';
const API_KEYS = `gate-reader:reader:${reader},gate-editor:editor:${editor}`;
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const bogus = { authorization: 'Bearer nope-nope-nope-nope-1' };

const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
async function server(env: Record<string, string>): Promise<TestServer> {
  const started = await startTestServer(env);
  servers.push(started);
  return started;
}

const exportGraph = (s: TestServer, headers: Record<string, string> = {}) => fetch(`${s.url}/export?format=graphml`, { headers });
const typename = '{ person(id: "person:zhanbolat-mamai") { name } }';

describe('/export behind the same gate as /graphql', () => {
  it('with REQUIRE_AUTH_FOR_READS: no key and unknown keys are 401 on both; a reader key gets the network', async () => {
    const s = await server({ API_KEYS, REQUIRE_AUTH_FOR_READS: 'true' });
    for (const headers of [{}, bogus]) {
      const exported = await exportGraph(s, headers);
      expect(exported.status).toBe(401);
      expect(exported.headers.get('content-type')).toContain('application/json');
      expect(((await exported.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
      const graphql = await s.gql(typename, undefined, headers);
      expect(graphql.status).toBe(401);
      expect(graphql.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(graphql.data).toBeUndefined();
    }
    const exported = await exportGraph(s, bearer(reader));
    expect(exported.status).toBe(200);
    expect(await exported.text()).toContain('Zhanbolat Mamai');
    expect((await s.gql(typename, undefined, bearer(reader))).data).toEqual({ person: { name: 'Zhanbolat Mamai' } });
  });

  it('without it: anonymous reads work on both, and an unknown key is 401 on both', async () => {
    const s = await server({ API_KEYS });
    expect((await exportGraph(s)).status).toBe(200);
    expect((await exportGraph(s, bearer(reader))).status).toBe(200);
    expect((await s.gql(typename)).data).toEqual({ person: { name: 'Zhanbolat Mamai' } });
    const exported = await exportGraph(s, bogus);
    expect(exported.status).toBe(401);
    expect(await exported.json()).toEqual({ errors: [{ message: 'The API key is not recognised.', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect((await s.gql(typename, undefined, bogus)).status).toBe(401);
  });

  it('shares one request budget between /graphql and /export', async () => {
    const s = await server({ API_KEYS, RATE_LIMIT_PER_MINUTE: '3' });
    expect((await s.gql('{ __typename }', undefined, bearer(reader))).status).toBe(200);
    expect((await exportGraph(s, bearer(reader))).status).toBe(200);
    expect((await s.gql('{ __typename }', undefined, bearer(reader))).status).toBe(200);
    const limited = await exportGraph(s, bearer(reader));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await limited.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
    // Another key has its own budget.
    expect((await exportGraph(s, bearer(editor))).status).toBe(200);
  });
});

describe('request shape bounds', () => {
  const post = (s: TestServer, body: string) =>
    fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers 10,000-level variables or extensions with 400 BAD_REQUEST, and keeps serving', async () => {
    const s = await server({ RATE_LIMIT_PER_MINUTE: '0' });
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    for (const field of ['variables', 'extensions']) {
      const res = await post(s, `{"query":"{ __typename }","${field}":${deep}}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
      expect(body.errors[0]!.message).toMatch(/more than 64 levels deep/);
    }
    const arrays = await post(s, `{"query":"{ __typename }","variables":{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`);
    expect(arrays.status).toBe(400);
    // In a GET's URL too (2,000 levels: what fits in a URL).
    const variables = `${'['.repeat(2_000)}${']'.repeat(2_000)}`;
    const get = await fetch(`${s.url}/graphql?${new URLSearchParams({ query: '{ __typename }', variables })}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(400);
    expect(((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect((await s.gql(typename)).data).toEqual({ person: { name: 'Zhanbolat Mamai' } });
  });

  it('answers a 100 KB /export URL with a JSON 431, not a bare status line', async () => {
    const s = await server({});
    const port = Number(new URL(s.url).port);
    const raw = await new Promise<string>((resolvePromise, reject) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
      socket.on('end', () => resolvePromise(answer));
      socket.on('error', (error) => (answer ? resolvePromise(answer) : reject(error)));
      socket.write(`GET /export?format=graphml&root=${'x'.repeat(100_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    });
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head.toLowerCase()).toContain('content-type: application/json');
    expect(JSON.parse(body)).toMatchObject({ errors: [{ extensions: { code: 'HEADERS_TOO_LARGE' } }] });
    expect((await s.gql('{ __typename }')).status).toBe(200);
  });

  it('refuses a 100 KB people(filter: {name}) with BAD_USER_INPUT before touching the database', async () => {
    const s = await server({});
    const res = await s.gql('query($f: PeopleFilter) { people(filter: $f) { totalCount } }', { f: { name: 'a'.repeat(100_000) } });
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'PeopleFilter.name', maxLength: 200 });
    expect(res.extensions?.stats?.databaseRoundTrips ?? 0).toBe(0);
  });

  it('refuses a javascript: URL for a source, and writes nothing', async () => {
    const s = await server({ API_KEYS });
    const id = `source:gate-js-url-${Date.now()}`;
    const res = await s.gql<{ addSource: { source: unknown; errors: { code: string; field: string }[] } }>(
      'mutation($i: AddSourceInput!) { addSource(input: $i) { source { id } errors { code field } } }',
      // A valid text, so the URL is the only thing refused.
      { i: { id, publisher: 'Gate Wire', date: '2024-05-01', url: 'javascript:alert(document.cookie)', text: 'Gate Wire article text.' } },
      bearer(editor),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.addSource.source).toBeNull();
    expect(res.data?.addSource.errors, JSON.stringify(res.data)).toEqual([{ code: 'INVALID', field: 'url' }]);
    expect((await s.gql(`{ node(id: "${id}") { id } }`)).data).toEqual({ node: null });
  });
});

describe('start-up', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After on /graphql and /export until start-up has finished, never data', async () => {
    const database = testDatabase();
    let startedUp = false;
    const app = await startApp({
      config: loadConfig({ NEO4J_URI: inject('neo4jUri'), PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' }),
      logger: createLogger('silent'),
      database,
      readiness: { databaseReachable: async () => true, migrationsDone: () => startedUp, startedUp: () => startedUp },
    });
    const url = app.url.replace('localhost', '127.0.0.1');
    const ask = () =>
      fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: typename }) });
    try {
      const early = await ask();
      expect(early.status).toBe(503);
      expect(early.headers.get('retry-after')).toBe('5');
      const body = (await early.json()) as Record<string, unknown>;
      expect(body).not.toHaveProperty('data');
      expect(body).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 5 } }] });
      const exported = await fetch(`${url}/export?format=csv`);
      expect(exported.status).toBe(503);
      expect(exported.headers.get('retry-after')).toBe('5');
      expect((await fetch(`${url}/ready`)).status).toBe(503);
      expect((await fetch(`${url}/health`)).status).toBe(200);

      startedUp = true;
      expect((await fetch(`${url}/ready`)).status).toBe(200);
      expect(await (await ask()).json()).toMatchObject({ data: { person: { name: 'Zhanbolat Mamai' } } });
      expect((await fetch(`${url}/export?format=csv`)).status).toBe(200);
    } finally {
      await app.close();
      await database.driver.close();
    }
  });
});
