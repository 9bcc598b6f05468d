// Writes graph rows (from dataset/to-graph.ts) into Neo4j in ONE transaction: nodes MERGEd on their ids,
// each record's links and citations replaced, derived relationships MERGEd on their ids. Running it twice
// changes nothing. Labels and relationship types come only from the fixed lists in to-graph.ts.
import type { ManagedTransaction } from 'neo4j-driver';
import {
  entityLabels,
  factLabels,
  linkTypes,
  relationTypes,
  type GraphRows,
  type LinkType,
} from '../dataset/to-graph.js';
import type { Database } from '../neo4j/database.js';

const BATCH = 2_000;

const linkTarget: Record<LinkType, 'Entity' | 'Fact'> = {
  SUBJECT: 'Entity',
  OBJECT: 'Entity',
  IN_DISTRICT: 'Entity',
  NOMINATED_BY: 'Entity',
  DECIDED_BY: 'Entity',
  STATUS_OF: 'Fact',
  ON_BEHALF_OF: 'Entity',
};

export interface WriteProgress {
  (step: string, done: number, total: number): void;
}

/**
 * Turns the derived relationships of the retracted facts among `$rows` (fact ids) into RETRACTED_RELATION ones,
 * `derived = false` and their type kept in `relationType`: everything that walks derived relationships skips them.
 */
export const RETRACT_RELATIONS = `UNWIND $rows AS id
       MATCH (f:Fact {id: id}) WHERE f.retracted = true
       MATCH (f)-[:SUBJECT]->(a:Entity)-[r]->(b:Entity) WHERE r.factId = id AND r.derived = true
       CREATE (a)-[x:RETRACTED_RELATION]->(b)
       SET x = properties(r), x.relationType = type(r), x.derived = false
       DELETE r`;

/**
 * Writes sources. Documents are never deleted: when a source's text changes, the text it had is kept as a
 * `(:SourceVersion {sourceId, version, text, sha256, retrievedAt, replacedAt})` behind `PREVIOUS_VERSION`, and
 * the source's `version` counts up from 1.
 */
export const WRITE_SOURCES = `UNWIND $rows AS r
       MERGE (s:Source {id: r.id})
       WITH s, r, s.text IS NOT NULL AND s.sha256 IS NOT NULL AND coalesce(r.props.sha256, '') <> s.sha256 AS revised
       CALL (s, r, revised) {
         WITH s, r WHERE revised
         CREATE (s)-[:PREVIOUS_VERSION]->(:SourceVersion {sourceId: s.id, version: coalesce(s.version, 1), text: s.text,
                 sha256: s.sha256, retrievedAt: s.retrievedAt, replacedAt: toString(datetime())})
       }
       SET s += r.props, s.version = CASE WHEN revised THEN coalesce(s.version, 1) + 1 ELSE coalesce(s.version, 1) END`;

/** One UNWIND statement and the rows it runs over, in batches. */
export interface WriteStep {
  name: string;
  cypher: string;
  rows: readonly unknown[];
}

/** The statements that write `rows`, in order; pure, so the work can be counted before it starts. */
export function writeSteps(rows: GraphRows): WriteStep[] {
  const steps: WriteStep[] = [];
  steps.push({ name: 'sources', cypher: WRITE_SOURCES, rows: rows.sources });
  for (const label of entityLabels) {
    steps.push({ name: `entities:${label}`, cypher: `UNWIND $rows AS r MERGE (n:Entity {id: r.id}) SET n += r.props, n:${label}`, rows: rows.entities[label] });
  }
  for (const label of factLabels) {
    steps.push({ name: `facts:${label}`, cypher: `UNWIND $rows AS r MERGE (f:Fact {id: r.id}) SET f += r.props, f:${label}`, rows: rows.facts[label] });
  }
  steps.push({ name: 'claims', cypher: 'UNWIND $rows AS r MERGE (c:Claim {id: r.id}) SET c += r.props', rows: rows.claims });

  // Replace, not accumulate: a record's links, claims and citations are exactly what the dataset now says.
  const factIds = factLabels.flatMap((l) => rows.facts[l].map((f) => f.id));
  const entityIds = entityLabels.flatMap((l) => rows.entities[l].map((e) => e.id));
  steps.push({ name: 'clear links', cypher: `UNWIND $rows AS id MATCH (f:Fact {id: id})-[l:${linkTypes.join('|')}]->() DELETE l`, rows: factIds });
  steps.push({ name: 'clear citations:Entity', cypher: 'UNWIND $rows AS id MATCH (:Entity {id: id})-[c:CITES]->() DELETE c', rows: entityIds });
  steps.push({ name: 'clear citations:Fact', cypher: 'UNWIND $rows AS id MATCH (:Fact {id: id})-[c:CITES]->() DELETE c', rows: factIds });
  steps.push({ name: 'clear citations:Claim', cypher: 'UNWIND $rows AS id MATCH (:Claim {id: id})-[c:CITES]->() DELETE c', rows: rows.claims.map((c) => c.id) });
  steps.push({
    name: 'claim links',
    cypher: `UNWIND $rows AS r
         MATCH (c:Claim {id: r.from})
         OPTIONAL MATCH (e:Entity {id: r.to})
         OPTIONAL MATCH (f:Fact {id: r.to})
         WITH c, coalesce(e, f) AS owner WHERE owner IS NOT NULL
         MERGE (c)-[:CLAIM_OF]->(owner)`,
    rows: rows.claimLinks,
  });
  for (const type of linkTypes) {
    steps.push({
      name: `links:${type}`,
      cypher: `UNWIND $rows AS r MATCH (f:Fact {id: r.from}) MATCH (t:${linkTarget[type]} {id: r.to}) MERGE (f)-[l:${type}]->(t) SET l += r.props`,
      rows: rows.links[type],
    });
  }
  for (const ownerLabel of ['Entity', 'Fact', 'Claim'] as const) {
    steps.push({
      name: `citations:${ownerLabel}`,
      cypher: `UNWIND $rows AS r MATCH (o:${ownerLabel} {id: r.owner}) MATCH (s:Source {id: r.source})
               CREATE (o)-[:CITES {quote: r.quote, locator: r.locator, start: r.start, end: r.end, ord: r.ord}]->(s)`,
      rows: rows.citations.filter((c) => c.ownerLabel === ownerLabel),
    });
  }
  for (const type of relationTypes) {
    steps.push({
      name: `relations:${type}`,
      cypher: `UNWIND $rows AS r MATCH (a:Entity {id: r.from}) MATCH (b:Entity {id: r.to}) MERGE (a)-[x:${type} {id: r.id}]->(b) SET x += r.props, x.derived = true`,
      rows: rows.relations[type],
    });
  }
  // A retracted fact (curation) keeps its relationships retracted, even when its record is written again.
  steps.push({ name: 'retracted relations', cypher: RETRACT_RELATIONS, rows: factIds });
  return steps;
}

/** How many rows writing `rows` runs over: the unit of an import's progress bar. */
export function rowWork(rows: GraphRows): number {
  return writeSteps(rows).reduce((n, step) => n + step.rows.length, 0);
}

/**
 * Writes the rows inside a transaction the caller owns (a mutation or an import adds its own statements around
 * it), in UNWIND batches; `onRows` is told how many rows each batch covered.
 */
export async function writeRowsInTransaction(tx: ManagedTransaction, rows: GraphRows, onRows?: (count: number) => void): Promise<void> {
  for (const step of writeSteps(rows)) {
    for (let i = 0; i < step.rows.length; i += BATCH) {
      const batch = step.rows.slice(i, i + BATCH);
      await tx.run(step.cypher, { rows: batch });
      onRows?.(batch.length);
    }
  }
}

/** Writes the rows in one transaction; `progress` is told after each step. */
export async function writeGraphRows(db: Database, rows: GraphRows, progress?: WriteProgress, timeoutMs?: number): Promise<void> {
  const steps = writeSteps(rows);
  await db.writeTransaction(async (tx) => {
    let done = 0;
    for (const step of steps) {
      for (let i = 0; i < step.rows.length; i += BATCH) await tx.run(step.cypher, { rows: step.rows.slice(i, i + BATCH) });
      done += 1;
      progress?.(step.name, done, steps.length);
    }
  }, timeoutMs);
}

export interface GraphCounts {
  labels: Record<string, number>;
  relationships: Record<string, number>;
}

/** Nodes per label and relationships per type, for the loader's report and its idempotency test. */
export async function countGraph(db: Database): Promise<GraphCounts> {
  const labels = await db.read(
    'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label',
    {},
    (r) => [String(r.label), Number(r.n)] as const,
  );
  const rels = await db.read('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type', {}, (r) => [String(r.type), Number(r.n)] as const);
  return { labels: Object.fromEntries(labels), relationships: Object.fromEntries(rels) };
}

export async function countEntities(db: Database): Promise<number> {
  const rows = await db.read('MATCH (n:Entity) RETURN count(n) AS n', {}, (r) => Number(r.n));
  return rows[0] ?? 0;
}
