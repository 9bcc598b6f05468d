// Search: fold the query, ask the fulltext index of folded name keys for candidates (with what the hits' entity
// selects, in the same query), re-rank them by how well the query matches each of their names, and keep the best
// name as `matched`.
import type { Resolvers } from '../generated/graphql.js';
import { UserInputError } from '../errors.js';
import { MAX_PAGE_SIZE } from '../repositories/pagination.js';
import { luceneQuery, matchScore } from '../search/fold.js';
import type { EntityRecord } from '../repositories/records.js';
import { searchHitsFor } from './prefetch.js';
import type { SearchHitRecord } from './mappers.js';

/** Below this a candidate the index found by a loose fuzzy or prefix term is not a hit. */
const MIN_SCORE = 0.6;

/**
 * How much a match on a name of this kind counts: the entity's own names (preferred, official, former, and
 * unclassified ones) fully, other renderings of them slightly less, and names others give it or get wrong less
 * again, so an official or former name ranks above them where both match as well (docs/api.md, "Search").
 */
export function aliasWeight(kind: string | null): number {
  switch (kind) {
    case null:
    case 'OFFICIAL':
    case 'FORMER':
      return 1;
    case 'ABBREVIATION':
    case 'SPELLING':
    case 'TRANSLITERATION':
    case 'TRANSLATION':
      return 0.98;
    default:
      // NICKNAME, PEJORATIVE, MISSPELLING
      return 0.9;
  }
}

/** The best `limit` hits among the candidates: each scored by its best-matching name, those below MIN_SCORE dropped. */
function rank(query: string, candidates: readonly EntityRecord[], limit: number): SearchHitRecord[] {
  const hits: SearchHitRecord[] = candidates.map((entity) => {
    const aliases = new Map(entity.aliases.map((a) => [a.name, a]));
    let best: SearchHitRecord = { score: 0, matched: entity.name, alias: null, entity };
    for (const name of entity.searchNames.length > 0 ? entity.searchNames : [entity.name]) {
      const alias = name === entity.name ? undefined : aliases.get(name);
      const score = matchScore(query, name) * aliasWeight(alias?.kind ?? null);
      if (score > best.score) best = { score, matched: name, alias: alias ?? null, entity };
    }
    return best;
  });
  return hits
    .filter((h) => h.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.entity.sortName.localeCompare(b.entity.sortName) || (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0))
    .slice(0, limit);
}

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_p, { query, kinds, first }, ctx, info) => {
      const limit = first ?? 10;
      if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
        throw new UserInputError(`Argument "first" must be between 0 and ${MAX_PAGE_SIZE} (got ${limit}).`, 'first');
      }
      if (query.length > 200) throw new UserInputError('Argument "query" is longer than 200 characters.', 'query');
      const lucene = luceneQuery(query);
      if (!lucene || limit === 0) return [];
      // The aliases come with the candidates: their kinds weigh the match and the matching one is returned.
      const props = ctx.projection.props && [...new Set([...ctx.projection.props, 'aliases'])];
      // What the hits' `entity` selects beyond their own properties (relations, citations...) comes with the
      // candidates, in the same query (docs/api.md, "How a query runs"): one round trip.
      return searchHitsFor(ctx, info, { lucene, kinds: kinds ?? null, pool: Math.max(50, limit * 5), props }, (candidates) => rank(query, candidates, limit));
    },
  },
};
