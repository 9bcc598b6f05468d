// Which kind of alias each of a Popolo file's other names becomes (src/popolo/name-kinds.ts), on the names
// EveryPolitician's Mazhilis file gives Nur Otan, and how search weighs a match on each kind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyName } from '../../src/popolo/name-kinds.js';
import { aliasWeight } from '../../src/resolvers/search.js';

const file = JSON.parse(readFileSync(new URL('../../data/everypolitician-kz/ep-popolo-v1.0.json', import.meta.url), 'utf8')) as {
  organizations: { name: string; identifiers?: { scheme: string; identifier: string }[]; other_names?: { name: string; lang?: string }[] }[];
};
const nurOtan = file.organizations.find((o) => o.name === 'Nur Otan')!;
const kindOf = (name: string) => {
  const other = nurOtan.other_names!.find((n) => n.name === name)!;
  return classifyName(nurOtan.name, other, ['Q1195092']);
};

describe('kinds of other names', () => {
  it('classifies the reviewed names of Nur Otan: an insult, a misspelling, the predecessor Otan', () => {
    expect(kindOf('Ұрылармен қарақшылармен партиясы')).toEqual({ kind: 'PEJORATIVE' });
    expect(kindOf('Нур Отар')).toEqual({ kind: 'MISSPELLING' });
    for (const name of ['Отан', 'Партия Отан', 'Республиканская политическая партия']) expect(kindOf(name)).toMatchObject({ predecessor: 'Otan' });
  });

  it('classifies the others by rule: spellings, transliterations, own-language names, translations', () => {
    expect(kindOf('Nur-Otan')).toEqual({ kind: 'SPELLING' });
    expect(kindOf('Нур Отан')).toEqual({ kind: 'TRANSLITERATION' });
    expect(kindOf('Народно-демократическая партия «Нур Отан»')).toEqual({ kind: 'OFFICIAL' });
    expect(kindOf('Národně-demokratická strana «Nur Otan»')).toEqual({ kind: 'TRANSLATION' });
    // Without the organisation's Wikidata id nothing is reviewed: the insult is just a Kazakh name.
    expect(classifyName('Nur Otan', { name: 'Ұрылармен қарақшылармен партиясы', lang: 'kk' })).toEqual({ kind: 'OFFICIAL' });
    expect(classifyName('Amanat', { name: 'Nur Otan', note: 'former name', end_date: '2022' })).toEqual({ kind: 'FORMER' });
    expect(classifyName('Amanat', { name: 'NDP', lang: 'en' })).toEqual({ kind: 'ABBREVIATION' });
  });

  it('ranks official and former names above other renderings, and those above insults and misspellings', () => {
    expect(aliasWeight(null)).toBe(1);
    expect(aliasWeight('OFFICIAL')).toBe(1);
    expect(aliasWeight('FORMER')).toBe(1);
    expect(aliasWeight('TRANSLITERATION')).toBeLessThan(1);
    expect(aliasWeight('PEJORATIVE')).toBeLessThan(aliasWeight('TRANSLATION'));
    expect(aliasWeight('MISSPELLING')).toBeLessThan(aliasWeight('SPELLING'));
  });
});
