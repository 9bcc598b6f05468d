// The export formats: how an export graph becomes a file. GEXF 1.3 (dynamic) is written in ./gexf.ts, GraphML
// in ./graphml.ts (graphology-graphml only parses); Cytoscape.js JSON and the CSV zip are built here.
// Another format is one more entry in `networkFormats`.
import { strToU8, zipSync } from 'fflate';
import { writeGexf13 } from './gexf.js';
import { edgeKeys, nodeKeys, writeGraphml, type ExtraKeys } from './graphml.js';
import type { ExportGraph } from './network.js';

export interface NetworkFormat {
  /** One line for `--help` and the docs. */
  description: string;
  mediaType: string;
  /** File name extension, without the dot. */
  extension: string;
  /** `extra`: attributes beyond the standard ones to write too (the explorer's positions and colours). */
  serialise: (graph: ExportGraph, extra?: ExtraKeys) => string | Uint8Array;
}

/** Cytoscape.js `elements` JSON (also what Cytoscape desktop imports as .cyjs). */
function writeCytoscape(graph: ExportGraph): string {
  // A node with a position (the explorer's view) keeps it where Cytoscape.js looks for it.
  const nodes = graph.mapNodes((id, attributes) => ({
    data: { id, ...attributes },
    ...(typeof attributes.x === 'number' && typeof attributes.y === 'number' ? { position: { x: attributes.x, y: attributes.y } } : {}),
  }));
  const edges = graph.mapEdges((id, attributes, source, target) => ({ data: { id, source, target, ...attributes } }));
  return JSON.stringify({
    format_version: '1.0',
    generated_by: 'kz-political-graph',
    target_cytoscapejs_version: '~3',
    data: { name: graph.getAttribute('description') },
    elements: { nodes, edges },
  });
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =+-@ is kept as text for spreadsheets. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: (string | number | undefined)[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** nodes.csv and edges.csv (UTF-8, header row, CRLF): the standard columns, then any `extra` ones. */
export function csvTables(graph: ExportGraph, extra: ExtraKeys = {}): { 'nodes.csv': string; 'edges.csv': string } {
  const nodeColumns = ['id', ...nodeKeys.map(([name]) => name), ...(extra.node ?? []).map(([name]) => name)];
  const edgeColumns = ['id', 'source', 'target', ...edgeKeys.map(([name]) => name).filter((name) => name !== 'label'), ...(extra.edge ?? []).map(([name]) => name)];
  return {
    'nodes.csv': csv(nodeColumns, graph.mapNodes((id, a) => nodeColumns.map((c) => (c === 'id' ? id : a[c])))),
    'edges.csv': csv(edgeColumns, graph.mapEdges((id, a, source, target) => edgeColumns.map((c) => (c === 'id' ? id : c === 'source' ? source : c === 'target' ? target : a[c])))),
  };
}

/** A zip of nodes.csv and edges.csv, for pandas, R, spreadsheets and Gephi's importer. */
function writeCsvZip(graph: ExportGraph, extra: ExtraKeys = {}): Uint8Array {
  const tables = csvTables(graph, extra);
  return zipSync({ 'nodes.csv': strToU8(tables['nodes.csv']), 'edges.csv': strToU8(tables['edges.csv']) });
}

export const networkFormats = {
  graphml: {
    description: 'GraphML (networkx, Gephi, Cytoscape, yEd)',
    mediaType: 'application/graphml+xml; charset=utf-8',
    extension: 'graphml',
    serialise: writeGraphml,
  },
  gexf: {
    description: 'GEXF 1.3, dynamic (Gephi, with a timeline from the dates)',
    mediaType: 'application/gexf+xml; charset=utf-8',
    extension: 'gexf',
    serialise: writeGexf13,
  },
  cytoscape: {
    description: 'Cytoscape.js JSON elements (Cytoscape.js, Cytoscape desktop .cyjs)',
    mediaType: 'application/json; charset=utf-8',
    extension: 'cyjs',
    serialise: writeCytoscape,
  },
  csv: {
    description: 'zip of nodes.csv and edges.csv',
    mediaType: 'application/zip',
    extension: 'zip',
    serialise: writeCsvZip,
  },
} satisfies Record<string, NetworkFormat>;

export type NetworkFormatName = keyof typeof networkFormats;

export function isNetworkFormat(name: string): name is NetworkFormatName {
  return Object.hasOwn(networkFormats, name);
}
