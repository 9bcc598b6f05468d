// An import and addSource never store one document twice (issue 22, one document one source): the import's plan
// dedupes sources in a read, so its write takes the documents' SourceKey locks (addSource's) and looks again. An
// addSource that commits between plan and write fails the import with nothing written; one that comes while the
// import writes waits and then answers with the import's source; one that comes while a staged import publishes
// its journal (past its commit point, before its sources are written) is refused CONFLICT.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planImport, readBulkFile, SourceStoredMeanwhileError, writeImport } from '../../src/bulk/import.js';
import * as curation from '../../src/curation/mutations.js';
import { documentMatch } from '../../src/domain/source-identity.js';
import { planPopoloImport } from '../../src/popolo/import.js';
import { readPopolo } from '../../src/popolo/popolo.js';
import { beginImportRun, markPublishing, removeImportRun } from '../../src/repositories/bulk-repository.js';
import { claimSourceKeys, lockSourceKeysOf } from '../../src/repositories/source-repository.js';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../isolated.js';

let neo4j: IsolatedNeo4j;
let dir: string;

beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  dir = mkdtempSync(join(tmpdir(), 'kzgraph-source-race-'));
}, 180_000);
afterAll(async () => {
  await neo4j?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const text = (n: string) => `Aigerim Racebekova ${n} was named deputy head of the regional office, the article says.`;
const url = (n: string) => `https://example.org/race/${n}`;

/** A file giving the document `n` as a new source and a person citing it. */
function fileOf(n: string): string {
  const path = join(dir, `race-${n}.jsonl`);
  const line = (collection: string, record: Record<string, unknown>) => JSON.stringify({ collection, record });
  writeFileSync(
    path,
    [
      line('sources', { id: `source:race-import-${n}`, kind: 'ARTICLE', publisher: 'Race Wire', title: `Race ${n}`, date: '2024-07', url: url(n), language: 'en', text: text(n), retrievedAt: '2024-07-02' }),
      line('people', { id: `person:race-${n}`, name: `Aigerim Racebekova ${n}`, citations: [{ source: `source:race-import-${n}`, quote: 'was named deputy head of the regional office' }] }),
    ].join('\n') + '\n',
  );
  return path;
}

const addSource = (n: string) => curation.addSource(neo4j.database, 'race-test', { publisher: 'Race Wire', date: '2024-07', title: `Race ${n} by API`, url: url(n), text: text(n) });

/** The ids of the sources holding document `n` (by its text; the URL is given in one spelling). */
async function sourcesOf(n: string): Promise<string[]> {
  return neo4j.database.read('MATCH (s:Source) WHERE s.text = $text OR s.url = $url RETURN s.id AS id ORDER BY id', { text: text(n), url: url(n) }, (r) => String(r.id));
}
async function citedBy(person: string): Promise<string[]> {
  return neo4j.database.read('MATCH (:Entity {id: $id})-[:CITES]->(s:Source) RETURN DISTINCT s.id AS id', { id: person }, (r) => String(r.id));
}

describe('an import and addSource of one document store one source', () => {
  for (const mode of ['single', 'staged'] as const) {
    it(`${mode}: an addSource committed between the plan and the write fails the import, nothing written; planned again, it cites the stored source`, async () => {
      const n = `between-${mode}`;
      const plan = await planImport(neo4j.database, await readBulkFile(fileOf(n)));
      expect(plan.issues).toEqual([]);
      expect(plan.create.map((r) => r.record.id)).toContain(`source:race-import-${n}`);
      const added = await addSource(n);
      expect(added.errors).toEqual([]);

      const failed = await writeImport(neo4j.database, plan, { actor: 'race-test', mode }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failed).toBeInstanceOf(SourceStoredMeanwhileError);
      expect((failed as SourceStoredMeanwhileError).clashes).toEqual([{ id: `source:race-import-${n}`, as: added.id }]);
      expect(await sourcesOf(n)).toEqual([added.id]);
      expect(await citedBy(`person:race-${n}`)).toEqual([]);

      const again = await planImport(neo4j.database, await readBulkFile(fileOf(n)));
      expect(again.sameSources.map((s) => s.as)).toEqual([added.id]);
      await writeImport(neo4j.database, again, { actor: 'race-test', mode });
      expect(await sourcesOf(n)).toEqual([added.id]);
      expect(await citedBy(`person:race-${n}`)).toEqual([added.id]);
    }, 120_000);
  }

  it('an addSource that comes while the import writes (its transaction holding the keys) waits for its commit and answers its source', async () => {
    const n = 'during';
    const plan = await planImport(neo4j.database, await readBulkFile(fileOf(n)));
    expect(plan.issues).toEqual([]);
    // Rows written are reported from inside the import's transaction, after it took the keys: start addSource there.
    let adding: ReturnType<typeof addSource> | null = null;
    let committed = false;
    await writeImport(neo4j.database, plan, {
      actor: 'race-test',
      mode: 'single',
      onProgress: (done) => {
        if (done > 0 && adding === null) adding = addSource(n).then((r) => ({ ...r, afterImport: committed }) as typeof r);
      },
    });
    committed = true;
    expect(adding).not.toBeNull();
    const added = (await adding!) as Awaited<ReturnType<typeof addSource>> & { afterImport: boolean };
    expect(added.errors).toEqual([]);
    expect(added.id).toBe(`source:race-import-${n}`);
    // It answered only once the import had committed: it waited on the keys.
    expect(added.afterImport).toBe(true);
    expect(await sourcesOf(n)).toEqual([`source:race-import-${n}`]);
  }, 120_000);

  it('a Popolo import whose file was added as a DATASET source between its plan and its write writes nothing; planned again, it cites that source', async () => {
    const popolo = JSON.stringify({ persons: [{ id: 'race-1', name: 'Yerlan Racepopoluly' }], organizations: [], memberships: [] });
    const details = { title: 'A Popolo file', publisher: 'Race Data', url: null, retrieved: '2024-07-02' };
    const planned = await planPopoloImport(neo4j.database, readPopolo(popolo, 'race.json'), details);
    expect(planned.issues).toEqual([]);
    const added = await curation.addSource(neo4j.database, 'race-test', { publisher: 'Race Data', date: '2024-07', title: 'The same file', kind: 'DATASET', text: popolo });
    expect(added.errors).toEqual([]);
    await expect(writeImport(neo4j.database, planned.plan!, { actor: 'race-test' })).rejects.toBeInstanceOf(SourceStoredMeanwhileError);
    const holding = () => neo4j.database.read('MATCH (s:Source {text: $popolo}) RETURN s.id AS id', { popolo }, (r) => String(r.id));
    expect(await holding()).toEqual([added.id]);

    const again = await planPopoloImport(neo4j.database, readPopolo(popolo, 'race.json'), details);
    expect(again.plan!.sameSources.map((s) => s.as)).toEqual([added.id]);
    await writeImport(neo4j.database, again.plan!, { actor: 'race-test' });
    expect(await holding()).toEqual([added.id]);
    const person = again.resolutions.find((r) => r.name === 'Yerlan Racepopoluly')!.id;
    expect(await citedBy(person)).toEqual([added.id]);
  }, 120_000);

  // Who wins varies from run to run; what may not vary is one source per document. Each round starts the two
  // writers together (in alternating order) after the plan, as the CLI and the API would meet.
  const ROUNDS = 4;
  for (const mode of ['single', 'staged'] as const) {
    it(`${mode}: ${ROUNDS} rounds of an import and an addSource of the same document at once leave one source each`, async () => {
      const outcomes: string[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const n = `together-${mode}-${round}`;
        const plan = await planImport(neo4j.database, await readBulkFile(fileOf(n)));
        expect(plan.issues).toEqual([]);
        const importing = () => writeImport(neo4j.database, plan, { actor: 'race-test', mode }).then(() => 'imported', (error: unknown) => error);
        let imported: unknown;
        let added: Awaited<ReturnType<typeof addSource>>;
        if (round % 2 === 0) [imported, added] = await Promise.all([importing(), addSource(n)]);
        else [added, imported] = await Promise.all([addSource(n), importing()]);
        const stored = await sourcesOf(n);
        expect(stored, `round ${round}`).toHaveLength(1);
        if (imported === 'imported') {
          // The import's source is the one; addSource waited and answered with it, or (staged, while the journal
          // was applied) was refused to try again.
          expect(stored).toEqual([`source:race-import-${n}`]);
          if (added.errors.length === 0) expect(added.id).toBe(`source:race-import-${n}`);
          else expect(added.errors.map((e) => e.code)).toEqual(['CONFLICT']);
          expect(await citedBy(`person:race-${n}`)).toEqual(stored);
          outcomes.push(added.errors.length === 0 ? 'import first' : 'addSource refused');
        } else {
          expect(imported).toBeInstanceOf(SourceStoredMeanwhileError);
          expect(added.errors).toEqual([]);
          expect(stored).toEqual([added.id]);
          expect(await citedBy(`person:race-${n}`)).toEqual([]);
          outcomes.push('addSource first');
        }
      }
      expect(outcomes).toHaveLength(ROUNDS);
    }, 240_000);
  }

  it('addSource of a document a publishing staged import will write is refused CONFLICT, and stores it once that run is over', async () => {
    const n = 'claimed';
    const importId = `race-claim-${Date.now()}`;
    const documents = [{ id: `source:race-import-${n}`, match: documentMatch({ url: url(n), text: text(n) }) }];
    await beginImportRun(neo4j.database, importId);
    // The commit point as a staged import passes it: keys locked and claimed in the transaction marking the run
    // publishing (no journal batches: this run writes nothing).
    await markPublishing(neo4j.database, importId, 0, async (tx) => {
      await lockSourceKeysOf(tx, documents.map((d) => d.match));
      await claimSourceKeys(tx, importId, documents);
    });
    const refused = await addSource(n);
    expect(refused.id).toBeNull();
    expect(refused.errors.map((e) => [e.field, e.code])).toEqual([['url', 'CONFLICT']]);
    expect(refused.errors[0]!.message).toContain(`source:race-import-${n}`);
    expect(await sourcesOf(n)).toEqual([]);

    // The run over, its claim counts no more.
    await removeImportRun(neo4j.database, importId);
    const added = await addSource(n);
    expect(added.errors).toEqual([]);
    expect(await sourcesOf(n)).toEqual([added.id]);
  }, 60_000);
});
