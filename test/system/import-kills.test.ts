// A staged import killed (SIGKILL) at random moments: readers see the graph exactly as before or wholly imported,
// or, killed after its commit point, partly published with its run recorded as publishing (never otherwise in
// between); the next start or import removes what a run killed before that point staged and finishes the publish
// of one killed after it; and afterwards a complete import, an export and a re-import into an emptied database
// still reproduce the content checksum.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJsonlText } from '../../src/bulk/export.js';
import { planImport, readBulkFile, removeAbandonedImports, writeImport } from '../../src/bulk/import.js';
import { graphContent, wipeContent } from '../../src/repositories/bulk-repository.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../isolated.js';

const root = resolve(import.meta.dirname, '../..');
const SOURCE = '000_b6498a7c669cd33d.txt';
const cite = [{ source: SOURCE, quote: 'Chris Rickleton is a journalist living in Almaty.' }];
const KILLS = 10;
const PEOPLE = 10_000; // and as many memberships: 20 000 rows

let neo4j: IsolatedNeo4j;
let dir: string;
beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  dir = mkdtempSync(join(tmpdir(), 'kzgraph-kills-'));
});
afterAll(async () => {
  await neo4j?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `npm run import -- FILE --staged` as its own process; resolves with its exit (code, or the signal that ended it). */
function importProcess(file: string, killAfterMs: number | null): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; output: string }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file, '--staged', '--rows-per-transaction', '2000'], {
    cwd: root,
    env: { ...process.env, NEO4J_URI: neo4j.uri, LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const timer = killAfterMs === null ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((done) =>
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, ms: Date.now() - started, output });
    }),
  );
}

/** Waits (polling, at most a minute) until Neo4j runs no transaction but the one asking. */
async function settled(): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const others = await count("SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS n");
    if (others === 0) return;
    if (Date.now() > deadline) throw new Error(`${others} transaction(s) of the killed import still open after a minute`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const count = async (cypher: string) => (await neo4j.database.read(cypher, {}, (r) => Number(r.n)))[0] ?? 0;

/** Removes what a complete import of the file added, back to the content before it. */
async function removeImported(): Promise<void> {
  for (;;) {
    const result = await neo4j.database.write(
      `MATCH (n) WHERE n.id STARTS WITH 'person:killed-' OR n.id STARTS WITH 'membership:killed-'
         OR (n:Change AND (n.targetId STARTS WITH 'person:killed-' OR n.targetId STARTS WITH 'membership:killed-'))
       WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n`,
      {},
    );
    if (Number(result.records[0]?.get('n') ?? 0) === 0) return;
  }
}

describe('a staged import killed at random moments', () => {
  it(`leaves the graph as before or wholly imported, ${KILLS} times, and export and re-import still work`, async () => {
    const lines: string[] = [];
    for (let i = 1; i <= PEOPLE; i += 1) {
      lines.push(JSON.stringify({ collection: 'people', record: { id: `person:killed-${i}`, name: `Killed Import Person ${i}`, citations: cite } }));
      lines.push(JSON.stringify({ collection: 'memberships', record: { id: `membership:killed-${i}`, person: `person:killed-${i}`, organization: 'party:amanat', role: 'member', from: '2020', citations: cite } }));
    }
    const file = join(dir, 'killed.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const before = await graphContent(neo4j.database);
    // One complete run: how long an import takes here, and what "wholly imported" is.
    const complete = await importProcess(file, null);
    expect(complete.code, complete.output).toBe(0);
    // The progress bar never counts past its total (it once showed 220000/110000 rows).
    for (const [, done, total] of complete.output.matchAll(/(\d+)\/(\d+) rows/g)) expect(Number(done)).toBeLessThanOrEqual(Number(total));
    const after = await graphContent(neo4j.database);
    expect(after.checksum).not.toBe(before.checksum);
    expect(after.counts[':Person']).toBe((before.counts[':Person'] ?? 0) + PEOPLE);
    await removeImported();
    expect((await graphContent(neo4j.database)).checksum).toBe(before.checksum);

    const outcomes: string[] = [];
    for (let k = 0; k < KILLS; k += 1) {
      // Anywhere from start-up to the end of the run, the publishing transaction included.
      const at = Math.round(Math.random() * complete.ms * 1.05);
      const killed = await importProcess(file, at);
      // A COMMIT the process sent just before it died is still applied by Neo4j, and a transaction it left open
      // is rolled back when Neo4j notices the closed connection: wait until no transaction of it is left.
      await settled();
      const seen = await graphContent(neo4j.database);
      // What readers see, before any clean-up: the graph as before, wholly imported, or (killed past the commit
      // point, while its journal was applied) partly published with the run recorded as publishing; never a
      // partly published import without such a run.
      const publishing = await count('MATCH (r:ImportRun) WHERE r.batches IS NOT NULL RETURN count(r) AS n');
      // A run past its commit point (recorded as publishing) counts as publishing whatever it has applied yet:
      // killed right after the commit point it still reads as before, and the next start finishes it.
      const state = publishing > 0 ? 'publishing' : seen.checksum === before.checksum ? 'before' : seen.checksum === after.checksum ? 'after' : 'between';
      outcomes.push(`${at} ms: ${killed.signal ?? `exit ${killed.code}`} → ${state}`);
      expect(state, outcomes.join('\n')).not.toBe('between');
      // What the next start (or import) does first: a run killed before its commit point leaves staged nodes, which
      // go without a visible change; one killed after it is finished, to exactly the complete import.
      const cleaned = await removeAbandonedImports(neo4j.database);
      expect(cleaned.failed).toEqual([]);
      expect(await count('MATCH (n) WHERE n:Staged OR n:ImportRun RETURN count(n) AS n')).toBe(0);
      expect((await graphContent(neo4j.database)).checksum, outcomes.join('\n')).toBe(state === 'publishing' ? after.checksum : seen.checksum);
      if (state === 'after' || state === 'publishing') {
        await removeImported();
        expect((await graphContent(neo4j.database)).checksum).toBe(before.checksum);
      }
    }
    console.log(`import of ${2 * PEOPLE} rows took ${complete.ms} ms; kills:\n${outcomes.join('\n')}`);

    // Afterwards everything still works: a complete import, then export and re-import into an empty graph.
    const last = await importProcess(file, null);
    expect(last.code, last.output).toBe(0);
    expect((await graphContent(neo4j.database)).checksum).toBe(after.checksum);
    const exported = (await exportJsonlText(neo4j.database)).text;
    const exportFile = join(dir, 'export.jsonl');
    writeFileSync(exportFile, exported);
    await wipeContent(neo4j.database);
    const plan = await planImport(neo4j.database, await readBulkFile(exportFile));
    expect(plan.issues).toEqual([]);
    await writeImport(neo4j.database, plan, { actor: 'import', mode: 'staged', rowsPerTransaction: 5_000 });
    expect((await graphContent(neo4j.database)).checksum).toBe(after.checksum);
  }, 1_800_000);
});
