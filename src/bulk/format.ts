// The bulk file formats (docs/import-format.md). JSONL: one `{"collection": ..., "record": ...}` a line, each
// record in the dataset's own shape (src/dataset/schema.ts), plus the curation state the dataset has no place
// for: retractions and redirects of merged ids. CSV: one collection a file, one record a row.
import { z } from 'zod';
import type { LoadedDataset, LoadedRecord } from '../dataset/files.js';
import { datasetKeys, idPattern, type DatasetKey } from '../dataset/schema.js';
import type { ValidationIssue } from '../dataset/validate.js';

export const curationKeys = ['retractions', 'redirects'] as const;
export type CurationKey = (typeof curationKeys)[number];
export type LineCollection = DatasetKey | CurationKey;

/** The order an export writes: sources, then entities, then facts, then the curation state. */
export const lineOrder: readonly LineCollection[] = [...datasetKeys, ...curationKeys];

/** A fact's id: a record's, or a nested fact's (`case:x#party#2`). */
const factIdPattern = new RegExp(`${idPattern.source.slice(0, -1)}(?:#[a-z]+#\\d+)?$`);
const moment = z.string().datetime({ offset: true, message: 'must be an ISO 8601 moment, e.g. 2024-05-01T12:00:00.000Z' });

export const RetractionLine = z.strictObject({
  /** The retracted fact. */
  fact: z.string().regex(factIdPattern, 'must be the id of a fact'),
  reason: z.string().min(1).max(2_000),
  actor: z.string().min(1).max(64),
  at: moment,
});
export type RetractionLine = z.infer<typeof RetractionLine>;

export const RedirectLine = z.strictObject({
  /** The id of the entity (or nested fact) that was merged away. */
  from: z.string().regex(factIdPattern, 'must be an id'),
  /** The id it resolves to now. */
  to: z.string().regex(factIdPattern, 'must be an id'),
  actor: z.string().min(1).max(64),
  at: moment,
});
export type RedirectLine = z.infer<typeof RedirectLine>;

export const Envelope = z.strictObject({
  collection: z.enum(lineOrder as [LineCollection, ...LineCollection[]]),
  record: z.record(z.string(), z.unknown()),
});

export function jsonLine(collection: LineCollection, record: unknown): string {
  return JSON.stringify({ collection, record });
}

/** A curation-state line (retraction or redirect) with where it was read. */
export interface LocatedLine {
  collection: CurationKey;
  value: unknown;
  file: string;
  line: number;
}

/** What reading a bulk file yields: dataset records in the validator's terms, curation lines, and read errors. */
export interface BulkFile {
  loaded: LoadedDataset;
  curation: LocatedLine[];
  /** Non-empty lines (JSONL) or data rows (CSV) read. */
  lines: number;
}

export function emptyLoaded(): LoadedDataset {
  return { collections: Object.fromEntries(datasetKeys.map((k) => [k, [] as LoadedRecord[]])) as LoadedDataset['collections'], texts: new Map(), issues: [] };
}

export function addRecord(loaded: LoadedDataset, collection: DatasetKey, value: unknown, file: string, line: number): void {
  const list = loaded.collections[collection];
  list.push({ collection, index: list.length, value, file, line, node: null, doc: null, lineCounter: null });
}

export function syntaxIssue(file: string, line: number | null, path: string, message: string): ValidationIssue {
  return { file, line, path, code: 'SYNTAX', message };
}

/** Reads JSONL text: each non-empty line one envelope. Lines that are no envelope become issues, never records. */
export function readJsonl(text: string, file: string): BulkFile {
  const loaded = emptyLoaded();
  const curation: LocatedLine[] = [];
  let lines = 0;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() === '') return;
    lines += 1;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      loaded.issues.push(syntaxIssue(file, line, '', `not JSON: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    const envelope = Envelope.safeParse(value);
    if (!envelope.success) {
      for (const issue of envelope.error.issues) {
        loaded.issues.push(syntaxIssue(file, line, issue.path.join('.'), `not a {"collection", "record"} line: ${issue.message}`));
      }
      return;
    }
    const { collection, record } = envelope.data;
    if ((curationKeys as readonly string[]).includes(collection)) curation.push({ collection: collection as CurationKey, value: record, file, line });
    else addRecord(loaded, collection as DatasetKey, record, file, line);
  });
  return { loaded, curation, lines };
}
