// Automatic persisted queries (Apollo's protocol, on by default) and the trusted-documents mode, over real HTTP.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers.js';

const servers: TestServer[] = [];
const dir = mkdtempSync(join(tmpdir(), 'kzgraph-apq-'));
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serve(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startTestServer(env);
  servers.push(server);
  return server;
}

const query = 'query MamaiName { person(id: "person:zhanbolat-mamai") { name } }';
const hash = createHash('sha256').update(query).digest('hex');
const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

async function post(server: TestServer, body: object) {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}
const codes = (res: { body: { errors?: { extensions?: { code?: string } }[] } }) => res.body.errors?.map((e) => e.extensions?.code);

describe('automatic persisted queries', () => {
  it('asks for an unknown hash, registers it with its document, then runs it by hash (POST and GET)', async () => {
    const server = await serve();
    expect(codes(await post(server, { extensions: persisted(hash) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registered = await post(server, { query, extensions: persisted(hash) });
    expect(registered.body.data).toEqual({ person: { name: 'Zhanbolat Mamai' } });
    expect((await post(server, { extensions: persisted(hash) })).body.data).toEqual({ person: { name: 'Zhanbolat Mamai' } });

    const get = await fetch(`${server.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(persisted(hash)))}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toMatchObject({ data: { person: { name: 'Zhanbolat Mamai' } } });
  });

  it('refuses a document whose hash does not match', async () => {
    const server = await serve();
    const res = await post(server, { query, extensions: persisted('0'.repeat(64)) });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_REQUEST']);
  });

  it('can be turned off (PERSISTED_QUERIES=false)', async () => {
    const server = await serve({ PERSISTED_QUERIES: 'false' });
    expect(codes(await post(server, { query, extensions: persisted(hash) }))).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
    expect((await post(server, { query })).body.data).toEqual({ person: { name: 'Zhanbolat Mamai' } });
  });
});

describe('trusted documents (TRUSTED_DOCUMENTS)', () => {
  const manifest = join(dir, 'trusted.json');
  writeFileSync(manifest, JSON.stringify({ [hash]: query }));

  it('runs a registered operation by hash or by its exact text', async () => {
    const server = await serve({ TRUSTED_DOCUMENTS: manifest });
    expect((await post(server, { extensions: persisted(hash) })).body.data).toEqual({ person: { name: 'Zhanbolat Mamai' } });
    expect((await post(server, { query })).body.data).toEqual({ person: { name: 'Zhanbolat Mamai' } });
  });

  it('refuses anything else with OPERATION_NOT_REGISTERED, before GraphQL reads it', async () => {
    const server = await serve({ TRUSTED_DOCUMENTS: manifest });
    for (const body of [
      { query: '{ __typename }' },
      { query: `${query} ` },
      { extensions: persisted('f'.repeat(64)) },
      { query: '{ __typename }', extensions: persisted(createHash('sha256').update('{ __typename }').digest('hex')) },
      { query: 'not even GraphQL' },
    ]) {
      const res = await post(server, body);
      expect(res.status).toBe(400);
      expect(codes(res)).toEqual(['OPERATION_NOT_REGISTERED']);
    }
  });

  it('will not start with a manifest whose keys are not the hashes of their documents', async () => {
    const forged = join(dir, 'forged.json');
    writeFileSync(forged, JSON.stringify({ [hash]: '{ __typename }' }));
    await expect(startTestServer({ TRUSTED_DOCUMENTS: forged })).rejects.toThrow(/not the SHA-256 of its document/);
  });
});
