// Organisations and places: kinds, hierarchy and members.
import type { Resolvers } from '../generated/graphql.js';
import { listEntitiesFor } from './prefetch.js';
import { pageRequest } from '../repositories/pagination.js';
import { entityOfKind } from './person.js';
import { entityFields, membersOf, optionalEntity } from './shared.js';

export const organizationResolvers: Resolvers = {
  Query: {
    organization: entityOfKind('ORGANIZATION'),
    organizations: (_p, { kinds, ...args }, ctx, info) => listEntitiesFor(ctx, info, { kinds: ['ORGANIZATION'], subKinds: kinds ?? null }, pageRequest(args)),
    place: entityOfKind('PLACE'),
  },
  Organization: {
    ...entityFields,
    orgKind: (o) => (o.orgKind ?? 'OTHER'),
    parent: (o, _a, ctx) => optionalEntity(ctx, o.parentId),
    place: (o, _a, ctx) => optionalEntity(ctx, o.placeId),
    members: membersOf,
  },
  Place: {
    ...entityFields,
    placeKind: (p) => (p.placeKind ?? 'SITE'),
    within: (p, _a, ctx) => optionalEntity(ctx, p.withinId),
  },
};
