// How big each list of the schema can be, declared once per schema coordinate ("Type.field"): which relationship
// types of the parent count its items (sized by the parent's degrees), which label a root list pages over, which
// argument bounds it, or how many items a list held inside its record has. Every list of a composite type has a
// rule (test/unit/cost-coverage.test.ts walks the schema); one without would count as its `first`, else its
// documented maximum, else `UNRULED_LIST_SIZE` items, never 0.
import { entityLabelOfKind, relationTypes } from '../dataset/to-graph.js';
import { modelOfField, rootModel, rootModelOf, typeOfFactLabel } from '../resolvers/model.js';
import type { SizedLabel, SizedType } from '../repositories/degree-repository.js';

export type SizeRule =
  /**
   * Items are the parent's relationships of these types (`related`: narrowed by its `types` argument); at most
   * `atMost` (a value's claims: a few per value, though the record's degree counts the claims of all its values).
   */
  | { kind: 'degree'; types: readonly SizedType[]; byTypesArgument?: boolean; atMost?: number; atLeast?: number }
  /**
   * A claim's citations: a stored claim's own (its label's weighted mean), or for a value stated once, the claim
   * the API makes of it with the owner's citations that state it (at most CLAIM_CITATIONS of the owner's).
   */
  | { kind: 'claimCitations' }
  /** A root list over every node of a label (filters can only shrink it). */
  | { kind: 'label'; label: SizedLabel }
  /** At most `argument` items (its schema default, else `fallback`). */
  | { kind: 'argument'; argument: string; fallback: number }
  /** Items of the page its holder (a connection, a legislature's seat list) was sized to. */
  | { kind: 'page' }
  /** A list held inside its record (aliases, identifiers) or bounded by the domain (a term's parties): `items`. */
  | { kind: 'held'; items: number }
  /** Pairs of near-duplicate entities: about one entity in `DUPLICATE_SHARE` of the kind asked, at most `first`. */
  | { kind: 'duplicatePairs' }
  /** A network's nodes: its `limit` capped by what `depth` steps reach (neighbourhood), or the ids asked (subgraph). */
  | { kind: 'networkNodes' }
  /** A network's edges: its nodes times the average number of relations of an entity. */
  | { kind: 'networkEdges' }
  /** A path's nodes and edges: at most its `maxDepth` (+1 for nodes). */
  | { kind: 'pathLength'; plus: number };

const membershipTypes: SizedType[] = ['MEMBER_OF', 'LEADS', 'FOUNDED', 'SERVES_IN', 'AFFILIATED_WITH'];

/** A value's claims: the record's claims (of all its values), at most this many for one value. */
export const CLAIMS_PER_VALUE = 4;
/** Citations of the claim the API makes of a value stated once: the owner's citations that state it, a few. */
export const CLAIM_CITATIONS = 3;
/** Items of a list held in its record (aliases, identifiers, previous texts) when nothing says more. */
export const HELD_LIST_SIZE = 5;
/** Items of a list of a composite type that has no rule (the schema test fails on one): never 0. */
export const UNRULED_LIST_SIZE = 20;
/** In curated and imported data, about one entity in this many has a near-duplicate (measured: docs/operations.md). */
export const DUPLICATE_SHARE = 20;

/** Lists by field name whatever the parent type (every entity's and fact's `history`, every value's `claims`...). */
const byName: Record<string, SizeRule> = {
  related: { kind: 'degree', types: relationTypes, byTypesArgument: true },
  citations: { kind: 'degree', types: ['CITES'] },
  history: { kind: 'degree', types: ['CHANGED'] },
  historyConnection: { kind: 'degree', types: ['CHANGED'] },
  // A value has at least one claim: a value stated once is answered as one claim with its record's citations.
  claims: { kind: 'degree', types: ['CLAIM_OF'], atMost: CLAIMS_PER_VALUE, atLeast: 1 },
  aliases: { kind: 'held', items: HELD_LIST_SIZE },
  identifiers: { kind: 'held', items: HELD_LIST_SIZE },
  // A connection's edges: its page.
  edges: { kind: 'page' },
};

/** Lists of one type's field, by schema coordinate. */
const byCoordinate: Record<string, SizeRule> = {
  'Graph.nodes': { kind: 'networkNodes' },
  'Graph.edges': { kind: 'networkEdges' },
  'Path.nodes': { kind: 'pathLength', plus: 1 },
  'Path.edges': { kind: 'pathLength', plus: 0 },
  // A timeline merges the events taken part in with the elections contested (a party's results, a person's candidacies).
  'Person.timeline': { kind: 'degree', types: ['PARTICIPATED_IN', 'CANDIDATE_IN', 'CONTESTED'] },
  'Party.timeline': { kind: 'degree', types: ['PARTICIPATED_IN', 'CANDIDATE_IN', 'CONTESTED'] },
  // A legislature's seats are memberships naming it as their OBJECT; its terms name it as their SUBJECT.
  'Legislature.members': { kind: 'degree', types: ['OBJECT'] },
  'LegislativeSeatList.nodes': { kind: 'page' },
  'Legislature.terms': { kind: 'degree', types: ['SUBJECT'] },
  // Seats held for a party: the memberships naming it as ON_BEHALF_OF.
  'Party.seats': { kind: 'degree', types: ['ON_BEHALF_OF'] },
  'Person.legislativeTerms': { kind: 'degree', types: membershipTypes },
  // Seats per party in one term: the parties of a parliament, a handful.
  'LegislativeTerm.composition': { kind: 'held', items: 10 },
  'Election.turnoutByPlace': { kind: 'held', items: HELD_LIST_SIZE },
  'Source.previousVersions': { kind: 'held', items: HELD_LIST_SIZE },
  // Pages of them: an election's claims (of every field) bound its per-place turnouts; a source's earlier texts are
  // not counted, so a page counts as full.
  'Election.turnoutByPlaceConnection': { kind: 'degree', types: ['CLAIM_OF'] },
  'Source.previousVersionsConnection': { kind: 'argument', argument: 'first', fallback: 20 },
  'Source.citations': { kind: 'degree', types: ['CITES'] },
  // The party's dated names covering a day (of its names: facts naming it as SUBJECT), and the two nearest ones.
  'PartyNameOnDay.covering': { kind: 'degree', types: ['SUBJECT'] },
  'PartyNameOnDay.nearest': { kind: 'held', items: 2 },
  // Names found in a source's text: not stored, so not counted; a long article names a hundred or so.
  'SourceMentions.entities': { kind: 'held', items: 100 },
  'SourceMentions.candidates': { kind: 'held', items: 100 },
  // A party's lineage: one or two parties it continues or that continue it.
  'Party.predecessors': { kind: 'held', items: HELD_LIST_SIZE },
  'Party.successors': { kind: 'held', items: HELD_LIST_SIZE },
  'IntClaim.citations': { kind: 'claimCitations' },
  'FloatClaim.citations': { kind: 'claimCitations' },
  'StringClaim.citations': { kind: 'claimCitations' },
  'PartialDateClaim.citations': { kind: 'claimCitations' },
  'EntityClaim.citations': { kind: 'claimCitations' },
  // The entity kinds: eight.
  'NetworkLimits.kinds': { kind: 'held', items: 8 },
};

/** A mutation payload's lists: the changes one write made and the problems it found. */
const payloadLists: Record<string, SizeRule> = {
  changes: { kind: 'held', items: 20 },
  errors: { kind: 'held', items: HELD_LIST_SIZE },
};

/** The size rule of list field `field` of type `parentType`; null when it has none (it then counts UNRULED_LIST_SIZE). */
export function sizeRule(parentType: string, field: string): SizeRule | null {
  // Root lists are sized where the roots are declared (./model.ts `rootModel`).
  if (parentType === 'Query') return rootModelOf(field)?.size ?? null;
  const declared = byCoordinate[`${parentType}.${field}`];
  if (declared) return declared;
  if (parentType.endsWith('Payload')) return payloadLists[field] ?? null;
  // A modelled field's size comes from its declaration (`sizedBy`): what it loads and what it costs, declared once.
  const modelled = modelOfField(parentType, field)?.sizedBy;
  if (modelled) return { kind: 'degree', types: modelled };
  return byName[field] ?? null;
}

/**
 * Fields of which an answer holds at most one (a timeline entry is an event, an election, a result or a
 * candidacy): the costliest counts, not their sum.
 */
export const exclusiveFields: Record<string, ReadonlySet<string>> = {
  TimelineEntry: new Set(['event', 'election', 'result', 'candidacy']),
};

/** Root fields that look one entity up by its `id` argument: its real degrees size its lists (./model.ts `rootModel`). */
export const entityLookups: ReadonlySet<string> = new Set(Object.entries(rootModel).flatMap(([name, root]) => ('lookup' in root ? [name] : [])));

/** The label of a GraphQL object type's records (null: not a stored node, or an interface spanning labels). */
export const labelOfType: Record<string, SizedLabel> = {
  Person: 'Person',
  Party: 'Party',
  Organization: 'Organization',
  // A legislature is an organisation.
  Legislature: 'Organization',
  Place: 'Place',
  District: 'District',
  Election: 'Election',
  CourtCase: 'CourtCase',
  Event: 'Event',
  Entity: 'Entity',
  GraphNode: 'Entity',
  ...(Object.fromEntries(Object.entries(typeOfFactLabel).map(([label, type]) => [type, label])) as Record<string, SizedLabel>),
  Fact: 'Fact',
  // A relation's and a network edge's citations and history are their fact's.
  Relation: 'Fact',
  GraphEdge: 'Fact',
  Source: 'Source',
  Change: 'Change',
  IntClaim: 'Claim',
  FloatClaim: 'Claim',
  StringClaim: 'Claim',
  PartialDateClaim: 'Claim',
  EntityClaim: 'Claim',
};

/** The label whose node count a kind of entity (`duplicateCandidates(kind:)`) has: every entity label is sized. */
export const labelOfKind: Readonly<Record<string, SizedLabel>> = entityLabelOfKind;
