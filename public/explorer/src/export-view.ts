// Exports of what the explorer shows: exactly the nodes and ties in view (hidden kinds left out, path views
// included), with their on-screen positions, sizes and colours, the view's time filter in the description, and
// per citation the source's title, publisher, URL and offsets. The formats are the server's own writers
// (src/export), given the view's extra attributes; SVG is drawn here from the view's geometry.
import { MultiDirectedGraph } from 'graphology';
import { csvTables, networkFormats, type NetworkFormatName } from '../../../src/export/formats.js';
import type { ExtraKeys } from '../../../src/export/graphml.js';
import type { ExportEdgeAttributes, ExportGraph, ExportNodeAttributes } from '../../../src/export/network.js';
import type { Citation, GraphEdge, PartialDate } from './api.js';

export const viewFormats = ['graphml', 'gexf', 'cytoscape', 'csv'] as const satisfies readonly NetworkFormatName[];
export type ViewFormat = (typeof viewFormats)[number];

/** What the view adds to every node and tie: where it is on screen and how it looks. */
export const viewKeys: ExtraKeys = {
  node: [
    ['x', 'double'],
    ['y', 'double'],
    ['size', 'double'],
    ['color', 'string'],
    ['members', 'string'],
  ],
  edge: [
    ['color', 'string'],
    ['curvature', 'double'],
  ],
};

export interface ViewExportNode {
  id: string;
  kind: string;
  name: string;
  /** Centre on the canvas, CSS pixels from its top left corner (y grows downwards, as on screen). */
  x: number;
  y: number;
  /** Diameter on screen, CSS pixels. */
  size: number;
  color: string;
  /** A group's member ids. */
  members?: string[];
  citations: Citation[];
  from: PartialDate | null;
  to: PartialDate | null;
}

export interface ViewExportEdge {
  edge: GraphEdge;
  color: string;
  curvature: number;
}

export interface ViewExport {
  nodes: ViewExportNode[];
  edges: ViewExportEdge[];
  /** One sentence on what the view is (its entities or path, the day, the relationship types). */
  description: string;
}

/** A citation as the view exports it: where the quote is and which source says it, by name and address. */
function citationRecord(c: Citation): Record<string, string | number | null> {
  return {
    source: c.source.id,
    title: c.source.title,
    publisher: c.source.publisher,
    url: c.source.url,
    date: c.source.date.text,
    quote: c.quote,
    locator: c.locator ?? null,
    start: typeof c.start === 'number' ? c.start : null,
    end: typeof c.end === 'number' ? c.end : null,
  };
}

function cited(citations: Citation[]): { citationCount: number; sourceIds: string; citations: string } {
  return { citationCount: citations.length, sourceIds: [...new Set(citations.map((c) => c.source.id))].join('; '), citations: JSON.stringify(citations.map(citationRecord)) };
}

function dates(from: PartialDate | null, to: PartialDate | null): { from?: string; to?: string; start?: string; end?: string } {
  return { ...(from ? { from: from.text, start: from.start } : {}), ...(to ? { to: to.text, end: to.end } : {}) };
}

const round = (v: number) => Math.round(v * 10) / 10;

/** The view as the export writers' graph. */
export function viewGraph(view: ViewExport): ExportGraph {
  const graph: ExportGraph = new MultiDirectedGraph();
  graph.replaceAttributes({ creator: 'kz-political-graph explorer', description: view.description });
  for (const n of view.nodes) {
    const attributes: ExportNodeAttributes = {
      label: n.name,
      kind: n.kind,
      name: n.name,
      ...dates(n.from, n.to),
      ...cited(n.citations),
      x: round(n.x),
      y: round(n.y),
      size: round(n.size),
      color: n.color,
    };
    if (n.members) attributes.members = n.members.join('; ');
    graph.addNode(n.id, attributes);
  }
  for (const { edge: e, color, curvature } of view.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    const attributes: ExportEdgeAttributes = { label: e.type, type: e.type, ...dates(e.from, e.to), ...cited(e.citations), factId: e.factId, color };
    if (e.role) attributes.role = e.role;
    if (curvature) attributes.curvature = curvature;
    graph.addDirectedEdgeWithKey(e.id, e.source, e.target, attributes);
  }
  return graph;
}

/** The file the page downloads for this format. */
export function viewFile(view: ViewExport, format: ViewFormat): { body: string | Uint8Array; mediaType: string; extension: string } {
  const spec = networkFormats[format];
  return { body: spec.serialise(viewGraph(view), viewKeys), mediaType: spec.mediaType, extension: spec.extension };
}

/** The file as text: the zip of a CSV export is given as its two tables, `{ "nodes.csv": …, "edges.csv": … }`. */
export function viewText(view: ViewExport, format: ViewFormat): string {
  if (format === 'csv') return JSON.stringify(csvTables(viewGraph(view), viewKeys));
  const { body } = viewFile(view, format);
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface SvgLabel {
  text: string;
  x: number;
  y: number;
}

/** The view as an SVG picture: ties (curved where parallel), discs with their kind's colour, the labels drawn. */
export function viewSvg(view: ViewExport, width: number, height: number, labels: SvgLabel[]): string {
  const at = new Map(view.nodes.map((n) => [n.id, n]));
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${xml(view.description)}</title>`,
    '<rect width="100%" height="100%" fill="#ffffff"/>',
    '<g fill="none">',
  ];
  for (const { edge, color, curvature } of view.edges) {
    const p = at.get(edge.source);
    const q = at.get(edge.target);
    if (!p || !q) continue;
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const cx = (p.x + q.x) / 2 + curvature * dy;
    const cy = (p.y + q.y) / 2 - curvature * dx;
    const d = curvature ? `M${round(p.x)} ${round(p.y)} Q${round(cx)} ${round(cy)} ${round(q.x)} ${round(q.y)}` : `M${round(p.x)} ${round(p.y)} L${round(q.x)} ${round(q.y)}`;
    out.push(`<path d="${d}" stroke="${color}" stroke-width="1.5"><title>${xml(edge.type.toLowerCase().replaceAll('_', ' '))}</title></path>`);
  }
  out.push('</g>', '<g stroke="#ffffff" stroke-width="1">');
  for (const n of view.nodes) out.push(`<circle cx="${round(n.x)}" cy="${round(n.y)}" r="${round(n.size / 2)}" fill="${n.color}"><title>${xml(n.name)}</title></circle>`);
  out.push('</g>', '<g fill="#1d2433">');
  for (const l of labels) out.push(`<text x="${round(l.x)}" y="${round(l.y)}">${xml(l.text)}</text>`);
  out.push('</g>', '</svg>', '');
  return out.join('\n');
}
