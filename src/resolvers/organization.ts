// Organisations and places: kinds, hierarchy and members.
import type { Resolvers } from '../generated/graphql.js';
import { listEntitiesFor } from './prefetch.js';
import { pageRequest } from '../repositories/pagination.js';
import { entityById } from './person.js';
import { resolversOf } from './model.js';
import { entityFields } from './shared.js';

export const organizationResolvers: Resolvers = {
  Query: {
    organization: entityById('ORGANIZATION'),
    organizations: (_p, { kinds, ...args }, ctx, info) => listEntitiesFor(ctx, info, 'ORGANIZATION', { subKinds: kinds ?? null }, pageRequest(args)),
    place: entityById('PLACE'),
  },
  Organization: {
    ...entityFields,
    orgKind: (o) => (o.orgKind ?? 'OTHER'),
    ...resolversOf('Organization'),
  },
  Place: {
    ...entityFields,
    placeKind: (p) => (p.placeKind ?? 'SITE'),
    ...resolversOf('Place'),
  },
};
