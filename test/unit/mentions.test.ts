// The mention finder: names found in any script and spelling search folds alike, at offsets into the text as
// written, leftmost-longest, once per entity sharing a name; capitalised names that match nothing as candidates.
import { describe, expect, it } from 'vitest';
import { findMentions, mentionNameKeys, type KnownName } from '../../src/search/mentions.js';

const names: KnownName[] = [
  { entityId: 'person:kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev' },
  { entityId: 'person:kassym-jomart-tokayev', name: 'Tokayev' },
  { entityId: 'person:kassym-jomart-tokayev', name: 'Тоқаев' },
  { entityId: 'party:amanat', name: 'Amanat' },
  { entityId: 'party:amanat', name: 'Nur Otan' },
  { entityId: 'party:nur', name: 'Nur' },
  { entityId: 'person:a-one', name: 'Ali Bek' },
  { entityId: 'person:a-two', name: 'Ali Bek' },
  { entityId: 'organization:ak', name: 'Ak' },
];

const found = (text: string) => findMentions(text, names).entities.map((m) => [m.text, m.entityId, text.slice(m.start, m.end)]);

describe('findMentions', () => {
  it('finds a name in other spellings and scripts, at offsets into the text as written', () => {
    const text = 'President Toqaev met voters. Later Тоқаев spoke, and Kassym-Jomart Tokayev left.';
    const m = findMentions(text, names).entities;
    expect(m.map((x) => [x.start, x.end, x.text, x.entityId])).toEqual([
      [10, 16, 'Toqaev', 'person:kassym-jomart-tokayev'],
      [35, 41, 'Тоқаев', 'person:kassym-jomart-tokayev'],
      [53, 74, 'Kassym-Jomart Tokayev', 'person:kassym-jomart-tokayev'],
    ]);
    for (const x of m) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('prefers the longest name, joins hyphenated and glued spellings, and cuts a possessive', () => {
    expect(found('The Nur-Otan party, then Nurotan.')).toEqual([
      ['Nur-Otan', 'party:amanat', 'Nur-Otan'],
      ['Nurotan', 'party:amanat', 'Nurotan'],
    ]);
    expect(found("Tokayev's candidacy")).toEqual([['Tokayev', 'person:kassym-jomart-tokayev', 'Tokayev']]);
    expect(found('Amanat’s list')).toEqual([['Amanat', 'party:amanat', 'Amanat']]);
  });

  it('does not join words across punctuation, matches no lower-case word to a capitalised name, skips two-letter names', () => {
    expect(found('Nur. Otan')).toEqual([['Nur', 'party:nur', 'Nur']]);
    expect(found('an amanat of trust, Ak Zhol')).toEqual([]);
  });

  it('lists a name of several entities once for each', () => {
    expect(found('Ali Bek said')).toEqual([
      ['Ali Bek', 'person:a-one', 'Ali Bek'],
      ['Ali Bek', 'person:a-two', 'Ali Bek'],
    ]);
  });

  it('offers capitalised names that match nothing, not a lone word opening a sentence, not known names', () => {
    const text = 'The Central Election Commission of Kazakhstan registered Zhanbolat Mamai. Yesterday Amanat met Aigerim Tleuzhan in Almaty.';
    const { candidates, entities } = findMentions(text, names);
    expect(entities.map((e) => e.text)).toEqual(['Amanat']);
    expect(candidates.map((c) => c.text)).toEqual(['Central Election Commission of Kazakhstan', 'Zhanbolat Mamai', 'Aigerim Tleuzhan', 'Almaty']);
    for (const c of candidates) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('finds nothing in an empty text', () => {
    expect(findMentions('', names)).toEqual({ entities: [], candidates: [] });
  });
});

describe('mentionNameKeys', () => {
  it('gives the folded words and neighbouring words glued, as the index keys names', () => {
    const keys = mentionNameKeys('Nur Otan and Тоқаев');
    expect(keys).toEqual(expect.arrayContaining(['nur', 'otan', 'nurotan', 'toka']));
    expect(mentionNameKeys('Nur. Otan')).not.toContain('nurotan');
  });
});
