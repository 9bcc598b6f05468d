// Elections and districts: figures per source, party results, candidacies with status histories, findings.
import type { Resolvers } from '../generated/graphql.js';
import { listEntitiesFor } from './prefetch.js';
import { paginate, pageRequest } from '../repositories/pagination.js';
import type { FactRecord } from '../repositories/records.js';
import { nameOn } from './party.js';
import { entityOfKind } from './person.js';
import { entityFields, factCitations, optionalEntity, requireEntity, valueOf } from './shared.js';

function seatsOf(r: FactRecord): number {
  return Number(r.values.totalSeats ?? (Number(r.values.listSeats ?? 0) + Number(r.values.districtSeats ?? 0)));
}

export const electionResolvers: Resolvers = {
  Query: {
    election: entityOfKind('ELECTION'),
    elections: (_p, { kinds, from, to, ...args }, ctx, info) =>
      listEntitiesFor(ctx, info, { kinds: ['ELECTION'], subKinds: kinds ?? null, dateFrom: from ?? null, dateTo: to ?? null, order: 'date' }, pageRequest(args)),
    district: entityOfKind('DISTRICT'),
    districts: (_p, { body, ...args }, ctx, info) => listEntitiesFor(ctx, info, { kinds: ['DISTRICT'], bodyId: body ?? null, order: 'number' }, pageRequest(args)),
  },
  Election: {
    ...entityFields,
    electionKind: (e) => (e.electionKind ?? 'PARLIAMENTARY'),
    date: (e) => {
      if (!e.date) throw new Error(`election ${e.id} has no date`);
      return e.date;
    },
    body: (e, _a, ctx) => optionalEntity(ctx, e.bodyId),
    turnout: (e) => valueOf(e, 'turnout'),
    seats: (e) => valueOf(e, 'seats'),
    listSeats: (e) => valueOf(e, 'listSeats'),
    districtSeats: (e) => valueOf(e, 'districtSeats'),
    singleMandateCandidates: (e) => valueOf(e, 'singleMandateCandidates'),
    candidates: (e) => valueOf(e, 'candidates'),
    results: async (e, _a, ctx) => {
      const results = await ctx.loaders.factsLinked.load({ label: 'PartyResult', link: 'OBJECT', id: e.id });
      return [...results].sort((a, b) => seatsOf(b) - seatsOf(a) || Number(b.values.voteShare ?? 0) - Number(a.values.voteShare ?? 0) || a.id.localeCompare(b.id));
    },
    candidacies: async (e, { district, ...args }, ctx) => {
      const all = await ctx.loaders.factsLinked.load({ label: 'Candidacy', link: 'OBJECT', id: e.id });
      return paginate(all.filter((c) => !district || c.districtIds.includes(district)), (c) => c.id, pageRequest(args));
    },
    findings: (e, _a, ctx) => ctx.loaders.factsLinked.load({ label: 'Finding', link: 'OBJECT', id: e.id }),
  },
  District: {
    ...entityFields,
    body: (d, _a, ctx) => requireEntity(ctx, d.bodyId),
    place: (d, _a, ctx) => optionalEntity(ctx, d.placeId),
    candidacies: async (d, { election }, ctx) =>
      (await ctx.loaders.factsLinked.load({ label: 'Candidacy', link: 'IN_DISTRICT', id: d.id })).filter((c) => !election || c.objectIds.includes(election)),
    winner: async (d, { election }, ctx) => {
      const all = await ctx.loaders.factsLinked.load({ label: 'Candidacy', link: 'IN_DISTRICT', id: d.id });
      const won = all.find((c) => c.outcome === 'ELECTED' && (!election || c.objectIds.includes(election)));
      return won ? requireEntity(ctx, won.subjectId) : null;
    },
  },
  PartyResult: {
    party: (r, _a, ctx) => requireEntity(ctx, r.subjectId),
    election: (r, _a, ctx) => requireEntity(ctx, r.objectIds[0] ?? null),
    partyName: async (r, _a, ctx) => {
      const election = await requireEntity(ctx, r.objectIds[0] ?? null);
      const names = await ctx.loaders.factsLinked.load({ label: 'PartyName', link: 'SUBJECT', id: r.subjectId ?? '' });
      const party = await requireEntity(ctx, r.subjectId);
      return names.length === 0 || !election.date ? party.name : nameOn(names, election.date.start) ?? party.name;
    },
    voteShare: (r) => valueOf(r, 'voteShare'),
    listSeats: (r) => valueOf(r, 'listSeats'),
    districtSeats: (r) => valueOf(r, 'districtSeats'),
    totalSeats: (r) => valueOf(r, 'totalSeats'),
    citations: factCitations,
  },
  Candidacy: {
    person: (c, _a, ctx) => requireEntity(ctx, c.subjectId),
    election: (c) => {
      const v = valueOf(c, 'election');
      if (!v) throw new Error(`candidacy ${c.id} has no election`);
      return v;
    },
    district: (c) => valueOf(c, 'district'),
    mandate: (c) => c.mandate,
    nominatedBy: (c, _a, ctx) => optionalEntity(ctx, c.nominatedById),
    rank: (c) => valueOf(c, 'rank'),
    outcome: (c) => c.outcome,
    statuses: (c, _a, ctx) => ctx.loaders.factsLinked.load({ label: 'CandidacyStatus', link: 'STATUS_OF', id: c.id }),
    citations: factCitations,
  },
  CandidacyStatusChange: {
    status: (s) => {
      if (!s.status) throw new Error(`status change ${s.id} has no status`);
      return s.status;
    },
    decidedBy: (s, _a, ctx) => optionalEntity(ctx, s.decidedById),
    citations: factCitations,
  },
  Finding: {
    observer: (f, _a, ctx) => requireEntity(ctx, f.subjectId),
    election: (f, _a, ctx) => requireEntity(ctx, f.objectIds[0] ?? null),
    summary: (f) => f.summary ?? '',
    citations: factCitations,
  },
};
