// Bulk export and import on a Neo4j of this file's own (imports write, and the round trip needs an empty
// database): JSONL export → import into the emptied database reproduces every count and the content checksum;
// importing twice changes nothing; one bad line deep in a 20 000-line file is named and nothing is written.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJsonlText } from '../../src/bulk/export.js';
import { planImport, readBulkFile, summarise, writeImport } from '../../src/bulk/import.js';
import { mergeEntities } from '../../src/curation/merge.js';
import * as curation from '../../src/curation/mutations.js';
import { formatIssue } from '../../src/dataset/validate.js';
import { graphContent, wipeContent } from '../../src/repositories/bulk-repository.js';
import { historyOf } from '../../src/repositories/curation-repository.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../isolated.js';

const run = promisify(execFile);
const SOURCE = '000_b6498a7c669cd33d.txt';
const QUOTE = 'Chris Rickleton is a journalist living in Almaty.';
const cite = [{ source: SOURCE, quote: QUOTE }];

let neo4j: IsolatedNeo4j;
let dir: string;

beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  dir = mkdtempSync(join(tmpdir(), 'kzgraph-bulk-'));
});
afterAll(async () => {
  await neo4j?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function importFile(path: string, actor = 'import') {
  const plan = await planImport(neo4j.database, await readBulkFile(path));
  if (plan.issues.length > 0) return { plan, summary: null };
  return { plan, summary: await writeImport(neo4j.database, plan, { actor }) };
}

/** Curation the seed does not have: an API source, a retraction, a merge, a participant with its own citation. */
async function curate(): Promise<void> {
  const db = neo4j.database;
  const ok = (r: curation.MutationResult) => {
    expect(r.errors).toEqual([]);
    return r.id!;
  };
  const source = ok(await curation.addSource(db, 'tester', { publisher: 'Test Wire', date: '2024-05', title: 'A test article', url: 'https://example.org/a', text: 'Asel Bulkova said so in an interview. The rest of the article is not quoted.' }));
  ok(await curation.upsertPerson(db, 'tester', { id: 'person:bulk-asel', name: 'Asel Bulkova', aliases: [{ name: 'Асель Булкова', script: 'Cyrl' }], citations: [{ source, quote: 'Asel Bulkova said so in an interview.' }] }));
  ok(await curation.upsertPerson(db, 'tester', { id: 'person:bulk-asel-2', name: 'Asel Bulkova-Dup', citations: cite }));
  const membership = ok(await curation.addMembership(db, 'tester', { person: 'person:bulk-asel-2', organization: 'party:amanat', role: 'member', from: '2021', citations: cite }));
  ok(await curation.addMembership(db, 'tester', { person: 'person:bulk-asel', organization: 'party:amanat', role: 'leader', from: '2022-03', citations: cite }));
  ok(await curation.retractFact(db, 'tester', membership, 'test retraction'));
  ok(await mergeEntities(db, 'root', 'person:bulk-asel', 'person:bulk-asel-2', 'same person'));
  ok(await curation.addEventParticipant(db, 'tester', { event: 'event:2022-03-mamai-arrest', entity: 'person:bulk-asel', role: 'witness', citations: cite }));
}

describe('JSONL export and import', () => {
  it('round-trips the curated graph through an emptied database, byte for byte and checksum for checksum', async () => {
    await curate();
    const before = await graphContent(neo4j.database);
    const first = await exportJsonlText(neo4j.database);
    const file = join(dir, 'graph.jsonl');
    writeFileSync(file, first.text);
    expect(first.counts.retractions).toBeGreaterThanOrEqual(1);
    expect(first.counts.redirects).toBeGreaterThanOrEqual(1);
    expect(first.text).toContain('"collection":"redirects","record":{"from":"person:bulk-asel-2","to":"person:bulk-asel"');

    // The same file into the same graph: nothing to do.
    const again = await importFile(file);
    expect(again.plan.issues.map(formatIssue)).toEqual([]);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, retracted: 0, redirected: 0 });
    expect((await graphContent(neo4j.database)).checksum).toBe(before.checksum);

    await wipeContent(neo4j.database);
    expect((await graphContent(neo4j.database)).counts).toEqual({});
    const restored = await importFile(file);
    expect(restored.plan.issues.map(formatIssue)).toEqual([]);
    expect(restored.summary!.created).toBe(first.text.trim().split('\n').length - first.counts.retractions! - first.counts.redirects!);
    expect(restored.summary).toMatchObject({ retracted: first.counts.retractions, redirected: first.counts.redirects });
    const after = await graphContent(neo4j.database);
    expect(after.counts).toEqual(before.counts);
    expect(after.checksum).toBe(before.checksum);
    expect((await exportJsonlText(neo4j.database)).text).toBe(first.text);

    const twice = await importFile(file);
    expect(twice.summary).toMatchObject({ created: 0, updated: 0, retracted: 0, redirected: 0, unchanged: restored.summary!.created });
    expect((await graphContent(neo4j.database)).checksum).toBe(before.checksum);
  }, 300_000);

  it('updates only the records that differ, and records each change with the import actor', async () => {
    // Its own person: this test must not depend on what the round trip above wrote.
    const id = 'person:bulk-update-target';
    expect((await curation.upsertPerson(neo4j.database, 'tester', { id, name: 'Aigul Updatova', citations: cite })).errors).toEqual([]);
    const file = join(dir, 'one.jsonl');
    const person = { id, name: 'Aigul Updatova', aliases: [], description: 'Changed by an import', citations: cite };
    writeFileSync(file, `${JSON.stringify({ collection: 'people', record: person })}\n`);
    const { summary } = await importFile(file, 'nightly-import');
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const second = await importFile(file, 'nightly-import');
    expect(second.summary).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const history = (await historyOf(neo4j.database, [id])).get(id)!;
    const imported = history.filter((c) => c.actor === 'nightly-import');
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({ operation: 'import', targetId: id });
    expect(JSON.parse(imported[0]!.after!)).toMatchObject({ description: 'Changed by an import' });
    expect(JSON.parse(imported[0]!.before!)).not.toHaveProperty('description');
  });
});

describe('a large file with one bad line', () => {
  it('names the line and the field of the one bad record among 20 000 and writes nothing', async () => {
    const lines: string[] = [];
    const badLine = 15_123;
    for (let i = 1; lines.length < 20_000; i += 1) {
      const n = lines.length + 1;
      if (n % 2 === 1) {
        lines.push(JSON.stringify({ collection: 'people', record: { id: `person:bulkgen-${i}`, name: `Generated Person ${i}`, citations: cite } }));
      } else {
        const role = n === badLine + 1 ? 'overlord' : 'member';
        lines.push(JSON.stringify({ collection: 'memberships', record: { id: `membership:bulkgen-${i}`, person: `person:bulkgen-${i - 1}`, organization: 'party:amanat', role, citations: cite } }));
      }
    }
    // Line numbers are 1-based: the bad record sits on line badLine + 1.
    const file = join(dir, 'large.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const before = await graphContent(neo4j.database);
    const plan = await planImport(neo4j.database, await readBulkFile(file));
    expect(plan.lines).toBe(20_000);
    expect(plan.issues).toHaveLength(1);
    expect(plan.issues[0]).toMatchObject({ line: badLine + 1, code: 'SCHEMA' });
    expect(plan.issues[0]!.path).toMatch(/^memberships\[\d+\]\.role$/);
    expect(formatIssue(plan.issues[0]!)).toContain(`large.jsonl:${badLine + 1} `);
    expect(() => summarise(plan)).not.toThrow();
    await expect(writeImport(neo4j.database, plan, { actor: 'import' })).rejects.toThrow(/issues/);
    expect((await graphContent(neo4j.database)).checksum).toBe(before.checksum);
  }, 300_000);

  it('writes a valid file in UNWIND batches in one transaction, and a second import changes nothing', async () => {
    const lines: string[] = [];
    for (let i = 1; i <= 2_500; i += 1) {
      lines.push(JSON.stringify({ collection: 'people', record: { id: `person:bulkok-${i}`, name: `Imported Person ${i}`, citations: cite } }));
      lines.push(JSON.stringify({ collection: 'memberships', record: { id: `membership:bulkok-${i}`, person: `person:bulkok-${i}`, organization: 'party:amanat', role: 'member', citations: cite } }));
    }
    const file = join(dir, 'large-ok.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const plan = await planImport(neo4j.database, await readBulkFile(file));
    expect(plan.issues).toEqual([]);
    const reports: [number, number][] = [];
    const summary = await writeImport(neo4j.database, plan, { actor: 'import', onProgress: (done, total) => reports.push([done, total]) });
    const total = reports[0]![1];
    const rows = reports.at(-1)![0];
    expect(summary).toMatchObject({ created: 5_000, updated: 0 });
    // More rows than one batch of 2 000: the progress callback saw every batch, and never counted past the total.
    expect(total).toBeGreaterThan(10_000);
    expect(rows).toBe(total);
    expect(reports.every(([done, t]) => t === total && done <= total)).toBe(true);
    const second = await planImport(neo4j.database, await readBulkFile(file));
    expect(summarise(second)).toMatchObject({ created: 0, updated: 0, unchanged: 5_000 });
  }, 300_000);
});

describe('staged imports, for files too large for one transaction', () => {
  function generated(prefix: string, n: number): string[] {
    const lines: string[] = [];
    for (let i = 1; i <= n; i += 1) {
      lines.push(JSON.stringify({ collection: 'people', record: { id: `person:${prefix}-${i}`, name: `Staged Person ${i}`, citations: cite } }));
      lines.push(JSON.stringify({ collection: 'memberships', record: { id: `membership:${prefix}-${i}`, person: `person:${prefix}-${i}`, organization: 'party:ak-zhol', role: 'member', citations: cite } }));
    }
    return lines;
  }

  it('commits stage by stage and ends where one transaction would', async () => {
    const file = join(dir, 'staged.jsonl');
    writeFileSync(file, `${generated('staged', 600).join('\n')}\n`);
    const plan = await planImport(neo4j.database, await readBulkFile(file));
    let stages = 0;
    const summary = await writeImport(neo4j.database, plan, { actor: 'import', mode: 'staged', rowsPerTransaction: 500, onProgress: () => (stages += 1) });
    expect(summary).toMatchObject({ created: 1_200 });
    expect(stages).toBeGreaterThan(5);
    expect(summarise(await planImport(neo4j.database, await readBulkFile(file)))).toMatchObject({ created: 0, updated: 0, unchanged: 1_200 });
  }, 300_000);

  it('publishes nothing when a stage fails, and removes what it had staged', async () => {
    const amanat = JSON.parse(
      (await exportJsonlText(neo4j.database)).text.split('\n').find((l) => l.includes('"id":"party:amanat"'))!,
    ) as { record: Record<string, unknown> & { names: unknown[] } };
    const changedAmanat = { ...amanat.record, description: 'changed by a staged import', names: [...amanat.record.names, { name: 'Amanat Staged', from: '2024', citations: cite }] };
    const file = join(dir, 'staged-fail.jsonl');
    writeFileSync(file, `${[JSON.stringify({ collection: 'parties', record: changedAmanat }), ...generated('undone', 600)].join('\n')}\n`);
    const before = await graphContent(neo4j.database);
    const historyBefore = (await historyOf(neo4j.database, ['party:amanat'])).get('party:amanat');
    const plan = await planImport(neo4j.database, await readBulkFile(file));
    expect(summarise(plan)).toMatchObject({ created: 1_200, updated: 1 });
    let written = 0;
    const failing = writeImport(neo4j.database, plan, {
      actor: 'import',
      mode: 'staged',
      rowsPerTransaction: 500,
      onProgress: (done) => {
        written = done;
        // Within the staging (stages of 500 rows), before the commit point: past it the publish is finished instead.
        if (written > 1_000) throw new Error('the database went away (simulated)');
      },
    });
    await expect(failing).rejects.toThrow(/nothing of it was published \(its staged rows were removed\): the database went away/);
    expect(written).toBeGreaterThan(1_000);
    expect((await neo4j.database.read('MATCH (n) WHERE n:Staged OR n:ImportRun RETURN count(n) AS n', {}, (r) => Number(r.n)))[0]).toBe(0);
    const after = await graphContent(neo4j.database);
    expect(after.counts).toEqual(before.counts);
    expect(after.checksum).toBe(before.checksum);
    // The audit trail is not part of the checksum: the import's change records are gone too.
    expect((await historyOf(neo4j.database, ['party:amanat'])).get('party:amanat')).toEqual(historyBefore);
  }, 300_000);
});

describe('CSV import', () => {
  it('reads people and memberships from CSV, with citations as source/quote columns', async () => {
    const people = join(dir, 'people.csv');
    writeFileSync(
      people,
      `id,name,aliases,description,source,quote\r\nperson:csv-one,"Csv, One",Csv Uno|Си Эс Ви,"A ""quoted"" description\nover two lines",${SOURCE},${QUOTE}\r\nperson:csv-two,Csv Two,,,${SOURCE},${QUOTE}\r\n`,
    );
    const { plan, summary } = await importFile(people);
    expect(plan.issues.map(formatIssue)).toEqual([]);
    expect(summary).toMatchObject({ created: 2 });
    const memberships = join(dir, 'memberships.csv');
    writeFileSync(
      memberships,
      `id,person,organization,role,from,source,quote\nmembership:csv-one,person:csv-one,party:amanat,member,2020,${SOURCE},${QUOTE}\nmembership:csv-two,person:nobody,party:amanat,member,2020-13,${SOURCE},${QUOTE}\n`,
    );
    const bad = await importFile(memberships);
    expect(bad.summary).toBeNull();
    expect(bad.plan.issues.map((i) => [i.line, i.path, i.code])).toEqual([
      [3, 'memberships[1].from', 'BAD_DATE'],
      [3, 'memberships[1].person', 'DANGLING_REFERENCE'],
    ]);
  });
});

describe('the CLIs', () => {
  const env = () => ({ ...process.env, NEO4J_URI: neo4j.uri, LOG_LEVEL: 'silent' });
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

  it('npm run import -- FILE --dry-run validates and reports; a bad file exits 1 naming the line', async () => {
    const good = join(dir, 'cli-good.jsonl');
    writeFileSync(good, `${JSON.stringify({ collection: 'people', record: { id: 'person:cli-one', name: 'Cli One', citations: cite } })}\n`);
    const dry = await run(tsx, ['scripts/import.ts', good, '--dry-run'], { env: env() });
    expect(dry.stdout).toContain('1 record(s) would be created');
    const bad = join(dir, 'cli-bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ collection: 'people', record: { id: 'person:cli-two', name: 'Cli Two', citations: cite } })}\n{not json\n`);
    const failed = await run(tsx, ['scripts/import.ts', bad], { env: env() }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed ? failed.code : 0).toBe(1);
    expect(failed.stderr).toMatch(/cli-bad\.jsonl:2: not JSON/);
    expect(failed.stderr).toContain('nothing was written');
  }, 300_000);

  it('npm run export -- --format jsonl --out FILE writes what the library exports', async () => {
    const out = join(dir, 'cli-export.jsonl');
    await run(tsx, ['scripts/export.ts', '--format', 'jsonl', '--out', out], { env: env() });
    expect(readFileSync(out, 'utf8')).toBe((await exportJsonlText(neo4j.database)).text);
  }, 300_000);
});
