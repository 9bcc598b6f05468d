// Loading the generated network, timed two ways: through the product's own loader (validateDataset →
// datasetToGraph → writeGraphRows, the path of `npm run seed`), and by a hand-written batched UNWIND ... CREATE
// of the very same graph rows into an empty database (the floor a bulk loader could reach).
import neo4j, { type Driver } from 'neo4j-driver';
import { validateDataset, formatIssue } from '../src/dataset/validate.js';
import type { DatasetKey } from '../src/dataset/schema.js';
import { datasetToGraph, entityLabels, factLabels, firstValue, linkTypes, relationTypes, type GraphRows, type LinkType } from '../src/dataset/to-graph.js';
import type { Database } from '../src/neo4j/database.js';
import { writeGraphRows } from '../src/repositories/dataset-repository.js';
import { dateOrderKey } from '../src/domain/timeline-order.js';
import { asDataset, loadedFromChunk, recordCount, rowCounts } from './dataset-io.js';
import type { DatasetChunk, NetworkGenerator } from './generate.js';

export interface LoadReport {
  /** How the rows were written, in words. */
  method: string;
  records: number;
  nodes: number;
  relationships: number;
  transactions: number;
  /** Wall time of the whole load. */
  ms: number;
  /** Parts of it (0 where a method has no such step). */
  validateMs: number;
  toGraphMs: number;
  writeMs: number;
  recordsPerSecond: number;
  relationshipsPerSecond: number;
  /** Relationships per second of the database writes alone. */
  writeRelationshipsPerSecond: number;
}

type Log = (message: string) => void;

/** Collections whose ids other records refer to: what a later chunk's validation must know exists. */
const referencedCollections: DatasetKey[] = ['sources', 'people', 'parties', 'organizations', 'places', 'districts', 'elections', 'courtCases', 'events'];

function rate(count: number, ms: number): number {
  return ms > 0 ? Math.round((count / ms) * 1000) : 0;
}

/** Every source id a chunk's citations quote (any depth: claims, statuses, party names...). */
export function citedSources(chunk: DatasetChunk): Set<string> {
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'citations' && Array.isArray(v)) {
          for (const c of v as { source?: unknown }[]) if (typeof c.source === 'string') out.add(c.source);
        } else walk(v);
      }
    }
  };
  walk(chunk);
  return out;
}

function mergeChunks(chunks: Iterable<DatasetChunk>): DatasetChunk {
  const all: Partial<Record<DatasetKey, unknown[]>> = {};
  for (const chunk of chunks) for (const [key, list] of Object.entries(chunk) as [DatasetKey, unknown[]][]) (all[key] ??= []).push(...list);
  return all as DatasetChunk;
}

/** Groups chunks into batches of at least `records` records (Infinity: everything in one batch). */
function* batches(chunks: Iterable<DatasetChunk>, records: number): Generator<DatasetChunk> {
  let pending: DatasetChunk[] = [];
  let size = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    size += recordCount(chunk);
    if (size >= records) {
      yield mergeChunks(pending);
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield mergeChunks(pending);
}

/**
 * For @neo4j/graphql, which sorts on stored fields only: each event also gets `dateOrder`, the timeline order key
 * of its date (`dateOrderKey` of src/domain/timeline-order.ts: a year sorts as `2022-99-99`, a month as
 * `2022-03-99`), which ours computes in every query from `dateStart` and `datePrecision`. Not part of the
 * product's graph: the benchmark adds it to the rows both loads write, so the peer can order events as ours does.
 */
export function addEventDateOrder(rows: GraphRows): void {
  for (const row of rows.entities.Event) {
    const start = row.props.dateStart;
    if (typeof start !== 'string') continue;
    const precision = row.props.datePrecision;
    // The date as written, back from its first day and precision (`2022-01-01`, YEAR → `2022`).
    const text = precision === 'YEAR' ? start.slice(0, 4) : precision === 'MONTH' ? start.slice(0, 7) : start;
    row.props.dateOrder = dateOrderKey(text);
  }
}

function electionDatesOf(chunk: DatasetChunk, into: Map<string, string>): void {
  for (const e of chunk.elections ?? []) into.set(e.id, firstValue(e.date));
}

/**
 * The product's loader: each batch is validated (against the records already loaded), turned into graph rows
 * and written by writeGraphRows in ONE transaction. `batchRecords` = Infinity loads everything in one
 * transaction, exactly like `npm run seed`.
 */
export async function loadWithProduct(
  db: Database,
  generator: NetworkGenerator,
  texts: ReadonlyMap<string, string>,
  batchRecords: number,
  log: Log,
): Promise<LoadReport> {
  const existing = new Map<string, DatasetKey>();
  const electionDates = new Map<string, string>();
  const report = { records: 0, nodes: 0, relationships: 0, transactions: 0, validateMs: 0, toGraphMs: 0, writeMs: 0 };
  const started = performance.now();
  for (const batch of batches(generator.chunks(), batchRecords)) {
    let t = performance.now();
    // The texts this batch needs: those it quotes, and those of the sources it defines.
    const cited = citedSources(batch);
    for (const source of batch.sources ?? []) cited.add(source.id);
    const batchTexts = new Map([...cited].flatMap((id) => (texts.has(id) ? [[id, texts.get(id)!] as const] : [])));
    const { dataset, issues } = validateDataset(loadedFromChunk(batch, batchTexts), { existing });
    report.validateMs += performance.now() - t;
    if (!dataset) throw new Error(`generated data failed validation:\n${issues.slice(0, 10).map(formatIssue).join('\n')}`);
    t = performance.now();
    const rows = datasetToGraph(dataset, { electionDates });
    addEventDateOrder(rows);
    report.toGraphMs += performance.now() - t;
    t = performance.now();
    await writeGraphRows(db, rows, undefined, 30 * 60_000);
    report.writeMs += performance.now() - t;
    report.transactions += 1;
    const counts = rowCounts(rows);
    report.records += recordCount(batch);
    report.nodes += counts.nodes;
    report.relationships += counts.relationships;
    for (const key of referencedCollections) for (const r of (batch[key] ?? []) as { id: string }[]) existing.set(r.id, key);
    electionDatesOf(batch, electionDates);
    if (report.transactions % 10 === 0) log(`  product load: ${report.records} records, ${report.relationships} relationships`);
  }
  const ms = performance.now() - started;
  return {
    method:
      batchRecords === Number.POSITIVE_INFINITY
        ? 'validateDataset → datasetToGraph → writeGraphRows, the whole dataset in one transaction (as `npm run seed`)'
        : `validateDataset → datasetToGraph → writeGraphRows per batch of ≥ ${batchRecords} records, one transaction each`,
    ...report,
    ms,
    recordsPerSecond: rate(report.records, ms),
    relationshipsPerSecond: rate(report.relationships, ms),
    writeRelationshipsPerSecond: rate(report.relationships, report.writeMs),
  };
}

const linkTarget: Record<LinkType, 'Entity' | 'Fact'> = {
  SUBJECT: 'Entity',
  OBJECT: 'Entity',
  IN_DISTRICT: 'Entity',
  NOMINATED_BY: 'Entity',
  DECIDED_BY: 'Entity',
  STATUS_OF: 'Fact',
  ON_BEHALF_OF: 'Entity',
};

const factPrefixes = new Set(['membership', 'candidacy', 'result', 'family']);

/** A claim's owner is a fact (candidacy, result, or a fact inside a record such as `…#status#1`) or an entity. */
function ownerLabelOf(id: string): 'Entity' | 'Fact' {
  return id.includes('#') || factPrefixes.has(id.split(':')[0] ?? '') ? 'Fact' : 'Entity';
}

/** The hand-written floor: CREATE (the database is known to be empty) in batches of `batchRows`, one auto-commit transaction each. */
async function writeRawRows(driver: Driver, rows: GraphRows, batchRows: number): Promise<number> {
  let transactions = 0;
  const run = async (cypher: string, list: readonly unknown[]) => {
    for (let i = 0; i < list.length; i += batchRows) {
      await driver.executeQuery(cypher, { rows: list.slice(i, i + batchRows) }, { routing: neo4j.routing.WRITE });
      transactions += 1;
    }
  };
  await run('UNWIND $rows AS r CREATE (s:Source) SET s = r.props, s.id = r.id', rows.sources);
  // Labels and types below come only from the fixed lists of src/dataset/to-graph.ts.
  for (const label of entityLabels) await run(`UNWIND $rows AS r CREATE (n:Entity:${label}) SET n = r.props, n.id = r.id`, rows.entities[label]);
  for (const label of factLabels) await run(`UNWIND $rows AS r CREATE (f:Fact:${label}) SET f = r.props, f.id = r.id`, rows.facts[label]);
  await run('UNWIND $rows AS r CREATE (c:Claim) SET c = r.props, c.id = r.id', rows.claims);
  for (const owner of ['Entity', 'Fact'] as const) {
    await run(
      `UNWIND $rows AS r MATCH (c:Claim {id: r.from}) MATCH (o:${owner} {id: r.to}) CREATE (c)-[:CLAIM_OF]->(o)`,
      rows.claimLinks.filter((l) => ownerLabelOf(l.to) === owner),
    );
  }
  for (const type of linkTypes) {
    await run(`UNWIND $rows AS r MATCH (f:Fact {id: r.from}) MATCH (t:${linkTarget[type]} {id: r.to}) CREATE (f)-[l:${type}]->(t) SET l = r.props`, rows.links[type]);
  }
  for (const owner of ['Entity', 'Fact', 'Claim'] as const) {
    await run(
      `UNWIND $rows AS r MATCH (o:${owner} {id: r.owner}) MATCH (s:Source {id: r.source}) CREATE (o)-[:CITES {quote: r.quote, ord: r.ord}]->(s)`,
      rows.citations.filter((c) => c.ownerLabel === owner),
    );
  }
  for (const type of relationTypes) {
    await run(
      `UNWIND $rows AS r MATCH (a:Entity {id: r.from}) MATCH (b:Entity {id: r.to}) CREATE (a)-[x:${type}]->(b) SET x = r.props, x.id = r.id, x.derived = true`,
      rows.relations[type],
    );
  }
  return transactions;
}

/** Raw load of the same graph rows the product writes; only the database writes are timed. */
export async function loadRaw(driver: Driver, generator: NetworkGenerator, batchRecords: number, batchRows: number, log: Log): Promise<LoadReport> {
  const electionDates = new Map<string, string>();
  const report = { records: 0, nodes: 0, relationships: 0, transactions: 0, toGraphMs: 0, writeMs: 0 };
  const started = performance.now();
  for (const batch of batches(generator.chunks(), batchRecords)) {
    let t = performance.now();
    // Generated records are already in the validated (parsed) form, so the rows are those the product writes.
    const rows = datasetToGraph(asDataset(batch), { electionDates });
    addEventDateOrder(rows);
    report.toGraphMs += performance.now() - t;
    t = performance.now();
    report.transactions += await writeRawRows(driver, rows, batchRows);
    report.writeMs += performance.now() - t;
    const counts = rowCounts(rows);
    report.records += recordCount(batch);
    report.nodes += counts.nodes;
    report.relationships += counts.relationships;
    electionDatesOf(batch, electionDates);
    if (report.transactions % 200 === 0) log(`  raw load: ${report.records} records, ${report.relationships} relationships`);
  }
  const ms = performance.now() - started;
  return {
    method: `hand-written UNWIND … CREATE of the same rows, ${batchRows} rows per auto-commit transaction`,
    ...report,
    validateMs: 0,
    ms,
    recordsPerSecond: rate(report.records, report.writeMs),
    relationshipsPerSecond: rate(report.relationships, report.writeMs),
    writeRelationshipsPerSecond: rate(report.relationships, report.writeMs),
  };
}
