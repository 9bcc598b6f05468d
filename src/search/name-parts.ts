// A person's name in parts (given names, patronymic, surname) with the gender its Russian and Kazakh endings
// tell, in folded spelling, for entity resolution: two names are compared part by part, so a patronymic
// (Nursultanovna) is never taken for a given name (Nursultan) and Nazarbayeva is not a spelling of Nazarbayev.
import { foldSpelling } from './fold.js';

export type NameGender = 'FEMALE' | 'MALE';

export interface NameParts {
  /** Folded given names, in order (`kasimjomart`; an initial is one letter). */
  given: string[];
  /** Folded patronymic stem (`nursultan` for Nursultanovna / Нұрсұлтанқызы), or null. */
  patronymic: string | null;
  /** Folded surname stem without its gendered ending (`nazarba` for Nazarbayev and Nazarbayeva), or null. */
  surname: string | null;
  /** What the surname's or the patronymic's ending says, or null (Kazakh forms without -ov/-ova, foreign names). */
  gender: NameGender | null;
}

/**
 * Patronymic endings in folded spelling (y→i, q→k, ұлы/uly → uli, қызы/kyzy → kizi), each with the gender it
 * marks; longest first. Russian -ich alone (Ilyich) is left out: it is as often a surname (Babich).
 */
const PATRONYMIC_ENDINGS: readonly (readonly [string, NameGender])[] = [
  ['ovich', 'MALE'], ['evich', 'MALE'], ['ovna', 'FEMALE'], ['evna', 'FEMALE'], ['ichna', 'FEMALE'],
  ['kizi', 'FEMALE'], ['uli', 'MALE'],
];

/**
 * Gendered surname endings, folded, longest first, each with the male stem it reduces to: -ova/-ov, -eva/-ev,
 * -ina/-in, -skaia/-ski (-skaya/-skiy: doubled i collapses). -in stays on the stem (Kazakh names end in -in
 * natively: Karin); -ov and -ev go (Tleuzhanova = Tleuzhan, as Kazakh usage drops them).
 */
const SURNAME_ENDINGS: readonly (readonly [string, NameGender, string])[] = [
  ['skaia', 'FEMALE', 'ski'], ['ova', 'FEMALE', ''], ['eva', 'FEMALE', ''], ['ina', 'FEMALE', 'in'],
  ['ski', 'MALE', 'ski'], ['ov', 'MALE', ''], ['ev', 'MALE', ''], ['in', 'MALE', 'in'],
];
const MIN_STEM = 3;

/**
 * A word of a name folded as search folds it, plus three spellings of Russian letters that only names meet:
 * ё written yo or e (Fyodorovna = Федоровна), х written x for кс (Oxikbayev = Оксикбаев), щ written sch
 * (Schegelskiy = Щегельский).
 */
function foldNamePart(word: string): string {
  return foldSpelling(word).replace(/ /g, '').replace(/sch/g, 'sh').replace(/x/g, 'ks').replace(/io/g, 'e');
}

function patronymicOf(token: string): { stem: string; gender: NameGender } | null {
  for (const [ending, gender] of PATRONYMIC_ENDINGS) {
    if (token.endsWith(ending) && token.length - ending.length >= MIN_STEM) {
      // Nursultanovna → nursultan; Zharylkasynuly → jarilkasin.
      return { stem: token.slice(0, -ending.length), gender };
    }
  }
  return null;
}

function surnameOf(token: string): { stem: string; gender: NameGender | null } {
  for (const [ending, gender, keep] of SURNAME_ENDINGS) {
    if (token.endsWith(ending) && token.length - ending.length >= MIN_STEM) {
      // -in/-ina: male "in" is also a plain Kazakh ending, so it says nothing of gender; -ina still says female.
      return { stem: token.slice(0, -ending.length) + keep, gender: ending === 'in' ? null : gender };
    }
  }
  return { stem: token, gender: null };
}

/** Whether a raw token is written in capitals (the surname in the parliament's `SURNAME Given Patronymic`). */
function isCapitals(token: string): boolean {
  return (token.match(/\p{L}/gu) ?? []).length > 1 && token === token.toUpperCase() && token !== token.toLowerCase();
}

/** Whether a folded token looks like a Russian-style surname (so it may stand first in a two-word name). */
function looksLikeSurname(token: string): boolean {
  return SURNAME_ENDINGS.some(([ending]) => ending !== 'in' && token.endsWith(ending) && token.length - ending.length >= MIN_STEM);
}

function parts(given: string[], patronymic: string | null, surname: string | null): NameParts {
  const p = patronymic === null ? null : patronymicOf(patronymic);
  const s = surname === null ? null : surnameOf(surname);
  return { given: given.filter((g) => g !== ''), patronymic: p?.stem ?? null, surname: s?.stem ?? null, gender: s?.gender ?? p?.gender ?? null };
}

/**
 * The readings of one written name. Orders recognised: `Given Surname`, `Given Patronymic Surname`,
 * `Surname Given Patronymic` (Russian lists), `SURNAME Given [Patronymic]` (capitals mark the surname, as the
 * parliament writes). A single word is read as a surname (aliases such as "Tokayev"). A two-word name with no
 * mark of its order is read both ways.
 */
export function nameReadings(name: string): NameParts[] {
  // A capital inside a word starts the next one: the file's "ZagipaYahyanovna" is a given name and a patronymic.
  const raw = name.normalize('NFKC').trim().split(/\s+|(?<=\p{Ll})(?=\p{Lu})/u).filter((t) => /[\p{L}\p{N}]/u.test(t));
  const tokens = raw.map(foldNamePart);
  const n = tokens.length;
  if (n === 0 || tokens.every((t) => t === '')) return [];
  if (n === 1) return [parts([], null, tokens[0]!)];
  const capitals = raw.map(isCapitals);
  const capitalRun = capitals[0] && !capitals.every(Boolean) ? capitals.findIndex((c) => !c) : 0;
  if (capitalRun > 0) {
    const surname = tokens.slice(0, capitalRun).join('');
    const rest = tokens.slice(capitalRun);
    const last = rest[rest.length - 1]!;
    const hasPatronymic = rest.length >= 2 && patronymicOf(last) !== null;
    return [parts(hasPatronymic ? rest.slice(0, -1) : rest, hasPatronymic ? last : null, surname)];
  }
  if (n === 2) {
    const [a, b] = tokens as [string, string];
    if (looksLikeSurname(a) && !looksLikeSurname(b)) return [parts([b], null, a)];
    if (looksLikeSurname(b) && !looksLikeSurname(a)) return [parts([a], null, b)];
    return [parts([a], null, b), parts([b], null, a)];
  }
  const middle = tokens.slice(1, -1).findIndex((t) => patronymicOf(t) !== null);
  if (middle >= 0) {
    // Given [Given...] Patronymic Surname...
    const at = middle + 1;
    return [parts(tokens.slice(0, at), tokens[at]!, tokens.slice(at + 1).join(''))];
  }
  if (patronymicOf(tokens[n - 1]!) !== null) return [parts(tokens.slice(1, -1), tokens[n - 1]!, tokens[0]!)];
  if (looksLikeSurname(tokens[0]!) && !looksLikeSurname(tokens[n - 1]!)) return [parts(tokens.slice(1), null, tokens[0]!)];
  return [parts(tokens.slice(0, -1), null, tokens[n - 1]!)];
}
