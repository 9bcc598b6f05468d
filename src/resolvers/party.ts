// Parties: dated names (`nameAsOf`), members, results and the candidates they nominated.
import type { Resolvers } from '../generated/graphql.js';
import { listEntities } from '../repositories/entity-repository.js';
import { entityOfKind, type PartyNameRecord } from '../repositories/records.js';
import { UserInputError } from '../errors.js';
import { decodeCursor, pageRequest, toConnection } from '../repositories/pagination.js';
import { listEntitiesFor } from './prefetch.js';
import { entityById } from './person.js';
import { nameOn } from './names.js';
import { fieldModel, resolversOf } from './model.js';
import { entityFields, factCitations, factCitationsPage } from './shared.js';

/**
 * Whether the sources let a party have existed on a day. Only a dissolved party after its last dated name is
 * left out: dated names may only attest a span (an import dates a name by the seats held for the party, which
 * says nothing of when it was founded or renamed), so a day outside them is no proof the party did not exist.
 */
function existedOn(names: readonly PartyNameRecord[], status: string | null, day: string): boolean {
  if (names.length === 0 || nameOn(names, day) !== null) return true;
  return !(status === 'DISSOLVED' && names.every((n) => n.to !== null && n.to.end < day));
}

export const partyResolvers: Resolvers = {
  Query: {
    party: entityById('PARTY'),
    // With `asOf`: the parties the sources let have existed that day (`existedOn`).
    parties: async (_p, { asOf }, ctx) => {
      const all = await listEntities(ctx.db, { kinds: ['PARTY'] }, { first: 99_999, afterKey: null });
      const parties = all.edges.map((e) => entityOfKind(e.node, 'PARTY'));
      if (!asOf) return parties;
      const names = await Promise.all(parties.map((p) => fieldModel['Party.names'].resolve(p, {}, ctx)));
      return parties.filter((p, i) => existedOn(names[i]!, p.status, asOf));
    },
    // Without `asOf`: one keyset page in Cypher, planned like `people`. With it, a party's existence on a day is
    // read off its dated names, so every party is read (as `parties` does) and the page cut in memory.
    partiesConnection: async (_p, { asOf, ...args }, ctx, info) => {
      const page = pageRequest(args);
      if (!asOf) return listEntitiesFor(ctx, info, 'PARTY', {}, page);
      const all = await listEntities(ctx.db, { kinds: ['PARTY'] }, { first: 99_999, afterKey: null });
      // In the list's own (Cypher) order; the cursor is a place in it.
      const rows = all.edges.map((e, place) => ({ key: decodeCursor(e.cursor), node: entityOfKind(e.node, 'PARTY'), place }));
      const names = await Promise.all(rows.map((r) => fieldModel['Party.names'].resolve(r.node, {}, ctx)));
      const existing = rows.filter((r, i) => existedOn(names[i]!, r.node.status, asOf));
      const at = page.afterKey === null ? -1 : rows.findIndex((r) => r.key === page.afterKey);
      if (page.afterKey !== null && at < 0) throw new UserInputError('Argument "after" is not a cursor of this list.', 'after');
      const after = existing.filter((r) => r.place > at);
      return toConnection(after.slice(0, page.first + 1), page, existing.length);
    },
  },
  Party: {
    ...entityFields,
    ...resolversOf('Party'),
  },
  PartyName: {
    name: (n) => n.name ?? '',
    citations: factCitations,
    citationsConnection: factCitationsPage,
  },
};
