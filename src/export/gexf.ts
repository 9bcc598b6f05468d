// GEXF 1.3 writer in dynamic mode: every node and edge carries its attributes (kind, dates, citations as source
// ids and quotes) and, when dated, a spell from its first to its last possible day, so Gephi's timeline can
// play the network. graphology-gexf writes static graphs only, hence this writer.
import { edgeKeys, escapeXml, nodeKeys, type AttributeType, type ExtraKeys } from './graphml.js';
import type { ExportGraph } from './network.js';

/** XML-escaped for an attribute value; line breaks and tabs as character references so parsers keep them. */
function attr(value: string): string {
  return escapeXml(value).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

const gexfType: Record<AttributeType, string> = { string: 'string', int: 'integer', double: 'double' };

/**
 * Attributes written as <attvalue>s: everything but the label (the element's own), the spell bounds and what
 * GEXF's viz module says (position, size, colour: Gephi opens the file looking like the view).
 */
const spellOnly = new Set(['label', 'start', 'end', 'x', 'y', 'size', 'color']);

/** `<viz:…>` elements for a node or edge that carries a position, size or `#rrggbb` colour. */
function viz(attributes: Record<string, unknown>): string {
  const out: string[] = [];
  const colour = typeof attributes.color === 'string' ? /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(attributes.color) : null;
  if (colour) out.push(`<viz:color r="${parseInt(colour[1]!, 16)}" g="${parseInt(colour[2]!, 16)}" b="${parseInt(colour[3]!, 16)}"/>`);
  if (typeof attributes.x === 'number' && typeof attributes.y === 'number') out.push(`<viz:position x="${attributes.x}" y="${attributes.y}" z="0"/>`);
  if (typeof attributes.size === 'number') out.push(`<viz:size value="${attributes.size}"/>`);
  return out.join('');
}

function attributeDecls(cls: 'node' | 'edge', keys: [string, AttributeType][]): string[] {
  return [
    `    <attributes class="${cls}" mode="static">`,
    ...keys.filter(([name]) => !spellOnly.has(name)).map(([name, type]) => `      <attribute id="${name}" title="${name}" type="${gexfType[type]}"/>`),
    '    </attributes>',
  ];
}

function attvalues(keys: [string, AttributeType][], attributes: Record<string, unknown>): string {
  const values = keys
    .filter(([name]) => !spellOnly.has(name) && attributes[name] !== undefined && attributes[name] !== null && attributes[name] !== '')
    .map(([name]) => `<attvalue for="${name}" value="${attr(String(attributes[name]))}"/>`);
  return values.length ? `<attvalues>${values.join('')}</attvalues>` : '';
}

function spells(attributes: Record<string, unknown>): string {
  const start = typeof attributes.start === 'string' ? ` start="${attributes.start}"` : '';
  const end = typeof attributes.end === 'string' ? ` end="${attributes.end}"` : '';
  return start || end ? `<spells><spell${start}${end}/></spells>` : '';
}

export function writeGexf13(graph: ExportGraph, extra: ExtraKeys = {}): string {
  const nodeKeysAll = [...nodeKeys, ...(extra.node ?? [])];
  const edgeKeysAll = [...edgeKeys, ...(extra.edge ?? [])];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta><creator>${escapeXml(graph.getAttribute('creator'))}</creator><description>${escapeXml(graph.getAttribute('description'))}</description></meta>`,
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">',
    ...attributeDecls('node', nodeKeysAll),
    ...attributeDecls('edge', edgeKeysAll),
    '    <nodes>',
  ];
  graph.forEachNode((id, a) => {
    lines.push(`      <node id="${escapeXml(id)}" label="${attr(a.label)}">${attvalues(nodeKeysAll, a)}${spells(a)}${viz(a)}</node>`);
  });
  lines.push('    </nodes>', '    <edges>');
  graph.forEachEdge((id, a, source, target) => {
    lines.push(`      <edge id="${escapeXml(id)}" source="${escapeXml(source)}" target="${escapeXml(target)}" label="${attr(a.label)}">${attvalues(edgeKeysAll, a)}${spells(a)}${viz(a)}</edge>`);
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
