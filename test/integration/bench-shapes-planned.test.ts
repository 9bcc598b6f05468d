// Every benchmark shape's GraphQL (bench/shapes.ts, `ours`), planned and unplanned, on the benchmark's own generated
// network (tiny scale): the app with query planning and projection (one Cypher query per root field) must answer
// exactly as the app loading level by level with whole records (PREFETCH=false), for several probes per shape.
// The probes are chosen by the shapes' own probe queries, as `npm run bench` chooses them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { NetworkGenerator } from '../../bench/generate.js';
import { loadWithProduct } from '../../bench/load.js';
import { shapes, type Call, type ReadFn, type SystemRequest } from '../../bench/shapes.js';
import type { TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';

const SEED = 20230319;
const PROBES = 8;

let store: IsolatedNeo4j;
let planned: TestServer;
let levelled: TestServer;
let read: ReadFn;

beforeAll(async () => {
  store = await startIsolatedNeo4j({ seed: false });
  const texts = (() => {
    const generator = new NetworkGenerator({ scale: 'tiny', seed: SEED, collectTexts: true });
    for (const chunk of generator.chunks()) void chunk;
    return generator.sourceTexts();
  })();
  await loadWithProduct(store.database, new NetworkGenerator({ scale: 'tiny', seed: SEED }), texts, Number.POSITIVE_INFINITY, () => undefined);
  // Large limits: the answers are compared, not the cost rule (tested in cost.test.ts).
  const env = { RATE_LIMIT_PER_MINUTE: '0', MAX_DEPTH: '32', MAX_ALIASES: '100', MAX_COST: '100000000', EXPENSIVE_COST: '100000000' };
  [planned, levelled] = await Promise.all([startServerOn(store, env), startServerOn(store, { ...env, PREFETCH: 'false' })]);
  read = async (cypher, params) => {
    const session = store.database.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      // As bench/run.ts reads: integers as Neo4j integers (LIMIT takes no floats).
      const typed = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));
      return (await session.run(cypher, typed)).records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  };
});

afterAll(async () => {
  await planned?.close();
  await levelled?.close();
  await store?.close();
});

async function post(server: TestServer, request: SystemRequest) {
  expect(request.path).toBe('/graphql');
  const { query, variables } = request.body as { query: string; variables?: Record<string, unknown> };
  return server.gql<unknown>(query, variables);
}

describe('benchmark shapes: planned answers equal level-by-level answers', () => {
  for (const shape of shapes) {
    it(shape.name, async () => {
      const probes = (await shape.probes(read)).slice(0, PROBES);
      expect(probes.length, `${shape.name} found no probes in the generated network`).toBeGreaterThan(0);
      let answered = 0;
      for (const probe of probes) {
        // A shape that pages (people-list) asks page 1 first, for its cursor: from the planned app.
        const call: Call = async (request) => post(planned, request);
        const request = await shape.ours.build(probe, call);
        const [a, b] = await Promise.all([post(planned, request), post(levelled, request)]);
        expect(a.errors, `${shape.name} ${JSON.stringify(probe)}: ${JSON.stringify(a.errors)}`).toBeUndefined();
        expect(b.errors, `${shape.name} ${JSON.stringify(probe)}: ${JSON.stringify(b.errors)}`).toBeUndefined();
        expect(a.data, `${shape.name} ${JSON.stringify(probe)}`).toEqual(b.data);
        if (shape.ours.size(a) > 0) answered += 1;
      }
      // Some probe's answer has something in it: equal empty answers would prove nothing.
      expect(answered, `${shape.name}: every probe answered nothing`).toBeGreaterThan(0);
    });
  }
});
