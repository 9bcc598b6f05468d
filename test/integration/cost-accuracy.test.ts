// The cost estimate against the answers it estimates: for every worked query of docs/api.md (on the seed) and for
// the probes of issue 21 (on the seed with EveryPolitician's Mazhilis file imported, where legislatures, terms and
// seats exist), the estimate (`extensions.cost.estimate`) is at least the records the answer holds and at most ten
// times them. A record is an object of the answer's JSON `data` (a list item, a connection, an edge, a node, a
// date...): what the estimate's unit counts. Answers of a few records get an absolute allowance (FLOOR): an
// estimate cannot know an id's degree before reading it, and a few records more are no risk.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarise, writeImport } from '../../src/bulk/import.js';
import { planPopoloImport, readPopoloFile } from '../../src/popolo/import.js';
import type { SourceMeta } from '../../src/popolo/popolo.js';
import { startTestServer, type GqlResponse, type TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';

/** Above this many records the estimate must be within 10x; below, within FLOOR. */
const FLOOR = 30;
const RATIO = 10;

/** Objects in an answer's `data` (the `data` object itself not counted). */
export function records(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + records(v), 0);
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Object.values(value).reduce((n: number, v) => n + records(v), 0);
}

type CostExtensions = { cost?: { estimate: number; limit: number; expensive: boolean } };

interface Measured {
  name: string;
  records: number;
  estimate: number;
}

const measured: Measured[] = [];

async function measure(server: TestServer, name: string, query: string, variables?: Record<string, unknown>): Promise<Measured> {
  const res = (await server.gql<Record<string, unknown>>(query, variables)) as GqlResponse<Record<string, unknown>> & { extensions?: CostExtensions };
  expect(res.errors, `${name}: ${JSON.stringify(res.errors)}`).toBeUndefined();
  const estimate = res.extensions?.cost?.estimate;
  expect(estimate, name).toBeTypeOf('number');
  let total = 0;
  for (const value of Object.values(res.data ?? {})) total += records(value);
  const m = { name, records: total, estimate: estimate! };
  measured.push(m);
  return m;
}

function expectWithin(m: Measured): void {
  const line = `${m.name}: ${m.records} records, estimate ${m.estimate}`;
  expect(m.estimate, line).toBeGreaterThanOrEqual(m.records);
  expect(m.estimate, line).toBeLessThanOrEqual(Math.max(RATIO * m.records, FLOOR));
}

afterAll(() => {
  const rows = measured.map((m) => `${m.name.padEnd(34)} ${String(m.records).padStart(7)} ${String(m.estimate).padStart(8)}  ${(m.estimate / Math.max(1, m.records)).toFixed(2)}x`);
  console.log(`query                              records estimate  ratio\n${rows.join('\n')}`);
});

const guide = readFileSync(resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');
const worked = [...guide.matchAll(/```graphql\n# name: ([\w-]+)\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!] as const);

/** Probes on the seed: the list roots and network queries at their largest admitted pages. */
const seedProbes: [string, string][] = [
  ['neighbourhood amanat depth 3', '{ neighbourhood(id: "party:amanat", depth: 3) { truncated nodes { id name kind degree } edges { id source target type } } }'],
  ['neighbourhood amanat depth 1', '{ neighbourhood(id: "party:amanat") { nodes { id name } edges { source target type } } }'],
  ['duplicate candidates PERSON 100', '{ duplicateCandidates(kind: PERSON, first: 100) { score matchedNames entity { id name } duplicate { id name } } }'],
  ['search first 100', '{ search(query: "party", first: 100) { score matched entity { id name kind } } }'],
  ['people 100 timeline 100', '{ people(first: 100) { edges { node { id timeline(first: 100) { edges { node { kind date { text } event { id related(first: 100) { edges { node { type } } } } } } } } } } }'],
  ['people 100 events 100', '{ people(first: 100) { edges { node { id events(first: 100) { edges { node { id related(first: 100) { edges { node { type } } } } } } } } } }'],
  ['party timeline', '{ party(id: "party:amanat") { timeline(first: 100) { totalCount edges { node { kind date { text } event { id name } election { id name } } } } } }'],
  ['shortest path', '{ shortestPath(from: "person:inga-imanbai", to: "person:kassym-jomart-tokayev") { length nodes { id name } edges { source target type citations { quote } } } }'],
  ['paths 20', '{ paths(from: "person:inga-imanbai", to: "person:kassym-jomart-tokayev", first: 20) { length nodes { id } edges { type } } }'],
  ['subgraph', '{ subgraph(ids: ["party:amanat", "person:zhanbolat-mamai", "person:inga-imanbai"]) { nodes { id name } edges { source target type } } }'],
  ['districts 100', '{ districts(first: 100) { totalCount edges { node { id name body { id } candidacies { id person { id name } } } } } }'],
  ['history of a party', '{ party(id: "party:amanat") { history { id at operation } names { name history { id } } } }'],
  ['sources with citations', '{ sources(first: 10) { edges { node { id title citations(first: 100) { edges { node { quote } } } } } } }'],
  ['person identifiers and aliases', '{ person(id: "person:kassym-jomart-tokayev") { aliases { name } identifiers { scheme value } legislativeTerms { term party { id } } } }'],
];

describe('the estimate against the answer, on the seed', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '0' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('covers every worked query of docs/api.md', () => {
    expect(worked.length).toBeGreaterThanOrEqual(15);
  });

  it.each(worked)('worked query %s', async (name, query) => {
    if (process.env.COST_DEBUG === name) console.log(JSON.stringify((await server.gql(query)).data, null, 1));
    expectWithin(await measure(server, name, query));
  });

  it.each(seedProbes)('probe: %s', async (name, query) => {
    expectWithin(await measure(server, name, query));
  });
});

const FILE = resolve(import.meta.dirname, '../../data/everypolitician-kz/ep-popolo-v1.0.json');
const META: SourceMeta = {
  title: 'EveryPolitician: Kazakhstan, Mazhilis (Popolo JSON)',
  publisher: 'EveryPolitician',
  url: 'https://github.com/everypolitician/everypolitician-data/blob/379106e8c5ba9364abc6a739de5f92744c4ee2b3/data/Kazakhstan/Assembly/ep-popolo-v1.0.json',
  retrieved: '2026-12-02',
};

/** Probes of issue 21 on imported data: a legislature of 200-odd seats, deputies with many relations. */
const importedProbes: [string, string][] = [
  [
    'legislature members 1000, two related levels',
    '{ legislature(id: "organization:mazhilis") { members(first: 1000) { nodes { person { related(first: 100) { edges { node { other { related(first: 100) { edges { node { type } } } } } } } } } } } }',
  ],
  ['legislature terms and members', '{ legislature(id: "organization:mazhilis") { organization { id name } terms { key name memberCount composition { party { id name } seats } } members(first: 1000) { totalCount nodes { term from to person { id name } party { id name } } } } }'],
  ['legislature members of a day', '{ legislature(id: "organization:mazhilis") { members(asOf: "2014-06-01") { totalCount nodes { person { id name } party { id } } } } }'],
  ['people 100 timeline 100', '{ people(first: 100) { edges { node { id timeline(first: 100) { edges { node { kind event { id related(first: 100) { edges { node { type } } } } } } } } } } }'],
  ['people 100 legislative terms', '{ people(first: 100) { edges { node { id identifiers { scheme value } legislativeTerms { term party { id } legislature { id } } } } } }'],
  ['neighbourhood amanat depth 3', '{ neighbourhood(id: "party:amanat", depth: 3) { truncated nodes { id name kind } edges { source target type } } }'],
  ['neighbourhood mazhilis depth 2 limit 1000', '{ neighbourhood(id: "organization:mazhilis", depth: 2, limit: 1000) { nodes { id } edges { source target type } } }'],
  ['duplicate candidates PERSON 100', '{ duplicateCandidates(kind: PERSON, first: 100) { score entity { id name } duplicate { id name } } }'],
  ['search first 100', '{ search(query: "Нұр", first: 100) { score matched entity { id name } } }'],
  ['amanat related two levels', '{ party(id: "party:amanat") { related(first: 100) { edges { node { type other { id related(first: 100) { edges { node { type } } } } } } } } }'],
];

describe('the estimate against the answer, with the Mazhilis file imported', () => {
  let neo4j: IsolatedNeo4j;
  let server: TestServer;
  beforeAll(async () => {
    neo4j = await startIsolatedNeo4j();
    const planned = await planPopoloImport(neo4j.database, await readPopoloFile(FILE), META);
    if (planned.issues.length > 0 || !planned.plan) throw new Error(JSON.stringify(planned.issues.slice(0, 5)));
    await writeImport(neo4j.database, planned.plan, { actor: 'cost-accuracy-test' });
    console.log(`imported: ${JSON.stringify(summarise(planned.plan))}`);
    // The heaviest probes are refused or gated by default: lift the limits so their answers can be counted.
    server = await startServerOn(neo4j, { RATE_LIMIT_PER_MINUTE: '0', MAX_COST: '10000000', EXPENSIVE_DB_BUDGET: '100s' });
    defaults = await startServerOn(neo4j, { RATE_LIMIT_PER_MINUTE: '0' });
  }, 180_000);
  let defaults: TestServer;
  afterAll(async () => {
    await server?.close();
    await defaults?.close();
    await neo4j?.close();
  });

  it('refuses the legislature probe with the default MAX_COST (it was estimated at 405 and answered 1.34 MB)', async () => {
    const res = await defaults.gql(importedProbes[0]![1]);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'maxCost' });
  });

  it('gates the neighbourhood and duplicate candidates by their work', async () => {
    for (const [name, query] of [importedProbes[5]!, importedProbes[7]!]) {
      const res = (await defaults.gql(query)) as GqlResponse<unknown> & { extensions?: { cost?: { estimate: number; work: number; expensive: boolean } } };
      expect(res.errors, name).toBeUndefined();
      expect(res.extensions?.cost?.work, name).toBeGreaterThan(0);
      console.log(`${name}: ${JSON.stringify(res.extensions?.cost)}`);
    }
  });

  it.each(importedProbes)('probe: %s', async (name, query) => {
    expectWithin(await measure(server, name, query));
  });
});
