// A Popolo file's limits are checked before any work on it (issue 22, item 4): a name too long to fold and index,
// or a file longer than a dataset source stores, is refused with an issue naming the file, the line and the
// field; and the fulltext query an incoming entity's candidates are found by carries its keys and identifiers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DATASET_TEXT_LENGTH, MAX_NAME_LENGTH } from '../../src/dataset/schema.js';
import { identifierSearchKey } from '../../src/dataset/to-graph.js';
import { createDriver, Database } from '../../src/neo4j/database.js';
import { candidateQuery, checkPopoloLimits, planPopoloImport, readPopoloFile } from '../../src/popolo/import.js';
import { readPopolo } from '../../src/popolo/popolo.js';

function file(persons: unknown[]): string {
  return `{\n  "persons": [\n${persons.map((p) => `    ${JSON.stringify(p)}`).join(',\n')}\n  ],\n  "organizations": [],\n  "memberships": [],\n  "events": []\n}\n`;
}

describe('checkPopoloLimits', () => {
  it('names the file, line and field of every name over the limit, other names included', () => {
    const long = 'A'.repeat(MAX_NAME_LENGTH + 1);
    const doc = readPopolo(file([{ id: 'a', name: 'Asel Nurova' }, { id: 'b', name: long }, { id: 'c', name: 'Bolat', other_names: [{ name: long, lang: 'kk' }] }]), 'long.json');
    expect(doc.issues).toEqual([]);
    expect(checkPopoloLimits(doc)).toEqual([
      { file: 'long.json', line: 4, path: 'persons[1].name', code: 'SCHEMA', message: `name is ${MAX_NAME_LENGTH + 1} characters; a name has at most ${MAX_NAME_LENGTH}` },
      { file: 'long.json', line: 5, path: 'persons[2].other_names[0].name', code: 'SCHEMA', message: expect.stringContaining('a name has at most') },
    ]);
  });

  it('makes planPopoloImport refuse the file before any resolution: not one query reaches the database', async () => {
    // A database nothing listens on: any lookup would fail; the refusal must come before the first.
    const driver = createDriver({ uri: 'bolt://127.0.0.1:1', maxPoolSize: 1, txTimeoutMs: 1_000 });
    try {
      const db = new Database(driver, { txTimeoutMs: 1_000 });
      const doc = readPopolo(file([{ id: 'a', name: 'N'.repeat(5_000_000) }]), 'huge-name.json');
      const planned = await planPopoloImport(db, doc, { title: 'Test', publisher: 'Test', url: null, retrieved: '2026-12-07' });
      expect(planned.plan).toBeNull();
      expect(planned.resolutions).toEqual([]);
      expect(planned.issues).toEqual([{ file: 'huge-name.json', line: 3, path: 'persons[0].name', code: 'SCHEMA', message: `name is 5000000 characters; a name has at most ${MAX_NAME_LENGTH}` }]);
      expect(db.counter.count).toBe(0);
    } finally {
      await driver.close();
    }
  });

  it('passes a file within the limits', () => {
    expect(checkPopoloLimits(readPopolo(file([{ id: 'a', name: 'Asel Nurova', other_names: [{ name: 'Асель Нурова' }] }]), 'ok.json'))).toEqual([]);
  });

  it('refuses a file longer than a dataset source stores without parsing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'popolo-limits-'));
    try {
      const path = join(dir, 'huge.json');
      writeFileSync(path, file([{ id: 'a', name: 'Asel Nurova', summary: 'x'.repeat(MAX_DATASET_TEXT_LENGTH) }]));
      const doc = await readPopoloFile(path);
      expect(doc.persons).toEqual([]);
      expect(doc.issues).toEqual([{ file: path, line: null, path: '', code: 'SCHEMA', message: expect.stringMatching(/^the file is \d+ characters; a dataset source stores at most 10000000$/) }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('candidateQuery', () => {
  const profile = { id: 'person:x', kind: 'PERSON' as const, names: ['Asel Nurova', 'Асель Нурова'], identifiers: ['wikidata:Q42'], subKind: null, date: null, roles: [] };

  it('ORs the folded name keys of 3 letters or more and the identifiers, weighted up', () => {
    const q = candidateQuery(profile)!;
    expect(q.split(' OR ')).toEqual(expect.arrayContaining([`${identifierSearchKey('Q42')}^4`, 'asel', 'nur', 'aselnur']));
    expect(new Set(q.split(' OR ')).size).toBe(q.split(' OR ').length);
  });

  it('is null for an entity with nothing to look up by', () => {
    expect(candidateQuery({ ...profile, names: ['Li'], identifiers: [] })).toBeNull();
  });
});
