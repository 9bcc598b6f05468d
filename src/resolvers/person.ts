// People: lookups, the filtered list, and their memberships, candidacies, court cases and family ties.
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphContext } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';
import { pageRequest } from '../repositories/pagination.js';
import { isEntityOfKind, type EntityKind, type EntityOfKind } from '../repositories/records.js';
import { foldName } from '../search/fold.js';
import { listEntitiesFor, loadEntityFor } from './prefetch.js';
import { resolversOf } from './model.js';
import { entityFields, factCitations, factCitationsPage, optionalEntity, valueOf } from './shared.js';

/** `person(id)`, `party(id)`...: an entity of the asked kind, or null (an id of another kind is not found). */
export function entityById<K extends EntityKind>(kind: K) {
  return async (_parent: unknown, { id }: { id: string }, ctx: GraphContext, info: GraphQLResolveInfo): Promise<EntityOfKind<K> | null> => {
    const entity = await loadEntityFor(ctx, id, info);
    return entity && isEntityOfKind(entity, kind) ? entity : null;
  };
}

export const personResolvers: Resolvers = {
  Query: {
    person: entityById('PERSON'),
    people: (_p, { filter, ...args }, ctx, info) =>
      listEntitiesFor(
        ctx,
        info,
        'PERSON',
        {
          nameKey: filter?.name ? foldName(filter.name) || null : null,
          memberOf: filter?.memberOf ?? null,
          candidateIn: filter?.candidateIn ?? null,
        },
        pageRequest(args),
      ),
  },
  Person: {
    ...entityFields,
    ...resolversOf('Person'),
  },
  Membership: {
    ...resolversOf('Membership'),
    role: (m) => m.role ?? 'member',
    party: (m, _a, ctx) => optionalEntity(ctx, m.onBehalfOfId, 'PARTY'),
    independent: (m) => m.independent,
    fromClaims: (m) => valueOf(m, 'from'),
    toClaims: (m) => valueOf(m, 'to'),
    citations: factCitations,
    citationsConnection: factCitationsPage,
  },
  FamilyTie: {
    ...resolversOf('FamilyTie'),
    relation: (f) => f.relation ?? 'SPOUSE',
    citations: factCitations,
    citationsConnection: factCitationsPage,
  },
};
