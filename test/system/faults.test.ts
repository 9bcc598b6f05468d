// Faults with real kills: Neo4j unreachable at start, the embedded JVM killed mid-traffic (the app restarts it),
// and an external Neo4j killed and brought back (the driver reconnects). Throughout, the app stays up, answers
// SERVICE_UNAVAILABLE within seconds, and /ready tells the truth. Every wait is bounded.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded.js';
import { freePort } from '../free-port.js';

const root = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const apps: ChildProcess[] = [];
const externals: EmbeddedNeo4j[] = [];
afterAll(async () => {
  for (const app of apps) if (app.exitCode === null) app.kill('SIGKILL');
  await Promise.all(externals.map((n) => n.stop().catch(() => undefined)));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kzgraph-faults-'));
  dirs.push(dir);
  return dir;
}

const smallNeo4j = { NEO4J_HEAP: '384m', NEO4J_PAGECACHE: '64m', NEO4J_TX_MEMORY: '128m' };

/** `npm start` as a child process; `output` collects its log lines. */
function startApp(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  apps.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Polls `check` every 250 ms until it holds; fails with `what` after `timeoutMs`. */
async function waitFor(what: string, timeoutMs: number, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await Promise.resolve(check()).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

interface Answer {
  status: number;
  ms: number;
  body: { data?: { person: { name: string } | null }; errors?: { extensions?: { code?: string } }[] };
}

async function askForMamai(port: number): Promise<Answer> {
  const started = Date.now();
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ person(id: "person:zhanbolat-mamai") { name } }' }),
  });
  return { status: res.status, ms: Date.now() - started, body: (await res.json()) as Answer['body'] };
}

const answersMamai = (a: Answer) => a.body.data?.person?.name === 'Zhanbolat Mamai';
const readyStatus = async (port: number) => (await fetch(`http://127.0.0.1:${port}/ready`)).status;

/** "Fail fast": the driver gives up after its 5 s retry window; the operation deadline (10 s) bounds the rest. */
function expectFastUnavailable(answer: Answer): void {
  expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(answer.ms).toBeLessThan(12_000);
}

async function stopApp(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.kill('SIGTERM');
  return exited;
}

describe('the embedded Neo4j killed mid-traffic', () => {
  it('answers SERVICE_UNAVAILABLE fast, turns /ready 503, restarts Neo4j itself and recovers', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const boltPort = await freePort();
    const app = startApp({ ...smallNeo4j, PORT: String(port), DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(boltPort), NEO4J_URI: '' });
    await waitFor('the app to be ready', 180_000, () => app.output().includes('GraphQL API ready'));
    expect(answersMamai(await askForMamai(port))).toBe(true);

    const jvms = execFileSync('pgrep', ['-f', `Launcher --data-dir ${resolve(dataDir, 'neo4j')}`], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(jvms).toHaveLength(1);
    process.kill(Number(jvms[0]), 'SIGKILL');
    await waitFor('the app to notice', 10_000, () => app.output().includes('embedded Neo4j exited unexpectedly'));

    expectFastUnavailable(await askForMamai(port));
    expect(await readyStatus(port)).toBe(503);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);

    await waitFor('queries to recover', 180_000, async () => answersMamai(await askForMamai(port)));
    expect(app.output()).toContain('embedded Neo4j restarted');
    // Queries can succeed a moment before the restarted store's migrations are re-checked for /ready.
    await waitFor('/ready to turn 200', 60_000, async () => (await readyStatus(port)) === 200);
    expect(app.child.exitCode).toBeNull();

    expect(await stopApp(app.child)).toBe(0);
  }, 400_000);
});

describe('an external Neo4j (NEO4J_URI)', () => {
  it('is waited for at start, and reconnected to after it is killed and restarted', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const boltPort = await freePort();
    const app = startApp({ PORT: String(port), NEO4J_URI: `bolt://127.0.0.1:${boltPort}` });

    // Nothing listens on the Bolt port yet: HTTP serves, /ready says no, queries fail fast, the log says why.
    await waitFor('the HTTP server', 30_000, async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200);
    expect(await readyStatus(port)).toBe(503);
    expectFastUnavailable(await askForMamai(port));
    await waitFor('a retry log line', 10_000, () => app.output().includes('Neo4j not reachable yet; retrying'));

    // The "external" server comes up: the app connects, migrates, seeds, and turns ready.
    const external = new EmbeddedNeo4j({
      dataDir,
      boltPort,
      heap: smallNeo4j.NEO4J_HEAP,
      pageCache: smallNeo4j.NEO4J_PAGECACHE,
      txMemory: smallNeo4j.NEO4J_TX_MEMORY,
      txTimeout: '30s',
    });
    externals.push(external);
    await external.start();
    await waitFor('/ready to turn 200', 120_000, async () => (await readyStatus(port)) === 200);
    expect(app.output()).toContain('GraphQL API ready');
    expect(answersMamai(await askForMamai(port))).toBe(true);

    // Killed: fast SERVICE_UNAVAILABLE and /ready 503, the app stays up.
    process.kill(external.pid as number, 'SIGKILL');
    await waitFor('the JVM to die', 10_000, () => !external.running);
    expectFastUnavailable(await askForMamai(port));
    expect(await readyStatus(port)).toBe(503);

    // Restarted on the same data and port: the driver reconnects without an app restart.
    await external.start();
    await waitFor('queries to recover', 60_000, async () => answersMamai(await askForMamai(port)));
    expect(await readyStatus(port)).toBe(200);
    expect(app.child.exitCode).toBeNull();

    expect(await stopApp(app.child)).toBe(0);
  }, 400_000);
});
