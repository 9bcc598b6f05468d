// Read path v3 item 2 for the curation roots: `duplicateCandidates` finds its pairs and the pairs' entities in
// one database round trip (one more, for all pairs and every level at once, when `entity`/`duplicate` select
// what loads), `changes` in one, an entity's `history` with its root (the planner's `history` need reads what the
// history loader reads); answers equal those of a server loading level by level (PREFETCH=false). On a Neo4j of
// this file's own: it writes the pairs (the seed has no people pairs) and so their audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyOf } from '../../src/repositories/curation-repository.js';
import { entityWithPlan, factWithPlan, type PrefetchPlan } from '../../src/repositories/prefetch-repository.js';
import { planningLimits, type TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';

const EDITOR = 'editor-secret-0123456789abcdef';
const API_KEYS = `alice:editor:${EDITOR}`;
const SOURCE = '000_b6498a7c669cd33d.txt';
const cite = [{ source: SOURCE, quote: 'Chris Rickleton is a journalist living in Almaty.' }];
const run = Math.random().toString(36).slice(2, 8);
const ids = { a: `person:rt-yerlan-${run}`, b: `person:rt-erlan-${run}`, c: `person:rt-aigul-${run}`, d: `person:rt-aygul-${run}` };

let neo4j: IsolatedNeo4j;
let planned: TestServer;
let levelled: TestServer;
let membershipId = '';

beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  [planned, levelled] = await Promise.all([
    startServerOn(neo4j, { ...planningLimits, API_KEYS }),
    startServerOn(neo4j, { ...planningLimits, API_KEYS, PREFETCH: 'false' }),
  ]);
  const write = async (query: string, input: Record<string, unknown>) => {
    const res = await planned.gql<Record<string, { errors: unknown[] } & Record<string, unknown>>>(query, { input }, { authorization: `Bearer ${EDITOR}` });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const payload = Object.values(res.data!)[0]!;
    expect(payload.errors).toEqual([]);
    return payload;
  };
  const upsert = `mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) { person { id } errors { code } } }`;
  // Two pairs of one person spelt two ways: surnames alike, given names transliterated.
  const names = { a: 'Zz Yerlan Roundtripov', b: 'Zz Erlan Roundtripov', c: 'Zz Aigul Pairova', d: 'Zz Aygul Pairova' };
  for (const key of ['a', 'b', 'c', 'd'] as const) await write(upsert, { id: ids[key], name: names[key], citations: cite });
  const added = await write(`mutation($input: AddMembershipInput!) { addMembership(input: $input) { membership { id } errors { code } } }`, {
    person: ids.a,
    organization: 'party:amanat',
    role: 'member',
    citations: cite,
  });
  membershipId = (added.membership as { id: string }).id;
});
afterAll(async () => {
  await Promise.all([planned?.close(), levelled?.close()]);
  await neo4j?.close();
});

type Pair = { entity: { id: string }; duplicate: { id: string } };
const written = (pairs: Pair[]) => pairs.filter((p) => p.entity.id.includes(run)).map((p) => `${p.entity.id} ${p.duplicate.id}`);

/** Name, query, round trips on the planning server, and on the level-by-level one. */
const shapes: [string, string, number, number][] = [
  [
    'duplicateCandidates with the pair entities’ own fields',
    `{ duplicateCandidates(kind: PERSON, first: 20) { score nameScore sharedRelations matchedNames sharedIdentifiers entity { id name description aliases { name script } } duplicate { id name __typename } } }`,
    1,
    2,
  ],
  [
    // The pairs are ranked in JS after the read, so what their entities load is read once the pairs are
    // known: one query for every level below, for all pairs at once.
    'duplicateCandidates whose entities select citations and memberships',
    `{ duplicateCandidates(kind: PERSON, first: 20) { score entity { id name citations { quote } ... on Person { memberships { role organization { name } } } } duplicate { id name citations { quote } } } }`,
    2,
    4,
  ],
  [
    'changes with every field of a change and its page',
    `{ changes(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id at actor operation targetId before after reason } } } }`,
    1,
    1,
  ],
];

describe('curation roots: round trips and answers', () => {
  it('the written pairs are proposed, with their entities', async () => {
    const res = await planned.gql<{ duplicateCandidates: (Pair & { entity: { name: string }; duplicate: { name: string } })[] }>(
      `{ duplicateCandidates(kind: PERSON, first: 20) { entity { id name } duplicate { id name } } }`,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const pairs = res.data!.duplicateCandidates;
    expect(written(pairs)).toContain(`${ids.b} ${ids.a}`);
    const yerlan = pairs.find((p) => p.duplicate.id === ids.a)!;
    expect([yerlan.entity.name, yerlan.duplicate.name]).toEqual(['Zz Erlan Roundtripov', 'Zz Yerlan Roundtripov']);
  });

  for (const [name, query, trips, levelledTrips] of shapes) {
    it(name, async () => {
      const [a, b] = await Promise.all([planned.gql(query), levelled.gql(query)]);
      expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
      expect(b.errors, JSON.stringify(b.errors)).toBeUndefined();
      expect(a.data).toEqual(b.data);
      expect(JSON.stringify(a.data)).toContain(run); // the written records are in the answer
      expect(a.extensions?.stats?.databaseRoundTrips).toBe(trips);
      // Level by level: the candidates, then one loader batch per level (not one per pair).
      expect(b.extensions?.stats?.databaseRoundTrips).toBe(levelledTrips);
    });
  }
});

describe('history', () => {
  it('an entity’s history and a page of it come with the root’s query: one round trip', async () => {
    const query = `{ person(id: "${ids.a}") { name history { id at actor operation targetId } historyConnection(first: 2) { totalCount edges { cursor node { id } } } } }`;
    const [a, b] = await Promise.all([planned.gql<{ person: { history: unknown[] } }>(query), levelled.gql(query)]);
    expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    expect(a.data).toEqual(b.data);
    expect(a.data!.person.history.length).toBeGreaterThan(0);
    // `history` and `historyConnection` are fields of the model, planned as the `history` need (below).
    expect(a.extensions?.stats?.databaseRoundTrips).toBe(1);
  });

  it('the planned `history` need reads an entity’s and a fact’s trail as the history loader does', async () => {
    const db = neo4j.database;
    const plan: PrefetchPlan = [{ need: { kind: 'history' }, children: [] }];
    const person = await entityWithPlan(db, ids.a, plan);
    const fact = await factWithPlan(db, membershipId, plan);
    const loaded = await historyOf(db, [ids.a, membershipId]);
    expect(loaded.get(ids.a)!.length).toBeGreaterThan(0);
    expect(loaded.get(membershipId)!.length).toBeGreaterThan(0);
    expect(person!.primes).toEqual([{ loader: 'history', key: ids.a, value: loaded.get(ids.a) }]);
    expect(fact!.primes).toEqual([{ loader: 'history', key: membershipId, value: loaded.get(membershipId) }]);
  });
});
