// How big each list of the schema can be, declared once per schema coordinate ("Type.field"): which relationship
// types of the parent count its items (sized by the parent's degrees), which label a root list pages over, which
// argument bounds it, or how many items a list held inside its record has. Every list of a composite type has a
// rule (test/unit/cost-coverage.test.ts walks the schema); one without would count as its `first`, else its
// documented maximum, else `UNRULED_LIST_SIZE` items, never 0.
import { entityLabelOfKind } from '../dataset/to-graph.js';
import { catalogued, rootModel, rootModelOf, typeOfFactLabel } from '../resolvers/model.js';
import type { SizedLabel } from '../repositories/degree-repository.js';
import { HELD_LIST_SIZE, type SizeRule } from './size-rule.js';

export { CLAIM_CITATIONS, CLAIMS_PER_VALUE, HELD_LIST_SIZE, type SizeRule } from './size-rule.js';

/** Items of a list of a composite type that has no rule (the schema test fails on one): never 0. */
export const UNRULED_LIST_SIZE = 20;
/** In curated and imported data, about one entity in this many has a near-duplicate (measured: docs/operations.md). */
export const DUPLICATE_SHARE = 20;

/** Lists by field name whatever the parent type (every entity's and fact's `history`, every value's `claims`...). */
const byName: Record<string, SizeRule> = {
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
  'LegislativeSeatList.nodes': { kind: 'page' },
  // Seats per party in one term: the parties of a parliament, a handful.
  'LegislativeTerm.composition': { kind: 'held', items: 10 },
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
  // A loading field's size comes from its entry in the catalogue (src/resolvers/model.ts): what it loads and what
  // it costs, declared once.
  return catalogued(parentType, field)?.size ?? byName[field] ?? null;
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
