// Legislatures (terms, seats, party composition), a person's seats, and external identifiers of entities.
// Thin: arguments in, a repository call (batched per request where a field fans out), records out.
import DataLoader from 'dataloader';
import type { GraphContext } from '../context.js';
import { entityOfKind, type EntityRecord } from '../repositories/records.js';
import { optionalEntity, optionalFact, valueOf } from './shared.js';
import { fieldModel } from './model.js';
import { nameOn } from './names.js';
import { partialDate } from '../domain/partial-date.js';
import type { Resolvers } from '../generated/graphql.js';
import { UserInputError } from '../errors.js';
import { identifierKey } from '../dataset/to-graph.js';
import { entityByIdentifierFor, loadLegislatureFor } from './prefetch.js';
import {
  sameSeatFilter,
  seatLimit,
  seatsOf,
  seatsOfPersons,
  termsOf,
  type SeatFilter,
  type SeatRecord,
  type TermRecord,
} from '../repositories/legislature-repository.js';

export interface LegislatureRecord {
  id: string;
  /** Read with the root in its one query (src/resolvers/prefetch.ts `loadLegislatureFor`), when selected. */
  terms?: TermRecord[] | null;
  /** One page of members read with the root, and the filter it answers. */
  members?: { filter: SeatFilter; total: number; seats: SeatRecord[] } | null;
}
export type { SeatRecord, TermRecord };
export interface PartySeatsRecord {
  partyId: string | null;
  independent: boolean;
  seats: number;
  /** The seats' Membership facts: their citations cite the composition. */
  membershipIds: string[];
}

interface LegislatureLoaders {
  seats: DataLoader<string, SeatRecord[]>;
}

// Per request (the context object lives as long as one request): batched loaders of this module's own.
const perRequest = new WeakMap<object, LegislatureLoaders>();
function loaders(ctx: GraphContext): LegislatureLoaders {
  let made = perRequest.get(ctx);
  if (!made) {
    made = {
      seats: new DataLoader(async (ids: readonly string[]) => {
        const found = await seatsOfPersons(ctx.db, ids);
        return ids.map((id) => found.get(id) ?? []);
      }),
    };
    perRequest.set(ctx, made);
  }
  return made;
}

/** Read with the entity itself (the projection reads `identifiers` when they are asked for). */
const identifiers = (entity: EntityRecord) => entity.identifiers;


export const legislatureResolvers: Resolvers = {
  Query: {
    entityByIdentifier: async (_p, { scheme, value }, ctx, info) => {
      if (scheme.length > 64 || value.length > 500) throw new UserInputError('scheme or value is too long.', scheme.length > 64 ? 'scheme' : 'value');
      return entityByIdentifierFor(ctx, info, identifierKey(scheme.toLowerCase(), value));
    },
    legislature: (_p, { id }, ctx, info) => loadLegislatureFor(ctx, id, info),
  },
  Legislature: {
    organization: async (l, _a, ctx) => {
      const org = await ctx.loaders.entity.load(l.id);
      if (!org) throw new Error(`legislature ${l.id} vanished`);
      return entityOfKind(org, 'ORGANIZATION');
    },
    terms: (l, _a, ctx) => l.terms ?? termsOf(ctx.db, l.id),
    members: async (l, { asOf, term, first }, ctx) => {
      const filter = { asOf: asOf ?? null, term: term ?? null, first: seatLimit(first) };
      const planned = l.members && sameSeatFilter(l.members.filter, filter) ? l.members : null;
      const found = planned ?? (await seatsOf(ctx.db, l.id, filter));
      return { totalCount: found.total, nodes: found.seats };
    },
  },
  LegislativeTerm: {
    composition: (t) => t.composition,
    fromClaims: (t) => ({ ownerId: t.id, field: 'from', plain: t.from, disputed: t.disputed.includes('from') }),
    toClaims: (t) => valueOf({ id: t.id, disputed: t.disputed, values: { to: t.to } }, 'to'),
  },
  PartySeats: {
    party: (s, _a, ctx) => optionalEntity(ctx, s.partyId, 'PARTY'),
    citations: async (s, _a, ctx) => (await ctx.loaders.citations.loadMany(s.membershipIds)).flatMap((c) => (c instanceof Error ? [] : c)),
  },
  LegislativeSeat: {
    person: async (s, _a, ctx) => {
      const person = await ctx.loaders.entity.load(s.personId);
      if (!person) throw new Error(`member ${s.personId} vanished`);
      return entityOfKind(person, 'PERSON');
    },
    legislature: async (s, _a, ctx) => {
      const org = await ctx.loaders.entity.load(s.legislatureId);
      if (!org) throw new Error(`legislature ${s.legislatureId} vanished`);
      return entityOfKind(org, 'ORGANIZATION');
    },
    party: (s, _a, ctx) => optionalEntity(ctx, s.partyId, 'PARTY'),
    partyName: async (s, _a, ctx) => {
      const party = await optionalEntity(ctx, s.partyId, 'PARTY');
      if (!party || s.from === null) return null;
      return nameOn(await fieldModel['Party.names'].resolve(party, {}, ctx), partialDate(s.from).start);
    },
    membership: async (s, _a, ctx) => {
      const membership = await optionalFact(ctx, s.membershipId, 'Membership');
      if (!membership) throw new Error(`seat ${s.membershipId} vanished`);
      return membership;
    },
    citations: (s, _a, ctx) => ctx.loaders.citations.load(s.membershipId),
  },
  Person: { identifiers, legislativeTerms: (p, _a, ctx) => loaders(ctx).seats.load(p.id) },
  Party: {
    identifiers,
    seats: async (p, { legislature, asOf, term, first }, ctx) => {
      const found = await seatsOf(ctx.db, legislature ?? null, { asOf: asOf ?? null, term: term ?? null, first: seatLimit(first), party: p.id });
      return { totalCount: found.total, nodes: found.seats };
    },
  },
  Organization: { identifiers },
  Place: { identifiers },
  District: { identifiers },
  Election: { identifiers },
  CourtCase: { identifiers },
  Event: { identifiers },
};
