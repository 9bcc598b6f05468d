// Read path v3, item 4: the Cypher each worked query of docs/api.md sends, pinned and formatted so a change to
// the generated Cypher shows in review as a diff of readable text (as neo4j/graphql's TCK pins its translations).
// The database is real and answers every query; the test only watches what is sent (a spy that calls through).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { workedQueries } from '../../bench/worked-queries.js';
import { Database } from '../../src/neo4j/database.js';
import { formatCypher } from '../cypher-format.js';
import { startTestServer, type TestServer } from '../helpers.js';

let server: TestServer;
const storeCounts = /db\.stats\.retrieve\('GRAPH COUNTS'\)/;
beforeAll(async () => {
  server = await startTestServer();
  // The cost rule's degree table is read once per process, by the first request that needs it: read it here, so
  // each worked query's snapshot holds its own Cypher only, whichever runs first.
  await server.gql('{ people(first: 1) { totalCount } }');
});
afterAll(async () => {
  await server.close();
  vi.restoreAllMocks();
});

describe('the Cypher of every worked query', () => {
  for (const { name, query } of workedQueries()) {
    it(name, async () => {
      const read = vi.spyOn(Database.prototype, 'read');
      try {
        const res = await server.gql(query);
        expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
        // The cost rule's store counts are read on no request's account, again whenever their TTL (COST_STATS_TTL)
        // runs out, which may fall in any test: not the worked query's Cypher.
        const sent = read.mock.calls.filter(([cypher]) => !storeCounts.test(cypher)).map(([cypher]) => formatCypher(cypher));
        expect(sent.length).toBeGreaterThan(0);
        expect(sent.join('\n\n// ---\n\n')).toMatchSnapshot();
      } finally {
        read.mockRestore();
      }
    });
  }
});
