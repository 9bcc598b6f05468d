// The server over real HTTP on the run's Neo4j: GraphQL, health and readiness.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('HTTP', () => {
  it('answers { __typename } at /graphql', async () => {
    const res = await server.gql<{ __typename: string; apiVersion: string }>('{ __typename apiVersion }');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ __typename: 'Query', apiVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  });

  it('reports health and readiness', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, database: true, migrations: true });
  });

  it('rejects an invalid query with a coded error', async () => {
    const res = await server.gql('{ noSuchField }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
