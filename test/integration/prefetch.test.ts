// Query planning (src/resolvers/prefetch.ts): a root field fetches its whole selection in one Cypher query
// and primes the loaders. Every query below is answered twice, by a server planning (the default) and by one
// loading level by level (PREFETCH=false), and the answers must be identical; the planned one must need a
// single database round trip where the selection is one the planner covers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlannedAndLevelled, type TestServer } from '../helpers.js';

type Json = any;

// Planning is under test, not admission or speed (test/helpers.ts `planningLimits`).
let planned: TestServer;
let levelled: TestServer;
let close: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ planned, levelled, close } = await startPlannedAndLevelled());
});
afterAll(async () => {
  await close();
});

const C = 'citations { quote source { id title publisher } }';
const V = (field: string) => `${field} { value disputed claims { value qualifier ${C} } }`;

/** Name, query, variables: every field the planner knows, through fragments, aliases and directives. */
const covered: [string, string, Record<string, unknown>?][] = [
  [
    'person with memberships, candidacies, cases, relatives',
    `query($id: ID!) { person(id: $id) { id name aliases { name script } ${C}
      memberships { id role title from { text } to { text } organization { id name kind } person { id } ${C} }
      candidacies { id mandate outcome person { name } nominatedBy { id name } ${V('rank')}
        statuses { status date { text } decidedBy { id name } ${C} } ${C} }
      courtCases { role charges courtCase { id name } entity { id } ${C} }
      relatives { relation person { id name } relative { id name } ${C} } } }`,
    { id: 'person:zhanbolat-mamai' },
  ],
  [
    'candidacies with disputed statuses and the deciding bodies',
    `query($id: ID!) { person(id: $id) { name candidacies { statuses { status decidedBy { id name } ${C} } nominatedBy { name } } } }`,
    { id: 'person:aigerim-tleuzhanova' },
  ],
  [
    'party names, members as of a day, results, candidates',
    `query($id: ID!, $date: Date!) { party(id: $id) { id name nameAsOf(date: $date) names { name from { text } to { text } ${C} }
      members(asOf: $date) { role from { text } person { id name } }
      allMembers: members { role person { id } }
      results { ${V('voteShare')} ${V('districtSeats')} totalSeats { value } partyName election { id name } }
      candidates { person { name } } } }`,
    { id: 'party:amanat', date: '2016-01-01' },
  ],
  [
    'election figures per source, results, candidacies page, findings',
    `query($id: ID!) { election(id: $id) { id name date { text } body { id name }
      ${V('turnout')} ${V('singleMandateCandidates')} ${V('seats')}
      results { party { id name } partyName passedThreshold ${V('voteShare')} ${V('districtSeats')} ${V('totalSeats')} ${C} }
      candidacies(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id person { name } } } }
      findings { observer { id name } summary ${C} } } }`,
    { id: 'election:2023-mazhilis' },
  ],
  [
    'districts: body, place, candidacies, winner',
    `query($id: ID!) { district(id: $id) { id name body { id name } place { id name }
      candidacies { id person { id name } outcome } winner { id name ${C} } } }`,
    { id: 'district:almaty-mazhilis-imanbai-bapi' },
  ],
  [
    'court case: court, claims, defendants, parties, events',
    `query($id: ID!) { courtCase(id: $id) { id name charges opened { text } court { id name }
      ${V('status')} ${V('maxPenalty')}
      defendants { entity { id name } charges ${C} } parties { role entity { id } }
      events(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name date { value { text } } } } } } }`,
    { id: 'case:mamai-mass-riots' },
  ],
  [
    'an event: place, participants, date claims',
    `query($id: ID!) { event(id: $id) { id name eventKind date { value { text } disputed claims { value { text } qualifier ${C} } } place { id name }
      participants { role entity { id name } event { id } ${C} } } }`,
    { id: 'event:2012-mamai-arrest' },
  ],
  [
    'organisation: parent, place, members; place: within',
    `query($id: ID!, $place: ID!) { organization(id: $id) { id name parent { id name } place { id name within { id name } }
      members { role person { id name } ${C} } }
      place(id: $place) { id name within { id name } events(first: 2) { totalCount edges { node { id } } } } }`,
    { id: 'organization:almaty-maslikhat', place: 'place:almaty' },
  ],
  [
    'three levels of relations with totals, pages and citations',
    `query($id: ID!) { person(id: $id) { id name
      related(first: 4) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id type direction role from { text } to { text }
        other { id name kind
          related(types: ["MEMBER_OF", "LEADS"], first: 3) { totalCount edges { node { type other { id name
            related(first: 2) { totalCount edges { node { type other { id name } } } } } } } } } } } } } }`,
    { id: 'person:zhanbolat-mamai' },
  ],
  [
    'fragments on the Entity interface with concrete type conditions',
    `query($id: ID!) { node(id: $id) { id ...E } person(id: $id) { ...E } }
     fragment E on Entity { name ${C} related(first: 6) { edges { node { other { id ...P ... on Organization { parent { id } members { person { id } } } } } } } }
     fragment P on Party { nameAsOf(date: "2021-01-01") members(asOf: "2021-01-01") { person { name } } }`,
    { id: 'person:zhanbolat-mamai' },
  ],
  [
    'list roots: a filtered page of people, each with memberships, events and relations',
    `query { people(first: 6, filter: { name: "a" }) { totalCount pageInfo { endCursor } edges { cursor node { id name ${C}
      memberships(asOf: "2022-06-01") { role organization { id name } }
      events(first: 2) { totalCount edges { node { id } } } related(first: 2) { edges { node { type other { id } } } } } } }
      elections(first: 2) { edges { node { name results { party { name } } } } } }`,
  ],
  [
    'relations with the citations of their facts, and the events root of one entity and of all',
    `query($id: ID!) { person(id: $id) { related(first: 40) { totalCount edges { node { type direction role other { id name } ${C} } } } }
      mine: events(filter: { entity: $id, kinds: [ARREST, DETENTION, HOUSE_ARREST] }) { totalCount edges { node { id name eventKind charges ${C} } } }
      all: events(first: 5, filter: { from: "2022-01-01" }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name participants { entity { id } } } } } }`,
    { id: 'person:zhanbolat-mamai' },
  ],
  [
    'timelines of a party and a person: entries with their events, elections and results or candidacies',
    `query($party: ID!, $person: ID!) { party(id: $party) { timeline(first: 6) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { kind date { text precision }
        event { id name eventKind } election { id name } result { totalSeats { value } voteShare { value } } } } } }
      person(id: $person) { timeline(first: 50) { totalCount edges { node { kind event { id name } election { id } candidacy { id mandate } } } } } }`,
    { party: 'party:amanat', person: 'person:zhanbolat-mamai' },
  ],
  [
    'the legislature root: body, terms with their composition, a page of members with people, parties, dated party names, seats and citations',
    `query($id: ID!) { legislature(id: $id) { organization { id name }
        terms { key name memberCount composition { seats independent party { id name nameAsOf(date: "2014-06-01") } citations { quote source { id } } } }
        members(asOf: "2023-06-01", first: 40) { totalCount nodes { term from independent partyName person { id name memberships { role } } party { id name }
          legislature { id } membership { id role } citations { quote locator source { id } } } } } }`,
    { id: 'organization:mazhilis' },
  ],
  [
    'a source with its text, a page of its citations and the nodes citing it; a fact by id with its entity values and their claims',
    `query($source: ID!, $fact: ID!) { source(id: $source) { id title text citationCount
        citations(first: 30) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { citedById start end quote
          citedBy { id ... on Person { name memberships { role } } ... on Candidacy { person { name } } } } } } }
      node(id: $fact) { id ... on Candidacy { person { name } mandate election { value { id name } disputed claims { value { id name } citations { quote } } }
        district { value { id } claims { value { id name } } } statuses { status decidedBy { id name } citations { quote } } } } }`,
    { source: '001_12a410b253aa282d.txt', fact: 'candidacy:2023-aigerim-tleuzhanova' },
  ],
  [
    'turnout per place with its places and cited values',
    `query($id: ID!) { election(id: $id) { turnout { value claims { value citations { quote } } }
        turnoutByPlace { place { id name citations { quote } } turnout { value claims { qualifier citations { quote start end source { id } } } } } } }`,
    { id: 'election:2023-mazhilis' },
  ],
  [
    'aliases with different arguments, @include and @skip',
    `query($id: ID!, $yes: Boolean!, $no: Boolean!) { person(id: $id) { name
      early: events(first: 2) { totalCount edges { cursor node { id } } }
      late: events(first: 2, kinds: [ARREST]) @include(if: $yes) { edges { node { id participants { entity { id } } } } }
      hidden: memberships @skip(if: $yes) { id }
      shown: memberships @include(if: $no) { id }
      memberships(includeRetracted: true) { id retraction { reason } } } }`,
    { id: 'person:zhanbolat-mamai', yes: true, no: false },
  ],
];

async function both(query: string, variables: Record<string, unknown> = {}) {
  const [a, b] = await Promise.all([planned.gql<Json>(query, variables), levelled.gql<Json>(query, variables)]);
  return { a, b };
}

describe('query planning answers exactly as level-by-level loading', () => {
  for (const [name, query, variables] of covered) {
    it(`${name}: same answer, one round trip`, async () => {
      const { a, b } = await both(query, variables);
      expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
      expect(b.errors, JSON.stringify(b.errors)).toBeUndefined();
      expect(a.data).toEqual(b.data);
      const roots = Object.keys(a.data).length;
      // One per root field at most: roots asking the same of the same entity (node and person here) share one.
      expect(a.extensions?.stats?.databaseRoundTrips).toBeGreaterThanOrEqual(1);
      expect(a.extensions?.stats?.databaseRoundTrips).toBeLessThanOrEqual(roots);
      expect(b.extensions?.stats?.databaseRoundTrips ?? 0).toBeGreaterThan(roots);
    });
  }

  it('search hits: ranked and what their entities select read in one query', async () => {
    const { a, b } = await both(`{ search(query: "Mamai", first: 3) { score matched entity { id name ${C}
      ... on Person { memberships { role organization { name } ${C} } }
      related(first: 5) { totalCount edges { node { type other { id name } ${C} } } } } } }`);
    expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    expect(a.data).toEqual(b.data);
    expect(a.data.search.length).toBeGreaterThan(0);
    expect(a.data.search[0].entity.memberships.length).toBeGreaterThan(0);
    expect(a.extensions?.stats?.databaseRoundTrips).toBe(1);
    expect(b.extensions?.stats?.databaseRoundTrips).toBeGreaterThan(2);
    const plain = await planned.gql<Json>(`{ search(query: "Mamai") { score entity { id name } } }`);
    expect(plain.extensions?.stats?.databaseRoundTrips).toBe(1);
  });

  // The plan runs for every candidate the index gives (up to 50), the ranking keeps a few: what is primed and
  // answered must be the kept hits' only, whatever the page size, kinds, fragments and variables below `entity`.
  const searches: [string, string, Record<string, unknown>?][] = [
    [
      'a page much smaller than the pool, hits of several kinds with fragments and nested relations',
      `{ search(query: "Kazakhstan", first: 2) { score matched alias { kind lang } entity { id name kind ${C}
        ... on Party { nameAsOf(date: "2010-01-01") members { role person { name } } }
        ... on Person { memberships { role organization { id } } }
        related(first: 3) { totalCount edges { node { type other { id name related(first: 2) { totalCount edges { node { other { id } } } } } } } } } } }`,
    ],
    [
      'two search roots (aliases) with kinds, timelines and candidacies',
      `{ people: search(query: "Tokayev", kinds: [PERSON]) { score entity { id ... on Person { candidacies { mandate person { id } } } } }
        parties: search(query: "Amanat", kinds: [PARTY], first: 1) { matched entity { id ${C} ... on Party { timeline(first: 3) { totalCount edges { node { kind event { id } } } } } } } }`,
    ],
    [
      'variables below the hits: the same operation with other values plans again',
      `query($d: Date!) { search(query: "Nur Otan", first: 4) { matched entity { id ... on Party { nameAsOf(date: $d) members(asOf: $d) { person { id } } }
        related(asOf: $d, first: 4) { totalCount edges { node { type other { id } } } } } } }`,
      { d: '2012-01-01' },
    ],
  ];
  for (const [name, query, variables] of searches) {
    it(`search: ${name}: same answer, one round trip per search`, async () => {
      const { a, b } = await both(query, variables);
      expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
      expect(b.errors, JSON.stringify(b.errors)).toBeUndefined();
      expect(a.data).toEqual(b.data);
      const roots = Object.keys(a.data);
      for (const root of roots) expect(a.data[root].length, root).toBeGreaterThan(0);
      expect(a.extensions?.stats?.databaseRoundTrips).toBe(roots.length);
      expect(b.extensions?.stats?.databaseRoundTrips).toBeGreaterThan(roots.length);
    });
  }

  it('search: a variable below the hits changes the answer as level-by-level loading does', async () => {
    const query = searches[2]![1];
    const [early, late] = await Promise.all([both(query, { d: '2012-01-01' }), both(query, { d: '2024-01-01' })]);
    expect(early.a.data).toEqual(early.b.data);
    expect(late.a.data).toEqual(late.b.data);
    expect(late.a.data).not.toEqual(early.a.data);
  });

  it('an entity by an unknown identifier is null alike, in one round trip', async () => {
    const { a, b } = await both(`{ entityByIdentifier(scheme: "wikidata", value: "Q0") { id related(first: 2) { totalCount } } }`);
    expect(a.data).toEqual({ entityByIdentifier: null });
    expect(b.data).toEqual(a.data);
    expect(a.extensions?.stats?.databaseRoundTrips).toBe(1);
  });

  it('pages after a cursor alike (events and relations)', async () => {
    const first = await planned.gql<Json>(
      `query($id: ID!) { person(id: $id) { events(first: 2) { pageInfo { endCursor } } related(first: 3) { pageInfo { endCursor } } } }`,
      { id: 'person:zhanbolat-mamai' },
    );
    const { events, related } = first.data.person;
    const { a, b } = await both(
      `query($id: ID!, $e: String, $r: String) { person(id: $id) {
        events(first: 2, after: $e) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id name } } }
        related(first: 3, after: $r) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { type other { id } } } } } }`,
      { id: 'person:zhanbolat-mamai', e: events.pageInfo.endCursor, r: related.pageInfo.endCursor },
    );
    expect(a.errors).toBeUndefined();
    expect(a.data).toEqual(b.data);
    expect(a.data.person.events.edges.length).toBe(2);
    expect(a.data.person.events.pageInfo.hasPreviousPage).toBe(true);
    expect(a.extensions?.stats?.databaseRoundTrips).toBe(1);
  });

  it('a missing entity, a redirected id and an entity of another kind answer alike', async () => {
    for (const id of ['person:nobody-at-all', 'party:amanat']) {
      const { a, b } = await both(`query($id: ID!) { person(id: $id) { name memberships { id } } }`, { id });
      expect(a).toMatchObject({ data: b.data });
      expect(a.data.person).toBeNull();
    }
  });

  it('bad arguments below the root are reported by their resolver, as without planning', async () => {
    const { a, b } = await both(`query($id: ID!) { person(id: $id) { name events(first: 1000) { totalCount } } }`, { id: 'person:zhanbolat-mamai' });
    expect(a.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(a.errors?.[0]?.extensions?.code).toBe(b.errors?.[0]?.extensions?.code);
    expect(a.data).toEqual(b.data);
  });
});

describe('every worked query of docs/api.md answers alike planned and level by level', () => {
  const guide = readFileSync(resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');
  const worked = [...guide.matchAll(/```graphql\n# name: ([\w-]+)\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!] as const);

  it('finds the guide\'s worked queries', () => {
    expect(worked.length).toBeGreaterThanOrEqual(12);
  });

  for (const [name, query] of worked) {
    it(name, async () => {
      const { a, b } = await both(query);
      expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
      expect(b.errors, JSON.stringify(b.errors)).toBeUndefined();
      expect(a.data).toEqual(b.data);
    });
  }
});
