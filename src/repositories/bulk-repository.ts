// Cypher of bulk export and import: every record id by collection, the curation state (retractions, redirects),
// retractions applied in batches, and the graph's content (counts and a checksum) that a round trip must keep.
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { ManagedTransaction } from 'neo4j-driver';
import type { DatasetKey } from '../dataset/schema.js';
import { entityLabels, factLabels, linkTypes, relationTypes, type GraphRows } from '../dataset/to-graph.js';
import { int, type Database } from '../neo4j/database.js';
import { collectionOfKind, retractRelations, type ChangeRow, type RedirectRow, type Retraction } from './curation-repository.js';
import type { WriteStep } from './dataset-repository.js';

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
 * nodes are an unpublished import's, which no reader sees (see the staging section below).
 */
const bookkeepingLabels = ['Change', 'Migration', 'IdempotencyRecord', 'ImportRun', 'Staged'];

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
  return db.read('MATCH (r:ImportRun) RETURN r.id AS id, r.host AS host, r.pid AS pid, r.heartbeatAt AS heartbeatAt', {}, (r) => ({
    id: String(r.id),
    host: String(r.host),
    pid: Number(r.pid),
    heartbeatAt: String(r.heartbeatAt),
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

/**
 * Runs staging statements in transactions of about `rowsPerTransaction` rows; each first checks that the run is
 * still recorded. `onRows` is told, after each commit, how many rows it covered.
 */
export async function runStagedSteps(
  db: Database,
  importId: string,
  steps: readonly WriteStep[],
  rowsPerTransaction: number,
  onRows: (count: number) => void,
  timeoutMs: number,
): Promise<void> {
  let stage: { cypher: string; rows: readonly unknown[] }[] = [];
  let size = 0;
  const commit = async () => {
    if (stage.length === 0) return;
    const work = stage;
    stage = [];
    size = 0;
    await db.writeTransaction(async (tx) => {
      await requireRun(tx, importId);
      for (const part of work) await tx.run(part.cypher, { rows: part.rows, importId });
    }, timeoutMs);
    onRows(work.reduce((n, part) => n + part.rows.length, 0));
  };
  for (const step of steps) {
    for (let i = 0; i < step.rows.length; i += 2_000) {
      const rows = step.rows.slice(i, i + 2_000);
      stage.push({ cypher: step.cypher, rows });
      size += rows.length;
      if (size >= rowsPerTransaction) await commit();
    }
  }
  await commit();
}

/**
 * The first statements of the publishing transaction: takes the run's record (so it cannot be removed as
 * abandoned meanwhile), gives every staged node its labels and drops the staging marks. Returns how many nodes.
 */
export async function publishStagedNodes(tx: ManagedTransaction, importId: string): Promise<number> {
  const run = await tx.run('MATCH (r:ImportRun {id: $importId}) SET r.publishing = true RETURN count(r) AS n', { importId });
  if (Number(run.records[0]?.get('n') ?? 0) === 0) throw new Error(`import ${importId} was removed as abandoned before it could publish`);
  for (const label of publishableLabels) {
    await tx.run(`MATCH (n:Staged) WHERE n.importId = $importId AND $label IN n.stagedLabels SET n:${label}`, { importId, label });
  }
  const done = await tx.run('MATCH (n:Staged) WHERE n.importId = $importId REMOVE n:Staged, n.importId, n.stagedLabels RETURN count(n) AS n', { importId });
  return Number(done.records[0]?.get('n') ?? 0);
}

/** The last statement of the publishing transaction: the run is over. */
export async function endImportRun(tx: ManagedTransaction, importId: string): Promise<void> {
  await tx.run('MATCH (r:ImportRun {id: $importId}) DELETE r', { importId });
}
