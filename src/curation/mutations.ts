// The curation mutations: each builds the new version of the records it touches from the stored ones and its
// input (fields left out are kept, `null` clears, citations accumulate, lists of nested facts are appended to)
// and hands them to the engine, which validates, writes and audits them in one transaction.
import type { Citation, Dataset, DatasetKey } from '../dataset/schema.js';
import { idPattern, idPrefixOf } from '../dataset/schema.js';
import { ownerOf, type CollectionRecord } from '../dataset/from-graph.js';
import type {
  AddCandidacyInput,
  AddCandidacyStatusInput,
  AddCasePartyInput,
  AddEventParticipantInput,
  AddFamilyTieInput,
  AddMembershipInput,
  AddPartyResultInput,
  AddSourceInput,
  AliasInput,
  AliasKind,
  CitationInput,
  UpsertCourtCaseInput,
  UpsertDistrictInput,
  UpsertElectionInput,
  UpsertEventInput,
  UpsertOrganizationInput,
  UpsertPartyInput,
  UpsertPersonInput,
  UpsertPlaceInput,
  ReviseSourceTextInput,
  RetractCitationInput,
} from '../generated/graphql.js';
import type { Database } from '../neo4j/database.js';
import { markRetracted, retractedAmong, retractionOf, type ChangeRecord } from '../repositories/curation-repository.js';
import { normalize } from '../search/fold.js';
import { citationChangedBy, SourceLibrary, type SourceKind } from '../domain/citation-rule.js';
import { normaliseQuote } from '../domain/quotes.js';
import { lockSourceKeys, nodesCitingSource, pendingSourcesMatching, storedSourceMatching } from '../repositories/source-repository.js';
import { documentMatch } from '../domain/source-identity.js';
import { EditRefused, rebuildRecords, refuse, runEdit, type EditScope, type UserError } from './engine.js';

/** What every mutation answers: the id of what it wrote (to load after the commit), its changes, or its errors. */
export interface MutationResult {
  id: string | null;
  changes: ChangeRecord[];
  errors: UserError[];
}

async function run(db: Database, actor: string, plan: Parameters<typeof runEdit<string>>[2]): Promise<MutationResult> {
  const outcome = await runEdit(db, actor, plan);
  if ('errors' in outcome) return { id: null, changes: [], errors: outcome.errors };
  return { id: outcome.value, changes: outcome.changes, errors: [] };
}

// ---- small helpers --------------------------------------------------------------------------------------------

/** Left out: the current value; `null`: cleared; otherwise the given value. */
function keep<T>(given: T | null | undefined, current: T | undefined): T | undefined {
  return given === undefined ? current : given === null ? undefined : given;
}

function citationsOf(input: readonly CitationInput[]): Citation[] {
  return input.map((c) => compact({ source: c.source, quote: c.quote ?? undefined, locator: c.locator ?? undefined }));
}

/** The record's citations plus the new ones it does not have yet. */
function addCitations(existing: readonly Citation[], added: readonly Citation[]): Citation[] {
  const seen = new Set(existing.map((c) => `${c.source}\n${c.quote ?? ''}\n${c.locator ?? ''}`));
  const out = [...existing];
  for (const c of added) {
    const key = `${c.source}\n${c.quote ?? ''}\n${c.locator ?? ''}`;
    if (!seen.has(key)) out.push(c);
    seen.add(key);
  }
  return out;
}

type StoredAlias = EntityRecordBase['aliases'][number];

/**
 * The aliases a write gives, each with its kind and citations: a name already stored (same name and language)
 * keeps its kind and citations where the input leaves them out, so re-sending the list loses no classification;
 * a new or newly classified name without citations of its own takes the write's citations.
 */
function aliasesOf(input: readonly AliasInput[], stored: readonly StoredAlias[], cited: readonly Citation[]): StoredAlias[] {
  return input.map((a) => {
    const before = stored.find((b) => b.name === a.name && (b.lang ?? null) === (a.lang ?? null));
    const kind = a.kind ?? before?.kind;
    const sameKind = a.kind === null || a.kind === undefined || a.kind === before?.kind;
    // A stored name keeps the citations it has (none, for an alias nobody cited); a new or reclassified one, the write's.
    const citations = a.citations ? citationsOf(a.citations) : before && sameKind ? (before.citations ?? []) : [...cited];
    return compact({ name: a.name, lang: a.lang ?? undefined, script: a.script ?? before?.script ?? undefined, kind: kind ?? undefined, citations: citations.length > 0 ? citations : undefined });
  });
}

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The slug of an id or a text, for ids made from their parts: `person:zhanbolat-mamai` → `zhanbolat-mamai`. */
export function slug(text: string, max = 40): string {
  const tail = idPattern.test(text) ? text.slice(text.indexOf(':') + 1) : text;
  const folded = normalize(tail).replace(/ /g, '-').slice(0, max).replace(/-+$/, '');
  return folded === '' ? 'x' : folded;
}

function withoutCitations(field: string): UserError {
  return { field, code: 'MISSING_CITATION', message: 'at least one citation { source, quote } is required: every write of an entity or fact must be sourced' };
}

function checkId(id: string, collection: DatasetKey): void {
  if (!idPattern.test(id)) refuse('id', 'INVALID', `id ${JSON.stringify(id.slice(0, 80))} must look like ${idPrefixOf[collection] ?? 'kind'}:lower-case-slug`);
  const prefix = idPrefixOf[collection];
  if (prefix !== undefined && !id.startsWith(`${prefix}:`)) refuse('id', 'BAD_ID_PREFIX', `id ${id} must start with "${prefix}:"`);
}

type RecordOf<K extends DatasetKey> = Dataset[K][number];

/** A built record; the engine's validation (the dataset's zod schemas) decides whether it is one. */
function built<K extends DatasetKey>(collection: K, record: Record<string, unknown>): CollectionRecord {
  return { collection, record: compact(record) as unknown as RecordOf<K> } as CollectionRecord;
}

/** Where a nested list's new items came from in the input: `parties[3]` (the 4th, 3 existing) → `addParties[0]`. */
function appendedFieldOf(list: string, inputList: string, existing: number) {
  return (_record: CollectionRecord, path: string): string | null => {
    const stripped = path.replace(/^\w+\[\d+\]\.?/, '');
    const match = new RegExp(`^${list}\\[(\\d+)\\](.*)$`).exec(stripped);
    if (!match) return stripped === '' ? null : stripped;
    const index = Number(match[1]);
    return index >= existing ? `${inputList}[${index - existing}]${match[2] ?? ''}` : stripped;
  };
}

/**
 * Names a problem with a citation the input added by its place in the input (`citations[0]`), not by its place in
 * the record, where the stored citations come first.
 */
function inputCitationFieldOf(existing: readonly Citation[], input: readonly CitationInput[], other?: (record: CollectionRecord, path: string) => string | null) {
  const key = (c: { source: string; quote?: string | null; locator?: string | null }) => `${c.source}\n${c.quote ?? ''}\n${c.locator ?? ''}`;
  const added = addCitations(existing, citationsOf(input)).slice(existing.length);
  return (record: CollectionRecord, path: string): string | null => {
    const match = /^\w+\[\d+\]\.citations\[(\d+)\](.*)$/.exec(path);
    const index = match ? Number(match[1]) - existing.length : -1;
    const citation = added[index];
    if (match && citation) return `citations[${input.findIndex((c) => key(c) === key(citation))}]${match[2] ?? ''}`;
    if (other) return other(record, path);
    const stripped = path.replace(/^\w+\[\d+\]\.?/, '');
    return stripped === '' ? null : stripped;
  };
}

/** Ids of merged-away entities cannot be written to: they resolve to the entity they were merged into. */
async function refuseMerged(scope: EditScope, id: string, field: string): Promise<void> {
  const lookup = await scope.lookup([id]);
  const to = lookup.redirects.get(id);
  if (to !== undefined) refuse(field, 'MERGED', `${id} was merged into ${to}; write to ${to} instead`);
}

// ---- entities --------------------------------------------------------------------------------------------------

type EntityCollection = 'people' | 'parties' | 'organizations' | 'places' | 'districts' | 'elections' | 'courtCases' | 'events';

interface EntityInputBase {
  id: string;
  name?: string | null;
  aliases?: AliasInput[] | null;
  description?: string | null;
  citations: CitationInput[];
}

interface EntityRecordBase {
  name: string;
  aliases: { name: string; lang?: string | undefined; script?: string | undefined; kind?: AliasKind | undefined; citations?: Citation[] | undefined }[];
  description?: string | undefined;
  citations: Citation[];
}

function base(input: EntityInputBase, before: EntityRecordBase | null): Record<string, unknown> {
  return {
    id: input.id,
    name: input.name ?? before?.name,
    aliases: input.aliases === undefined ? (before?.aliases ?? []) : aliasesOf(input.aliases ?? [], before?.aliases ?? [], citationsOf(input.citations)),
    description: keep(input.description, before?.description),
    citations: addCitations(before?.citations ?? [], citationsOf(input.citations)),
  };
}

async function upsertEntity<K extends EntityCollection>(
  db: Database,
  actor: string,
  operation: string,
  collection: K,
  input: EntityInputBase,
  build: (before: RecordOf<K> | null, citations: Citation[]) => { record: Record<string, unknown>; fieldOf?: ReturnType<typeof appendedFieldOf> },
): Promise<MutationResult> {
  if (input.citations.length === 0) return { id: null, changes: [], errors: [withoutCitations('citations')] };
  return run(db, actor, async (scope, write) => {
    checkId(input.id, collection);
    await refuseMerged(scope, input.id, 'id');
    await scope.lock([{ id: input.id, label: 'Entity', create: true }]);
    const current = (await scope.read([input.id])).get(input.id) ?? null;
    if (current && current.collection !== collection) refuse('id', 'WRONG_KIND', `${input.id} is not one of ${collection}`);
    const before = current ? (current.record as RecordOf<K>) : null;
    const { record, fieldOf } = build(before, citationsOf(input.citations));
    await write([{ before: current, after: built(collection, record) }], { operation, fieldOf: inputCitationFieldOf(before?.citations ?? [], input.citations, fieldOf) });
    return input.id;
  });
}

export function upsertPerson(db: Database, actor: string, input: UpsertPersonInput): Promise<MutationResult> {
  return upsertEntity(db, actor, 'upsertPerson', 'people', input, (before) => ({ record: base(input, before) }));
}

export function upsertParty(db: Database, actor: string, input: UpsertPartyInput): Promise<MutationResult> {
  return upsertEntity(db, actor, 'upsertParty', 'parties', input, (before, citations) => ({
    record: {
      ...base(input, before),
      status: keep(input.status, before?.status),
      names: [
        ...(before?.names ?? []),
        ...(input.addNames ?? []).map((n) =>
          compact({ name: n.name, from: n.from ?? undefined, to: n.to ?? undefined, citations: n.citations ? citationsOf(n.citations) : citations }),
        ),
      ],
    },
    fieldOf: appendedFieldOf('names', 'addNames', before?.names.length ?? 0),
  }));
}

export function upsertOrganization(db: Database, actor: string, input: UpsertOrganizationInput): Promise<MutationResult> {
  return upsertEntity(db, actor, 'upsertOrganization', 'organizations', input, (before) => ({
    record: {
      ...base(input, before),
      orgKind: input.orgKind ?? before?.orgKind,
      parent: keep(input.parent, before?.parent),
      place: keep(input.place, before?.place),
    },
  }));
}

export function upsertPlace(db: Database, actor: string, input: UpsertPlaceInput): Promise<MutationResult> {
  return upsertEntity(db, actor, 'upsertPlace', 'places', input, (before) => ({
    record: { ...base(input, before), placeKind: input.placeKind ?? before?.placeKind, within: keep(input.within, before?.within) },
  }));
}

export function upsertDistrict(db: Database, actor: string, input: UpsertDistrictInput): Promise<MutationResult> {
  return upsertEntity(db, actor, 'upsertDistrict', 'districts', input, (before) => ({
    record: {
      ...base(input, before),
      body: input.body ?? before?.body,
      number: keep(input.number, before?.number),
      place: keep(input.place, before?.place),
      seats: keep(input.seats, before?.seats),
    },
  }));
}

export function upsertElection(db: Database, actor: string, input: UpsertElectionInput): Promise<MutationResult> {
  return upsertEntity(db, actor, 'upsertElection', 'elections', input, (before, citations) => ({
    record: {
      ...base(input, before),
      kind: input.kind ?? before?.kind,
      body: keep(input.body, before?.body),
      date: input.date ?? before?.date,
      place: keep(input.place, before?.place),
      turnout: keep<unknown>(input.turnout, before?.turnout),
      seats: keep<unknown>(input.seats, before?.seats),
      listSeats: keep<unknown>(input.listSeats, before?.listSeats),
      districtSeats: keep<unknown>(input.districtSeats, before?.districtSeats),
      singleMandateCandidates: keep<unknown>(input.singleMandateCandidates, before?.singleMandateCandidates),
      candidates: keep<unknown>(input.candidates, before?.candidates),
      findings: [
        ...(before?.findings ?? []),
        ...(input.addFindings ?? []).map((f) =>
          compact({ observer: f.observer, summary: f.summary, date: f.date ?? undefined, citations: f.citations ? citationsOf(f.citations) : citations }),
        ),
      ],
    },
    fieldOf: appendedFieldOf('findings', 'addFindings', before?.findings.length ?? 0),
  }));
}

export function upsertCourtCase(db: Database, actor: string, input: UpsertCourtCaseInput): Promise<MutationResult> {
  return upsertEntity(db, actor, 'upsertCourtCase', 'courtCases', input, (before, citations) => ({
    record: {
      ...base(input, before),
      court: keep(input.court, before?.court),
      charges: input.charges ?? before?.charges ?? [],
      maxPenalty: keep<unknown>(input.maxPenalty, before?.maxPenalty),
      status: keep<unknown>(input.status, before?.status),
      opened: keep(input.opened, before?.opened),
      parties: [
        ...(before?.parties ?? []),
        ...(input.addParties ?? []).map((p) =>
          compact({ entity: p.entity, role: p.role, charges: p.charges ?? [], from: p.from ?? undefined, citations: p.citations ? citationsOf(p.citations) : citations }),
        ),
      ],
    },
    fieldOf: appendedFieldOf('parties', 'addParties', before?.parties.length ?? 0),
  }));
}

export function upsertEvent(db: Database, actor: string, input: UpsertEventInput): Promise<MutationResult> {
  return upsertEntity(db, actor, 'upsertEvent', 'events', input, (before, citations) => ({
    record: {
      ...base(input, before),
      kind: input.kind ?? before?.kind,
      date: input.date ?? before?.date,
      endDate: keep(input.endDate, before?.endDate),
      place: keep(input.place, before?.place),
      charges: input.charges ?? before?.charges ?? [],
      participants: [
        ...(before?.participants ?? []),
        ...(input.addParticipants ?? []).map((p) => ({ entity: p.entity, role: p.role, citations: p.citations ? citationsOf(p.citations) : citations })),
      ],
    },
    fieldOf: appendedFieldOf('participants', 'addParticipants', before?.participants.length ?? 0),
  }));
}

// ---- sources and top-level facts -------------------------------------------------------------------------------

/**
 * An id for a new record: the one given (refused when taken), or one made from `base`, numbered `-2`, `-3`...
 * until free. Either way the node is locked (created) so a concurrent add of the same id waits for this one.
 */
async function allocateId(scope: EditScope, label: 'Fact' | 'Source', given: string | null | undefined, made: string, collection: DatasetKey): Promise<string> {
  if (given !== null && given !== undefined) {
    if (collection === 'sources') {
      if (!/^source:[a-z0-9]+(?:[-.][a-z0-9]+)*$/.test(given)) refuse('id', 'INVALID', 'a source id must look like source:lower-case-slug');
    } else checkId(given, collection);
    const existing = await scope.lock([{ id: given, label, create: true }]);
    if (existing.has(given)) refuse('id', 'DUPLICATE_ID', `${given} exists already`);
    return given;
  }
  for (let n = 1; n <= 100; n += 1) {
    const candidate = n === 1 ? made : `${made}-${n}`;
    const lookup = await scope.lookup([candidate]);
    if (lookup.facts.has(candidate) || lookup.sources.has(candidate)) continue;
    const existing = await scope.lock([{ id: candidate, label, create: true }]);
    if (!existing.has(candidate)) return candidate;
  }
  return refuse('id', 'DUPLICATE_ID', `no free id near ${made}; give one`);
}

async function addFact(
  db: Database,
  actor: string,
  operation: string,
  collection: 'memberships' | 'candidacies' | 'partyResults' | 'familyTies',
  input: { id?: string | null; citations: CitationInput[] },
  made: string,
  record: (id: string) => Record<string, unknown>,
): Promise<MutationResult> {
  if (input.citations.length === 0) return { id: null, changes: [], errors: [withoutCitations('citations')] };
  return run(db, actor, async (scope, write) => {
    const id = await allocateId(scope, 'Fact', input.id, made, collection);
    await write([{ before: null, after: built(collection, record(id)) }], { operation });
    return id;
  });
}

/**
 * Adds a source, unless one is stored already under the same canonical URL or with the identical text: then that
 * source's id is the answer and nothing is written (no second copy of a document for citations to split over).
 */
export function addSource(db: Database, actor: string, input: AddSourceInput): Promise<MutationResult> {
  return run(db, actor, async (scope, write) => {
    // A refused URL is left as given: the dataset schema names it (with any other problem of the input).
    const match = documentMatch(input);
    const url = match.url ?? input.url ?? null;
    // Check-then-create is safe only under the document's key locks: a concurrent addSource of it waits here.
    await lockSourceKeys(scope.tx, match);
    const existing = await storedSourceMatching(scope.tx, match);
    if (existing !== null) return existing;
    // A staged import past its commit point will write this document (its journal is being applied): not a second.
    const [pending] = await pendingSourcesMatching(scope.tx, [match]);
    if (pending) refuse(match.url !== null ? 'url' : 'text', 'CONFLICT', `import ${pending.importId} is publishing this document as ${pending.id}; try again in a moment`);
    const made = `source:${slug(input.publisher, 30)}-${slug(input.date, 10)}${input.title ? `-${slug(input.title, 30)}` : ''}`;
    const id = await allocateId(scope, 'Source', input.id, made, 'sources');
    const record = {
      id,
      kind: input.kind ?? 'ARTICLE',
      publisher: input.publisher,
      author: input.author ?? null,
      title: input.title ?? null,
      date: input.date,
      url,
      language: input.language ?? null,
      text: input.text ?? null,
      retrievedAt: input.retrievedAt ?? (input.text ? scope.at : null),
    };
    await write([{ before: null, after: { collection: 'sources', record } }], { operation: 'addSource' });
    return id;
  });
}

/**
 * A corrected text for a source: the old one is kept as a previous version (WRITE_SOURCES). No citation moves
 * silently: each whose passage the new text changes (citationChangedBy) must be re-confirmed with a quote of the
 * new text or retracted in the same operation, or nothing is written (PASSAGE_CHANGED for each). Records whose
 * citations change so are written and audited; the others are written again (their offsets move with the text).
 */
export function reviseSourceText(db: Database, actor: string, input: ReviseSourceTextInput): Promise<MutationResult> {
  return run(db, actor, async (scope, write) => {
    await scope.lock([{ id: input.id, label: 'Source', create: false }]);
    const current = (await scope.read([input.id])).get(input.id);
    if (!current || current.collection !== 'sources') return refuse('id', 'NOT_FOUND', `no source ${input.id}`);
    // The records whose citations name it (a claim or nested fact belongs to the record its id starts with).
    const citing = [...new Set((await nodesCitingSource(scope.tx, input.id)).map(ownerOf))];
    const lookup = await scope.lookup(citing);
    await scope.lock(citing.map((id) => ({ id, label: lookup.entities.has(id) ? ('Entity' as const) : ('Fact' as const), create: false })));
    const records = new Map([...(await scope.read(citing)).values()].map((r) => [r.record.id, r]));

    const edited = new Set<Citation>();
    const editedRecords = new Set<string>();
    const apply = (field: string, ref: { citedBy: string; quote: string }, change: (c: Citation) => Citation | null) => {
      const record = records.get(ownerOf(ref.citedBy));
      const result = record ? editCitations(record, ref.citedBy, { source: input.id, quote: ref.quote }, change) : null;
      if (!result || result.count === 0) refuse(field, 'NOT_FOUND', `${ref.citedBy} gives no citation of ${input.id} quoting "${ref.quote.slice(0, 60)}"`);
      records.set(result.record.record.id, result.record);
      editedRecords.add(result.record.record.id);
    };
    (input.reconfirm ?? []).forEach((r, i) =>
      apply(`reconfirm[${i}]`, r, (c) => {
        const next = { ...c, quote: r.newQuote };
        edited.add(next);
        return next;
      }),
    );
    (input.retract ?? []).forEach((r, i) => apply(`retract[${i}]`, r, () => null));

    const kind = (current.record as { kind?: SourceKind }).kind ?? 'ARTICLE';
    const before = new SourceLibrary(new Map([[input.id, { kind, text: current.record.text ?? null }]]));
    const after = new SourceLibrary(new Map([[input.id, { kind, text: input.text }]]));
    const unconfirmed: UserError[] = [];
    for (const record of records.values()) {
      forEachCitation(record.record, (c, path) => {
        if (c.source !== input.id || edited.has(c) || !citationChangedBy(c, before, after)) return;
        const what = c.quote !== undefined ? `quotes "${c.quote.slice(0, 60)}"` : `points at ${c.locator ?? '?'}`;
        const gone = c.quote !== undefined ? after.locate(input.id, c.quote) === null : after.pointed(input.id, c.locator ?? '') === undefined;
        unconfirmed.push({
          field: 'text',
          code: 'PASSAGE_CHANGED',
          message: `${record.record.id} ${path} ${what}, which ${gone ? 'is not in the new text' : 'the new text says in a changed passage'}: re-confirm it (reconfirm: { citedBy, quote, newQuote }) or retract it (retract)`,
        });
      });
    }
    if (unconfirmed.length > 0) throw new EditRefused(unconfirmed);

    const revised = { ...current.record, text: input.text, retrievedAt: input.retrievedAt ?? scope.at };
    await write([{ before: current, after: { collection: 'sources', record: revised } }], { operation: 'reviseSourceText', reason: input.reason });
    const changed = [...editedRecords].map((id) => records.get(id)!);
    if (changed.length > 0) {
      const originals = await scope.read(changed.map((r) => r.record.id));
      // A re-confirmed quote not in the new text, or a record left without citations, is the lists' fault.
      const listField = (input.reconfirm ?? []).length > 0 ? 'reconfirm' : 'retract';
      await write(
        changed.map((r) => ({ before: originals.get(r.record.id) ?? null, after: r })),
        { operation: 'reviseSourceText', reason: input.reason, fieldOf: (_r, path) => (/citations(\[\d+\]\.quote)?$/.test(path) ? listField : null) },
      );
    }
    // The other citing records change nothing of their own; written again, their offsets are taken in the new text.
    await rebuildRecords(scope, [...records.values()].filter((r) => !editedRecords.has(r.record.id)));
    return input.id;
  });
}

/**
 * Removes one citation from the record that gives it (an entity, a fact, or a claim or nested fact of one),
 * recorded as a change of that record with the reason. The record must keep a citation.
 */
export function retractCitation(db: Database, actor: string, input: RetractCitationInput): Promise<MutationResult> {
  return run(db, actor, async (scope, write) => {
    checkReason(input.reason);
    if (!input.quote && !input.locator) refuse('quote', 'INVALID', 'give the citation\'s quote (or its locator)');
    const owner = ownerOf(input.citedBy);
    const lookup = await scope.lookup([owner]);
    if (!lookup.entities.has(owner) && !lookup.facts.has(owner)) refuse('citedBy', 'NOT_FOUND', `no entity or fact ${owner}`);
    await scope.lock([{ id: owner, label: lookup.entities.has(owner) ? 'Entity' : 'Fact', create: false }]);
    const current = (await scope.read([owner])).get(owner);
    if (!current) return refuse('citedBy', 'NOT_FOUND', `no record ${owner}`);
    const { record, count } = editCitations(current, input.citedBy, { source: input.source, quote: input.quote ?? null, locator: input.locator ?? null }, () => null);
    if (count === 0) refuse('citedBy', 'NOT_FOUND', `${input.citedBy} gives no such citation of ${input.source}`);
    await write([{ before: current, after: record }], {
      operation: 'retractCitation',
      reason: input.reason,
      fieldOf: (_r, path) => (/citations/.test(path) && !/citations\[\d+\]\./.test(path) ? 'citedBy' : null),
    });
    return input.source;
  });
}

/** Every citation in a record, with its path (`citations[0]`, `names[1].citations[0]`). */
function forEachCitation(value: unknown, visit: (c: Citation, path: string) => void, path = ''): void {
  if (Array.isArray(value)) return value.forEach((v, i) => forEachCitation(v, visit, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return;
  for (const [k, v] of Object.entries(value)) {
    const at = path === '' ? k : `${path}.${k}`;
    if (k === 'citations' && Array.isArray(v)) v.forEach((c, i) => visit(c as Citation, `${at}[${i}]`));
    else forEachCitation(v, visit, at);
  }
}

/**
 * A copy of the record with `change` applied to the citations that node `citedBy` gives and that match (same
 * source; same quote under the quote normalisation, or same locator): the record's own list when `citedBy` is
 * the record, otherwise the lists of its nested facts and claims. `change` returning null removes the citation.
 */
function editCitations(
  record: CollectionRecord,
  citedBy: string,
  match: { source: string; quote?: string | null; locator?: string | null },
  change: (c: Citation) => Citation | null,
): { record: CollectionRecord; count: number } {
  const copy = structuredClone(record.record) as unknown as Record<string, unknown>;
  const wanted = match.quote ? normaliseQuote(match.quote) : null;
  const matches = (c: Citation) =>
    c.source === match.source &&
    (wanted === null || (c.quote !== undefined && normaliseQuote(c.quote) === wanted)) &&
    (!match.locator || c.locator === match.locator);
  let count = 0;
  const editList = (list: Citation[]): Citation[] =>
    list.flatMap((c) => {
      if (!matches(c)) return [c];
      count += 1;
      const next = change(c);
      return next === null ? [] : [next];
    });
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    const object = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(object)) {
      if (k === 'citations' && Array.isArray(v)) object[k] = editList(v as Citation[]);
      else walk(v);
    }
  };
  if (citedBy === record.record.id) copy.citations = editList((copy.citations as Citation[] | undefined) ?? []);
  else for (const [k, v] of Object.entries(copy)) if (k !== 'citations') walk(v);
  return { record: { ...record, record: copy } as unknown as CollectionRecord, count };
}

export function addMembership(db: Database, actor: string, input: AddMembershipInput): Promise<MutationResult> {
  const made = `membership:${slug(input.person)}-${slug(input.organization)}-${slug(input.role, 20)}${input.from ? `-${slug(input.from, 10)}` : ''}`;
  return addFact(db, actor, 'addMembership', 'memberships', input, made, (id) => ({
    id,
    person: input.person,
    organization: input.organization,
    role: input.role,
    title: input.title ?? undefined,
    from: input.from ?? undefined,
    to: input.to ?? undefined,
    citations: citationsOf(input.citations),
  }));
}

export function addCandidacy(db: Database, actor: string, input: AddCandidacyInput): Promise<MutationResult> {
  return addFact(db, actor, 'addCandidacy', 'candidacies', input, `candidacy:${slug(input.person)}-${slug(input.election)}`, (id) => ({
    id,
    person: input.person,
    election: input.election,
    district: input.district ?? undefined,
    mandate: input.mandate ?? undefined,
    nominatedBy: input.nominatedBy ?? undefined,
    selfNominated: input.selfNominated ?? undefined,
    rank: input.rank ?? undefined,
    statuses: [],
    citations: citationsOf(input.citations),
  }));
}

export function addPartyResult(db: Database, actor: string, input: AddPartyResultInput): Promise<MutationResult> {
  return addFact(db, actor, 'addPartyResult', 'partyResults', input, `result:${slug(input.party)}-${slug(input.election)}`, (id) => ({
    id,
    party: input.party,
    election: input.election,
    voteShare: input.voteShare ?? undefined,
    listSeats: input.listSeats ?? undefined,
    districtSeats: input.districtSeats ?? undefined,
    totalSeats: input.totalSeats ?? undefined,
    passedThreshold: input.passedThreshold ?? undefined,
    citations: citationsOf(input.citations),
  }));
}

export function addFamilyTie(db: Database, actor: string, input: AddFamilyTieInput): Promise<MutationResult> {
  const made = `family:${slug(input.person)}-${slug(input.relative)}-${input.relation.toLowerCase()}`;
  return addFact(db, actor, 'addFamilyTie', 'familyTies', input, made, (id) => ({
    id,
    person: input.person,
    relative: input.relative,
    relation: input.relation,
    citations: citationsOf(input.citations),
  }));
}

// ---- facts nested in a record ----------------------------------------------------------------------------------

/** Locks and reads the record a nested fact is added to; refuses when it is missing or of another kind. */
async function ownerRecord<K extends DatasetKey>(scope: EditScope, id: string, collection: K, field: string, label: 'Entity' | 'Fact'): Promise<RecordOf<K>> {
  const lookup = await scope.lookup([id]);
  const to = lookup.redirects.get(id);
  const target = to ?? id;
  await scope.lock([{ id: target, label, create: false }]);
  const found = (await scope.read([target])).get(target);
  if (!found) return refuse(field, 'NOT_FOUND', `no ${collection === 'candidacies' ? 'candidacy' : 'record'} ${id}`);
  if (found.collection !== collection) return refuse(field, 'WRONG_KIND', `${id} is not one of ${collection}`);
  return found.record;
}

export function addCandidacyStatus(db: Database, actor: string, input: AddCandidacyStatusInput): Promise<MutationResult> {
  if (input.citations.length === 0) return Promise.resolve({ id: null, changes: [], errors: [withoutCitations('citations')] });
  return run(db, actor, async (scope, write) => {
    const before = await ownerRecord(scope, input.candidacy, 'candidacies', 'candidacy', 'Fact');
    if ((await retractedAmong(scope.tx, [before.id])).size > 0) refuse('candidacy', 'RETRACTED', `candidacy ${before.id} is retracted; restore it first`);
    const status = compact({ status: input.status, date: input.date ?? undefined, by: input.by ?? undefined, citations: citationsOf(input.citations) });
    const after = { ...before, statuses: [...before.statuses, status] };
    const existing = before.statuses.length;
    await write([{ before: { collection: 'candidacies', record: before }, after: built('candidacies', after) }], {
      operation: 'addCandidacyStatus',
      fieldOf: (_r, path) => path.replace(/^\w+\[\d+\]\.?/, '').replace(new RegExp(`^statuses\\[${existing}\\]\\.?`), '') || null,
    });
    return `${before.id}#status#${existing + 1}`;
  });
}

export function addCaseParty(db: Database, actor: string, input: AddCasePartyInput): Promise<MutationResult> {
  if (input.citations.length === 0) return Promise.resolve({ id: null, changes: [], errors: [withoutCitations('citations')] });
  return run(db, actor, async (scope, write) => {
    const before = await ownerRecord(scope, input.courtCase, 'courtCases', 'courtCase', 'Entity');
    const party = compact({ entity: input.entity, role: input.role, charges: input.charges ?? [], from: input.from ?? undefined, citations: citationsOf(input.citations) });
    const existing = before.parties.length;
    await write([{ before: { collection: 'courtCases', record: before }, after: built('courtCases', { ...before, parties: [...before.parties, party] }) }], {
      operation: 'addCaseParty',
      fieldOf: (_r, path) => path.replace(/^\w+\[\d+\]\.?/, '').replace(new RegExp(`^parties\\[${existing}\\]\\.?`), '') || null,
    });
    return `${before.id}#party#${existing + 1}`;
  });
}

export function addEventParticipant(db: Database, actor: string, input: AddEventParticipantInput): Promise<MutationResult> {
  if (input.citations.length === 0) return Promise.resolve({ id: null, changes: [], errors: [withoutCitations('citations')] });
  return run(db, actor, async (scope, write) => {
    const before = await ownerRecord(scope, input.event, 'events', 'event', 'Entity');
    const participant = { entity: input.entity, role: input.role, citations: citationsOf(input.citations) };
    const existing = before.participants.length;
    await write(
      [{ before: { collection: 'events', record: before }, after: built('events', { ...before, participants: [...before.participants, participant] }) }],
      {
        operation: 'addEventParticipant',
        fieldOf: (_r, path) => path.replace(/^\w+\[\d+\]\.?/, '').replace(new RegExp(`^participants\\[${existing}\\]\\.?`), '') || null,
      },
    );
    return `${before.id}#participant#${existing + 1}`;
  });
}

// ---- ending, retracting, restoring -----------------------------------------------------------------------------

export function endRelationship(db: Database, actor: string, id: string, to: string, citation: CitationInput): Promise<MutationResult> {
  return run(db, actor, async (scope, write) => {
    const lookup = await scope.lookup([id]);
    const target = lookup.redirects.get(id) ?? id;
    const owner = ownerOf(target);
    await scope.lock([{ id: owner, label: owner === target ? 'Fact' : 'Entity', create: false }]);
    if ((await retractedAmong(scope.tx, [target])).size > 0) refuse('id', 'RETRACTED', `${target} is retracted; restore it first`);
    const current = (await scope.read([owner])).get(owner);
    const added = citationsOf([citation]);
    const fieldOf = (_r: CollectionRecord, path: string) => {
      const field = path.replace(/^\w+\[\d+\]\.?/, '').replace(/^names\[\d+\]\.?/, '');
      return field.startsWith('citations') ? 'citation' : field === '' ? null : field;
    };
    if (current?.collection === 'memberships' && owner === target) {
      const before = current.record;
      await write([{ before: current, after: built('memberships', { ...before, to, citations: addCitations(before.citations, added) }) }], { operation: 'endRelationship', fieldOf });
      return target;
    }
    const index = /#name#(\d+)$/.exec(target)?.[1];
    if (current?.collection === 'parties' && index !== undefined) {
      const before = current.record;
      const i = Number(index) - 1;
      const name = before.names[i];
      if (!name) return refuse('id', 'NOT_FOUND', `no party name ${target}`);
      const names = before.names.map((n, k) => (k === i ? { ...n, to, citations: addCitations(n.citations, added) } : n));
      await write([{ before: current, after: built('parties', { ...before, names }) }], { operation: 'endRelationship', fieldOf });
      return target;
    }
    if (!current && !lookup.facts.has(target)) return refuse('id', 'NOT_FOUND', `no fact ${id}`);
    return refuse('id', 'WRONG_KIND', `${id} has no end to set: only memberships and party names end`);
  });
}

function checkReason(reason: string): void {
  if (reason.trim() === '') refuse('reason', 'INVALID', 'a reason is required');
  if (reason.length > 2_000) refuse('reason', 'INVALID', 'the reason must be at most 2000 characters');
}

/** Locks a fact (and the record it is nested in) for a retraction or a restore; refuses what is not a fact. */
async function lockFact(scope: EditScope, id: string): Promise<{ target: string; owner: string }> {
  const lookup = await scope.lookup([id]);
  const target = lookup.redirects.get(id) ?? id;
  const found = target === id ? lookup : await scope.lookup([target]);
  if (!found.facts.has(target)) {
    if (found.entities.has(target)) refuse('id', 'WRONG_KIND', `${id} is an entity: entities are not retracted (merge duplicates instead)`);
    refuse('id', 'NOT_FOUND', `no fact ${id}`);
  }
  const owner = ownerOf(target);
  const locks = [{ id: target, label: 'Fact' as const, create: false }];
  if (owner !== target) locks.push({ id: owner, label: (found.facts.has(owner) ? 'Fact' : 'Entity') as 'Fact', create: false });
  await scope.lock(locks);
  return { target, owner };
}

export function retractFact(db: Database, actor: string, id: string, reason: string): Promise<MutationResult> {
  return run(db, actor, async (scope) => {
    checkReason(reason);
    const { target, owner } = await lockFact(scope, id);
    if ((await retractedAmong(scope.tx, [target])).size > 0) refuse('id', 'ALREADY_RETRACTED', `${target} is retracted already`);
    const retraction = { reason, actor: scope.actor, at: scope.at };
    await markRetracted(scope.tx, target, retraction);
    await scope.audit([
      {
        operation: 'retractFact',
        targetId: target,
        before: JSON.stringify({ retraction: null }),
        after: JSON.stringify({ retraction }),
        reason,
        subjects: [...new Set([target, owner])],
      },
    ]);
    return target;
  });
}

export function restoreFact(db: Database, actor: string, id: string, reason: string): Promise<MutationResult> {
  return run(db, actor, async (scope) => {
    checkReason(reason);
    const { target, owner } = await lockFact(scope, id);
    if ((await retractedAmong(scope.tx, [target])).size === 0) refuse('id', 'NOT_RETRACTED', `${target} is not retracted`);
    const before = await retractionOf(scope.tx, target);
    await markRetracted(scope.tx, target, null);
    const record = (await scope.read([owner])).get(owner);
    if (record) await rebuildRecords(scope, [record]);
    await scope.audit([
      {
        operation: 'restoreFact',
        targetId: target,
        before: JSON.stringify({ retraction: before ?? null }),
        after: JSON.stringify({ retraction: null }),
        reason,
        subjects: [...new Set([target, owner])],
      },
    ]);
    return target;
  });
}
