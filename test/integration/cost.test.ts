// The cost estimate and the gate of expensive operations, over real HTTP on the seeded Neo4j: refusals carry the
// estimate and the limit, honest small pages pass, expensive operations share a capped gate (OVERLOADED with
// Retry-After beyond it) and a shorter database budget, while cheap operations never wait for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type GqlResponse, type TestServer } from '../helpers.js';

const twoLevels = (aliases: number) =>
  `query Heavy($n: Int) { ${Array.from(
    { length: aliases },
    (_, i) => `a${i}: place(id: "place:kazakhstan") { related(first: $n) { edges { node { other { name related(first: $n) { edges { node { type other { name } } } } } } } } }`,
  ).join(' ')} }`;

const honestEvents = `query ($id: ID!, $n: Int) { person(id: $id) { name events(first: $n) { totalCount edges { node { id name citations { quote source { title } } } } } } }`;

type CostExtensions = { cost?: { estimate: number; work: number; limit: number; expensive: boolean } };

describe('cost from variables and real sizes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '0' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses 30 aliases of a two-level related(first: $n) with n = 100: QUERY_TOO_COMPLEX with the estimate and the limit', async () => {
    const res = await server.gql(twoLevels(30), { n: 100 });
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    const extensions = res.errors![0]!.extensions!;
    expect(extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'maxCost', maxCost: 20000 });
    expect(extensions.cost).toBeGreaterThan(20000);
    expect(res.errors![0]!.message).toContain(`Query cost ${String(extensions.cost)} exceeds the limit of 20000`);
    // The root entity's degrees came from the table of degrees (read on no request's account): no resolver ran
    // and no query of this operation's was sent.
    expect(res.extensions?.stats?.databaseRoundTrips).toBe(0);
  });

  it('passes the same question asked honestly (n = 5, or fewer aliases)', async () => {
    const small = await server.gql<Record<string, unknown>>(twoLevels(30), { n: 5 });
    expect(small.errors).toBeUndefined();
    const few = (await server.gql(twoLevels(2), { n: 100 })) as GqlResponse<unknown> & { extensions?: CostExtensions };
    expect(few.errors).toBeUndefined();
    expect(few.extensions?.cost?.estimate).toBeLessThan(20000);
  });

  it('passes events(first: 50) on a person with a handful of events, sized by their real number', async () => {
    const res = (await server.gql<{ person: { events: { totalCount: number } } }>(honestEvents, { id: 'person:zhanbolat-mamai', n: 50 })) as GqlResponse<{
      person: { events: { totalCount: number } };
    }> & { extensions?: CostExtensions };
    expect(res.errors).toBeUndefined();
    const events = res.data!.person.events.totalCount;
    expect(events).toBeGreaterThan(0);
    expect(events).toBeLessThan(10);
    // The estimate counts the real events (not 50): it does not grow with `first` beyond them.
    const more = (await server.gql(honestEvents, { id: 'person:zhanbolat-mamai', n: 100 })) as { extensions?: CostExtensions };
    expect(more.extensions?.cost?.estimate).toBe(res.extensions?.cost?.estimate);
    expect(res.extensions?.cost).toMatchObject({ limit: 20000, expensive: false });
  });

  it('answers aliases asking the same of the same entity from one shared fetch', async () => {
    const res = await server.gql<Record<string, unknown>>(twoLevels(30), { n: 5 });
    expect(res.errors).toBeUndefined();
    const answers = Object.values(res.data!).map((a) => JSON.stringify(a));
    expect(answers).toHaveLength(30);
    expect(new Set(answers).size).toBe(1);
    // One fetch for the 30 aliases (and at most one more: the root's degrees for the estimate).
    expect(res.extensions?.stats?.databaseRoundTrips).toBeLessThanOrEqual(2);
  });

  it('leaves depth to the cost: a 14-level question about a few records is answered, a 41-level one is refused', async () => {
    const hop = (first: number, inner: string) => `related(first: ${first}) { edges { node { other { ${inner} } } } }`;
    // person 1 + three hops of 4 levels + name: depth 14 (MAX_DEPTH was 12).
    const deep = (await server.gql(`{ person(id: "person:zhanbolat-mamai") { ${hop(2, hop(2, hop(2, 'name')))} } }`)) as GqlResponse<unknown> & { extensions?: CostExtensions };
    expect(deep.errors).toBeUndefined();
    expect(deep.extensions?.cost?.estimate).toBeLessThan(200);
    // Ten hops: depth 42, past the structural cap of 40 whatever the cost.
    let selection = 'name';
    for (let i = 0; i < 10; i += 1) selection = hop(1, selection);
    const tooDeep = await server.gql(`{ person(id: "person:zhanbolat-mamai") { ${selection} } }`);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'maxDepth' });
  });

  it('reports the work of roots that read more than they answer, and gates them by it', async () => {
    const res = (await server.gql('{ neighbourhood(id: "party:amanat", depth: 3) { nodes { id } edges { type } } }')) as GqlResponse<unknown> & {
      extensions?: { cost?: { estimate: number; work: number; expensive: boolean } };
    };
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.cost?.work).toBeGreaterThan(0);
    const lookup = (await server.gql('{ person(id: "person:zhanbolat-mamai") { name } }')) as { extensions?: { cost?: { estimate: number; work: number } } };
    expect(lookup.extensions?.cost).toMatchObject({ estimate: 1, work: 0 });
  });

  it('reads `first` from variables: a smaller page costs less', async () => {
    const big = (await server.gql('query ($n: Int) { people(first: $n) { edges { node { name } } } }', { n: 20 })) as { extensions?: CostExtensions };
    const small = (await server.gql('query ($n: Int) { people(first: $n) { edges { node { name } } } }', { n: 2 })) as { extensions?: CostExtensions };
    expect(small.extensions!.cost!.estimate).toBe(1 + 2 * 2);
    expect(big.extensions!.cost!.estimate).toBe(1 + 20 * 2);
  });
});

describe('the gate of expensive operations', () => {
  // Every operation reading a page counts as expensive here (EXPENSIVE_COST 10); `apiVersion` costs 0.
  const heavy = '{ people(first: 20) { edges { node { name related(first: 20) { edges { node { type other { name } } } } } } } }';

  it('with a cap of 1 and no queue, refuses concurrent expensive operations with 503 OVERLOADED and Retry-After; cheap ones pass', async () => {
    const server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '0', EXPENSIVE_COST: '10', EXPENSIVE_CONCURRENCY: '1', EXPENSIVE_QUEUE: '0' });
    try {
      const post = async (query: string) => {
        const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as GqlResponse<unknown> & { extensions?: CostExtensions } };
      };
      const [heavies, cheap] = await Promise.all([Promise.all(Array.from({ length: 8 }, () => post(heavy))), post('{ apiVersion }')]);
      expect(cheap.status).toBe(200);
      expect(cheap.body.errors).toBeUndefined();
      const answered = heavies.filter((r) => r.status === 200);
      const refused = heavies.filter((r) => r.status !== 200);
      expect(answered.length).toBeGreaterThanOrEqual(1);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      for (const r of answered) {
        expect(r.body.errors).toBeUndefined();
        expect(r.body.extensions?.cost?.expensive).toBe(true);
      }
      for (const r of refused) {
        expect(r.status).toBe(503);
        expect(r.retryAfter).toBe('3');
        expect(r.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'OVERLOADED', retryAfter: 3 } })]);
        expect(r.body.extensions?.stats?.databaseRoundTrips).toBe(0);
      }
    } finally {
      await server.close();
    }
  });

  it('with a queue, expensive operations wait their turn instead', async () => {
    const server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '0', EXPENSIVE_COST: '10', EXPENSIVE_CONCURRENCY: '1', EXPENSIVE_QUEUE: '16', EXPENSIVE_WAIT: '30s' });
    try {
      const all = await Promise.all(Array.from({ length: 6 }, () => server.gql(heavy)));
      for (const r of all) {
        expect(r.status).toBe(200);
        expect(r.errors).toBeUndefined();
      }
    } finally {
      await server.close();
    }
  });

  it('queues an expensive operation\'s queries in one lane (EXPENSIVE_DB_CONCURRENCY 1): many roots answer as they do without it', async () => {
    const roots = ['person:zhanbolat-mamai', 'place:kazakhstan', 'party:amanat', 'party:respublica', 'party:auyl'];
    const query = `{ ${roots.map((id, i) => `a${i}: node(id: "${id}") { ... on Entity { name related(first: 5) { totalCount edges { node { type other { name } } } } } }`).join(' ')} }`;
    const laned = await startTestServer({ RATE_LIMIT_PER_MINUTE: '0', EXPENSIVE_COST: '10', EXPENSIVE_DB_CONCURRENCY: '1' });
    const free = await startTestServer({ RATE_LIMIT_PER_MINUTE: '0' });
    try {
      const [a, b] = await Promise.all([laned.gql<Record<string, unknown>>(query), free.gql<Record<string, unknown>>(query)]);
      expect(a.errors).toBeUndefined();
      expect((a as { extensions?: CostExtensions }).extensions?.cost?.expensive).toBe(true);
      expect((b as { extensions?: CostExtensions }).extensions?.cost?.expensive).toBe(false);
      expect(a.data).toEqual(b.data);
      expect(Object.values(a.data!).filter((x) => x !== null)).toHaveLength(roots.length);
    } finally {
      await laned.close();
      await free.close();
    }
  });

  it('gives expensive operations only their database budget (EXPENSIVE_DB_BUDGET), cheap ones the whole OPERATION_TIMEOUT', async () => {
    const server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '0', EXPENSIVE_COST: '10', EXPENSIVE_DB_BUDGET: '0ms' });
    try {
      const expensive = await server.gql(heavy);
      expect(expensive.errors?.map((e) => e.extensions?.code)).toContain('OPERATION_TIMEOUT');
      const cheap = await server.gql('{ person(id: "person:zhanbolat-mamai") { name } }');
      expect(cheap.errors).toBeUndefined();
      expect(cheap.data).toEqual({ person: { name: expect.any(String) } });
    } finally {
      await server.close();
    }
  });
});
