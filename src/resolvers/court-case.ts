// Court cases and the events timeline: charges, penalties and statuses per source, parties, participants.
import type { Resolvers } from '../generated/graphql.js';
import { listEntitiesFor, listEventsFor } from './prefetch.js';
import { pageRequest } from '../repositories/pagination.js';
import { entityById } from './person.js';
import { resolversOf } from './model.js';
import { entityFields, factCitations, factCitationsPage, valueOf } from './shared.js';

export const courtCaseResolvers: Resolvers = {
  Query: {
    courtCase: entityById('COURT_CASE'),
    courtCases: (_p, args, ctx, info) => listEntitiesFor(ctx, info, 'COURT_CASE', {}, pageRequest(args)),
    event: entityById('EVENT'),
    events: (_p, { filter, ...args }, ctx, info) =>
      listEventsFor(ctx, info, filter?.entity ?? null, { kinds: filter?.kinds ?? null, from: filter?.from ?? null, to: filter?.to ?? null, placeId: filter?.place ?? null }, pageRequest(args)),
  },
  CourtCase: {
    ...entityFields,
    charges: (c) => c.charges,
    maxPenalty: (c) => valueOf(c, 'maxPenalty'),
    status: (c) => valueOf(c, 'status'),
    opened: (c) => c.opened,
    ...resolversOf('CourtCase'),
  },
  CaseParty: {
    ...resolversOf('CaseParty'),
    role: (p) => p.role ?? 'DEFENDANT',
    charges: (p) => p.charges,
    citations: factCitations,
    citationsConnection: factCitationsPage,
  },
  Event: {
    ...entityFields,
    eventKind: (e) => (e.eventKind ?? 'OTHER'),
    date: (e) => {
      const v = valueOf(e, 'date');
      if (!v) throw new Error(`event ${e.id} has no date`);
      return v;
    },
    endDate: (e) => e.endDate,
    ...resolversOf('Event'),
    charges: (e) => e.charges,
  },
  Participation: {
    ...resolversOf('Participation'),
    role: (p) => p.role ?? 'participant',
    citations: factCitations,
    citationsConnection: factCitationsPage,
  },
};
