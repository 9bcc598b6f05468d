// The protection settings over real HTTP: rate limiting per API key or client address, CORS, introspection and
// field suggestions by environment, and the per-operation deadline.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers.js';

const servers: TestServer[] = [];
async function serve(env: Record<string, string>): Promise<TestServer> {
  const server = await startTestServer(env);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const typename = '{ __typename }';
const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

describe('rate limiting', () => {
  const secret = 'rate-limit-test-secret-0001';

  it('gives each client address a budget a minute, then answers 429 with a code and Retry-After', async () => {
    const server = await serve({ RATE_LIMIT_PER_MINUTE: '3' });
    for (let i = 0; i < 3; i += 1) expect((await server.gql(typename)).status).toBe(200);
    const refused = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: typename }),
    });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      errors: [{ message: expect.stringContaining('Too many requests') as unknown, extensions: { code: 'RATE_LIMITED', retryAfter } }],
    });
    // Probes are never limited.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('gives each API key its own budget; an unknown key cannot escape the address budget', async () => {
    const server = await serve({ RATE_LIMIT_PER_MINUTE: '2', API_KEYS: `limited-reader:reader:${secret}` });
    const withKey = { authorization: `Bearer ${secret}` };
    for (let i = 0; i < 2; i += 1) expect((await server.gql(typename)).status).toBe(200);
    expect((await server.gql(typename)).status).toBe(429);
    expect((await server.gql(typename, undefined, { authorization: 'Bearer invented-key-000000000000' })).status).toBe(429);
    for (let i = 0; i < 2; i += 1) expect((await server.gql(typename, undefined, withKey)).status).toBe(200);
    const refused = await server.gql(typename, undefined, withKey);
    expect(refused.status).toBe(429);
    expect(code(refused)).toBe('RATE_LIMITED');
  });

  it('is off with RATE_LIMIT_PER_MINUTE=0', async () => {
    const server = await serve({ RATE_LIMIT_PER_MINUTE: '0' });
    const statuses = await Promise.all(Array.from({ length: 30 }, () => server.gql(typename).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

describe('CORS', () => {
  const preflight = (server: TestServer, origin: string) =>
    fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('allows only the configured origins', async () => {
    const server = await serve({ CORS_ORIGINS: 'https://app.example, https://other.example' });
    const allowed = await preflight(server, 'https://app.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('content-type');
    const refused = await preflight(server, 'https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends no CORS headers by default', async () => {
    const server = await serve({});
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://app.example' },
      body: JSON.stringify({ query: typename }),
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('introspection and field suggestions', () => {
  const introspection = '{ __schema { queryType { name } } }';

  it('serves introspection and suggestions outside production', async () => {
    const server = await serve({ NODE_ENV: 'development' });
    expect((await server.gql(introspection)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await server.gql('{ persn { name } }')).errors?.[0]?.message).toContain('Did you mean "person"');
  });

  it('turns both off in production', async () => {
    const server = await serve({ NODE_ENV: 'production' });
    const res = await server.gql(introspection);
    expect(res.status).toBe(400);
    expect(code(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await server.gql('{ persn { name } }');
    expect(code(typo)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.errors?.[0]?.message).not.toContain('person');
  });

  it('lets INTROSPECTION=true keep introspection on in production', async () => {
    const server = await serve({ NODE_ENV: 'production', INTROSPECTION: 'true' });
    expect((await server.gql(introspection)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('per-operation deadline (OPERATION_TIMEOUT)', () => {
  // Three levels of database work, one after the other.
  const nested = `{
    person(id: "person:zhanbolat-mamai") {
      related(first: 3) { edges { node { other { name related(first: 3) { edges { node { other { name related(first: 3) { totalCount } } } } } } } } }
    }
  }`;

  it('answers OPERATION_TIMEOUT once the budget is spent, and the server goes on', async () => {
    const server = await serve({ OPERATION_TIMEOUT: '1ms' });
    const res = await server.gql(nested);
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(new Set(res.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['OPERATION_TIMEOUT']));
    expect((await server.gql(typename)).data).toEqual({ __typename: 'Query' });
  });

  it('lets the same operation through with the default budget', async () => {
    const server = await serve({});
    const res = await server.gql(nested);
    expect(res.errors).toBeUndefined();
  });
});
