// Elections and districts: figures per source, party results, candidacies with status histories, findings.
import type { Resolvers } from '../generated/graphql.js';
import { listEntitiesFor } from './prefetch.js';
import { pageRequest } from '../repositories/pagination.js';
import { resolversOf } from './model.js';
import { entityById } from './person.js';
import { entityFields, factCitations, factCitationsPage, valueOf } from './shared.js';

export const electionResolvers: Resolvers = {
  Query: {
    election: entityById('ELECTION'),
    elections: (_p, { kinds, from, to, ...args }, ctx, info) =>
      listEntitiesFor(ctx, info, 'ELECTION', { subKinds: kinds ?? null, dateFrom: from ?? null, dateTo: to ?? null, order: 'date' }, pageRequest(args)),
    district: entityById('DISTRICT'),
    districts: (_p, { body, place, ...args }, ctx, info) =>
      listEntitiesFor(ctx, info, 'DISTRICT', { bodyId: body ?? null, placeId: place ?? null, order: 'number' }, pageRequest(args)),
  },
  Election: {
    ...entityFields,
    electionKind: (e) => (e.electionKind ?? 'PARLIAMENTARY'),
    date: (e) => {
      if (!e.date) throw new Error(`election ${e.id} has no date`);
      return e.date;
    },
    dateClaims: (e) => {
      const v = valueOf(e, 'date');
      if (!v) throw new Error(`election ${e.id} has no date`);
      return v;
    },
    ...resolversOf('Election'),
    turnout: (e) => valueOf(e, 'turnout'),
    seats: (e) => valueOf(e, 'seats'),
    listSeats: (e) => valueOf(e, 'listSeats'),
    districtSeats: (e) => valueOf(e, 'districtSeats'),
    singleMandateCandidates: (e) => valueOf(e, 'singleMandateCandidates'),
    candidates: (e) => valueOf(e, 'candidates'),
  },
  District: {
    ...entityFields,
    ...resolversOf('District'),
  },
  PartyResult: {
    ...resolversOf('PartyResult'),
    voteShare: (r) => valueOf(r, 'voteShare'),
    listSeats: (r) => valueOf(r, 'listSeats'),
    districtSeats: (r) => valueOf(r, 'districtSeats'),
    totalSeats: (r) => valueOf(r, 'totalSeats'),
    citations: factCitations,
    citationsConnection: factCitationsPage,
  },
  Candidacy: {
    ...resolversOf('Candidacy'),
    election: (c) => {
      const v = valueOf(c, 'election');
      if (!v) throw new Error(`candidacy ${c.id} has no election`);
      return v;
    },
    district: (c) => valueOf(c, 'district'),
    mandate: (c) => c.mandate,
    rank: (c) => valueOf(c, 'rank'),
    outcome: (c) => c.outcome,
    citations: factCitations,
    citationsConnection: factCitationsPage,
  },
  CandidacyStatusChange: {
    status: (s) => {
      if (!s.status) throw new Error(`status change ${s.id} has no status`);
      return s.status;
    },
    ...resolversOf('CandidacyStatusChange'),
    citations: factCitations,
    citationsConnection: factCitationsPage,
  },
  Finding: {
    ...resolversOf('Finding'),
    summary: (f) => f.summary ?? '',
    citations: factCitations,
    citationsConnection: factCitationsPage,
  },
};
