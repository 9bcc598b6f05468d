// Read path v3's round-trip rule: every worked query of docs/api.md (and a few analyst shapes outside the guide)
// is answered in at most one database round trip per root field (`extensions.stats.databaseRoundTrips`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootFields, workedQueries } from '../../bench/worked-queries.js';
import { createLogger } from '../../src/logger.js';
import { startTestServer, type TestServer } from '../helpers.js';

const worked = workedQueries().map(({ name, query }) => [name, query] as const);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, process.env.DEBUG_LOG ? { logger: createLogger('error') } : {});
});
afterAll(async () => {
  await server.close();
});

/**
 * Worked queries not yet answered in one round trip per root field, with the count measured and why: the test
 * holds each to its count (a regression fails) and fails when one gets better without this table changing.
 */
const notYetOne: Record<string, { trips: number; why: string }> = {};

describe('one database round trip per root field', () => {
  it('the guide has its worked queries', () => {
    expect(worked.length).toBeGreaterThanOrEqual(12);
  });
  for (const [name, query] of worked) {
    it(`worked query ${name}`, async () => {
      const res = await server.gql(query);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      const trips = res.extensions?.stats?.databaseRoundTrips;
      const known = notYetOne[name];
      if (known) expect(trips, `${name}: ${known.why}`).toBe(known.trips);
      else expect(trips).toBeLessThanOrEqual(rootFields(query));
    });
  }
});

/** Analyst requests outside the guide, one per root the planner covers beyond the worked queries. */
const analystShapes: [string, string][] = [
  [
    'legislature: terms, composition parties and citations, a page of members with people, parties and seat citations',
    `{ legislature(id: "organization:mazhilis") { organization { name } terms { key memberCount composition { seats party { name nameAsOf(date: "2014-06-01") } citations { quote } } }
      members(first: 50) { totalCount nodes { term partyName independent person { name } party { name } membership { role } citations { quote source { id } } } } } }`,
  ],
  [
    'source: text, citations and what cites it',
    `{ source(id: "001_12a410b253aa282d.txt") { title text citations(first: 50) { totalCount edges { node { quote citedBy { id ... on Person { name } ... on Membership { role organization { name } } } } } } } }`,
  ],
];

/** A search whose hits select relations, citations and memberships: the candidates and all of it in one query. */
const richSearch = `{ search(query: "Mamai", first: 5) { score matched entity { id name citations { quote source { id } }
  ... on Person { memberships { role organization { name } citations { quote } } }
  related(first: 10) { totalCount edges { node { type other { id name } citations { quote } } } } } } }`;
analystShapes.push(['search: hits with relations, their citations, memberships and citations', richSearch]);

describe('analyst shapes outside the guide: one round trip per root field', () => {
  for (const [name, query] of analystShapes) {
    it(name, async () => {
      const res = await server.gql(query);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.extensions?.stats?.databaseRoundTrips).toBeLessThanOrEqual(rootFields(query));
    });
  }
});

describe('search', () => {
  it('answers in exactly one round trip whatever its hits select', async () => {
    const res = await server.gql<{ search: { entity: { memberships?: unknown[]; related: { totalCount: number } } }[] }>(richSearch);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data?.search.length).toBeGreaterThan(0);
    expect(res.data?.search.some((h) => (h.entity.memberships?.length ?? 0) > 0 && h.entity.related.totalCount > 0)).toBe(true);
    expect(res.extensions?.stats?.databaseRoundTrips).toBe(1);
  });
});

describe('what cites a source', () => {
  it('a fact whose id has the shape of a claim id (`event:x#participant#1`) answers as itself, in one round trip', async () => {
    const res = await server.gql(`{ sources(first: 20) { edges { node { id citations(first: 100) { edges { node { citedById citedBy { id __typename } } } } } } } }`);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    type Edge = { node: { citedById: string; citedBy: { id: string; __typename: string } | null } };
    const cites: Edge['node'][] = (res.data as { sources: { edges: { node: { citations: { edges: Edge[] } } }[] } }).sources.edges.flatMap((s) => s.node.citations.edges.map((e) => e.node));
    const participations = cites.filter((c) => c.citedById.includes('#participant#'));
    expect(participations.length).toBeGreaterThan(0);
    for (const c of participations) expect(c.citedBy).toEqual({ id: c.citedById, __typename: 'Participation' });
  });
});
