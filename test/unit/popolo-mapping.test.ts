// The Popolo reader and mapping (src/popolo/popolo.ts): a malformed file gets issues naming file, line and field,
// never an exception; a valid one maps to dataset records that cite the file by JSON pointer.
import { describe, expect, it } from 'vitest';
import { displayNameOf, mapPopolo, nameVariants, readPopolo, scriptOf, splitName, type SourceMeta } from '../../src/popolo/popolo.js';

const META: SourceMeta = { title: 'Test file', publisher: 'Test', url: null, retrieved: '2026-12-02' };

/** A small Popolo file, one element a line so that line numbers are easy to read. */
function file(parts: { persons?: unknown[]; organizations?: unknown[]; memberships?: unknown[]; events?: unknown[] }): string {
  const list = (items: unknown[] = []) => `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]`;
  return `{\n  "persons": ${list(parts.persons)},\n  "organizations": ${list(parts.organizations)},\n  "memberships": ${list(parts.memberships)},\n  "events": ${list(parts.events)}\n}\n`;
}

const mazhilis = { id: 'org-1', name: 'Mazhilis', classification: 'legislature' };
const nurOtan = { id: 'p1', name: 'Nur Otan', classification: 'party', identifiers: [{ scheme: 'wikidata', identifier: 'Q1195092' }] };
const unknown = { id: 'p0', name: 'unknown', classification: 'party' };
const term5 = { id: 'term/5', name: '5th Convocation', classification: 'legislative period', organization_id: 'org-1', start_date: '2012-01-15', end_date: '2016-01-20' };
const deputy = {
  id: 'uuid-1',
  name: 'ABDIRAIYM Bakytzhan',
  image: 'http://www.parlam.kz/en/mazhilis/People/PersonImage/2773?size=big',
  other_names: [{ lang: 'kk', name: 'ӘБДІРАЙЫМ Бақытжан Жарылқасынұлы' }],
  links: [{ note: 'website', url: 'http://www.parlam.kz/ru/blogs/Abdrayim' }],
};

describe('readPopolo: errors name the file, the line and the field', () => {
  it('a file that is not JSON is one SYNTAX issue', () => {
    const doc = readPopolo('{"persons": [', 'bad.json');
    expect(doc.issues).toHaveLength(1);
    expect(doc.issues[0]).toMatchObject({ file: 'bad.json', line: null, code: 'SYNTAX' });
    expect(doc.issues[0]!.message).toMatch(/^not JSON: /);
  });

  it('a top level that is no Popolo document names the field', () => {
    const doc = readPopolo('{"persons": {"a": 1}}', 'top.json');
    expect(doc.issues).toEqual([{ file: 'top.json', line: 1, path: 'persons', code: 'SCHEMA', message: expect.stringMatching(/^not a Popolo file: /) }]);
  });

  it('an element with a missing or mistyped field is reported at its own line, with its path', () => {
    const text = file({
      persons: [deputy, { id: 'uuid-2' }, { id: 'uuid-3', name: 'X Y', other_names: [{ lang: 'ru' }] }],
      organizations: [mazhilis, { id: 'p1', name: 'Nur Otan', seats: 'many' }],
    });
    const doc = readPopolo(text, 'f.json');
    const issues = doc.issues.map((i) => [i.line, i.path, i.code]);
    expect(issues).toEqual([
      [4, 'persons[1].name', 'SCHEMA'],
      [5, 'persons[2].other_names[0].name', 'SCHEMA'],
      [9, 'organizations[1].seats', 'SCHEMA'],
    ]);
    expect(doc.issues.every((i) => i.file === 'f.json' && i.message.length > 0)).toBe(true);
    // The valid elements are still read (the import refuses the file as a whole: all or nothing).
    expect(doc.persons.map((p) => [p.pointer, p.line])).toEqual([['/persons/0', 3]]);
  });

  it('dangling references and duplicate ids are reported on the membership or element that has them', () => {
    const text = file({
      persons: [deputy, { ...deputy, name: 'OTHER Person' }],
      organizations: [mazhilis, nurOtan],
      memberships: [
        { person_id: 'uuid-1', organization_id: 'org-1', on_behalf_of_id: 'p9', legislative_period_id: 'term/5' },
        { person_id: 'nobody', organization_id: 'org-2' },
      ],
      events: [term5],
    });
    const doc = readPopolo(text, 'refs.json');
    expect(doc.issues.map((i) => `${i.line} ${i.path} ${i.code}: ${i.message}`)).toEqual([
      '4 persons[1].id DUPLICATE_ID: duplicate id uuid-1: already used by persons[0]',
      '11 memberships[0].on_behalf_of_id DANGLING_REFERENCE: on_behalf_of_id refers to p9, which is not among the organizations',
      '12 memberships[1].person_id DANGLING_REFERENCE: person_id refers to nobody, which is not among the persons',
      '12 memberships[1].organization_id DANGLING_REFERENCE: organization_id refers to org-2, which is not among the organizations',
    ]);
  });

  it('a legislative_period_id must name an event classified as a legislative period', () => {
    const doc = readPopolo(file({ persons: [deputy], organizations: [mazhilis], memberships: [{ person_id: 'uuid-1', organization_id: 'org-1', legislative_period_id: 'term/9' }], events: [term5] }), 'p.json');
    expect(doc.issues.map((i) => [i.line, i.path, i.code])).toEqual([[9, 'memberships[0].legislative_period_id', 'DANGLING_REFERENCE']]);
  });
});

describe('mapPopolo', () => {
  const text = file({
    persons: [deputy, { id: 'uuid-2', name: 'Kassym-Jomart Tokayev', identifiers: [{ scheme: 'popolo', identifier: 'first-file-id' }] }],
    organizations: [mazhilis, nurOtan, unknown],
    memberships: [
      { person_id: 'uuid-1', organization_id: 'org-1', on_behalf_of_id: 'p1', legislative_period_id: 'term/5', role: 'member' },
      { person_id: 'uuid-2', organization_id: 'p1', role: 'chair', start_date: '2019' },
      { person_id: 'uuid-1', organization_id: 'org-1', on_behalf_of_id: 'p0', legislative_period_id: 'term/5', role: 'member', label: 'Speaker' },
    ],
    events: [term5],
  });
  const doc = readPopolo(text, 'ok.json');
  const mapping = mapPopolo(doc, META);
  const byCollection = (c: string) => mapping.records.filter((r) => r.record.collection === c).map((r) => r.record.record as unknown as Record<string, unknown>);

  it('reads a valid file without issues; the file becomes a DATASET source', () => {
    expect(doc.issues).toEqual([]);
    expect(mapping.source.record).toMatchObject({ kind: 'DATASET', publisher: 'Test', retrievedAt: '2026-12-02', text });
  });

  it('persons: given name first, Cyrillic names with script and language, identifiers, images and links, cited by pointer', () => {
    const [abdiraiym, tokayev] = byCollection('people');
    expect(abdiraiym).toMatchObject({
      id: 'person:bakytzhan-abdiraiym',
      name: 'Bakytzhan Abdiraiym',
      identifiers: [{ scheme: 'popolo', value: 'uuid-1' }, { scheme: 'parlam.kz', value: '2773' }],
      images: [deputy.image],
      links: [{ url: 'http://www.parlam.kz/ru/blogs/Abdrayim', note: 'website' }],
      citations: [{ source: mapping.source.record.id, locator: '/persons/0' }],
    });
    expect(abdiraiym!.aliases).toEqual([
      // Each alias is a cited statement with its kind (src/popolo/name-kinds.ts): the file's own spelling of the
      // name, and the Kazakh name as official.
      { name: 'ABDIRAIYM Bakytzhan', lang: 'en', script: 'Latn', kind: 'SPELLING', citations: [{ source: mapping.source.record.id, locator: '/persons/0/name' }] },
      { name: 'ӘБДІРАЙЫМ Бақытжан Жарылқасынұлы', lang: 'kk', script: 'Cyrl', kind: 'OFFICIAL', citations: [{ source: mapping.source.record.id, locator: '/persons/0/other_names/0' }] },
    ]);
    // A mixed-case name is already written given name first; a file's own popolo identifier is kept.
    expect(tokayev).toMatchObject({ id: 'person:kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev', identifiers: [{ scheme: 'popolo', value: 'first-file-id' }] });
  });

  it('organisations: the legislature with its terms, parties with Wikidata, the placeholder "unknown" skipped', () => {
    expect(byCollection('organizations')).toEqual([
      expect.objectContaining({ id: 'organization:mazhilis', orgKind: 'LEGISLATURE', terms: [expect.objectContaining({ key: '5', name: '5th Convocation', from: '2012-01-15', to: '2016-01-20' })] }),
    ]);
    expect(byCollection('parties')).toEqual([
      expect.objectContaining({ id: 'party:nur-otan', identifiers: [{ scheme: 'popolo', value: 'p1' }, { scheme: 'wikidata', value: 'Q1195092', url: 'https://www.wikidata.org/wiki/Q1195092' }] }),
    ]);
    expect(mapping.organizationIds.get('p0')).toBeNull();
    expect(mapping.skipped).toContainEqual(expect.objectContaining({ pointer: '/organizations/2', line: 9 }));
  });

  it('memberships: a deputy seat on behalf of a party in a term (dated by it), a party role, a titled seat', () => {
    expect(byCollection('memberships')).toEqual([
      expect.objectContaining({ person: 'person:bakytzhan-abdiraiym', organization: 'organization:mazhilis', role: 'deputy', onBehalfOf: 'party:nur-otan', term: '5', from: '2012-01-15', to: '2016-01-20' }),
      expect.objectContaining({ person: 'person:kassym-jomart-tokayev', organization: 'party:nur-otan', role: 'chair', from: '2019' }),
      expect.objectContaining({ role: 'deputy', title: 'Speaker', term: '5' }),
    ]);
    // The placeholder party gives no onBehalfOf.
    expect(byCollection('memberships')[2]).not.toHaveProperty('onBehalfOf');
    expect(mapping.seats.get('person:bakytzhan-abdiraiym')).toHaveLength(2);
  });
});

describe('mapPopolo: namesakes get distinct ids', () => {
  // The parliament's own deputy ids as Popolo ids: the first 8 characters of `deputy/7919` and `deputy/7920` are
  // the same, and ids built from them once collided (DUPLICATE_ID for the whole file).
  it('distinct Popolo persons never share a record id, whatever their ids look like', () => {
    const namesake = (id: string) => ({ id, name: 'NURPEISOV Serik' });
    const text = file({ persons: [namesake('deputy/7918'), namesake('deputy/7919'), namesake('deputy/7920'), namesake('Deputy-7920'), { id: 'x', name: 'Serik Nurpeisov Deputy 7919' }] });
    const doc = readPopolo(text, 'namesakes.json');
    expect(doc.issues).toEqual([]);
    const ids = mapPopolo(doc, META).records.filter((r) => r.record.collection === 'people').map((r) => r.record.record.id);
    expect(new Set(ids).size).toBe(5);
    expect(ids.slice(0, 3)).toEqual(['person:serik-nurpeisov', 'person:serik-nurpeisov-deputy-7919', 'person:serik-nurpeisov-deputy-7920']);
    // Stable: the same file maps to the same ids.
    expect(mapPopolo(readPopolo(text, 'namesakes.json'), META).records.map((r) => r.record.record.id)).toEqual(mapPopolo(doc, META).records.map((r) => r.record.record.id));
  });
});

describe('names', () => {
  it('splits parliament-style names, surname in capitals first', () => {
    expect(splitName('ABDIRAIYM Bakytzhan Zharylkasynuly')).toEqual({ display: 'Bakytzhan Abdiraiym', surname: 'Abdiraiym', given: 'Bakytzhan', patronymic: 'Zharylkasynuly' });
    expect(splitName('Абдиров Нурлан Мажитович')).toEqual({ display: 'Нурлан Абдиров', surname: 'Абдиров', given: 'Нурлан', patronymic: 'Мажитович' });
    expect(splitName('АРОНОВА ИРИНА ПЕТРОВНА').surname).toBe('Аронова');
    expect(displayNameOf('NURPEISOV Serik')).toBe('Serik Nurpeisov');
    expect(displayNameOf('Serik  Nurpeisov')).toBe('Serik Nurpeisov');
  });

  it('variants cover both orders, with and without the patronymic; scripts by majority', () => {
    expect(nameVariants('Абдиров Нурлан Мажитович')).toEqual(['Абдиров Нурлан Мажитович', 'Нурлан Абдиров', 'Абдиров Нурлан', 'Нурлан Мажитович Абдиров']);
    expect(scriptOf('ӘБДІРАЙЫМ Бақытжан')).toBe('Cyrl');
    expect(scriptOf('Abdiraiym Bakytzhan')).toBe('Latn');
    expect(scriptOf('1990')).toBeUndefined();
  });
});
