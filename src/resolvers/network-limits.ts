// `networkLimits`: what the network queries accept, read from the places that enforce it (the repository's
// bounds, the graph resolvers' caps, the schema's own enum and defaults), so clients copy nothing.
import { isEnumType, type GraphQLSchema } from 'graphql';
import type { EntityKind, Resolvers } from '../generated/graphql.js';
import { NETWORK_BOUNDS } from '../repositories/graph-repository.js';
import { MAX_GRAPH_NODES, MAX_SUBGRAPH_IDS } from './graph.js';

function pathDepthDefault(schema: GraphQLSchema): number {
  const arg = schema.getQueryType()?.getFields().paths?.args.find((a) => a.name === 'maxDepth');
  return typeof arg?.defaultValue === 'number' ? arg.defaultValue : NETWORK_BOUNDS.maxPathDepth;
}

export const networkLimitsResolvers: Resolvers = {
  Query: {
    networkLimits: (_parent, _args, _ctx, info) => {
      const kindEnum = info.schema.getType('EntityKind');
      const kinds = isEnumType(kindEnum) ? kindEnum.getValues().map((v) => ({ kind: v.name as EntityKind, description: v.description ?? v.name })) : [];
      return {
        kinds,
        maxDepth: NETWORK_BOUNDS.maxDepth,
        maxNodes: MAX_GRAPH_NODES,
        defaultPathDepth: pathDepthDefault(info.schema),
        maxPathDepth: NETWORK_BOUNDS.maxPathDepth,
        maxPaths: NETWORK_BOUNDS.maxPaths,
        maxSubgraphIds: MAX_SUBGRAPH_IDS,
      };
    },
  },
};
