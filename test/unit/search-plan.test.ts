// The `search` root in one query (src/resolvers/search.ts, `searchHitsFor` in src/resolvers/prefetch.ts): the
// candidates come with what the hits' `entity` selects, the ranking is made in JS after the query, and only the
// kept hits' answers are put into the loaders. The database here is a stand-in that answers every query with the
// rows it is given and records what it was sent; the real database's answers are compared, planned against
// level by level, in test/integration/prefetch.test.ts.
import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { anonymous } from '../../src/auth.js';
import type { GraphContext } from '../../src/context.js';
import { createLogger } from '../../src/logger.js';
import type { Database } from '../../src/neo4j/database.js';
import { createLoaders } from '../../src/repositories/loaders.js';
import { resolvers } from '../../src/resolvers/index.js';
import { loadTypeDefs } from '../../src/schema.js';

type Row = Record<string, unknown>;

const source = { id: 'source:a', publisher: 'Vlast.kz', kind: 'ARTICLE' };
/** A fulltext candidate as the search query returns it, with its citations as the planned `pre` (need 0). */
function candidate(id: string, name: string, quote: string): Row {
  return { n: { id, name, sortName: name.toLowerCase(), labels: ['Entity', 'Person'], aliases: '[]', searchNames: [name] }, score: 1, pre: { n0: [{ quote, source }] } };
}

/** A database stand-in: the first query gets `rows`, any later one none; every query is recorded. */
function standIn(rows: Row[]): { db: Database; sent: string[] } {
  const sent: string[] = [];
  const db = {
    read: async <T,>(cypher: string, _params: Row, map: (r: Row) => T): Promise<T[]> => {
      sent.push(cypher);
      return (sent.length === 1 ? rows : []).map(map);
    },
  } as unknown as Database;
  return { db, sent };
}

function context(db: Database, prefetch: boolean): GraphContext {
  const projection = { props: null, factProps: null, citationProps: null, sourceProps: null, relationProps: null, factLinks: null };
  return { requestId: 'r', db, loaders: createLoaders(db, projection), logger: createLogger('silent'), caller: anonymous, prefetch, projection };
}

const server = new ApolloServer<GraphContext>({ typeDefs: loadTypeDefs(), resolvers: resolvers as never });

async function search(query: string, ctx: GraphContext): Promise<Row> {
  const res = await server.executeOperation({ query }, { contextValue: ctx });
  if (res.body.kind !== 'single') throw new Error('not a single result');
  expect(res.body.singleResult.errors).toBeUndefined();
  return res.body.singleResult.data as Row;
}

const rows = [candidate('person:zhanbolat-mamai', 'Zhanbolat Mamai', 'kept'), candidate('person:mamyt', 'Serik Mamyt', 'dropped'), candidate('person:ivanov', 'Ivan Ivanov', 'unrelated')];

describe('search in one query', () => {
  it('reads the candidates and what the hits select in one query, and primes the kept hits only', async () => {
    const { db, sent } = standIn(rows);
    const ctx = context(db, true);
    const data = await search(`{ search(query: "Mamai", first: 1) { matched entity { id citations { quote } } } }`, ctx);
    expect(data).toEqual({ search: [{ matched: 'Zhanbolat Mamai', entity: { id: 'person:zhanbolat-mamai', citations: [{ quote: 'kept' }] } }] });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('db.index.fulltext.queryNodes');
    expect(sent[0]).toContain('AS pre');
    // The kept hit's citations are loaded; a dropped candidate's were read but not primed: asking for them queries.
    await ctx.loaders.citations.load('person:zhanbolat-mamai');
    expect(sent).toHaveLength(1);
    await ctx.loaders.citations.load('person:mamyt');
    expect(sent).toHaveLength(2);
  });

  it('asks nothing more of the candidates when the hits select their own properties only', async () => {
    const { db, sent } = standIn(rows);
    const data = await search(`{ search(query: "Mamai", first: 1) { entity { id name } } }`, context(db, true));
    expect(data).toEqual({ search: [{ entity: { id: 'person:zhanbolat-mamai', name: 'Zhanbolat Mamai' } }] });
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toContain('AS pre');
  });

  it('without planning, the hits load what they select level by level', async () => {
    const { db, sent } = standIn(rows);
    await search(`{ search(query: "Mamai", first: 1) { entity { id citations { quote } } } }`, context(db, false));
    expect(sent[0]).not.toContain('AS pre');
    expect(sent).toHaveLength(2); // the candidates, then the kept hit's citations through the loader
  });
});
