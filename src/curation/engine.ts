// How every mutation writes: in one transaction, lock the records it edits, read them back as dataset records,
// build their new versions, validate them with the dataset's own validator, write them through datasetToGraph
// (so ids, labels and derived relationships are exactly the seed's), and record each change in the audit trail.
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { belongsTo, recordFingerprints } from '../dataset/fingerprint.js';
import { datasetOf, recordFromGraph, type CollectionRecord, type DatasetRecord } from '../dataset/from-graph.js';
import type { LoadedDataset, LoadedRecord } from '../dataset/files.js';
import { datasetKeys, idPattern, type DatasetKey } from '../dataset/schema.js';
import { datasetToGraph, factLabels, firstValue } from '../dataset/to-graph.js';
import { referencesIn, validateDataset, type IssueCode, type Segment } from '../dataset/validate.js';
import type { Database } from '../neo4j/database.js';
import { sourceKindsOf, sourceTextsOf } from '../repositories/source-repository.js';
import { projectValueExceptions } from '../seed.js';
import {
  collectionOfKind,
  electionDates,
  factsOfElections,
  lockNodes,
  lookupIds,
  missingEntities,
  readStoredRecords,
  recordChanges,
  releaseLocks,
  replaceRecords,
  type ChangeRecord,
  type ChangeRow,
  type IdLookup,
  type Lock,
} from '../repositories/curation-repository.js';
import { claimIdempotencyRecord, completeIdempotencyRecord } from '../repositories/idempotency-repository.js';
import { currentIdempotency, idempotencyRecordId, IdempotencyKeyReusedError } from './idempotency.js';

/** Codes of the `errors` a payload carries for input the graph refuses. */
export type UserErrorCode =
  | 'INVALID'
  | 'MISSING_CITATION'
  | 'UNKNOWN_SOURCE'
  | 'QUOTE_NOT_IN_SOURCE'
  | 'QUOTE_REQUIRED'
  | 'QUOTE_TOO_SHORT'
  | 'LOCATOR_REQUIRED'
  | 'LOCATOR_NOT_IN_SOURCE'
  | 'SOURCE_NOT_CITABLE'
  | 'PASSAGE_CHANGED'
  | 'VALUE_NOT_STATED'
  | 'DANGLING_REFERENCE'
  | 'WRONG_REFERENCE_KIND'
  | 'DUPLICATE_ID'
  | 'BAD_ID_PREFIX'
  | 'BAD_DATE'
  | 'BAD_DATE_RANGE'
  | 'NOT_FOUND'
  | 'WRONG_KIND'
  | 'MERGED'
  | 'ALREADY_RETRACTED'
  | 'NOT_RETRACTED'
  | 'RETRACTED'
  | 'CONFLICT';

export interface UserError {
  /** Path of the input field at fault (`citations[0].source`), or null when the input as a whole is. */
  field: string | null;
  code: UserErrorCode;
  message: string;
}

/** Thrown inside the transaction to roll it back; the mutation answers with these errors. */
export class EditRefused extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'EditRefused';
  }
}

export function refuse(field: string | null, code: UserErrorCode, message: string): never {
  throw new EditRefused([{ field, code, message }]);
}

const issueCodes: Record<IssueCode, UserErrorCode> = {
  SCHEMA: 'INVALID',
  YAML: 'INVALID',
  SYNTAX: 'INVALID',
  UNKNOWN_SOURCE: 'UNKNOWN_SOURCE',
  QUOTE_NOT_IN_SOURCE: 'QUOTE_NOT_IN_SOURCE',
  QUOTE_REQUIRED: 'QUOTE_REQUIRED',
  QUOTE_TOO_SHORT: 'QUOTE_TOO_SHORT',
  LOCATOR_REQUIRED: 'LOCATOR_REQUIRED',
  LOCATOR_NOT_IN_SOURCE: 'LOCATOR_NOT_IN_SOURCE',
  SOURCE_NOT_CITABLE: 'SOURCE_NOT_CITABLE',
  VALUE_NOT_STATED: 'VALUE_NOT_STATED',
  DANGLING_REFERENCE: 'DANGLING_REFERENCE',
  WRONG_REFERENCE_KIND: 'WRONG_REFERENCE_KIND',
  DUPLICATE_ID: 'DUPLICATE_ID',
  BAD_ID_PREFIX: 'BAD_ID_PREFIX',
  BAD_DATE: 'BAD_DATE',
  BAD_DATE_RANGE: 'BAD_DATE_RANGE',
  MISSING_CITATION: 'MISSING_CITATION',
};

/** A new version of one record, and the one it replaces (null when it is new). */
export interface RecordWrite {
  after: CollectionRecord;
  before: CollectionRecord | null;
}

/** What a mutation's plan step works with, inside the transaction. */
export interface EditScope {
  tx: ManagedTransaction;
  actor: string;
  at: string;
  /** Locks nodes (see lockNodes); returns the ids that already exist as records. */
  lock: (locks: Lock[]) => Promise<Set<string>>;
  /** Records by id, as dataset records; missing ids are absent. */
  read: (ids: readonly string[]) => Promise<Map<string, CollectionRecord>>;
  lookup: (ids: readonly string[]) => Promise<IdLookup>;
  /** Records changes that are no record writes (retractions, merges); they join the mutation's changes. */
  audit: (rows: Omit<ChangeRow, 'id' | 'at' | 'actor'>[]) => Promise<ChangeRecord[]>;
}

export interface EditOutcome<T> {
  value: T;
  changes: ChangeRecord[];
}

export interface WriteOptions {
  operation: string;
  reason?: string | null;
  /** Maps a validation issue's path inside a record (`parties[2].entity`) to the input field it came from. */
  fieldOf?: (record: CollectionRecord, path: string) => string | null;
  /** Ids of nodes (old nested facts of a merged-away entity...) whose relations must be rebuilt too. */
  alsoReplace?: string[];
  /** Records whose change the caller records itself (a merge records the kept entity's with both befores). */
  unaudited?: string[];
}

/**
 * Runs one mutation as one write transaction (retried as a whole on transient errors): `plan` locks and reads
 * what it needs and returns its value; everything it passes to `write` is validated and written in the same
 * transaction. An EditRefused thrown anywhere rolls everything back and becomes the payload's errors.
 *
 * Made with an Idempotency-Key (src/curation/idempotency.ts), the transaction first claims the key's record: one
 * already committed answers its stored outcome and nothing is written (a different request under that key is
 * refused); otherwise the outcome is stored in the record before the commit, so record and write commit together.
 */
export async function runEdit<T>(
  db: Database,
  actor: string,
  plan: (scope: EditScope, write: (writes: RecordWrite[], options: WriteOptions) => Promise<ChangeRecord[]>) => Promise<T>,
): Promise<EditOutcome<T> | { errors: UserError[] }> {
  const idempotency = currentIdempotency();
  try {
    return await db.writeTransaction(
      async (tx) => {
        if (idempotency) {
          const prior = await claimIdempotencyRecord(tx, idempotencyRecordId(idempotency), idempotency.caller, idempotency.requestHash);
          if (prior) {
            if (prior.requestHash !== idempotency.requestHash) throw new IdempotencyKeyReusedError(idempotency.key);
            return JSON.parse(prior.outcome) as EditOutcome<T>;
          }
        }
        const locks: Lock[] = [];
        const changes: ChangeRecord[] = [];
        // The moment is taken when first needed, after the plan has locked what it edits: writes of one record
        // then get their times in the order they commit (docs/curation.md, "Audit trail").
        let at: string | null = null;
        const now = () => (at ??= new Date().toISOString());
        const scope: EditScope = {
          tx,
          actor,
          get at() {
            return now();
          },
          lock: async (more) => {
            locks.push(...more);
            return lockNodes(tx, more);
          },
          read: (ids) => readRecords(tx, ids),
          lookup: (ids) => lookupIds(tx, ids),
          audit: async (rows) => {
            const complete = rows.map((row) => ({ ...row, id: `change:${randomUUID()}`, at: now(), actor }));
            await recordChanges(tx, complete);
            const recorded = complete.map(({ subjects: _subjects, ...change }) => change);
            changes.push(...recorded);
            return recorded;
          },
        };
        const write = (writes: RecordWrite[], options: WriteOptions) => writeRecords(scope, writes, options);
        const value = await plan(scope, write);
        await releaseLocks(tx, locks);
        const outcome: EditOutcome<T> = { value, changes };
        if (idempotency) await completeIdempotencyRecord(tx, idempotencyRecordId(idempotency), JSON.stringify(outcome), now());
        return outcome;
      },
      undefined,
      // With a key, a retry after a COMMIT cut off mid-way finds the record if that attempt committed.
      { repeatable: idempotency !== undefined },
    );
  } catch (error) {
    if (error instanceof EditRefused) return { errors: error.errors };
    throw error;
  }
}

export async function readRecords(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, CollectionRecord>> {
  const stored = await readStoredRecords(tx, ids);
  const out = new Map<string, CollectionRecord>();
  for (const [id, record] of stored) {
    const parsed = recordFromGraph(record);
    if (parsed) out.set(id, parsed);
  }
  return out;
}

/** Every id a record refers to: other records, and the sources its citations name. */
export function idsReferencedBy(record: CollectionRecord): string[] {
  const ids = referencesIn(record.collection, record.record)
    .map((r) => r.value)
    .filter((v): v is string => typeof v === 'string');
  const walk = (value: unknown, inCitations: boolean): void => {
    if (Array.isArray(value)) value.forEach((v) => walk(v, inCitations));
    else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (inCitations && k === 'source' && typeof v === 'string') ids.push(v);
        else walk(v, k === 'citations');
      }
    }
  };
  walk(record.record, false);
  return [...new Set(ids)];
}

/** A copy of a record with every reference found in `map` replaced (ids of merged entities → the kept one). */
export function replaceReferences<R extends CollectionRecord>(record: R, map: ReadonlyMap<string, string>): R {
  const copy = structuredClone(record.record) as unknown;
  for (const { at, value } of referencesIn(record.collection, copy)) {
    if (typeof value === 'string' && map.has(value)) setAt(copy, at, map.get(value)!);
  }
  return { ...record, record: copy };
}

function setAt(root: unknown, at: readonly Segment[], value: string): void {
  let node = root as Record<string | number, unknown>;
  for (const segment of at.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[at[at.length - 1]!] = value;
}

/** Known records and sources in the dataset-validator's terms (id → collection). */
export function existingCollections(lookup: IdLookup): Map<string, DatasetKey> {
  const existing = new Map<string, DatasetKey>();
  for (const [id, kind] of lookup.entities) {
    const collection = collectionOfKind[kind];
    if (collection) existing.set(id, collection);
  }
  for (const id of lookup.sources) existing.set(id, 'sources');
  return existing;
}

/** Records as the validator reads them: one pseudo-file, no lines (issues carry the record's path). */
export function loadedDatasetOf(records: readonly CollectionRecord[], file: string): LoadedDataset {
  const collections = Object.fromEntries(datasetKeys.map((k) => [k, [] as LoadedRecord[]])) as LoadedDataset['collections'];
  for (const r of records) {
    const list = collections[r.collection];
    list.push({ collection: r.collection, index: list.length, value: r.record, file, line: null, node: null, doc: null, lineCounter: null });
  }
  return { collections, texts: new Map(), issues: [] };
}

function defaultFieldOf(_record: CollectionRecord, path: string): string | null {
  const stripped = path.replace(/^\w+\[\d+\]\.?/, '');
  return stripped === '' ? null : stripped;
}

async function writeRecords(scope: EditScope, writes: RecordWrite[], options: WriteOptions): Promise<ChangeRecord[]> {
  const { tx } = scope;
  // References to merged-away ids resolve to the entity they were merged into, as reads do.
  const referenced = [...new Set(writes.flatMap((w) => idsReferencedBy(w.after)))];
  const lookup = await lookupIds(tx, referenced);
  const resolved = writes.map((w) => ({ ...w, after: lookup.redirects.size > 0 ? replaceReferences(w.after, lookup.redirects) : w.after }));
  if (lookup.redirects.size > 0) {
    const more = await lookupIds(tx, [...lookup.redirects.values()]);
    for (const [id, kind] of more.entities) lookup.entities.set(id, kind);
  }

  // Quotes are checked against the stored texts of the sources they cite (and offsets taken in them).
  const sourceTexts = await sourceTextsOf(tx, [...lookup.sources]);
  const validation = validateDataset(loadedDatasetOf(resolved.map((w) => w.after), 'input'), {
    existing: existingCollections(lookup),
    requireSourceTexts: false,
    sourceTexts,
    sourceKinds: await sourceKindsOf(tx, [...lookup.sources]),
    valueExceptions: await projectValueExceptions(),
  });
  if (!validation.dataset) {
    // The validator names records by their position in their collection, as loadedDatasetOf numbered them.
    const byPosition = new Map<string, CollectionRecord>();
    const counts = new Map<DatasetKey, number>();
    for (const w of resolved) {
      const index = counts.get(w.after.collection) ?? 0;
      counts.set(w.after.collection, index + 1);
      byPosition.set(`${w.after.collection}[${index}]`, w.after);
    }
    throw new EditRefused(
      validation.issues.map((issue) => {
        const record = byPosition.get(/^\w+\[\d+\]/.exec(issue.path)?.[0] ?? '');
        const field = record ? (options.fieldOf ?? defaultFieldOf)(record, issue.path) : null;
        return { field, code: issueCodes[issue.code], message: issue.message };
      }),
    );
  }
  const dataset = validation.dataset;
  const parsedAfter = datasetKeys.flatMap((collection) =>
    (dataset[collection] as DatasetRecord[]).map((record) => ({ collection, record }) as CollectionRecord),
  );

  const dates = await electionDates(
    tx,
    parsedAfter.flatMap((r) => (r.collection === 'candidacies' || r.collection === 'partyResults' ? referencesIn(r.collection, r.record).map((x) => String(x.value)) : [])),
  );
  const rowsAfter = datasetToGraph(dataset, { electionDates: dates, sourceTexts });
  const befores = resolved.flatMap((w) => (w.before ? [w.before] : []));
  const rowsBefore = datasetToGraph(datasetOf(befores), { electionDates: dates, sourceTexts });
  const recordIds = parsedAfter.map((r) => r.record.id);
  const fpAfter = recordFingerprints(rowsAfter, recordIds);
  const fpBefore = recordFingerprints(rowsBefore, recordIds);

  // Only records that would write something different are written and recorded.
  const changed = parsedAfter.filter((r) => fpAfter.get(r.record.id) !== fpBefore.get(r.record.id));
  if (changed.length === 0) return [];
  const beforeById = new Map(befores.map((b) => [b.record.id, b]));
  const changedIds = new Set(changed.map((r) => r.record.id));

  // Candidacies and results date their relations with their election's date: a new date rebuilds them too.
  const redated = changed.filter((r) => {
    const before = beforeById.get(r.record.id);
    return r.collection === 'elections' && before?.collection === 'elections' && firstValue(before.record.date) !== firstValue(r.record.date);
  });
  const dependantIds = (await factsOfElections(tx, redated.map((r) => r.record.id))).filter((id) => !changedIds.has(id));
  if (dependantIds.length > 0) await scope.lock(dependantIds.map((id) => ({ id, label: 'Fact', create: false })));
  const dependants = [...(await readRecords(tx, dependantIds)).values()];
  for (const [id, date] of await electionDates(tx, dependants.flatMap((d) => referencesIn(d.collection, d.record).map((x) => String(x.value))))) {
    if (!dates.has(id)) dates.set(id, date);
  }
  const rewriteIds = new Set([...changedIds, ...dependants.map((d) => d.record.id)]);

  const nestedIds = (rows: ReturnType<typeof datasetToGraph>) =>
    factLabels.flatMap((l) => rows.facts[l].map((f) => f.id)).filter((id) => [...rewriteIds].some((r) => belongsTo(id, r)));
  for (const [id, text] of await sourceTextsOf(tx, dependants.flatMap(idsReferencedBy).filter((id) => !sourceTexts.has(id)))) sourceTexts.set(id, text);
  const rowsToWrite = datasetToGraph(datasetOf([...changed, ...dependants]), { electionDates: dates, sourceTexts });
  const replaceIds = [...new Set([...rewriteIds, ...nestedIds(rowsToWrite), ...nestedIds(rowsBefore), ...(options.alsoReplace ?? [])])];
  await replaceRecords(tx, rowsToWrite, replaceIds);

  // A merge may have removed an entity between validation and this write; then nothing is committed.
  const missing = await missingEntities(tx, changed.flatMap((r) => referencesIn(r.collection, r.record).map((x) => String(x.value))).filter((id) => idPattern.test(id)));
  if (missing.length > 0) refuse(null, 'CONFLICT', `referenced entities disappeared while writing (merged meanwhile?): ${missing.join(', ')}; try again`);

  const nodeBefore = nodeFingerprintsByNode(rowsBefore);
  const nodeAfter = nodeFingerprintsByNode(rowsToWrite);
  const rows = changed.filter((r) => !options.unaudited?.includes(r.record.id)).map((r) => {
    const before = beforeById.get(r.record.id) ?? null;
    // A change is listed in the history of its record and of each nested fact it added or altered.
    const touchedNested = [...nodeAfter.keys()].filter((id) => id !== r.record.id && belongsTo(id, r.record.id) && nodeAfter.get(id) !== nodeBefore.get(id));
    return {
      operation: options.operation,
      targetId: r.record.id,
      before: before ? JSON.stringify(before.record) : null,
      after: JSON.stringify(r.record),
      reason: options.reason ?? null,
      subjects: [r.record.id, ...touchedNested],
    };
  });
  return scope.audit(rows);
}

/** Per fact node of the rows, a fingerprint of just that node (for telling which nested facts a change touched). */
function nodeFingerprintsByNode(rows: ReturnType<typeof datasetToGraph>): Map<string, string> {
  const out = new Map<string, string>();
  for (const label of factLabels) {
    for (const f of rows.facts[label]) {
      const own = [
        JSON.stringify(f.props),
        ...Object.values(rows.links).flatMap((list) => list.filter((l) => l.from === f.id).map((l) => JSON.stringify(l))),
        ...rows.citations.filter((c) => c.owner === f.id).map((c) => JSON.stringify(c)),
      ];
      out.set(f.id, own.join('\n'));
    }
  }
  return out;
}

/**
 * Writes records again exactly as they are, rebuilding their derived relationships (a restored fact's come back)
 * without recording a change of the records themselves.
 */
export async function rebuildRecords(scope: EditScope, records: readonly CollectionRecord[]): Promise<void> {
  if (records.length === 0) return;
  const dates = await electionDates(
    scope.tx,
    records.flatMap((r) => (r.collection === 'candidacies' || r.collection === 'partyResults' ? referencesIn(r.collection, r.record).map((x) => String(x.value)) : [])),
  );
  const sourceTexts = await sourceTextsOf(scope.tx, [...new Set(records.flatMap(idsReferencedBy))]);
  const rows = datasetToGraph(datasetOf(records), { electionDates: dates, sourceTexts });
  const ids = records.map((r) => r.record.id);
  const nested = factLabels.flatMap((l) => rows.facts[l].map((f) => f.id)).filter((id) => ids.some((r) => belongsTo(id, r)));
  await replaceRecords(scope.tx, rows, [...new Set([...ids, ...nested])]);
}
