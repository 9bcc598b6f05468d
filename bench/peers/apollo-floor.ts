// `apolloFloor`: the true floor for an Apollo product. Our schema, served by our own HTTP stack (startApp's
// `graphql` option: the same express 5 app, plugins, limits, logging and per-request context), but with
// hand-written resolvers: each benchmark operation's root field runs the shape's raw Cypher (bench/shapes.ts)
// in one read through the product's Database handle and maps the rows to the schema's types; every other
// field is graphql's default resolver. What is left between this and ours is our planning, loaders and records.
import type { ApolloServerOptionsWithTypeDefs } from '@apollo/server';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import neo4j from 'neo4j-driver';
import type { GraphContext } from '../../src/context.js';
import { DateScalar } from '../../src/resolvers/scalars.js';
import { isCompared, shapes, type FloorShape, type ReadFn } from '../shapes.js';

type RootResolver = (parent: unknown, args: Record<string, unknown>, ctx: GraphContext, info: GraphQLResolveInfo) => Promise<unknown>;

/** Raw's read, through the request's Database handle (auto-commit READ, counted in `extensions.stats`). */
function reader(ctx: GraphContext): ReadFn {
  return (cypher, params) => {
    // Integers in LIMIT/SKIP must reach Cypher as integers, not floats (as raw's server sends them).
    const typed = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));
    return ctx.db.read(cypher, typed, (r) => r as Record<string, unknown>);
  };
}

/** Root resolvers: each root field serves the operations whose shape it is the root of, chosen by operation name. */
export function apolloFloorResolvers(): NonNullable<ApolloServerOptionsWithTypeDefs<GraphContext>['resolvers']> {
  const byRoot = new Map<string, Map<string, { floor: FloorShape; run: (read: ReadFn, params: Record<string, unknown>) => Promise<unknown> }>>();
  for (const shape of shapes.filter(isCompared)) {
    const forRoot = byRoot.get(shape.floor.root) ?? new Map<string, { floor: FloorShape; run: (read: ReadFn, params: Record<string, unknown>) => Promise<unknown> }>();
    forRoot.set(shape.floor.operation, { floor: shape.floor, run: shape.raw.run });
    byRoot.set(shape.floor.root, forRoot);
  }
  const Query: Record<string, RootResolver> = {};
  for (const [root, operations] of byRoot) {
    Query[root] = async (_parent, args, ctx, info) => {
      const name = info.operation.name?.value ?? '';
      const entry = operations.get(name);
      if (!entry) throw new Error(`apolloFloor answers only the benchmark's operations; ${root} has none named "${name}"`);
      try {
        // Nested fields' arguments (a party's members `asOf: $date`) reach the root as the operation's variables.
        const all = { ...info.variableValues, ...args };
        return entry.floor.answer(await entry.run(reader(ctx), entry.floor.params(all)), all);
      } catch (error) {
        // Said plainly, not masked as an internal error: the benchmark's answer check reports it.
        throw new GraphQLError(`apolloFloor ${name}: ${error instanceof Error ? error.message : String(error)}`, { extensions: { code: 'BENCH_FLOOR_FAILED' } });
      }
    };
  }
  return { Query, Date: DateScalar } as NonNullable<ApolloServerOptionsWithTypeDefs<GraphContext>['resolvers']>;
}
