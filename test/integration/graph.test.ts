// Network queries on the seed over real HTTP: neighbourhoods, shortest paths, subgraphs, their citations,
// key-player measures, `asOf` (names and edges), truncation, validation and the cost in round trips.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationTypes } from '../../src/dataset/to-graph.js';
import { neighbourhood as neighbourhoodQuery } from '../../src/repositories/graph-repository.js';
import { startPlannedAndLevelled, startTestServer, type TestServer } from '../helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface GNode {
  id: string;
  kind: string;
  name: string;
  degree: number;
  betweenness: number;
  pagerank: number;
}
interface GEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  role: string | null;
  factId: string;
  citationCount: number;
  from: { text: string; start: string } | null;
  to: { text: string; end: string } | null;
  citations: { quote: string; source: { id: string } }[];
}
interface GGraph {
  truncated: boolean;
  nodes: GNode[];
  edges: GEdge[];
}
interface GPath {
  length: number;
  nodes: GNode[];
  edges: GEdge[];
}

const NODE = 'id kind name degree betweenness pagerank';
const EDGE = 'id source target type role factId citationCount from { text start } to { text end } citations { quote source { id } }';
const GRAPH = `truncated nodes { ${NODE} } edges { ${EDGE} }`;

const IMANBAI = 'person:inga-imanbai';
const TOKAYEV = 'person:kassym-jomart-tokayev';
const NAZARBAYEV = 'person:nursultan-nazarbayev';
const MAMAI = 'person:zhanbolat-mamai';
const AMANAT = 'party:amanat';

async function neighbourhood(vars: { id: string; depth?: number; types?: string[]; asOf?: string; limit?: number }) {
  const res = await server.gql<{ neighbourhood: GGraph }>(
    `query N($id: ID!, $depth: Int, $types: [String!], $asOf: Date, $limit: Int) {
      neighbourhood(id: $id, depth: $depth, types: $types, asOf: $asOf, limit: $limit) { ${GRAPH} }
    }`,
    vars,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.neighbourhood;
}

/** What every graph the API returns must satisfy, whatever the query. */
function expectWellFormed(graph: GGraph) {
  const ids = graph.nodes.map((n) => n.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  for (const e of graph.edges) {
    expect(ids).toContain(e.source);
    expect(ids).toContain(e.target);
    expect(relationTypes).toContain(e.type);
  }
  // Degree counts distinct neighbours in this graph; betweenness is normalised; PageRank sums to 1.
  for (const n of graph.nodes) {
    const neighbours = new Set(graph.edges.flatMap((e) => (e.source === n.id ? [e.target] : e.target === n.id ? [e.source] : [])));
    neighbours.delete(n.id);
    expect(n.degree, n.id).toBe(neighbours.size);
    expect(n.betweenness).toBeGreaterThanOrEqual(0);
    expect(n.betweenness).toBeLessThanOrEqual(1);
  }
  if (graph.nodes.length > 0) expect(graph.nodes.reduce((sum, n) => sum + n.pagerank, 0)).toBeCloseTo(1, 5);
}

/** A path is a chain: edge i joins node i and node i + 1, in either direction. */
function expectChain(path: GPath, from: string, to: string) {
  expect(path.nodes[0]!.id).toBe(from);
  expect(path.nodes[path.nodes.length - 1]!.id).toBe(to);
  expect(path.edges).toHaveLength(path.length);
  expect(path.nodes).toHaveLength(path.length + 1);
  path.edges.forEach((e, i) => {
    expect([e.source, e.target].sort()).toEqual([path.nodes[i]!.id, path.nodes[i + 1]!.id].sort());
  });
}

describe('shortestPath and paths', () => {
  it('connects Inga Imanbai to Tokayev, every edge cited by the fact behind it', async () => {
    const res = await server.gql<{ shortestPath: GPath | null }>(
      `{ shortestPath(from: "${IMANBAI}", to: "${TOKAYEV}") { length nodes { ${NODE} } edges { ${EDGE} } } }`,
    );
    expect(res.errors).toBeUndefined();
    const path = res.data!.shortestPath!;
    expect(path).not.toBeNull();
    expect(path.length).toBeGreaterThanOrEqual(2);
    expect(path.length).toBeLessThanOrEqual(6);
    expectChain(path, IMANBAI, TOKAYEV);
    for (const e of path.edges) {
      expect(e.citations.length, `${e.id} has citations`).toBeGreaterThan(0);
      expect(e.citationCount).toBe(e.citations.length);
      for (const c of e.citations) expect(c.quote.length).toBeGreaterThan(0);
    }
  });

  it('is null when no path fits within maxDepth, and a lone node from an entity to itself', async () => {
    const res = await server.gql<{ tooShort: GPath | null; self: GPath | null; unknown: GPath | null }>(
      `{ tooShort: shortestPath(from: "${IMANBAI}", to: "${TOKAYEV}", maxDepth: 1) { length }
         self: shortestPath(from: "${IMANBAI}", to: "${IMANBAI}") { length nodes { id } edges { id } }
         unknown: shortestPath(from: "person:nobody", to: "${TOKAYEV}") { length } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.tooShort).toBeNull();
    expect(res.data!.self).toEqual({ length: 0, nodes: [{ id: IMANBAI }], edges: [] });
    expect(res.data!.unknown).toBeNull();
  });

  it('gives several shortest paths, shortest first, each through a different chain of entities', async () => {
    const res = await server.gql<{ paths: GPath[]; shortest: GPath }>(
      `{ paths(from: "${IMANBAI}", to: "${TOKAYEV}", first: 4) { length nodes { ${NODE} } edges { ${EDGE} } }
         shortest: shortestPath(from: "${IMANBAI}", to: "${TOKAYEV}") { length } }`,
    );
    expect(res.errors).toBeUndefined();
    const paths = res.data!.paths;
    expect(paths.length).toBeGreaterThan(1);
    expect(paths.length).toBeLessThanOrEqual(4);
    expect(paths[0]!.length).toBe(res.data!.shortest.length);
    const chains = paths.map((p) => p.nodes.map((n) => n.id).join('>'));
    expect(new Set(chains).size).toBe(paths.length);
    paths.forEach((p, i) => {
      expectChain(p, IMANBAI, TOKAYEV);
      if (i > 0) expect(p.length).toBeGreaterThanOrEqual(paths[i - 1]!.length);
      for (const e of p.edges) expect(e.citations.length).toBeGreaterThan(0);
    });
  });

  it('walks only the relationship types asked for', async () => {
    const res = await server.gql<{ family: GPath | null; none: GPath | null }>(
      `{ family: shortestPath(from: "${MAMAI}", to: "${IMANBAI}", types: ["SPOUSE_OF"]) { length edges { type } }
         none: shortestPath(from: "${IMANBAI}", to: "${TOKAYEV}", types: ["SPOUSE_OF"]) { length } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.family).toEqual({ length: 1, edges: [{ type: 'SPOUSE_OF' }] });
    expect(res.data!.none).toBeNull();
  });
});

describe('neighbourhood', () => {
  it('two steps from Amanat hold Nazarbayev and Tokayev, with cited edges', async () => {
    const graph = await neighbourhood({ id: AMANAT, depth: 2 });
    expectWellFormed(graph);
    expect(graph.truncated).toBe(false);
    const ids = graph.nodes.map((n) => n.id);
    expect(ids[0]).toBe(AMANAT);
    expect(ids).toEqual(expect.arrayContaining([NAZARBAYEV, TOKAYEV]));
    expect(graph.nodes.find((n) => n.id === AMANAT)).toMatchObject({ kind: 'PARTY', name: 'Amanat' });
    // Nazarbayev chaired the party: a LEADS edge from him to it, stated by a source.
    const leads = graph.edges.find((e) => e.type === 'LEADS' && e.source === NAZARBAYEV && e.target === AMANAT);
    expect(leads?.citations.length).toBeGreaterThan(0);
    for (const e of graph.edges) expect(e.citationCount).toBe(e.citations.length);
    // Depth 2 reaches further than depth 1, which holds only Amanat's direct ties.
    const one = await neighbourhood({ id: AMANAT, depth: 1 });
    expectWellFormed(one);
    expect(one.nodes.length).toBeLessThan(graph.nodes.length);
    for (const n of one.nodes.filter((x) => x.id !== AMANAT)) {
      expect(one.edges.some((e) => (e.source === AMANAT && e.target === n.id) || (e.target === AMANAT && e.source === n.id))).toBe(true);
    }
  });

  it('asOf shows the network on that day: Amanat was Nur Otan in 2021, and later ties are absent', async () => {
    const now = await neighbourhood({ id: AMANAT, depth: 1 });
    const in2021 = await neighbourhood({ id: AMANAT, depth: 1, asOf: '2021-06-30' });
    const in2023 = await neighbourhood({ id: AMANAT, depth: 1, asOf: '2023-06-30' });
    expectWellFormed(in2021);
    expect(now.nodes.find((n) => n.id === AMANAT)!.name).toBe('Amanat');
    expect(in2021.nodes.find((n) => n.id === AMANAT)!.name).toBe('Nur Otan');
    expect(in2023.nodes.find((n) => n.id === AMANAT)!.name).toBe('Amanat');
    // Every edge shown in 2021 held then; the 2023 election Amanat contested is not among them.
    for (const e of in2021.edges) {
      if (e.from) expect(e.from.start <= '2021-06-30', `${e.id} starts by then`).toBe(true);
      if (e.to) expect(e.to.end >= '2021-06-30', `${e.id} had not ended`).toBe(true);
    }
    const ids2021 = new Set(in2021.edges.map((e) => e.id));
    expect(now.edges.some((e) => e.target === 'election:2023-mazhilis')).toBe(true);
    expect(in2021.edges.some((e) => e.target === 'election:2023-mazhilis')).toBe(false);
    expect(in2021.edges.length).toBeLessThan(now.edges.length);
    expect([...ids2021].every((id) => now.edges.some((e) => e.id === id))).toBe(true);
    expect(in2021.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([NAZARBAYEV]));
  });

  it('keeps the closest and best-connected entities when limit cuts it, and says so', async () => {
    const full = await neighbourhood({ id: AMANAT, depth: 2 });
    const cut = await neighbourhood({ id: AMANAT, depth: 2, limit: 5 });
    expectWellFormed(cut);
    expect(cut.truncated).toBe(true);
    expect(cut.nodes).toHaveLength(5);
    expect(cut.nodes[0]!.id).toBe(AMANAT);
    // Amanat has more than four direct ties, so all four others kept are direct ties, the most connected ones.
    const direct = full.nodes.filter((n) => full.edges.some((e) => (e.source === AMANAT && e.target === n.id) || (e.target === AMANAT && e.source === n.id)));
    expect(direct.length).toBeGreaterThan(4);
    for (const n of cut.nodes.slice(1)) expect(direct.map((d) => d.id)).toContain(n.id);
    expect(cut.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([TOKAYEV, NAZARBAYEV]));
    const everything = await neighbourhood({ id: AMANAT, depth: 2, limit: full.nodes.length });
    expect(everything.truncated).toBe(false);
    const justShort = await neighbourhood({ id: AMANAT, depth: 2, limit: full.nodes.length - 1 });
    expect(justShort.truncated).toBe(true);
  });

  it('caps how many entities each step may reach, so a hub cannot blow up the query', async () => {
    // The cap is a server-side setting of the repository; with 3 per step, two steps reach at most 1 + 3 + 3.
    const capped = await neighbourhoodQuery(server.database, { id: AMANAT, depth: 2, limit: 1000, expansionCap: 3 }, { types: null, asOf: null });
    expect(capped!.truncated).toBe(true);
    expect(capped!.nodes.length).toBeGreaterThan(3);
    expect(capped!.nodes.length).toBeLessThanOrEqual(7);
    const uncapped = await neighbourhoodQuery(server.database, { id: AMANAT, depth: 2, limit: 1000 }, { types: null, asOf: null });
    expect(uncapped!.truncated).toBe(false);
    expect(uncapped!.nodes.length).toBeGreaterThan(7);
  });

  it('filters by relationship type', async () => {
    const graph = await neighbourhood({ id: AMANAT, depth: 1, types: ['LEADS', 'FOUNDED'] });
    expectWellFormed(graph);
    expect(graph.edges.length).toBeGreaterThan(0);
    for (const e of graph.edges) expect(['LEADS', 'FOUNDED']).toContain(e.type);
    expect(graph.nodes.map((n) => n.id)).toContain(NAZARBAYEV);
  });

  it('costs one round trip: the graph, party names on the day and citations in the same query', async () => {
    const res = await server.gql<{ neighbourhood: GGraph }>(
      `{ neighbourhood(id: "${AMANAT}", depth: 2, asOf: "2021-06-30") { nodes { id name entity { id name } } edges { citations { quote } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.neighbourhood.nodes.length).toBeGreaterThan(5);
    expect(res.data!.neighbourhood.nodes.find((n) => n.id === AMANAT)!.name).toBe('Nur Otan');
    expect(res.extensions?.stats?.databaseRoundTrips).toBe(1);
  });
});

describe('subgraph', () => {
  it('shows the given entities and the relationships among them', async () => {
    const res = await server.gql<{ subgraph: GGraph }>(
      `{ subgraph(ids: ["${MAMAI}", "${IMANBAI}", "person:nobody"], includeBetween: false) { ${GRAPH} } }`,
    );
    expect(res.errors).toBeUndefined();
    const graph = res.data!.subgraph;
    expectWellFormed(graph);
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([IMANBAI, MAMAI]);
    expect(graph.edges.map((e) => e.type)).toEqual(['SPOUSE_OF']);
    expect(graph.edges[0]!.citations.map((c) => c.quote)).toContain('Mamai’s wife, Inga Imanbai');
  });

  it('with includeBetween, adds the entities that connect them', async () => {
    const res = await server.gql<{ subgraph: GGraph }>(`{ subgraph(ids: ["${IMANBAI}", "${TOKAYEV}"]) { ${GRAPH} } }`);
    expect(res.errors).toBeUndefined();
    const graph = res.data!.subgraph;
    expectWellFormed(graph);
    expect(graph.nodes.length).toBeGreaterThan(2);
    // Connected: a walk from Imanbai over the returned edges reaches Tokayev.
    const reached = new Set([IMANBAI]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of graph.edges) {
        for (const [a, b] of [[e.source, e.target], [e.target, e.source]] as const) {
          if (reached.has(a) && !reached.has(b)) {
            reached.add(b);
            grew = true;
          }
        }
      }
    }
    expect(reached.has(TOKAYEV)).toBe(true);
  });
});

describe('validation', () => {
  it('rejects unknown relationship types with BAD_USER_INPUT, on every network query', async () => {
    const res = await server.gql(
      `{ a: neighbourhood(id: "${AMANAT}", types: ["MEMBER_OF", "BEST_FRIEND_OF"]) { truncated } }`,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'types' });
    expect(res.errors?.[0]?.message).toContain('BEST_FRIEND_OF');
    for (const query of [
      `{ shortestPath(from: "${IMANBAI}", to: "${TOKAYEV}", types: ["NOPE"]) { length } }`,
      `{ paths(from: "${IMANBAI}", to: "${TOKAYEV}", types: ["NOPE"]) { length } }`,
      `{ subgraph(ids: ["${IMANBAI}"], types: ["NOPE"]) { truncated } }`,
    ]) {
      const r = await server.gql(query);
      expect(r.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
  });

  it('bounds depth, limit, maxDepth and first, and says NOT_FOUND for an unknown centre', async () => {
    const cases: [string, string][] = [
      [`{ neighbourhood(id: "${AMANAT}", depth: 4) { truncated } }`, 'depth'],
      [`{ neighbourhood(id: "${AMANAT}", depth: 0) { truncated } }`, 'depth'],
      [`{ neighbourhood(id: "${AMANAT}", limit: 0) { truncated } }`, 'limit'],
      [`{ neighbourhood(id: "${AMANAT}", limit: 100000) { truncated } }`, 'limit'],
      [`{ shortestPath(from: "${IMANBAI}", to: "${TOKAYEV}", maxDepth: 11) { length } }`, 'maxDepth'],
      [`{ paths(from: "${IMANBAI}", to: "${TOKAYEV}", first: 21) { length } }`, 'first'],
    ];
    for (const [query, argumentName] of cases) {
      const r = await server.gql(query);
      expect(r.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    }
    const missing = await server.gql('{ neighbourhood(id: "person:nobody") { truncated } }');
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lists the relationship types it accepts', async () => {
    const res = await server.gql<{ relationTypes: string[] }>('{ relationTypes }');
    expect(res.data!.relationTypes).toEqual([...relationTypes]);
  });
});

/**
 * Planned (the default), a network root reads what its selection asks of nodes and edges in its own query: names
 * on the day (chosen in Cypher), edges' citations, what `entity { … }` loads. Level by level (PREFETCH=false)
 * those go through the loaders and `nameOn` in JS: the reference the planned answers must equal.
 */
describe('network roots in one round trip, answering as level by level does', () => {
  let planned: TestServer;
  let levelled: TestServer;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ planned, levelled, close } = await startPlannedAndLevelled());
  });
  afterAll(async () => {
    await close();
  });

  const ENTITY = `entity { id name ... on Party { names { name from { text } } } ... on Person { related(first: 3) { totalCount edges { node { type other { id name } } } } } }`;
  const CITED = 'citationCount citations { quote locator source { id title } }';
  const shapes: [string, string][] = [
    [
      'neighbourhood with names on the day, entity fields and edge citations',
      `query Q($asOf: Date) { neighbourhood(id: "${AMANAT}", depth: 2, asOf: $asOf) { truncated nodes { id kind name degree ${ENTITY} } edges { id source target type role factId from { text } to { text } ${CITED} } } }`,
    ],
    ['shortestPath with names and citations', `query Q($asOf: Date) { shortestPath(from: "${IMANBAI}", to: "${TOKAYEV}", asOf: $asOf) { length nodes { id name } edges { type factId ${CITED} } } }`],
    ['shortestPath to the party itself', `query Q($asOf: Date) { shortestPath(from: "${NAZARBAYEV}", to: "${AMANAT}", asOf: $asOf, types: ["LEADS"]) { length nodes { id name ${ENTITY} } edges { source target citations { quote } } } }`],
    ['paths with names, entity fields and citations', `query Q($asOf: Date) { paths(from: "${IMANBAI}", to: "${TOKAYEV}", first: 4, asOf: $asOf) { length nodes { id name ${ENTITY} } edges { id type citations { quote source { id } } } } }`],
    ['a lone node from a party to itself', `query Q($asOf: Date) { paths(from: "${AMANAT}", to: "${AMANAT}", asOf: $asOf) { length nodes { id name ${ENTITY} } edges { id } } }`],
    ['subgraph with names and citations', `query Q($asOf: Date) { subgraph(ids: ["${MAMAI}", "${IMANBAI}", "${AMANAT}", "${NAZARBAYEV}"], asOf: $asOf) { nodes { id name ${ENTITY} } edges { source target type ${CITED} } } }`],
    ['subgraph selecting neither names nor citations', `query Q($asOf: Date) { subgraph(ids: ["${MAMAI}", "${IMANBAI}"], asOf: $asOf) { nodes { id kind } edges { source target type } } }`],
  ];
  // Nur Otan holds until the end of 2022 and Amanat from its start: in 2022 both cover the day, the later start wins.
  for (const asOf of [null, '2010-01-01', '2021-06-30', '2022-06-30', '2023-06-30']) {
    for (const [name, query] of shapes) {
      it(`${name}, asOf ${asOf ?? 'none'}: one round trip, the level-by-level answer`, async () => {
        const [a, b] = await Promise.all([planned.gql(query, { asOf }), levelled.gql(query, { asOf })]);
        expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
        expect(b.errors, JSON.stringify(b.errors)).toBeUndefined();
        expect(a.data).toEqual(b.data);
        expect(a.extensions?.stats?.databaseRoundTrips).toBe(1);
      });
    }
  }

  it('a party renamed across the day carries the name it had then, chosen by the query itself', async () => {
    const names: Record<string, string | undefined> = {};
    for (const asOf of ['2010-01-01', '2021-06-30', '2022-06-30', '2023-06-30']) {
      const res = await planned.gql<{ subgraph: GGraph }>(`query Q($asOf: Date) { subgraph(ids: ["${AMANAT}", "${NAZARBAYEV}"], asOf: $asOf) { nodes { id name } } }`, { asOf });
      expect(res.errors).toBeUndefined();
      expect(res.extensions?.stats?.databaseRoundTrips).toBe(1);
      names[asOf] = res.data!.subgraph.nodes.find((n) => n.id === AMANAT)?.name;
    }
    expect(names).toEqual({ '2010-01-01': 'Nur Otan', '2021-06-30': 'Nur Otan', '2022-06-30': 'Amanat', '2023-06-30': 'Amanat' });
    // On a path too: Nazarbayev led the party in 2021, when it was Nur Otan.
    const path = await planned.gql<{ shortestPath: GPath | null }>(`{ shortestPath(from: "${NAZARBAYEV}", to: "${AMANAT}", asOf: "2021-06-30", types: ["LEADS"]) { nodes { id name } } }`);
    expect(path.errors).toBeUndefined();
    expect(path.extensions?.stats?.databaseRoundTrips).toBe(1);
    expect(path.data!.shortestPath!.nodes.map((n) => n.name)).toEqual(['Nursultan Nazarbayev', 'Nur Otan']);
  });

  it('level by level, the same selections cost more round trips (the loaders), so the planned count is no accident', async () => {
    const query = `{ neighbourhood(id: "${AMANAT}", depth: 1, asOf: "2021-06-30") { nodes { name } edges { citations { quote } } } }`;
    const res = await levelled.gql(query);
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.stats?.databaseRoundTrips).toBeGreaterThan(1);
  });
});
