// Duplicate scoring compares names as names, part by part for people, and identifiers only as identifiers
// (issue 25): a daughter is not her father's spelling variant, two parliament ids are two deputies.
import { describe, expect, it } from 'vitest';
import { rankDuplicates, type ResolutionInput } from '../../src/curation/duplicates.js';
import { nameReadings } from '../../src/search/name-parts.js';

const person = (id: string, names: string[], identifiers: string[] = []): ResolutionInput => ({ id, kind: 'PERSON', names, identifiers, neighbours: [] });
const pairsOf = (entities: ResolutionInput[]) => rankDuplicates(entities, 100).map((c) => `${c.entityId} ${c.duplicateId}`);

describe('name parts', () => {
  it('reads given name, patronymic, surname and gender in the orders the sources write', () => {
    expect(nameReadings('Nursultan Nazarbayev')).toEqual([{ given: ['nursultan'], patronymic: null, surname: 'nazarba', gender: 'MALE' }]);
    const dariga = { given: ['dariga'], patronymic: 'nursultan', surname: 'nazarba', gender: 'FEMALE' };
    expect(nameReadings('NAZARBAYEVA Dariga Nursultanovna')).toEqual([dariga]);
    expect(nameReadings('Дарига Нурсултановна Назарбаева')).toEqual([dariga]);
    expect(nameReadings('Назарбаева Дарига Нурсултановна')).toEqual([dariga]);
    expect(nameReadings('ӘБДІРАЙЫМ Бақытжан Жарылқасынұлы')).toEqual([{ given: ['bakitjan'], patronymic: 'jarilkasin', surname: 'abdiraim', gender: 'MALE' }]);
    expect(nameReadings('ASANGAZY Orazkul Asangazyқyzy')[0]).toMatchObject({ given: ['orazkul'], gender: 'FEMALE' });
    expect(nameReadings('BALIEVA ZagipaYahyanovna')[0]).toMatchObject({ given: ['zagipa'], patronymic: 'iahian', gender: 'FEMALE' });
    expect(nameReadings('Tokayev')).toEqual([{ given: [], patronymic: null, surname: 'toka', gender: 'MALE' }]);
    // Two words with no mark of their order: read both ways.
    expect(nameReadings('Omir Shynybekuli').map((r) => r.surname)).toEqual(['shinibekuli', 'omir']);
  });
});

describe('duplicate scoring', () => {
  it('does not take a patronymic for a given name, nor a woman for a man of her surname (Dariga Nazarbayeva)', () => {
    const nursultan = person('person:nursultan-nazarbayev', ['Nursultan Nazarbayev', 'Nazarbayev', 'Назарбаев', 'Нұрсұлтан Назарбаев']);
    const dariga = person('person:dariga-nazarbayeva', ['Dariga Nazarbayeva', 'NAZARBAYEVA Dariga Nursultanovna']);
    expect(pairsOf([nursultan, dariga])).toEqual([]);
    // Even with no ending that tells her gender, her given name is not his.
    expect(pairsOf([nursultan, person('person:d', ['Дарига Нұрсұлтанқызы Назарбай'])])).toEqual([]);
    // His own spellings still meet.
    expect(pairsOf([nursultan, person('person:n2', ['Нурсултан Абишевич Назарбаев'])])).toEqual(['person:n2 person:nursultan-nazarbayev']);
  });

  it('compares identifiers as identifiers: never as names, never fuzzily', () => {
    // Parliament ids 1525 and 1585 are two deputies: nothing alike in their names, nothing to propose.
    expect(pairsOf([person('person:a', ['Izbak Umurzakov'], ['parlam.kz:1525']), person('person:b', ['Kuanysh Sultanov'], ['parlam.kz:1585'])])).toEqual([]);
    // One name, two entries of one registry: two people.
    expect(pairsOf([person('person:a', ['Serik Ospanov'], ['parlam.kz:146']), person('person:b', ['Serik Ospanov'], ['parlam.kz:2890'])])).toEqual([]);
    // A file's own record ids (popolo) are no registry: they part nobody.
    expect(pairsOf([person('person:a', ['Serik Ospanov'], ['popolo:x']), person('person:b', ['Serik Ospanov'], ['popolo:y'])])).toEqual(['person:a person:b']);
    // One registry entry: the same person whatever the names say, and the pair says which identifier.
    const shared = rankDuplicates([person('person:a', ['Serik Ospanov'], ['wikidata:Q1']), person('person:b', ['С. Оспанов'], ['wikidata:Q1'])], 10);
    expect(shared).toMatchObject([{ entityId: 'person:a', duplicateId: 'person:b', sharedIdentifiers: ['wikidata:Q1'] }]);
    expect(shared[0]!.score).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps other given names and other fathers apart, but not initials or transliterations', () => {
    expect(pairsOf([person('person:a', ['OSPANOV Berik']), person('person:b', ['OSPANOV Serik Zhamekuly'])])).toEqual([]);
    expect(pairsOf([person('person:a', ['Serik Ospanov', 'Серик Бекович Оспанов']), person('person:b', ['Серик Жамекович Оспанов'])])).toEqual([]);
    expect(pairsOf([person('person:a', ['Ignacio E. Hutin']), person('person:b', ['Ignacio Hutin'])])).toEqual(['person:a person:b']);
    expect(pairsOf([person('person:a', ['SCHEGELSKIY Gleb Anatolyevich']), person('person:b', ['Щегельский Глеб Анатольевич'])])).toEqual(['person:a person:b']);
  });

  it('does not propose a dismissed pair', () => {
    const entities = [person('person:a', ['Kassym-Jomart Tokayev']), person('person:b', ['Касым-Жомарт Токаев'])];
    expect(pairsOf(entities)).toEqual(['person:a person:b']);
    expect(rankDuplicates(entities, 10, new Set(['person:a\nperson:b']))).toEqual([]);
  });

  it('scores other kinds by whole names, identifiers apart', () => {
    const party = (id: string, names: string[], identifiers: string[] = []): ResolutionInput => ({ id, kind: 'PARTY', names, identifiers, neighbours: [] });
    expect(pairsOf([party('party:a', ['Nur Otan']), party('party:b', ['Нұр Отан'])])).toEqual(['party:a party:b']);
    expect(pairsOf([party('party:a', ['Party 1423']), party('party:b', ['Party 1429'])])).toEqual([]);
  });
});
