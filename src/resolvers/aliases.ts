// Aliases and party lineage: names with their kind and citations, and the parties a party continues. Their
// citations are stored with them (not as CITES relationships); the sources they name batch through the loader.
import type { GraphContext } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';
import type { CitationRecord, StoredCitation } from '../repositories/records.js';
import { optionalEntity } from './shared.js';

/** Stored citations as the API's citations; one whose source is gone is left out (a source is never deleted). */
export async function citationsOfStored(ctx: GraphContext, stored: readonly StoredCitation[]): Promise<CitationRecord[]> {
  const sources = await Promise.all(stored.map((c) => ctx.loaders.source.load(c.source)));
  return stored.flatMap((c, i) => {
    const source = sources[i];
    return source ? [{ quote: c.quote, locator: c.locator, start: null, end: null, source }] : [];
  });
}

export const aliasResolvers: Resolvers = {
  Alias: {
    kind: (a) => (a.kind as never) ?? null,
    citations: (a, _args, ctx) => citationsOfStored(ctx, a.citations),
  },
  Party: {
    predecessors: (p) => p.predecessors,
    successors: (p) => p.successors,
  },
  PartyLineage: {
    party: (l, _args, ctx) => optionalEntity(ctx, l.partyId, 'PARTY'),
    citations: (l, _args, ctx) => citationsOfStored(ctx, l.citations),
  },
};
