// Popolo import: read the file, map it to dataset records, resolve each person, party, organisation and
// election against the graph (merge only on sufficient evidence), fold merged records into the stored ones,
// then hand the result to the bulk importer: the same validation, the same all-or-nothing write.
import { readFile } from 'node:fs/promises';
import { recordFromGraph, type CollectionRecord } from '../dataset/from-graph.js';
import { MAX_DATASET_TEXT_LENGTH, MAX_NAME_LENGTH, type Citation, type DatasetKey } from '../dataset/schema.js';
import type { ValidationIssue } from '../dataset/validate.js';
import { replaceReferences } from '../curation/engine.js';
import { addRecord, emptyLoaded, type BulkFile } from '../bulk/format.js';
import { planImport, type ImportPlan, type PlanProgress } from '../bulk/import.js';
import type { Database } from '../neo4j/database.js';
import { readStoredRecords } from '../repositories/curation-repository.js';
import { candidateIds, existingEntityIds, resolutionProfiles, resolutionProfilesOf, storedMembershipsBetween, type StoredMembership } from '../repositories/resolution-repository.js';
import { identifierKey, identifierSearchKey } from '../dataset/to-graph.js';
import { mapPopolo, nameVariants, pathOf, readPopolo, type MappedRecord, type PopoloDocument, type SourceMeta } from './popolo.js';
import { decide, describeEvidence, type Comparison, type Decision, type Evidence, type Profile, type ResolutionKind } from './resolve.js';
import { escapeLucene, nameKeys } from '../search/fold.js';
import { resolvePointer } from '../domain/citation-rule.js';
import { mergeDateClaims, refines, type ClaimableDate } from '../domain/date-claims.js';

export { resolvePointer };

export interface ResolutionReport {
  /** The incoming element: `/persons/17`. */
  pointer: string;
  line: number | null;
  collection: DatasetKey;
  /** Its provisional id and the id it is written under (the existing one when merged). */
  incomingId: string;
  id: string;
  name: string;
  decision: Decision;
  /**
   * Values of a merged record on which the file and the graph disagree: an election's date and a term's dates keep
   * both as claims, other dates keep the graph's.
   */
  conflicts?: string[];
}

/**
 * An incoming membership found to be one the graph holds (the same person, organisation, role and term): it is
 * written under the stored id, folded into the stored record; `conflicts` are the dates (or values) on which the
 * file and the graph disagree (dates: both kept as claims).
 */
export interface FactMatchReport {
  pointer: string;
  line: number | null;
  collection: 'memberships';
  incomingId: string;
  id: string;
  conflicts?: string[];
}

export interface PopoloPlan {
  doc: PopoloDocument;
  issues: ValidationIssue[];
  /** What each incoming entity was resolved to, with the evidence. */
  resolutions: ResolutionReport[];
  /** Memberships of the file that the graph holds already (matched, not created). */
  facts: FactMatchReport[];
  skipped: { pointer: string; line: number | null; reason: string }[];
  /** The bulk plan (null when the file itself has problems). */
  plan: ImportPlan | null;
}

const kindOfCollection: Partial<Record<DatasetKey, ResolutionKind>> = { people: 'PERSON', parties: 'PARTY', organizations: 'ORGANIZATION', elections: 'ELECTION' };
/** Organisations first: the bodies persons and parties sit in must be known before they are compared. */
const resolutionOrder: DatasetKey[] = ['organizations', 'parties', 'elections', 'people'];

/**
 * Reads and parses a Popolo file; one longer than a dataset source may store is refused unparsed (its only
 * issue says so), as parsing it would be work for nothing.
 */
export async function readPopoloFile(path: string): Promise<PopoloDocument> {
  const text = await readFile(path, 'utf8');
  if (text.length > MAX_DATASET_TEXT_LENGTH) {
    const doc: PopoloDocument = { file: path, text, sha256: '', persons: [], organizations: [], memberships: [], events: [], issues: [] };
    return { ...doc, issues: checkPopoloLimits(doc) };
  }
  return readPopolo(text, path);
}

interface EntityLike {
  id: string;
  name: string;
  aliases?: { name: string }[];
  identifiers?: { scheme: string; value: string }[];
  orgKind?: string;
  kind?: string;
  date?: string;
}

function profileOf(m: MappedRecord, kind: ResolutionKind, seats: PopoloPlanContext['seats'], bodies: ReadonlyMap<string, string>): Profile {
  const r = m.record.record as unknown as EntityLike;
  const names = [r.name, ...(r.aliases ?? []).map((a) => a.name)];
  return {
    id: r.id,
    kind,
    names: kind === 'PERSON' ? [...new Set(names.flatMap(nameVariants))] : names,
    identifiers: (r.identifiers ?? []).map((i) => identifierKey(i.scheme, i.value)),
    subKind: kind === 'ORGANIZATION' ? (r.orgKind ?? null) : kind === 'ELECTION' ? (r.kind ?? null) : null,
    date: r.date ?? null,
    roles: (seats.get(r.id) ?? []).map((s) => ({ body: bodies.get(s.body) ?? s.body, role: 'seat', from: s.from, to: s.to })),
  };
}

type PopoloPlanContext = ReturnType<typeof mapPopolo>;

/** Existing elections that share a year, an identifier or a folded name key with the incoming one: the only ones compared. */
class CandidateIndex {
  private readonly byKey = new Map<string, Profile[]>();
  constructor(profiles: readonly Profile[]) {
    for (const p of profiles) for (const key of this.keys(p)) this.byKey.set(key, [...(this.byKey.get(key) ?? []), p]);
  }
  private keys(p: Profile): string[] {
    const keys = new Set<string>([`${p.kind}|date|${p.kind === 'ELECTION' ? (p.date ?? '').slice(0, 4) : ''}`]);
    for (const id of p.identifiers) keys.add(`${p.kind}|id|${id}`);
    for (const name of p.names) for (const k of nameKeys(name)) if (k.length >= 3) keys.add(`${p.kind}|name|${k}`);
    return [...keys];
  }
  candidates(p: Profile): Profile[] {
    const out = new Map<string, Profile>();
    for (const key of this.keys(p)) {
      if (key.endsWith('|date|')) continue;
      for (const c of this.byKey.get(key) ?? []) out.set(c.id, c);
    }
    return [...out.values()];
  }
}

/** Candidates one incoming entity is compared with, at most: the fulltext index's best (a common name's holders beyond these are not read). */
export const CANDIDATES_PER_ENTITY = 50;
/** Lucene clauses one query may have (its default maximum is 1,024). */
const MAX_TERMS = 200;

/**
 * The fulltext query (Lucene, over `searchKeys`) of an incoming entity's keys: the folded name keys of 3 letters or
 * more of every name (what the in-memory index compared on), and its identifiers' search keys, weighted up. Null
 * when it has none.
 */
export function candidateQuery(profile: Profile): string | null {
  const terms = new Set<string>();
  for (const key of profile.identifiers) {
    const value = identifierSearchKey(key.slice(key.indexOf(':') + 1));
    if (value.length > 0) terms.add(`${escapeLucene(value)}^4`);
  }
  for (const name of profile.names) {
    for (const key of nameKeys(name)) for (const token of key.split(' ')) if (token.length >= 3) terms.add(escapeLucene(token));
  }
  return terms.size === 0 ? null : [...terms].slice(0, MAX_TERMS).join(' OR ');
}

/** Incoming entities whose candidates are read in one go: the reads of the next share run while these are compared. */
const CANDIDATE_SHARE = 500;

/**
 * Each profile with its candidates of its kind from the fulltext index, best first, at most
 * CANDIDATES_PER_ENTITY, in shares of CANDIDATE_SHARE in the profiles' order. A candidate's profile is read once,
 * however many incoming entities it is a candidate of; the next share is read while the caller compares this one.
 */
async function* indexedCandidates(db: Database, profiles: readonly Profile[]): AsyncGenerator<[Profile, Profile[]][]> {
  const known = new Map<string, Profile>();
  const read = async (share: readonly Profile[]): Promise<[Profile, Profile[]][]> => {
    const queries = share.flatMap((p) => {
      const lucene = candidateQuery(p);
      return lucene === null ? [] : [{ ref: p.id, kind: p.kind, lucene }];
    });
    const ids = await candidateIds(db, queries, CANDIDATES_PER_ENTITY);
    const unread = [...new Set([...ids.values()].flat())].filter((id) => !known.has(id));
    for (const p of await resolutionProfilesOf(db, unread)) known.set(p.id, p);
    return share.map((p) => [p, (ids.get(p.id) ?? []).flatMap((id) => known.get(id) ?? [])]);
  };
  let next = read(profiles.slice(0, CANDIDATE_SHARE));
  for (let start = 0; start < profiles.length; start += CANDIDATE_SHARE) {
    const current = await next;
    if (start + CANDIDATE_SHARE < profiles.length) {
      next = read(profiles.slice(start + CANDIDATE_SHARE, start + 2 * CANDIDATE_SHARE));
      // Awaited at the next share; a caller that stops before then must not leave it unhandled.
      next.catch(() => undefined);
    }
    yield current;
  }
}

/** Elections' candidates, from the ones held in memory, as one share. */
async function* electionCandidates(index: CandidateIndex, profiles: readonly Profile[]): AsyncGenerator<[Profile, Profile[]][]> {
  await Promise.resolve();
  yield profiles.map((p) => [p, index.candidates(p)]);
}

/**
 * The limits a Popolo file must keep, checked before any work on it: the stored dataset's length (the file is
 * stored whole as the DATASET source's text, which locators resolve in) and every name's length (names are
 * folded and indexed). Each breach is an issue naming the file, the element's line and the field.
 */
export function checkPopoloLimits(doc: PopoloDocument): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (doc.text.length > MAX_DATASET_TEXT_LENGTH) {
    issues.push({ file: doc.file, line: null, path: '', code: 'SCHEMA', message: `the file is ${doc.text.length} characters; a dataset source stores at most ${MAX_DATASET_TEXT_LENGTH}` });
  }
  const check = (value: unknown, path: string, line: number | null): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => check(v, `${path}[${i}]`, line));
    if (typeof value !== 'object' || value === null) return;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'string' && NAME_FIELDS.has(key) && v.length > MAX_NAME_LENGTH) {
        issues.push({ file: doc.file, line, path: `${path}.${key}`, code: 'SCHEMA', message: `${key} is ${v.length} characters; a name has at most ${MAX_NAME_LENGTH}` });
      } else if (typeof v === 'object') check(v, `${path}.${key}`, line);
    }
  };
  for (const list of [doc.persons, doc.organizations, doc.memberships, doc.events]) {
    for (const e of list as { value: unknown; pointer: string; line: number | null }[]) check(e.value, pathOf(e.pointer), e.line);
  }
  return issues;
}

/** Popolo fields that hold names (of persons, organisations, other names, events, posts). */
const NAME_FIELDS = new Set(['name', 'family_name', 'given_name', 'additional_name', 'patronymic_name', 'sort_name', 'honorific_prefix', 'honorific_suffix']);

function uniqueBy<T>(list: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}

const citationKey = (c: Citation) => `${c.source}\n${c.quote ?? ''}\n${c.locator ?? ''}`;

/**
 * The stored record after taking in what the file says: names become aliases, identifiers, images, links,
 * terms and citations are added; every value the graph already has stays as it is (the file never overwrites
 * a curated value). Applying it twice gives the same record, so a re-import changes nothing.
 */
export function foldInto(stored: CollectionRecord, incoming: CollectionRecord, conflicts: string[] = []): CollectionRecord {
  const s = stored.record as unknown as Record<string, unknown>;
  const i = incoming.record as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...s };
  type Alias = { name: string; lang?: string; script?: string; kind?: string; citations?: Citation[] };
  const storedAliases = (s.aliases as Alias[] | undefined) ?? [];
  const known = new Set([String(s.name), ...storedAliases.map((a) => a.name)]);
  // The file's own name for a merged entity: a former name where the party's dated names have it, else official.
  const datedNames = [...((s.names as { name: string }[] | undefined) ?? []), ...((i.names as { name: string }[] | undefined) ?? [])].map((n) => n.name);
  const incomingName: Alias = {
    name: String(i.name),
    kind: datedNames.includes(String(i.name)) ? 'FORMER' : 'OFFICIAL',
    citations: ((i.citations as Citation[] | undefined) ?? []).map((c) => (c.locator ? { ...c, locator: `${c.locator}/name` } : c)),
  };
  const incomingAliases = [incomingName, ...((i.aliases as Alias[] | undefined) ?? [])];
  const added = incomingAliases.filter((a) => !known.has(a.name) && (known.add(a.name), true));
  // A stored alias nobody classified takes the file's kind for the same name, with the file's citations.
  const classified = new Map<string, Alias>();
  for (const a of incomingAliases) if (a.kind && !classified.has(a.name)) classified.set(a.name, a);
  const upgraded = storedAliases.map((a) => {
    const from = a.kind ? undefined : classified.get(a.name);
    return from ? { ...a, kind: from.kind, citations: uniqueBy([...(a.citations ?? []), ...(from.citations ?? [])], citationKey) } : a;
  });
  out.aliases = [...upgraded, ...added];
  // A predecessor's names are no aliases of the stored entity either, even where a curator had them so.
  // Predecessors and successors by name: one entry with both sides' names and citations; the stored party and
  // date stay, the file's fill what the graph lacks.
  type Lineage = { name: string; names?: string[]; party?: string; date?: string; citations: Citation[] };
  for (const field of ['predecessors', 'successors'] as const) {
    const list = [...((s[field] as Lineage[] | undefined) ?? [])];
    for (const p of (i[field] as Lineage[] | undefined) ?? []) {
      const same = list.findIndex((x) => x.name === p.name);
      if (same < 0) list.push(p);
      else {
        const x = list[same]!;
        const names = [...new Set([...(x.names ?? []), ...(p.names ?? [])])];
        list[same] = { ...p, ...x, ...(names.length > 0 ? { names } : {}), citations: uniqueBy([...x.citations, ...p.citations], citationKey) };
      }
    }
    if (list.length > 0) out[field] = list;
  }
  const predecessors = (out.predecessors as Lineage[] | undefined) ?? [];
  if (predecessors.length > 0) {
    const theirs = new Set(predecessors.flatMap((p) => [p.name, ...(p.names ?? [])]));
    out.aliases = (out.aliases as Alias[]).filter((a) => !theirs.has(a.name));
  }
  const union = <T>(field: string, key: (t: T) => string) => {
    const list = uniqueBy([...((s[field] as T[] | undefined) ?? []), ...((i[field] as T[] | undefined) ?? [])], key);
    if (list.length > 0) out[field] = list;
  };
  // One value per scheme: a stored identifier of a scheme wins over the file's.
  const schemes = new Set(((s.identifiers as { scheme: string }[] | undefined) ?? []).map((x) => x.scheme));
  const incomingIds = ((i.identifiers as { scheme: string; value: string }[] | undefined) ?? []).filter((x) => !schemes.has(x.scheme));
  const ids = uniqueBy([...((s.identifiers as { scheme: string; value: string }[] | undefined) ?? []), ...incomingIds], (x) => `${x.scheme}:${x.value}`);
  if (ids.length > 0) out.identifiers = ids;
  union<string>('images', (x) => x);
  union<{ url: string }>('links', (x) => x.url);
  // A date both state is kept at the finer precision (the file's 2016-03-20 over the articles' 2016): the
  // record's citations then include the file's, which states it. Dates that disagree: an election's polling day
  // is claimable, so both are kept as claims, each with its citations; the other date fields hold one value, so
  // the stored one stays. Either way the disagreement is reported.
  for (const field of dateFields) {
    if (field === 'date' && stored.collection === 'elections') {
      const kept = mergeDateClaims('date', s.date as ClaimableDate, i.date as ClaimableDate, s.citations as Citation[], i.citations as Citation[], conflicts);
      if (kept !== undefined) out.date = kept;
      continue;
    }
    const kept = finerDate(s[field], i[field], `${field}`, conflicts);
    if (kept !== undefined) out[field] = kept;
  }
  const incomingTerms = new Map(((i.terms as { key: string }[] | undefined) ?? []).map((t) => [t.key, t as Record<string, unknown>]));
  union<{ key: string }>('terms', (x) => x.key);
  if (Array.isArray(out.terms)) {
    out.terms = (out.terms as Record<string, unknown>[]).map((t) => {
      const other = incomingTerms.get(String(t.key));
      if (!other || other === t) return t;
      // A term's dates are claimable, like a polling day: a disagreeing date is kept beside the graph's, each cited.
      const merged = { ...t };
      for (const field of ['from', 'to']) {
        const kept = t[field] === undefined ? other[field] : mergeDateClaims(`terms[${String(t.key)}].${field}`, t[field] as ClaimableDate, other[field] as ClaimableDate, t.citations as Citation[], other.citations as Citation[], conflicts);
        if (kept !== undefined) merged[field] = kept;
      }
      if (merged.from !== t.from || merged.to !== t.to) merged.citations = uniqueBy([...(t.citations as Citation[]), ...(other.citations as Citation[])], citationKey);
      return merged;
    });
  }
  // A party's dated names: every cited name with its span (the same name may be dated by two sources with
  // different spans: both statements are kept). Appended, so the stored names keep their places (and ids).
  union<{ name: string; from?: string; to?: string }>('names', (n) => `${n.name}\n${n.from ?? ''}\n${n.to ?? ''}`);
  out.citations = uniqueBy([...(s.citations as Citation[]), ...(i.citations as Citation[])], citationKey);
  for (const [field, value] of Object.entries(i)) if (out[field] === undefined && value !== undefined) out[field] = value;
  return { collection: stored.collection, record: out } as unknown as CollectionRecord;
}

/** The date fields of records that a merge compares (an election's date, a membership's or a case's dates). */
const dateFields = ['date', 'from', 'to', 'opened'] as const;
const partialDatePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * The value to keep of a date both records give: the incoming one when it is the stored one at a finer
 * precision; undefined to keep the stored one (a disagreement is added to `conflicts`).
 */
function finerDate(stored: unknown, incoming: unknown, field: string, conflicts: string[]): string | undefined {
  if (typeof stored !== 'string' || typeof incoming !== 'string' || stored === incoming) return undefined;
  if (!partialDatePattern.test(stored) || !partialDatePattern.test(incoming)) return undefined;
  const n = Math.min(stored.length, incoming.length);
  if (stored.slice(0, n) !== incoming.slice(0, n)) {
    conflicts.push(`${field}: the graph has ${stored}, the file ${incoming}; the graph's value is kept`);
    return undefined;
  }
  return incoming.length > stored.length ? incoming : undefined;
}

type MembershipRecord = Extract<CollectionRecord, { collection: 'memberships' }>['record'];

/**
 * The incoming memberships that are ones the graph holds: between a person and an organisation that were both
 * merged into stored entities, a stored (live) membership of the same role and term (both without one, or the
 * same key). Where several stored ones fit, the one with the incoming id (a re-import), else the one whose dates
 * agree with the file's at the coarser precision; still several, or a stored one another incoming membership took
 * already: none (the incoming one is created, as before).
 */
async function matchMemberships(db: Database, mapped: readonly MappedRecord[], finalId: ReadonlyMap<string, string>, existing: ReadonlySet<string>): Promise<FactMatchReport[]> {
  const incoming = mapped.flatMap((m) => {
    if (m.record.collection !== 'memberships') return [];
    const r = replaceReferences(m.record, finalId).record;
    return existing.has(r.person) && existing.has(r.organization) ? [{ m, r }] : [];
  });
  if (incoming.length === 0) return [];
  const stored = await storedMembershipsBetween(db, incoming.map(({ r }) => ({ person: r.person, organization: r.organization })));
  const byPair = new Map<string, StoredMembership[]>();
  for (const s of stored) byPair.set(`${s.person}\n${s.organization}`, [...(byPair.get(`${s.person}\n${s.organization}`) ?? []), s]);
  const taken = new Set<string>();
  const out: FactMatchReport[] = [];
  const agrees = (a: string | null, b: string | undefined) => a === null || b === undefined || refines(a, b);
  for (const { m, r } of incoming) {
    const fitting = (byPair.get(`${r.person}\n${r.organization}`) ?? []).filter((s) => s.role === r.role && s.term === (r.term ?? null));
    const own = fitting.find((s) => s.id === r.id);
    const dated = fitting.filter((s) => agrees(s.from, typeof r.from === 'string' ? r.from : undefined) && agrees(s.to, typeof r.to === 'string' ? r.to : undefined));
    const match = own ?? (fitting.length === 1 ? fitting[0] : dated.length === 1 ? dated[0] : undefined);
    if (!match || taken.has(match.id)) continue;
    taken.add(match.id);
    out.push({ pointer: m.pointer, line: m.line, collection: 'memberships', incomingId: r.id, id: match.id });
  }
  return out;
}

/**
 * A stored membership after taking in the file's statement of it: its dates are claimable, so a date the file
 * refines is kept at the finer precision and a date it contradicts is kept beside the graph's as a claim cited by
 * the file (both reported in `conflicts`); a date the graph lacks is the file's. Other values the graph has stay
 * (a different party is reported); the file's citations are added. Applying it twice gives the same record.
 */
export function foldMembershipInto(stored: MembershipRecord, incoming: MembershipRecord, conflicts: string[] = []): MembershipRecord {
  const out: MembershipRecord = { ...incoming, ...stored, citations: uniqueBy([...stored.citations, ...incoming.citations], citationKey) };
  for (const field of ['from', 'to'] as const) {
    const s = stored[field];
    const i = incoming[field];
    if (i === undefined) continue;
    if (s === undefined) {
      out[field] = i;
      continue;
    }
    const kept = mergeDateClaims(field, s, i, stored.citations, incoming.citations, conflicts);
    if (kept !== undefined) out[field] = kept;
  }
  if (stored.onBehalfOf !== undefined && incoming.onBehalfOf !== undefined && stored.onBehalfOf !== incoming.onBehalfOf) {
    conflicts.push(`onBehalfOf: the graph has ${stored.onBehalfOf}, the file ${incoming.onBehalfOf}; the graph's value is kept`);
  }
  // A seat the graph gives a party is no independent's, whatever the file says (reported like a party).
  if (stored.onBehalfOf !== undefined && stored.independent === undefined && incoming.independent) {
    delete out.independent;
    conflicts.push(`independent: the graph has a seat for ${stored.onBehalfOf}, the file an independent's; the graph's value is kept`);
  }
  return out;
}

/** Validates, maps and resolves a Popolo file and plans its import; reads only. */
export async function planPopoloImport(db: Database, doc: PopoloDocument, meta: SourceMeta, onProgress?: PlanProgress): Promise<PopoloPlan> {
  if (doc.issues.length > 0) return { doc, issues: doc.issues, resolutions: [], facts: [], skipped: [], plan: null };
  // Limits first: nothing is mapped, folded or looked up for a file that breaks one.
  const limits = checkPopoloLimits(doc);
  if (limits.length > 0) return { doc, issues: limits, resolutions: [], facts: [], skipped: [], plan: null };
  const mapping = mapPopolo(doc, meta);
  // Elections are few: all of them, matched by year and name in memory. Everyone else through the fulltext index.
  const elections = new CandidateIndex(await resolutionProfiles(db, ['ELECTION']));
  const existingIds = await existingEntityIds(db, mapping.records.map((m) => m.record.record.id));
  const finalId = new Map<string, string>();
  const resolutions: ResolutionReport[] = [];
  const claimed = new Map<string, ResolutionReport>();

  for (const collection of resolutionOrder) {
    const kind = kindOfCollection[collection]!;
    const records = mapping.records.filter((r) => r.record.collection === collection);
    const profiles = records.map((m) => profileOf(m, kind, mapping.seats, finalId));
    const shares = kind === 'ELECTION' ? electionCandidates(elections, profiles) : indexedCandidates(db, profiles);
    let i = 0;
    for await (const [profile, candidates] of flatten(shares)) {
      const m = records[i++]!;
      let decision = decide(profile, candidates);
      if (decision.action === 'MERGE') {
        // Two incoming entities may not both become one existing entity: neither is merged, both are flagged.
        const rival = claimed.get(decision.into);
        if (rival) {
          const flag = (d: Decision & { action: 'MERGE' }): Comparison[] => [{ existing: d.into, score: d.score, evidence: d.evidence, sufficient: false }, ...d.others];
          if (rival.decision.action === 'MERGE') {
            rival.decision = { action: 'CREATE', flagged: flag(rival.decision) };
            rival.id = freeId(rival.incomingId, m.pointer, existingIds);
            finalId.set(rival.incomingId, rival.id);
          }
          decision = { action: 'CREATE', flagged: flag(decision) };
        }
      }
      const id = decision.action === 'MERGE' ? decision.into : freeId(profile.id, m.pointer, existingIds);
      finalId.set(profile.id, id);
      const report: ResolutionReport = { pointer: m.pointer, line: m.line, collection, incomingId: profile.id, id, name: (m.record.record as { name: string }).name, decision };
      if (decision.action === 'MERGE') claimed.set(decision.into, report);
      resolutions.push(report);
    }
  }

  // Memberships the graph holds already (between merged entities): written under the stored id, folded into it.
  const facts = await matchMemberships(db, mapping.records, finalId, new Set(resolutions.filter((r) => r.decision.action === 'MERGE').map((r) => r.id)));
  const factMatch = new Map(facts.map((f) => [f.incomingId, f]));

  // Records under their final ids; merged ones folded into what the graph stores.
  const merged = [...resolutions.filter((r) => r.decision.action === 'MERGE').map((r) => r.id), ...facts.map((f) => f.id)];
  const stored = new Map<string, CollectionRecord>();
  for (let i = 0; i < merged.length; i += 500) {
    const found = await db.readTransaction((tx) => readStoredRecords(tx, merged.slice(i, i + 500)));
    for (const [id, record] of found) {
      const parsed = recordFromGraph(record);
      if (parsed) stored.set(id, parsed);
    }
  }
  const byIncoming = new Map(resolutions.map((r) => [r.incomingId, r]));
  const records: { record: CollectionRecord; line: number | null }[] = [{ record: mapping.source, line: 1 }];
  for (const m of mapping.records) {
    let record = replaceReferences(m.record, finalId);
    const resolution = byIncoming.get(m.record.record.id);
    if (resolution) {
      record = { ...record, record: { ...record.record, id: resolution.id } } as CollectionRecord;
      const before = stored.get(resolution.id);
      if (resolution.decision.action === 'MERGE' && before) {
        const conflicts: string[] = [];
        record = foldInto(before, record, conflicts);
        if (conflicts.length > 0) resolution.conflicts = conflicts;
      }
    }
    const fact = factMatch.get(m.record.record.id);
    const storedFact = fact ? stored.get(fact.id) : undefined;
    if (fact && storedFact?.collection === 'memberships' && record.collection === 'memberships') {
      const conflicts: string[] = [];
      record = { collection: 'memberships', record: foldMembershipInto(storedFact.record, { ...record.record, id: fact.id }, conflicts) };
      if (conflicts.length > 0) fact.conflicts = conflicts;
    }
    records.push({ record, line: m.line });
  }

  const issues = verifyLocators(doc, records.map((r) => r.record));
  if (issues.length > 0) return { doc, issues, resolutions, facts, skipped: mapping.skipped, plan: null };
  const loaded = emptyLoaded();
  for (const r of records) addRecord(loaded, r.record.collection, r.record.record, doc.file, r.line ?? 1);
  const file: BulkFile = { loaded, curation: [], lines: records.length };
  const plan = await planImport(db, file, onProgress);
  return { doc, issues: plan.issues, resolutions, facts, skipped: mapping.skipped, plan };
}

async function* flatten<T>(shares: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const share of shares) yield* share;
}

/** A created entity's id must not be an existing entity's (a namesake's slug): add the file's element index. */
function freeId(id: string, pointer: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  return `${id}-p${pointer.split('/')[2] ?? '0'}`;
}

/** Every locator citing the file must point at an element of it (what the stored dataset text holds). */
function verifyLocators(doc: PopoloDocument, records: readonly CollectionRecord[]): ValidationIssue[] {
  const root = JSON.parse(doc.text) as unknown;
  const sourceId = records[0]!.record.id;
  const issues: ValidationIssue[] = [];
  const walk = (value: unknown, path: string, id: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`, id));
    if (typeof value !== 'object' || value === null) return;
    const v = value as Record<string, unknown>;
    if (v.source === sourceId && typeof v.locator === 'string' && resolvePointer(root, v.locator) === undefined) {
      issues.push({ file: doc.file, line: null, path: `${id} ${path}`, code: 'SCHEMA', message: `locator ${v.locator} is not in the dataset` });
    }
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, id);
  };
  for (const r of records) walk(r.record, '', r.record.id);
  return issues;
}

/** The lines `--dry-run` prints: every created, merged and flagged entity with its evidence. */
export function describeResolutions(plan: PopoloPlan): string[] {
  const lines: string[] = [];
  const evidence = (c: { evidence: Evidence[] }) => c.evidence.map(describeEvidence).join('; ');
  for (const r of plan.resolutions) {
    const where = `${pathOf(r.pointer)} ${JSON.stringify(r.name)}`;
    if (r.decision.action === 'MERGE') {
      lines.push(`merge   ${where} → ${r.id} (score ${r.decision.score}: ${evidence(r.decision)})`);
      for (const c of r.conflicts ?? []) lines.push(`  differs ${c}`);
    } else {
      lines.push(`create  ${where} as ${r.id}`);
      for (const f of r.decision.flagged) lines.push(`  flag  possible duplicate of ${f.existing} (score ${f.score}, below the rule for merging: ${evidence(f)})`);
    }
  }
  for (const f of plan.facts) {
    lines.push(`same    ${pathOf(f.pointer)} → ${f.id}`);
    for (const c of f.conflicts ?? []) lines.push(`  differs ${c}`);
  }
  for (const s of plan.skipped) lines.push(`skip    ${pathOf(s.pointer)}: ${s.reason}`);
  return lines;
}
