// The inverse of to-graph.ts: turns what the graph stores for one record (its node, citations, claims, links and
// nested facts) back into the dataset record that produces it. Mutations edit these records and write them back
// through datasetToGraph, and the JSONL export writes them, so the API, imports and the seed share one model.
import type { LinkType, Scalar } from './to-graph.js';
import type {
  AliasKind,
  Candidacy,
  Citation,
  CourtCase,
  Dataset,
  DatasetKey,
  District,
  Election,
  Event,
  FamilyTie,
  Membership,
  Organization,
  Party,
  PartyResult,
  Person,
  Place,
  Source,
} from './schema.js';
import type { z } from 'zod';

export interface StoredCitation {
  source: string;
  quote: string | null;
  locator?: string | null;
  ord: number;
}

export interface StoredClaim {
  field: string;
  /** The claimed value as JSON text. */
  value: string;
  qualifier: string | null;
  ord: number;
  citations: StoredCitation[];
}

export interface StoredLink {
  type: LinkType;
  to: string;
}

/** One Entity, Fact or Source node as stored, with everything hanging off it. */
export interface StoredNode {
  id: string;
  labels: string[];
  props: Record<string, Scalar>;
  citations: StoredCitation[];
  links: StoredLink[];
  claims: StoredClaim[];
}

/** A top-level record: its node and the facts nested in it (`party:x#name#1`, `case:y#party#2`...). */
export interface StoredRecord {
  node: StoredNode;
  nested: StoredNode[];
}

export type DatasetRecord = Dataset[DatasetKey][number];

/** A record together with the collection it belongs to. */
export type CollectionRecord = { [K in DatasetKey]: { collection: K; record: Dataset[K][number] } }[DatasetKey];

type Claimable<T> = T | { value: T; qualifier?: string; citations: Citation[] } | { claims: { value: T; qualifier?: string; citations: Citation[] }[] };

const collectionOfLabel: Record<string, DatasetKey> = {
  Person: 'people',
  Party: 'parties',
  Organization: 'organizations',
  Place: 'places',
  District: 'districts',
  Election: 'elections',
  CourtCase: 'courtCases',
  Event: 'events',
  Membership: 'memberships',
  Candidacy: 'candidacies',
  PartyResult: 'partyResults',
  FamilyTie: 'familyTies',
  Source: 'sources',
};

/** The collection a stored node's record belongs to, or null for a nested fact (or anything else). */
export function collectionOf(labels: readonly string[]): DatasetKey | null {
  for (const label of labels) {
    const collection = collectionOfLabel[label];
    if (collection) return collection;
  }
  return null;
}

/** `case:x#party#3` → `case:x`: nested facts belong to the record whose id prefixes theirs. */
export function ownerOf(id: string): string {
  const at = id.indexOf('#');
  return at < 0 ? id : id.slice(0, at);
}

function text(props: Record<string, Scalar>, key: string): string | undefined {
  const v = props[key];
  return typeof v === 'string' ? v : undefined;
}
function requireText(node: StoredNode, key: string): string {
  const v = text(node.props, key);
  if (v === undefined) throw new Error(`${node.id} has no ${key}`);
  return v;
}
function number(props: Record<string, Scalar>, key: string): number | undefined {
  const v = props[key];
  return typeof v === 'number' ? v : undefined;
}
function flag(props: Record<string, Scalar>, key: string): boolean | undefined {
  const v = props[key];
  return typeof v === 'boolean' ? v : undefined;
}
function texts(props: Record<string, Scalar>, key: string): string[] {
  const v = props[key];
  return Array.isArray(v) ? v : [];
}
function linkTo(node: StoredNode, type: LinkType): string | undefined {
  return node.links.find((l) => l.type === type)?.to;
}
function requireLink(node: StoredNode, type: LinkType): string {
  const to = linkTo(node, type);
  if (to === undefined) throw new Error(`${node.id} has no ${type} link`);
  return to;
}

/** Leaves out undefined values so records compare and serialise like the ones a curator writes. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function citations(stored: readonly StoredCitation[]): Citation[] {
  return [...stored]
    .sort((a, b) => a.ord - b.ord)
    .map((c) => compact({ source: c.source, quote: c.quote ?? undefined, locator: c.locator ?? undefined }));
}

function claimable<T>(node: StoredNode, field: string, plain: T | undefined): Claimable<T> | undefined {
  const disputed = texts(node.props, 'disputed').includes(field);
  const claims = node.claims.filter((c) => c.field === field).sort((a, b) => a.ord - b.ord);
  if (!disputed) {
    // An agreed value written with citations of its own is stored as its one claim.
    const own = claims[0];
    if (plain === undefined || own === undefined) return plain;
    return compact({ value: plain, qualifier: own.qualifier ?? undefined, citations: citations(own.citations) });
  }
  return {
    claims: claims.map((c) => compact({ value: JSON.parse(c.value) as T, qualifier: c.qualifier ?? undefined, citations: citations(c.citations) })),
  };
}

/** Position of a nested fact in its owner's list, from its id (`...#party#3` is the third). */
function position(id: string): number {
  return Number(id.slice(id.lastIndexOf('#') + 1));
}
function nestedOf(record: StoredRecord, kind: string): StoredNode[] {
  return record.nested.filter((n) => n.id.startsWith(`${record.node.id}#${kind}#`)).sort((a, b) => position(a.id) - position(b.id));
}

function entityBase(node: StoredNode) {
  const aliases = JSON.parse(text(node.props, 'aliases') ?? '[]') as { name: string; lang: string | null; script: 'Latn' | 'Cyrl' | null; kind?: Out<typeof AliasKind>; citations?: Out<typeof Citation>[] }[];
  return compact({
    id: node.id,
    name: requireText(node, 'name'),
    aliases: aliases.map((a) => compact({ name: a.name, lang: a.lang ?? undefined, script: a.script ?? undefined, kind: a.kind, citations: a.citations })),
    description: text(node.props, 'description'),
    // Empty lists are left out, as a curator leaves them out (the schema defaults them).
    identifiers: nonEmpty(identifiersOf(node.props)),
    images: nonEmpty(texts(node.props, 'images')),
    links: nonEmpty((JSON.parse(text(node.props, 'webLinks') ?? '[]') as { url: string; note: string | null }[]).map((l) => compact({ url: l.url, note: l.note ?? undefined }))),
    citations: citations(node.citations),
  });
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

function identifiersOf(props: Record<string, Scalar>): { scheme: string; value: string; url?: string }[] {
  const list = JSON.parse(text(props, 'identifiers') ?? '[]') as { scheme: string; value: string; url: string | null }[];
  return list.map((i) => compact({ scheme: i.scheme, value: i.value, url: i.url ?? undefined }));
}

type Out<T extends z.ZodType> = z.output<T>;

function person(r: StoredRecord): Out<typeof Person> {
  return entityBase(r.node);
}

function party(r: StoredRecord): Out<typeof Party> {
  return compact({
    ...entityBase(r.node),
    names: nestedOf(r, 'name').map((n) =>
      compact({ name: requireText(n, 'name'), from: text(n.props, 'from'), to: text(n.props, 'to'), citations: citations(n.citations) }),
    ),
    predecessors: JSON.parse(text(r.node.props, 'predecessors') ?? 'null') as Out<typeof Party>['predecessors'] | null ?? undefined,
    successors: JSON.parse(text(r.node.props, 'successors') ?? 'null') as Out<typeof Party>['successors'] | null ?? undefined,
    status: text(r.node.props, 'status') as Out<typeof Party>['status'],
  });
}

function organization(r: StoredRecord): Out<typeof Organization> {
  const p = r.node.props;
  return compact({
    ...entityBase(r.node),
    orgKind: requireText(r.node, 'orgKind') as Out<typeof Organization>['orgKind'],
    terms: nonEmpty(
      nestedOf(r, 'term').map((t) =>
        compact({
          key: requireText(t, 'key'),
          name: requireText(t, 'name'),
          from: claimable(t, 'from', requireText(t, 'from')) ?? requireText(t, 'from'),
          to: claimable(t, 'to', text(t.props, 'to')),
          identifiers: nonEmpty(identifiersOf(t.props)),
          citations: citations(t.citations),
        }),
      ),
    ),
    parent: text(p, 'parentId'),
    place: text(p, 'placeId'),
  });
}

function place(r: StoredRecord): Out<typeof Place> {
  return compact({
    ...entityBase(r.node),
    placeKind: requireText(r.node, 'placeKind') as Out<typeof Place>['placeKind'],
    within: text(r.node.props, 'withinId'),
  });
}

function district(r: StoredRecord): Out<typeof District> {
  const p = r.node.props;
  return compact({ ...entityBase(r.node), body: requireText(r.node, 'bodyId'), number: number(p, 'number'), place: text(p, 'placeId'), seats: number(p, 'seats') });
}

function election(r: StoredRecord): Out<typeof Election> {
  const n = r.node;
  const p = n.props;
  return compact({
    ...entityBase(n),
    kind: requireText(n, 'electionKind') as Out<typeof Election>['kind'],
    body: text(p, 'bodyId'),
    date: claimable(n, 'date', requireText(n, 'date')) as Out<typeof Election>['date'],
    place: text(p, 'placeId'),
    turnout: claimable(n, 'turnout', number(p, 'turnout')),
    seats: claimable(n, 'seats', number(p, 'seats')),
    listSeats: claimable(n, 'listSeats', number(p, 'listSeats')),
    districtSeats: claimable(n, 'districtSeats', number(p, 'districtSeats')),
    independentSeats: claimable(n, 'independentSeats', number(p, 'independentSeats')),
    placeTurnout: n.claims
      .filter((c) => c.field === 'placeTurnout')
      .sort((a, b) => a.ord - b.ord)
      .map((c) => {
        const v = JSON.parse(c.value) as { place: string; turnout: number };
        return compact({ place: v.place, turnout: v.turnout, qualifier: c.qualifier ?? undefined, citations: citations(c.citations) });
      }),
    singleMandateCandidates: claimable(n, 'singleMandateCandidates', number(p, 'singleMandateCandidates')),
    candidates: claimable(n, 'candidates', number(p, 'candidates')),
    findings: nestedOf(r, 'finding').map((f) =>
      compact({ observer: requireLink(f, 'SUBJECT'), summary: requireText(f, 'summary'), date: text(f.props, 'date'), citations: citations(f.citations) }),
    ),
  });
}

function courtCase(r: StoredRecord): Out<typeof CourtCase> {
  const n = r.node;
  const opened = text(n.props, 'from');
  return compact({
    ...entityBase(n),
    court: text(n.props, 'courtId'),
    charges: texts(n.props, 'charges'),
    maxPenalty: claimable(n, 'maxPenalty', text(n.props, 'maxPenalty')),
    status: claimable(n, 'status', text(n.props, 'status')) as Out<typeof CourtCase>['status'],
    opened,
    parties: nestedOf(r, 'party').map((f) => {
      const from = text(f.props, 'from');
      return compact({
        entity: requireLink(f, 'SUBJECT'),
        role: requireText(f, 'role') as Out<typeof CourtCase>['parties'][number]['role'],
        charges: texts(f.props, 'charges'),
        // A party's date defaults to the case's: written only where it says something of its own.
        from: from === opened ? undefined : from,
        citations: citations(f.citations),
      });
    }),
  });
}

function event(r: StoredRecord): Out<typeof Event> {
  const n = r.node;
  const base = entityBase(n);
  const own = JSON.stringify(base.citations);
  return compact({
    ...base,
    kind: requireText(n, 'eventKind') as Out<typeof Event>['kind'],
    date: claimable(n, 'date', text(n.props, 'date')) as Out<typeof Event>['date'],
    endDate: text(n.props, 'endDate'),
    place: text(n.props, 'placeId'),
    participants: nestedOf(r, 'participant').map((f) => {
      const cited = citations(f.citations);
      // Seed participants are cited by their event's citations; only citations of their own are written.
      return compact({ entity: requireLink(f, 'SUBJECT'), role: requireText(f, 'role'), citations: JSON.stringify(cited) === own ? undefined : cited });
    }),
    charges: texts(n.props, 'charges'),
  });
}

function membership(r: StoredRecord): Out<typeof Membership> {
  const n = r.node;
  return compact({
    id: n.id,
    person: requireLink(n, 'SUBJECT'),
    organization: requireLink(n, 'OBJECT'),
    role: requireText(n, 'role') as Out<typeof Membership>['role'],
    title: text(n.props, 'title'),
    onBehalfOf: linkTo(n, 'ON_BEHALF_OF'),
    independent: n.props.independent === true ? (true as const) : undefined,
    term: text(n.props, 'term'),
    from: claimable(n, 'from', text(n.props, 'from')),
    to: claimable(n, 'to', text(n.props, 'to')),
    citations: citations(n.citations),
  });
}

function candidacy(r: StoredRecord): Out<typeof Candidacy> {
  const n = r.node;
  const p = n.props;
  const election = claimable(n, 'election', text(p, 'election'));
  if (election === undefined) throw new Error(`${n.id} has no election`);
  return compact({
    id: n.id,
    person: requireLink(n, 'SUBJECT'),
    election,
    district: claimable(n, 'district', text(p, 'district')),
    mandate: text(p, 'mandate') as Out<typeof Candidacy>['mandate'],
    nominatedBy: linkTo(n, 'NOMINATED_BY'),
    selfNominated: flag(p, 'selfNominated'),
    rank: claimable(n, 'rank', number(p, 'rank')),
    statuses: nestedOf(r, 'status').map((s) =>
      compact({
        status: requireText(s, 'status') as Out<typeof Candidacy>['statuses'][number]['status'],
        date: text(s.props, 'date'),
        by: linkTo(s, 'DECIDED_BY'),
        citations: citations(s.citations),
      }),
    ),
    citations: citations(n.citations),
  });
}

function partyResult(r: StoredRecord): Out<typeof PartyResult> {
  const n = r.node;
  const p = n.props;
  return compact({
    id: n.id,
    party: requireLink(n, 'SUBJECT'),
    election: requireLink(n, 'OBJECT'),
    voteShare: claimable(n, 'voteShare', number(p, 'voteShare')),
    listSeats: claimable(n, 'listSeats', number(p, 'listSeats')),
    districtSeats: claimable(n, 'districtSeats', number(p, 'districtSeats')),
    totalSeats: claimable(n, 'totalSeats', number(p, 'totalSeats')),
    passedThreshold: flag(p, 'passedThreshold'),
    citations: citations(n.citations),
  });
}

function familyTie(r: StoredRecord): Out<typeof FamilyTie> {
  const n = r.node;
  return {
    id: n.id,
    person: requireLink(n, 'SUBJECT'),
    relative: requireLink(n, 'OBJECT'),
    relation: requireText(n, 'relation') as Out<typeof FamilyTie>['relation'],
    citations: citations(n.citations),
  };
}

function source(r: StoredRecord): Out<typeof Source> {
  const p = r.node.props;
  return {
    id: r.node.id,
    kind: (text(p, 'kind') ?? 'ARTICLE') as Out<typeof Source>['kind'],
    publisher: requireText(r.node, 'publisher'),
    author: text(p, 'author') ?? null,
    title: text(p, 'title') ?? null,
    date: requireText(r.node, 'date'),
    url: text(p, 'url') ?? null,
    language: text(p, 'language') ?? null,
    text: text(p, 'text') ?? null,
    retrievedAt: text(p, 'retrievedAt') ?? null,
  };
}

/** The dataset record a stored record came from; null for a node that is no record of its own. */
export function recordFromGraph(stored: StoredRecord): CollectionRecord | null {
  const collection = collectionOf(stored.node.labels);
  switch (collection) {
    case 'people':
      return { collection, record: person(stored) };
    case 'parties':
      return { collection, record: party(stored) };
    case 'organizations':
      return { collection, record: organization(stored) };
    case 'places':
      return { collection, record: place(stored) };
    case 'districts':
      return { collection, record: district(stored) };
    case 'elections':
      return { collection, record: election(stored) };
    case 'courtCases':
      return { collection, record: courtCase(stored) };
    case 'events':
      return { collection, record: event(stored) };
    case 'memberships':
      return { collection, record: membership(stored) };
    case 'candidacies':
      return { collection, record: candidacy(stored) };
    case 'partyResults':
      return { collection, record: partyResult(stored) };
    case 'familyTies':
      return { collection, record: familyTie(stored) };
    case 'sources':
      return { collection, record: source(stored) };
    default:
      return null;
  }
}

/** A one-record (or few-record) dataset, the input datasetToGraph takes. */
export function datasetOf(records: readonly CollectionRecord[]): Dataset {
  const dataset: Dataset = {
    sources: [],
    people: [],
    parties: [],
    organizations: [],
    places: [],
    districts: [],
    elections: [],
    courtCases: [],
    events: [],
    memberships: [],
    candidacies: [],
    partyResults: [],
    familyTies: [],
  };
  for (const r of records) (dataset[r.collection] as DatasetRecord[]).push(r.record);
  return dataset;
}
