// How big each list of the schema can be: which relationship types count its items (sized by the parent's
// degrees), which label a root list pages over, or which argument bounds it. Fields not listed here are
// either not lists or lists held inside their record (aliases, charges), sized by `EMBEDDED_LIST_SIZE`.
import { relationTypes } from '../dataset/to-graph.js';
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

const memberships: SizedType[] = ['MEMBER_OF', 'LEADS', 'FOUNDED', 'SERVES_IN', 'AFFILIATED_WITH'];
const caseParties: SizedType[] = ['DEFENDANT_IN', 'PARTY_TO'];

/** By field name, whatever the parent type (`related` on any entity sizes alike). */
const byName: Record<string, SizeRule> = {
  related: { kind: 'degree', types: relationTypes, byTypesArgument: true },
  events: { kind: 'degree', types: ['PARTICIPATED_IN'] },
  participants: { kind: 'degree', types: ['PARTICIPATED_IN'] },
  citations: { kind: 'degree', types: ['CITES'] },
  history: { kind: 'degree', types: ['CHANGED'] },
  memberships: { kind: 'degree', types: memberships },
  members: { kind: 'degree', types: memberships },
  courtCases: { kind: 'degree', types: caseParties },
  defendants: { kind: 'degree', types: caseParties },
  parties: { kind: 'degree', types: caseParties },
  relatives: { kind: 'degree', types: ['SPOUSE_OF', 'RELATIVE_OF'] },
  candidates: { kind: 'degree', types: ['NOMINATED_BY'] },
  candidacies: { kind: 'degree', types: ['CANDIDATE_IN', 'RAN_IN'] },
  results: { kind: 'degree', types: ['CONTESTED'] },
  findings: { kind: 'degree', types: ['OBSERVED'] },
  names: { kind: 'degree', types: ['SUBJECT'] },
  statuses: { kind: 'degree', types: ['STATUS_OF'] },
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
  Membership: 'Membership',
  Candidacy: 'Candidacy',
  CandidacyStatusChange: 'CandidacyStatus',
  PartyResult: 'PartyResult',
  FamilyTie: 'FamilyTie',
  CaseParty: 'CaseParty',
  Participation: 'Participation',
  PartyName: 'PartyName',
  Finding: 'Finding',
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
