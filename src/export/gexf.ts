// GEXF 1.3 writer in dynamic mode: every node and edge carries its attributes (kind, dates, citations as source
// ids and quotes) and, when dated, a spell from its first to its last possible day, so Gephi's timeline can
// play the network. graphology-gexf writes static graphs only, hence this writer.
import { edgeKeys, escapeXml, nodeKeys, type AttributeType } from './graphml.js';
import type { ExportGraph } from './network.js';

/** XML-escaped for an attribute value; line breaks and tabs as character references so parsers keep them. */
function attr(value: string): string {
  return escapeXml(value).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

const gexfType: Record<AttributeType, string> = { string: 'string', int: 'integer' };

/** Attributes written as <attvalue>s: everything but the label (the element's own) and the spell bounds. */
const spellOnly = new Set(['label', 'start', 'end']);

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

export function writeGexf13(graph: ExportGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta><creator>${escapeXml(graph.getAttribute('creator'))}</creator><description>${escapeXml(graph.getAttribute('description'))}</description></meta>`,
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">',
    ...attributeDecls('node', nodeKeys),
    ...attributeDecls('edge', edgeKeys),
    '    <nodes>',
  ];
  graph.forEachNode((id, a) => {
    lines.push(`      <node id="${escapeXml(id)}" label="${attr(a.label)}">${attvalues(nodeKeys, a)}${spells(a)}</node>`);
  });
  lines.push('    </nodes>', '    <edges>');
  graph.forEachEdge((id, a, source, target) => {
    lines.push(`      <edge id="${escapeXml(id)}" source="${escapeXml(source)}" target="${escapeXml(target)}" label="${attr(a.label)}">${attvalues(edgeKeys, a)}${spells(a)}</edge>`);
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
