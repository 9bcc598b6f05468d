// The export serialisers on a tiny network with awkward text (markup, quotes, commas, line breaks, a leading
// "="): each format must read back exactly, through graphology's own parsers where they exist.
import { strFromU8, unzipSync } from 'fflate';
import { MultiDirectedGraph } from 'graphology';
import type { AbstractGraph as Graph } from 'graphology-types';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { csvField, networkFormats } from '../../src/export/formats.js';
import { toGraphology, type ExportNetwork } from '../../src/export/network.js';
import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import { exampleQueries, examplesFromMarkdown } from '../../src/http/graphiql-route.js';
import { loadTypeDefs } from '../../src/schema.js';

const awkward = 'Ak Zhol & "Friends" <Ақ жол>, \'est.\' 2002';
const network: ExportNetwork = {
  options: { root: 'party:a', depth: 1, asOf: '2021-06-30', types: null },
  nodes: [
    { id: 'party:a', kind: 'PARTY', name: awkward, from: null, to: null, citations: [{ source: 'src-1', quote: 'Ak Zhol, "the party"', locator: null }] },
    { id: 'person:b', kind: 'PERSON', name: '=cmd|line\nbreak', from: null, to: null, citations: [] },
    {
      id: 'event:c',
      kind: 'EVENT',
      name: 'Rally',
      from: { text: '2022-01-05', precision: 'DAY', start: '2022-01-05', end: '2022-01-05' },
      to: { text: '2022-01-05', precision: 'DAY', start: '2022-01-05', end: '2022-01-05' },
      citations: [],
    },
  ],
  edges: [
    {
      id: 'm1|LEADS|person:b|party:a',
      type: 'LEADS',
      source: 'person:b',
      target: 'party:a',
      factId: 'm1',
      role: 'chair, "acting"',
      from: { text: '2019-03', precision: 'MONTH', start: '2019-03-01', end: '2019-03-31' },
      to: null,
      citationCount: 2,
      citations: [
        { source: 'src-1', quote: 'chair <since> March', locator: null },
        { source: 'src-2', quote: 'led by "B"', locator: null },
      ],
    },
    { id: 'm2|MEMBER_OF|person:b|party:a', type: 'MEMBER_OF', source: 'person:b', target: 'party:a', factId: 'm2', role: null, from: null, to: null, citationCount: 0, citations: [] },
  ],
  truncated: false,
};

function expectSameGraph(graph: Graph) {
  expect(graph.order).toBe(3);
  expect(graph.size).toBe(2);
  expect(graph.getNodeAttributes('party:a')).toMatchObject({ kind: 'PARTY', name: awkward, label: awkward });
  expect(graph.getNodeAttribute('person:b', 'name')).toBe('=cmd|line\nbreak');
  const leads = graph.getEdgeAttributes('m1|LEADS|person:b|party:a');
  expect(leads).toMatchObject({ type: 'LEADS', role: 'chair, "acting"', from: '2019-03', citationCount: 2, factId: 'm1' });
  expect(leads.to).toBeUndefined();
  expect(leads.sourceIds).toBe('src-1; src-2');
  expect(JSON.parse(leads.citations as string)).toEqual([
    { source: 'src-1', quote: 'chair <since> March', locator: null },
    { source: 'src-2', quote: 'led by "B"', locator: null },
  ]);
  expect(graph.getNodeAttributes('event:c')).toMatchObject({ from: '2022-01-05', to: '2022-01-05' });
  expect(graph.source('m1|LEADS|person:b|party:a')).toBe('person:b');
  expect(graph.getEdgeAttributes('m2|MEMBER_OF|person:b|party:a')).toMatchObject({ type: 'MEMBER_OF', citationCount: 0 });
}

describe('export formats', () => {
  const graph = toGraphology(network);

  it('GraphML reads back through graphology-graphml', () => {
    const text = networkFormats.graphml.serialise(graph);
    expectSameGraph(parseGraphml(MultiDirectedGraph, text));
    expect(text).toContain('as of 2021-06-30');
  });

  it('GEXF reads back through graphology-gexf', () => {
    expectSameGraph(parseGexf(MultiDirectedGraph, networkFormats.gexf.serialise(graph)));
  });

  it('GEXF is 1.3 in dynamic mode, with spells from the dates', () => {
    const text = networkFormats.gexf.serialise(graph);
    expect(text).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(text).toContain('version="1.3"');
    expect(text).toMatch(/<graph mode="dynamic" defaultedgetype="directed" timeformat="date"/);
    expect(text).toMatch(/<node id="event:c" label="Rally">.*<spells><spell start="2022-01-05" end="2022-01-05"\/><\/spells><\/node>/);
    expect(text).toMatch(/<edge id="m1\|LEADS\|person:b\|party:a"[^>]*>.*<spells><spell start="2019-03-01"\/><\/spells><\/edge>/);
    // An undated tie has no spell: it holds throughout.
    expect(text).toMatch(/<edge id="m2\|MEMBER_OF[^>]*>(?:(?!<spells>).)*<\/edge>/);
  });

  it('Cytoscape JSON holds elements Cytoscape.js loads', () => {
    const json = JSON.parse(networkFormats.cytoscape.serialise(graph)) as { elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] } };
    expect(json.elements.nodes.map((n) => n.data)).toContainEqual(expect.objectContaining({ id: 'party:a', label: awkward, kind: 'PARTY', name: awkward, sourceIds: 'src-1' }));
    expect(json.elements.edges.map((e) => e.data)).toContainEqual(
      expect.objectContaining({ id: 'm1|LEADS|person:b|party:a', source: 'person:b', target: 'party:a', type: 'LEADS', from: '2019-03', citationCount: 2 }),
    );
  });

  it('CSV is a zip of nodes.csv and edges.csv, quoted where needed', () => {
    const files = unzipSync(networkFormats.csv.serialise(graph));
    const nodes = strFromU8(files['nodes.csv']!);
    const edges = strFromU8(files['edges.csv']!);
    expect(nodes.split('\r\n')[0]).toBe('id,label,kind,name,from,to,start,end,citationCount,sourceIds,citations');
    expect(nodes).toContain(`party:a,"Ak Zhol & ""Friends"" <Ақ жол>, 'est.' 2002",PARTY,`);
    // A spreadsheet would run a cell starting with "="; it is written as text.
    expect(nodes).toContain(`"'=cmd|line\nbreak"`);
    expect(edges.split('\r\n')[0]).toBe('id,source,target,type,role,from,to,start,end,citationCount,factId,sourceIds,citations');
    expect(edges).toContain(`m1|LEADS|person:b|party:a,person:b,party:a,LEADS,"chair, ""acting""",2019-03,,2019-03-01,,2,m1,src-1; src-2,"[{""source"":""src-1"",""quote"":""chair <since> March""`);
  });

  it('quotes CSV fields per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(undefined)).toBe('');
    expect(csvField(-3)).toBe('-3');
    expect(csvField('-3')).toBe("'-3");
  });
});

describe('GraphiQL examples', () => {
  it('are the ```graphql blocks of a guide, titled by their heading', () => {
    const examples = examplesFromMarkdown(
      ['# Guide', '', '### 1. People', '', '```graphql', '{ people { totalCount } }', '```', '', '```json', '{}', '```', '### 2. Search', '```graphql', '# name: s', '{ search(query: "x") { score } }', '```'].join('\n'),
    );
    expect(examples).toEqual([
      { title: '1. People', query: '# 1. People\n{ people { totalCount } }' },
      { title: '2. Search', query: '# 2. Search\n# name: s\n{ search(query: "x") { score } }' },
    ]);
  });

  it('are named operations (GraphiQL titles tabs by name), and the network ones are valid against the schema', () => {
    const schema = buildSchema(loadTypeDefs());
    const examples = exampleQueries();
    expect(examples.length).toBeGreaterThan(2);
    for (const example of examples) {
      const operation = parse(example.query).definitions[0] as OperationDefinitionNode;
      expect(operation.name?.value, example.title).toMatch(/^[A-Z]\w*$/);
    }
    const network = examples.filter((e) => /neighbourhood|shortestPath/.test(e.query));
    expect(network).toHaveLength(2);
    for (const example of network) expect(validate(schema, parse(example.query))).toEqual([]);
  });
});
