// Validation of a loaded dataset: the zod shapes of every record plus the cross-record rules (ids, references,
// sources and verbatim quotes, date ranges). Reports every problem with its file and line; never stops early.
import path from 'node:path';
import type { z } from 'zod';
import { checkCitation, citationStatesValue, SourceLibrary, storedCitation, type CitableSource, type SourceKind } from '../domain/citation-rule.js';
import { lineAt, type LoadedDataset, type LoadedRecord } from './files.js';
import {
  Candidacy,
  CourtCase,
  datasetKeys,
  District,
  Election,
  Event,
  FamilyTie,
  idPattern,
  idPrefixOf,
  Membership,
  Organization,
  Party,
  partialDatePattern,
  PartyResult,
  Person,
  Place,
  Source,
  type Dataset,
  type DatasetKey,
} from './schema.js';

export type IssueCode =
  | 'SCHEMA'
  | 'UNKNOWN_SOURCE'
  | 'QUOTE_NOT_IN_SOURCE'
  | 'QUOTE_REQUIRED'
  | 'QUOTE_TOO_SHORT'
  | 'LOCATOR_REQUIRED'
  | 'LOCATOR_NOT_IN_SOURCE'
  | 'SOURCE_NOT_CITABLE'
  | 'VALUE_NOT_STATED'
  | 'DANGLING_REFERENCE'
  | 'WRONG_REFERENCE_KIND'
  | 'DUPLICATE_ID'
  | 'BAD_ID_PREFIX'
  | 'BAD_DATE'
  | 'MISSING_CITATION'
  | 'YAML'
  | 'SYNTAX'
  | 'BAD_DATE_RANGE';

export interface ValidationIssue {
  file: string;
  line: number | null;
  /** Where in the file: `people[3].citations[0].quote`, the index counted within that file. */
  path: string;
  message: string;
  code: IssueCode;
}

export interface ValidationResult {
  /** Null whenever there is any issue: a partly valid dataset must never reach the graph. */
  dataset: Dataset | null;
  issues: ValidationIssue[];
}

const elementSchemas: { [K in DatasetKey]: z.ZodType<Dataset[K][number], unknown> } = {
  sources: Source,
  people: Person,
  parties: Party,
  organizations: Organization,
  places: Place,
  districts: District,
  elections: Election,
  courtCases: CourtCase,
  events: Event,
  memberships: Membership,
  candidacies: Candidacy,
  partyResults: PartyResult,
  familyTies: FamilyTie,
};

const kindLabel: Record<DatasetKey, string> = {
  sources: 'source',
  people: 'person',
  parties: 'party',
  organizations: 'organization',
  places: 'place',
  districts: 'district',
  elections: 'election',
  courtCases: 'court case',
  events: 'event',
  memberships: 'membership',
  candidacies: 'candidacy',
  partyResults: 'party result',
  familyTies: 'family tie',
};

/** `*` stands for every element of a list. `any` accepts a record of any collection but sources. */
interface ReferenceRule {
  at: readonly string[];
  kinds: readonly DatasetKey[] | 'any';
}

const referenceRules: Partial<Record<DatasetKey, readonly ReferenceRule[]>> = {
  parties: [
    { at: ['predecessors', '*', 'party'], kinds: ['parties'] },
    { at: ['successors', '*', 'party'], kinds: ['parties'] },
  ],
  organizations: [
    { at: ['parent'], kinds: ['organizations'] },
    { at: ['place'], kinds: ['places'] },
  ],
  places: [{ at: ['within'], kinds: ['places'] }],
  districts: [
    { at: ['body'], kinds: ['organizations'] },
    { at: ['place'], kinds: ['places'] },
  ],
  elections: [
    { at: ['body'], kinds: ['organizations'] },
    { at: ['place'], kinds: ['places'] },
    { at: ['findings', '*', 'observer'], kinds: ['organizations'] },
    { at: ['placeTurnout', '*', 'place'], kinds: ['places'] },
  ],
  courtCases: [
    { at: ['court'], kinds: ['organizations'] },
    { at: ['parties', '*', 'entity'], kinds: 'any' },
  ],
  events: [
    { at: ['place'], kinds: ['places'] },
    { at: ['participants', '*', 'entity'], kinds: 'any' },
  ],
  memberships: [
    { at: ['person'], kinds: ['people'] },
    { at: ['organization'], kinds: ['parties', 'organizations'] },
    { at: ['onBehalfOf'], kinds: ['parties'] },
  ],
  candidacies: [
    { at: ['person'], kinds: ['people'] },
    { at: ['election'], kinds: ['elections'] },
    { at: ['district'], kinds: ['districts'] },
    { at: ['nominatedBy'], kinds: ['parties'] },
    { at: ['statuses', '*', 'by'], kinds: ['organizations'] },
  ],
  partyResults: [
    { at: ['party'], kinds: ['parties'] },
    { at: ['election'], kinds: ['elections'] },
  ],
  familyTies: [
    { at: ['person'], kinds: ['people'] },
    { at: ['relative'], kinds: ['people'] },
  ],
};

const DATE_FIELDS = new Set(['date', 'from', 'to', 'endDate', 'opened']);
const BAD_DATE_MESSAGE = 'must be YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)';

export type Segment = string | number;
type Report = (record: LoadedRecord, at: readonly Segment[], code: IssueCode, message: string) => void;

/** For validating records against a graph that already holds data (imports, the API), not a whole dataset. */
export interface ValidationOptions {
  /**
   * Records already in the graph, id → collection: references to them are valid. A record of the dataset may
   * carry one of these ids (it replaces the stored record).
   */
  existing?: ReadonlyMap<string, DatasetKey>;
  /** Whether every source needs its text next to sources.yaml (the seed; the default) or texts are optional. */
  requireSourceTexts?: boolean;
  /** Texts of sources already in the graph, by id: quotes citing them are checked against these. */
  sourceTexts?: ReadonlyMap<string, string>;
  /**
   * Kinds of sources already in the graph, by id: which citation rule applies (src/domain/citation-rule.ts). A
   * stored source whose kind is not given counts as an article when it has a text.
   */
  sourceKinds?: ReadonlyMap<string, SourceKind>;
  /** Numbers allowed to be cited by passages that do not state them, each with its reason (the seed's list). */
  valueExceptions?: readonly ValueException[];
}

/** A number whose citations need not state it, and why (seed/value-citation-exceptions.yaml). */
export interface ValueException {
  record: string;
  field: string;
  value: number;
  reason: string;
}

/** Claimable numbers per collection: the values the value-statement rule checks. */
const numericValueFields: Partial<Record<DatasetKey, readonly string[]>> = {
  elections: ['turnout', 'seats', 'listSeats', 'districtSeats', 'independentSeats', 'singleMandateCandidates', 'candidates'],
  partyResults: ['voteShare', 'listSeats', 'districtSeats', 'totalSeats'],
  candidacies: ['rank'],
};

export function validateDataset(loaded: LoadedDataset, options: ValidationOptions = {}): ValidationResult {
  const existing = options.existing ?? new Map<string, DatasetKey>();
  const issues: ValidationIssue[] = [...loaded.issues];
  const report: Report = (record, at, code, message) => {
    issues.push({ file: record.file, line: lineAt(record, at), path: recordPath(record, at), code, message });
  };

  // A seed source's text is its file next to sources.yaml: the record carries it from here on.
  for (const record of loaded.collections.sources) {
    const id = field(record.value, 'id');
    if (isObject(record.value) && isString(id) && record.value.text === undefined && loaded.texts.has(id)) {
      record.value = { ...record.value, text: loaded.texts.get(id) };
    }
  }
  const dataset = Object.fromEntries(datasetKeys.map((k) => [k, []])) as unknown as Dataset;
  for (const key of datasetKeys) checkShapes(key, loaded.collections[key], dataset, report);

  // The cross-record checks read the raw values, so a record with a schema error still gets them all.
  const all = datasetKeys.flatMap((key) => loaded.collections[key]);
  const byId = checkIds(all, report);
  const sourceIds = new Set(loaded.collections.sources.map((r) => field(r.value, 'id')).filter(isString));
  for (const [id, collection] of existing) if (collection === 'sources') sourceIds.add(id);
  const kindOf = (id: string): DatasetKey | undefined => byId.get(id)?.collection ?? existing.get(id);
  const library = new SourceLibrary(citableSources(loaded, options));

  for (const record of loaded.collections.sources) {
    const id = field(record.value, 'id');
    if (isString(id) && !loaded.texts.has(id) && options.requireSourceTexts !== false) {
      report(record, ['id'], 'UNKNOWN_SOURCE', `no text file ${id} next to sources.yaml`);
    }
  }
  for (const record of all) {
    checkCitations(record, sourceIds, library, loaded.texts, report);
    checkValueStatements(record, [...(loaded.valueExceptions ?? []), ...(options.valueExceptions ?? [])], library, report);
    checkReferences(record, kindOf, report);
    checkDateRanges(record, report);
  }

  issues.sort(byPosition);
  if (issues.length > 0) return { dataset: null, issues };
  // What is stored of a quote is the exact slice of its source's text, whoever wrote it and however.
  for (const key of datasetKeys) {
    for (const record of dataset[key]) {
      for (const { value } of citationLists(record, [])) {
        value.forEach((c, i) => {
          if (isObject(c) && isString(c.source)) value[i] = storedCitation(c as { source: string; quote?: string }, library);
        });
      }
    }
  }
  return { dataset, issues };
}

/** Every source the records may cite, with its kind and text: the dataset's own and the graph's. */
function citableSources(loaded: LoadedDataset, options: ValidationOptions): Map<string, CitableSource> {
  const sources = new Map<string, CitableSource>();
  for (const [id, text] of options.sourceTexts ?? []) sources.set(id, { kind: options.sourceKinds?.get(id) ?? 'ARTICLE', text });
  for (const [id, kind] of options.sourceKinds ?? []) if (!sources.has(id)) sources.set(id, { kind, text: null });
  for (const record of loaded.collections.sources) {
    const id = field(record.value, 'id');
    if (!isString(id)) continue;
    const kind = field(record.value, 'kind');
    const text = field(record.value, 'text');
    sources.set(id, {
      kind: kind === 'DATASET' || kind === 'OFFICIAL_RECORD' ? kind : 'ARTICLE',
      text: isString(text) ? text : (loaded.texts.get(id) ?? null),
    });
  }
  return sources;
}

/** `seed/data/people.yaml:42 people[3].citations[0].quote: quote not found in ...` */
export function formatIssue(issue: ValidationIssue): string {
  const where = `${path.relative(process.cwd(), issue.file) || issue.file}${issue.line === null ? '' : `:${issue.line}`}`;
  return issue.path === '' ? `${where}: ${issue.message}` : `${where} ${issue.path}: ${issue.message}`;
}

function checkShapes<K extends DatasetKey>(key: K, records: LoadedRecord[], dataset: Dataset, report: Report): void {
  const schema = elementSchemas[key];
  const parsed: Dataset[K][number][] = [];
  for (const record of records) {
    const result = schema.safeParse(record.value);
    if (result.success) parsed.push(result.data);
    else for (const issue of result.error.issues) reportZodIssue(record, [], issue, report);
  }
  dataset[key] = parsed as Dataset[K];
}

function reportZodIssue(record: LoadedRecord, prefix: readonly Segment[], issue: z.core.$ZodIssue, report: Report): void {
  const at = [...prefix, ...issue.path.map(toSegment)];
  const value = valueAt(record.value, at);
  const last = at[at.length - 1];

  if (issue.code === 'invalid_union') {
    // Zod lists every branch; the useful one is the branch the curator evidently meant (the one that got past
    // the root type check). When none did, the value has the wrong type for all of them: say so once.
    const meant = issue.errors.find((branch) => !branch.every(isRootTypeMismatch));
    if (meant) {
      for (const inner of meant) reportZodIssue(record, at, inner, report);
      return;
    }
    const expected = [...new Set(issue.errors.flatMap((branch) => branch.flatMap(expectedTypes)))];
    const message =
      value === undefined ? `${String(last ?? 'value')} is required` : `expected ${expected.join(' or ')}, got ${describe(value)}`;
    report(record, at, classify(at, value, issue.message), message);
    return;
  }
  if (issue.code === 'unrecognized_keys') {
    for (const k of issue.keys) report(record, [...at, k], 'SCHEMA', `unknown field "${k}"`);
    return;
  }
  const code = classify(at, value, issue.message);
  let message = issue.message;
  if (code === 'MISSING_CITATION') {
    message = value === undefined ? 'citations are missing: every fact needs at least one citation' : `citations: ${issue.message}`;
  } else if (value === undefined && typeof last === 'string') {
    message = `${last} is required`;
  } else if (code === 'BAD_DATE') {
    message = `bad date ${JSON.stringify(value)}: ${BAD_DATE_MESSAGE}`;
  }
  report(record, at, code, message);
}

function classify(at: readonly Segment[], value: unknown, message: string): IssueCode {
  const last = at[at.length - 1];
  if (last === 'citations') return 'MISSING_CITATION';
  if (message === BAD_DATE_MESSAGE) return 'BAD_DATE';
  // A date of the wrong type (`date: true`) is a bad date too; a missing required date is a plain schema error.
  if (value !== undefined && typeof last === 'string' && DATE_FIELDS.has(last)) return 'BAD_DATE';
  return 'SCHEMA';
}

function isRootTypeMismatch(issue: z.core.$ZodIssue): boolean {
  if (issue.path.length > 0) return false;
  if (issue.code === 'invalid_type') return true;
  return issue.code === 'invalid_union' && issue.errors.every((branch) => branch.every(isRootTypeMismatch));
}

function expectedTypes(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'invalid_type') return [issue.expected === 'object' ? 'object (a claims list)' : issue.expected];
  if (issue.code === 'invalid_union') return issue.errors.flatMap((branch) => branch.flatMap(expectedTypes));
  return [];
}

function checkIds(all: readonly LoadedRecord[], report: Report): Map<string, LoadedRecord> {
  const byId = new Map<string, LoadedRecord>();
  for (const record of all) {
    const id = field(record.value, 'id');
    if (!isString(id)) continue;
    const first = byId.get(id);
    if (first) {
      const where = `${path.relative(process.cwd(), first.file) || first.file}:${first.line ?? '?'}`;
      report(record, ['id'], 'DUPLICATE_ID', `duplicate id ${id}: already used by ${recordPath(first, [])} at ${where}`);
      continue;
    }
    byId.set(id, record);
    const expected = idPrefixOf[record.collection];
    const prefix = id.split(':')[0];
    if (expected !== undefined && idPattern.test(id) && prefix !== expected) {
      report(record, ['id'], 'BAD_ID_PREFIX', `id ${id} in ${record.collection} must start with "${expected}:"`);
    }
  }
  return byId;
}

function checkCitations(record: LoadedRecord, sourceIds: ReadonlySet<string>, library: SourceLibrary, textFiles: ReadonlyMap<string, string>, report: Report): void {
  for (const { at, value } of citationLists(record.value, [])) {
    value.forEach((citation, i) => {
      const source = field(citation, 'source');
      if (!isString(source) || source === '') return; // the schema check has reported it
      if (!sourceIds.has(source)) {
        const hint = textFiles.has(source) ? 'its text exists but it is not listed in sources.yaml' : 'no such source';
        report(record, [...at, i, 'source'], 'UNKNOWN_SOURCE', `unknown source ${source}: ${hint}`);
        return;
      }
      const quote = field(citation, 'quote');
      const locator = field(citation, 'locator');
      const given = { source, quote: isString(quote) ? quote : undefined, locator: isString(locator) ? locator : undefined };
      for (const issue of checkCitation(given, library)) report(record, [...at, i, issue.field], issue.code, issue.message);
    });
  }
}

/**
 * The value-statement rule: a number written plainly must be stated by at least one of its record's citations
 * (those are its citations), and every citation given with a value or a claim must state it, unless the seed's
 * exceptions list the value with a reason.
 */
function checkValueStatements(record: LoadedRecord, exceptions: readonly ValueException[], library: SourceLibrary, report: Report): void {
  const fields = numericValueFields[record.collection] ?? [];
  const id = field(record.value, 'id');
  const excepted = (name: string, value: number) => exceptions.some((e) => e.record === id && e.field === name && e.value === value);
  const states = (name: string, value: unknown, c: unknown) => {
    const source = field(c, 'source');
    const quote = field(c, 'quote');
    const locator = field(c, 'locator');
    if (!isString(source)) return true; // the schema check has reported it
    return citationStatesValue(name, value, { source, quote: isString(quote) ? quote : undefined, locator: isString(locator) ? locator : undefined }, library);
  };
  const checkOwn = (name: string, value: unknown, citations: unknown, at: Segment[]) => {
    if (typeof value !== 'number' || !Array.isArray(citations) || excepted(name, value)) return;
    citations.forEach((c, i) => {
      if (!states(name, value, c)) {
        const byLocator = field(c, 'quote') === undefined && isString(field(c, 'locator'));
        const message = byLocator
          ? `${name} ${value}: the locator does not point at this value in the dataset`
          : `${name} ${value}: this passage does not state it (digits or words${name === 'turnout' || name === 'voteShare' || name === 'placeTurnout' ? ', with %' : ''})`;
        report(record, [...at, 'citations', i, byLocator ? 'locator' : 'quote'], 'VALUE_NOT_STATED', message);
      }
    });
  };
  for (const name of fields) {
    const value = field(record.value, name);
    if (typeof value === 'number') {
      const citations = field(record.value, 'citations');
      if (!Array.isArray(citations) || citations.length === 0 || excepted(name, value)) continue;
      if (!citations.some((c) => states(name, value, c))) {
        report(record, [name], 'VALUE_NOT_STATED', `${name} ${value}: none of the record's citations states it; cite a passage that does ({ value, citations }) or list it with a reason in the exceptions`);
      }
    } else if (isObject(value) && 'value' in value) {
      checkOwn(name, value.value, value.citations, [name]);
    } else if (isObject(value) && Array.isArray(value.claims)) {
      value.claims.forEach((claim, i) => checkOwn(name, field(claim, 'value'), field(claim, 'citations'), [name, 'claims', i]));
    }
  }
  if (record.collection === 'elections') {
    const list = field(record.value, 'placeTurnout');
    if (Array.isArray(list)) list.forEach((t, i) => checkOwn('placeTurnout', field(t, 'turnout'), field(t, 'citations'), ['placeTurnout', i]));
  }
}

/** Every `citations` list anywhere in a record: its own, a party name's, a claim's, a candidacy status's... */
export function citationLists(value: unknown, at: readonly Segment[]): { at: Segment[]; value: unknown[] }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => citationLists(v, [...at, i]));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === 'citations' && Array.isArray(v) ? [{ at: [...at, k], value: v }] : citationLists(v, [...at, k]),
  );
}

function checkReferences(record: LoadedRecord, kindOf: (id: string) => DatasetKey | undefined, report: Report): void {
  for (const { at, value, kinds } of referencesWithRules(record.collection, record.value)) {
    // Ids that are not even well-formed are the schema check's to report.
    if (!isString(value) || !idPattern.test(value)) continue;
    const target = kindOf(value);
    const field = String(at.filter(isString).pop());
    if (!target || target === 'sources') {
      report(record, at, 'DANGLING_REFERENCE', `${field} refers to ${value}, which is not defined anywhere`);
    } else if (kinds !== 'any' && !kinds.includes(target)) {
      const expected = kinds.map((k) => withArticle(kindLabel[k])).join(' or ');
      report(record, at, 'WRONG_REFERENCE_KIND', `${field} refers to ${value}, which is ${withArticle(kindLabel[target])}; expected ${expected}`);
    }
  }
}

function referencesWithRules(collection: DatasetKey, value: unknown): { at: Segment[]; value: unknown; kinds: ReferenceRule['kinds'] }[] {
  return (referenceRules[collection] ?? []).flatMap((rule) => expand(value, [], rule.at).map((ref) => ({ ...ref, kinds: rule.kinds })));
}

/** Every reference to another record that a record makes, with where it sits (what a merge rewrites). */
export function referencesIn(collection: DatasetKey, value: unknown): { at: Segment[]; value: unknown }[] {
  return referencesWithRules(collection, value).map(({ at, value: v }) => ({ at, value: v }));
}

/** The values a rule points at; a claimable value yields each of its claims' values. */
function expand(value: unknown, at: readonly Segment[], rest: readonly string[]): { at: Segment[]; value: unknown }[] {
  const [head, ...tail] = rest;
  if (head === undefined) {
    const claims = field(value, 'claims');
    if (Array.isArray(claims)) return claims.map((claim, i) => ({ at: [...at, 'claims', i, 'value'], value: field(claim, 'value') }));
    return [{ at: [...at], value }];
  }
  if (head === '*') return Array.isArray(value) ? value.flatMap((v, i) => expand(v, [...at, i], tail)) : [];
  const next = field(value, head);
  return next === undefined ? [] : expand(next, [...at, head], tail);
}

function checkDateRanges(record: LoadedRecord, report: Report): void {
  // `from`/`to` pairs sit on memberships and on party names; walk the whole record to catch both.
  const walk = (value: unknown, at: Segment[]): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...at, i]));
    if (!isObject(value)) return;
    const from = asDate(value.from);
    const to = asDate(value.to);
    if (from !== null && to !== null && after(from, to)) {
      report(record, [...at, 'from'], 'BAD_DATE_RANGE', `from ${from} is after to ${to}`);
    }
    for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
  };
  walk(record.value, []);

  if (record.collection === 'events') {
    const end = asDate(field(record.value, 'endDate'));
    if (end === null) return;
    for (const { value } of expand(record.value, [], ['date'])) {
      const start = asDate(value);
      if (start !== null && after(start, end)) {
        report(record, ['endDate'], 'BAD_DATE_RANGE', `endDate ${end} is before date ${start}`);
        return; // once is enough when several claimed start dates all come after the end
      }
    }
  }
}

function asDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value);
  return partialDatePattern.test(s) ? s : null;
}

/** Compared at the coarser precision: `2022` is not after `2022-05`, since it may well mean the same month. */
function after(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
}

function recordPath(record: LoadedRecord, at: readonly Segment[]): string {
  let out = `${record.collection}[${record.index}]`;
  for (const s of at) out += typeof s === 'number' ? `[${s}]` : `.${s}`;
  return out;
}

function byPosition(a: ValidationIssue, b: ValidationIssue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER);
}

function valueAt(value: unknown, at: readonly Segment[]): unknown {
  let v = value;
  for (const s of at) {
    if (Array.isArray(v) && typeof s === 'number') v = v[s];
    else if (isObject(v) && typeof s === 'string') v = v[s];
    else return undefined;
  }
  return v;
}

function toSegment(s: PropertyKey): Segment {
  return typeof s === 'number' ? s : String(s);
}

function field(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a map' : `${typeof value} ${JSON.stringify(value)}`;
}
