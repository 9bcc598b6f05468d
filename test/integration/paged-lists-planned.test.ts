// The connections that page a list's facts (src/resolvers/model.ts `pageOf`: a person's memberships and
// candidacies, a district's candidacies, an election's findings) and `partiesConnection` are planned: a server
// planning answers them exactly as one loading level by level (PREFETCH=false), in one round trip per root.
// Reads only, on the shared test database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlannedAndLevelled, type TestServer } from '../helpers.js';

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

const PAGE = 'totalCount pageInfo { hasNextPage endCursor }';
const shapes: [string, string][] = [
  [
    "a person's memberships and candidacies, a page each",
    `{ person(id: "person:nursultan-nazarbayev") { name
        membershipsConnection(first: 2) { ${PAGE} edges { cursor node { id role organization { id name } citations { quote } } } }
        asOf: membershipsConnection(asOf: "2015-06-01", first: 5) { ${PAGE} edges { node { id } } }
        candidaciesConnection { ${PAGE} edges { node { id election { value { id name } } } } } } }`,
  ],
  [
    "a district's candidacies in one election, and an election's findings",
    `{ district(id: "district:almaty-mazhilis-imanbai-bapi") { name
        candidaciesConnection(election: "election:2023-mazhilis", first: 1) { ${PAGE} edges { node { id outcome person { id name } } } } }
      election(id: "election:2023-mazhilis") { findingsConnection(first: 3) { ${PAGE} edges { node { id summary observer { id name } } } } } }`,
  ],
  ['parties, a page', `{ partiesConnection(first: 3) { ${PAGE} edges { cursor node { id name names { name } } } } }`],
  [
    "a person's and a fact's citations and history, a page each",
    `{ person(id: "person:nursultan-nazarbayev") { name
        citationsConnection(first: 2) { ${PAGE} edges { cursor node { quote source { id title } } } }
        history { id } historyConnection(first: 1) { ${PAGE} edges { node { id } } }
        memberships { id citationsConnection(first: 1) { ${PAGE} edges { node { quote } } } history { id } } } }`,
  ],
];

describe('paged lists are planned', () => {
  it('pages a record\'s citations in the order of `citations`, bounded by `first`', async () => {
    const query = `query($after: String) { person(id: "person:nursultan-nazarbayev") { citations { quote }
      page: citationsConnection(first: 1, after: $after) { ${PAGE} edges { node { quote } } } } }`;
    type Answer = { person: { citations: { quote: string | null }[]; page: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { quote: string | null } }[] } } };
    const first = await planned.gql<Answer>(query);
    expect(first.errors).toBeUndefined();
    const all = first.data!.person.citations;
    expect(all.length).toBeGreaterThan(1);
    expect(first.data!.person.page.totalCount).toBe(all.length);
    expect(first.data!.person.page.edges.map((e) => e.node)).toEqual(all.slice(0, 1));
    const second = await planned.gql<Answer>(query, { after: first.data!.person.page.pageInfo.endCursor });
    expect(second.data!.person.page.edges.map((e) => e.node)).toEqual(all.slice(1, 2));
    expect(second.data!.person.page.pageInfo.hasNextPage).toBe(all.length > 2);
  });

  for (const [name, query] of shapes) {
    it(`${name}: same answer as level by level, one round trip per root`, async () => {
      const [a, b] = await Promise.all([planned.gql<Record<string, unknown>>(query), levelled.gql<Record<string, unknown>>(query)]);
      expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
      expect(b.errors, JSON.stringify(b.errors)).toBeUndefined();
      expect(a.data).toEqual(b.data);
      const roots = Object.keys(a.data!).length;
      const stats = (r: typeof a) => (r.extensions?.stats as { databaseRoundTrips?: number } | undefined)?.databaseRoundTrips ?? 0;
      expect(stats(a)).toBeGreaterThanOrEqual(1);
      expect(stats(a)).toBeLessThanOrEqual(roots);
      expect(stats(b)).toBeGreaterThan(roots);
    });
  }
});
