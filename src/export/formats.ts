// The export formats: how an export graph becomes a file. GEXF 1.3 (dynamic) is written in ./gexf.ts, GraphML
// in ./graphml.ts (graphology-graphml only parses); Cytoscape.js JSON and the CSV zip are built here.
// Another format is one more entry in `networkFormats`.
import { strToU8, zipSync } from 'fflate';
import { writeGexf13 } from './gexf.js';
import { writeGraphml } from './graphml.js';
import type { ExportGraph } from './network.js';

export interface NetworkFormat {
  /** One line for `--help` and the docs. */
  description: string;
  mediaType: string;
  /** File name extension, without the dot. */
  extension: string;
  serialise: (graph: ExportGraph) => string | Uint8Array;
}

/** Cytoscape.js `elements` JSON (also what Cytoscape desktop imports as .cyjs). */
function writeCytoscape(graph: ExportGraph): string {
  const nodes = graph.mapNodes((id, attributes) => ({ data: { id, ...attributes } }));
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

/** A zip of nodes.csv and edges.csv (UTF-8, header row, CRLF), for pandas, R, spreadsheets and Gephi's importer. */
function writeCsvZip(graph: ExportGraph): Uint8Array {
  const nodes = csv(
    ['id', 'label', 'kind', 'name', 'from', 'to', 'start', 'end', 'citationCount', 'sourceIds', 'citations'],
    graph.mapNodes((id, a) => [id, a.label, a.kind, a.name, a.from, a.to, a.start, a.end, a.citationCount, a.sourceIds, a.citations]),
  );
  const edges = csv(
    ['id', 'source', 'target', 'type', 'role', 'from', 'to', 'start', 'end', 'citationCount', 'factId', 'sourceIds', 'citations'],
    graph.mapEdges((id, a, source, target) => [id, source, target, a.type, a.role, a.from, a.to, a.start, a.end, a.citationCount, a.factId, a.sourceIds, a.citations]),
  );
  return zipSync({ 'nodes.csv': strToU8(nodes), 'edges.csv': strToU8(edges) });
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
