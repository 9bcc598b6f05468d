// `npm start` while its database is not there yet: HTTP serves at once, but /graphql and /export answer 503
// SERVICE_UNAVAILABLE with Retry-After (never data, never an empty `search`), /ready says 503, and the log says
// why. Once Neo4j becomes reachable (a TCP relay to the run's Neo4j is opened), the app migrates, logs that it
// is ready, and only then answers with data. No JVM of its own: the relay stands in for a database coming up.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../free-port.js';

const children: ChildProcess[] = [];
const relays: Server[] = [];
const sockets = new Set<Socket>();
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const socket of sockets) socket.destroy();
  await Promise.all(relays.map((relay) => new Promise((done) => relay.close(done))));
});

async function waitFor(what: string, timeoutMs: number, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await Promise.resolve(check()).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

/** Relays TCP connections on `port` to `target` (host:port): the database "comes up" when this starts. */
function openRelay(port: number, target: URL): Promise<void> {
  const relay = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => (sockets.delete(socket), client.destroy(), upstream.destroy()));
    }
    client.pipe(upstream).pipe(client);
  });
  relays.push(relay);
  return new Promise((done) => relay.listen(port, '127.0.0.1', () => done()));
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

describe('start-up', () => {
  it('answers 503 with Retry-After, never data, until migrations and the seed are done; then logs ready and serves', async () => {
    const port = await freePort();
    const relayPort = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: { ...process.env, PORT: String(port), NEO4J_URI: `bolt://127.0.0.1:${relayPort}`, LOG_LEVEL: 'info', NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const base = `http://127.0.0.1:${port}`;
    const search = async (): Promise<Answer> => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ search(query: "Mamai") { entity { id } } }' }),
      });
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
    };

    await waitFor('/health', 60_000, async () => (await fetch(`${base}/health`)).status === 200);
    const early = await search();
    expect(early.status).toBe(503);
    expect(early.retryAfter).toBe('5');
    expect(early.body.data).toBeUndefined();
    expect(early.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    const exported = await fetch(`${base}/export?format=csv`);
    expect(exported.status).toBe(503);
    expect(exported.headers.get('retry-after')).toBe('5');
    expect((await fetch(`${base}/ready`)).status).toBe(503);
    expect(output).toContain('the API answers 503 until Neo4j is up, migrated and seeded');

    // The database comes up. Every answer from now on is either the 503 refusal or real data.
    await openRelay(relayPort, new URL(inject('neo4jUri')));
    const answers: Answer[] = [];
    await waitFor('search to answer with data', 90_000, async () => {
      const answer = await search();
      answers.push(answer);
      return answer.status === 200;
    });
    for (const answer of answers) {
      if (answer.status === 503) expect(answer.body).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      else expect(answer.body.errors).toBeUndefined();
    }
    expect(answers.at(-1)!.body.data).toMatchObject({ search: expect.arrayContaining([{ entity: { id: 'person:zhanbolat-mamai' } }]) as unknown });
    expect(output).toMatch(/GraphQL API ready at .*\/graphql/);
    expect((await fetch(`${base}/ready`)).status).toBe(200);

    const exitedWith = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exitedWith).toBe(0);
  }, 150_000);
});
