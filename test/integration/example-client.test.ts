// The example third-party client (examples/client/: codegen's client preset against schema.graphql) against the
// real server: typed results, automatic persisted queries, and a server that accepts only its documents.
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphQLRequestError, KzGraphClient } from '../../examples/client/src/client.js';
import { PersonRelationsQuery, SearchQuery } from '../../examples/client/src/operations.js';
import { startTestServer, type TestServer } from '../helpers.js';

const manifest = resolve(import.meta.dirname, '../../examples/client/generated/persisted-documents.json');
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startTestServer(env);
  servers.push(server);
  return server;
}

describe('examples/client', () => {
  it('gets typed answers, sending each document once and then only its hash', async () => {
    const server = await serve();
    const client = new KzGraphClient(`${server.url}/graphql`);

    const hits = await client.request(SearchQuery, { query: 'Тоқаев', first: 3 });
    expect(hits.search[0]?.entity).toEqual({ id: 'person:kassym-jomart-tokayev', name: expect.any(String) as unknown, kind: 'PERSON' });
    expect(client.sent).toEqual({ requests: 2, withDocument: 1 }); // the server did not know the hash yet

    await client.request(SearchQuery, { query: 'Mamay', first: 1 });
    expect(client.sent).toEqual({ requests: 3, withDocument: 1 }); // now it does

    const { person } = await client.request(PersonRelationsQuery, { id: 'person:zhanbolat-mamai', first: 5 });
    expect(person?.name).toBe('Zhanbolat Mamai');
    expect(person?.related.totalCount).toBeGreaterThan(0);
    for (const { node } of person?.related.edges ?? []) {
      expect(node.other.id).toMatch(/^[a-z-]+:/);
      expect(node.citations.length).toBeGreaterThan(0);
    }
  });

  it('runs against a server that accepts only its registered documents', async () => {
    const server = await serve({ TRUSTED_DOCUMENTS: manifest });
    const client = new KzGraphClient(`${server.url}/graphql`);
    const { person } = await client.request(PersonRelationsQuery, { id: 'person:inga-imanbai', first: 2 });
    expect(person?.name).toBe('Inga Imanbai');
    expect(client.sent).toEqual({ requests: 1, withDocument: 0 });
    // Anything written by hand is refused there.
    const adHoc = await server.gql('{ person(id: "person:inga-imanbai") { name } }');
    expect(adHoc.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_REGISTERED');
  });

  it('turns GraphQL errors into a GraphQLRequestError carrying the codes', async () => {
    const server = await serve();
    const client = new KzGraphClient(`${server.url}/graphql`);
    const failure = await client.request(SearchQuery, { query: 'x'.repeat(500), first: 1 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GraphQLRequestError);
    expect((failure as GraphQLRequestError).errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
