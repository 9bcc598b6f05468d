// The FollowTheMoney export (src/export/ftm.ts) checked against the FtM model that @alephdata/followthemoney
// ships (its defaultModel): every entity of a known, concrete schema, every property one of that schema's, every
// value of its property's type (dates as ISO prefixes, URLs, country, language and topic codes, lengths), every
// entity reference to an exported entity of the property's range. Run on the seed and on EveryPolitician's file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAndValidate } from '../../src/dataset/index.js';
import { datasetOf } from '../../src/dataset/from-graph.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { datasetToFtm, serialiseFtm, type FtmEntity } from '../../src/export/ftm.js';
import { mapPopolo, readPopolo } from '../../src/popolo/popolo.js';
import { seedDirs } from '../../src/seed.js';
import { ftmProblems } from '../ftm-check.js';

async function seed(): Promise<Dataset> {
  const { dataset } = await loadAndValidate(seedDirs);
  if (!dataset) throw new Error('seed invalid');
  return dataset;
}

describe('FollowTheMoney export', () => {
  it('maps the seed to entities the FtM model accepts, every one with its sources', async () => {
    const dataset = await seed();
    const entities = datasetToFtm(dataset);
    expect(ftmProblems(entities)).toEqual([]);
    const of = (schema: string) => entities.filter((e) => e.schema === schema);
    expect(of('Person').length).toBe(dataset.people.length);
    expect(of('Article').length).toBe(dataset.sources.filter((s) => s.kind === 'ARTICLE').length);
    // Every person, party and event says where it comes from: documents, their URLs and the quoted passages.
    for (const e of [...of('Person'), ...of('Event')]) {
      expect(e.properties.proof?.length, e.id).toBeGreaterThan(0);
      expect(e.properties.publisher?.length, e.id).toBeGreaterThan(0);
    }
    const tokayev = entities.find((e) => e.id === 'person:kassym-jomart-tokayev')!;
    expect(tokayev.properties.alias).toContain('Қасым-Жомарт Тоқаев');
    const documentation = of('Documentation').filter((d) => d.properties.entity?.[0] === 'person:kassym-jomart-tokayev');
    expect(documentation.map((d) => d.properties.summary?.[0]).join('\n')).toContain('President Kassym-Jomart Tokayev had pledged');
    // Parties are organisations tagged pol.party, with their former names.
    const amanat = entities.find((e) => e.id === 'party:amanat')!;
    expect(amanat).toMatchObject({ schema: 'Organization', properties: { topics: ['pol.party'] } });
    expect(amanat.properties.previousName).toContain('Nur Otan');
    // Relationships: memberships, family ties, with dates as precise as the sources give them.
    expect(of('Membership').length + of('Directorship').length).toBeGreaterThan(5);
    expect(of('Family').length).toBe(dataset.familyTies.length);
    const dated = [...of('Membership'), ...of('Directorship')].flatMap((m) => m.properties.startDate ?? []);
    expect(dated.some((d) => /^\d{4}$/.test(d))).toBe(true);
    // One entity a line.
    expect(serialiseFtm(entities).trimEnd().split('\n').map((l) => (JSON.parse(l) as FtmEntity).id)).toEqual(entities.map((e) => e.id));
  });

  it("maps EveryPolitician's Mazhilis file to valid entities: deputies, their seats and their parliament ids", () => {
    const path = new URL('../../data/everypolitician-kz/ep-popolo-v1.0.json', import.meta.url);
    const doc = readPopolo(readFileSync(path, 'utf8'), 'ep-popolo-v1.0.json');
    const mapping = mapPopolo(doc, { title: 'EveryPolitician: Kazakhstan, Mazhilis', publisher: 'EveryPolitician', url: 'https://everypolitician.org/kazakhstan/', retrieved: '2026-12-02' });
    const dataset = datasetOf([mapping.source, ...mapping.records.map((r) => r.record)]);
    const entities = datasetToFtm(dataset);
    expect(ftmProblems(entities)).toEqual([]);
    expect(entities.filter((e) => e.schema === 'Person').length).toBe(171);
    const ids = entities.filter((e) => e.schema === 'Identification' && e.properties.authority?.[0] === 'parlam.kz');
    expect(ids.length).toBe(171);
    // Seats are memberships of the Mazhilis sourced by the file (its URL, its publisher, the record's pointer).
    const seats = entities.filter((e) => e.schema === 'Membership' && e.properties.organization?.[0]?.includes('mazhilis'));
    expect(seats.length).toBeGreaterThan(150);
    expect(seats[0]!.properties).toMatchObject({ publisher: ['EveryPolitician'], sourceUrl: ['https://everypolitician.org/kazakhstan/'] });
    expect(seats[0]!.properties.summary?.[0]).toMatch(/at \/memberships\/\d+/);
  });

  it('finds what breaks the model (the check can fail)', () => {
    expect(ftmProblems([{ id: 'x', schema: 'Person', properties: { name: ['X'], birthDate: ['May 2022'], caseNumber: ['1'], country: ['kazakhstan'] } }])).toEqual([
      'x: rejected by the FtM model: Error: Property does not exist: caseNumber',
      'x: birthDate "May 2022" is no FtM date',
      'x: Person has no property caseNumber',
      'x: country "kazakhstan" is no country code',
    ]);
    expect(ftmProblems([{ id: 'm', schema: 'Membership', properties: { member: ['nobody'] } }])).toContain('m: member refers to nobody, not in the export');
    expect(ftmProblems([{ id: 't', schema: 'Thing', properties: {} }])).toContain('t: abstract schema Thing');
  });
});
