// How big each list of the schema can be: which relationship types count its items (sized by the parent's
// degrees), which label a root list pages over, or which argument bounds it. Fields not listed here are
// either not lists or lists held inside their record (aliases, charges), sized by `EMBEDDED_LIST_SIZE`.
import { relationTypes } from '../dataset/to-graph.js';
import { modelOfField, typeOfFactLabel } from '../resolvers/model.js';
import type { SizedLabel, SizedType } from '../repositories/degree-repository.js';

export type SizeRule =
  /** Items are the parent's relationships of these types (`related`: narrowed by its `types` argument). */
  | { kind: 'degree'; types: readonly SizedType[]; byTypesArgument?: boolean }
  /** A root list over every node of a label (filters can only shrink it). */
  | { kind: 'label'; label: SizedLabel }
  /** At most `argument` items (its schema default, else `fallback`). */
  | { kind: 'argument'; argument: string; fallback: number }
  /** A network's nodes: the `limit` (neighbourhood) or the ids asked (subgraph), kept in the estimate's scope. */
  | { kind: 'networkNodes' }
  /** A network's edges: `EDGES_PER_NODE` per node. */
  | { kind: 'networkEdges' }
  /** A path's nodes and edges: at most its `maxDepth` (+1 for nodes). */
  | { kind: 'pathLength'; plus: number };

/**
 * Lists outside the field model (src/resolvers/model.ts), by field name whatever the parent type. A modelled
 * field's size comes from its declaration (`sizedBy`), so what a field loads and what it costs are declared once.
 */
const byName: Record<string, SizeRule> = {
  related: { kind: 'degree', types: relationTypes, byTypesArgument: true },
  citations: { kind: 'degree', types: ['CITES'] },
  history: { kind: 'degree', types: ['CHANGED'] },
  claims: { kind: 'degree', types: ['CLAIM_OF'] },
};

/** Root fields (Query), which have no parent record. */
const roots: Record<string, SizeRule> = {
  people: { kind: 'label', label: 'Person' },
  parties: { kind: 'label', label: 'Party' },
  organizations: { kind: 'label', label: 'Organization' },
  districts: { kind: 'label', label: 'District' },
  elections: { kind: 'label', label: 'Election' },
  courtCases: { kind: 'label', label: 'CourtCase' },
  events: { kind: 'label', label: 'Event' },
  sources: { kind: 'label', label: 'Source' },
  changes: { kind: 'label', label: 'Change' },
  search: { kind: 'argument', argument: 'first', fallback: 10 },
  duplicateCandidates: { kind: 'argument', argument: 'first', fallback: 20 },
  paths: { kind: 'argument', argument: 'first', fallback: 5 },
};

const byParent: Record<string, Record<string, SizeRule>> = {
  Query: roots,
  Graph: { nodes: { kind: 'networkNodes' }, edges: { kind: 'networkEdges' } },
  Path: { nodes: { kind: 'pathLength', plus: 1 }, edges: { kind: 'pathLength', plus: 0 } },
};

export function sizeRule(parentType: string, field: string): SizeRule | null {
  const special = byParent[parentType];
  if (special) return special[field] ?? null;
  const modelled = modelOfField(parentType, field)?.sizedBy;
  if (modelled) return { kind: 'degree', types: modelled };
  return byName[field] ?? null;
}

/** Items of a list held in its record (aliases, charges...): no database work each, but counted. */
export const EMBEDDED_LIST_SIZE = 5;
/** Edges per node of a network (neighbourhood, subgraph) in the estimate. */
export const EDGES_PER_NODE = 2;

/** Root fields that look one entity up by its `id` argument: its real degrees size its lists. */
export const entityLookups = new Set(['node', 'person', 'party', 'organization', 'place', 'district', 'election', 'courtCase', 'event']);

/** The label of a GraphQL object type's records (null: not a stored node, or an interface spanning labels). */
export const labelOfType: Record<string, SizedLabel> = {
  Person: 'Person',
  Party: 'Party',
  Organization: 'Organization',
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
