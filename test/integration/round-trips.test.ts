// Read path v3's round-trip rule: every worked query of docs/api.md (and a few analyst shapes outside the guide)
// is answered in at most one database round trip per root field (`extensions.stats.databaseRoundTrips`).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startTestServer, type TestServer } from '../helpers.js';

const guide = readFileSync(resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');
const worked = [...guide.matchAll(/```graphql\n# name: ([\w-]+)\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!] as const);

/** Root fields of the document's operation (aliases count each). */
function rootFields(query: string): number {
  const op = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value !== '__typename').length;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, process.env.DEBUG_LOG ? { logger: createLogger('error') } : {});
});
afterAll(async () => {
  await server.close();
});

describe('one database round trip per root field', () => {
  it('the guide has its worked queries', () => {
    expect(worked.length).toBeGreaterThanOrEqual(12);
  });
  for (const [name, query] of worked) {
    it(`worked query ${name}`, async () => {
      const res = await server.gql(query);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      const trips = res.extensions?.stats?.databaseRoundTrips;
      console.log(`ROUNDTRIPS ${name} ${trips} roots=${rootFields(query)}`);
      expect(trips).toBeLessThanOrEqual(rootFields(query));
    });
  }
});
