// What a source names (`Source.mentions`): the source's text, the names of the entities sharing a folded word
// with it (one index query), matched by the pure finder in src/search/mentions.ts.
import type { Resolvers } from '../generated/graphql.js';
import { namesWithKeys } from '../repositories/mention-repository.js';
import { findMentions, mentionNameKeys } from '../search/mentions.js';
import { requireEntity } from './shared.js';

export const mentionResolvers: Resolvers = {
  Source: {
    mentions: async (s, _a, ctx) => {
      const text = s.text !== undefined ? s.text : ((await ctx.loaders.source.load(s.id))?.text ?? null);
      if (!text) return { entities: [], candidates: [] };
      return findMentions(text, await namesWithKeys(ctx.db, mentionNameKeys(text)));
    },
  },
  EntityMention: {
    entity: (m, _a, ctx) => requireEntity(ctx, m.entityId),
  },
};
