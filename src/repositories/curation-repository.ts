// Cypher of the write side: locking the nodes a mutation edits, reading records back in their stored form,
// replacing records (their derived relationships and claims rebuilt), retractions, redirects of merged ids and
// the audit trail of :Change nodes. Every statement runs inside a transaction its caller owns.
import type { ManagedTransaction } from 'neo4j-driver';
import type { DatasetKey } from '../dataset/schema.js';
import type { StoredCitation, StoredClaim, StoredLink, StoredNode, StoredRecord } from '../dataset/from-graph.js';
import { linkTypes, type GraphRows, type LinkType, type Scalar } from '../dataset/to-graph.js';
import { int, type Database } from '../neo4j/database.js';
import { RETRACT_RELATIONS, writeRowsInTransaction, type WriteStep } from './dataset-repository.js';
import { entityMap, historyList, VariableNames } from './fragments.js';
import { toConnection, type Connection, type PageRequest } from './pagination.js';
import { parseEntity, type EntityRecord } from './records.js';

export type NodeLabel = 'Entity' | 'Fact' | 'Source';
const nodeLabels = new Set<NodeLabel>(['Entity', 'Fact', 'Source']);

type Row = Record<string, unknown>;

async function rows(tx: ManagedTransaction, cypher: string, params: Row): Promise<Row[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((r) => r.toObject());
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

// ---- locks ----------------------------------------------------------------------------------------------------

export interface Lock {
  id: string;
  label: NodeLabel;
  /** MERGE the node when it does not exist yet, so a concurrent creation of the same id waits for this one. */
  create: boolean;
}

/**
 * Takes the write lock on each node (SET of a throw-away property, removed by `releaseLocks` in the same
 * transaction) before anything is read, so concurrent edits of one record run one after the other and each
 * reads what the other committed. Returns the ids that exist (as a real record, not a fresh placeholder).
 */
export async function lockNodes(tx: ManagedTransaction, locks: readonly Lock[]): Promise<Set<string>> {
  const existing = new Set<string>();
  // One order everywhere, so two transactions locking the same nodes cannot deadlock each other.
  for (const lock of [...locks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (!nodeLabels.has(lock.label)) throw new Error(`not a lockable label: ${lock.label}`);
    const found = await rows(
      tx,
      `${lock.create ? 'MERGE' : 'MATCH'} (n:${lock.label} {id: $id}) SET n._lock = true
       RETURN size(labels(n)) > 1 OR n.publisher IS NOT NULL AS real`,
      { id: lock.id },
    );
    if (found[0]?.real === true) existing.add(lock.id);
  }
  return existing;
}

export async function releaseLocks(tx: ManagedTransaction, locks: readonly Lock[]): Promise<void> {
  for (const label of nodeLabels) {
    const ids = locks.filter((l) => l.label === label).map((l) => l.id);
    if (ids.length > 0) await tx.run(`UNWIND $ids AS id MATCH (n:${label} {id: id}) REMOVE n._lock`, { ids });
  }
}

// ---- reading records in their stored form ----------------------------------------------------------------------

function stored(v: string): string {
  return `${v} {.*, labels: labels(${v}),
    citations: [(${v})-[c:CITES]->(s:Source) | {source: s.id, quote: c.quote, locator: c.locator, ord: c.ord}],
    links: [(${v})-[l:${linkTypes.join('|')}]->(t) | {type: type(l), to: t.id}],
    claims: [(k:Claim)-[:CLAIM_OF]->(${v}) | {field: k.field, value: k.value, qualifier: k.qualifier, ord: k.ord,
      citations: [(k)-[kc:CITES]->(ks:Source) | {source: ks.id, quote: kc.quote, locator: kc.locator, ord: kc.ord}]}]}`;
}

const bookkeeping = new Set(['labels', 'citations', 'links', 'claims', '_lock']);

function parseCitations(v: unknown): StoredCitation[] {
  return (Array.isArray(v) ? (v as Row[]) : []).map((c) => ({
    source: String(c.source),
    quote: typeof c.quote === 'string' ? c.quote : null,
    locator: typeof c.locator === 'string' ? c.locator : null,
    ord: Number(c.ord ?? 0),
  }));
}

function parseScalar(v: unknown): Scalar | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  return undefined;
}

function parseStoredNode(row: Row): StoredNode {
  const props: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(row)) {
    if (bookkeeping.has(key)) continue;
    const scalar = parseScalar(value);
    if (scalar !== undefined) props[key] = scalar;
  }
  const links: StoredLink[] = (Array.isArray(row.links) ? (row.links as Row[]) : []).flatMap((l) =>
    (linkTypes as readonly string[]).includes(String(l.type)) && typeof l.to === 'string' ? [{ type: l.type as LinkType, to: l.to }] : [],
  );
  const claims: StoredClaim[] = (Array.isArray(row.claims) ? (row.claims as Row[]) : []).map((k) => ({
    field: String(k.field),
    value: String(k.value),
    qualifier: str(k.qualifier),
    ord: Number(k.ord ?? 0),
    citations: parseCitations(k.citations),
  }));
  return {
    id: String(row.id),
    labels: (row.labels as unknown[]).map(String),
    props,
    citations: parseCitations(row.citations),
    links,
    claims,
  };
}

/** Entities, top-level facts and sources by id, each with its nested facts; missing ids are left out. */
export async function readStoredRecords(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, StoredRecord>> {
  const out = new Map<string, StoredRecord>();
  if (ids.length === 0) return out;
  const found = await rows(
    tx,
    `UNWIND $ids AS id
     CALL (id) {
       MATCH (n:Entity {id: id}) RETURN n
       UNION MATCH (n:Fact {id: id}) RETURN n
       UNION MATCH (n:Source {id: id}) RETURN n
     }
     RETURN ${stored('n')} AS node,
            COLLECT { MATCH (f:Fact) WHERE f.id STARTS WITH id + '#' RETURN ${stored('f')} } AS nested`,
    { ids },
  );
  for (const row of found) {
    const node = parseStoredNode(row.node as Row);
    out.set(node.id, { node, nested: (row.nested as Row[]).map(parseStoredNode) });
  }
  return out;
}

// ---- what ids are ----------------------------------------------------------------------------------------------

export interface IdLookup {
  /** Entity id → its kind (`PERSON`...). */
  entities: Map<string, string>;
  sources: Set<string>;
  facts: Set<string>;
  /** Id of a merged-away entity (or of a fact nested in it) → the id it now resolves to. */
  redirects: Map<string, string>;
}

export async function lookupIds(tx: ManagedTransaction, ids: readonly string[]): Promise<IdLookup> {
  const lookup: IdLookup = { entities: new Map(), sources: new Set(), facts: new Set(), redirects: new Map() };
  if (ids.length === 0) return lookup;
  const found = await rows(
    tx,
    `UNWIND $ids AS id
     CALL (id) {
       MATCH (n:Entity {id: id}) WHERE n.kind IS NOT NULL RETURN 'entity' AS what, n.kind AS value
       UNION ALL MATCH (n:Fact {id: id}) WHERE size(labels(n)) > 1 RETURN 'fact' AS what, null AS value
       UNION ALL MATCH (n:Source {id: id}) WHERE n.publisher IS NOT NULL RETURN 'source' AS what, null AS value
       UNION ALL MATCH (n:Redirect {id: id}) RETURN 'redirect' AS what, n.to AS value
     }
     RETURN id, what, value`,
    { ids: [...new Set(ids)] },
  );
  for (const row of found) {
    const id = String(row.id);
    if (row.what === 'entity') lookup.entities.set(id, String(row.value));
    else if (row.what === 'source') lookup.sources.add(id);
    else if (row.what === 'fact') lookup.facts.add(id);
    else if (row.what === 'redirect') lookup.redirects.set(id, String(row.value));
  }
  return lookup;
}

/** The collection of an entity kind, for validating references against what the graph holds. */
export const collectionOfKind: Record<string, DatasetKey> = {
  PERSON: 'people',
  PARTY: 'parties',
  ORGANIZATION: 'organizations',
  PLACE: 'places',
  DISTRICT: 'districts',
  ELECTION: 'elections',
  COURT_CASE: 'courtCases',
  EVENT: 'events',
};

/** Dates of elections by id, for the spans of the relations of candidacies and results written without them. */
export async function electionDates(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await rows(tx, 'MATCH (e:Election) WHERE e.id IN $ids AND e.date IS NOT NULL RETURN e.id AS id, e.date AS date', { ids: [...new Set(ids)] });
  return new Map(found.map((r) => [String(r.id), String(r.date)]));
}

/** Candidacies and party results of these elections: their relations carry the election's date. */
export async function factsOfElections(tx: ManagedTransaction, electionIds: readonly string[]): Promise<string[]> {
  if (electionIds.length === 0) return [];
  const found = await rows(
    tx,
    `MATCH (f:Candidacy|PartyResult)-[:OBJECT]->(e:Election) WHERE e.id IN $ids RETURN DISTINCT f.id AS id ORDER BY id`,
    { ids: [...electionIds] },
  );
  return found.map((r) => String(r.id));
}

// ---- replacing records -----------------------------------------------------------------------------------------

/**
 * What replacing records first removes (rows: ids of records and of their nested facts): the derived
 * relationships they gave rise to, which start at the record's own entity (structural ones) or at its fact's
 * SUBJECT, and their claims.
 */
export function dropDerivedSteps(ids: readonly string[]): WriteStep[] {
  return [
    {
      name: 'drop derived relationships',
      cypher: `UNWIND $rows AS id
       CALL (id) {
         MATCH (:Entity {id: id})-[r]->(:Entity) WHERE r.factId = id RETURN r
         UNION MATCH (:Fact {id: id})-[:SUBJECT]->(:Entity)-[r]->(:Entity) WHERE r.factId = id RETURN r
       }
       DELETE r`,
      rows: ids,
    },
    { name: 'drop claims', cypher: `UNWIND $rows AS id MATCH (c:Claim) WHERE c.id STARTS WITH id + '#' DETACH DELETE c`, rows: ids },
  ];
}

/**
 * Replaces whole records: first drops what the old version derived (entity→entity relationships of the records
 * and of their nested facts, and claims), then writes the new rows, then re-retracts the relationships of facts
 * that are retracted. `ids` are the records' ids and their nested facts' ids, old and new.
 */
export async function replaceRecords(tx: ManagedTransaction, rowsToWrite: GraphRows, ids: readonly string[], onRows?: (n: number) => void): Promise<void> {
  if (ids.length > 0) for (const step of dropDerivedSteps(ids)) await tx.run(step.cypher, { rows: step.rows });
  await writeRowsInTransaction(tx, rowsToWrite, onRows);
  if (ids.length > 0) await retractRelations(tx, ids);
}

/** Turns the derived relationships of the retracted facts among `factIds` into RETRACTED_RELATION ones. */
export async function retractRelations(tx: ManagedTransaction, factIds: readonly string[]): Promise<void> {
  await tx.run(RETRACT_RELATIONS, { rows: [...factIds] });
}

export interface Retraction {
  reason: string;
  actor: string;
  at: string;
}

export async function markRetracted(tx: ManagedTransaction, factId: string, retraction: Retraction | null): Promise<void> {
  await tx.run(
    `MATCH (f:Fact {id: $id})
     SET f.retracted = $retracted, f.retractedReason = $reason, f.retractedBy = $actor, f.retractedAt = $at`,
    {
      id: factId,
      retracted: retraction === null ? null : true,
      reason: retraction?.reason ?? null,
      actor: retraction?.actor ?? null,
      at: retraction?.at ?? null,
    },
  );
  if (retraction) await retractRelations(tx, [factId]);
}

/** Verifies that ids a write linked to still exist (a merge may have removed one meanwhile). */
export async function missingEntities(tx: ManagedTransaction, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await rows(tx, 'UNWIND $ids AS id OPTIONAL MATCH (n:Entity {id: id}) WITH id, n WHERE n IS NULL RETURN id', { ids: [...new Set(ids)] });
  return found.map((r) => String(r.id));
}

// ---- merges ------------------------------------------------------------------------------------------------------

/** Ids of the records (other than the entity's own) that refer to the entity: facts linking to it, structure. */
export async function recordsReferring(tx: ManagedTransaction, entityId: string): Promise<string[]> {
  const found = await rows(
    tx,
    `MATCH (d:Entity {id: $id})
     CALL (d) {
       MATCH (f:Fact)-[:${linkTypes.filter((t) => t !== 'STATUS_OF').join('|')}]->(d) RETURN f.id AS ref
       UNION MATCH (e:Entity)-[r]->(d) WHERE r.factId = e.id RETURN e.id AS ref
     }
     RETURN DISTINCT ref`,
    { id: entityId },
  );
  return found.map((r) => String(r.ref));
}

/** Copies the retraction of facts that a merge re-numbers (`party:drop#name#1` → `party:keep#name#3`). */
export async function copyRetractions(tx: ManagedTransaction, pairs: readonly { from: string; to: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  await tx.run(
    `UNWIND $pairs AS p
     MATCH (old:Fact {id: p.from}) WHERE old.retracted = true
     MATCH (new:Fact {id: p.to})
     SET new.retracted = true, new.retractedReason = old.retractedReason, new.retractedBy = old.retractedBy, new.retractedAt = old.retractedAt`,
    { pairs: [...pairs] },
  );
  await retractRelations(
    tx,
    pairs.map((p) => p.to),
  );
}

/** Re-points the audit trail of merged-away nodes at the kept entity, so its history includes theirs. */
export async function moveHistory(tx: ManagedTransaction, fromIds: readonly string[], toId: string): Promise<void> {
  await tx.run(
    `MATCH (k:Entity {id: $to})
     UNWIND $from AS id
     CALL (id) { MATCH (t:Entity {id: id}) RETURN t UNION MATCH (t:Fact {id: id}) RETURN t }
     MATCH (c:Change)-[h:CHANGED]->(t)
     MERGE (c)-[:CHANGED]->(k)
     DELETE h`,
    { from: [...fromIds], to: toId },
  );
  // The two histories interleave by time; the kept entity (locked by the merge) is numbered afresh in that order.
  await tx.run(
    `MATCH (k:Entity {id: $to})<-[h:CHANGED]-(c:Change)
     WITH h, c ORDER BY c.at, coalesce(h.seq, 0), c.id
     WITH collect(h) AS hs, collect(c) AS cs
     UNWIND range(0, size(hs) - 1) AS i
     WITH hs[i] AS h, cs[i] AS c, i + 1 AS seq
     SET h.seq = seq, c.seq = CASE WHEN c.targetId = $to THEN seq ELSE c.seq END`,
    { to: toId },
  );
}

/** Removes a merged-away entity: its node, its nested facts and its claims (their content lives on in the kept one). */
export async function deleteMergedEntity(tx: ManagedTransaction, entityId: string): Promise<void> {
  await tx.run(`MATCH (c:Claim) WHERE c.id STARTS WITH $id + '#' DETACH DELETE c`, { id: entityId });
  await tx.run(`MATCH (f:Fact) WHERE f.id STARTS WITH $id + '#' DETACH DELETE f`, { id: entityId });
  await tx.run(`MATCH (n:Entity {id: $id}) DETACH DELETE n`, { id: entityId });
}

export interface RedirectRow {
  id: string;
  to: string;
  at: string;
  actor: string;
}

/** Records that `id` now resolves to `to`, and re-points older redirects that resolved to `id`. */
export async function writeRedirects(tx: ManagedTransaction, redirects: readonly RedirectRow[]): Promise<void> {
  if (redirects.length === 0) return;
  await tx.run(
    `UNWIND $rows AS r
     MERGE (x:Redirect {id: r.id}) SET x.to = r.to, x.at = r.at, x.actor = r.actor
     WITH r
     MATCH (older:Redirect {to: r.id}) SET older.to = r.to`,
    { rows: [...redirects] },
  );
}

// ---- the audit trail ---------------------------------------------------------------------------------------------

export interface ChangeRow {
  id: string;
  at: string;
  actor: string;
  operation: string;
  targetId: string;
  /** The record before (JSON text), null when the change created it. */
  before: string | null;
  after: string | null;
  reason: string | null;
  /** Nodes the change is listed under in their `history`: the target and facts of it the change touched. */
  subjects: string[];
}

/**
 * Creates the changes and lists each under its subjects with the next number of that subject's history
 * (`CHANGED.seq`): the subject's write lock is taken first (a SET, undone at once, keeps it to the commit), so
 * writers of one record queue here and each reads the sequence the one before it committed. The per-subject
 * CALL runs row by row, so two changes of one subject in one statement still get consecutive numbers.
 */
const RECORD_CHANGES = `UNWIND $rows AS c
       CREATE (ch:Change {id: c.id, at: c.at, actor: c.actor, operation: c.operation, targetId: c.targetId,
                          before: c.before, after: c.after, reason: c.reason, seq: 0})
       WITH ch, c
       UNWIND c.subjects AS subject
       CALL (ch, subject) {
         CALL (subject) {
           MATCH (t:Entity {id: subject}) RETURN t
           UNION MATCH (t:Fact {id: subject}) RETURN t
           UNION MATCH (t:Source {id: subject}) RETURN t
         }
         SET t._seqLock = true
         REMOVE t._seqLock
         WITH ch, t
         CALL (t) { OPTIONAL MATCH (t)<-[h:CHANGED]-(:Change) RETURN coalesce(max(h.seq), 0) + 1 AS seq }
         MERGE (ch)-[r:CHANGED]->(t) ON CREATE SET r.seq = seq
         SET ch.seq = CASE WHEN t.id = ch.targetId THEN r.seq ELSE ch.seq END
       }`;

export async function recordChanges(tx: ManagedTransaction, changes: readonly ChangeRow[]): Promise<void> {
  for (let i = 0; i < changes.length; i += 1_000) await tx.run(RECORD_CHANGES, { rows: changes.slice(i, i + 1_000) });
}

export interface ChangeRecord {
  id: string;
  at: string;
  actor: string;
  operation: string;
  targetId: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}

/** A :Change node's properties as a record (the history loader's and the planned `history` need's). */
export function parseChange(row: Row): ChangeRecord {
  return {
    id: String(row.id),
    at: String(row.at),
    actor: String(row.actor),
    operation: String(row.operation),
    targetId: String(row.targetId),
    before: str(row.before),
    after: str(row.after),
    reason: str(row.reason),
  };
}

/** The changes listed under each of many entities or facts in commit order (their `CHANGED.seq`), in one round trip. */
export async function historyOf(db: Database, ids: readonly string[]): Promise<Map<string, ChangeRecord[]>> {
  const found = await db.read(
    `UNWIND $ids AS id
     CALL (id) { MATCH (t:Entity {id: id}) RETURN t UNION MATCH (t:Fact {id: id}) RETURN t }
     RETURN id, ${historyList('t', new VariableNames())} AS changes`,
    { ids },
    (r) => ({ id: String(r.id), changes: (r.changes as Row[]).map(parseChange) }),
  );
  const out = new Map<string, ChangeRecord[]>(ids.map((id) => [id, []]));
  for (const row of found) out.get(row.id)?.push(...row.changes);
  return out;
}

export interface ChangeFilter {
  since: string | null;
  actor: string | null;
}

/**
 * Every change, oldest first: by time, then by the sequence of its target's history (writes of one record get
 * their time after taking its lock, so its changes are in commit order; the sequence orders those within one
 * millisecond), then by id; optionally since a moment and by one actor.
 */
export async function listChanges(db: Database, filter: ChangeFilter, page: PageRequest): Promise<Connection<ChangeRecord>> {
  const after = page.afterKey === null ? null : splitKey(page.afterKey);
  const where = '($since IS NULL OR c.at >= $since) AND ($actor IS NULL OR c.actor = $actor)';
  const found = await db.read(
    `CALL () { MATCH (c:Change) WHERE ${where} RETURN count(c) AS total }
     CALL () {
       MATCH (c:Change) WHERE ${where}
       WITH c, coalesce(c.seq, 0) AS seq
       WHERE $afterAt IS NULL OR c.at > $afterAt
         OR (c.at = $afterAt AND (seq > $afterSeq OR (seq = $afterSeq AND c.id > $afterId)))
       WITH c, seq ORDER BY c.at, seq, c.id LIMIT $limit
       RETURN collect(c {.*, seq: seq}) AS page
     }
     RETURN total, page`,
    {
      since: filter.since,
      actor: filter.actor,
      afterAt: after?.at ?? null,
      afterSeq: int(after?.seq ?? 0),
      afterId: after?.id ?? null,
      limit: int(page.first + 1),
    },
    (r) => ({ total: Number(r.total), page: (r.page as Row[]).map((c) => ({ change: parseChange(c), seq: Number(c.seq ?? 0) })) }),
  );
  const result = found[0] ?? { total: 0, page: [] };
  return toConnection(
    result.page.map(({ change, seq }) => ({ key: `${change.at}|${seq}|${change.id}`, node: change })),
    page,
    result.total,
  );
}

/** A cursor's parts; cursors made before changes had sequences (`at|id`) read as sequence 0. */
function splitKey(key: string): { at: string; seq: number; id: string } {
  const parts = key.split('|');
  if (parts.length >= 3) return { at: parts[0]!, seq: Number(parts[1]) || 0, id: parts.slice(2).join('|') };
  return { at: parts[0] ?? '', seq: 0, id: parts[1] ?? '' };
}

// ---- entity resolution -------------------------------------------------------------------------------------------

export interface ResolutionCandidate {
  id: string;
  kind: string;
  /** Its name and aliases (and a party's dated names): never its identifier values. */
  names: string[];
  /** Its identifiers as `scheme:value` keys, compared only as identifiers. */
  identifiers: string[];
  /** Entities it is directly related to (through facts that are not retracted). */
  neighbours: string[];
}

/** What duplicate detection reads, in one round trip: the entities of a kind and the pairs curators dismissed. */
export interface DuplicateInputs {
  candidates: ResolutionCandidate[];
  /** Keys (dismissal-repository's `pairKey`) of every dismissed pair. */
  dismissed: Set<string>;
  /**
   * A candidate as the entity loader would read it with the operation's projection, when one was given (null
   * otherwise): the pairs' entities come with the read that finds them. Parsed on demand, since only the few
   * entities of the ranked pairs are ever asked for.
   */
  entity: ((id: string) => EntityRecord | null) | null;
}

/**
 * Every entity of a kind with its names, identifiers and neighbours (the input of duplicate detection), the
 * dismissed pairs, and, when `props` is given (an operation's entity projection), each entity as the entity
 * loader reads it: one query. Whole records (`props` null) are not read for every entity of a kind.
 */
export async function duplicateInputs(db: Database, kind: string, props: readonly string[] | null): Promise<DuplicateInputs> {
  const rows = await db.read(
    `CALL () { MATCH (x:DuplicateDismissal) RETURN collect(x.pair) AS dismissed }
     CALL () {
       MATCH (n:Entity {kind: $kind})
       WITH n ORDER BY n.id
       RETURN collect({id: n.id, name: n.name, names: n.searchNames, identifiers: n.identifiers, identifierKeys: coalesce(n.identifierKeys, []),
                       neighbours: [(n)-[r]-(o:Entity) WHERE r.derived = true | o.id]${props === null ? '' : `, entity: ${entityMap('n', props)}`}}) AS candidates
     }
     RETURN dismissed, candidates`,
    { kind },
    (r) => ({ dismissed: (r.dismissed as unknown[]).map(String), candidates: r.candidates as Row[] }),
  );
  const found = rows[0] ?? { dismissed: [], candidates: [] };
  const candidates = found.candidates.map((r): ResolutionCandidate => {
    // searchNames holds identifier values too (so search finds Q1195092): they are no names.
    const values = new Set(typeof r.identifiers === 'string' ? (JSON.parse(r.identifiers) as { value: unknown }[]).map((i) => String(i.value)) : []);
    const all = typeof r.names === 'string' ? (JSON.parse(r.names) as unknown[]).map(String) : [String(r.name)];
    const names = all.filter((n) => n === String(r.name) || !values.has(n));
    return { id: String(r.id), kind, names, identifiers: (r.identifierKeys as unknown[]).map(String), neighbours: [...new Set((r.neighbours as unknown[]).map(String))] };
  });
  let entity: DuplicateInputs['entity'] = null;
  if (props !== null) {
    const raw = new Map(found.candidates.map((r) => [String(r.id), r.entity as Row]));
    entity = (id) => {
      const row = raw.get(id);
      return row ? parseEntity(row) : null;
    };
  }
  return { candidates, dismissed: new Set(found.dismissed), entity };
}

/** The facts among `ids` that are retracted. */
export async function retractedAmong(tx: ManagedTransaction, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await rows(tx, 'MATCH (f:Fact) WHERE f.id IN $ids AND f.retracted = true RETURN f.id AS id', { ids: [...ids] });
  return new Set(found.map((r) => String(r.id)));
}

/** A fact's retraction, or null when it is not retracted. */
export async function retractionOf(tx: ManagedTransaction, factId: string): Promise<Retraction | null> {
  const found = await rows(tx, 'MATCH (f:Fact {id: $id}) WHERE f.retracted = true RETURN f.retractedReason AS reason, f.retractedBy AS actor, f.retractedAt AS at', { id: factId });
  const row = found[0];
  return row ? { reason: String(row.reason), actor: String(row.actor), at: String(row.at) } : null;
}
