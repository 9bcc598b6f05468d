// GraphML writer for export graphs. graphology-graphml (0.5) only parses, so the writing is done here; its
// parser reads the result back in the tests, as networkx, Gephi and Cytoscape do.
import type { ExportGraph } from './network.js';

export type AttributeType = 'string' | 'int' | 'double';

/** Attributes beyond the standard ones, declared after them: the explorer's view adds positions and colours. */
export interface ExtraKeys {
  node?: [name: string, type: AttributeType][];
  edge?: [name: string, type: AttributeType][];
}

/** The declared attributes: `<key>` ids are prefixed by domain since GraphML ids must be unique per document. */
export const nodeKeys: [name: string, type: AttributeType][] = [
  ['label', 'string'],
  ['kind', 'string'],
  ['name', 'string'],
  ['from', 'string'],
  ['to', 'string'],
  ['start', 'string'],
  ['end', 'string'],
  ['citationCount', 'int'],
  ['sourceIds', 'string'],
  ['citations', 'string'],
];
export const edgeKeys: [name: string, type: AttributeType][] = [
  ['label', 'string'],
  ['type', 'string'],
  ['role', 'string'],
  ['from', 'string'],
  ['to', 'string'],
  ['start', 'string'],
  ['end', 'string'],
  ['citationCount', 'int'],
  ['factId', 'string'],
  ['sourceIds', 'string'],
  ['citations', 'string'],
];

// Characters XML 1.0 cannot carry at all (C0 controls other than tab, newline, carriage return).
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(value: string): string {
  return value
    .replace(forbidden, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function data(prefix: string, keys: [string, AttributeType][], attributes: Record<string, unknown>): string {
  return keys
    .filter(([name]) => attributes[name] !== undefined && attributes[name] !== null)
    .map(([name]) => `<data key="${prefix}${name}">${escapeXml(String(attributes[name]))}</data>`)
    .join('');
}

export function writeGraphml(graph: ExportGraph, extra: ExtraKeys = {}): string {
  const nodeKeysAll = [...nodeKeys, ...(extra.node ?? [])];
  const edgeKeysAll = [...edgeKeys, ...(extra.edge ?? [])];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="g_description" for="graph" attr.name="description" attr.type="string"/>',
    ...nodeKeysAll.map(([name, type]) => `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    ...edgeKeysAll.map(([name, type]) => `  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`),
    '  <graph id="kz-political-graph" edgedefault="directed">',
    `    <data key="g_description">${escapeXml(graph.getAttribute('description'))}</data>`,
  ];
  graph.forEachNode((id, attributes) => {
    lines.push(`    <node id="${escapeXml(id)}">${data('n_', nodeKeysAll, attributes)}</node>`);
  });
  graph.forEachEdge((id, attributes, source, target) => {
    lines.push(`    <edge id="${escapeXml(id)}" source="${escapeXml(source)}" target="${escapeXml(target)}">${data('e_', edgeKeysAll, attributes)}</edge>`);
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
