// Curation: the mutations (role check, one service call, the written record reloaded), the audit trail
// (`changes`, `history`), retractions as seen on facts and relations, and duplicate candidates.
import { GraphQLError, GraphQLScalarType, Kind, type GraphQLResolveInfo } from 'graphql';
import { requireRole } from '../auth.js';
import type { GraphContext } from '../context.js';
import { dismissDuplicate } from '../curation/dismissal.js';
import { rankDuplicates } from '../curation/duplicates.js';
import { runIdempotent } from '../curation/idempotency.js';
import { mergeEntities } from '../curation/merge.js';
import * as curation from '../curation/mutations.js';
import type { MutationResult } from '../curation/mutations.js';
import { ErrorCode, UserInputError } from '../errors.js';
import type { Resolvers } from '../generated/graphql.js';
import { duplicateInputs, listChanges } from '../repositories/curation-repository.js';
import { createLoaders } from '../repositories/loaders.js';
import { MAX_PAGE_SIZE, pageRequest } from '../repositories/pagination.js';
import type { FactLabel } from '../dataset/to-graph.js';
import type { EntityKind, EntityOfKind, FactOfLabel, FactRecord } from '../repositories/records.js';
import { resolverOf } from './model.js';
import { entitiesAtAnyFor } from './prefetch.js';
import { optionalEntity, optionalFact, requireEntity } from './shared.js';

const isoMoment = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function parseDateTime(value: unknown): string {
  const date = typeof value === 'string' && isoMoment.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime must be ISO 8601 with a time zone, e.g. 2024-05-01T12:30:00Z (got ${JSON.stringify(value)}).`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return date.toISOString();
}

/** `DateTime`: stored and answered as UTC ISO 8601 with milliseconds, which sorts as text. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'A moment in time, ISO 8601 with a time zone.',
  serialize: (value) => (typeof value === 'string' ? value : parseDateTime(value)),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** After a write, later fields of the operation must not see what the loaders cached before it. */
function freshLoaders(ctx: GraphContext): void {
  ctx.loaders = createLoaders(ctx.db);
}

/** The entity a write made or changed, read fresh; of `kind` when the payload's field is of a concrete type. */
async function entityOf<K extends EntityKind = EntityKind>(ctx: GraphContext, result: MutationResult, kind?: K): Promise<EntityOfKind<K> | null> {
  freshLoaders(ctx);
  return optionalEntity(ctx, result.id, kind);
}

/** The fact a write made or changed, read fresh; of `label` when the payload's field is of a concrete type. */
async function factOf<L extends FactLabel = FactLabel>(ctx: GraphContext, result: MutationResult, label?: L): Promise<FactOfLabel<L> | null> {
  freshLoaders(ctx);
  return optionalFact(ctx, result.id, label);
}

const editor = (ctx: GraphContext) => requireRole(ctx.caller, 'editor');

type MutationResolvers = NonNullable<Resolvers['Mutation']>;

/**
 * Every mutation field runs in the scope of the request's Idempotency-Key (when it has one), which the write
 * transaction picks up (src/curation/engine.ts): one wrapper for all, so no mutation can forget it.
 */
export function idempotentMutations(mutations: Resolvers['Mutation']): MutationResolvers {
  const wrapped: Record<string, unknown> = {};
  for (const [field, resolver] of Object.entries(mutations ?? {})) {
    if (typeof resolver !== 'function') throw new Error(`Mutation.${field} must be a plain resolver function`);
    const resolve = resolver as (parent: unknown, args: unknown, ctx: GraphContext, info: GraphQLResolveInfo) => unknown;
    wrapped[field] = (parent: unknown, args: unknown, ctx: GraphContext, info: GraphQLResolveInfo) =>
      runIdempotent(ctx.idempotencyKey, ctx.caller, info, () => resolve(parent, args, ctx, info));
  }
  return wrapped as MutationResolvers;
}

// The audit trail is a field of the model (./model.ts): planned with the root's query, its resolver derived.
const history = resolverOf('Entity.history');
const historyConnection = resolverOf('Entity.historyConnection');
const entityHistory = { history, historyConnection };
const factFields = { history: resolverOf('Fact.history'), historyConnection: resolverOf('Fact.historyConnection'), retraction: (f: FactRecord) => f.retraction };

export const curationResolvers: Resolvers = {
  Query: {
    viewer: (_p, _a, ctx) =>
      ctx.caller.kind === 'key' ? { name: ctx.caller.name, role: ctx.caller.role === 'admin' ? 'ADMIN' : ctx.caller.role === 'editor' ? 'EDITOR' : 'READER' } : { name: null, role: null },
    changes: (_p, { since, actor, ...page }, ctx) => listChanges(ctx.db, { since: since ?? null, actor: actor ?? null }, pageRequest(page)),
    duplicateCandidates: async (_p, { kind, first }, ctx, info) => {
      const limit = first ?? 20;
      if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
        throw new UserInputError(`Argument "first" must be between 0 and ${MAX_PAGE_SIZE} (got ${limit}).`, 'first');
      }
      // One query finds the candidates, the dismissed pairs and (planned) the entities as the operation reads
      // them; what the pairs' `entity` and `duplicate` select beyond that is one more, for all pairs at once.
      const { candidates, dismissed, entity } = await duplicateInputs(ctx.db, kind, ctx.projection.props);
      const pairs = rankDuplicates(candidates, limit, dismissed);
      const ids = [...new Set(pairs.flatMap((p) => [p.entityId, p.duplicateId]))];
      if (entity) {
        for (const id of ids) {
          const record = entity(id);
          if (record) ctx.loaders.entity.prime(id, record);
        }
      }
      await entitiesAtAnyFor(ctx, info, [['entity'], ['duplicate']], ids);
      return pairs;
    },
  },
  Mutation: {
    upsertPerson: async (_p, { input }, ctx) => {
      const result = await curation.upsertPerson(ctx.db, editor(ctx), input);
      return { ...result, person: await entityOf(ctx, result, 'PERSON') };
    },
    upsertParty: async (_p, { input }, ctx) => {
      const result = await curation.upsertParty(ctx.db, editor(ctx), input);
      return { ...result, party: await entityOf(ctx, result, 'PARTY') };
    },
    upsertOrganization: async (_p, { input }, ctx) => {
      const result = await curation.upsertOrganization(ctx.db, editor(ctx), input);
      return { ...result, organization: await entityOf(ctx, result, 'ORGANIZATION') };
    },
    upsertPlace: async (_p, { input }, ctx) => {
      const result = await curation.upsertPlace(ctx.db, editor(ctx), input);
      return { ...result, place: await entityOf(ctx, result, 'PLACE') };
    },
    upsertDistrict: async (_p, { input }, ctx) => {
      const result = await curation.upsertDistrict(ctx.db, editor(ctx), input);
      return { ...result, district: await entityOf(ctx, result, 'DISTRICT') };
    },
    upsertElection: async (_p, { input }, ctx) => {
      const result = await curation.upsertElection(ctx.db, editor(ctx), input);
      return { ...result, election: await entityOf(ctx, result, 'ELECTION') };
    },
    upsertCourtCase: async (_p, { input }, ctx) => {
      const result = await curation.upsertCourtCase(ctx.db, editor(ctx), input);
      return { ...result, courtCase: await entityOf(ctx, result, 'COURT_CASE') };
    },
    upsertEvent: async (_p, { input }, ctx) => {
      const result = await curation.upsertEvent(ctx.db, editor(ctx), input);
      return { ...result, event: await entityOf(ctx, result, 'EVENT') };
    },
    addSource: async (_p, { input }, ctx) => {
      const result = await curation.addSource(ctx.db, editor(ctx), input);
      freshLoaders(ctx);
      return { ...result, source: result.id ? await ctx.loaders.source.load(result.id) : null };
    },
    addMembership: async (_p, { input }, ctx) => {
      const result = await curation.addMembership(ctx.db, editor(ctx), input);
      return { ...result, membership: await factOf(ctx, result, 'Membership') };
    },
    addCandidacy: async (_p, { input }, ctx) => {
      const result = await curation.addCandidacy(ctx.db, editor(ctx), input);
      return { ...result, candidacy: await factOf(ctx, result, 'Candidacy') };
    },
    addCandidacyStatus: async (_p, { input }, ctx) => {
      const result = await curation.addCandidacyStatus(ctx.db, editor(ctx), input);
      const status = await factOf(ctx, result, 'CandidacyStatus');
      return { ...result, status, candidacy: status ? await optionalFact(ctx, input.candidacy, 'Candidacy') : null };
    },
    addPartyResult: async (_p, { input }, ctx) => {
      const result = await curation.addPartyResult(ctx.db, editor(ctx), input);
      return { ...result, result: await factOf(ctx, result, 'PartyResult') };
    },
    addFamilyTie: async (_p, { input }, ctx) => {
      const result = await curation.addFamilyTie(ctx.db, editor(ctx), input);
      return { ...result, familyTie: await factOf(ctx, result, 'FamilyTie') };
    },
    addCaseParty: async (_p, { input }, ctx) => {
      const result = await curation.addCaseParty(ctx.db, editor(ctx), input);
      return { ...result, caseParty: await factOf(ctx, result, 'CaseParty') };
    },
    addEventParticipant: async (_p, { input }, ctx) => {
      const result = await curation.addEventParticipant(ctx.db, editor(ctx), input);
      return { ...result, participation: await factOf(ctx, result, 'Participation') };
    },
    endRelationship: async (_p, { id, to, citation }, ctx) => {
      const result = await curation.endRelationship(ctx.db, editor(ctx), id, to, citation);
      return { ...result, fact: await factOf(ctx, result) };
    },
    retractFact: async (_p, { id, reason }, ctx) => {
      const result = await curation.retractFact(ctx.db, editor(ctx), id, reason);
      return { ...result, fact: await factOf(ctx, result) };
    },
    restoreFact: async (_p, { id, reason }, ctx) => {
      const result = await curation.restoreFact(ctx.db, editor(ctx), id, reason);
      return { ...result, fact: await factOf(ctx, result) };
    },
    mergeEntities: async (_p, { keep, drop, reason }, ctx) => {
      // Admin only: a merge removes a node and re-points everything at another, which no editor can undo.
      const result = await mergeEntities(ctx.db, requireRole(ctx.caller, 'admin'), keep, drop, reason ?? null);
      return { ...result, entity: await entityOf(ctx, result) };
    },
    dismissDuplicate: async (_p, { entity, duplicate, reason }, ctx) => {
      const result = await dismissDuplicate(ctx.db, editor(ctx), entity, duplicate, reason);
      freshLoaders(ctx);
      return result;
    },
  },
  DuplicateDismissal: {
    entity: (d, _a, ctx) => requireEntity(ctx, d.entityId),
    duplicate: (d, _a, ctx) => requireEntity(ctx, d.duplicateId),
  },
  DuplicateCandidate: {
    entity: async (c, _a, ctx) => {
      const entity = await ctx.loaders.entity.load(c.entityId);
      if (!entity) throw new Error(`duplicate candidate ${c.entityId} vanished`);
      return entity;
    },
    duplicate: async (c, _a, ctx) => {
      const entity = await ctx.loaders.entity.load(c.duplicateId);
      if (!entity) throw new Error(`duplicate candidate ${c.duplicateId} vanished`);
      return entity;
    },
  },
  Relation: { retracted: (r) => r.retracted },
  Person: entityHistory,
  Party: entityHistory,
  Organization: entityHistory,
  Place: entityHistory,
  District: entityHistory,
  Election: entityHistory,
  CourtCase: entityHistory,
  Event: entityHistory,
  Membership: factFields,
  Candidacy: factFields,
  CandidacyStatusChange: factFields,
  PartyResult: factFields,
  FamilyTie: factFields,
  CaseParty: factFields,
  Participation: factFields,
  PartyName: factFields,
  Finding: factFields,
};
