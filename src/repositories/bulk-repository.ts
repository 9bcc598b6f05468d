// Cypher of bulk export and import: every record id by collection, the curation state (retractions, redirects),
// retractions applied in batches, and the graph's content (counts and a checksum) that a round trip must keep.
import { createHash } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { DatasetKey } from '../dataset/schema.js';
import type { Database } from '../neo4j/database.js';
import { collectionOfKind, retractRelations, type RedirectRow, type Retraction } from './curation-repository.js';

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

/** Labels and relationship types that are bookkeeping, not content: left out of counts and checksum. */
const bookkeepingLabels = ['Change', 'Migration'];

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
