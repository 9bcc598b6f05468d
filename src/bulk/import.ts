// Bulk import: read a JSONL or CSV file, validate ALL of it (the dataset validator, against what the graph
// already holds), compare each record with the stored one, then write only what differs, in UNWIND batches,
// in ONE transaction or, too large for one, staged unseen in transactions sized by memory and published from a
// journal past one commit point: a file is imported whole or not at all, even when the process is killed (a publish
// cut off is finished by the next start or import), and importing it twice changes nothing.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ManagedTransaction } from 'neo4j-driver';
import { readFile } from 'node:fs/promises';
import { extname, relative } from 'node:path';
import { datasetOf, recordFromGraph, type CollectionRecord, type DatasetRecord } from '../dataset/from-graph.js';
import { recordFingerprints } from '../dataset/fingerprint.js';
import { datasetKeys, type Dataset, type DatasetKey } from '../dataset/schema.js';
import { datasetToGraph, entityLabels, factLabels, firstValue, type GraphRows } from '../dataset/to-graph.js';
import { citationLists, validateDataset, type ValidationIssue } from '../dataset/validate.js';
import type { LoadedRecord } from '../dataset/files.js';
import { existingCollections, idsReferencedBy, replaceReferences } from '../curation/engine.js';
import { OutcomeUnknownError, type Database } from '../neo4j/database.js';
import {
  applyJournal,
  applyRetractions,
  beginImportRun,
  claimImportRun,
  heartbeatImportRun,
  IMPORT_HEARTBEAT_STALE_MS,
  importRuns,
  markPublishing,
  publishSteps,
  removeImportRun,
  rowsBytes,
  runStagedSteps,
  stagedWriteSteps,
  TRANSACTION_SHARE,
  transactionMemoryLimit,
  writeJournal,
  type ImportRun,
  type RetractionRow,
} from '../repositories/bulk-repository.js';
import {
  claimSourceKeys,
  lockSourceKeysOf,
  pendingSourcesMatching,
  sourceKindsOf,
  sourceTextsOf,
  storedSourcesMatching,
} from '../repositories/source-repository.js';
import { documentMatch, type DocumentMatch } from '../domain/source-identity.js';
import { projectValueExceptions } from '../seed.js';
import {
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
  type RedirectRow,
} from '../repositories/curation-repository.js';
import { rowWork, writeSteps } from '../repositories/dataset-repository.js';
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
  /** Stored texts of the sources the file cites: its quotes are checked, and located, in these. */
  sourceTexts: Map<string, string>;
  /**
   * The file's sources not written because the graph (or the file, earlier) holds the same document under another
   * id: `id` in the file, `as` the kept source, which everything citing `id` cites instead; `stored` whether `as`
   * is the graph's (else an earlier source of the file).
   */
  sameSources: { id: string; as: string; stored: boolean; file: string; line: number | null; path: string }[];
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
function rowsOf(records: readonly CollectionRecord[], dates: ReadonlyMap<string, string>, sourceTexts: ReadonlyMap<string, string>): GraphRows[] {
  return [
    datasetToGraph(datasetOf(records.filter((r) => r.collection === 'elections')), { sourceTexts }),
    datasetToGraph(datasetOf(records.filter((r) => r.collection !== 'elections')), { electionDates: dates, sourceTexts }),
  ];
}

function fingerprintsOf(records: readonly CollectionRecord[], dates: ReadonlyMap<string, string>, sourceTexts: ReadonlyMap<string, string>): Map<string, string> {
  const ids = records.map((r) => r.record.id);
  const out = new Map<string, string>();
  for (const rows of rowsOf(records, dates, sourceTexts)) for (const [id, fp] of recordFingerprints(rows, ids)) if (fp !== '') out.set(id, fp);
  return out;
}

/**
 * The file's new sources (ids the graph has no source under) that are a document already held: by the graph under
 * another id (the same canonical URL, else the identical text: `documentMatch`, looked up in one round trip), or
 * by an earlier source of the file.
 */
async function sameDocuments(db: Database, sources: readonly LoadedRecord[], stored: ReadonlySet<string>): Promise<ImportPlan['sameSources']> {
  type Source = { id?: unknown; url?: unknown; text?: unknown };
  const fresh = sources.filter((r) => {
    const id = (r.value as Source | null)?.id;
    return typeof id === 'string' && !stored.has(id);
  });
  const matches = fresh.map((r) => {
    const v = r.value as Source;
    return documentMatch({ url: typeof v.url === 'string' ? v.url : null, text: typeof v.text === 'string' ? v.text : null });
  });
  const held = await db.readTransaction((tx) => storedSourcesMatching(tx, matches));
  const out: ImportPlan['sameSources'] = [];
  const seen = new Map<string, string>();
  for (const [i, r] of fresh.entries()) {
    const id = String((r.value as Source).id);
    const keys = [matches[i]!.url && `url:${matches[i]!.url}`, matches[i]!.sha256 && `text:${matches[i]!.sha256}`].filter((k): k is string => typeof k === 'string');
    const as = held[i] ?? keys.map((k) => seen.get(k)).find((x) => x !== undefined && x !== id) ?? null;
    if (as !== null && as !== id) out.push({ id, as, stored: held[i] === as, file: r.file, line: r.line, path: `sources[${r.index}].url` });
    else for (const k of keys) if (!seen.has(k)) seen.set(k, id);
  }
  return out;
}

/** A record whose citations of a source in `kept` cite the kept one instead (a copy where there are any). */
function citingKept(value: unknown, kept: ReadonlyMap<string, string>): unknown {
  const cites = (v: unknown) => citationLists(v, []).some((l) => l.value.some((c) => kept.has(String((c as { source?: unknown } | null)?.source))));
  if (!cites(value)) return value;
  const copy = structuredClone(value);
  for (const list of citationLists(copy, [])) {
    for (const c of list.value as { source?: unknown }[]) {
      const to = typeof c?.source === 'string' ? kept.get(c.source) : undefined;
      if (to !== undefined) c.source = to;
    }
  }
  return copy;
}

export interface PlanProgress {
  (phase: 'checking' | 'comparing', done: number, total: number): void;
}

/** Validates the whole file and works out what importing it would change; reads only. */
export async function planImport(db: Database, file: BulkFile, onProgress?: PlanProgress): Promise<ImportPlan> {
  const { loaded } = file;
  let records = datasetKeys.flatMap((k) => loaded.collections[k]);
  const plan: ImportPlan = { issues: [...loaded.issues], create: [], update: [], unchanged: 0, rebuild: [], retract: [], redirect: [], electionDates: new Map(), storedElectionDates: new Map(), lines: file.lines, sourceTexts: new Map(), sameSources: [] };

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

  // One document, one source (addSource's rule): a file's source the graph holds under another id, or that
  // the file gives twice, is not written; what cites it cites the kept one.
  plan.sameSources = await sameDocuments(db, loaded.collections.sources, lookup.sources);
  const givenTexts = new Map<string, string>();
  if (plan.sameSources.length > 0) {
    const kept = new Map(plan.sameSources.map((d) => [d.id, d.as]));
    for (const r of loaded.collections.sources) {
      const v = r.value as { id?: unknown; text?: unknown };
      if (typeof v.text === 'string') givenTexts.set(String(v.id), v.text);
    }
    loaded.collections.sources = loaded.collections.sources.filter((r) => !kept.has(String((r.value as { id?: unknown }).id)));
    records = datasetKeys.flatMap((k) => loaded.collections[k]);
    for (const r of records) r.value = citingKept(r.value, kept);
    // The stored ones among the kept sources are the graph's (the others are the file's own, defined in it).
    const fileSources = new Set(loaded.collections.sources.map((r) => String((r.value as { id?: unknown }).id)));
    for (const id of kept.values()) if (!fileSources.has(id)) lookup.sources.add(id);
  }

  // Every quote must be in its source's text: the file's own sources' texts, or the stored ones.
  plan.sourceTexts = await db.readTransaction((tx) => sourceTextsOf(tx, [...lookup.sources]));
  // A URL held with another text is a revised document, not this one: its quotes and locators would be read in
  // the wrong text. Refused; the stored source's text is revised with reviseSourceText.
  for (const same of plan.sameSources) {
    const given = givenTexts.get(same.id);
    const kept = plan.sourceTexts.get(same.as) ?? givenTexts.get(same.as);
    if (given !== undefined && kept !== undefined && given !== kept) {
      plan.issues.push({ file: same.file, line: same.line, path: same.path, code: 'DUPLICATE_ID', message: `${same.id} has the URL of source ${same.as}, whose text differs; revise that source's text (reviseSourceText) or give this one no url` });
    }
  }
  const validation = validateDataset(loaded, {
    existing: existingCollections(lookup),
    requireSourceTexts: false,
    sourceTexts: plan.sourceTexts,
    // Which citation rule applies to each stored source (src/domain/citation-rule.ts).
    sourceKinds: await db.readTransaction((tx) => sourceKindsOf(tx, [...lookup.sources])),
    // The exceptions the seed was validated with: an exported graph re-imports (the values it holds are the same).
    valueExceptions: await projectValueExceptions(),
  });
  plan.issues.push(...validation.issues.filter((i) => !loaded.issues.includes(i)));
  onProgress?.('checking', records.length, records.length);

  // Curation lines: well-formed, and about facts and entities the file or the graph holds.
  const fileRecordIds = new Set(records.map((r) => (r.value as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string'));
  const fileRows = validation.dataset ? datasetToGraph(validation.dataset, { sourceTexts: plan.sourceTexts }) : null;
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
  for (const e of validation.dataset.elections) dates.set(e.id, firstValue(e.date));
  plan.electionDates = dates;
  const fileFp = fingerprintsOf(fileRecords, dates, plan.sourceTexts);
  const storedFp = fingerprintsOf([...stored.values()], dates, plan.sourceTexts);
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
    return before?.collection === 'elections' && firstValue(before.record.date) !== firstValue(e.date);
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

/**
 * One line per source of the file recognised as a document already held (`plan.sameSources`), for people:
 * `people.jsonl:4 source:x is source:y, stored already`. Nothing else of the file's sources is said.
 */
export function describeSameSources(plan: Pick<ImportPlan, 'sameSources'>, cwd = process.cwd()): string[] {
  return plan.sameSources.map((s) => {
    const where = `${relative(cwd, s.file) || s.file}${s.line === null ? '' : `:${s.line}`}`;
    return `${where} ${s.id} is ${s.as}, ${s.stored ? 'stored already' : 'given earlier in the file'}`;
  });
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
   * `single`: the whole import in one transaction. `staged`: for files too large for one, staged in transactions
   * sized by the memory they need, where no reader sees them, then published from a journal (see the staging and
   * journal sections of src/repositories/bulk-repository.ts and docs/import-format.md). Unset: `single` when the
   * import's estimated transaction memory is within half of the database's limit, else `staged`.
   */
  mode?: 'single' | 'staged';
  /** Told which mode was taken (when `mode` is unset, the estimate chose). */
  onMode?: (mode: 'single' | 'staged') => void;
  /** At most this many rows a staging transaction (an upper bound; transactions are sized by memory anyway). */
  rowsPerTransaction?: number;
  /** Estimated bytes one import transaction may fill; default a quarter of db.memory.transaction.max. */
  transactionBudgetBytes?: number;
  /**
   * Told the rows the write covers (`total`) and how many of them are written so far (`done`, never more than
   * `total`). A transaction the driver retries counts from where its first attempt started again.
   */
  onProgress?: (done: number, total: number) => void;
  timeoutMs?: number;
}

/** A staged import failed; nothing of it was published and what it had staged was removed: the graph is as before. */
export class ImportUndoneError extends Error {
  override name = 'ImportUndoneError';
}

/**
 * A staged import failed and removing what it had staged failed too. Readers never see staged rows; they are
 * removed at the next start of the app or a CLI, or by the next import.
 */
export class ImportIncompleteError extends Error {
  override name = 'ImportIncompleteError';
}

export { isTransactionTooLarge } from '../neo4j/database.js';

interface PreparedImport {
  rows: GraphRows;
  /** Stored records (and their nested facts) whose derived relationships and claims are dropped first. */
  replaceIds: string[];
  changes: ChangeRow[];
}

function prepare(plan: ImportPlan, actor: string): PreparedImport {
  const writing = [...plan.create, ...plan.update.map((u) => u.after), ...plan.rebuild];
  // The file's elections sit in the same dataset, so its candidacies take their dates from them.
  const rows = datasetToGraph(datasetOf(writing), { electionDates: plan.electionDates, sourceTexts: plan.sourceTexts });
  const beforeRows = datasetToGraph(datasetOf(plan.update.map((u) => u.before)), { electionDates: plan.electionDates, sourceTexts: plan.sourceTexts });
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
  const mode = options.mode ?? ((await fitsOneTransaction(db, prepared, options)) ? 'single' : 'staged');
  options.onMode?.(mode);
  if (mode === 'staged') {
    await writeStaged(db, plan, prepared, options, timeout);
    return summarise(plan);
  }
  const total = rowWork(prepared.rows);
  options.onProgress?.(0, total);
  await db.writeTransaction(async (tx) => {
    await holdNewSources(tx, newSourceDocuments(plan));
    const progress = counter(total, options.onProgress);
    await replaceRecords(tx, prepared.rows, prepared.replaceIds, progress);
    await applyRetractions(tx, plan.retract);
    await writeRedirects(tx, plan.redirect);
    await recordChanges(tx, prepared.changes);
  }, timeout);
  return summarise(plan);
}

/**
 * The file's sources the import creates (after deduplication by the plan: each a document the graph did not hold
 * when the file was planned), with their documents' keys.
 */
function newSourceDocuments(plan: ImportPlan): { id: string; match: DocumentMatch }[] {
  return plan.create
    .filter((r) => r.collection === 'sources')
    .map((r) => {
      const v = r.record as { id: string; url?: unknown; text?: unknown };
      return { id: v.id, match: documentMatch({ url: typeof v.url === 'string' ? v.url : null, text: typeof v.text === 'string' ? v.text : null }) };
    });
}

/**
 * The plan dedupes sources in a read, before the write: addSource (or another import) may store one of the file's
 * documents in between. So the write transaction takes the documents' `SourceKey` locks (the ones addSource takes)
 * and looks again: a document stored meanwhile under another id, or claimed by an import that is publishing, fails
 * the import with nothing written (import the file again: the new plan cites the stored source). Held until the
 * commit, the locks make an addSource of the same document wait for the import and then find its source.
 */
async function holdNewSources(tx: ManagedTransaction, documents: readonly { id: string; match: DocumentMatch }[]): Promise<void> {
  if (documents.length === 0) return;
  const matches = documents.map((d) => d.match);
  await lockSourceKeysOf(tx, matches);
  const stored = await storedSourcesMatching(tx, matches);
  const pending = await pendingSourcesMatching(tx, matches);
  const clashes = documents.flatMap((d, i) => {
    const as = stored[i] ?? pending[i]?.id ?? null;
    return as !== null && as !== d.id ? [{ id: d.id, as }] : [];
  });
  if (clashes.length > 0) throw new SourceStoredMeanwhileError(clashes);
}

/**
 * Sources of the file that the graph came to hold under other ids between the plan and the write (another writer
 * added the same documents): the import wrote nothing. Planned again, the file cites the stored sources.
 */
export class SourceStoredMeanwhileError extends Error {
  override name = 'SourceStoredMeanwhileError';
  constructor(readonly clashes: readonly { id: string; as: string }[]) {
    super(
      `${clashes.map((c) => `source ${c.id} is now stored as ${c.as}`).join('; ')} (the same document, added by another writer after the file was ` +
        'checked); nothing was written: import the file again and it cites the stored source',
    );
  }
}

/** Whether the import's estimated transaction memory is within two shares of the limit (half of it, by default). */
async function fitsOneTransaction(db: Database, prepared: PreparedImport, options: WriteImportOptions): Promise<boolean> {
  const bytes = writeSteps(prepared.rows).reduce((n, step) => n + rowsBytes(step.rows), 0) + rowsBytes(prepared.changes);
  return bytes <= 2 * (await transactionBudget(db, options));
}

/** Adds up rows written and reports the sum, capped at `total` (what the bar promises). */
function counter(total: number, onProgress: WriteImportOptions['onProgress'], start = 0): (n: number) => void {
  let done = start;
  return (n) => {
    done += n;
    onProgress?.(Math.min(done, total), total);
  };
}

/** Ids of the nodes the rows write: what a staged import stages. */
function nodeIdsOf(rows: GraphRows): Set<string> {
  return new Set([
    ...entityLabels.flatMap((l) => rows.entities[l].map((n) => n.id)),
    ...factLabels.flatMap((l) => rows.facts[l].map((n) => n.id)),
    ...rows.claims.map((c) => c.id),
  ]);
}

/**
 * The staged scheme (see the staging and journal sections of src/repositories/bulk-repository.ts). Records the file
 * creates (but sources) are staged as nodes no read matches, in transactions sized by the memory they need; what
 * the publish does (labelling them, sources, updates of stored records, what links them to the live graph,
 * retractions, redirects, changes) is stored as journal batches beside them. One small transaction then marks the
 * run `publishing`: before that, a failure removes the staged nodes and the graph is as before; after it, the
 * batches are applied in order, one transaction each, and a run cut off is finished by the next start or import.
 */
async function writeStaged(db: Database, plan: ImportPlan, prepared: PreparedImport, options: WriteImportOptions, timeout: number): Promise<void> {
  // Whatever an earlier run left goes first (or, past its commit point, is finished).
  await removeAbandonedImports(db);
  const budget = await transactionBudget(db, options);
  // Staged records are turned into rows apart from the file's sources (published later), so the texts their
  // quotes are located in must include the texts the file itself brings, as one dataset would.
  const sourceTexts = new Map(plan.sourceTexts);
  for (const r of [...plan.create, ...plan.update.map((u) => u.after)]) {
    const text = r.collection === 'sources' ? (r.record as { text?: unknown }).text : undefined;
    if (typeof text === 'string') sourceTexts.set(r.record.id, text);
  }
  const context = { electionDates: plan.electionDates, sourceTexts };
  const stagedRecords = plan.create.filter((r) => r.collection !== 'sources');
  const publishedRecords = [...plan.create.filter((r) => r.collection === 'sources'), ...plan.update.map((u) => u.after), ...plan.rebuild];
  const stagedRows = datasetToGraph(datasetOf(stagedRecords), context);
  const publishedRows = datasetToGraph(datasetOf(publishedRecords), context);
  const staged = nodeIdsOf(stagedRows);
  const stagedChanges = prepared.changes.filter((c) => c.subjects.every((s) => staged.has(s)));
  const publishedChanges = prepared.changes.filter((c) => !stagedChanges.includes(c));
  const { steps, deferred } = stagedWriteSteps(stagedRows, staged, stagedChanges);
  const journal = publishSteps({
    stagedNodes: stagedNodeLabels(stagedRows, stagedChanges),
    replaceIds: prepared.replaceIds,
    published: publishedRows,
    deferred,
    retractions: plan.retract,
    redirects: plan.redirect,
    changes: publishedChanges,
  });
  const stagedWork = steps.reduce((n, s) => n + s.rows.length, 0);
  const total = stagedWork + journal.reduce((n, s) => n + s.rows.length, 0);
  const progress = counter(total, options.onProgress);
  options.onProgress?.(0, total);

  const importId = randomUUID();
  await beginImportRun(db, importId);
  const heartbeat = setInterval(() => void heartbeatImportRun(db, importId).catch(() => undefined), 20_000);
  heartbeat.unref();
  let decided = false;
  try {
    await runStagedSteps(db, importId, steps, budget, options.rowsPerTransaction ?? Number.POSITIVE_INFINITY, progress, timeout);
    const batches = await writeJournal(db, importId, journal, budget, timeout);
    const documents = newSourceDocuments(plan);
    try {
      // The sources are written by journal batches after this point, in other transactions: the documents are
      // checked under their locks here, and claimed for this run until it is published (pendingSourcesMatching).
      await markPublishing(db, importId, batches, async (tx) => {
        await holdNewSources(tx, documents);
        await claimSourceKeys(tx, importId, documents);
      });
    } catch (error) {
      // The commit point's own answer was lost: whether the run is publishing decides which way it goes.
      if (!(error instanceof OutcomeUnknownError) || !(await importRuns(db)).some((r) => r.id === importId && r.publishing)) throw error;
    }
    decided = true;
    await applyJournal(db, importId, progress, timeout);
  } catch (error) {
    clearInterval(heartbeat);
    const reason = describeError(error);
    if (decided) {
      throw new ImportIncompleteError(
        `the import was being published when this failed: ${reason}. It is decided and partly in the graph; the rest is recorded ` +
          'in its journal and is published by the next start of the app, or the next import (or run the same import again)',
      );
    }
    try {
      await removeImportRun(db, importId);
    } catch (cleanupError) {
      throw new ImportIncompleteError(
        `the staged import failed (${reason}) and removing what it had staged failed too (${describeError(cleanupError)}): ` +
          'readers do not see staged rows; they are removed at the next start or import',
      );
    }
    if (error instanceof SourceStoredMeanwhileError) throw error;
    throw new ImportUndoneError(`the staged import failed and nothing of it was published (its staged rows were removed): ${reason}`);
  } finally {
    clearInterval(heartbeat);
  }
}

/** Each staged node's id and the labels it is published with (what `stagedWriteSteps` staged). */
function stagedNodeLabels(rows: GraphRows, changes: readonly ChangeRow[]): { id: string; labels: string[] }[] {
  return [
    ...entityLabels.flatMap((l) => rows.entities[l].map((n) => ({ id: n.id, labels: ['Entity', l] }))),
    ...factLabels.flatMap((l) => rows.facts[l].map((n) => ({ id: n.id, labels: ['Fact', l] }))),
    ...rows.claims.map((c) => ({ id: c.id, labels: ['Claim'] })),
    ...changes.map((c) => ({ id: c.id, labels: ['Change'] })),
  ];
}

/** Estimated bytes one import transaction may fill: a share of the database's transaction memory limit. */
async function transactionBudget(db: Database, options: WriteImportOptions): Promise<number> {
  return options.transactionBudgetBytes ?? Math.floor(TRANSACTION_SHARE * (await transactionMemoryLimit(db)));
}

/**
 * Removes what interrupted staged imports left (runs whose process is gone, or silent for too long, and staged
 * nodes of no run), and finishes the publish of such a run that was past its commit point: called after
 * migrations at every start, and before every staged import. A run whose journal cannot be applied is left as it
 * is and reported in `failed` (it is tried again at the next start).
 */
export async function removeAbandonedImports(db: Database): Promise<{ runs: number; nodes: number; finished: number; failed: string[] }> {
  const abandoned = (await importRuns(db)).filter(isAbandoned);
  let nodes = 0;
  let finished = 0;
  const failed: string[] = [];
  for (const run of abandoned) {
    if (!run.publishing) {
      nodes += await removeImportRun(db, run.id);
      continue;
    }
    if (!(await claimImportRun(db, run))) continue;
    const heartbeat = setInterval(() => void heartbeatImportRun(db, run.id).catch(() => undefined), 20_000);
    heartbeat.unref();
    try {
      await applyJournal(db, run.id, () => undefined, 600_000);
      finished += 1;
    } catch (error) {
      failed.push(`import ${run.id}: ${describeError(error)}`);
    } finally {
      clearInterval(heartbeat);
    }
  }
  if (failed.length === 0) nodes += await removeImportRun(db, null);
  return { runs: abandoned.length, nodes, finished, failed };
}

/**
 * What went wrong, for a person: a database error with its code (`Neo.TransientError.General.
 * MemoryPoolOutOfMemoryError: ...`), an OutcomeUnknownError with the cause it wraps.
 */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && code.startsWith('Neo.') && !message.includes(code) ? `${code}: ${message}` : message;
}

function isAbandoned(run: ImportRun): boolean {
  if (run.host === hostname() && run.pid !== process.pid) {
    try {
      process.kill(run.pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
    }
  }
  const beat = Date.parse(run.heartbeatAt);
  return Number.isNaN(beat) || Date.now() - beat > IMPORT_HEARTBEAT_STALE_MS;
}
