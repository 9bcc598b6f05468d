// Provenance and the analysts' model: sources as documents (text, digest, versions, the citations quoting
// them), per-place turnout and independents' seats as cited values, family ties seen from either end, and an
// entity's timeline of events and contested elections in one query.
import { requireRole } from '../auth.js';
import * as curation from '../curation/mutations.js';
import { ownerOf } from '../dataset/from-graph.js';
import type { Resolvers } from '../generated/graphql.js';
import { pageRequest, paginate } from '../repositories/pagination.js';
import { sourceVersions, sourceVersionsPage, type SourceCitationRecord } from '../repositories/source-repository.js';
import type { GraphContext } from '../context.js';
import { turnoutByPlace } from './model.js';
import { requireEntity, valueOf } from './shared.js';

const entityPrefixes = new Set(['person', 'party', 'organization', 'place', 'district', 'election', 'case', 'event']);

/**
 * The node citing a source: the entity or fact itself, or for a claim (`election:x#turnout#1`) the entity or
 * fact it is of. The citation's kind says which: a fact's id may look like a claim's (`event:x#participant#1`).
 */
async function citingNode(ctx: GraphContext, c: SourceCitationRecord) {
  if (c.citedByKind === 'ENTITY') return ctx.loaders.entity.load(c.citedBy);
  if (c.citedByKind === 'FACT') return ctx.loaders.fact.load(c.citedBy);
  const owner = ownerOfClaim(c.citedBy);
  const prefix = owner.split(':')[0] ?? '';
  if (entityPrefixes.has(prefix) && !owner.includes('#')) return ctx.loaders.entity.load(owner);
  return (await ctx.loaders.fact.load(owner)) ?? (await ctx.loaders.entity.load(ownerOf(owner)));
}

/** `x#field#n` → `x`; `x#party#1#field#n` → `x#party#1`. */
function ownerOfClaim(id: string): string {
  const parts = id.split('#');
  return parts.slice(0, parts.length - 2).join('#');
}



export const provenanceResolvers: Resolvers = {
  Source: {
    text: async (s, _a, ctx) => (s.text !== undefined ? s.text : ((await ctx.loaders.source.load(s.id))?.text ?? null)),
    previousVersions: (s, _a, ctx) => sourceVersions(ctx.db, s.id),
    previousVersionsConnection: (s, args, ctx) => sourceVersionsPage(ctx.db, s.id, pageRequest(args)),
    citations: (s, args, ctx) => ctx.loaders.sourceCitations.load({ sourceId: s.id, ...pageRequest(args) }),
  },
  SourceCitation: {
    citedById: (c) => c.citedBy,
    citedBy: (c, _a, ctx) => citingNode(ctx, c),
  },
  Election: {
    independentSeats: (e) => valueOf(e, 'independentSeats'),
    // The list's answer (its claims are read whole with their owner), paged here by place id (then the claim's
    // place in the owner's claims, for two sources' turnouts of one place).
    turnoutByPlaceConnection: async (e, args, ctx) => {
      const page = pageRequest(args);
      const keyed = (await turnoutByPlace(ctx, e)).map((turnout, i) => ({ turnout, key: `${turnout.placeId} ${String(i).padStart(6, '0')}` }));
      const paged = paginate(keyed, (t) => t.key, page);
      return { ...paged, edges: paged.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.turnout })) };
    },
  },
  PlaceTurnout: {
    place: (t, _a, ctx) => requireEntity(ctx, t.placeId, 'PLACE'),
  },
  FamilyTie: {
    recordedFor: async (f, _a, ctx) => requireEntity(ctx, (await ctx.loaders.fact.load(f.id))?.subjectId ?? f.subjectId, 'PERSON'),
  },
  TimelineEntry: {
    event: (t, _a, ctx) => (t.kind === 'EVENT' ? requireEntity(ctx, t.entityId, 'EVENT') : null),
    election: (t, _a, ctx) => (t.kind === 'ELECTION' ? requireEntity(ctx, t.entityId, 'ELECTION') : null),
    result: async (t, _a, ctx) => {
      const fact = t.factId ? await ctx.loaders.fact.load(t.factId) : null;
      return fact?.label === 'PartyResult' ? fact : null;
    },
    candidacy: async (t, _a, ctx) => {
      const fact = t.factId ? await ctx.loaders.fact.load(t.factId) : null;
      return fact?.label === 'Candidacy' ? fact : null;
    },
  },
  Mutation: {
    reviseSourceText: async (_p, { input }, ctx) => {
      const result = await curation.reviseSourceText(ctx.db, requireRole(ctx.caller, 'editor'), input);
      return { ...result, source: result.id ? await ctx.loaders.source.load(result.id) : null };
    },
    retractCitation: async (_p, { input }, ctx) => {
      const result = await curation.retractCitation(ctx.db, requireRole(ctx.caller, 'editor'), input);
      return { ...result, source: result.id ? await ctx.loaders.source.load(result.id) : null };
    },
  },
};
