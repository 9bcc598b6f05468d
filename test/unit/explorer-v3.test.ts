// The explorer's pure parts added for issue 24, without a browser: ties between the same two entities bent
// apart, layouts spread to the canvas, kind words split off search queries, a hub's neighbours grouped, and the
// view's exports (positions, colours, sourced citations; exactly the nodes and ties given).
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../public/explorer/src/api.js';
import { viewText, type ViewExport } from '../../public/explorer/src/export-view.js';
import { groupNeighbours } from '../../public/explorer/src/grouping.js';
import { parallelCurvatures, spreadToFrame } from '../../public/explorer/src/layout.js';
import { splitKindWords } from '../../public/explorer/src/search.js';
import { formatState, parseState } from '../../public/explorer/src/state.js';
import { tieWhen } from '../../public/explorer/src/timeline.js';

const KINDS = ['PERSON', 'PARTY', 'ORGANIZATION', 'EVENT', 'ELECTION', 'COURT_CASE'];

function edge(id: string, source: string, target: string, type = 'MEMBER_OF', extra: Partial<GraphEdge> = {}): GraphEdge {
  return { id, source, target, type, role: null, factId: `fact:${id}`, citationCount: 0, from: null, to: null, citations: [], ...extra };
}

describe('parallel ties', () => {
  it('leaves a lone tie straight and bends two ties of one pair to opposite sides, whatever their directions', () => {
    const bends = parallelCurvatures([edge('a', 'x', 'y', 'FOUNDED'), edge('b', 'x', 'y', 'LEADS'), edge('c', 'x', 'z'), edge('d', 'y', 'x', 'SPOUSE_OF')]);
    expect(bends.has('c')).toBe(false);
    // Sides are compared in the x→y frame: a y→x tie's curvature is negated.
    const side = (id: string, reversed: boolean) => Math.sign(bends.get(id) ?? 0) * (reversed ? -1 : 1);
    const sides = [side('a', false), side('b', false), side('d', true)];
    expect(sides.filter((s) => s === 0)).toHaveLength(1);
    expect(new Set(sides).size).toBe(3);
  });
});

describe('layout fills the canvas', () => {
  it('spreads a small layout out to the frame (at most 2.5 times) and never shrinks a large one', () => {
    const small = [{ x: 0, y: 0 }, { x: 100, y: 50 }];
    expect(spreadToFrame(small, { width: 1000, height: 600 })).toBe(2.5);
    expect(small[1]!.x - small[0]!.x).toBe(250);
    const large = [{ x: 0, y: 0 }, { x: 3000, y: 50 }];
    expect(spreadToFrame(large, { width: 1000, height: 600 })).toBe(1);
    expect(large[1]).toEqual({ x: 3000, y: 50 });
  });
});

describe('search with kind words', () => {
  it('splits "Amanat party" into the name and the kind, and leaves a bare kind word or a plain name alone', () => {
    expect(splitKindWords('Amanat party', KINDS)).toEqual({ text: 'Amanat', kinds: ['PARTY'] });
    expect(splitKindWords('court case Mamai', KINDS)).toEqual({ text: 'Mamai', kinds: ['COURT_CASE'] });
    expect(splitKindWords('Party', KINDS)).toEqual({ text: 'Party', kinds: [] });
    expect(splitKindWords('Tokayev', KINDS)).toEqual({ text: 'Tokayev', kinds: [] });
  });
});

describe('one date wording', () => {
  it('says "on" for a tie to an event or election without an end, "since" for a relationship that lasts', () => {
    const day = { text: '2022-01', start: '2022-01-01', end: '2022-01-31' };
    expect(tieWhen({ from: day, to: null }, ['PERSON', 'EVENT'])).toBe('on 2022-01');
    expect(tieWhen({ from: day, to: null }, ['PERSON', 'PARTY'])).toBe('since 2022-01');
  });
});

describe('hub grouping', () => {
  const hub: GraphNode = { id: 'org:hub', kind: 'ORGANIZATION', name: 'Mazhilis', degree: 5 };
  const people: GraphNode[] = Array.from({ length: 5 }, (_, i) => ({ id: `person:${i}`, kind: 'PERSON', name: `P${i}`, degree: 1 }));
  const term = (y0: string, y1: string) => ({ from: { text: y0, start: `${y0}-01-01`, end: `${y0}-12-31` }, to: { text: y1, start: `${y1}-01-01`, end: `${y1}-12-31` } });
  const edges = people.map((p, i) => edge(`e${i}`, p.id, hub.id, 'MEMBER_OF', i < 3 ? term('2016', '2021') : term('2021', '2023')));
  const all = { nodes: new Map([hub, ...people].map((n) => [n.id, n])), edges };

  it('folds neighbours into one node per term, keeps kept nodes and counts the ties each group stands for', () => {
    const out = groupNeighbours({ nodes: [hub, ...people], edges }, hub.id, 'term', new Set(['person:0']), new Set(), all);
    const groups = out.nodes.filter((n) => n.members);
    expect(groups.map((g) => [g.name, g.members])).toEqual([
      ['2 people · 2016–2021', ['person:1', 'person:2']],
      ['2 people · 2021–2023', ['person:3', 'person:4']],
    ]);
    expect(out.nodes.some((n) => n.id === 'person:0')).toBe(true);
    expect(out.edges.filter((e) => e.grouped).map((e) => e.count)).toEqual([2, 2]);
  });

  it('draws an opened group one by one again', () => {
    const id = 'grp:org:hub:term:2016–2021';
    const out = groupNeighbours({ nodes: [hub, ...people], edges }, hub.id, 'term', new Set(), new Set([id]), all);
    expect(out.nodes.some((n) => n.id === id)).toBe(false);
    expect(out.nodes.some((n) => n.id === 'person:1')).toBe(true);
  });
});

describe('exports of the view', () => {
  const source = { id: 'src:1', publisher: 'RFE/RL', title: 'An article', author: null, url: 'https://example.org/a', date: { text: '2023-03', start: '2023-03-01', end: '2023-03-31' } };
  const view: ViewExport = {
    description: 'explorer view: around A; all dates',
    nodes: [
      { id: 'a', kind: 'PERSON', name: 'A', x: 10, y: 20, size: 12, color: '#1c7ed6', citations: [], from: null, to: null },
      { id: 'b', kind: 'PARTY', name: 'B & co', x: 110, y: 60, size: 16, color: '#e8590c', citations: [], from: null, to: null },
    ],
    edges: [{ edge: edge('t', 'a', 'b', 'LEADS', { citations: [{ quote: 'A leads B', source, start: 5, end: 14 }], citationCount: 1 }), color: '#b8c0cc', curvature: 0.25 }],
  };

  it('writes positions, colours and per citation the source title, publisher, URL and offsets', () => {
    const graphml = viewText(view, 'graphml');
    expect(graphml).toContain('<key id="n_x" for="node" attr.name="x" attr.type="double"/>');
    expect(graphml).toContain('<data key="n_x">110</data>');
    expect(graphml).toContain('<data key="n_color">#e8590c</data>');
    expect(graphml).toContain('&quot;title&quot;:&quot;An article&quot;');
    expect(graphml).toContain('&quot;url&quot;:&quot;https://example.org/a&quot;');
    expect(graphml).toContain('&quot;start&quot;:5,&quot;end&quot;:14');
    const gexf = viewText(view, 'gexf');
    expect(gexf).toContain('<viz:position x="10" y="20" z="0"/>');
    expect(gexf).toContain('<viz:color r="232" g="89" b="12"/>');
    const cy = JSON.parse(viewText(view, 'cytoscape')) as { elements: { nodes: { position: { x: number; y: number } }[] } };
    expect(cy.elements.nodes.map((n) => n.position)).toEqual([{ x: 10, y: 20 }, { x: 110, y: 60 }]);
    const csv = JSON.parse(viewText(view, 'csv')) as Record<string, string>;
    expect(csv['nodes.csv']!.split('\r\n')[0]).toBe('id,label,kind,name,from,to,start,end,citationCount,sourceIds,citations,x,y,size,color,members');
    expect(csv['edges.csv']!.split('\r\n').filter(Boolean)).toHaveLength(2);
  });
});

describe('view state', () => {
  it('keeps "show more" limits, hub grouping and opened groups in the URL', () => {
    const state = parseState('?roots=organization%3Amazhilis&more=organization%3Amazhilis%3A300&gb=organization%3Amazhilis%3Aterm&ug=grp%3Ax');
    expect(state.limits).toEqual({ 'organization:mazhilis': 300 });
    expect(state.groupBy).toEqual({ 'organization:mazhilis': 'term' });
    expect(state.ungrouped).toEqual(['grp:x']);
    expect(parseState(formatState(state))).toEqual(state);
  });
});
