// Popolo export (src/popolo/export.ts) and the Popolo schema checker (src/popolo/schemas.ts): the export of dataset
// records meets the schemas, the checker names the offending value by JSON pointer, and the serialised export reads
// back through the Popolo import's reader and mapping with the same persons, organisations and memberships.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CollectionRecord } from '../../src/dataset/from-graph.js';
import { serialisePopolo, termEventId, toPopolo } from '../../src/popolo/export.js';
import { mapPopolo, readPopolo } from '../../src/popolo/popolo.js';
import { checkPopolo } from '../../src/popolo/schemas.js';
import { aliasKindNotes } from '../../src/popolo/name-kinds.js';

const cite = [{ source: 'a.txt', quote: 'q' }];
const records = [
  { collection: 'people', record: { id: 'person:bakytzhan-abdiraiym', name: 'Bakytzhan Abdiraiym', aliases: [{ name: 'ӘБДІРАЙЫМ Бақытжан', lang: 'kk', script: 'Cyrl' }], identifiers: [{ scheme: 'popolo', value: 'uuid-1' }, { scheme: 'parlam.kz', value: '2773' }], images: ['http://www.parlam.kz/PersonImage/2773'], links: [{ url: 'http://www.parlam.kz/ru/blogs/Abdrayim', note: 'website' }], description: 'Committee on Legislation', citations: cite } },
  { collection: 'people', record: { id: 'person:kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev', aliases: [], citations: cite } },
  { collection: 'parties', record: { id: 'party:amanat', name: 'Amanat', aliases: [], identifiers: [{ scheme: 'wikidata', value: 'Q1195092', url: 'https://www.wikidata.org/wiki/Q1195092' }], names: [{ name: 'Nur Otan', from: '2006', to: '2022-03', citations: cite }], citations: cite } },
  { collection: 'organizations', record: { id: 'organization:mazhilis', name: 'Mazhilis', aliases: [], orgKind: 'LEGISLATURE', terms: [{ key: '5', name: '5th Convocation', from: '2012-01-15', to: '2016-01-20', citations: cite }, { key: '6', name: '6th Convocation', from: '2016-03-25', citations: cite }], citations: cite } },
  { collection: 'organizations', record: { id: 'organization:cec', name: 'Central Election Commission', aliases: [], orgKind: 'ELECTION_COMMISSION', citations: cite } },
  { collection: 'memberships', record: { id: 'membership:m1', person: 'person:bakytzhan-abdiraiym', organization: 'organization:mazhilis', role: 'deputy', onBehalfOf: 'party:amanat', term: '5', citations: cite } },
  { collection: 'memberships', record: { id: 'membership:m2', person: 'person:kassym-jomart-tokayev', organization: 'party:amanat', role: 'chair', title: 'honorary chairman', from: '2019', citations: cite } },
  { collection: 'elections', record: { id: 'election:2012-mazhilis', name: '2012 Mazhilis election', aliases: [], kind: 'PARLIAMENTARY', body: 'organization:mazhilis', date: '2012-01-15', findings: [], citations: cite } },
  { collection: 'places', record: { id: 'place:astana', name: 'Astana', aliases: [], placeKind: 'CITY', citations: cite } },
] as unknown as CollectionRecord[];

describe('toPopolo', () => {
  const doc = toPopolo(records, '2026-12-02T00:00:00.000Z');

  it('meets the Popolo schemas', () => {
    expect(checkPopolo(doc)).toEqual([]);
  });

  it('maps people, parties (former names dated), the legislature and its terms, memberships, elections, areas', () => {
    expect(doc.persons[0]).toEqual({
      id: 'person:bakytzhan-abdiraiym',
      name: 'Bakytzhan Abdiraiym',
      other_names: [{ name: 'ӘБДІРАЙЫМ Бақытжан', lang: 'kk' }],
      identifiers: [{ scheme: 'popolo', identifier: 'uuid-1' }, { scheme: 'parlam.kz', identifier: '2773' }],
      image: 'http://www.parlam.kz/PersonImage/2773',
      images: [{ url: 'http://www.parlam.kz/PersonImage/2773' }],
      links: [{ url: 'http://www.parlam.kz/ru/blogs/Abdrayim', note: 'website' }],
      summary: 'Committee on Legislation',
    });
    expect(doc.organizations.map((o) => [o.id, o.classification])).toEqual([
      ['organization:cec', 'election_commission'],
      ['organization:mazhilis', 'legislature'],
      ['party:amanat', 'party'],
    ]);
    expect(doc.organizations[2]!.other_names).toEqual([{ name: 'Nur Otan', note: 'former name', start_date: '2006', end_date: '2022-03' }]);
    expect(doc.memberships).toEqual([
      { id: 'membership:m1', person_id: 'person:bakytzhan-abdiraiym', organization_id: 'organization:mazhilis', role: 'member', on_behalf_of_id: 'party:amanat', legislative_period_id: termEventId('organization:mazhilis', '5'), start_date: '2012-01-15', end_date: '2016-01-20' },
      { id: 'membership:m2', person_id: 'person:kassym-jomart-tokayev', organization_id: 'party:amanat', role: 'chair', label: 'honorary chairman', start_date: '2019' },
    ]);
    expect(doc.events.map((e) => [e.id, e.classification])).toEqual([
      ['election:2012-mazhilis', 'parliamentary election'],
      ['organization:mazhilis/term/5', 'legislative period'],
      ['organization:mazhilis/term/6', 'legislative period'],
    ]);
    expect(doc.areas).toEqual([{ id: 'place:astana', name: 'Astana', classification: 'city' }]);
  });

  it('reads back through the Popolo import with the same persons, organisations, memberships and roles', () => {
    const text = serialisePopolo(doc);
    expect(JSON.parse(text)).toEqual(doc);
    const back = readPopolo(text, 'export.json');
    expect(back.issues).toEqual([]);
    // One element a line: the import's messages can name it.
    expect(back.persons.map((p) => p.line)).toEqual([3, 4]);
    const mapping = mapPopolo(back, { title: 't', publisher: 'p', url: null, retrieved: '2026-12-02' });
    const count = (c: string) => mapping.records.filter((r) => r.record.collection === c).length;
    expect([count('people'), count('parties') + count('organizations'), count('memberships')]).toEqual([doc.persons.length, doc.organizations.length, doc.memberships.length]);
    const memberships = mapping.records.filter((r) => r.record.collection === 'memberships').map((r) => r.record.record as unknown as Record<string, unknown>);
    expect(memberships[0]).toMatchObject({ role: 'deputy', term: '5', from: '2012-01-15', to: '2016-01-20' });
    expect(memberships[1]).toMatchObject({ role: 'chair', title: 'honorary chairman' });
    const people = mapping.records.filter((r) => r.record.collection === 'people').map((r) => r.record.record as unknown as Record<string, unknown>);
    // Names keep their order; the first file's popolo id is kept rather than replaced by the export's id.
    expect(people.map((p) => p.name)).toEqual(['Bakytzhan Abdiraiym', 'Kassym-Jomart Tokayev']);
    expect(people[0]!.identifiers).toContainEqual({ scheme: 'popolo', value: 'uuid-1' });
    expect(people[0]!.identifiers).not.toContainEqual({ scheme: 'popolo', value: 'person:bakytzhan-abdiraiym' });
    const cec = mapping.records.find((r) => r.record.record.id === 'organization:central-election-commission')?.record.record as unknown as { orgKind: string } | undefined;
    expect(cec?.orgKind).toBe('ELECTION_COMMISSION');
  });
});

describe('toPopolo: alias kinds and party lineage survive a round trip (issue 25)', () => {
  const kinds = ['OFFICIAL', 'FORMER', 'ABBREVIATION', 'SPELLING', 'TRANSLITERATION', 'TRANSLATION', 'NICKNAME', 'PEJORATIVE', 'MISSPELLING'] as const;
  const party = {
    id: 'party:amanat',
    name: 'Amanat',
    // Names chosen so that the import's own rules would give another kind: only the note carries each one.
    aliases: kinds.map((kind, i) => ({ name: `Name ${i}`, lang: 'en', kind })),
    names: [],
    predecessors: [{ name: 'Otan', names: ['Отан', 'Партия Отан'], party: 'party:otan', date: '2006-07', citations: cite }],
    citations: cite,
  };
  const otan = { id: 'party:otan', name: 'Otan', aliases: [{ name: 'Республиканская политическая партия', lang: 'ru' }], names: [], successors: [{ name: 'Nur Otan', party: 'party:amanat', date: '2006-07', citations: cite }], citations: cite };
  const doc = toPopolo([{ collection: 'parties', record: party }, { collection: 'parties', record: otan }] as unknown as CollectionRecord[], '2026-12-02T00:00:00.000Z');

  it('writes each alias kind as its other name\'s note, and predecessors and successors as the lineage extension', () => {
    expect(checkPopolo(doc)).toEqual([]);
    const amanat = doc.organizations.find((o) => o.id === 'party:amanat')!;
    expect(amanat.other_names).toEqual(kinds.map((kind, i) => ({ name: `Name ${i}`, lang: 'en', note: aliasKindNotes[kind] })));
    expect(amanat.predecessors).toEqual([{ name: 'Otan', names: ['Отан', 'Партия Отан'], organization_id: 'party:otan', date: '2006-07' }]);
    expect(doc.organizations.find((o) => o.id === 'party:otan')!.successors).toEqual([{ name: 'Nur Otan', organization_id: 'party:amanat', date: '2006-07' }]);
    // An unclassified alias has no note.
    expect(doc.organizations.find((o) => o.id === 'party:otan')!.other_names).toEqual([{ name: 'Республиканская политическая партия', lang: 'ru' }]);
  });

  it('reads them back: the same kinds, the same lineage with its party, each cited by its place in the file', () => {
    const back = readPopolo(serialisePopolo(doc), 'export.json');
    expect(back.issues).toEqual([]);
    const mapping = mapPopolo(back, { title: 't', publisher: 'p', url: null, retrieved: '2026-12-02' });
    const parties = new Map(mapping.records.filter((r) => r.record.collection === 'parties').map((r) => [r.record.record.id, r.record.record as unknown as typeof party & typeof otan]));
    const amanat = parties.get('party:amanat')!;
    expect(amanat.aliases.map((a) => [a.name, a.kind])).toEqual(kinds.map((kind, i) => [`Name ${i}`, kind]));
    expect(amanat.predecessors).toEqual([{ name: 'Otan', names: ['Отан', 'Партия Отан'], party: 'party:otan', date: '2006-07', citations: [{ source: mapping.source.record.id, locator: '/organizations/0/predecessors/0' }] }]);
    expect(parties.get('party:otan')!.successors).toEqual([{ name: 'Nur Otan', party: 'party:amanat', date: '2006-07', citations: [{ source: mapping.source.record.id, locator: '/organizations/1/successors/0' }] }]);
  });

  it('refuses a lineage entry naming an organisation the document does not hold, on export and on import', () => {
    const broken = JSON.parse(JSON.stringify(doc)) as { organizations: Record<string, unknown>[] };
    broken.organizations[0]!.predecessors = [{ name: 'Otan', organization_id: 'party:nowhere' }, { names: ['x'] }];
    expect(checkPopolo(broken)).toEqual([
      { pointer: '/organizations/0/predecessors/0/organization_id', message: 'refers to party:nowhere, which is not among the organizations' },
      { pointer: '/organizations/0/predecessors/1', message: "predecessors should have required property 'name'" },
    ]);
    broken.organizations[0]!.predecessors = [{ name: 'Otan', organization_id: 'party:nowhere' }];
    const read = readPopolo(JSON.stringify(broken), 'broken.json');
    expect(read.issues).toEqual([expect.objectContaining({ path: 'organizations[0].predecessors[0].organization_id', code: 'DANGLING_REFERENCE' })]);
  });
});

describe('checkPopolo', () => {
  it("accepts EveryPolitician's Mazhilis file", () => {
    const file = new URL('../../data/everypolitician-kz/ep-popolo-v1.0.json', import.meta.url).pathname;
    expect(checkPopolo(JSON.parse(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('names each value that breaks a schema by its JSON pointer', () => {
    const doc = toPopolo(records, '2026-12-02T00:00:00.000Z');
    const broken = JSON.parse(JSON.stringify(doc)) as Record<string, Record<string, unknown>[]>;
    broken.persons![0]!.image = 'not a url';
    broken.persons![1]!.birth_date = '12/03/1960';
    broken.persons![1]!.identifiers = [{ scheme: 'x' }];
    broken.organizations![0]!.links = [{ note: 'no url' }];
    broken.memberships![0]!.start_date = 'January 2012';
    broken.memberships![1]!.person_id = 'person:nobody';
    broken.events![0]!.name = 42;
    expect(checkPopolo(broken)).toEqual([
      { pointer: '/persons/0/image', message: 'person should match format "uri"' },
      { pointer: '/persons/1/identifiers/0', message: "person should have required property 'identifier'" },
      { pointer: '/persons/1/birth_date', message: 'person should match pattern "^[0-9]{4}(-[0-9]{2}){0,2}$"' },
      { pointer: '/organizations/0/links/0', message: "organization should have required property 'url'" },
      { pointer: '/memberships/0/start_date', message: expect.stringMatching(/^membership should match pattern/) },
      { pointer: '/events/0/name', message: 'event should be string,null' },
      { pointer: '/memberships/1/person_id', message: 'refers to person:nobody, which is not among the persons' },
    ]);
    expect(checkPopolo([])).toEqual([{ pointer: '', message: 'a Popolo document is a JSON object' }]);
    expect(checkPopolo({ persons: {} })).toEqual([{ pointer: '/persons', message: 'must be an array' }]);
  });
});

describe('toPopolo: dated names survive a round trip, the current name among them (issue 25)', () => {
  // Kazakhstan People's Party: its current name dated since 2020, and its former name with its span.
  const party = {
    id: 'party:peoples-party',
    name: "People's Party of Kazakhstan",
    aliases: [],
    names: [
      { name: "Communist People's Party of Kazakhstan", from: '2004', to: '2020-11', citations: cite },
      { name: "People's Party of Kazakhstan", from: '2020-11', citations: cite },
    ],
    citations: cite,
  };
  const doc = toPopolo([{ collection: 'parties', record: party }] as unknown as CollectionRecord[], '2026-12-08T00:00:00.000Z');

  it('writes the dated current name as an other name with its dates, and reads every dated name back', () => {
    expect(checkPopolo(doc)).toEqual([]);
    expect(doc.organizations[0]!.other_names).toEqual([
      { name: "Communist People's Party of Kazakhstan", note: 'former name', start_date: '2004', end_date: '2020-11' },
      { name: "People's Party of Kazakhstan", note: 'official name', start_date: '2020-11' },
    ]);
    const mapping = mapPopolo(readPopolo(serialisePopolo(doc), 'export.json'), { title: 't', publisher: 'p', url: null, retrieved: '2026-12-08' });
    const back = mapping.records.find((r) => r.record.collection === 'parties')!.record.record as unknown as typeof party;
    expect(back.name).toBe(party.name);
    expect(back.names.map((n) => ({ name: n.name, from: n.from, to: (n as { to?: string }).to }))).toEqual(party.names.map((n) => ({ name: n.name, from: n.from, to: (n as { to?: string }).to })));
    // The current name is no alias of itself.
    expect(back.aliases.map((a: { name: string }) => a.name)).toEqual(["Communist People's Party of Kazakhstan"]);
    // Exported again, the same document.
    const again = toPopolo([{ collection: 'parties', record: back }] as unknown as CollectionRecord[], '2026-12-08T00:00:00.000Z').organizations[0]!;
    expect([again.name, again.other_names]).toEqual([doc.organizations[0]!.name, doc.organizations[0]!.other_names]);
  });
});
