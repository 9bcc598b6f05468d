// Reading the curated dataset from disk: seed/data/*.yaml, seed/sources/sources.yaml and the source texts.
// Keeps every record's YAML node so validation can point a curator at the exact line of a problem.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { datasetKeys, type DatasetKey } from './schema.js';
import type { ValidationIssue, ValueException } from './validate.js';

export interface DatasetDirs {
  /** Holds the *.yaml files with records (each any subset of the collection keys). */
  dataDir: string;
  /** Holds sources.yaml (the metadata) and the <id> text files it lists. */
  sourcesDir: string;
  /** A YAML file listing numbers whose citations need not state them, each with a reason (optional). */
  valueExceptionsFile?: string;
}

/** One record as written, before any schema check. */
export interface LoadedRecord {
  collection: DatasetKey;
  /** Position in its file's list, which is what a curator counts in (not the merged list). */
  index: number;
  /** The plain JS value of the record (aliases resolved). */
  value: unknown;
  /** Absolute path of the YAML file. */
  file: string;
  /** 1-based line of the record's first key. */
  line: number | null;
  /** Kept so a path inside the record can be mapped to a line (see lineAt); null for a record not read from
   * YAML (a JSONL or CSV line of an import), whose issues are all reported at the record's own line. */
  node: Node | null;
  doc: Document | null;
  lineCounter: LineCounter | null;
}

export type LoadedCollections = { [K in DatasetKey]: LoadedRecord[] };

export interface LoadedDataset {
  collections: LoadedCollections;
  /** Source texts by source id (the file name, e.g. `003_a2df2bc0f71960c4.txt`). */
  texts: Map<string, string>;
  /** Problems found while reading: YAML syntax, files that are not a map of collections, unknown keys. */
  issues: ValidationIssue[];
  /** The exceptions to the value-statement rule (see validate.ts), when the dataset lists any. */
  valueExceptions?: ValueException[];
}

const YAML_EXTENSIONS = ['.yaml', '.yml'];

export async function readDatasetFiles(dirs: DatasetDirs): Promise<LoadedDataset> {
  const collections = Object.fromEntries(datasetKeys.map((k) => [k, [] as LoadedRecord[]])) as LoadedCollections;
  const issues: ValidationIssue[] = [];

  const dataDir = path.resolve(dirs.dataDir);
  const sourcesDir = path.resolve(dirs.sourcesDir);
  // Sorted so that "first definition" in duplicate reports does not depend on the file system's order.
  const dataFiles = (await readdir(dataDir))
    .filter((name) => YAML_EXTENSIONS.some((ext) => name.endsWith(ext)))
    .sort()
    .map((name) => path.join(dataDir, name));
  const files = [...dataFiles, path.join(sourcesDir, 'sources.yaml')];

  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      issues.push({ file, line: null, path: '', code: 'YAML', message: `cannot read file: ${errorMessage(err)}` });
      continue;
    }
    readYamlFile(file, text, collections, issues);
  }

  const texts = new Map<string, string>();
  for (const name of (await readdir(sourcesDir)).filter((n) => n.endsWith('.txt')).sort()) {
    texts.set(name, await readFile(path.join(sourcesDir, name), 'utf8'));
  }
  const valueExceptions = dirs.valueExceptionsFile === undefined ? [] : await readValueExceptions(dirs.valueExceptionsFile, issues);
  return { collections, texts, issues, valueExceptions };
}

/** `exceptions: [{ record, field, value, reason }]`; a malformed entry is an issue at its line. */
export async function readValueExceptions(file: string, issues: ValidationIssue[]): Promise<ValueException[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    issues.push({ file, line: null, path: '', code: 'YAML', message: `cannot read file: ${errorMessage(err)}` });
    return [];
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) issues.push({ file, line: err.linePos?.[0].line ?? null, path: '', code: 'YAML', message: yamlMessage(err.message) });
    return [];
  }
  const list = (doc.toJS() as { exceptions?: unknown } | null)?.exceptions;
  const nodes = doc.get('exceptions', true);
  if (!Array.isArray(list)) {
    issues.push({ file, line: 1, path: 'exceptions', code: 'SCHEMA', message: 'must hold a list `exceptions` of { record, field, value, reason }' });
    return [];
  }
  const out: ValueException[] = [];
  list.forEach((e: unknown, i) => {
    const x = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
    if (typeof x.record === 'string' && typeof x.field === 'string' && typeof x.value === 'number' && typeof x.reason === 'string' && x.reason.trim() !== '') {
      out.push({ record: x.record, field: x.field, value: x.value, reason: x.reason });
      return;
    }
    const node = isSeq(nodes) ? (nodes.items[i] as Node | undefined) : undefined;
    issues.push({
      file,
      line: node ? lineOf(node, lineCounter) : null,
      path: `exceptions[${i}]`,
      code: 'SCHEMA',
      message: 'an exception needs record (id), field, value (a number) and a non-empty reason',
    });
  });
  return out;
}

function readYamlFile(file: string, text: string, collections: LoadedCollections, issues: ValidationIssue[]): void {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    // A file with a syntax error is skipped whole: yaml's error recovery can yield records that never existed.
    for (const err of doc.errors) {
      issues.push({ file, line: err.linePos?.[0].line ?? null, path: '', code: 'YAML', message: yamlMessage(err.message) });
    }
    return;
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return; // an empty file is a file still to be written
  if (!isMap(root)) {
    issues.push({
      file,
      line: lineOf(root, lineCounter),
      path: '',
      code: 'SCHEMA',
      message: `a dataset file must be a map of collections (${datasetKeys.join(', ')})`,
    });
    return;
  }
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    issues.push({ file, line: null, path: '', code: 'YAML', message: errorMessage(err) });
    return;
  }
  const values = (js ?? {}) as Record<string, unknown>;

  for (const pair of root.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const keyLine = keyNode ? lineOf(keyNode, lineCounter) : null;
    if (!isDatasetKey(key)) {
      issues.push({
        file,
        line: keyLine,
        path: key,
        code: 'SCHEMA',
        message: `unknown collection "${key}"; expected one of ${datasetKeys.join(', ')}`,
      });
      continue;
    }
    const seq = resolve(pair.value, doc);
    if (seq === null || (isScalar(seq) && seq.value === null)) continue; // `people:` with nothing under it yet
    const list = values[key];
    if (!isSeq(seq) || !Array.isArray(list)) {
      issues.push({ file, line: lineOf(seq, lineCounter) ?? keyLine, path: key, code: 'SCHEMA', message: `${key} must be a list` });
      continue;
    }
    seq.items.forEach((item, index) => {
      const node = resolve(item as Node | null, doc);
      collections[key].push({
        collection: key,
        index,
        value: list[index],
        file,
        line: node ? lineOf(node, lineCounter) : keyLine,
        node,
        doc,
        lineCounter,
      });
    });
  }
}

/**
 * The line of the deepest node that exists along `path` inside the record: a missing key is reported at the
 * map that should hold it, which is where the curator has to add it.
 */
export function lineAt(record: LoadedRecord, at: readonly PropertyKey[]): number | null {
  if (record.doc === null || record.lineCounter === null) return record.line;
  let node = record.node;
  for (const segment of at) {
    if (node === null) break;
    let next: unknown = undefined;
    if (isMap(node) && typeof segment !== 'symbol') next = node.get(String(segment), true);
    else if (isSeq(node) && typeof segment === 'number') next = node.get(segment, true);
    const child = resolve((next ?? null) as Node | null, record.doc);
    if (child === null) break;
    node = child;
  }
  return node ? lineOf(node, record.lineCounter) : record.line;
}

function resolve(node: Node | null, doc: Document): Node | null {
  if (node !== null && isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? null;
  return node;
}

function lineOf(node: Node, lineCounter: LineCounter): number | null {
  const start = node.range?.[0];
  return start === undefined ? null : lineCounter.linePos(start).line;
}

function isDatasetKey(key: string): key is DatasetKey {
  return (datasetKeys as string[]).includes(key);
}

function yamlMessage(message: string): string {
  // prettyErrors appends the position and an excerpt; the issue already carries the line.
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
