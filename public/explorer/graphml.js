// GraphML of what the explorer shows (visible nodes and edges), with the same attributes as GET /export:
// node kind and name; edge type, role, from, to, citationCount, factId.

const nodeKeys = ['label', 'kind', 'name'];
const edgeKeys = [
  ['label', 'string'],
  ['type', 'string'],
  ['role', 'string'],
  ['from', 'string'],
  ['to', 'string'],
  ['citationCount', 'int'],
  ['factId', 'string'],
];

function escapeXml(value) {
  return String(value)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function data(prefix, keys, values) {
  return keys
    .filter((k) => values[k] !== undefined && values[k] !== null && values[k] !== '')
    .map((k) => `<data key="${prefix}${k}">${escapeXml(values[k])}</data>`)
    .join('');
}

/** `nodes`: [{id, kind, name}]; `edges`: [{id, source, target, type, role, from, to, citationCount, factId}]. */
export function toGraphml(nodes, edges, description) {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="g_description" for="graph" attr.name="description" attr.type="string"/>',
    ...nodeKeys.map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    ...edgeKeys.map(([k, type]) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${type}"/>`),
    '  <graph id="kz-political-graph" edgedefault="directed">',
    `    <data key="g_description">${escapeXml(description)}</data>`,
    ...nodes.map((n) => `    <node id="${escapeXml(n.id)}">${data('n_', nodeKeys, { label: n.name, kind: n.kind, name: n.name })}</node>`),
    ...edges.map(
      (e) =>
        `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">${data(
          'e_',
          edgeKeys.map(([k]) => k),
          { ...e, label: e.type },
        )}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ];
  return lines.join('\n');
}
