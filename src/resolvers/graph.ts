// Network queries: neighbourhoods, shortest paths and subgraphs as graphs of nodes and cited edges, with
// key-player measures and party names as of the day asked about.
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphContext } from '../context.js';
import { relationTypes } from '../dataset/to-graph.js';
import { NotFoundError, UserInputError } from '../errors.js';
import type { Resolvers } from '../generated/graphql.js';
import { keyPlayerMeasures, type KeyPlayerMeasures } from '../graph/measures.js';
import { intArg, networkFilter } from '../graph/options.js';
import { NETWORK_BOUNDS, neighbourhood, shortestPaths, subgraph, type Network, type NetworkFilter, type NetworkOptions } from '../repositories/graph-repository.js';
import { selects } from './prefetch.js';
import { factOfLabel, type EntityRecord } from '../repositories/records.js';
import type { GraphView } from './mappers.js';
import { nameOn } from './names.js';

/** Largest `limit` of a neighbourhood and most `ids` of a subgraph: what a browser can still draw. */
export const MAX_GRAPH_NODES = 1_000;
export const MAX_SUBGRAPH_IDS = 50;

function view(network: Network, filter: NetworkFilter, ctx: GraphContext): GraphView {
  // The entities arrived with the network: `GraphNode.entity` and other lookups need no further query.
  for (const entity of network.nodes) ctx.loaders.entity.prime(entity.id, entity);
  let measures: Map<string, KeyPlayerMeasures> | null = null;
  return {
    ...network,
    asOf: filter.asOf,
    measures: () =>
      (measures ??= keyPlayerMeasures(
        network.nodes.map((n) => n.id),
        network.edges,
      )),
  };
}

function measure(view: GraphView, entity: EntityRecord): KeyPlayerMeasures {
  return view.measures().get(entity.id) ?? { degree: 0, betweenness: 0, pagerank: 0 };
}

/** A party's name on the day asked about (Nur Otan in 2021); other entities, or no day, keep their name. */
async function nameAsOf(entity: EntityRecord, asOf: string | null, ctx: GraphContext): Promise<string> {
  if (!asOf || entity.kind !== 'PARTY') return entity.name;
  const names = await ctx.loaders.factsLinked.load({ label: 'PartyName', link: 'SUBJECT', id: entity.id });
  return nameOn(names.map((n) => factOfLabel(n, 'PartyName')), asOf) ?? entity.name;
}

/** Counts edges' citations only when the operation asks for `edges { citationCount }`. */
function networkOptions(info: GraphQLResolveInfo): NetworkOptions {
  return { citationCounts: selects(info, ['edges', 'citationCount']) };
}

function pathArgs(args: { maxDepth?: number | null; types?: string[] | null; asOf?: string | null }) {
  return {
    maxDepth: intArg(args.maxDepth, 6, 1, NETWORK_BOUNDS.maxPathDepth, 'maxDepth'),
    filter: networkFilter(args.types, args.asOf),
  };
}

export const graphResolvers: Resolvers = {
  Query: {
    neighbourhood: async (_p, args, ctx, info) => {
      const depth = intArg(args.depth, 1, 1, NETWORK_BOUNDS.maxDepth, 'depth');
      const limit = intArg(args.limit, 200, 1, MAX_GRAPH_NODES, 'limit');
      const filter = networkFilter(args.types, args.asOf);
      const network = await neighbourhood(ctx.db, { id: args.id, depth, limit }, filter, networkOptions(info));
      if (!network) throw new NotFoundError(`No entity has the id "${args.id}".`, 'id');
      return view(network, filter, ctx);
    },
    shortestPath: async (_p, args, ctx, info) => {
      const { maxDepth, filter } = pathArgs(args);
      const [path] = await shortestPaths(ctx.db, { from: args.from, to: args.to, maxDepth, count: 1 }, filter, networkOptions(info));
      return path ? view({ ...path, truncated: false }, filter, ctx) : null;
    },
    paths: async (_p, args, ctx, info) => {
      const { maxDepth, filter } = pathArgs(args);
      const first = intArg(args.first, 5, 0, NETWORK_BOUNDS.maxPaths, 'first');
      if (first === 0) return [];
      // Parallel relationships (MEMBER_OF and LEADS between the same two) give paths through the same entities;
      // ask for more and keep one per chain of entities, so each path shows a different connection.
      const found = await shortestPaths(ctx.db, { from: args.from, to: args.to, maxDepth, count: first * 4 }, filter, networkOptions(info));
      const seen = new Set<string>();
      const distinct = found.filter((p) => {
        const ids = p.nodes.map((n) => n.id);
        const key = ids.join('|');
        if (seen.has(key) || new Set(ids).size !== ids.length) return false;
        seen.add(key);
        return true;
      });
      return distinct.slice(0, first).map((p) => view({ ...p, truncated: false }, filter, ctx));
    },
    subgraph: async (_p, args, ctx, info) => {
      if (args.ids.length > MAX_SUBGRAPH_IDS) throw new UserInputError(`Argument "ids" may hold at most ${MAX_SUBGRAPH_IDS} ids (got ${args.ids.length}).`, 'ids');
      const filter = networkFilter(args.types, args.asOf);
      const network = await subgraph(ctx.db, [...new Set(args.ids)], args.includeBetween ?? true, filter, networkOptions(info));
      return view(network, filter, ctx);
    },
    relationTypes: () => [...relationTypes],
  },
  Graph: {
    nodes: (g) => g.nodes.map((entity) => ({ entity, graph: g })),
    edges: (g) => g.edges,
    truncated: (g) => g.truncated,
  },
  Path: {
    length: (p) => p.edges.length,
    nodes: (p) => p.nodes.map((entity) => ({ entity, graph: p })),
    edges: (p) => p.edges,
  },
  GraphNode: {
    id: (n) => n.entity.id,
    kind: (n) => n.entity.kind,
    name: (n, _a, ctx) => nameAsOf(n.entity, n.graph.asOf, ctx),
    entity: (n) => n.entity,
    degree: (n) => measure(n.graph, n.entity).degree,
    betweenness: (n) => measure(n.graph, n.entity).betweenness,
    pagerank: (n) => measure(n.graph, n.entity).pagerank,
  },
  GraphEdge: {
    citations: (e, _a, ctx) => ctx.loaders.citations.load(e.factId),
  },
};
