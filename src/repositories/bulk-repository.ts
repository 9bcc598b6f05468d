// Cypher of bulk export and import: every record id by collection, the curation state (retractions, redirects),
// retractions applied in batches, and the graph's content (counts and a checksum) that a round trip must keep.
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { ManagedTransaction } from 'neo4j-driver';
import type { DatasetKey } from '../dataset/schema.js';
import { entityLabels, factLabels, linkTypes, relationTypes, type GraphRows } from '../dataset/to-graph.js';
import { int, type Database } from '../neo4j/database.js';
import { collectionOfKind, dropDerivedSteps, recordChanges, retractRelations, writeRedirects, type ChangeRow, type RedirectRow, type Retraction } from './curation-repository.js';
import { writeSteps, type WriteStep } from './dataset-repository.js';

type Row = Record<string, unknown>;

async function rows(tx: ManagedTransaction, cypher: string, params: Row = {}): Promise<Row[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((r) => r.toObject());
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

const factCollections: Record<string, DatasetKey> = {
  Membership: 'memberships',
  Candidacy: 'candidacies',
  PartyResult: 'partyResults',
  FamilyTie: 'familyTies',
};

/** Ids of every record (sources, entities, top-level facts), by collection, sorted. */
export async function recordIds(tx: ManagedTransaction): Promise<Map<DatasetKey, string[]>> {
  const out = new Map<DatasetKey, string[]>();
  const add = (collection: DatasetKey | undefined, id: string) => {
    if (!collection) return;
    const list = out.get(collection) ?? [];
    list.push(id);
    out.set(collection, list);
  };
  for (const r of await rows(tx, 'MATCH (s:Source) WHERE s.publisher IS NOT NULL RETURN s.id AS id ORDER BY id')) add('sources', String(r.id));
  for (const r of await rows(tx, 'MATCH (n:Entity) WHERE n.kind IS NOT NULL RETURN n.id AS id, n.kind AS kind ORDER BY id')) {
    add(collectionOfKind[String(r.kind)], String(r.id));
  }
  for (const r of await rows(tx, 'MATCH (f:Membership|Candidacy|PartyResult|FamilyTie) RETURN f.id AS id, labels(f) AS labels ORDER BY id')) {
    add((r.labels as string[]).map((l) => factCollections[l]).find((c) => c !== undefined), String(r.id));
  }
  return out;
}

export interface RetractionRow extends Retraction {
  fact: string;
}

export async function retractions(tx: ManagedTransaction): Promise<RetractionRow[]> {
  const found = await rows(
    tx,
    'MATCH (f:Fact) WHERE f.retracted = true RETURN f.id AS fact, f.retractedReason AS reason, f.retractedBy AS actor, f.retractedAt AS at ORDER BY fact',
  );
  return found.map((r) => ({ fact: String(r.fact), reason: text(r.reason), actor: text(r.actor), at: text(r.at) }));
}

export async function redirects(tx: ManagedTransaction): Promise<RedirectRow[]> {
  const found = await rows(tx, 'MATCH (r:Redirect) RETURN r.id AS id, r.to AS to, r.at AS at, r.actor AS actor ORDER BY id');
  return found.map((r) => ({ id: String(r.id), to: String(r.to), at: text(r.at), actor: text(r.actor) }));
}

/** Retracts many facts at once (an import), turning their derived relationships into retracted ones. */
export async function applyRetractions(tx: ManagedTransaction, list: readonly RetractionRow[]): Promise<void> {
  for (let i = 0; i < list.length; i += 2_000) {
    const batch = list.slice(i, i + 2_000);
    await tx.run(
      `UNWIND $rows AS r MATCH (f:Fact {id: r.fact})
       SET f.retracted = true, f.retractedReason = r.reason, f.retractedBy = r.actor, f.retractedAt = r.at`,
      { rows: batch },
    );
    await retractRelations(
      tx,
      batch.map((r) => r.fact),
    );
  }
}

/**
 * Labels that are bookkeeping, not content: left out of counts and checksum (with their relationships). Staged
 * nodes are an unpublished import's, which no reader sees (see the staging section below); SourceKey nodes are
 * addSource's locks of a document (src/repositories/source-repository.ts).
 */
const bookkeepingLabels = ['Change', 'Migration', 'IdempotencyRecord', 'ImportRun', 'Staged', 'SourceKey'];

export interface GraphContent {
  /** Nodes per label and relationships per type, the audit trail and migrations left out. */
  counts: Record<string, number>;
  /** SHA-256 over every content node (labels, properties) and relationship (type, ends, properties), sorted. */
  checksum: string;
}

/** What the graph says, independent of how it was written: export then import must reproduce this exactly. */
export async function graphContent(db: Database): Promise<GraphContent> {
  return db.readTransaction(async (tx) => {
    const lines: string[] = [];
    const counts: Record<string, number> = {};
    const count = (key: string) => {
      counts[key] = (counts[key] ?? 0) + 1;
    };
    const nodes = await rows(
      tx,
      `MATCH (n) WHERE NONE(l IN labels(n) WHERE l IN $skip)
       RETURN labels(n) AS labels, properties(n) AS props`,
      { skip: bookkeepingLabels },
    );
    for (const n of nodes) {
      const labels = (n.labels as string[]).sort();
      labels.forEach((l) => count(`:${l}`));
      lines.push(`N ${JSON.stringify([labels, sorted(n.props as Row)])}`);
    }
    const rels = await rows(
      tx,
      `MATCH (a)-[r]->(b)
       WHERE NONE(l IN labels(a) WHERE l IN $skip) AND NONE(l IN labels(b) WHERE l IN $skip)
       RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props`,
      { skip: bookkeepingLabels },
    );
    for (const r of rels) {
      count(`[${String(r.type)}]`);
      lines.push(`R ${JSON.stringify([r.type, r.a, r.b, sorted(r.props as Row)])}`);
    }
    lines.sort();
    const hash = createHash('sha256');
    for (const line of lines) hash.update(`${line}\n`);
    return { counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1))), checksum: hash.digest('hex') };
  }, 600_000);
}

function sorted(props: Row): [string, unknown][] {
  return Object.entries(props).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Removes everything but the migrations: for a round-trip test's database, never the app's. */
export async function wipeContent(db: Database): Promise<void> {
  await db.writeTransaction((tx) => tx.run('MATCH (n) WHERE NOT n:Migration DETACH DELETE n'), 600_000);
}

// ---- staged imports ------------------------------------------------------------------------------------------------
//
// A file too large for one transaction is written in stages no reader can see, then published by one transaction.
// Staged nodes carry the label :Staged, the run's `importId` and the labels they will have (`stagedLabels`), but
// none of :Entity, :Fact, :Claim, :Change that every read matches; relationships are staged only between two staged
// nodes. Whatever touches a live node (a citation of a source, a link to an existing party, a derived relationship
// to it, every update of a stored record) waits for the publishing transaction, which also relabels the staged
// nodes. So live nodes are never touched before the publish: a run that dies leaves only :Staged nodes, which
// `removeAbandonedImports` deletes (at the next start of the app, a CLI, or the next import).

/** Labels a staged node may be published with: the fixed lists, never a value from the file. */
const publishableLabels: readonly string[] = ['Entity', 'Fact', 'Claim', 'Change', ...entityLabels, ...factLabels];

/** Treated as abandoned when its process is gone (same host), or when it has not beaten for this long. */
export const IMPORT_HEARTBEAT_STALE_MS = 120_000;

export interface ImportRun {
  id: string;
  host: string;
  pid: number;
  heartbeatAt: string;
  /** Past its commit point: its journal is being applied (finished, never removed, when abandoned). */
  publishing: boolean;
}

export async function beginImportRun(db: Database, id: string): Promise<void> {
  const now = new Date().toISOString();
  await db.writeTransaction((tx) =>
    tx.run('CREATE (:ImportRun {id: $id, host: $host, pid: $pid, startedAt: $now, heartbeatAt: $now})', { id, host: hostname(), pid: int(process.pid), now }),
  );
}

/** Tells other processes the run is alive; false when it was removed as abandoned meanwhile. */
export async function heartbeatImportRun(db: Database, id: string): Promise<boolean> {
  const result = await db.writeTransaction((tx) =>
    tx.run('MATCH (r:ImportRun {id: $id}) SET r.heartbeatAt = $now RETURN count(r) AS n', { id, now: new Date().toISOString() }),
  );
  return Number(result.records[0]?.get('n') ?? 0) > 0;
}

export async function importRuns(db: Database): Promise<ImportRun[]> {
  return db.read('MATCH (r:ImportRun) RETURN r.id AS id, r.host AS host, r.pid AS pid, r.heartbeatAt AS heartbeatAt, r.batches IS NOT NULL AS publishing', {}, (r) => ({
    id: String(r.id),
    host: String(r.host),
    pid: Number(r.pid),
    heartbeatAt: String(r.heartbeatAt),
    publishing: r.publishing === true,
  }));
}

/** Fails the stage or publish when the run is no longer recorded (removed as abandoned): nothing of it is kept. */
async function requireRun(tx: ManagedTransaction, importId: string): Promise<void> {
  const found = await tx.run('MATCH (r:ImportRun {id: $importId}) RETURN count(r) AS n', { importId });
  if (Number(found.records[0]?.get('n') ?? 0) === 0) throw new Error(`import ${importId} was removed as abandoned while it ran`);
}

/**
 * Removes a run: its record first (so a stage or publish still under way fails), then its staged nodes in
 * batches, and any staged node whose run is not recorded. Returns the number of staged nodes removed.
 */
export async function removeImportRun(db: Database, importId: string | null): Promise<number> {
  if (importId !== null) await db.writeTransaction((tx) => tx.run('MATCH (r:ImportRun {id: $importId}) DELETE r', { importId }));
  let removed = 0;
  for (;;) {
    const result = await db.writeTransaction((tx) =>
      tx.run(
        `MATCH (n:Staged) WHERE NOT EXISTS { MATCH (r:ImportRun) WHERE r.id = n.importId }
         WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n`,
      ),
    );
    const n = Number(result.records[0]?.get('n') ?? 0);
    removed += n;
    if (n === 0) return removed;
  }
}

/** Rows of created records split into what is staged (both ends staged) and what waits for the publish. */
export interface StagedSplit {
  steps: WriteStep[];
  /** Links, derived relationships and citations that touch a live node, and the created records' citations. */
  deferred: GraphRows;
}

/**
 * The staging statements for records the import creates (`rows`; `staged` holds their node ids): nodes as
 * :Staged, links and relationships between two of them. Every statement gets `$importId` besides `$rows`.
 */
export function stagedWriteSteps(rows: GraphRows, staged: ReadonlySet<string>, changes: readonly ChangeRow[]): StagedSplit {
  const steps: WriteStep[] = [];
  const node = (name: string, labels: string[], list: readonly { id: string; props: unknown }[]) =>
    steps.push({
      name,
      cypher: `UNWIND $rows AS r MERGE (n:Staged {importId: $importId, id: r.id}) SET n += r.props, n.stagedLabels = ${JSON.stringify(labels)}`,
      rows: list,
    });
  for (const label of entityLabels) node(`staged entities:${label}`, ['Entity', label], rows.entities[label]);
  for (const label of factLabels) node(`staged facts:${label}`, ['Fact', label], rows.facts[label]);
  node('staged claims', ['Claim'], rows.claims);
  const both = (r: { from: string; to: string }) => staged.has(r.from) && staged.has(r.to);
  const ends = 'MATCH (a:Staged {importId: $importId, id: r.from}) MATCH (b:Staged {importId: $importId, id: r.to})';
  steps.push({ name: 'staged claim links', cypher: `UNWIND $rows AS r ${ends} MERGE (a)-[:CLAIM_OF]->(b)`, rows: rows.claimLinks.filter(both) });
  const deferred: GraphRows = {
    sources: [],
    entities: Object.fromEntries(entityLabels.map((l) => [l, []])) as unknown as GraphRows['entities'],
    facts: Object.fromEntries(factLabels.map((l) => [l, []])) as unknown as GraphRows['facts'],
    claims: [],
    claimLinks: rows.claimLinks.filter((r) => !both(r)),
    links: Object.fromEntries(linkTypes.map((t) => [t, rows.links[t].filter((r) => !both(r))])) as GraphRows['links'],
    citations: rows.citations,
    relations: Object.fromEntries(relationTypes.map((t) => [t, rows.relations[t].filter((r) => !both(r))])) as GraphRows['relations'],
  };
  for (const type of linkTypes) {
    steps.push({ name: `staged links:${type}`, cypher: `UNWIND $rows AS r ${ends} MERGE (a)-[l:${type}]->(b) SET l += r.props`, rows: rows.links[type].filter(both) });
  }
  for (const type of relationTypes) {
    steps.push({
      name: `staged relations:${type}`,
      cypher: `UNWIND $rows AS r ${ends} MERGE (a)-[x:${type} {id: r.id}]->(b) SET x += r.props, x.derived = true`,
      rows: rows.relations[type].filter(both),
    });
  }
  // The changes that created them: the first entry of each one's history.
  steps.push({
    name: 'staged changes',
    cypher: `UNWIND $rows AS c
       MERGE (ch:Staged {importId: $importId, id: c.id})
       SET ch.stagedLabels = ['Change'], ch.at = c.at, ch.actor = c.actor, ch.operation = c.operation, ch.targetId = c.targetId,
           ch.before = c.before, ch.after = c.after, ch.reason = c.reason, ch.seq = 1
       WITH ch, c
       UNWIND c.subjects AS subject
       MATCH (t:Staged {importId: $importId, id: subject})
       MERGE (ch)-[h:CHANGED]->(t) SET h.seq = 1`,
    rows: changes,
  });
  return { steps, deferred };
}

// ---- memory-sized transactions ----------------------------------------------------------------------------------
//
// Neo4j refuses a transaction whose state outgrows db.memory.transaction.max (NEO4J_TX_MEMORY, 256m by default):
// Neo.TransientError.General.MemoryPoolOutOfMemoryError, mostly at COMMIT. Measured at the defaults: a file of
// 10 000 people and 10 000 memberships (110 000 rows) was refused in one transaction, about 2.3 KB a row. A row is
// estimated at ROW_BYTES plus twice its JSON (strings held as Java strings, and again in the store's records), and
// a transaction is filled up to a quarter of the limit: room for the estimate to be off by a factor of four.

/** Estimated transaction memory of one row beyond its properties (node or relationship records, index entries). */
export const ROW_BYTES = 2_000;
/** The share of db.memory.transaction.max one import transaction is filled to. */
export const TRANSACTION_SHARE = 0.25;
/** What the limit is taken to be when the database does not say (its default, and the app's NEO4J_TX_MEMORY). */
export const DEFAULT_TRANSACTION_MEMORY = 256 * 1024 * 1024;

/** Estimated bytes of transaction memory one row takes. */
export function rowBytes(row: unknown): number {
  return ROW_BYTES + 2 * (JSON.stringify(row)?.length ?? 0);
}

/** Estimated bytes of transaction memory writing these rows takes. */
export function rowsBytes(rows: readonly unknown[]): number {
  let sum = 0;
  for (const row of rows) sum += rowBytes(row);
  return sum;
}

/** Bytes of a Neo4j memory setting: `256.00MiB`, `1g`, `268435456`, `0` (no limit: null). */
export function parseMemorySetting(value: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?\s*$/i.exec(value);
  if (!m) return null;
  const n = Number(m[1]) * 1024 ** ['', 'k', 'm', 'g', 't'].indexOf(m[2]!.toLowerCase());
  return n > 0 ? Math.floor(n) : null;
}

/**
 * The database's db.memory.transaction.max in bytes; the default when it does not say (no right to SHOW SETTINGS)
 * and a large value when it has no limit (0), so that transactions stay a sensible size anyway.
 */
export async function transactionMemoryLimit(db: Database): Promise<number> {
  try {
    const values = await db.read("SHOW SETTINGS YIELD name, value WHERE name = 'db.memory.transaction.max' RETURN value", {}, (r) => String(r.value));
    if (values.length === 0) return DEFAULT_TRANSACTION_MEMORY;
    return parseMemorySetting(values[0]!) ?? 4 * DEFAULT_TRANSACTION_MEMORY;
  } catch {
    return DEFAULT_TRANSACTION_MEMORY;
  }
}

/**
 * Packs the steps' rows into transactions whose estimated memory stays within `budgetBytes` (and, when given, at
 * most `maxRows` rows): in order, a step's rows split over as many transactions as they need. A single row above
 * the budget gets a transaction of its own.
 */
export function packByMemory<S extends { rows: readonly unknown[] }>(
  steps: readonly S[],
  budgetBytes: number,
  maxRows = Number.POSITIVE_INFINITY,
): { step: S; rows: unknown[] }[][] {
  const transactions: { step: S; rows: unknown[] }[][] = [];
  let current: { step: S; rows: unknown[] }[] = [];
  let bytes = 0;
  let rows = 0;
  for (const step of steps) {
    let part: unknown[] = [];
    for (const row of step.rows) {
      const cost = rowBytes(row);
      if (rows > 0 && (bytes + cost > budgetBytes || rows + 1 > maxRows)) {
        if (part.length > 0) current.push({ step, rows: part });
        transactions.push(current);
        current = [];
        part = [];
        bytes = 0;
        rows = 0;
      }
      part.push(row);
      bytes += cost;
      rows += 1;
    }
    if (part.length > 0) current.push({ step, rows: part });
  }
  if (current.length > 0) transactions.push(current);
  return transactions;
}

/**
 * Runs staging statements in transactions packed by `packByMemory`; each first checks that the run is still
 * recorded. `onRows` is told, after each commit, how many rows it covered.
 */
export async function runStagedSteps(
  db: Database,
  importId: string,
  steps: readonly WriteStep[],
  budgetBytes: number,
  maxRows: number,
  onRows: (count: number) => void,
  timeoutMs: number,
): Promise<void> {
  for (const work of packByMemory(steps, budgetBytes, maxRows)) {
    await db.writeTransaction(async (tx) => {
      await requireRun(tx, importId);
      for (const part of work) for (let i = 0; i < part.rows.length; i += 2_000) await tx.run(part.step.cypher, { rows: part.rows.slice(i, i + 2_000), importId });
    }, timeoutMs);
    onRows(work.reduce((n, part) => n + part.rows.length, 0));
  }
}

// ---- the publish journal -----------------------------------------------------------------------------------------
//
// Publishing a large import does not fit one transaction either. Everything the publish does (labelling the staged
// nodes, writing sources, updates of stored records, links and citations to live nodes, retractions, redirects,
// changes) is written while staging as numbered journal batches, `(:Staged:ImportBatch {importId, id: 'batch:N',
// step, rows})`, each one transaction's worth. Then one small transaction marks the run `publishing` with its
// batch count: the commit point. Before it, a failure or kill leaves only :Staged nodes, removed as before, and
// readers saw nothing. After it, the import is decided: the batches are applied in order, each in a transaction
// that also deletes it (so each applies exactly once, even when a COMMIT's answer is lost), and a run whose
// process dies is finished by the next start of the app, CLI or import. Readers may see a partly published import
// while the batches run (entities before their citations, say), never a partly applied batch.

/** A journal step: what a batch does, by a name from the fixed list below, and its rows. */
export interface PublishStep {
  step: string;
  rows: readonly unknown[];
}

type Apply = (tx: ManagedTransaction, rows: unknown[], importId: string) => Promise<void>;

/** The only statements a journal batch can run, by name: Cypher never comes from the database. */
function publishStatements(): Map<string, Apply> {
  const statements = new Map<string, Apply>();
  statements.set('publish nodes', async (tx, rows, importId) => {
    const list = rows as { id: string; labels: string[] }[];
    for (const label of publishableLabels) {
      const ids = list.filter((r) => r.labels.includes(label)).map((r) => r.id);
      if (ids.length > 0) await tx.run(`UNWIND $ids AS id MATCH (n:Staged {importId: $importId, id: id}) SET n:${label}`, { ids, importId });
    }
    await tx.run('UNWIND $ids AS id MATCH (n:Staged {importId: $importId, id: id}) REMOVE n:Staged, n.importId, n.stagedLabels', { ids: list.map((r) => r.id), importId });
  });
  for (const step of writeSteps(emptyRows())) statements.set(`write ${step.name}`, async (tx, rows) => void (await tx.run(step.cypher, { rows })));
  for (const step of dropDerivedSteps([])) statements.set(`drop ${step.name}`, async (tx, rows) => void (await tx.run(step.cypher, { rows })));
  statements.set('retract relations', (tx, rows) => retractRelations(tx, rows as string[]));
  statements.set('retractions', (tx, rows) => applyRetractions(tx, rows as RetractionRow[]));
  statements.set('redirects', (tx, rows) => writeRedirects(tx, rows as RedirectRow[]));
  statements.set('changes', (tx, rows) => recordChanges(tx, rows as ChangeRow[]));
  return statements;
}

function emptyRows(): GraphRows {
  return {
    sources: [],
    entities: Object.fromEntries(entityLabels.map((l) => [l, []])) as unknown as GraphRows['entities'],
    facts: Object.fromEntries(factLabels.map((l) => [l, []])) as unknown as GraphRows['facts'],
    claims: [],
    claimLinks: [],
    links: Object.fromEntries(linkTypes.map((t) => [t, []])) as unknown as GraphRows['links'],
    citations: [],
    relations: Object.fromEntries(relationTypes.map((t) => [t, []])) as unknown as GraphRows['relations'],
  };
}

/** The journal steps of a publish, in order: names checked against the fixed list. */
export function publishSteps(parts: {
  stagedNodes: { id: string; labels: string[] }[];
  replaceIds: readonly string[];
  published: GraphRows;
  deferred: GraphRows;
  retractions: readonly RetractionRow[];
  redirects: readonly RedirectRow[];
  changes: readonly ChangeRow[];
}): PublishStep[] {
  const steps: PublishStep[] = [{ step: 'publish nodes', rows: parts.stagedNodes }];
  steps.push(...dropDerivedSteps(parts.replaceIds).map((s) => ({ step: `drop ${s.name}`, rows: s.rows })));
  steps.push(...writeSteps(parts.published).map((s) => ({ step: `write ${s.name}`, rows: s.rows })));
  steps.push({ step: 'retract relations', rows: parts.replaceIds });
  steps.push(...writeSteps(parts.deferred).map((s) => ({ step: `write ${s.name}`, rows: s.rows })));
  steps.push({ step: 'retractions', rows: parts.retractions }, { step: 'redirects', rows: parts.redirects }, { step: 'changes', rows: parts.changes });
  const known = publishStatements();
  for (const s of steps) if (!known.has(s.step)) throw new Error(`no publish statement ${s.step}`);
  return steps.filter((s) => s.rows.length > 0);
}

/**
 * Writes the journal: the publish steps packed into batches of `budgetBytes`, several batches a transaction (a
 * stored batch costs about its text). Returns how many batches there are.
 */
export async function writeJournal(db: Database, importId: string, steps: readonly PublishStep[], budgetBytes: number, timeoutMs: number): Promise<number> {
  const batches = packByMemory(steps, budgetBytes).map((parts) => JSON.stringify(parts.map((p) => ({ step: p.step.step, rows: p.rows }))));
  let seq = 0;
  while (seq < batches.length) {
    const first = seq;
    let bytes = 0;
    while (seq < batches.length && (seq === first || bytes + 2 * batches[seq]!.length <= budgetBytes)) bytes += 2 * batches[seq++]!.length;
    const rows = batches.slice(first, seq).map((parts, i) => ({ id: `batch:${first + i}`, seq: int(first + i), parts }));
    await db.writeTransaction(async (tx) => {
      await requireRun(tx, importId);
      await tx.run('UNWIND $rows AS r CREATE (:Staged:ImportBatch {importId: $importId, id: r.id, seq: r.seq, parts: r.parts})', { rows, importId });
    }, timeoutMs);
  }
  return batches.length;
}

/**
 * The commit point: the run becomes `publishing` with its batch count, once every batch is in. `decide` runs first
 * in the same transaction (the import's check of its new sources under their key locks); its throw aborts the run.
 */
export async function markPublishing(db: Database, importId: string, batches: number, decide?: (tx: ManagedTransaction) => Promise<void>): Promise<void> {
  await db.writeTransaction(async (tx) => {
    await requireRun(tx, importId);
    await decide?.(tx);
    const found = await tx.run('MATCH (b:ImportBatch) WHERE b.importId = $importId RETURN count(b) AS n', { importId });
    const n = Number(found.records[0]?.get('n') ?? 0);
    if (n !== batches) throw new Error(`import ${importId} has ${n} journal batches stored, not ${batches}`);
    await tx.run('MATCH (r:ImportRun {id: $importId}) SET r.publishing = true, r.batches = $batches', { importId, batches: int(batches) });
  });
}

/**
 * Applies a publishing run's batches in order, each in its own transaction that deletes it, then removes the run.
 * Batches already applied (by an earlier process, or a commit whose answer was lost) are skipped. `onRows` is told
 * the rows of each applied batch.
 */
export async function applyJournal(db: Database, importId: string, onRows: (count: number) => void, timeoutMs: number): Promise<number> {
  const statements = publishStatements();
  const found = await db.read('MATCH (r:ImportRun {id: $importId}) RETURN r.batches AS batches', { importId }, (r) => Number(r.batches));
  const batches = found[0];
  if (batches === undefined || Number.isNaN(batches)) throw new Error(`import ${importId} is not being published`);
  let applied = 0;
  for (let seq = 0; seq < batches; seq += 1) {
    const rows = await db.writeTransaction(
      async (tx) => {
        const entry = await tx.run('MATCH (b:Staged {importId: $importId, id: $id}) RETURN b.parts AS parts', { importId, id: `batch:${seq}` });
        const text = entry.records[0]?.get('parts') as string | undefined;
        if (text === undefined) return 0; // applied already
        const parts = JSON.parse(text) as { step: string; rows: unknown[] }[];
        for (const part of parts) {
          const apply = statements.get(part.step);
          if (!apply) throw new Error(`import ${importId} batch ${seq}: unknown step ${part.step}`);
          for (let i = 0; i < part.rows.length; i += 2_000) await apply(tx, part.rows.slice(i, i + 2_000), importId);
        }
        await tx.run('MATCH (b:Staged {importId: $importId, id: $id}) DELETE b', { importId, id: `batch:${seq}` });
        return parts.reduce((n, p) => n + p.rows.length, 0);
      },
      timeoutMs,
      // Reads whether its batch is still there: after a COMMIT whose answer was lost, running it again is safe.
      { repeatable: true },
    );
    if (rows > 0) applied += 1;
    onRows(rows);
  }
  await db.writeTransaction((tx) => endImportRun(tx, importId));
  return applied;
}

/**
 * Takes over a publishing run whose process is gone (compare-and-set on its owner, so one taker wins): true when
 * this process now owns it.
 */
export async function claimImportRun(db: Database, run: ImportRun): Promise<boolean> {
  const result = await db.writeTransaction((tx) =>
    tx.run(
      `MATCH (r:ImportRun {id: $id}) WHERE r.host = $host AND r.pid = $pid AND r.heartbeatAt = $heartbeatAt
       SET r.host = $me, r.pid = $myPid, r.heartbeatAt = $now RETURN count(r) AS n`,
      { id: run.id, host: run.host, pid: int(run.pid), heartbeatAt: run.heartbeatAt, me: hostname(), myPid: int(process.pid), now: new Date().toISOString() },
    ),
  );
  return Number(result.records[0]?.get('n') ?? 0) > 0;
}

/** The last statement of the publishing transaction: the run is over. */
export async function endImportRun(tx: ManagedTransaction, importId: string): Promise<void> {
  await tx.run('MATCH (r:ImportRun {id: $importId}) DELETE r', { importId });
}
