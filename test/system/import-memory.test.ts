// Imports within the database's transaction memory (issue 22, item 3), on an embedded Neo4j of this file's own
// started with NEO4J_TX_MEMORY=32m (Community cannot change it while running; at its minimum, 10m, memory comes in 2 MB
// chunks and even a clean-up's delete is refused): a transaction it refuses is reported with the
// database's own error (never "outcome unknown"); an import too large for one transaction is staged in transactions
// sized by the memory they need and published from its journal; a publish cut off after its commit point is
// finished by the next start (removeAbandonedImports), never left half-visible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError, ImportIncompleteError, planImport, removeAbandonedImports, summarise, writeImport, type ImportPlan } from '../../src/bulk/import.js';
import { readJsonl, type BulkFile } from '../../src/bulk/format.js';
import { OutcomeUnknownError } from '../../src/neo4j/database.js';
import { graphContent, transactionMemoryLimit } from '../../src/repositories/bulk-repository.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { openDatabase, type DatabaseRuntime } from '../../src/runtime.js';
import { freePort } from '../free-port.js';

let neo4j: DatabaseRuntime;
const dataDir = mkdtempSync(join(tmpdir(), 'kzgraph-import-memory-'));

const count = async (cypher: string) => (await neo4j.database.read(cypher, {}, (r) => Number(r.n)))[0] ?? 0;
beforeAll(async () => {
  const config = loadConfig({ DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m', NEO4J_TX_MEMORY: '32m', NEO4J_TX_TIMEOUT: '300s', LOG_LEVEL: 'warn' });
  neo4j = await openDatabase(config, createLogger('warn'));
}, 180_000);
afterAll(async () => {
  await neo4j?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const QUOTE = 'Members of the Example Party met in Astana to register their candidates for the election.';

/** An article, a party, and `people` people each with a membership of it, all citing the article. */
function loadedFromJsonl(prefix: string, people: number): BulkFile {
  const cite = [{ source: `source:${prefix}-article`, quote: QUOTE }];
  // Each file's article has a text of its own: an identical text is the same document, which an import reuses.
  const lines = [
    { collection: 'sources', record: { id: `source:${prefix}-article`, kind: 'ARTICLE', publisher: 'Test Wire', title: 'Candidates registered', date: '2024-05', text: `${QUOTE} The list of ${prefix} is long.`, retrievedAt: '2024-05-02' } },
    { collection: 'parties', record: { id: `party:${prefix}-party`, name: `Example Party ${prefix}`, citations: cite } },
  ];
  for (let i = 1; i <= people; i += 1) {
    lines.push({ collection: 'people', record: { id: `person:${prefix}-${i}`, name: `Memory Person ${prefix} ${i}`, citations: cite } });
    lines.push({ collection: 'memberships', record: { id: `membership:${prefix}-${i}`, person: `person:${prefix}-${i}`, organization: `party:${prefix}-party`, role: 'member', from: '2020', citations: cite } } as never);
  }
  return readJsonl(lines.map((l) => JSON.stringify(l)).join('\n'), `${prefix}.jsonl`);
}

async function plan(prefix: string, people: number): Promise<ImportPlan> {
  const planned = await planImport(neo4j.database, loadedFromJsonl(prefix, people));
  expect(planned.issues).toEqual([]);
  return planned;
}

describe('transactions within db.memory.transaction.max', () => {
  it('reads the limit from the database', async () => {
    expect(await transactionMemoryLimit(neo4j.database)).toBe(32 * 1024 * 1024);
  });

  it('reports a transaction the database refuses with its own error, not as an unknown outcome', async () => {
    const refused = neo4j.database.writeTransaction(async (tx) => {
      await tx.run("UNWIND range(1, 400000) AS i CREATE (:MemoryProbe {id: i, text: 'refused transaction probe ' + toString(i)})");
    });
    const error = await refused.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(error).not.toBeInstanceOf(OutcomeUnknownError);
    expect((error as { code?: string }).code).toBe('Neo.TransientError.General.MemoryPoolOutOfMemoryError');
    expect(describeError(error)).toMatch(/^Neo\.TransientError\.General\.MemoryPoolOutOfMemoryError: /);
    expect(await count('MATCH (n:MemoryProbe) RETURN count(n) AS n')).toBe(0);
  });

  it('stages an import too large for one transaction, in transactions that fit, and publishes all of it', async () => {
    const planned = await plan('mem', 1_500);
    let mode = '';
    const summary = await writeImport(neo4j.database, planned, { actor: 'import', onMode: (m) => (mode = m) });
    expect(mode).toBe('staged');
    expect(summary).toMatchObject({ created: 3_002 });
    expect(await count("MATCH (p:Person) WHERE p.id STARTS WITH 'person:mem-' RETURN count(p) AS n")).toBe(1_500);
    expect(await count("MATCH (:Person)<-[:SUBJECT]-(m:Membership) WHERE m.id STARTS WITH 'membership:mem-' RETURN count(m) AS n")).toBe(1_500);
    expect(await count('MATCH (n) WHERE n:Staged OR n:ImportRun RETURN count(n) AS n')).toBe(0);
    expect(summarise(await plan('mem', 1_500))).toMatchObject({ created: 0, updated: 0, unchanged: 3_002 });
  }, 300_000);

  it('finishes a publish cut off after its commit point at the next start, to the same content as a whole import', async () => {
    const planned = await plan('cut', 1_000);
    let published = 0;
    let stagedTotal = 0;
    const cut = writeImport(neo4j.database, planned, {
      actor: 'import',
      mode: 'staged',
      onProgress: (done, total) => {
        stagedTotal = total;
        published = done;
        // Past the commit point the progress counts journal rows: stop the process's part there (simulated death).
        if (done > total * 0.8) throw new Error('the process died (simulated)');
      },
    });
    const error = await cut.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportIncompleteError);
    expect((error as Error).message).toMatch(/decided and partly in the graph.*published by the next start/);
    expect(published).toBeLessThan(stagedTotal);
    expect(await count('MATCH (r:ImportRun) WHERE r.batches IS NOT NULL RETURN count(r) AS n')).toBe(1);
    // Its process is gone: the next start takes the run over and applies the rest of its journal.
    await neo4j.database.write('MATCH (r:ImportRun) SET r.pid = 2147483646', {});
    const recovered = await removeAbandonedImports(neo4j.database);
    expect(recovered).toMatchObject({ runs: 1, finished: 1, failed: [] });
    expect(await count('MATCH (n) WHERE n:Staged OR n:ImportRun RETURN count(n) AS n')).toBe(0);
    expect(await count("MATCH (p:Person) WHERE p.id STARTS WITH 'person:cut-' RETURN count(p) AS n")).toBe(1_000);
    expect(summarise(await plan('cut', 1_000))).toMatchObject({ created: 0, updated: 0, unchanged: 2_002 });
    const content = await graphContent(neo4j.database);
    expect(content.counts[':ImportBatch']).toBeUndefined();
  }, 300_000);
});
