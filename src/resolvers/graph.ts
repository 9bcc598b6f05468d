// Network queries: neighbourhoods, shortest paths and subgraphs as graphs of nodes and cited edges, with
// key-player measures and party names as of the day asked about. Planned (the default), each root reads in its
// one query what its selection asks of nodes and edges: names on the day, citations, `entity { … }`'s loads.
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphContext } from '../context.js';
import { relationTypes } from '../dataset/to-graph.js';
import { NotFoundError, UserInputError } from '../errors.js';
import type { Resolvers } from '../generated/graphql.js';
import { keyPlayerMeasures, type KeyPlayerMeasures } from '../graph/measures.js';
import { intArg, networkFilter } from '../graph/options.js';
import { edgeProperties, NETWORK_BOUNDS, neighbourhood, shortestPaths, subgraph, type Network, type NetworkExtras, type NetworkFilter, type NetworkOptions } from '../repositories/graph-repository.js';
import { primeLoaders, readProjection } from '../repositories/loaders.js';
import { planAtFor, selects } from './prefetch.js';
import { factOfLabel, type EntityRecord } from '../repositories/records.js';
import type { GraphView } from './mappers.js';
import { nameOn } from './names.js';

/** Largest `limit` of a neighbourhood and most `ids` of a subgraph: what a browser can still draw. */
export const MAX_GRAPH_NODES = 1_000;
export const MAX_SUBGRAPH_IDS = 50;

function view(network: Network, extras: NetworkExtras, filter: NetworkFilter, ctx: GraphContext): GraphView {
  // The entities arrived with the network: `GraphNode.entity` and other lookups need no further query.
  for (const entity of network.nodes) ctx.loaders.entity.prime(entity.id, entity);
  // So did the edges' citations and what `entity { … }` loads, when selected (`networkOptions`).
  primeLoaders(ctx.loaders, extras.primes);
  let measures: Map<string, KeyPlayerMeasures> | null = null;
  return {
    nodes: network.nodes,
    edges: network.edges,
    truncated: network.truncated,
    asOf: filter.asOf,
    namesOn: extras.namesOn,
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

/**
 * A party's name on the day asked about (Nur Otan in 2021); other entities, or no day, keep their name. The
 * network's query chose it when `name` was selected (`namesOn`); planning off, it is chosen here.
 */
async function nameAsOf(entity: EntityRecord, graph: GraphView, ctx: GraphContext): Promise<string> {
  const asOf = graph.asOf;
  if (!asOf || entity.kind !== 'PARTY') return entity.name;
  if (graph.namesOn) return graph.namesOn.get(entity.id) ?? entity.name;
  const names = await ctx.loaders.factsLinked.load({ label: 'PartyName', link: 'SUBJECT', id: entity.id });
  return nameOn(names.map((n) => factOfLabel(n, 'PartyName')), asOf) ?? entity.name;
}

/**
 * What the network query reads beyond nodes and edges, from the selection: edges' citation counts when
 * `edges { citationCount }` is selected; planned, also their citations (`edges { citations }`), parties' names on
 * `asOf` (`nodes { name }`) and what `nodes { entity { … } }` loads, with the operation's projection, and of each
 * edge only the relationship properties its selected fields read. Planning off (`PREFETCH=false`), records are
 * read whole and the rest level by level through the loaders, as the reference answers.
 */
function networkOptions(info: GraphQLResolveInfo, ctx: GraphContext, asOf: string | null): NetworkOptions {
  const citationCounts = selects(info, ['edges', 'citationCount']);
  if (!ctx.prefetch) return { citationCounts };
  const citations = selects(info, ['edges', 'citations']);
  return {
    citationCounts,
    citations,
    // `citations` finds its fact by the edge's fact id.
    edgeProps: edgeProperties.filter((p) => selects(info, ['edges', p]) || (p === 'factId' && citations)),
    namesOn: asOf !== null && selects(info, ['nodes', 'name']),
    entityPlan: planAtFor(ctx, info, ['nodes', 'entity'], 'Entity'),
    projection: readProjection(ctx.projection),
  };
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
      const network = await neighbourhood(ctx.db, { id: args.id, depth, limit }, filter, networkOptions(info, ctx, filter.asOf));
      if (!network) throw new NotFoundError(`No entity has the id "${args.id}".`, 'id');
      return view(network, network, filter, ctx);
    },
    shortestPath: async (_p, args, ctx, info) => {
      const { maxDepth, filter } = pathArgs(args);
      const found = await shortestPaths(ctx.db, { from: args.from, to: args.to, maxDepth, count: 1 }, filter, networkOptions(info, ctx, filter.asOf));
      const [path] = found.paths;
      return path ? view({ ...path, truncated: false }, found, filter, ctx) : null;
    },
    paths: async (_p, args, ctx, info) => {
      const { maxDepth, filter } = pathArgs(args);
      const first = intArg(args.first, 5, 0, NETWORK_BOUNDS.maxPaths, 'first');
      if (first === 0) return [];
      // Parallel relationships (MEMBER_OF and LEADS between the same two) give paths through the same entities;
      // ask for more and keep one per chain of entities, so each path shows a different connection.
      const found = await shortestPaths(ctx.db, { from: args.from, to: args.to, maxDepth, count: first * 4 }, filter, networkOptions(info, ctx, filter.asOf));
      const seen = new Set<string>();
      const distinct = found.paths.filter((p) => {
        const ids = p.nodes.map((n) => n.id);
        const key = ids.join('|');
        if (seen.has(key) || new Set(ids).size !== ids.length) return false;
        seen.add(key);
        return true;
      });
      return distinct.slice(0, first).map((p) => view({ ...p, truncated: false }, found, filter, ctx));
    },
    subgraph: async (_p, args, ctx, info) => {
      if (args.ids.length > MAX_SUBGRAPH_IDS) throw new UserInputError(`Argument "ids" may hold at most ${MAX_SUBGRAPH_IDS} ids (got ${args.ids.length}).`, 'ids');
      const filter = networkFilter(args.types, args.asOf);
      const network = await subgraph(ctx.db, [...new Set(args.ids)], args.includeBetween ?? true, filter, networkOptions(info, ctx, filter.asOf));
      return view(network, network, filter, ctx);
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
    name: (n, _a, ctx) => nameAsOf(n.entity, n.graph, ctx),
    entity: (n) => n.entity,
    degree: (n) => measure(n.graph, n.entity).degree,
    betweenness: (n) => measure(n.graph, n.entity).betweenness,
    pagerank: (n) => measure(n.graph, n.entity).pagerank,
  },
  GraphEdge: {
    citations: (e, _a, ctx) => ctx.loaders.citations.load(e.factId),
  },
};
