// Parties: dated names (`nameAsOf`), members, results and the candidates they nominated.
import type { Resolvers } from '../generated/graphql.js';
import type { FactRecord } from '../repositories/records.js';
import { listEntities } from '../repositories/entity-repository.js';
import { entityOfKind } from './person.js';
import { entityFields, factCitations, holdsOn, membersOf } from './shared.js';

/** The name a party had on a day, from its dated names (latest start wins where periods touch). */
export function nameOn(names: FactRecord[], date: string): string | null {
  const valid = names.filter((n) => holdsOn(n, date));
  valid.sort((a, b) => (a.from?.start ?? '').localeCompare(b.from?.start ?? ''));
  return valid[valid.length - 1]?.name ?? null;
}

export const partyResolvers: Resolvers = {
  Query: {
    party: entityOfKind('PARTY'),
    parties: async (_p, { asOf }, ctx) => {
      const all = await listEntities(ctx.db, { kinds: ['PARTY'] }, { first: 99_999, afterKey: null });
      const parties = all.edges.map((e) => e.node);
      if (!asOf) return parties;
      const names = await Promise.all(parties.map((p) => ctx.loaders.factsLinked.load({ label: 'PartyName', link: 'SUBJECT', id: p.id })));
      // A party without dated names is kept: nothing says it did not exist then.
      return parties.filter((_p, i) => names[i]!.length === 0 || nameOn(names[i]!, asOf) !== null);
    },
  },
  Party: {
    ...entityFields,
    names: (p, _a, ctx) => ctx.loaders.factsLinked.load({ label: 'PartyName', link: 'SUBJECT', id: p.id }),
    nameAsOf: async (p, { date }, ctx) => {
      const names = await ctx.loaders.factsLinked.load({ label: 'PartyName', link: 'SUBJECT', id: p.id });
      return names.length === 0 ? p.name : nameOn(names, date);
    },
    members: membersOf,
    results: (p, _a, ctx) => ctx.loaders.factsLinked.load({ label: 'PartyResult', link: 'SUBJECT', id: p.id }),
    candidates: async (p, { election }, ctx) =>
      (await ctx.loaders.factsLinked.load({ label: 'Candidacy', link: 'NOMINATED_BY', id: p.id })).filter(
        (c) => !election || c.objectIds.includes(election),
      ),
  },
  PartyName: {
    name: (n) => n.name ?? '',
    citations: factCitations,
  },
};
