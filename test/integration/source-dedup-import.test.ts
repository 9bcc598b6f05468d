// One document, one source, whichever writer meets it (issue 22 item 5): a JSONL or Popolo import giving a source
// the graph already holds (the same canonical URL, or the identical text, as addSource finds it) cites the stored
// source and writes no second copy; a source the file gives twice is written once; a URL the graph holds with
// another text is refused, naming the line and field.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planImport, readBulkFile, writeImport } from '../../src/bulk/import.js';
import * as curation from '../../src/curation/mutations.js';
import { planPopoloImport } from '../../src/popolo/import.js';
import { readPopolo } from '../../src/popolo/popolo.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../isolated.js';

const TEXT = 'Dana Dedupova, a lawyer from Aktobe, joined the party in 2019. The rest of the article is not quoted.';
const NEW_TEXT = 'Berik Onceonly was elected to the city council in 2021, the paper reported.';

let neo4j: IsolatedNeo4j;
let dir: string;
let stored: string;

beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  dir = mkdtempSync(join(tmpdir(), 'kzgraph-source-dedup-'));
  const added = await curation.addSource(neo4j.database, 'tester', { publisher: 'Dedup Wire', date: '2024-05', title: 'Dedup article', url: 'https://example.org/dedup-a', text: TEXT });
  expect(added.errors).toEqual([]);
  stored = added.id!;
}, 180_000);
afterAll(async () => {
  await neo4j?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const line = (collection: string, record: Record<string, unknown>) => JSON.stringify({ collection, record });
const article = (id: string, url: string | null, text: string) => line('sources', { id, kind: 'ARTICLE', publisher: 'Dedup Wire', title: id, date: '2024-05', url, language: 'en', text, retrievedAt: '2024-05-02' });

async function sourceCount(): Promise<number> {
  const [n] = await neo4j.database.read('MATCH (s:Source) RETURN count(s) AS n', {}, (r) => Number(r.n));
  return n!;
}
async function citedSources(id: string): Promise<string[]> {
  return (await neo4j.database.read('MATCH (:Entity {id: $id})-[:CITES]->(s:Source) RETURN DISTINCT s.id AS id ORDER BY id', { id }, (r) => String(r.id))).sort();
}

describe('imports keep one source per document', () => {
  it('a JSONL file citing copies of a stored source (same canonical URL, identical text) cites the stored one; a source given twice is written once', async () => {
    const file = join(dir, 'copies.jsonl');
    writeFileSync(
      file,
      [
        // The stored article under another id, its URL spelt otherwise (case, fragment, tracking parameter).
        article('source:dedup-copy', 'https://EXAMPLE.org/dedup-a?utm_source=feed#top', TEXT),
        // The same text, no URL.
        article('source:dedup-text', null, TEXT),
        // A new document, given twice.
        article('source:dedup-new', 'https://example.org/dedup-new', NEW_TEXT),
        article('source:dedup-new-again', 'https://example.org/dedup-new#again', NEW_TEXT),
        line('people', { id: 'person:dedup-dana', name: 'Dana Dedupova', citations: [{ source: 'source:dedup-copy', quote: 'Dana Dedupova, a lawyer from Aktobe' }] }),
        line('people', { id: 'person:dedup-dana-2', name: 'Dana Dedupova-Two', citations: [{ source: 'source:dedup-text', quote: 'joined the party in 2019' }] }),
        line('people', { id: 'person:dedup-berik', name: 'Berik Onceonly', citations: [{ source: 'source:dedup-new-again', quote: 'elected to the city council in 2021' }] }),
      ].join('\n') + '\n',
    );
    const before = await sourceCount();
    const plan = await planImport(neo4j.database, await readBulkFile(file));
    expect(plan.issues).toEqual([]);
    expect(plan.sameSources.map((s) => [s.id, s.as, s.line])).toEqual([
      ['source:dedup-copy', stored, 1],
      ['source:dedup-text', stored, 2],
      ['source:dedup-new-again', 'source:dedup-new', 4],
    ]);
    await writeImport(neo4j.database, plan, { actor: 'dedup-test' });
    expect(await sourceCount()).toBe(before + 1);
    expect(await citedSources('person:dedup-dana')).toEqual([stored]);
    expect(await citedSources('person:dedup-dana-2')).toEqual([stored]);
    expect(await citedSources('person:dedup-berik')).toEqual(['source:dedup-new']);

    // Importing the file again finds the same sources and changes nothing.
    const again = await planImport(neo4j.database, await readBulkFile(file));
    expect(again.issues).toEqual([]);
    expect(again.create).toEqual([]);
    expect(again.update).toEqual([]);
  });

  it('refuses a source at a stored URL whose text differs, naming the line and the field, and writes nothing', async () => {
    const file = join(dir, 'revised.jsonl');
    writeFileSync(file, [article('source:dedup-revised', 'https://example.org/dedup-a', `${TEXT} A sentence added later.`), line('people', { id: 'person:dedup-revised', name: 'Dana Revised', citations: [{ source: 'source:dedup-revised', quote: 'A sentence added later.' }] })].join('\n') + '\n');
    const before = await sourceCount();
    const plan = await planImport(neo4j.database, await readBulkFile(file));
    expect(plan.issues.map((i) => [i.line, i.path, i.code])).toContainEqual([1, 'sources[0].url', 'DUPLICATE_ID']);
    expect(plan.issues.find((i) => i.code === 'DUPLICATE_ID')?.message).toContain(stored);
    expect(await sourceCount()).toBe(before);
  });

  it('a Popolo file the graph already holds as a dataset source (added through the API) is cited there, not stored again', async () => {
    const text = JSON.stringify({ persons: [{ id: 'dedup-1', name: 'Yerlan Dedupuly' }], organizations: [], memberships: [] });
    const added = await curation.addSource(neo4j.database, 'tester', { publisher: 'Dedup Data', date: '2024-06', title: 'A Popolo file', kind: 'DATASET', text });
    expect(added.errors).toEqual([]);
    const before = await sourceCount();
    const planned = await planPopoloImport(neo4j.database, readPopolo(text, 'dedup.json'), { title: 'The same file', publisher: 'Dedup Data', url: null, retrieved: '2024-06-02' });
    expect(planned.issues).toEqual([]);
    expect(planned.plan!.sameSources.map((s) => s.as)).toEqual([added.id]);
    await writeImport(neo4j.database, planned.plan!, { actor: 'dedup-test' });
    expect(await sourceCount()).toBe(before);
    const person = planned.resolutions.find((r) => r.name === 'Yerlan Dedupuly')!.id;
    expect(await citedSources(person)).toEqual([added.id]);
  });
});

describe('the import CLI', () => {
  const run = promisify(execFile);
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const env = () => ({ ...process.env, NEO4J_URI: neo4j.uri, LOG_LEVEL: 'silent' });

  it('names each source of the file it recognised as a document already held: file, line and the kept source id', async () => {
    const text = 'Nurlan Clicopy chaired the district committee until 2020, the paper wrote.';
    const file = join(dir, 'cli-copies.jsonl');
    writeFileSync(
      file,
      [
        article('source:cli-copy', null, TEXT),
        article('source:cli-new', 'https://example.org/cli-new', text),
        article('source:cli-new-again', 'https://example.org/cli-new?utm_medium=x', text),
        line('people', { id: 'person:cli-nurlan', name: 'Nurlan Clicopy', citations: [{ source: 'source:cli-new-again', quote: 'chaired the district committee until 2020' }] }),
      ].join('\n') + '\n',
    );
    const where = relative(process.cwd(), file);
    const dry = await run(tsx, ['scripts/import.ts', file, '--dry-run'], { env: env() });
    expect(dry.stdout).toContain('2 source(s) of the file would not be stored again');
    expect(dry.stdout).toContain(`  ${where}:1 source:cli-copy is ${stored}, stored already\n`);
    expect(dry.stdout).toContain(`  ${where}:3 source:cli-new-again is source:cli-new, given earlier in the file\n`);

    const written = await run(tsx, ['scripts/import.ts', file], { env: env() });
    expect(written.stdout).toContain('2 source(s) of the file were not stored again');
    expect(written.stdout).toContain(`  ${where}:1 source:cli-copy is ${stored}, stored already\n`);
    expect(await citedSources('person:cli-nurlan')).toEqual(['source:cli-new']);

    // Once written, the file's own source is the graph's: the third line names it as stored; nothing is written.
    const again = await run(tsx, ['scripts/import.ts', file], { env: env() });
    expect(again.stdout).toContain('0 record(s) were created, 0 updated');
    expect(again.stdout).toContain(`  ${where}:3 source:cli-new-again is source:cli-new, stored already\n`);
  }, 300_000);
});
