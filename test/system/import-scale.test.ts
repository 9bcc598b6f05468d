// Issue 22, item 3: a 20,000-line JSONL import (10,000 people and 10,000 memberships) at the app's default settings
// (NEO4J_TX_MEMORY 256m), through `npm run import` with its own embedded Neo4j: it used to fail at the commit with
// "import failed, nothing was written: the write's outcome is unknown". Now it is staged in transactions sized by
// the memory they need and published from its journal, and all of it is in the graph.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeImportFile } from '../../bench/import.js';
import { createDriver } from '../../src/neo4j/database.js';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded.js';
import { freePort } from '../free-port.js';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'kzgraph-import-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function importCli(file: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, output })));
}

describe('a 20,000-line import at the default settings', () => {
  it('succeeds, staged by memory, and every record is in the graph', async () => {
    const file = join(dir, 'scale.jsonl');
    await writeImportFile(file, 20_002, 'scale');
    const dataDir = join(dir, 'data');
    const boltPort = await freePort();
    // Only what a fresh install has: no NEO4J_* settings, so NEO4J_TX_MEMORY is its default 256m.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(boltPort), LOG_LEVEL: 'warn' };
    const run = await importCli(file, env);
    expect(run.output).not.toMatch(/outcome is unknown/);
    expect(run.code, run.output.slice(-2_000)).toBe(0);
    expect(run.output).toMatch(/too large for one transaction \(NEO4J_TX_MEMORY\): staging it/);
    expect(run.output).toMatch(/20002 record\(s\) were created/);

    // The graph, as the CLI left it: every person and membership, nothing staged.
    const neo4j = new EmbeddedNeo4j({ dataDir: resolve(dataDir), boltPort, heap: '768m', pageCache: '128m', txMemory: '256m', txTimeout: '60s', log: () => undefined });
    await neo4j.start();
    const driver = createDriver({ uri: neo4j.uri, maxPoolSize: 2, txTimeoutMs: 60_000 });
    try {
      const count = async (cypher: string) => Number((await driver.executeQuery(cypher)).records[0]?.get('n'));
      expect(await count("MATCH (p:Person) WHERE p.id STARTS WITH 'person:scale-' RETURN count(p) AS n")).toBe(10_000);
      expect(await count("MATCH (m:Membership)-[:SUBJECT]->(:Person) WHERE m.id STARTS WITH 'membership:scale-' RETURN count(m) AS n")).toBe(10_000);
      expect(await count('MATCH (n) WHERE n:Staged OR n:ImportRun RETURN count(n) AS n')).toBe(0);
    } finally {
      await driver.close();
      await neo4j.stop();
    }
  }, 900_000);
});
