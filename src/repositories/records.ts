// The repositories' record types and the parsers that turn Neo4j maps into them: the boundary where untyped
// database values become typed objects. Resolvers only ever see these.
import { partialDateOrNull, type PartialDate } from '../domain/partial-date.js';
import type { FactLabel } from '../dataset/to-graph.js';
import type { EntityKind as SchemaEntityKind } from '../generated/graphql.js';
import { entityLabels, factLabels } from '../dataset/to-graph.js';
import { DataFaultError } from '../errors.js';
import { CandidacyStatus, ElectionKind, EventKind, OrganizationKind, PlaceKind } from '../dataset/schema.js';
import type { z } from 'zod';

/** A stored string that must be one of an enum's values; anything else reads as null. */
function oneOf<T extends string>(schema: z.ZodType<T>, v: unknown): T | null {
  const parsed = schema.safeParse(v);
  return parsed.success ? parsed.data : null;
}

/** The kinds of entity: the schema's `EntityKind` enum, as codegen writes it (one list, in schema/). */
export type EntityKind = SchemaEntityKind;

type Row = Record<string, unknown>;

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}
function bool(v: unknown): boolean | null {
  return typeof v === 'boolean' ? v : null;
}
function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
function requireStr(row: Row, key: string): string {
  const v = row[key];
  if (typeof v !== 'string') throw new Error(`record field ${key} is not a string`);
  return v;
}
function jsonArray(v: unknown): unknown[] {
  if (typeof v !== 'string') return [];
  const parsed: unknown = JSON.parse(v);
  return Array.isArray(parsed) ? parsed : [];
}

/** An external identifier of an entity (Wikidata, a parliament's person id...). */
export interface IdentifierRecord {
  scheme: string;
  value: string;
  url: string | null;
}

export interface AliasRecord {
  name: string;
  lang: string | null;
  script: string | null;
  /** `OFFICIAL`, `FORMER`, `TRANSLITERATION`, `PEJORATIVE`... (src/dataset/schema.ts `AliasKind`); null: unclassified. */
  kind: string | null;
  /** As stored with the alias: source id, quote or locator. */
  citations: StoredCitation[];
}

/** A citation stored inside an entity's property (an alias's, a party lineage's), not as a CITES relationship. */
export interface StoredCitation {
  source: string;
  quote: string | null;
  locator: string | null;
}

/** A party this one continues or that continues it (src/dataset/schema.ts `PartyLineage`). */
export interface PartyLineageRecord {
  name: string;
  names: string[];
  partyId: string | null;
  date: PartialDate | null;
  citations: StoredCitation[];
}

function storedCitations(v: unknown): StoredCitation[] {
  return (Array.isArray(v) ? (v as Row[]) : []).flatMap((c) =>
    typeof c.source === 'string' ? [{ source: c.source, quote: typeof c.quote === 'string' ? c.quote : null, locator: typeof c.locator === 'string' ? c.locator : null }] : [],
  );
}

function lineage(v: unknown): PartyLineageRecord[] {
  return jsonArray(v).flatMap((x) => {
    const l = x as Row;
    if (typeof l.name !== 'string') return [];
    return [{ name: l.name, names: Array.isArray(l.names) ? l.names.map(String) : [], partyId: str(l.party), date: partialDateOrNull(l.date), citations: storedCitations(l.citations) }];
  });
}

export interface SourceRecord {
  id: string;
  kind: 'ARTICLE' | 'DATASET' | 'OFFICIAL_RECORD';
  publisher: string;
  author: string | null;
  title: string | null;
  date: PartialDate;
  url: string | null;
  language: string | null;
  sha256: string | null;
  retrievedAt: string | null;
  version: number;
  /** The full text, when the query read it (citations' sources leave it out; `Source.text` loads it then). */
  text?: string | null;
  citationCount?: number;
}

export interface CitationRecord {
  quote: string | null;
  locator: string | null;
  /** Offsets of the quote in the source's text. */
  start: number | null;
  end: number | null;
  source: SourceRecord;
}

/**
 * What every entity has, whatever its kind. An entity record is one of the per-kind records below (a union
 * discriminated on `kind`): a kind's own fields exist only on its record, so code holding an `EntityRecord`
 * narrows on `kind` (or with `entityOfKind`) before it reads them. Records may be projected (read with only
 * some properties, src/resolvers/projection.ts): an absent property reads as null or empty.
 */
export interface EntityBase {
  id: string;
  kind: EntityKind;
  name: string;
  sortName: string;
  description: string | null;
  aliases: AliasRecord[];
  /** External identifiers (stored as JSON in `identifiers`). */
  identifiers: IdentifierRecord[];
  /** Every name to match a search against (name, aliases, a party's former names). */
  searchNames: string[];
  /** Fields whose value the sources dispute (their values are Claim nodes). */
  disputed: string[];
  /** Plain (agreed) values of claimable fields, and other scalar properties. */
  values: Record<string, string | number | null>;
}

export interface PersonRecord extends EntityBase {
  kind: 'PERSON';
}

export interface PartyRecord extends EntityBase {
  kind: 'PARTY';
  predecessors: PartyLineageRecord[];
  successors: PartyLineageRecord[];
  /** The registration status. */
  status: 'REGISTERED' | 'UNREGISTERED' | 'DISSOLVED' | 'RENAMED' | null;
}

export interface OrganizationRecord extends EntityBase {
  kind: 'ORGANIZATION';
  orgKind: z.infer<typeof OrganizationKind> | null;
  parentId: string | null;
  placeId: string | null;
}

export interface PlaceRecord extends EntityBase {
  kind: 'PLACE';
  placeKind: z.infer<typeof PlaceKind> | null;
  withinId: string | null;
}

export interface DistrictRecord extends EntityBase {
  kind: 'DISTRICT';
  number: number | null;
  seats: number | null;
  bodyId: string | null;
  placeId: string | null;
}

export interface ElectionRecord extends EntityBase {
  kind: 'ELECTION';
  electionKind: z.infer<typeof ElectionKind> | null;
  date: PartialDate | null;
  bodyId: string | null;
}

export interface CourtCaseRecord extends EntityBase {
  kind: 'COURT_CASE';
  charges: string[];
  /** Stored as `from`. */
  opened: PartialDate | null;
  courtId: string | null;
}

export interface EventRecord extends EntityBase {
  kind: 'EVENT';
  eventKind: z.infer<typeof EventKind> | null;
  /** The plain date; null when the sources dispute it (its claims are in `values`/Claim nodes then). */
  date: PartialDate | null;
  endDate: PartialDate | null;
  placeId: string | null;
  charges: string[];
}

/** Any entity: one of the per-kind records, discriminated on `kind`. */
export type EntityRecord = PersonRecord | PartyRecord | OrganizationRecord | PlaceRecord | DistrictRecord | ElectionRecord | CourtCaseRecord | EventRecord;

/** The record of entities of kind `K` (of any kind when `K` is the whole `EntityKind`). */
export type EntityOfKind<K extends EntityKind> = Extract<EntityRecord, { kind: K }>;

// Every kind has its record, and every record's kind is a kind.
const _everyKindHasARecord: [EntityKind, EntityRecord['kind']] extends [EntityRecord['kind'], EntityKind] ? true : never = true;
void _everyKindHasARecord;

/** Whether `entity` is of kind `kind` (a type guard). */
export function isEntityOfKind<K extends EntityKind>(entity: EntityRecord, kind: K): entity is EntityOfKind<K> {
  return entity.kind === kind;
}

/**
 * `entity` as a record of kind `kind`, for a reference the graph guarantees to be of that kind (a district's
 * body is an organisation): another kind is a data fault, not a user error.
 */
export function entityOfKind<K extends EntityKind>(entity: EntityRecord, kind: K): EntityOfKind<K> {
  if (isEntityOfKind(entity, kind)) return entity;
  throw new DataFaultError(`entity ${entity.id} is of kind ${entity.kind} where one of kind ${kind} was expected`);
}

/**
 * What every fact has, whatever its label: its links (the ones `linkedId` reads by link type for any fact),
 * its disputed fields and plain values, and its retraction. A fact record is one of the per-label records
 * below (a union discriminated on `label`); like entities, facts may be projected and then read absent
 * properties as null or empty.
 */
export interface FactBase {
  id: string;
  label: FactLabel;
  subjectId: string | null;
  objectIds: string[];
  nominatedById: string | null;
  decidedById: string | null;
  disputed: string[];
  values: Record<string, string | number | null>;
  /** Set when the fact is retracted (it then drops out of default reads). */
  retraction: { reason: string; actor: string; at: string } | null;
}

export interface MembershipRecord extends FactBase {
  label: 'Membership';
  role: string | null;
  title: string | null;
  /** A legislature seat's term key, the party it was held for, and whether held as an independent. */
  term: string | null;
  onBehalfOfId: string | null;
  independent: boolean;
  from: PartialDate | null;
  to: PartialDate | null;
}

export interface CandidacyRecord extends FactBase {
  label: 'Candidacy';
  districtIds: string[];
  mandate: 'SINGLE_MANDATE' | 'PARTY_LIST' | null;
  outcome: z.infer<typeof CandidacyStatus> | null;
  selfNominated: boolean | null;
}

/** A step of a candidacy's status history (GraphQL `CandidacyStatusChange`). */
export interface CandidacyStatusChangeRecord extends FactBase {
  label: 'CandidacyStatus';
  statusOfId: string | null;
  status: z.infer<typeof CandidacyStatus> | null;
  date: PartialDate | null;
  ord: number;
}

export interface PartyResultRecord extends FactBase {
  label: 'PartyResult';
  passedThreshold: boolean | null;
}

export interface FamilyTieRecord extends FactBase {
  label: 'FamilyTie';
  relation: string | null;
}

export interface CasePartyRecord extends FactBase {
  label: 'CaseParty';
  role: string | null;
  charges: string[];
  from: PartialDate | null;
}

export interface ParticipationRecord extends FactBase {
  label: 'Participation';
  role: string | null;
  ord: number;
}

export interface PartyNameRecord extends FactBase {
  label: 'PartyName';
  name: string | null;
  ord: number;
  from: PartialDate | null;
  to: PartialDate | null;
}

export interface FindingRecord extends FactBase {
  label: 'Finding';
  summary: string | null;
  date: PartialDate | null;
}

/** A legislature's term (read as `Legislature.terms`, not as a node). */
export interface TermRecord extends FactBase {
  label: 'Term';
  name: string | null;
  ord: number;
  from: PartialDate | null;
  to: PartialDate | null;
}

/** Any fact: one of the per-label records, discriminated on `label`. */
export type FactRecord =
  | MembershipRecord
  | CandidacyRecord
  | CandidacyStatusChangeRecord
  | PartyResultRecord
  | FamilyTieRecord
  | CasePartyRecord
  | ParticipationRecord
  | PartyNameRecord
  | FindingRecord
  | TermRecord;

/** The record of facts labelled `L` (of any label when `L` is the whole `FactLabel`). */
export type FactOfLabel<L extends FactLabel> = Extract<FactRecord, { label: L }>;

// Every label has its record, and every record's label is a label.
const _everyLabelHasARecord: [FactLabel, FactRecord['label']] extends [FactRecord['label'], FactLabel] ? true : never = true;
void _everyLabelHasARecord;

/** Whether `fact` is labelled `label` (a type guard). */
export function isFactOfLabel<L extends FactLabel>(fact: FactRecord, label: L): fact is FactOfLabel<L> {
  return fact.label === label;
}

/** `fact` as a record labelled `label`, for facts the graph guarantees to be so; another label is a data fault. */
export function factOfLabel<L extends FactLabel>(fact: FactRecord, label: L): FactOfLabel<L> {
  if (isFactOfLabel(fact, label)) return fact;
  throw new DataFaultError(`fact ${fact.id} is a ${fact.label} where a ${label} was expected`);
}

export interface ClaimRecord {
  ownerId: string;
  field: string;
  value: unknown;
  qualifier: string | null;
  citations: CitationRecord[];
}

export interface RelationRecord {
  id: string;
  type: string;
  direction: 'OUTGOING' | 'INCOMING';
  otherId: string;
  factId: string;
  role: string | null;
  from: PartialDate | null;
  to: PartialDate | null;
  /** True when the fact behind it is retracted (listed only on request). */
  retracted: boolean;
}

export function parseSource(row: Row): SourceRecord {
  return {
    id: requireStr(row, 'id'),
    kind: row.kind === 'DATASET' || row.kind === 'OFFICIAL_RECORD' ? row.kind : 'ARTICLE',
    publisher: requireStr(row, 'publisher'),
    author: str(row.author),
    title: str(row.title),
    date: partialDateOrNull(row.date) ?? { text: '0000', precision: 'YEAR', start: '0000-01-01', end: '0000-12-31' },
    url: str(row.url),
    language: str(row.language),
    sha256: str(row.sha256),
    retrievedAt: str(row.retrievedAt),
    version: num(row.version) ?? 1,
    ...('text' in row ? { text: str(row.text) } : {}),
    ...(typeof row.citationCount === 'number' ? { citationCount: row.citationCount } : {}),
  };
}

export function parseCitation(row: Row): CitationRecord {
  return { quote: str(row.quote), locator: str(row.locator), start: num(row.start), end: num(row.end), source: parseSource(row.source as Row) };
}

const scalarValueKeys = ['turnout', 'seats', 'listSeats', 'districtSeats', 'independentSeats', 'singleMandateCandidates', 'candidates', 'maxPenalty', 'status', 'date', 'voteShare', 'totalSeats', 'election', 'district', 'rank', 'from', 'to'];

function values(row: Row): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const key of scalarValueKeys) {
    const v = row[key];
    out[key] = typeof v === 'string' || typeof v === 'number' ? v : null;
  }
  return out;
}

export function parseEntity(row: Row): EntityRecord {
  const labels = strs(row.labels);
  const label = entityLabels.find((l) => labels.includes(l));
  if (!label) throw new Error(`entity ${String(row.id)} has no entity label`);
  const base = {
    id: requireStr(row, 'id'),
    name: requireStr(row, 'name'),
    sortName: str(row.sortName) ?? '',
    description: str(row.description),
    aliases: jsonArray(row.aliases).map((a) => {
      const alias = a as Row;
      return { name: String(alias.name), lang: str(alias.lang), script: str(alias.script), kind: str(alias.kind), citations: storedCitations(alias.citations) };
    }),
    identifiers: jsonArray(row.identifiers).flatMap((x) => {
      const i = x as Row;
      return typeof i.scheme === 'string' && typeof i.value === 'string' ? [{ scheme: i.scheme, value: i.value, url: str(i.url) }] : [];
    }),
    searchNames: jsonArray(row.searchNames).map(String),
    disputed: strs(row.disputed),
    values: values(row),
  };
  switch (label) {
    case 'Person':
      return { ...base, kind: 'PERSON' };
    case 'Party':
      return {
        ...base,
        kind: 'PARTY',
        predecessors: lineage(row.predecessors),
        successors: lineage(row.successors),
        status: row.status === 'REGISTERED' || row.status === 'UNREGISTERED' || row.status === 'DISSOLVED' || row.status === 'RENAMED' ? row.status : null,
      };
    case 'Organization':
      return { ...base, kind: 'ORGANIZATION', orgKind: oneOf(OrganizationKind, row.orgKind), parentId: str(row.parentId), placeId: str(row.placeId) };
    case 'Place':
      return { ...base, kind: 'PLACE', placeKind: oneOf(PlaceKind, row.placeKind), withinId: str(row.withinId) };
    case 'District':
      return { ...base, kind: 'DISTRICT', number: num(row.number), seats: num(row.seats), bodyId: str(row.bodyId), placeId: str(row.placeId) };
    case 'Election':
      return { ...base, kind: 'ELECTION', electionKind: oneOf(ElectionKind, row.electionKind), date: partialDateOrNull(row.date), bodyId: str(row.bodyId) };
    case 'CourtCase':
      return { ...base, kind: 'COURT_CASE', charges: strs(row.charges), opened: partialDateOrNull(row.from), courtId: str(row.courtId) };
    case 'Event':
      return {
        ...base,
        kind: 'EVENT',
        eventKind: oneOf(EventKind, row.eventKind),
        date: partialDateOrNull(row.date),
        endDate: partialDateOrNull(row.endDate),
        placeId: str(row.placeId),
        charges: strs(row.charges),
      };
  }
}

/** The ids a fact links to by each link type, from `links: [[type, id], ...]` (./fragments.ts `factMap`). */
function linksOf(row: Row): (type: string) => string[] {
  const pairs = Array.isArray(row.links) ? (row.links as unknown[]) : [];
  return (type) => pairs.flatMap((p) => (Array.isArray(p) && p[0] === type && typeof p[1] === 'string' ? [p[1]] : []));
}

export function parseFact(row: Row): FactRecord {
  const labels = strs(row.labels);
  const label = factLabels.find((l) => labels.includes(l));
  if (!label) throw new Error(`fact ${String(row.id)} has no fact label`);
  const links = linksOf(row);
  const base = {
    id: requireStr(row, 'id'),
    subjectId: links('SUBJECT')[0] ?? null,
    objectIds: links('OBJECT'),
    nominatedById: links('NOMINATED_BY')[0] ?? null,
    decidedById: links('DECIDED_BY')[0] ?? null,
    disputed: strs(row.disputed),
    values: values(row),
    retraction:
      row.retracted === true
        ? { reason: str(row.retractedReason) ?? '', actor: str(row.retractedBy) ?? '', at: str(row.retractedAt) ?? '' }
        : null,
  };
  const ord = num(row.ord) ?? 0;
  const from = partialDateOrNull(row.from);
  const to = partialDateOrNull(row.to);
  const date = partialDateOrNull(row.date);
  switch (label) {
    case 'Membership':
      return { ...base, label, role: str(row.role), title: str(row.title), term: str(row.term), onBehalfOfId: links('ON_BEHALF_OF')[0] ?? null, independent: row.independent === true, from, to };
    case 'Candidacy':
      return {
        ...base,
        label,
        districtIds: links('IN_DISTRICT'),
        mandate: row.mandate === 'SINGLE_MANDATE' || row.mandate === 'PARTY_LIST' ? row.mandate : null,
        outcome: oneOf(CandidacyStatus, row.outcome),
        selfNominated: bool(row.selfNominated),
      };
    case 'CandidacyStatus':
      return { ...base, label, statusOfId: links('STATUS_OF')[0] ?? null, status: oneOf(CandidacyStatus, row.status), date, ord };
    case 'PartyResult':
      return { ...base, label, passedThreshold: bool(row.passedThreshold) };
    case 'FamilyTie':
      return { ...base, label, relation: str(row.relation) };
    case 'CaseParty':
      return { ...base, label, role: str(row.role), charges: strs(row.charges), from };
    case 'Participation':
      return { ...base, label, role: str(row.role), ord };
    case 'PartyName':
      return { ...base, label, name: str(row.name), ord, from, to };
    case 'Finding':
      return { ...base, label, summary: str(row.summary), date };
    case 'Term':
      return { ...base, label, name: str(row.name), ord, from, to };
  }
}

export function parseClaim(row: Row): ClaimRecord {
  const raw = requireStr(row, 'value');
  return {
    ownerId: requireStr(row, 'ownerId'),
    field: requireStr(row, 'field'),
    value: JSON.parse(raw) as unknown,
    qualifier: str(row.qualifier),
    citations: (Array.isArray(row.citations) ? (row.citations as Row[]) : []).map(parseCitation),
  };
}

export function parseRelation(row: Row): RelationRecord {
  const direction = row.direction === 'INCOMING' ? 'INCOMING' : 'OUTGOING';
  return {
    // A projected row (./fragments.ts `relationMap`) leaves out the stored properties its operation does not
    // select: their fields are then empty, and no resolver of that operation reads them.
    id: 'id' in row ? requireStr(row, 'id') : '',
    type: requireStr(row, 'type'),
    direction,
    otherId: requireStr(row, 'otherId'),
    factId: 'factId' in row ? requireStr(row, 'factId') : '',
    role: str(row.role),
    from: partialDateOrNull(row.from),
    to: partialDateOrNull(row.to),
    retracted: row.retracted === true,
  };
}

/** A derived entity→entity relationship as an edge of a returned network (network queries and exports). */
export interface NetworkEdgeRecord {
  id: string;
  type: string;
  source: string;
  target: string;
  factId: string;
  role: string | null;
  from: PartialDate | null;
  to: PartialDate | null;
  citationCount: number;
}

export function parseNetworkEdge(row: Row): NetworkEdgeRecord {
  return {
    id: requireStr(row, 'id'),
    type: requireStr(row, 'type'),
    source: requireStr(row, 'source'),
    target: requireStr(row, 'target'),
    factId: requireStr(row, 'factId'),
    role: str(row.role),
    from: partialDateOrNull(row.from),
    to: partialDateOrNull(row.to),
    citationCount: num(row.citationCount) ?? 0,
  };
}
