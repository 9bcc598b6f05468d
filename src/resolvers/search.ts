// Search: fold the query, ask the fulltext index of folded name keys for candidates, re-rank them by how
// well the query matches each of their names, and keep the best name as `matched`.
import type { Resolvers } from '../generated/graphql.js';
import { UserInputError } from '../errors.js';
import { searchCandidates } from '../repositories/entity-repository.js';
import { MAX_PAGE_SIZE } from '../repositories/pagination.js';
import { luceneQuery, matchScore } from '../search/fold.js';
import type { SearchHitRecord } from './mappers.js';

/** Below this a candidate the index found by a loose fuzzy or prefix term is not a hit. */
const MIN_SCORE = 0.6;

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_p, { query, kinds, first }, ctx) => {
      const limit = first ?? 10;
      if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
        throw new UserInputError(`Argument "first" must be between 0 and ${MAX_PAGE_SIZE} (got ${limit}).`, 'first');
      }
      if (query.length > 200) throw new UserInputError('Argument "query" is longer than 200 characters.', 'query');
      const lucene = luceneQuery(query);
      if (!lucene || limit === 0) return [];
      const candidates = await searchCandidates(ctx.db, lucene, kinds ?? null, Math.max(50, limit * 5), ctx.projection.props);
      const hits: SearchHitRecord[] = candidates.map(({ entity }) => {
        let best = { score: 0, matched: entity.name };
        for (const name of entity.searchNames.length > 0 ? entity.searchNames : [entity.name]) {
          const score = matchScore(query, name);
          if (score > best.score) best = { score, matched: name };
        }
        return { ...best, entity };
      });
      return hits
        .filter((h) => h.score >= MIN_SCORE)
        .sort((a, b) => b.score - a.score || a.entity.sortName.localeCompare(b.entity.sortName) || (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0))
        .slice(0, limit);
    },
  },
};
