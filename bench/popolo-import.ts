// `npx tsx bench/popolo-import.ts [--stored 100000] [--persons 10000]`: a Popolo import against a large graph, at
// the app's default settings. A fresh embedded Neo4j gets `--stored` people (10% of them named Nurlan, every
// name from a small pool of Kazakh given names, surnames and patronymics, so that many share each name token),
// then a Popolo file of `--persons` deputies of one legislature, with names from the same pool (many of them
// namesakes of stored people), is planned (read, limits, resolution through the fulltext index, the bulk plan) and
// written. Prints the time of each phase as one JSON line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { openDatabase } from '../src/runtime.js';
import { summarise, writeImport } from '../src/bulk/import.js';
import { planPopoloImport, readPopoloFile } from '../src/popolo/import.js';
import { foldName, nameKeys } from '../src/search/fold.js';
import { freePort } from '../test/free-port.js';
import { maleGivenNames, surname, surnameRoots, toEnglish } from './names.js';

/** A deterministic name: given name, surname, patronymic (from a given name), in English spelling. */
function nameOf(i: number, nurlan: boolean): string {
  const given = nurlan ? 'Нұрлан' : maleGivenNames[i % maleGivenNames.length]!;
  const root = surnameRoots[Math.floor(i / maleGivenNames.length) % surnameRoots.length]!;
  const father = maleGivenNames[Math.floor(i / (maleGivenNames.length * surnameRoots.length)) % maleGivenNames.length]!;
  return toEnglish(`${given} ${surname(root, false)} ${father}ұлы`);
}

/** `stored` people written straight as the loader writes entities (the properties resolution reads). */
async function storePeople(db: Awaited<ReturnType<typeof openDatabase>>['database'], stored: number): Promise<void> {
  for (let start = 0; start < stored; start += 10_000) {
    const rows: { id: string; props: Record<string, unknown> }[] = [];
    for (let i = start; i < Math.min(stored, start + 10_000); i += 1) {
      const name = nameOf(i, i % 10 === 0);
      rows.push({
        id: `person:stored-${i}`,
        props: { kind: 'PERSON', name, sortName: foldName(name), aliases: '[]', searchKeys: nameKeys(name).join(' '), searchNames: JSON.stringify([name]), identifierKeys: [], images: [], disputed: [] },
      });
    }
    await db.writeTransaction((tx) => tx.run('UNWIND $rows AS r CREATE (n:Entity:Person {id: r.id}) SET n += r.props', { rows }), 600_000);
  }
  await db.write('CALL db.awaitIndexes(600)', {});
}

function popoloFile(persons: number): string {
  const people = [];
  const memberships = [];
  for (let i = 0; i < persons; i += 1) {
    // Every seventh is a namesake of a stored person; the rest have names the pool also gives stored people.
    people.push({ id: `${i}-deputy`, name: nameOf(i % 7 === 0 ? i * 10 : i * 13 + 5, i % 10 === 0) });
    memberships.push({ person_id: `${i}-deputy`, organization_id: 'legislature-1', legislative_period_id: 'term/9', role: 'member' });
  }
  return JSON.stringify({
    persons: people,
    organizations: [{ id: 'legislature-1', name: 'Bench Assembly', classification: 'legislature' }],
    memberships,
    events: [{ id: 'term/9', name: '9th Convocation', classification: 'legislative period', organization_id: 'legislature-1', start_date: '2020-01-15', end_date: '2024-01-15' }],
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { stored: { type: 'string' }, persons: { type: 'string' } } });
  const stored = Number(values.stored ?? 100_000);
  const persons = Number(values.persons ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'kzgraph-bench-popolo-'));
  const config = loadConfig({ DATA_DIR: dir, NEO4J_BOLT_PORT: String(await freePort()), LOG_LEVEL: 'warn', NEO4J_TX_TIMEOUT: '600s' });
  const runtime = await openDatabase(config, createLogger('warn'));
  const lap = (() => {
    let last = Date.now();
    return () => {
      const now = Date.now();
      const s = (now - last) / 1000;
      last = now;
      return Math.round(s * 10) / 10;
    };
  })();
  try {
    lap();
    await storePeople(runtime.database, stored);
    const storeSeconds = lap();
    const file = join(dir, 'popolo.json');
    writeFileSync(file, popoloFile(persons));
    const doc = await readPopoloFile(file);
    const readSeconds = lap();
    // The bulk plan's first progress report marks the end of resolution.
    let resolveSeconds = 0;
    const planned = await planPopoloImport(runtime.database, doc, { title: 'Bench Popolo', publisher: 'Bench', url: null, retrieved: '2024-02-01' }, () => {
      if (resolveSeconds === 0) resolveSeconds = lap();
    });
    const planSeconds = lap();
    console.log(JSON.stringify({ stored, persons, storeSeconds, readSeconds, resolveSeconds, bulkPlanSeconds: planSeconds, issues: planned.issues.length }));
    if (!planned.plan || planned.issues.length > 0) throw new Error(`the plan has ${planned.issues.length} issue(s): ${JSON.stringify(planned.issues.slice(0, 3))}`);
    const counts = { merge: 0, create: 0, flagged: 0 };
    for (const r of planned.resolutions) {
      if (r.decision.action === 'MERGE') counts.merge += 1;
      else {
        counts.create += 1;
        if (r.decision.flagged.length > 0) counts.flagged += 1;
      }
    }
    const summary = await writeImport(runtime.database, planned.plan, { actor: 'bench' });
    const writeSeconds = lap();
    console.log(JSON.stringify({ stored, persons, fileBytes: doc.text.length, storeSeconds, readSeconds, resolveSeconds, bulkPlanSeconds: planSeconds, writeSeconds, resolutions: counts, created: summarise(planned.plan).created, written: summary.created }));
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
