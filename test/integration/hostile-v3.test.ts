// Hostile input, third round (issue 22): the side doors the earlier suites did not close. /metrics stays small
// whatever operation names clients choose and needs the read key when reads do; a variable's default is capped
// like a value; browsers may send Idempotency-Key cross-origin; a document nested 5,000 deep is QUERY_TOO_COMPLEX;
// every response carries the pages' security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_OPERATION_NAME_LENGTH } from '../../src/http/metrics.js';
import { CONTENT_SECURITY_POLICY } from '../../src/http/page-security.js';
import { startTestServer, type TestServer } from '../helpers.js';

let server: TestServer;
const others: TestServer[] = [];
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '0' });
});
afterAll(async () => {
  await Promise.all([server, ...others].map((s) => s.close()));
});
async function serve(env: Record<string, string>): Promise<TestServer> {
  const started = await startTestServer(env);
  others.push(started);
  return started;
}

const codes = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => (res.errors ?? []).map((e) => e.extensions?.code);

describe('/metrics is bounded', () => {
  it('five requests with 200 KB operation names do not grow it: long names are counted as `other`', async () => {
    const size = async () => (await (await fetch(`${server.url}/metrics`)).text()).length;
    await server.gql('query Warm { __typename }');
    const before = await size();
    for (let i = 0; i < 5; i += 1) {
      const name = `N${i}${'a'.repeat(200_000)}`;
      const res = await server.gql(`query ${name} { __typename }`);
      expect(res.status).toBe(200);
    }
    const text = await (await fetch(`${server.url}/metrics`)).text();
    // One new `other` series per metric at most (a counter line and a histogram's buckets): a few KB, not MB.
    expect(text.length - before).toBeLessThan(10_000);
    expect(text).toContain('graphql_operations_total{operation="other",type="query"} 5');
    expect(text).not.toContain('a'.repeat(MAX_OPERATION_NAME_LENGTH + 1));
    // A name at the bound is still counted under its own name.
    const atBound = `B${'b'.repeat(MAX_OPERATION_NAME_LENGTH - 1)}`;
    await server.gql(`query ${atBound} { __typename }`);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toContain(`graphql_operations_total{operation="${atBound}",type="query"} 1`);
  });

  it('needs a recognised key when reads do (REQUIRE_AUTH_FOR_READS), and stays open otherwise', async () => {
    const secret = 'metrics-reader-secret-000001';
    const closed = await serve({ API_KEYS: `metrics-reader:reader:${secret}`, REQUIRE_AUTH_FOR_READS: 'true' });
    for (const headers of [{}, { authorization: 'Bearer not-a-key-at-all-00' }] as Record<string, string>[]) {
      const refused = await fetch(`${closed.url}/metrics`, { headers });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer');
      expect(codes((await refused.json()) as never)).toEqual(['UNAUTHENTICATED']);
    }
    const allowed = await fetch(`${closed.url}/metrics`, { headers: { authorization: `Bearer ${secret}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('http_requests_total');
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
  });
});

describe("variables' defaults are capped like their values", () => {
  it('refuses a 100,000-character name filter given as a default, before any database work', async () => {
    const res = await server.gql(`query ($f: PeopleFilter = { name: "${'a'.repeat(100_000)}" }) { people(filter: $f) { totalCount } }`);
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'PeopleFilter.name', maxLength: 200 } })]);
    expect(res.extensions?.stats?.databaseRoundTrips ?? 0).toBe(0);
  });

  it('refuses a 100,000-character ID default, before any database work', async () => {
    const res = await server.gql(`query ($id: ID = "person:${'x'.repeat(100_000)}") { person(id: $id) { name } }`);
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'Query.person(id:)', maxLength: 1000 } })]);
    expect(res.extensions?.stats?.databaseRoundTrips ?? 0).toBe(0);
  });

  it('answers an ordinary default', async () => {
    const res = await server.gql('query ($id: ID = "person:zhanbolat-mamai") { person(id: $id) { name } }');
    expect(res.data).toEqual({ person: { name: 'Zhanbolat Mamai' } });
  });
});

describe('CORS preflight', () => {
  it('lets a browser send Idempotency-Key with a keyed write', async () => {
    const cors = await serve({ CORS_ORIGINS: 'https://app.example' });
    const res = await fetch(`${cors.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization,idempotency-key' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(res.headers.get('access-control-allow-headers')?.split(',')).toContain('idempotency-key');
  });
});

describe('document nesting', () => {
  it('refuses a list literal nested 5,000 deep with QUERY_TOO_COMPLEX, not a parser stack overflow', async () => {
    const res = await server.gql(`{ search(query: ${'['.repeat(5000)}"x"${']'.repeat(5000)}) { score } }`);
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxNesting' } })]);
    // The same over GET, and as an object literal.
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent(`{ a(x: ${'{b: '.repeat(200)}1${'}'.repeat(200)}) }`)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect(codes((await get.json()) as never)).toEqual(['QUERY_TOO_COMPLEX']);
    // The server still answers.
    expect((await server.gql('{ apiVersion }')).data).toMatchObject({ apiVersion: expect.any(String) });
  });
});

describe('security headers', () => {
  it('GraphiQL, the explorer and the API answer with CSP, frame denial, nosniff and a referrer policy', async () => {
    const pages = [
      await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } }),
      await fetch(`${server.url}/explorer/`),
      await fetch(`${server.url}/graphiql/examples.json`),
    ];
    expect(pages[0]!.headers.get('content-type')).toMatch(/^text\/html/);
    expect(pages[1]!.headers.get('content-type')).toMatch(/^text\/html/);
    for (const res of pages) {
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    // Express's own 404 page narrows the policy to `default-src 'none'`; the other headers stay.
    const missing = await fetch(`${server.url}/no-such-page`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(missing.headers.get('x-frame-options')).toBe('DENY');
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
