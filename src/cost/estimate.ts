// The cost of one operation, estimated from its variables and the data's real sizes before any resolver runs.
// Unit: one record of the answer, i.e. one object of its JSON (a list item, an entity, a connection, an edge, a
// date); leaves are free, being projected with their record. A list's items are its real size capped by `first`:
// the degrees of an entity looked up by id at the root, else the store-wide average degree of its label (the
// largest label's, under an interface). Besides the records, the `work` of the roots that read far more than they
// answer (a neighbourhood's walk, duplicate candidates' comparisons) is estimated for the gate of expensive ones.
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { collectFields as collectExecutedFields } from 'graphql/execution/collectFields.js';
import type { Degrees, SizedLabel, StoreCounts } from '../repositories/degree-repository.js';
import { DEFAULT_PAGE_SIZE } from '../repositories/pagination.js';
import { entityLabels, relationTypes } from '../dataset/to-graph.js';
import { CLAIM_CITATIONS, DUPLICATE_SHARE, entityLookups, exclusiveFields, labelOfKind, labelOfType, sizeRule, UNRULED_LIST_SIZE, type SizeRule } from './fields.js';

type Variables = Record<string, unknown>;

/** Items of a list whose size cannot be read (Neo4j unreachable): a default page. */
export const UNKNOWN_SIZE = DEFAULT_PAGE_SIZE;

/** An operation ready to be estimated: its definition, fragments and coerced variables. */
export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Variables;
}

/**
 * What is known of sizes. `roots`: degrees of the entities looked up by id; when `null` they are not read yet
 * and each root entity is bounded by its label's whole count (an upper bound, free to compute).
 */
export interface SizeFacts {
  /** Null when Neo4j could not be asked: lists count `UNKNOWN_SIZE` items (connections: their `first`). */
  counts: StoreCounts | null;
  roots: ReadonlyMap<string, Degrees> | null;
}

/** Where in the operation a selection sits: the record whose lists it sizes, and arguments that flow down. */
interface Scope {
  /** Degrees of this very record (an entity looked up by id), else null. */
  degrees: Degrees | null;
  /** Upper-bound mode for a root entity whose degrees are not read: label totals, not averages. */
  bounded: boolean;
  /** Labels the record may have (several under an interface). */
  labels: SizedLabel[];
  /** Items on the current connection's page. */
  page: number;
  /** Nodes of the current network (neighbourhood, subgraph) or length of the current path. */
  network: number;
  /** Edges per node of the current network. */
  edgesPerNode: number;
  /**
   * This entity was reached through a link (a relation's `other`, a membership's organisation) from an entity
   * sized by averages: it is more likely a hub than the average entity (the degree-weighted mean sizes its
   * relations). Not so for the neighbours of an entity looked up by id, whose degrees are read: a hub's
   * neighbours are mostly ordinary entities.
   */
  linked: boolean;
  /** The nearest entity above is one looked up by id, with its degrees read. */
  knownOrigin: boolean;
  /** In a claim: its owner's citations (a value stated once is answered as a claim citing them). */
  ownerCitations?: number;
}

/** Upper bound of an operation's walk over the schema (fields visited): beyond it, fragments multiply past any limit. */
export const MAX_VISITS = 20_000;
/**
 * Work of one entity in `duplicateCandidates` besides its relations: read with its names, profiled and compared
 * in JavaScript. Measured: 194 people and their 406 relations took 85 ms alone, as long as an answer of about
 * 2,000 records (docs/operations.md).
 */
export const DUPLICATE_WORK_PER_ENTITY = 10;
/** Entities a neighbourhood step expands at most (src/repositories/graph-repository.ts, DEFAULT_EXPANSION_CAP). */
const EXPANSION_CAP = 2_000;

/** An operation's estimate: the records its answer holds, and the reads of roots that read far more (`work`). */
export interface OperationCost {
  estimate: number;
  work: number;
}

class TooManyVisits extends Error {}

/** The operation's entity lookups by id (`person(id: ...)`, `node(id: ...)`): whose degrees to read. */
export function rootEntityIds(input: CostInput): string[] {
  const ids: string[] = [];
  const queryType = input.schema.getQueryType();
  if (!queryType || input.operation.operation !== OperationTypeNode.QUERY) return ids;
  for (const nodes of collectFields(input, queryType, input.operation.selectionSet).values()) {
    const node = nodes[0]!;
    const field = queryType.getFields()[node.name.value];
    if (!field || !entityLookups.has(field.name)) continue;
    const id = argumentsOf(field, node, input.variables).id;
    if (typeof id === 'string') ids.push(id);
  }
  return ids;
}

/** The estimated cost of the operation (records of its answer). */
export function estimateCost(input: CostInput, facts: SizeFacts): number {
  return estimateOperation(input, facts).estimate;
}

/** The records the operation's answer holds and the work of its scanning roots, estimated. */
export function estimateOperation(input: CostInput, facts: SizeFacts): OperationCost {
  const rootType = input.schema.getRootType(input.operation.operation);
  if (!rootType) return { estimate: 0, work: 0 };
  const estimator = new Estimator(input, facts);
  try {
    const records = estimator.selection(rootType, [input.operation.selectionSet], { degrees: null, bounded: false, labels: [], page: 0, network: 0, edgesPerNode: 0, linked: false, knownOrigin: false });
    return { estimate: Math.ceil(records), work: Math.ceil(estimator.work) };
  } catch (error) {
    if (error instanceof TooManyVisits) return { estimate: Number.MAX_SAFE_INTEGER, work: 0 };
    throw error;
  }
}

/** Coerced argument values of a field; invalid ones (execution reports them) count as absent. */
function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Variables): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return {};
  }
}

/**
 * The fields a selection asks of `type`, by response key, collected by graphql-js's own field collection (the
 * executor's: fragments inlined where their type condition matches, @skip/@include applied, the same key's nodes
 * merged, so a field asked twice is counted once). An interface not narrowed by a fragment on another type is
 * collected as any of its object types: every fragment on it applies to each of them alike.
 */
function collectFields(input: CostInput, type: GraphQLCompositeType, selectionSet: SelectionSetNode, out = new Map<string, FieldNode[]>()): Map<string, FieldNode[]> {
  const object = isObjectType(type) ? type : input.schema.getPossibleTypes(type)[0];
  if (!object) return out;
  for (const [key, nodes] of collectExecutedFields(input.schema, input.fragments, input.variables, object, selectionSet)) {
    const list = out.get(key);
    if (list) list.push(...nodes);
    else out.set(key, [...nodes]);
  }
  return out;
}

/** Whether a selection narrows an abstract type with a fragment on a more specific type. */
function narrows(input: CostInput, type: GraphQLCompositeType, sets: readonly SelectionSetNode[], seen = new Set<string>()): boolean {
  for (const set of sets) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) continue;
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : input.fragments[selection.name.value];
      if (!fragment) continue;
      const condition = fragment.typeCondition?.name.value;
      if (condition && condition !== type.name) return true;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        if (seen.has(selection.name.value)) continue;
        seen.add(selection.name.value);
      }
      if (narrows(input, type, [fragment.selectionSet], seen)) return true;
    }
  }
  return false;
}

class Estimator {
  /** Reads of scanning roots beyond their answer (relationships a neighbourhood expands, entities compared). */
  work = 0;
  private visits = 0;

  constructor(
    private readonly input: CostInput,
    private readonly facts: SizeFacts,
  ) {}

  /** Cost of one record's selection (the merged selection sets of its field nodes). */
  selection(type: GraphQLCompositeType, sets: readonly SelectionSetNode[], scope: Scope): number {
    // Under an interface or union, a fragment on one of its types changes what is asked: the costliest type counts.
    if (isAbstractType(type) && narrows(this.input, type, sets)) {
      // Types that receive the same fields are estimated once, with all their labels (the largest average counts).
      const groups = new Map<string, { object: GraphQLObjectType; fields: Map<string, FieldNode[]>; labels: SizedLabel[] }>();
      for (const object of this.input.schema.getPossibleTypes(type)) {
        const fields = new Map<string, FieldNode[]>();
        for (const set of sets) collectFields(this.input, object, set, fields);
        const key = [...fields.values()].flatMap((nodes) => nodes.map((n) => n.loc?.start ?? n.name.value)).join(',');
        const group = groups.get(key) ?? { object, fields, labels: [] };
        const label = labelOfType[object.name];
        if (label) group.labels.push(label);
        groups.set(key, group);
      }
      let worst = 0;
      for (const group of groups.values()) {
        worst = Math.max(worst, this.fields(group.object, group.fields, { ...scope, labels: group.labels.length > 0 ? group.labels : scope.labels }));
      }
      return worst;
    }
    const fields = new Map<string, FieldNode[]>();
    for (const set of sets) collectFields(this.input, type, set, fields);
    return this.fields(type, fields, scope);
  }

  private fields(type: GraphQLCompositeType, fields: Map<string, FieldNode[]>, scope: Scope): number {
    const exclusive = exclusiveFields[type.name];
    let cost = 0;
    let costliestExclusive = 0;
    for (const nodes of fields.values()) {
      const one = this.field(type, nodes, scope);
      if (exclusive?.has(nodes[0]!.name.value)) costliestExclusive = Math.max(costliestExclusive, one);
      else cost += one;
    }
    return cost + costliestExclusive;
  }

  private field(parent: GraphQLCompositeType, nodes: FieldNode[], scope: Scope): number {
    this.visits += 1;
    if (this.visits > MAX_VISITS) throw new TooManyVisits();
    const node = nodes[0]!;
    if (node.name.value.startsWith('__') || isUnionLike(parent)) return 0;
    const definition = (parent as GraphQLObjectType).getFields()[node.name.value];
    if (!definition) return 0;
    const named = getNamedType(definition.type);
    if (isLeafType(named) || !isCompositeType(named)) return 0;
    const args = argumentsOf(definition, node, this.input.variables);
    const sets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    const child = this.childScope(parent, definition.name, named, args, scope);

    if (isListType(getNullableType(definition.type))) {
      const rule = sizeRule(parent.name, definition.name);
      let items = rule ? this.size(rule, args, scope) : UNRULED_LIST_SIZE;
      if (hasArgument(definition, 'first') && rule?.kind !== 'argument') items = Math.min(items, pageSize(definition, args));
      if (items <= 0) return 0;
      return items * (1 + this.selection(named, sets, child));
    }
    if (holdsPage(named)) {
      // A connection (or a seat list): its page is `first` capped by the real size its rule reads, never 0 by default.
      const rule = sizeRule(parent.name, definition.name);
      const first = pageSize(definition, args);
      const page = rule ? Math.min(first, this.size(rule, args, scope)) : first;
      return 1 + this.selection(named, sets, { ...child, page });
    }
    // One object of the answer: a stored record, or a part of its parent's (a date, a value, page info).
    return 1 + this.selection(named, sets, child);
  }

  /** The scope of a field's value: a root lookup by id brings its degrees; a stored record starts afresh. */
  private childScope(parent: GraphQLCompositeType, field: string, named: GraphQLCompositeType, args: Record<string, unknown>, scope: Scope): Scope {
    const isRoot = parent === this.input.schema.getQueryType();
    if (isRoot && field === 'neighbourhood') return this.neighbourhood(args, scope);
    if (isRoot && field === 'subgraph') {
      const ids = Array.isArray(args.ids) ? args.ids.length : 1;
      return { ...scope, network: args.includeBetween === false ? ids : ids * 4, edgesPerNode: this.averageRelations(args) };
    }
    if (isRoot && (field === 'paths' || field === 'shortestPath')) return { ...scope, network: clampInt(args.maxDepth, 6) };
    if (isRoot && field === 'duplicateCandidates') {
      // Every entity of the kind is read with the ids of its neighbours (every relationship), then compared.
      const label = typeof args.kind === 'string' ? labelOfKind[args.kind] : undefined;
      const counts = this.facts.counts;
      if (label && counts) this.work += DUPLICATE_WORK_PER_ENTITY * (counts.nodes[label] ?? 0) + relationTypes.reduce((n, t) => n + (counts.degrees[label]?.[t] ?? 0), 0);
    }
    const labels = labelsOf(this.input.schema, named);
    if (isRoot && entityLookups.has(field)) {
      const id = args.id;
      const degrees = typeof id === 'string' ? (this.facts.roots?.get(id) ?? null) : null;
      return { ...scope, degrees, bounded: this.facts.roots === null, labels, page: 0, linked: false, knownOrigin: degrees !== null };
    }
    // A stored record (it has an id, or a label of its own: a claim) sizes its lists by its label; anything else
    // (values, page info, dates) is held in the parent record and sized by it.
    const stored = !isUnionLike(named) && ('id' in (named as GraphQLObjectType).getFields() || labelOfType[named.name] !== undefined);
    if (!stored) return scope;
    // An entity reached from a stored record (a relation, a fact) is reached through a link; a fact or relation
    // keeps knowing which entity it hangs from.
    if (labels.includes('Claim')) {
      const ownerCitations = this.size({ kind: 'degree', types: ['CITES'] }, {}, scope);
      return { ...scope, degrees: null, bounded: false, labels, page: 0, linked: false, ownerCitations };
    }
    if (!labels.some((l) => entityLabelSet.has(l))) return { ...scope, degrees: null, bounded: false, labels, page: 0, linked: false };
    const linked = labelOfType[parent.name] !== undefined && !scope.knownOrigin && !scope.bounded;
    return { ...scope, degrees: null, bounded: false, labels, page: 0, linked, knownOrigin: false };
  }

  /** Relations of the walked types per entity, on average (both ends counted: the edges a node brings). */
  private averageRelations(args: Record<string, unknown>): number {
    const counts = this.facts.counts;
    if (!counts) return 2;
    const types = walkedTypes(args);
    const total = types.reduce((n, t) => n + (counts.degrees.Entity?.[t] ?? 0), 0);
    return Math.max(1, total / Math.max(1, counts.nodes.Entity ?? 0));
  }

  /**
   * A neighbourhood: the centre's relations (its real degrees, or its label's total before they are read) and
   * then the average entity's, step by step (each step expands at most EXPANSION_CAP entities), capped by `limit`.
   * Its work is the relationships the steps expand.
   */
  private neighbourhood(args: Record<string, unknown>, scope: Scope): Scope {
    const limit = clampInt(args.limit, 200);
    const depth = Math.min(3, Math.max(1, clampInt(args.depth, 1)));
    const types = walkedTypes(args);
    const average = this.averageRelations(args);
    const id = typeof args.id === 'string' ? args.id : null;
    const centre = id ? this.facts.roots?.get(id) : undefined;
    const counts = this.facts.counts;
    const entities = counts?.nodes.Entity ?? limit;
    let frontier = centre
      ? types.reduce((n, t) => n + (centre[t] ?? 0), 0)
      : counts
        ? types.reduce((n, t) => n + (counts.degrees.Entity?.[t] ?? 0), 0)
        : limit;
    let reached = 1;
    for (let step = 1; step <= depth && reached < entities; step += 1) {
      this.work += frontier;
      const found = Math.min(EXPANSION_CAP, frontier, entities);
      reached += found;
      frontier = found * average;
    }
    const nodes = Math.min(limit, reached, entities);
    return { ...scope, network: nodes, edgesPerNode: average };
  }

  /** How many items a list or connection holds, before `first` caps it. */
  private size(rule: SizeRule, args: Record<string, unknown>, scope: Scope): number {
    const counts = this.facts.counts;
    switch (rule.kind) {
      case 'label':
        return counts ? (counts.nodes[rule.label] ?? 0) : UNKNOWN_SIZE;
      case 'argument':
        return clampInt(args[rule.argument], rule.fallback);
      case 'page':
        return scope.page;
      case 'held':
        return rule.items;
      case 'duplicatePairs': {
        const first = clampInt(args.first, 20);
        const label = typeof args.kind === 'string' ? labelOfKind[args.kind] : undefined;
        if (!counts || !label) return first;
        return Math.min(first, Math.ceil((counts.nodes[label] ?? 0) / DUPLICATE_SHARE));
      }
      case 'claimCitations': {
        const own = this.size({ kind: 'degree', types: ['CITES'] }, args, scope);
        return Math.max(own, Math.min(CLAIM_CITATIONS, scope.ownerCitations ?? 0));
      }
      case 'networkNodes':
        return scope.network;
      case 'networkEdges':
        return Math.ceil(scope.network * scope.edgesPerNode);
      case 'pathLength':
        return scope.network + rule.plus;
      case 'degree': {
        if (!counts) return rule.atMost ?? UNKNOWN_SIZE;
        let types: readonly string[] = rule.types;
        if (rule.byTypesArgument && Array.isArray(args.types)) types = types.filter((t) => (args.types as unknown[]).includes(t));
        if (rule.byTypesArgument && args.includeRetracted === true) types = [...types, 'RETRACTED_RELATION'];
        const sum = (degrees: Degrees | undefined) => types.reduce((n, t) => n + (degrees?.[t as keyof Degrees] ?? 0), 0);
        let size = 0;
        if (scope.degrees) size = sum(scope.degrees);
        else {
          const allRelations = rule.byTypesArgument && types.length === relationTypes.length;
          // Relations are heavy-tailed (hubs): the weighted mean only where the record was reached through a link.
          // Other lists (citations, claims, history) vary little: the weighted mean allows for their spread.
          const weighted = scope.linked || !types.some((t) => relationSet.has(t));
          for (const label of scope.labels) {
            const total = sum(counts.degrees[label]);
            const spread = counts.spread?.[label];
            // A root entity not read yet: no node of its label has more than all of them together. Else the
            // degree-weighted mean where the table of degrees gave it (a record reached through a link is more
            // likely a hub than the plain mean says; docs/operations.md), else the plain mean.
            // A short list's weighted mean is counted as the next whole number above it (2.0 citations: 3), so
            // the better-cited records of a label, which worked questions pick, are covered.
            const average =
              spread && weighted
                ? allRelations
                  ? (spread.relations ?? 0)
                  : nextWhole(sum(spread), types.some((t) => relationSet.has(t)))
                : total / Math.max(1, counts.nodes[label] ?? 0);
            size = Math.max(size, scope.bounded ? total : average);
          }
        }
        return Math.max(rule.atLeast ?? 0, Math.ceil(rule.atMost === undefined ? size : Math.min(rule.atMost, size)));
      }
    }
  }
}

const relationSet: ReadonlySet<string> = new Set(relationTypes);

/** A weighted mean of a short list (citations, claims, history) as the next whole number above it; relations as they are. */
function nextWhole(mean: number, relations: boolean): number {
  return relations || mean === 0 ? mean : Math.floor(mean) + 1;
}
const entityLabelSet: ReadonlySet<string> = new Set([...entityLabels, 'Entity']);

/** The relationship types a network query walks: its `types` argument's, else all of them. */
function walkedTypes(args: Record<string, unknown>): readonly (typeof relationTypes)[number][] {
  return Array.isArray(args.types) ? relationTypes.filter((t) => (args.types as unknown[]).includes(t)) : relationTypes;
}

const pageHolders = new WeakMap<GraphQLCompositeType, boolean>();

/** A type whose answer is one page of a list: a Relay connection, or a list with `nodes` sized by its page. */
function holdsPage(type: GraphQLCompositeType): boolean {
  if (isUnionLike(type)) return false;
  let holds = pageHolders.get(type);
  if (holds === undefined) {
    holds = Object.keys((type as GraphQLObjectType).getFields()).some((f) => sizeRule(type.name, f)?.kind === 'page');
    pageHolders.set(type, holds);
  }
  return holds;
}

function hasArgument(field: GraphQLField<unknown, unknown>, name: string): boolean {
  return field.args.some((a) => a.name === name);
}

function clampInt(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : fallback;
}

function isUnionLike(type: GraphQLCompositeType): boolean {
  return !isObjectType(type) && !isInterfaceType(type);
}

/** `first` as asked, else the argument's schema default, else the API's default page size. */
function pageSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const fallback = field.args.find((a) => a.name === 'first')?.defaultValue;
  return clampInt(args.first, typeof fallback === 'number' ? fallback : DEFAULT_PAGE_SIZE);
}

/** The labels a type's records may carry: its own, or each possible type's under an interface. */
function labelsOf(schema: GraphQLSchema, type: GraphQLCompositeType): SizedLabel[] {
  if (isAbstractType(type)) {
    const labels = schema.getPossibleTypes(type).flatMap((t) => (labelOfType[t.name] ? [labelOfType[t.name]!] : []));
    return [...new Set(labels)];
  }
  const label = labelOfType[type.name];
  return label ? [label] : [];
}

/** Parses the operation's pieces out of a validated document (null when the operation is not there). */
export function costInput(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Variables): CostInput {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return { schema, operation, fragments, variables };
}
