// Query planning: from a root field's selection, what its resolvers below will load (a PrefetchPlan), so the
// root can fetch all of it in one Cypher query (src/repositories/prefetch-repository.ts) and prime the
// DataLoaders. What each field loads comes from the field model (./model.ts), the same declaration its
// resolver is made from; a field outside the model is answered by its resolver through the loaders (one more
// round trip), never wrongly. Fragments, aliases, @skip/@include and variables are honoured as the executor
// would; arguments are coerced by graphql-js itself. Invalid arguments (a page too large) are left to the
// field's resolver to report at its own path; any other error in planning is raised, never hidden.
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
  visit,
} from 'graphql';
import type { GraphContext } from '../context.js';
import { entityKindOfLabel } from '../dataset/to-graph.js';
import { primeLoaders, readProjection } from '../repositories/loaders.js';
import { listEntitiesWithPlan, searchCandidatesWithPlan, type EntityListFilter } from '../repositories/entity-repository.js';
import { UserInputError } from '../errors.js';
import { pageRequest, type Connection, type PageRequest } from '../repositories/pagination.js';
import {
  entitiesWithPlan,
  entityByIdentifierWithPlan,
  entityValueFields,
  entityWithPlan,
  eventsWithPlan,
  factWithPlan,
  legislatureWithPlan,
  sourceWithPlan,
  type LegislaturePlan,
  type EntityValueField,
  type SourcePlan,
  type EventFilter,
  type Need,
  type PlanNode,
  type PrefetchPlan,
} from '../repositories/prefetch-repository.js';
import type { EntityKind, EntityOfKind, EntityRecord, FactRecord, SourceRecord } from '../repositories/records.js';
import type { FactLabel } from '../dataset/to-graph.js';
import { argsFor, modelOfField, typeOfFactLabel, type Args, type RootPlanShape, type Step } from './model.js';
import { connectionOfKind } from './shared.js';
import { isLegislature, seatLimit } from '../repositories/legislature-repository.js';
import type { LegislatureRecord } from './legislature.js';

/** GraphQL entity types (named as their labels) and the kind of record behind each. */
const kindOfType = entityKindOfLabel as Record<string, EntityKind | undefined>;
/** GraphQL fact types and the label of the fact records behind each. */
const labelOfType = Object.fromEntries(Object.entries(typeOfFactLabel).map(([label, type]) => [type, label])) as Record<string, FactLabel | undefined>;
/** `EntityValue` fields, named as the fact properties holding their entity's id. */
const entityValues = new Set<string>(entityValueFields);
/** Claimable values: their `claims` load the owner's claims (when disputed) or its citations (when not). */
const valueTypes = new Set(['IntValue', 'FloatValue', 'StringValue', 'PartialDateValue', 'EntityValue']);

const retracted = (a: Args) => a.includeRetracted === true;

interface Operation {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** A field selected on a type: its node, and the concrete type a fragment narrowed it to (if any). */
interface Selected {
  name: string;
  node: FieldNode;
  onType: string | null;
}

function included(op: Operation, node: { directives?: readonly unknown[] } & Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, op.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, op.variables)?.if !== false;
}

/** The fields a selection set selects, through inline fragments and spreads, as the executor collects them. */
function collectFields(op: Operation, sets: readonly SelectionSetNode[], onType: string | null, out: Selected[] = [], seen = new Set<string>()): Selected[] {
  const narrow = (condition: string | undefined) => {
    const type = condition ? op.schema.getType(condition) : undefined;
    // A concrete type narrows; an interface narrows only a wider one (Entity inside Node), never a concrete type.
    if (!type || !(isObjectType(type) || isInterfaceType(type))) return onType;
    return isObjectType(type) || !onType || isInterfaceType(op.schema.getType(onType)) ? condition! : onType;
  };
  for (const set of sets) {
    for (const selection of set.selections) {
      if (!included(op, selection)) continue;
      if (selection.kind === Kind.FIELD) out.push({ name: selection.name.value, node: selection, onType });
      else if (selection.kind === Kind.INLINE_FRAGMENT) collectFields(op, [selection.selectionSet], narrow(selection.typeCondition?.name.value), out, seen);
      else {
        const name = selection.name.value;
        const fragment = op.fragments[name];
        if (!fragment || seen.has(name)) continue;
        collectFields(op, [fragment.selectionSet], narrow(fragment.typeCondition.name.value), out, new Set([...seen, name]));
      }
    }
  }
  return out;
}

function subSelections(fields: Selected[], name: string): SelectionSetNode[] {
  return fields.filter((f) => f.name === name && f.node.selectionSet).map((f) => f.node.selectionSet!);
}

function fieldDefinition(op: Operation, typeName: string, name: string): GraphQLField<unknown, unknown> | undefined {
  const type = op.schema.getType(typeName);
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** What field `typeName.field` loads with these arguments, from the field model; null when it loads nothing planned. */
function stepsOf(typeName: string, field: string, args: Args): Step[] | null {
  const model = modelOfField(typeName, field);
  if (!model) return null;
  try {
    return model.steps(argsFor(model, args));
  } catch (error) {
    // Invalid arguments (a page too large...): the field's resolver reports them at the field's own path.
    if (error instanceof UserInputError) return null;
    throw error;
  }
}

/** What the records of type `typeName` selected by `sets` will load, with what those records' records load. */
function planOfSelection(op: Operation, typeName: string, sets: readonly SelectionSetNode[]): PrefetchPlan {
  const declared = op.schema.getType(typeName);
  const abstract = !isObjectType(declared);
  const plan: PlanNode[] = [];
  for (const selected of collectFields(op, sets, null)) {
    const onType = selected.onType ?? typeName;
    const definition = fieldDefinition(op, onType, selected.name);
    if (!definition) continue; // __typename
    // Under an interface, a fragment's fields apply only to records of its concrete type.
    const concrete = selected.onType !== null && isObjectType(op.schema.getType(selected.onType));
    const onlyKind = abstract && concrete ? kindOfType[selected.onType!] : undefined;
    const onlyLabel = abstract && concrete && !onlyKind ? labelOfType[selected.onType!] : undefined;
    if (abstract && concrete && !onlyKind && !onlyLabel) continue;
    const args = getArgumentValues(definition, selected.node, op.variables);
    const sub = selected.node.selectionSet ? [selected.node.selectionSet] : [];
    const childType = getNamedType(definition.type).name;
    const push = (node: PlanNode) => plan.push(onlyKind ? { ...node, onlyKind } : onlyLabel ? { ...node, onlyLabel } : node);

    if (valueTypes.has(childType)) {
      const valueFields = collectFields(op, sub, null);
      if (valueFields.some((f) => f.name === 'claims')) {
        push({ need: { kind: 'claims' }, children: [] });
        push({ need: { kind: 'citations' }, children: [] });
      }
      // An entity value's entity, and those its claims name, with what `value { … }` selects of them.
      const entitySets = [...subSelections(valueFields, 'value'), ...subSelections(collectFields(op, subSelections(valueFields, 'claims'), null), 'value')];
      if (childType === 'EntityValue' && entitySets.length > 0 && entityValues.has(selected.name)) {
        push({ need: { kind: 'valueEntities', field: selected.name as EntityValueField }, children: planOfSelection(op, 'Entity', entitySets) });
      }
      continue;
    }
    if (selected.name === 'related' && (kindOfType[onType] || onType === 'Entity')) {
      const relation = relationsStep(op, args, sub);
      if (relation) push(relation);
      continue;
    }
    for (const step of stepsOf(onType, selected.name, args) ?? []) {
      push({ need: step.need, children: childrenOf(op, step, childType, sub) });
    }
  }
  return mergePlan(plan);
}

function childrenOf(op: Operation, step: Step, childType: string, sub: SelectionSetNode[]): PrefetchPlan {
  if (!step.children) return [];
  if (step.children === 'field') return planOfSelection(op, childType, sub);
  if (step.children === 'connection') return planOfConnectionNodes(op, childType, sub);
  if ('at' in step.children) {
    const at = fieldDefinition(op, childType, step.children.at);
    return at ? planOfSelection(op, getNamedType(at.type).name, subSelections(collectFields(op, sub, null), step.children.at)) : [];
  }
  return [{ need: step.children.through, children: planOfSelection(op, childType, sub) }];
}

/** What the nodes of a connection of type `connectionType` (its `edges { node }`) selected by `sets` will load. */
function planOfConnectionNodes(op: Operation, connectionType: string, sets: readonly SelectionSetNode[]): PrefetchPlan {
  const edges = subSelections(collectFields(op, sets, null), 'edges');
  const nodes = subSelections(collectFields(op, edges, null), 'node');
  const edgeType = fieldDefinition(op, connectionType, 'edges');
  const nodeType = edgeType && fieldDefinition(op, getNamedType(edgeType.type).name, 'node');
  return nodeType ? planOfSelection(op, getNamedType(nodeType.type).name, nodes) : [];
}

/** `related`: the relations page, and the `other` entities of its relations with what they select. */
function relationsStep(op: Operation, args: Args, sub: SelectionSetNode[]): PlanNode | null {
  let page;
  try {
    page = pageRequest(args);
  } catch (error) {
    if (error instanceof UserInputError) return null; // reported by the field's resolver
    throw error;
  }
  const edges = subSelections(collectFields(op, sub, null), 'edges');
  const relationFields = collectFields(op, subSelections(collectFields(op, edges, null), 'node'), null);
  const other = subSelections(relationFields, 'other');
  return {
    need: {
      kind: 'relations',
      types: (args.types as string[] | undefined) ?? null,
      asOf: (args.asOf as string | undefined) ?? null,
      includeRetracted: retracted(args),
      page,
      other: relationFields.some((f) => f.name === 'other'),
      citations: relationFields.some((f) => f.name === 'citations'),
    },
    children: planOfSelection(op, 'Entity', other),
  };
}

/** One plan node per distinct need (aliases asking the same thing twice), their children merged. */
function mergePlan(plan: PlanNode[]): PrefetchPlan {
  const byKey = new Map<string, PlanNode>();
  for (const node of plan) {
    const need = node.need.kind === 'relations' ? { ...node.need, other: false, citations: false } : node.need;
    const key = JSON.stringify([need, node.onlyKind ?? null, node.onlyLabel ?? null]);
    const same = byKey.get(key);
    if (!same) byKey.set(key, node);
    else {
      const merged: Need = same.need.kind === 'relations' && node.need.kind === 'relations' ? { ...same.need, other: same.need.other || node.need.other, citations: same.need.citations || node.need.citations } : same.need;
      byKey.set(key, { ...same, need: merged, children: mergePlan([...same.children, ...node.children]) });
    }
  }
  return [...byKey.values()];
}

/** A root field of an operation as the planner sees it: the operation, the field's nodes and the type it returns. */
export interface RootSelection {
  op: Operation;
  /** The parsed operation: plans are cached per parsed operation. */
  operation: object;
  /** The field's response name (alias or name). */
  key: string;
  nodes: readonly FieldNode[];
  returnType: string;
}

/** The root selection of the field being resolved. */
function rootSelectionOf(info: GraphQLResolveInfo): RootSelection {
  return {
    op: { schema: info.schema, fragments: info.fragments, variables: info.variableValues },
    operation: info.operation,
    key: String(info.path.key),
    nodes: info.fieldNodes,
    returnType: getNamedType(info.returnType).name,
  };
}

function setsOf(root: RootSelection): SelectionSetNode[] {
  return root.nodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
}

/**
 * The variables used below a root field (in its selection and the fragments it spreads): a plan depends on these
 * only, not on the root field's own arguments. Cached per field node.
 */
const variablesBelow = new WeakMap<FieldNode, readonly string[]>();
function variablesOf(root: RootSelection): readonly string[] {
  const first = root.nodes[0]!;
  let found = root.nodes.length === 1 ? variablesBelow.get(first) : undefined;
  if (found) return found;
  const names = new Set<string>();
  const spread = new Set<string>();
  const walk = (sets: readonly SelectionSetNode[]) => {
    for (const set of sets)
      visit(set, {
        Variable: (node) => void names.add(node.name.value),
        FragmentSpread: (node) => {
          const fragment = root.op.fragments[node.name.value];
          if (!fragment || spread.has(node.name.value)) return;
          spread.add(node.name.value);
          walk([fragment.selectionSet]);
        },
      });
  };
  walk(setsOf(root));
  found = [...names].sort();
  if (root.nodes.length === 1) variablesBelow.set(first, found);
  return found;
}

/**
 * Plans already made, per parsed operation (Apollo keeps one parsed document per query text, so a repeated
 * query finds its plan here): keyed by the root field's response name and the values of the variables used
 * below it, at most `PLANS_PER_OPERATION` each. The root field's own arguments (the id asked for) are no part
 * of the key: the same query about another entity reuses the plan, as real traffic does. A plan depends on
 * nothing else: the schema is fixed for the process.
 */
const planCache = new WeakMap<object, Map<string, unknown>>();
const PLANS_PER_OPERATION = 64;

function cachedPlan<T>(root: RootSelection, what: string, make: () => T): T {
  let plans = planCache.get(root.operation);
  if (!plans) planCache.set(root.operation, (plans = new Map<string, unknown>()));
  const key = `${what}|${root.key}|${JSON.stringify(variablesOf(root).map((name) => root.op.variables[name] ?? null))}`;
  const found = plans.get(key) as T | undefined;
  if (found !== undefined) return found;
  const plan = make();
  if (plans.size >= PLANS_PER_OPERATION) plans.clear();
  plans.set(key, plan);
  return plan;
}

/** A root field's plan, of the shape its root model declares (./model.ts `rootModel`). */
interface PlanOfShape {
  entity: PrefetchPlan;
  connection: PrefetchPlan;
  at: PrefetchPlan;
  legislature: LegislaturePlan;
  source: SourcePlan;
}
export type RootPlan = { [S in keyof PlanOfShape]: { shape: S; plan: PlanOfShape[S] } }[keyof PlanOfShape];

/** What root field `root` will load, planned as `shape` says: made once per operation by ./analysis.ts. */
export function planRoot(root: RootSelection, shape: RootPlanShape): RootPlan {
  if (shape === 'entity') return { shape, plan: planOfRoot(root) };
  if (shape === 'connection') return { shape, plan: connectionPlanOfRoot(root) };
  if (shape === 'legislature') return { shape, plan: legislaturePlanOf(root) };
  if (shape === 'source') return { shape, plan: sourcePlanOf(root) };
  return { shape: 'at', plan: planAtOfRoot(root, shape.at, shape.type) };
}

/**
 * The plan of the root field being resolved, as the operation's analysis made it before any resolver ran
 * (./analysis.ts, on the context); made here when there is none (an operation executed without our plugins, as
 * the planner's unit tests do) or the analysis could not plan it (it then fails here, at the field's path).
 */
function rootPlanFor<S extends keyof PlanOfShape>(ctx: GraphContext, info: GraphQLResolveInfo, shape: S, make: (root: RootSelection) => PlanOfShape[S]): PlanOfShape[S] {
  const planned = info.path.prev === undefined ? ctx.analysis?.plans.get(String(info.path.key)) : undefined;
  if (planned?.shape === shape) return planned.plan as PlanOfShape[S];
  return make(rootSelectionOf(info));
}

/** The plan of the field being resolved: what everything under it will load. */
export function planOf(info: GraphQLResolveInfo): PrefetchPlan {
  return planOfRoot(rootSelectionOf(info));
}

function planOfRoot(root: RootSelection): PrefetchPlan {
  return cachedPlan(root, 'field', () => planOfSelection(root.op, root.returnType, setsOf(root)));
}

/** Whether the field being resolved selects the field at `path` below it (through fragments and directives). */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const root = rootSelectionOf(info);
  let sets = setsOf(root);
  for (const name of path) {
    const found = below(root.op, sets, name);
    if (!found.selected) return false;
    sets = found.sets;
  }
  return path.length > 0;
}

/** The plan of a connection field being resolved: what its `edges { node { … } }` will load. */
export function planOfConnection(info: GraphQLResolveInfo): PrefetchPlan {
  return connectionPlanOfRoot(rootSelectionOf(info));
}

function connectionPlanOfRoot(root: RootSelection): PrefetchPlan {
  return cachedPlan(root, 'connection', () => planOfConnectionNodes(root.op, root.returnType, setsOf(root)));
}

/** A filtered page of entities of one kind for a root field, with everything its selection loads, in one query. */
export async function listEntitiesFor<K extends EntityKind>(
  ctx: GraphContext,
  info: GraphQLResolveInfo,
  kind: K,
  filter: Omit<EntityListFilter, 'kinds'>,
  page: PageRequest,
): Promise<Connection<EntityOfKind<K>>> {
  const plan = ctx.prefetch ? rootPlanFor(ctx, info, 'connection', connectionPlanOfRoot) : [];
  const { connection, primes } = await listEntitiesWithPlan(ctx.db, { ...filter, kinds: [kind] }, page, plan, readProjection(ctx.projection));
  primeLoaders(ctx.loaders, primes);
  for (const edge of connection.edges) ctx.loaders.entity.prime(edge.node.id, edge.node);
  return connectionOfKind(connection, kind);
}

/** The plan of what the field being resolved selects at `path` below it (a search hit's `entity`), for type `typeName`. */
export function planAt(info: GraphQLResolveInfo, path: readonly string[], typeName: string): PrefetchPlan {
  return planAtOfRoot(rootSelectionOf(info), path, typeName);
}

function planAtOfRoot(root: RootSelection, path: readonly string[], typeName: string): PrefetchPlan {
  return cachedPlan(root, `at:${path.join('.')}`, () => {
    let sets = setsOf(root);
    for (const name of path) sets = subSelections(collectFields(root.op, sets, null), name);
    return planOfSelection(root.op, typeName, sets);
  });
}

/** The plan of what the root field being resolved selects at `path` (a network's `nodes.entity`), as its analysis made it. */
export function planAtFor(ctx: GraphContext, info: GraphQLResolveInfo, path: readonly string[], typeName: string): PrefetchPlan {
  return rootPlanFor(ctx, info, 'at', (root) => planAtOfRoot(root, path, typeName));
}

/** The entity holding an identifier, with everything the root field's selection loads, in one query. */
export async function entityByIdentifierFor(ctx: GraphContext, info: GraphQLResolveInfo, key: string): Promise<EntityRecord | null> {
  const found = await entityByIdentifierWithPlan(ctx.db, key, ctx.prefetch ? rootPlanFor(ctx, info, 'entity', planOfRoot) : [], readProjection(ctx.projection));
  if (!found) return null;
  primeLoaders(ctx.loaders, found.primes);
  ctx.loaders.entity.prime(found.entity.id, found.entity);
  return found.entity;
}

/** The root `events` list (all events, or one entity's) with everything its selection loads, in one query. */
export async function listEventsFor(ctx: GraphContext, info: GraphQLResolveInfo, entityId: string | null, filter: EventFilter, page: PageRequest): Promise<Connection<EntityOfKind<'EVENT'>>> {
  if (!ctx.prefetch) return connectionOfKind(await ctx.loaders.events.load({ entityId, ...filter, ...page }), 'EVENT');
  const { connection, primes } = await eventsWithPlan(ctx.db, entityId, filter, page, rootPlanFor(ctx, info, 'connection', connectionPlanOfRoot), readProjection(ctx.projection));
  primeLoaders(ctx.loaders, primes);
  return connectionOfKind(connection, 'EVENT');
}

/**
 * An entity by id for a root field, with everything its selection will load fetched in the same query and
 * primed into the loaders; through the entity loader when the selection loads nothing more.
 */
export async function loadEntityFor(ctx: GraphContext, id: string, info: GraphQLResolveInfo): Promise<EntityRecord | null> {
  const plan = ctx.prefetch ? rootPlanFor(ctx, info, 'entity', planOfRoot) : [];
  if (plan.length === 0) return ctx.loaders.entity.load(id);
  // Root fields asking the same of the same entity (aliases) share one fetch: one round trip, primed once.
  let fetches = rootFetches.get(ctx);
  if (!fetches) rootFetches.set(ctx, (fetches = new Map<string, Promise<EntityRecord | null>>()));
  const key = `${id}\u0001${planKey(plan)}`;
  let fetch = fetches.get(key);
  if (!fetch) {
    fetch = (async () => {
      const found = await entityWithPlan(ctx.db, id, plan, readProjection(ctx.projection));
      if (!found) return null;
      primeLoaders(ctx.loaders, found.primes);
      ctx.loaders.entity.prime(id, found.entity);
      return found.entity;
    })();
    fetches.set(key, fetch);
  }
  return fetch;
}

/** The fields named `name` in `sets` (through fragments and directives), and the selection sets below them. */
function below(op: Operation, sets: readonly SelectionSetNode[], name: string): { selected: boolean; sets: SelectionSetNode[] } {
  const fields = collectFields(op, sets, null).filter((f) => f.name === name);
  return { selected: fields.length > 0, sets: fields.flatMap((f) => (f.node.selectionSet ? [f.node.selectionSet] : [])) };
}

/** What the `legislature` root's selection reads: the body, its terms and one page of its members, with what each selects. */
function legislaturePlanOf(root: RootSelection): LegislaturePlan {
  return cachedPlan(root, 'legislature', () => {
    const { op } = root;
    const sets = setsOf(root);
    const organization = below(op, sets, 'organization');
    const terms = below(op, sets, 'terms');
    const composition = below(op, terms.sets, 'composition');
    const compositionParty = below(op, composition.sets, 'party');
    // The first `members` selected is planned; an alias asking another page is read by its resolver.
    const membersField = collectFields(op, sets, null).find((f) => f.name === 'members');
    const definition = fieldDefinition(op, 'Legislature', 'members');
    let members: LegislaturePlan['members'] = null;
    if (membersField && definition) {
      const args = getArgumentValues(definition, membersField.node, op.variables);
      let first: number | null = null;
      try {
        first = seatLimit(args.first as number | null | undefined);
      } catch (error) {
        if (!(error instanceof UserInputError)) throw error; // reported by the field's resolver
      }
      if (first !== null) {
        const nodes = below(op, membersField.node.selectionSet ? [membersField.node.selectionSet] : [], 'nodes');
        const person = below(op, nodes.sets, 'person');
        const party = below(op, nodes.sets, 'party');
        const partyName = below(op, nodes.sets, 'partyName').selected;
        // `partyName` reads the party's dated names (the `Party.names` model) for the seat's first day.
        const names = partyName ? (modelOfField('Party', 'names')?.steps({}) ?? []).map((step): PlanNode => ({ need: step.need, children: [] })) : [];
        members = {
          filter: { asOf: (args.asOf as string | null | undefined) ?? null, term: (args.term as string | null | undefined) ?? null, first },
          person: person.selected ? planOfSelection(op, 'Person', person.sets) : null,
          party: party.selected || partyName ? mergePlan([...planOfSelection(op, 'Party', party.sets), ...names]) : null,
          membership: below(op, nodes.sets, 'membership').selected,
          citations: below(op, nodes.sets, 'citations').selected,
        };
        const seatBody = below(op, nodes.sets, 'legislature');
        if (seatBody.selected) {
          organization.sets.push(...seatBody.sets);
          organization.selected = true;
        }
      }
    }
    return {
      organization: organization.selected ? planOfSelection(op, 'Organization', organization.sets) : null,
      terms: terms.selected ? { party: compositionParty.selected ? planOfSelection(op, 'Party', compositionParty.sets) : null, citations: below(op, composition.sets, 'citations').selected } : null,
      members,
    };
  });
}

/** The `legislature` root: the body with its terms, one page of members and what they select, in one query. */
export async function loadLegislatureFor(ctx: GraphContext, id: string, info: GraphQLResolveInfo): Promise<LegislatureRecord | null> {
  if (!ctx.prefetch) return (await isLegislature(ctx.db, id)) ? { id } : null;
  const found = await legislatureWithPlan(ctx.db, id, rootPlanFor(ctx, info, 'legislature', legislaturePlanOf), readProjection(ctx.projection));
  if (!found) return null;
  primeLoaders(ctx.loaders, found.primes);
  return { id, terms: found.terms, members: found.members };
}

/** What the `source` root's selection reads (its citations page and what `citedBy` selects), from the operation. */
function sourcePlanOf(root: RootSelection): SourcePlan {
  return cachedPlan(root, 'source', () => {
    const { op } = root;
    const sets = setsOf(root);
    // The first `citations` selected is planned; an alias asking another page is read through the loader.
    const field = collectFields(op, sets, null).find((f) => f.name === 'citations');
    const definition = fieldDefinition(op, 'Source', 'citations');
    if (!field || !definition) return { citations: null };
    let page: PageRequest;
    try {
      page = pageRequest(getArgumentValues(definition, field.node, op.variables));
    } catch (error) {
      if (error instanceof UserInputError) return { citations: null }; // reported by the field's resolver
      throw error;
    }
    const sub = field.node.selectionSet ? [field.node.selectionSet] : [];
    const citing = below(op, below(op, below(op, sub, 'edges').sets, 'node').sets, 'citedBy');
    return { citations: { page, citedBy: citing.selected ? planOfSelection(op, 'Node', citing.sets) : null } };
  });
}

/** A source by id for the `source` root, with the page of its citations and the nodes citing it, in one query. */
export async function loadSourceFor(ctx: GraphContext, id: string, info: GraphQLResolveInfo): Promise<SourceRecord | null> {
  if (!ctx.prefetch) return ctx.loaders.source.load(id);
  const found = await sourceWithPlan(ctx.db, id, rootPlanFor(ctx, info, 'source', sourcePlanOf), readProjection(ctx.projection));
  if (!found) return null;
  primeLoaders(ctx.loaders, found.primes);
  return found.source;
}

/** A fact by id for a root field (`node`), with everything its selection will load, in one query. */
export async function loadFactFor(ctx: GraphContext, id: string, info: GraphQLResolveInfo): Promise<FactRecord | null> {
  const plan = ctx.prefetch ? rootPlanFor(ctx, info, 'entity', planOfRoot) : [];
  if (plan.length === 0) return ctx.loaders.fact.load(id);
  const found = await factWithPlan(ctx.db, id, plan, readProjection(ctx.projection));
  if (!found) return null;
  primeLoaders(ctx.loaders, found.primes);
  ctx.loaders.fact.prime(id, found.fact);
  return found.fact;
}

/** The root fetches of each request (by context), keyed by entity id and plan. */
const rootFetches = new WeakMap<GraphContext, Map<string, Promise<EntityRecord | null>>>();

/** A plan's content as a key (plans equal in content, made for different aliases, have the same key). */
const planKeys = new WeakMap<PrefetchPlan, string>();
function planKey(plan: PrefetchPlan): string {
  let key = planKeys.get(plan);
  if (key === undefined) planKeys.set(plan, (key = JSON.stringify(plan)));
  return key;
}

/**
 * The entities a root field found by other means and read already (a duplicate pair's `entity` and
 * `duplicate`), with what its selections at any of `paths` below it ask of them: the plans of the paths merged
 * as aliases' are (`mergePlan`: a need asked at two paths once, with both selections below it), so an entity in two places is read once, in one query, primed into the
 * loaders. No query when nothing more is asked (or planning is off).
 */
export async function entitiesAtAnyFor(ctx: GraphContext, info: GraphQLResolveInfo, paths: readonly (readonly string[])[], ids: readonly string[]): Promise<void> {
  if (!ctx.prefetch || ids.length === 0) return;
  const plan = mergePlan(paths.flatMap((path) => planAt(info, path, 'Entity')));
  if (plan.length === 0) return;
  for (const { entity, primes } of await entitiesWithPlan(ctx.db, ids, plan, readProjection(ctx.projection))) {
    primeLoaders(ctx.loaders, primes);
    ctx.loaders.entity.prime(entity.id, entity);
  }
}

/** What `search` asks the fulltext index: the Lucene query, the kinds (null: any), how many candidates, their properties. */
export interface SearchRequest {
  lucene: string;
  kinds: EntityKind[] | null;
  pool: number;
  props: readonly string[] | null;
}

/**
 * The `search` root in one query: the candidates, each with what the hits' `entity` selects (the plan runs for
 * every candidate of the pool, since the ranking is made in JS after the query); `rank` keeps the hits, and only
 * theirs are primed into the loaders.
 */
export async function searchHitsFor<H extends { entity: EntityRecord }>(ctx: GraphContext, info: GraphQLResolveInfo, search: SearchRequest, rank: (candidates: EntityRecord[]) => H[]): Promise<H[]> {
  // The plan of the hits' `entity`, as the operation's analysis made it (./model.ts `rootModel.search`).
  const plan = ctx.prefetch ? planAtFor(ctx, info, ['entity'], 'Entity') : [];
  const candidates = await searchCandidatesWithPlan(ctx.db, search.lucene, search.kinds, search.pool, search.props, plan, readProjection(ctx.projection));
  const hits = rank(candidates.map((c) => c.entity));
  if (plan.length === 0) return hits;
  const byId = new Map(candidates.map((c) => [c.entity.id, c]));
  for (const hit of hits) {
    primeLoaders(ctx.loaders, byId.get(hit.entity.id)?.primes() ?? []);
    ctx.loaders.entity.prime(hit.entity.id, hit.entity);
  }
  return hits;
}
