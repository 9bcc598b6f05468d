// The graph's generic surface: `node(id)`, how interfaces resolve to concrete types, relations and sources.
import type { Resolvers } from '../generated/graphql.js';
import { pageRequest } from '../repositories/pagination.js';
import { listSources } from '../repositories/fact-repository.js';
import type { EntityKind, EntityRecord, FactRecord } from '../repositories/records.js';
import type { NodeRecord } from './mappers.js';
import { entityLabelOfKind, type EntityLabel } from '../dataset/to-graph.js';
import { typeOfFactLabel } from './model.js';
import { loadEntityFor, loadFactFor, loadSourceFor } from './prefetch.js';
import { requireEntity } from './shared.js';
import { API_VERSION } from '../version.js';

/** An entity's GraphQL type: its kind's label (entity labels are named as their types). */
const typeOfKind = (kind: EntityKind): EntityLabel => entityLabelOfKind[kind]!;


/** The GraphQL type of a fact reachable by id: a legislature's terms are read through `Legislature.terms`, not as nodes. */
function factType(f: FactRecord): (typeof typeOfFactLabel)[keyof typeof typeOfFactLabel] | null {
  return f.label === 'Term' ? null : typeOfFactLabel[f.label];
}

const entityPrefixes = new Set(['person', 'party', 'organization', 'place', 'district', 'election', 'case', 'event']);

function isEntity(n: NodeRecord): n is EntityRecord {
  return 'kind' in n;
}

export const nodeResolvers: Resolvers = {
  Query: {
    apiVersion: () => API_VERSION,
    node: async (_p, { id }, ctx, info) => {
      const prefix = id.split(':')[0] ?? '';
      if (entityPrefixes.has(prefix) && !id.includes('#')) return loadEntityFor(ctx, id, info);
      const fact = await loadFactFor(ctx, id, info);
      return fact && factType(fact) ? fact : null;
    },
    source: (_p, { id }, ctx, info) => loadSourceFor(ctx, id, info),
    sources: (_p, args, ctx) => listSources(ctx.db, pageRequest(args)),
  },
  Node: {
    __resolveType: (n) => (isEntity(n) ? typeOfKind(n.kind) : factType(n)),
  },
  Entity: {
    __resolveType: (e) => typeOfKind(e.kind),
  },
  Fact: {
    __resolveType: (f: FactRecord) => factType(f),
  },
  Relation: {
    other: (r, _a, ctx) => requireEntity(ctx, r.otherId),
    fact: async (r, _a, ctx) => {
      const node = r.factId.includes('#') || !entityPrefixes.has(r.factId.split(':')[0] ?? '') ? await ctx.loaders.fact.load(r.factId) : await ctx.loaders.entity.load(r.factId);
      if (!node) throw new Error(`relation ${r.id} names a missing fact ${r.factId}`);
      return node;
    },
    citations: (r, _a, ctx) => ctx.loaders.citations.load(r.factId),
  },
  Source: {
    citationCount: async (s, _a, ctx) => s.citationCount ?? (await ctx.loaders.source.load(s.id))?.citationCount ?? 0,
  },
};
