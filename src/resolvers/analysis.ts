// One analysis per operation: once Apollo knows the operation and its variables (didResolveOperation), before any
// resolver runs, the operation is analysed once into the object the rest of the request reads from the context:
// each root field's plan (what its one query fetches, ./prefetch.ts, as the root model says, ./model.ts
// `rootModel`), the projection (which properties those queries read, ./projection.ts) and, once the cost plugin
// has sized it, its cost (src/cost/estimate.ts, src/http/query-limits.ts). Root fields are collected by
// graphql-js's own field collection (the executor's: fragments, aliases, @skip/@include), so the analysis plans
// exactly the root fields execution will resolve. Plans and projections depend only on the parsed operation and
// the variables used below each root, so repeated operations find them cached (./prefetch.ts `cachedPlan`).
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { getNamedType, getVariableValues, OperationTypeNode, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { collectFields } from 'graphql/execution/collectFields.js';
import type { GraphContext } from '../context.js';
import { costInput, type CostInput, type OperationCost } from '../cost/estimate.js';
import { rootModelOf } from './model.js';
import { planRoot, type RootPlan } from './prefetch.js';
import { projectionOf, type Projection } from './projection.js';

export interface OperationAnalysis {
  /** The operation with its fragments and coerced variables, as the cost estimate reads it. */
  input: CostInput;
  /** The properties the operation reads of each kind of record; null when planning is off (whole records). */
  projection: Projection | null;
  /** Each planned root field's plan, by response name (alias or name); none when planning is off. */
  plans: ReadonlyMap<string, RootPlan>;
  /** Its estimated cost, set by the cost plugin once the data's sizes are read; null before, or without it. */
  cost: OperationCost | null;
}

const projections = new WeakMap<OperationDefinitionNode, Projection>();

/** The projection of a parsed operation, computed once per operation. */
function projectionFor(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Projection {
  let projection = projections.get(operation);
  if (projection === undefined) projections.set(operation, (projection = projectionOf(schema, document, operation)));
  return projection;
}

/**
 * Analyses an operation: `variables` are its coerced variables; `prefetch` is whether root fields fetch their
 * selection in one query (when off, nothing is planned or projected and records are read whole).
 */
export function analyseOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, prefetch: boolean): OperationAnalysis {
  const input = costInput(schema, document, operation, variables);
  const plans = new Map<string, RootPlan>();
  const queryType = schema.getQueryType();
  if (!prefetch || operation.operation !== OperationTypeNode.QUERY || !queryType) return { input, projection: null, plans, cost: null };
  const op = { schema, fragments: input.fragments, variables };
  for (const [key, nodes] of collectFields(schema, input.fragments, variables, queryType, operation.selectionSet)) {
    const field = queryType.getFields()[nodes[0]!.name.value];
    const plan = field && rootModelOf(field.name)?.plan;
    if (!field || !plan || (typeof plan === 'object' && 'own' in plan)) continue;
    try {
      plans.set(key, planRoot({ op, operation, key, nodes, returnType: getNamedType(field.type).name }, plan));
    } catch {
      // Left to the field's resolver, which plans it again and reports the failure at its own path.
    }
  }
  return { input, projection: projectionFor(schema, document, operation), plans, cost: null };
}

/**
 * The analysis of the request's operation, made on first use and kept on its context (both the analysis and the
 * cost plugin ask for it; whichever runs first makes it). Null when the variables do not coerce: execution then
 * answers their errors with no resolver run.
 */
export function analysisOf(request: GraphQLRequestContextDidResolveOperation<GraphContext>): OperationAnalysis | null {
  const ctx = request.contextValue;
  if (ctx.analysis !== undefined) return ctx.analysis;
  const { operation } = request;
  if (!operation) return null;
  const coerced = getVariableValues(request.schema, operation.variableDefinitions ?? [], request.request.variables ?? {});
  ctx.analysis = coerced.errors ? null : analyseOperation(request.schema, request.document, operation, coerced.coerced, ctx.prefetch);
  const projection = ctx.analysis?.projection;
  if (projection) {
    ctx.projection.props = projection.entity;
    ctx.projection.factProps = projection.fact;
    ctx.projection.citationProps = projection.citation;
    ctx.projection.sourceProps = projection.source;
    ctx.projection.relationProps = projection.relation;
    ctx.projection.factLinks = projection.links;
  }
  return ctx.analysis;
}

/** Analyses each operation before any resolver runs (./prefetch.ts and the loaders read the result). */
export const analysisPlugin: ApolloServerPlugin<GraphContext> = {
  requestDidStart: async () => ({
    didResolveOperation: async (request) => {
      analysisOf(request);
    },
  }),
};
