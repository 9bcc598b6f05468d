// Romanisation of Cyrillic names (src/search/transliterate.ts) in the three schemes users meet, and the property
// search relies on: every romanisation folds (src/search/fold.ts) to the Cyrillic original's skeleton.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldName, matchScore } from '../../src/search/fold.js';
import { transliterate, transliterationSchemes } from '../../src/search/transliterate.js';

describe('transliterate', () => {
  it('official Kazakh Latin (2021): ä ğ q ñ ö ū ü ş ç, і is ı, и and й are i, ж is j', () => {
    expect(transliterate('Бақытжан Әбдірайым', 'kazakh-latin-2021')).toBe('Baqytjan Äbdıraiym');
    expect(transliterate('Қасым-Жомарт Тоқаев', 'kazakh-latin-2021')).toBe('Qasym-Jomart Toqaev');
    expect(transliterate('Кеңес Ғарапұлы', 'kazakh-latin-2021')).toBe('Keñes Ğarapūly');
    expect(transliterate('Шайхыслам Өскемен Үміт Чаган', 'kazakh-latin-2021')).toBe('Şaihyslam Öskemen Ümıt Çagan');
    expect(transliterate('Юрий Щегельский', 'kazakh-latin-2021')).toBe('Iurii Şşegelskii');
  });

  it('BGN/PCGN: kh, zh, ts, ch, sh, shch, y for й and ы, ye at the start of a word and after a vowel', () => {
    expect(transliterate('Ерлан Тоқаев', 'bgn-pcgn')).toBe('Yerlan Toqayev');
    expect(transliterate('Юрий Тимощенко', 'bgn-pcgn')).toBe('Yuriy Timoshchenko');
    expect(transliterate('Жанна Хасенова', 'bgn-pcgn')).toBe('Zhanna Khasenova');
    expect(transliterate('Ахмедьяров Ғалым', 'bgn-pcgn')).toBe("Akhmed'yarov Ghalym");
    expect(transliterate('Кеңес', 'bgn-pcgn')).toBe('Kenges');
  });

  it('passport style: Kazakh letters lose their marks, й is i, ю/я are iu/ia, х is kh', () => {
    expect(transliterate('Бақытжан Әбдірайым', 'passport')).toBe('Bakytzhan Abdiraiym');
    expect(transliterate('Кеңес Ғарапұлы', 'passport')).toBe('Kenes Garapuly');
    expect(transliterate('Юлия Хасенова', 'passport')).toBe('Iuliia Khasenova');
  });

  it('keeps the case of each word (a surname in capitals stays in capitals) and leaves other characters alone', () => {
    expect(transliterate('ӘБДІРАЙЫМ Бақытжан', 'passport')).toBe('ABDIRAIYM Bakytzhan');
    expect(transliterate('ЖАҚСЫБЕКОВ', 'kazakh-latin-2021')).toBe('JAQSYBEKOV');
    expect(transliterate('Nur Otan (2006)', 'bgn-pcgn')).toBe('Nur Otan (2006)');
  });
});

describe('every romanisation meets the Cyrillic name in folding', () => {
  const names = ['ӘБДІРАЙЫМ Бақытжан Жарылқасынұлы', 'Тоқаев Қасым-Жомарт Кемелұлы', 'Щегельский Глеб Анатольевич', 'АБСАТИРОВ Кеңес Ғарапұлы', 'Тимощенко Юрий Евгениевич', 'Ахмедьяров Ерлан Жанатович'];
  for (const name of names) {
    it(`${name}`, () => {
      const cyrillic = foldName(name);
      for (const scheme of transliterationSchemes) {
        const latin = transliterate(name, scheme);
        expect(foldName(latin), `${scheme}: ${latin}`).toBe(cyrillic);
        // Given name first, without the patronymic: every word still scores as itself.
        const [surname, given] = latin.split(' ');
        expect(matchScore(`${given} ${surname}`, name), `${scheme}: ${given} ${surname}`).toBeGreaterThanOrEqual(0.9);
      }
    });
  }

  it("every Kazakh and Russian name of EveryPolitician's 107 deputies, in each scheme", () => {
    const file = new URL('../../data/everypolitician-kz/ep-popolo-v1.0.json', import.meta.url).pathname;
    const persons = (JSON.parse(readFileSync(file, 'utf8')) as { persons: { other_names?: { lang?: string; name: string }[] }[] }).persons;
    const names = persons.flatMap((p) => (p.other_names ?? []).filter((n) => n.lang === 'kk' || n.lang === 'ru').map((n) => n.name));
    expect(new Set(persons.filter((p) => p.other_names?.some((n) => n.lang === 'kk' || n.lang === 'ru'))).size).toBe(107);
    const misses = names.flatMap((name) => transliterationSchemes.map((scheme) => [scheme, name, transliterate(name, scheme)] as const).filter(([, , latin]) => foldName(latin) !== foldName(name)));
    expect(names.length * transliterationSchemes.length).toBe(642);
    expect(misses).toEqual([]);
  });

  it('distinct people stay distinct: folding is not so coarse that different surnames meet', () => {
    expect(foldName(transliterate('Абдиров', 'passport'))).not.toBe(foldName('Абдыкаров'));
    const query = transliterate('Мамай Жанболат', 'bgn-pcgn');
    expect(matchScore(query, 'Мамай Жанболат')).toBe(1);
    expect(matchScore(query, 'Мамыт Жанболат')).toBeLessThan(0.95);
  });
});
