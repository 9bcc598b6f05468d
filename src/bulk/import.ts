// Bulk import: read a JSONL or CSV file, validate ALL of it (the dataset validator, against what the graph
// already holds), compare each record with the stored one, then write only what differs, in UNWIND batches,
// in ONE transaction: a file is imported whole or not at all, and importing it twice changes nothing.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { datasetOf, recordFromGraph, type CollectionRecord, type DatasetRecord } from '../dataset/from-graph.js';
import { recordFingerprints } from '../dataset/fingerprint.js';
import { datasetKeys, type Dataset, type DatasetKey } from '../dataset/schema.js';
import { datasetToGraph, factLabels, type GraphRows } from '../dataset/to-graph.js';
import { validateDataset, type ValidationIssue } from '../dataset/validate.js';
import { existingCollections, idsReferencedBy, replaceReferences } from '../curation/engine.js';
import type { Database } from '../neo4j/database.js';
import { applyRetractions, type RetractionRow } from '../repositories/bulk-repository.js';
import {
  changeSteps,
  dropDerivedSteps,
  electionDates,
  factsOfElections,
  lookupIds,
  readStoredRecords,
  recordChanges,
  replaceRecords,
  retractedAmong,
  writeRedirects,
  type ChangeRow,
  type IdLookup,
  undoChangeSteps,
  undoCreationSteps,
  type RedirectRow,
} from '../repositories/curation-repository.js';
import { rowWork, runStepsInStages, writeSteps, type WriteStep } from '../repositories/dataset-repository.js';
import { collectionFromFileName, readCsv } from './csv.js';
import { readJsonl, RedirectLine, RetractionLine, type BulkFile } from './format.js';

export type BulkFormat = 'jsonl' | 'csv';

export interface ReadOptions {
  format?: BulkFormat;
  /** For CSV: the collection the rows belong to (else taken from the file name). */
  collection?: DatasetKey;
}

/** Reads a bulk file; problems with its syntax become issues (with lines), never exceptions. */
export async function readBulkFile(path: string, options: ReadOptions = {}): Promise<BulkFile> {
  const text = await readFile(path, 'utf8');
  const format = options.format ?? (extname(path).toLowerCase() === '.csv' ? 'csv' : 'jsonl');
  if (format === 'jsonl') return readJsonl(text, path);
  const collection = options.collection ?? collectionFromFileName(path, datasetKeys);
  if (!collection) throw new Error(`which collection does ${path} hold? Name it after one (people.csv, memberships.csv...) or pass --collection`);
  return readCsv(text, path, collection);
}

export interface ImportPlan {
  issues: ValidationIssue[];
  /** Records not in the graph yet. */
  create: CollectionRecord[];
  /** Records whose stored version differs, with that version. */
  update: { before: CollectionRecord; after: CollectionRecord }[];
  unchanged: number;
  /** Stored candidacies and results re-written because the file re-dates their election. */
  rebuild: CollectionRecord[];
  retract: RetractionRow[];
  redirect: RedirectRow[];
  /** Election dates the rows were computed with (the file's where it has the election). */
  electionDates: Map<string, string>;
  /** The stored dates of those elections: what undoing a staged import restores. */
  storedElectionDates: Map<string, string>;
  /** Lines (or rows) read. */
  lines: number;
}

const LOOKUP_BATCH = 5_000;
const READ_BATCH = 500;

async function lookupAll(db: Database, ids: readonly string[]): Promise<IdLookup> {
  const all: IdLookup = { entities: new Map(), sources: new Set(), facts: new Set(), redirects: new Map() };
  for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
    const part = await db.readTransaction((tx) => lookupIds(tx, ids.slice(i, i + LOOKUP_BATCH)));
    part.entities.forEach((v, k) => all.entities.set(k, v));
    part.sources.forEach((v) => all.sources.add(v));
    part.facts.forEach((v) => all.facts.add(v));
    part.redirects.forEach((v, k) => all.redirects.set(k, v));
  }
  return all;
}

async function storedRecords(db: Database, ids: readonly string[], onProgress?: (done: number) => void): Promise<Map<string, CollectionRecord>> {
  const out = new Map<string, CollectionRecord>();
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    const stored = await db.readTransaction((tx) => readStoredRecords(tx, ids.slice(i, i + READ_BATCH)), 600_000);
    for (const [id, record] of stored) {
      const parsed = recordFromGraph(record);
      if (parsed) out.set(id, parsed);
    }
    onProgress?.(Math.min(ids.length, i + READ_BATCH));
  }
  return out;
}

function recordsOf(dataset: Dataset): CollectionRecord[] {
  return datasetKeys.flatMap((collection) => (dataset[collection] as DatasetRecord[]).map((record) => ({ collection, record }) as CollectionRecord));
}

/**
 * Rows of records, elections apart from the rest: a candidacy's rows then depend on the `dates` given, not on
 * which version of its election happens to sit in the same batch, so stored and file versions compare fairly.
 */
function rowsOf(records: readonly CollectionRecord[], dates: ReadonlyMap<string, string>): GraphRows[] {
  return [
    datasetToGraph(datasetOf(records.filter((r) => r.collection === 'elections'))),
    datasetToGraph(datasetOf(records.filter((r) => r.collection !== 'elections')), { electionDates: dates }),
  ];
}

function fingerprintsOf(records: readonly CollectionRecord[], dates: ReadonlyMap<string, string>): Map<string, string> {
  const ids = records.map((r) => r.record.id);
  const out = new Map<string, string>();
  for (const rows of rowsOf(records, dates)) for (const [id, fp] of recordFingerprints(rows, ids)) if (fp !== '') out.set(id, fp);
  return out;
}

export interface PlanProgress {
  (phase: 'checking' | 'comparing', done: number, total: number): void;
}

/** Validates the whole file and works out what importing it would change; reads only. */
export async function planImport(db: Database, file: BulkFile, onProgress?: PlanProgress): Promise<ImportPlan> {
  const { loaded } = file;
  const records = datasetKeys.flatMap((k) => loaded.collections[k]);
  const plan: ImportPlan = { issues: [...loaded.issues], create: [], update: [], unchanged: 0, rebuild: [], retract: [], redirect: [], electionDates: new Map(), storedElectionDates: new Map(), lines: file.lines };

  // What the file refers to and defines, as the graph knows it.
  const referenced = new Set<string>();
  for (const r of records) {
    for (const id of idsReferencedBy({ collection: r.collection, record: r.value } as CollectionRecord)) referenced.add(id);
    const id = (r.value as { id?: unknown } | null)?.id;
    if (typeof id === 'string') referenced.add(id);
  }
  for (const c of file.curation) {
    const v = c.value as Record<string, unknown>;
    for (const key of ['fact', 'from', 'to']) if (typeof v[key] === 'string') referenced.add(v[key]);
  }
  onProgress?.('checking', 0, records.length);
  const lookup = await lookupAll(db, [...referenced]);

  // References to merged-away ids resolve to the kept entity, as everywhere; a record may not take such an id.
  for (const r of records) {
    const id = (r.value as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && lookup.redirects.has(id)) {
      plan.issues.push({ file: r.file, line: r.line, path: `${r.collection}[${r.index}].id`, code: 'DUPLICATE_ID', message: `${id} was merged into ${lookup.redirects.get(id)}; write that id instead` });
    }
    if (lookup.redirects.size > 0) r.value = replaceReferences({ collection: r.collection, record: r.value } as CollectionRecord, lookup.redirects).record;
  }
  if (lookup.redirects.size > 0) {
    const targets = await lookupAll(db, [...new Set(lookup.redirects.values())]);
    targets.entities.forEach((v, k) => lookup.entities.set(k, v));
  }

  const validation = validateDataset(loaded, { existing: existingCollections(lookup), requireSourceTexts: false });
  plan.issues.push(...validation.issues.filter((i) => !loaded.issues.includes(i)));
  onProgress?.('checking', records.length, records.length);

  // Curation lines: well-formed, and about facts and entities the file or the graph holds.
  const fileRecordIds = new Set(records.map((r) => (r.value as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string'));
  const fileRows = validation.dataset ? datasetToGraph(validation.dataset) : null;
  const fileFacts = new Set(fileRows ? factLabels.flatMap((l) => fileRows.facts[l].map((f) => f.id)) : []);
  const retractionLines: RetractionLine[] = [];
  const redirectLines: RedirectLine[] = [];
  for (const c of file.curation) {
    const issue = (path: string, message: string, code: ValidationIssue['code'] = 'SCHEMA') => plan.issues.push({ file: c.file, line: c.line, path: `${c.collection}.${path}`.replace(/\.$/, ''), code, message });
    if (c.collection === 'retractions') {
      const parsed = RetractionLine.safeParse(c.value);
      if (!parsed.success) parsed.error.issues.forEach((i) => issue(i.path.join('.'), i.message));
      else if (!fileFacts.has(parsed.data.fact) && !lookup.facts.has(parsed.data.fact)) issue('fact', `fact refers to ${parsed.data.fact}, which is not defined anywhere`, 'DANGLING_REFERENCE');
      else retractionLines.push(parsed.data);
    } else {
      const parsed = RedirectLine.safeParse(c.value);
      if (!parsed.success) parsed.error.issues.forEach((i) => issue(i.path.join('.'), i.message));
      else if (fileRecordIds.has(parsed.data.from) || lookup.entities.has(parsed.data.from)) issue('from', `${parsed.data.from} is a record; only merged-away ids redirect`, 'DUPLICATE_ID');
      else if (!fileRecordIds.has(parsed.data.to) && !lookup.entities.has(parsed.data.to) && !fileFacts.has(parsed.data.to) && !lookup.facts.has(parsed.data.to)) {
        issue('to', `to refers to ${parsed.data.to}, which is not defined anywhere`, 'DANGLING_REFERENCE');
      } else redirectLines.push(parsed.data);
    }
  }
  plan.issues.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : (a.line ?? Infinity) - (b.line ?? Infinity)));
  if (plan.issues.length > 0 || !validation.dataset) return plan;

  // Compare with what is stored: only records that would write something different are written.
  const fileRecords = recordsOf(validation.dataset);
  const ids = fileRecords.map((r) => r.record.id);
  const stored = await storedRecords(db, ids.filter((id) => lookup.entities.has(id) || lookup.facts.has(id) || lookup.sources.has(id)), (done) =>
    onProgress?.('comparing', done, ids.length),
  );
  const electionRefs = fileRecords.flatMap((r) => (r.collection === 'candidacies' || r.collection === 'partyResults' ? idsReferencedBy(r) : []));
  const dates = await db.readTransaction((tx) => electionDates(tx, [...electionRefs, ...validation.dataset!.elections.map((e) => e.id)]));
  plan.storedElectionDates = new Map(dates);
  for (const e of validation.dataset.elections) dates.set(e.id, e.date);
  plan.electionDates = dates;
  const fileFp = fingerprintsOf(fileRecords, dates);
  const storedFp = fingerprintsOf([...stored.values()], dates);
  for (const r of fileRecords) {
    const before = stored.get(r.record.id);
    if (!before) plan.create.push(r);
    else if (fileFp.get(r.record.id) !== storedFp.get(r.record.id)) plan.update.push({ before, after: r });
    else plan.unchanged += 1;
  }
  onProgress?.('comparing', ids.length, ids.length);

  // Candidacies and results of re-dated elections carry the new date in their relations: rebuild them.
  const redated = validation.dataset.elections.filter((e) => {
    const before = stored.get(e.id);
    return before?.collection === 'elections' && before.record.date !== e.date;
  });
  if (redated.length > 0) {
    const writing = new Set([...plan.create, ...plan.update.map((u) => u.after)].map((r) => r.record.id));
    const dependants = (await db.readTransaction((tx) => factsOfElections(tx, redated.map((e) => e.id)))).filter((id) => !writing.has(id));
    const fileById = new Map(fileRecords.map((r) => [r.record.id, r]));
    const storedDependants = await storedRecords(db, dependants.filter((id) => !fileById.has(id)));
    plan.rebuild = dependants.flatMap((id) => {
      const record = fileById.get(id) ?? storedDependants.get(id);
      return record ? [record] : [];
    });
  }

  const alreadyRetracted = await db.readTransaction((tx) => retractedAmong(tx, retractionLines.map((r) => r.fact)));
  plan.retract = retractionLines.filter((r) => !alreadyRetracted.has(r.fact));
  plan.redirect = redirectLines.filter((r) => lookup.redirects.get(r.from) !== r.to).map((r) => ({ id: r.from, to: r.to, at: r.at, actor: r.actor }));
  return plan;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  rebuilt: number;
  retracted: number;
  redirected: number;
  /** Per collection: created and updated records. */
  byCollection: Partial<Record<DatasetKey, { created: number; updated: number }>>;
}

export function summarise(plan: ImportPlan): ImportSummary {
  const byCollection: ImportSummary['byCollection'] = {};
  for (const r of plan.create) (byCollection[r.collection] ??= { created: 0, updated: 0 }).created += 1;
  for (const u of plan.update) (byCollection[u.after.collection] ??= { created: 0, updated: 0 }).updated += 1;
  return {
    created: plan.create.length,
    updated: plan.update.length,
    unchanged: plan.unchanged,
    rebuilt: plan.rebuild.length,
    retracted: plan.retract.length,
    redirected: plan.redirect.length,
    byCollection,
  };
}

export interface WriteImportOptions {
  actor: string;
  /**
   * `single` (the default): the whole import in one transaction. `staged`: in transactions of about
   * `rowsPerTransaction` rows, for files too large for one; should any fail, the stages already committed are
   * undone (see docs/import-format.md).
   */
  mode?: 'single' | 'staged';
  rowsPerTransaction?: number;
  /** Told the total number of rows to write, then after each batch how many it wrote. */
  onStart?: (totalRows: number) => void;
  onRows?: (count: number) => void;
  timeoutMs?: number;
}

/** A staged import failed; what it had committed was removed again, so the graph is as before. */
export class ImportUndoneError extends Error {
  override name = 'ImportUndoneError';
}

/** A staged import failed and so did undoing it: the graph holds part of the file until it is imported again. */
export class ImportIncompleteError extends Error {
  override name = 'ImportIncompleteError';
}

/** Whether the database refused a transaction for its size (NEO4J_TX_MEMORY / db.memory.transaction.max). */
export function isTransactionTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' || /db\.memory\.transaction\.max/.test(message);
}

interface PreparedImport {
  rows: GraphRows;
  /** Stored records (and their nested facts) whose derived relationships and claims are dropped first. */
  replaceIds: string[];
  changes: ChangeRow[];
}

function prepare(plan: ImportPlan, actor: string): PreparedImport {
  const writing = [...plan.create, ...plan.update.map((u) => u.after), ...plan.rebuild];
  // The file's elections sit in the same dataset, so its candidacies take their dates from them.
  const rows = datasetToGraph(datasetOf(writing), { electionDates: plan.electionDates });
  const beforeRows = datasetToGraph(datasetOf(plan.update.map((u) => u.before)), { electionDates: plan.electionDates });
  // Only stored records have derived relationships and claims to drop first; new ones have none.
  const storedIds = [...plan.update.map((u) => u.after.record.id), ...plan.rebuild.map((r) => r.record.id)];
  const owners = new Set(storedIds);
  const replaceIds = [...new Set([...storedIds, ...nestedIdsOf([rows, beforeRows], owners)])];
  const at = new Date().toISOString();
  const change = (row: Omit<ChangeRow, 'id' | 'at' | 'actor'>): ChangeRow => ({ ...row, id: `change:${randomUUID()}`, at, actor });
  const changes: ChangeRow[] = [
    ...plan.create.map((r) => change({ operation: 'import', targetId: r.record.id, before: null, after: JSON.stringify(r.record), reason: null, subjects: [r.record.id] })),
    ...plan.update.map((u) =>
      change({ operation: 'import', targetId: u.after.record.id, before: JSON.stringify(u.before.record), after: JSON.stringify(u.after.record), reason: null, subjects: [u.after.record.id] }),
    ),
    ...plan.retract.map((r) =>
      change({ operation: 'import', targetId: r.fact, before: JSON.stringify({ retraction: null }), after: JSON.stringify({ retraction: { reason: r.reason, actor: r.actor, at: r.at } }), reason: r.reason, subjects: [r.fact] }),
    ),
    ...plan.redirect.map((r) => change({ operation: 'import', targetId: r.to, before: null, after: JSON.stringify({ redirect: { from: r.id, to: r.to } }), reason: null, subjects: [r.to] })),
  ];
  return { rows, replaceIds, changes };
}

/** Ids of the nested facts (`x#kind#n`) in the rows that belong to one of `owners`. */
function nestedIdsOf(rows: readonly GraphRows[], owners: ReadonlySet<string>): string[] {
  return rows
    .flatMap((g) => factLabels.flatMap((l) => g.facts[l].map((f) => f.id)))
    .filter((id) => id.includes('#') && owners.has(id.slice(0, id.indexOf('#'))));
}

/** Writes a plan without issues: records, retractions, redirects and their changes, all or nothing. */
export async function writeImport(db: Database, plan: ImportPlan, options: WriteImportOptions): Promise<ImportSummary> {
  if (plan.issues.length > 0) throw new Error('refusing to write an import with issues');
  const prepared = prepare(plan, options.actor);
  const timeout = options.timeoutMs ?? 600_000;
  if (options.mode === 'staged') {
    await writeStaged(db, plan, prepared, options, timeout);
    return summarise(plan);
  }
  options.onStart?.(rowWork(prepared.rows));
  await db.writeTransaction(async (tx) => {
    await replaceRecords(tx, prepared.rows, prepared.replaceIds, options.onRows);
    await applyRetractions(tx, plan.retract);
    await writeRedirects(tx, plan.redirect);
    await recordChanges(tx, prepared.changes);
  }, timeout);
  return summarise(plan);
}

/**
 * The staged scheme: the same statements, committed every `rowsPerTransaction` rows; retractions and redirects
 * in a last small transaction. If anything fails, the committed stages are undone: records the import created
 * are removed, stored records it replaced are written back as they were, its changes are dropped.
 */
async function writeStaged(db: Database, plan: ImportPlan, prepared: PreparedImport, options: WriteImportOptions, timeout: number): Promise<void> {
  const perTransaction = options.rowsPerTransaction ?? 20_000;
  const steps = [...dropDerivedSteps(prepared.replaceIds), ...writeSteps(prepared.rows), ...changeSteps(prepared.changes)];
  options.onStart?.(steps.reduce((n, s) => n + s.rows.length, 0));
  try {
    await runStepsInStages(db, steps, perTransaction, options.onRows, timeout);
    await db.writeTransaction(async (tx) => {
      await applyRetractions(tx, plan.retract);
      await writeRedirects(tx, plan.redirect);
    }, timeout);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    try {
      await runStepsInStages(db, undoSteps(plan, prepared), perTransaction, undefined, timeout);
    } catch (undoError) {
      throw new ImportIncompleteError(
        `the staged import failed (${reason}) and undoing it failed too (${undoError instanceof Error ? undoError.message : String(undoError)}): ` +
          'the graph holds part of the file; import the same file again to complete it',
      );
    }
    throw new ImportUndoneError(`the staged import failed and what it had written was undone: ${reason}`);
  }
}

function undoSteps(plan: ImportPlan, prepared: PreparedImport): WriteStep[] {
  const stored = [...plan.update.map((u) => u.before), ...plan.rebuild];
  const beforeRows = datasetToGraph(datasetOf(stored), { electionDates: plan.storedElectionDates });
  const owners = new Set(stored.map((r) => r.record.id));
  const before = new Set(nestedIdsOf([beforeRows], owners));
  // Nested facts only the new versions had (a party name the file added) go with what the import created.
  const added = nestedIdsOf([prepared.rows], owners).filter((id) => !before.has(id));
  return [
    ...undoChangeSteps(prepared.changes.map((c) => c.id)),
    ...undoCreationSteps([...plan.create.map((r) => r.record.id), ...added]),
    ...dropDerivedSteps(prepared.replaceIds),
    ...writeSteps(beforeRows),
  ];
}
