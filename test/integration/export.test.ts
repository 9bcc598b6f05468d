// GET /export and `npm run export` on the seed: each format is parsed back (graphology's GraphML and GEXF
// parsers, JSON for Cytoscape, unzip for CSV) and compared with what the GraphQL API says of the same network.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { MultiDirectedGraph } from 'graphology';
import type { AbstractGraph as Graph } from 'graphology-types';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadAndValidate } from '../../src/dataset/index.js';
import { datasetToGraph, entityLabels, relationTypes } from '../../src/dataset/to-graph.js';
import { seedDirs } from '../../src/seed.js';
import { startTestServer, type TestServer } from '../helpers.js';

let server: TestServer;
beforeAll(async () => {
  // A neighbourhood on a cold JVM beside other files' imports can take longer than the default 10 s; timing is not under test here.
  server = await startTestServer({ OPERATION_TIMEOUT: '60s' });
});
afterAll(async () => {
  await server.close();
});

/** A network as every format is read back into: nodes and edges with their attributes. */
interface Parsed {
  nodes: Map<string, Record<string, unknown>>;
  edges: Map<string, Record<string, unknown> & { source: string; target: string }>;
}

function fromGraphology(graph: Graph): Parsed {
  return {
    nodes: new Map(graph.mapNodes((id, a) => [id, a])),
    edges: new Map(graph.mapEdges((id, a, source, target) => [id, { ...a, source, target }])),
  };
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const parsers: Record<string, (body: Buffer) => Parsed> = {
  graphml: (body) => fromGraphology(parseGraphml(MultiDirectedGraph, body.toString('utf8'))),
  gexf: (body) => fromGraphology(parseGexf(MultiDirectedGraph, body.toString('utf8'))),
  cytoscape: (body) => {
    const json = JSON.parse(body.toString('utf8')) as {
      elements: { nodes: { data: Record<string, unknown> & { id: string } }[]; edges: { data: Record<string, unknown> & { id: string; source: string; target: string } }[] };
    };
    return {
      nodes: new Map(json.elements.nodes.map((n) => [n.data.id, n.data])),
      edges: new Map(json.elements.edges.map((e) => [e.data.id, e.data])),
    };
  },
  csv: (body) => {
    const files = unzipSync(new Uint8Array(body));
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'nodes.csv']);
    const nodes = parseCsv(strFromU8(files['nodes.csv']!));
    const edges = parseCsv(strFromU8(files['edges.csv']!));
    // CSV has no types and no absent values: empty cells are absent, counts are numbers.
    const present = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== ''));
    return {
      nodes: new Map(nodes.map((n) => [n.id!, present(n)])),
      edges: new Map(
        edges.map((e) => [e.id!, { ...present(e), citationCount: Number(e.citationCount), source: e.source!, target: e.target! }]),
      ),
    };
  },
};

async function exportFile(query: string) {
  const res = await fetch(`${server.url}/export?${query}`);
  const body = Buffer.from(await res.arrayBuffer());
  return { res, body };
}

interface GraphqlGraph {
  truncated: boolean;
  nodes: { id: string; kind: string; name: string }[];
  edges: {
    id: string; source: string; target: string; type: string; role: string | null; factId: string; citationCount: number;
    from: { text: string } | null; to: { text: string } | null; citations: { quote: string | null; source: { id: string } }[];
  }[];
}

describe('GET /export of a neighbourhood', () => {
  let expected: GraphqlGraph;
  beforeAll(async () => {
    const res = await server.gql<{ neighbourhood: GraphqlGraph }>(
      `{ neighbourhood(id: "party:amanat", depth: 2, asOf: "2021-06-30", limit: 1000) {
          truncated nodes { id kind name } edges { id source target type role factId citationCount from { text } to { text } citations { quote source { id } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expected = res.data!.neighbourhood;
    expect(expected.truncated).toBe(false);
    expect(expected.nodes.length).toBeGreaterThan(5);
  });

  for (const format of ['graphml', 'gexf', 'cytoscape', 'csv']) {
    it(`${format}: parses back to the same entities and relationships, with their attributes`, async () => {
      const { res, body } = await exportFile(`format=${format}&root=party:amanat&depth=2&asOf=2021-06-30`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?kz-political-graph-party-amanat-2021-06-30\.\w+"?$/);
      expect(res.headers.get('x-graph-nodes')).toBe(String(expected.nodes.length));
      const parsed = parsers[format]!(body);
      expect([...parsed.nodes.keys()].sort()).toEqual(expected.nodes.map((n) => n.id).sort());
      expect([...parsed.edges.keys()].sort()).toEqual(expected.edges.map((e) => e.id).sort());
      for (const n of expected.nodes) expect(parsed.nodes.get(n.id), n.id).toMatchObject({ kind: n.kind, name: n.name });
      // As of 2021 the party was Nur Otan, in the file as in the API.
      expect(parsed.nodes.get('party:amanat')).toMatchObject({ name: 'Nur Otan' });
      for (const e of expected.edges) {
        const edge = parsed.edges.get(e.id)!;
        expect(edge, e.id).toMatchObject({ source: e.source, target: e.target, type: e.type, citationCount: e.citationCount, factId: e.factId });
        expect(edge.from).toBe(e.from?.text);
        expect(edge.to).toBe(e.to?.text);
        expect(edge.role).toBe(e.role ?? undefined);
        // Every quote travels with the file, with its source's id, as the API gives them.
        const cited = (JSON.parse(String(edge.citations)) as { source: string; quote: string | null }[]).map((c) => `${c.source} ${c.quote}`).sort();
        expect(cited, e.id).toEqual(e.citations.map((c) => `${c.source.id} ${c.quote}`).sort());
        expect((typeof edge.sourceIds === 'string' ? edge.sourceIds : '').split('; ').filter(Boolean).sort(), e.id).toEqual([...new Set(e.citations.map((c) => c.source.id))].sort());
      }
      expect([...parsed.edges.values()].some((e) => e.from !== undefined)).toBe(true);
    });
  }

  it('sends each format with its media type', async () => {
    const types: Record<string, RegExp> = {
      graphml: /^application\/graphml\+xml/,
      gexf: /^application\/gexf\+xml/,
      cytoscape: /^application\/json/,
      csv: /^application\/zip/,
    };
    for (const [format, type] of Object.entries(types)) {
      const { res } = await exportFile(`format=${format}&root=person:zhanbolat-mamai`);
      expect(res.headers.get('content-type'), format).toMatch(type);
    }
  });

  it('says what it covers: scope, root, depth, day and the file’s own description', async () => {
    const { res, body } = await exportFile('format=graphml&root=party:amanat&depth=2&asOf=2021-06-30');
    expect(res.headers.get('x-graph-scope')).toBe('neighbourhood');
    expect(res.headers.get('x-graph-root')).toBe('party:amanat');
    expect(res.headers.get('x-graph-depth')).toBe('2');
    expect(res.headers.get('x-graph-as-of')).toBe('2021-06-30');
    const description = decodeURIComponent(res.headers.get('x-graph-description') ?? '');
    expect(description).toBe('Kazakh political actors: 2-step neighbourhood of party:amanat as of 2021-06-30');
    expect(String(body)).toContain(`<data key="g_description">${description}</data>`);
    const whole = await exportFile('format=gexf');
    expect(whole.res.headers.get('x-graph-scope')).toBe('whole network');
    expect(whole.res.headers.get('x-graph-as-of')).toBe('all dates');
  });
});

describe('GET /export of the whole network', () => {
  it('holds every seed entity and every seed relationship, in every format, with the counts it announces', async () => {
    const { dataset } = await loadAndValidate(seedDirs);
    const rows = datasetToGraph(dataset!);
    const seedEntities = entityLabels.flatMap((label) => rows.entities[label].map((e) => e.id));
    const seedRelations = relationTypes.flatMap((type) => rows.relations[type].map((r) => ({ ...r, type })));
    const counts = await server.gql<{ neighbourhood: { nodes: { id: string }[] } }>('{ neighbourhood(id: "party:amanat", depth: 3, limit: 1000) { nodes { id } } }');
    for (const format of ['graphml', 'gexf', 'cytoscape', 'csv']) {
      const { res, body } = await exportFile(`format=${format}`);
      expect(res.status).toBe(200);
      const parsed = parsers[format]!(body);
      // Other test files may add entities while this runs; the seed must all be there, and the file must
      // hold exactly what its headers announce.
      expect(parsed.nodes.size).toBe(Number(res.headers.get('x-graph-nodes')));
      expect(parsed.edges.size).toBe(Number(res.headers.get('x-graph-edges')));
      expect(res.headers.get('x-graph-truncated')).toBe('false');
      for (const id of seedEntities) expect(parsed.nodes.has(id), id).toBe(true);
      for (const r of seedRelations) expect(parsed.edges.get(r.id), r.id).toMatchObject({ source: r.from, target: r.to, type: r.type });
      // Whatever three steps from Amanat reach, the whole network holds.
      for (const n of counts.data!.neighbourhood.nodes) expect(parsed.nodes.has(n.id)).toBe(true);
      for (const e of parsed.edges.values()) {
        expect(parsed.nodes.has(e.source)).toBe(true);
        expect(parsed.nodes.has(e.target)).toBe(true);
      }
    }
  });

  it('filters by relationship type and day', async () => {
    const { res, body } = await exportFile('format=cytoscape&types=SPOUSE_OF,LEADS&asOf=2021-06-30');
    expect(res.status).toBe(200);
    const parsed = parsers.cytoscape!(body);
    expect(parsed.edges.size).toBeGreaterThan(0);
    for (const e of parsed.edges.values()) expect(['SPOUSE_OF', 'LEADS']).toContain(e.type);
    expect(parsed.nodes.get('party:amanat')).toMatchObject({ name: 'Nur Otan' });
  });
});

describe('GET /export refuses bad requests', () => {
  it.each([
    ['format=xml', 400, 'BAD_USER_INPUT'],
    ['', 400, 'BAD_USER_INPUT'],
    ['format=graphml&types=BEST_FRIEND_OF', 400, 'BAD_USER_INPUT'],
    ['format=graphml&root=party:amanat&depth=9', 400, 'BAD_USER_INPUT'],
    ['format=graphml&root=party:amanat&depth=two', 400, 'BAD_USER_INPUT'],
    ['format=graphml&asOf=2021-13-01', 400, 'BAD_USER_INPUT'],
    ['format=graphml&root=person:nobody', 404, 'NOT_FOUND'],
  ])('%s → %i %s', async (query, status, code) => {
    const { res, body } = await exportFile(query);
    expect(res.status).toBe(status);
    expect(JSON.parse(body.toString('utf8'))).toMatchObject({ errors: [{ extensions: { code } }] });
  });
});

describe('npm run export', () => {
  const run = promisify(execFile);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kzgraph-export-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = () => ({ ...process.env, NEO4J_URI: inject('neo4jUri'), LOG_LEVEL: 'silent' });

  it('writes the same GraphML as the route, connecting like the app does', async () => {
    const out = join(dir, 'amanat.graphml');
    await run('node_modules/.bin/tsx', ['scripts/export.ts', '--format', 'graphml', '--out', out, '--root', 'party:amanat', '--depth', '2', '--as-of', '2021-06-30'], { env: env() });
    const fromCli = parsers.graphml!(readFileSync(out));
    const fromRoute = parsers.graphml!((await exportFile('format=graphml&root=party:amanat&depth=2&asOf=2021-06-30')).body);
    expect([...fromCli.nodes.keys()].sort()).toEqual([...fromRoute.nodes.keys()].sort());
    expect([...fromCli.edges.keys()].sort()).toEqual([...fromRoute.edges.keys()].sort());
    expect(fromCli.nodes.get('party:amanat')).toMatchObject({ name: 'Nur Otan', kind: 'PARTY' });
  });

  it('exits 2 with a message on a bad argument, before touching the database', async () => {
    const failed = await run('node_modules/.bin/tsx', ['scripts/export.ts', '--format', 'csv', '--out', join(dir, 'x.zip'), '--types', 'NOPE'], {
      env: { ...env(), NEO4J_URI: 'bolt://127.0.0.1:1' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('NOPE');
  });
});
