// `npm start` as a process: honours PORT/DATA_DIR/NEO4J_BOLT_PORT, stops within 15 s leaving no JVM behind,
// and a second start on the same data dir reuses the data.
import { spawn, type ChildProcess, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/neo4j/database.js';
import { freePort } from '../free-port.js';

const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'kzgraph-proc-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function javaProcessesOn(dir: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', `Launcher --data-dir ${dir}`], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

async function startApp(port: number, boltPort: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(boltPort), NEO4J_URI: '', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no ready line in 150 s:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('GraphQL API ready')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => fail(new Error(`exited with ${code}:\n${output}`)));
  });
  return child;
}

async function stopApp(child: ChildProcess): Promise<number> {
  const started = Date.now();
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.kill('SIGTERM');
  await exited;
  return Date.now() - started;
}

describe('npm start process', () => {
  it('serves on the given ports, stops cleanly, and restarts on the same data', async () => {
    const port = await freePort();
    const boltPort = await freePort();
    const first = await startApp(port, boltPort);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await res.json()).toMatchObject({ data: { __typename: 'Query' } });

    const driver = createDriver({ uri: `bolt://127.0.0.1:${boltPort}`, maxPoolSize: 2, txTimeoutMs: 10_000 });
    await driver.executeQuery('CREATE (:RestartMarker {at: $at})', { at: 'first-run' });
    await driver.close();

    const stopMs = await stopApp(first);
    expect(stopMs).toBeLessThan(15_000);
    expect(first.exitCode).toBe(0);
    expect(javaProcessesOn(resolve(dataDir, 'neo4j'))).toEqual([]);

    const second = await startApp(port, boltPort);
    const again = createDriver({ uri: `bolt://127.0.0.1:${boltPort}`, maxPoolSize: 2, txTimeoutMs: 10_000 });
    const { records } = await again.executeQuery('MATCH (m:RestartMarker) RETURN m.at AS at');
    await again.close();
    expect(records.map((r) => r.get('at') as string)).toEqual(['first-run']);
    await stopApp(second);
    expect(javaProcessesOn(resolve(dataDir, 'neo4j'))).toEqual([]);
  }, 400_000);

  it('leaves no orphan JVM when the app is killed, and the next start recovers the store', async () => {
    const port = await freePort();
    const boltPort = await freePort();
    const app = await startApp(port, boltPort);
    const store = resolve(dataDir, 'neo4j');
    expect(javaProcessesOn(store)).toHaveLength(1);
    const exited = new Promise<void>((ok) => app.once('exit', () => ok()));
    app.kill('SIGKILL');
    await exited;
    // The launcher watches its stdin: the parent's death closes it, and the JVM shuts itself down.
    const deadline = Date.now() + 30_000;
    while (javaProcessesOn(store).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(javaProcessesOn(store)).toEqual([]);

    const again = await startApp(port, boltPort);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ person(id: "person:zhanbolat-mamai") { name } }' }),
    });
    expect(await res.json()).toMatchObject({ data: { person: { name: 'Zhanbolat Mamai' } } });
    await stopApp(again);
  }, 400_000);
});
