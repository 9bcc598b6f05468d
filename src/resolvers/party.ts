// Parties: dated names (`nameAsOf`), members, results and the candidates they nominated.
import type { Resolvers } from '../generated/graphql.js';
import { listEntities } from '../repositories/entity-repository.js';
import { entityOfKind } from '../repositories/records.js';
import { entityById } from './person.js';
import { nameOn } from './names.js';
import { fieldModel, resolversOf } from './model.js';
import { entityFields, factCitations } from './shared.js';

export const partyResolvers: Resolvers = {
  Query: {
    party: entityById('PARTY'),
    parties: async (_p, { asOf }, ctx) => {
      const all = await listEntities(ctx.db, { kinds: ['PARTY'] }, { first: 99_999, afterKey: null });
      const parties = all.edges.map((e) => entityOfKind(e.node, 'PARTY'));
      if (!asOf) return parties;
      const names = await Promise.all(parties.map((p) => fieldModel['Party.names'].resolve(p, {}, ctx)));
      // A party without dated names is kept: nothing says it did not exist then.
      return parties.filter((_p, i) => names[i]!.length === 0 || nameOn(names[i]!, asOf) !== null);
    },
  },
  Party: {
    ...entityFields,
    ...resolversOf('Party'),
  },
  PartyName: {
    name: (n) => n.name ?? '',
    citations: factCitations,
  },
};
