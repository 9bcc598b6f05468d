// API behaviour beyond the guide: no N+1, argument errors, unknown ids, and search over every alias.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAndValidate } from '../../src/dataset/index.js';
import { seedDirs } from '../../src/seed.js';
import { startTestServer, type TestServer } from '../helpers.js';

type Json = any;

let server: TestServer;
beforeAll(async () => {
  // These tests count round trips and check answers, not speed: a cold JVM on a busy machine gets time.
  server = await startTestServer({ OPERATION_TIMEOUT: '60s' });
});
afterAll(async () => {
  await server.close();
});

const nested = `query($first: Int) {
  people(first: $first) {
    edges { node {
      name citations { quote source { publisher } }
      memberships { role organization { name } citations { quote } }
      candidacies { election { value { name } claims { value { id } } } statuses { status } }
      related(first: 5) { edges { node { type other { name } citations { quote } } } }
      events(first: 3) { edges { node { name } } }
    } }
  }
}`;

describe('round trips', () => {
  it('do not grow with the number of items returned (no N+1)', async () => {
    const small = await server.gql<Json>(nested, { first: 2 });
    const large = await server.gql<Json>(nested, { first: 20 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.people.edges.length).toBe(20);
    const a = small.extensions?.stats?.databaseRoundTrips ?? -1;
    const b = large.extensions?.stats?.databaseRoundTrips ?? -1;
    expect(a).toBeGreaterThan(0);
    // The root field plans its whole selection into one Cypher query (src/resolvers/prefetch.ts): the count
    // is the query's shape, exactly, whatever the number of people or the machine's load.
    expect(b).toBe(a);
  });
});

describe('arguments and ids', () => {
  it('answers null for an unknown id, without an error', async () => {
    const res = await server.gql<Json>('{ person(id: "person:nobody") { id } node(id: "membership:nothing") { id } party(id: "person:zhanbolat-mamai") { id } }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ person: null, node: null, party: null });
  });

  it.each([
    ['first above 100', '{ people(first: 101) { totalCount } }', 'first'],
    ['negative first', '{ sources(first: -1) { totalCount } }', 'first'],
    ['a forged cursor', '{ people(after: "bm90LWEtY3Vyc29y") { totalCount } }', 'after'],
    ['search first above 100', '{ search(query: "Mamai", first: 500) { score } }', 'first'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_label, query, argument) => {
    const res = await server.gql<Json>(query);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.argumentName).toBe(argument);
  });

  it.each(['2022-13-01', '2022-02-30', '2022', 'yesterday'])('refuses the date %s with BAD_USER_INPUT', async (date) => {
    const inline = await server.gql<Json>(`{ party(id: "party:amanat") { nameAsOf(date: "${date}") } }`);
    expect(inline.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const variable = await server.gql<Json>('query($d: Date!) { party(id: "party:amanat") { nameAsOf(date: $d) } }', { d: date });
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.errors?.[0]?.message).toContain('YYYY-MM-DD');
  });
});

describe('search', () => {
  it('finds every entity of the seed by each of its names and aliases', async () => {
    const { dataset } = await loadAndValidate(seedDirs);
    const pairs: { id: string; name: string }[] = [];
    for (const list of [dataset!.people, dataset!.parties, dataset!.organizations, dataset!.places]) {
      for (const e of list) for (const name of [e.name, ...e.aliases.map((a) => a.name)]) pairs.push({ id: e.id, name });
    }
    expect(pairs.length).toBeGreaterThan(100);
    const misses: string[] = [];
    for (let i = 0; i < pairs.length; i += 25) {
      const chunk = pairs.slice(i, i + 25);
      const query = `query(${chunk.map((_, j) => `$q${j}: String!`).join(', ')}) { ${chunk
        .map((_, j) => `s${j}: search(query: $q${j}, first: 10) { entity { id } }`)
        .join(' ')} }`;
      const res = await server.gql<Json>(query, Object.fromEntries(chunk.map((p, j) => [`q${j}`, p.name])));
      expect(res.errors).toBeUndefined();
      chunk.forEach((p, j) => {
        const ids = (res.data[`s${j}`] as Json[]).map((h) => h.entity.id);
        if (!ids.includes(p.id)) misses.push(`${p.name} → ${p.id} (got ${ids.slice(0, 3).join(', ')})`);
      });
    }
    expect(misses).toEqual([]);
  });

  it.each([
    ['Tokayev', 'person:kassym-jomart-tokayev'],
    ['Toqaev', 'person:kassym-jomart-tokayev'],
    ['Токаев', 'person:kassym-jomart-tokayev'],
    ['Nazarbaev', 'person:nursultan-nazarbayev'],
    ['Назарбаев', 'person:nursultan-nazarbayev'],
    ['Mamay', 'person:zhanbolat-mamai'],
    ['Tleuzhan', 'person:aigerim-tleuzhanova'],
    ['Baytaq', 'party:baitak'],
    ['Respublika', 'party:respublica'],
    ['Aq Jol', 'party:ak-zhol'],
    ['Nur-Otan', 'party:amanat'],
    ['Mäjilis', 'organization:mazhilis'],
    ['Mazhlis', 'organization:mazhilis'],
    ['Nazarbayevv', 'person:nursultan-nazarbayev'],
    ['imanbay', 'person:inga-imanbai'],
  ])('"%s" finds %s first', async (query, id) => {
    const res = await server.gql<Json>('query($q: String!) { search(query: $q, first: 3) { score matched entity { id } } }', { q: query });
    expect(res.data.search[0]?.entity.id).toBe(id);
  });

  it('filters by kind and returns nothing for noise', async () => {
    const res = await server.gql<Json>('{ a: search(query: "Amanat", kinds: [EVENT]) { entity { kind } } b: search(query: "*** ~~ \\"") { score } c: search(query: "qwxzyv") { score } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.a.every((h: Json) => h.entity.kind === 'EVENT')).toBe(true);
    expect(res.data.b).toEqual([]);
    expect(res.data.c).toEqual([]);
  });
});
