// Fingerprints of graph rows: what a record writes (its node, nested facts, claims, links, citations, derived
// relationships) as one canonical string. Two versions of a record differ exactly when they would write a
// different graph, whatever their spelling in a file; mutations and imports use this to skip unchanged records.
import type { GraphRows } from './to-graph.js';

/** Canonical text per node id (sources, entities, facts, claims), with everything the node owns. */
export function nodeFingerprints(rows: GraphRows): Map<string, string> {
  const parts = new Map<string, string[]>();
  const add = (id: string, part: unknown[]) => {
    const list = parts.get(id) ?? [];
    list.push(JSON.stringify(part));
    parts.set(id, list);
  };
  for (const s of rows.sources) add(s.id, ['source', s.props]);
  for (const [label, list] of Object.entries(rows.entities)) for (const e of list) add(e.id, ['entity', label, e.props]);
  for (const [label, list] of Object.entries(rows.facts)) for (const f of list) add(f.id, ['fact', label, f.props]);
  for (const c of rows.claims) add(c.id, ['claim', c.props]);
  for (const l of rows.claimLinks) add(l.from, ['claimOf', l.to]);
  for (const [type, list] of Object.entries(rows.links)) for (const l of list) add(l.from, ['link', type, l.to, l.props]);
  for (const c of rows.citations) add(c.owner, ['cites', c.ownerLabel, c.source, c.quote, c.ord]);
  for (const [type, list] of Object.entries(rows.relations)) {
    for (const r of list) add(String(r.props.factId), ['relation', type, r.id, r.from, r.to, r.props]);
  }
  return new Map([...parts].map(([id, list]) => [id, list.sort().join('\n')]));
}

/** Whether a node id belongs to a record: the record's own node, or a fact or claim nested in it (`id#...`). */
export function belongsTo(nodeId: string, recordId: string): boolean {
  return nodeId === recordId || nodeId.startsWith(`${recordId}#`);
}

/** The fingerprint of one record: its own node's and those of everything nested in it. */
export function recordFingerprint(fingerprints: ReadonlyMap<string, string>, recordId: string): string {
  return [...fingerprints]
    .filter(([id]) => belongsTo(id, recordId))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, text]) => `${id}\n${text}`)
    .join('\n\n');
}

/** Fingerprints of many records at once, grouped in one pass (imports hold tens of thousands). */
export function recordFingerprints(rows: GraphRows, recordIds: readonly string[]): Map<string, string> {
  const byRecord = new Map<string, [string, string][]>(recordIds.map((id) => [id, []]));
  for (const [nodeId, text] of nodeFingerprints(rows)) {
    const hash = nodeId.indexOf('#');
    const owner = hash < 0 ? nodeId : nodeId.slice(0, hash);
    byRecord.get(owner)?.push([nodeId, text]);
  }
  return new Map(
    [...byRecord].map(([id, list]) => [
      id,
      list
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([nodeId, text]) => `${nodeId}\n${text}`)
        .join('\n\n'),
    ]),
  );
}
