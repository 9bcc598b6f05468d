// People: lookups, the filtered list, and their memberships, candidacies, court cases and family ties.
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphContext } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';
import { pageRequest } from '../repositories/pagination.js';
import type { EntityKind, EntityRecord } from '../repositories/records.js';
import { foldName } from '../search/fold.js';
import { listEntitiesFor, loadEntityFor } from './prefetch.js';
import { entityFields, factCitations, requireEntity } from './shared.js';

/** `person(id)`, `party(id)`...: an entity of the asked kind, or null. */
export function entityOfKind(kind: EntityKind) {
  return async (_parent: unknown, { id }: { id: string }, ctx: GraphContext, info: GraphQLResolveInfo): Promise<EntityRecord | null> => {
    const entity = await loadEntityFor(ctx, id, info);
    return entity?.kind === kind ? entity : null;
  };
}

export const personResolvers: Resolvers = {
  Query: {
    person: entityOfKind('PERSON'),
    people: (_p, { filter, ...args }, ctx, info) =>
      listEntitiesFor(
        ctx,
        info,
        {
          kinds: ['PERSON'],
          nameKey: filter?.name ? foldName(filter.name) || null : null,
          memberOf: filter?.memberOf ?? null,
          candidateIn: filter?.candidateIn ?? null,
        },
        pageRequest(args),
      ),
  },
  Person: {
    ...entityFields,
    // Only those holding on `asOf`: the loader's query filters by day.
    memberships: (p, { asOf, includeRetracted }, ctx) =>
      ctx.loaders.factsLinked.load({ label: 'Membership', link: 'SUBJECT', id: p.id, includeRetracted: includeRetracted ?? false, asOf: asOf ?? null }),
    candidacies: (p, _a, ctx) => ctx.loaders.factsLinked.load({ label: 'Candidacy', link: 'SUBJECT', id: p.id }),
    courtCases: (p, _a, ctx) => ctx.loaders.factsLinked.load({ label: 'CaseParty', link: 'SUBJECT', id: p.id }),
    relatives: async (p, _a, ctx) => [
      ...(await ctx.loaders.factsLinked.load({ label: 'FamilyTie', link: 'SUBJECT', id: p.id })),
      ...(await ctx.loaders.factsLinked.load({ label: 'FamilyTie', link: 'OBJECT', id: p.id })),
    ],
  },
  Membership: {
    person: (m, _a, ctx) => requireEntity(ctx, m.subjectId),
    organization: (m, _a, ctx) => requireEntity(ctx, m.objectIds[0] ?? null),
    role: (m) => m.role ?? 'member',
    citations: factCitations,
  },
  FamilyTie: {
    person: (f, _a, ctx) => requireEntity(ctx, f.subjectId),
    relative: (f, _a, ctx) => requireEntity(ctx, f.objectIds[0] ?? null),
    relation: (f) => f.relation ?? 'SPOUSE',
    citations: factCitations,
  },
};
