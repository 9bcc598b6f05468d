// A mutation sent with an Idempotency-Key while its Neo4j is killed (SIGKILL) at a random moment, then sent again
// with the same key after Neo4j is back: it is applied exactly once, whatever the first answer was (its data,
// OUTCOME_UNKNOWN or SERVICE_UNAVAILABLE, never a silent double write).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createDriver, Database } from '../../src/neo4j/database.js';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded.js';
import { migrate } from '../../src/neo4j/migrations.js';
import { seedIfEmpty } from '../../src/seed.js';
import { freePort } from '../free-port.js';
import type { TestServer } from '../helpers.js';
import { startServerOn } from '../isolated.js';

const EDITOR = 'retry-editor-secret-0123456789ab';
const SOURCE = '000_b6498a7c669cd33d.txt';
const cite = [{ source: SOURCE, quote: 'Chris Rickleton is a journalist living in Almaty.' }];
const ADD_MEMBERSHIP = `mutation($input: AddMembershipInput!) { addMembership(input: $input) { membership { id } changes { id } errors { code } } }`;

let dir: string;
let neo4j: EmbeddedNeo4j;
let database: Database;
let server: TestServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kzgraph-retry-'));
  neo4j = new EmbeddedNeo4j({ dataDir: dir, boltPort: await freePort(), heap: '384m', pageCache: '64m', txMemory: '128m', txTimeout: '30s' });
  await neo4j.start();
  database = new Database(createDriver({ uri: neo4j.uri, maxPoolSize: 10, txTimeoutMs: 30_000 }), { txTimeoutMs: 30_000 });
  await migrate(database);
  await seedIfEmpty(database, createLogger('warn'));
  server = await startServerOn({ uri: neo4j.uri, database, close: async () => undefined }, { API_KEYS: `rex:editor:${EDITOR}`, OPERATION_TIMEOUT: '15s' });
}, 300_000);
afterAll(async () => {
  await server?.close();
  await database?.driver.close();
  await neo4j?.stop().catch(() => undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  data?: { addMembership: { membership: { id: string } | null; changes: { id: string }[]; errors: { code: string }[] } | null } | null;
  errors?: { extensions?: { code?: string } }[];
}

const send = async (input: Record<string, unknown>, key: string): Promise<Answer> =>
  (await server.gql(ADD_MEMBERSHIP, { input }, { authorization: `Bearer ${EDITOR}`, 'idempotency-key': key }));

async function until<T>(what: string, timeoutMs: number, attempt: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('a keyed mutation across a Neo4j kill', () => {
  it('is applied exactly once, whatever the first answer was', async () => {
    const firstAnswers: string[] = [];
    for (let round = 0; round < 4; round += 1) {
      const person = `person:retry-${round}-${Math.random().toString(36).slice(2, 8)}`;
      const created = await server.gql(
        `mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { errors { code } } }`,
        { i: { id: person, name: `Zz Retry Tester ${round}`, citations: cite } },
        { authorization: `Bearer ${EDITOR}` },
      );
      expect(created.errors).toBeUndefined();
      const input = { person, organization: 'party:amanat', role: 'member', from: '2022', citations: cite };
      const key = randomUUID();

      // Round 0 kills after the answer (the commit is known); the others at a random moment of the request.
      const pending = send(input, key);
      if (round === 0) await pending;
      else await new Promise((r) => setTimeout(r, Math.random() * 120));
      process.kill(neo4j.pid as number, 'SIGKILL');
      const first = await pending;
      const code = first.errors?.[0]?.extensions?.code ?? (first.data?.addMembership?.membership ? 'OK' : 'NO DATA');
      firstAnswers.push(code);
      expect(['OK', 'OUTCOME_UNKNOWN', 'SERVICE_UNAVAILABLE']).toContain(code);
      await until('the JVM to die', 10_000, async () => (neo4j.running ? null : true));

      await neo4j.start();
      const retried = await until('the retry to succeed', 120_000, async () => {
        const answer = await send(input, key);
        return answer.data?.addMembership?.membership ? answer : null;
      });
      const id = retried.data!.addMembership!.membership!.id;
      if (code === 'OK') expect(retried.data).toEqual(first.data);

      const memberships = await database.read(
        'MATCH (f:Membership)-[:SUBJECT]->(:Person {id: $person}) RETURN f.id AS id',
        { person },
        (r) => String(r.id),
      );
      expect(memberships, `round ${round}, first answer ${code}`).toEqual([id]);
      const changes = await database.read('MATCH (c:Change {targetId: $id}) RETURN count(c) AS n', { id }, (r) => Number(r.n));
      expect(changes).toEqual([1]);
    }
    console.log(`first answers: ${firstAnswers.join(', ')}`);
  }, 900_000);
});
