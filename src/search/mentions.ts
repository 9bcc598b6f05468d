// Which entities a document names: the text's words folded as search folds names (fold.ts), so Tokayev, Toqaev
// and Тоқаев all meet the same entity, matched leftmost-longest against every known name; and the capitalised
// names that match nothing, as candidates for new entities. Pure: the caller brings the names (only those
// sharing a folded word with the text, see mentionNameKeys).
import { foldName } from './fold.js';

/** A name or alias of an entity, as stored. */
export interface KnownName {
  entityId: string;
  name: string;
}

export interface EntityMentionRecord {
  start: number;
  end: number;
  text: string;
  matchedName: string;
  entityId: string;
}

export interface NameCandidateRecord {
  start: number;
  end: number;
  text: string;
}

export interface MentionsRecord {
  entities: EntityMentionRecord[];
  candidates: NameCandidateRecord[];
}

/** One word of the text: its offsets and its folded spelling (a word may fold to several tokens: `Nur-Otan`). */
interface Word {
  start: number;
  end: number;
  folded: string[];
  capitalised: boolean;
}

/** The longest name, in words, that is looked for (names of more words are still found by their glued form). */
const MAX_NAME_WORDS = 8;
/** Folded names shorter than this (`ak`, initials) would match everywhere. */
const MIN_FOLDED_LENGTH = 3;

// Letters with their combining marks and digits; an apostrophe inside a word keeps it one word (O'Brien,
// the 2017 Kazakh Latin alphabet's a'), a trailing possessive 's is cut off below.
const wordPattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const possessive = /['’ʼ][sS]$/;
/** What may stand between two words of one name: white space and hyphens or dashes, nothing else. */
const nameGap = /^[\s\u00AD\-‐‑‒–—]*$/u;
const upper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(wordPattern)) {
    let raw = m[0];
    if (possessive.test(raw)) raw = raw.slice(0, -2);
    const folded = foldName(raw).split(' ').filter((t) => t !== '');
    if (folded.length === 0) continue;
    words.push({ start: m.index, end: m.index + raw.length, folded, capitalised: upper([...raw][0]!) });
  }
  return words;
}

/**
 * The name keys (fold.ts `nameKeys`) a name found in the text must have one of: the text's folded words, and
 * two or three neighbouring words glued (`Nur Otan` in the text finds the entity named `Nurotan`).
 */
export function mentionNameKeys(text: string): string[] {
  const words = wordsOf(text);
  const keys = new Set<string>();
  words.forEach((w, i) => {
    for (const t of w.folded) keys.add(t);
    let key = w.folded.join('');
    keys.add(key);
    for (let j = i + 1; j < Math.min(words.length, i + 3); j += 1) {
      if (!nameGap.test(text.slice(words[j - 1]!.end, words[j]!.start))) break;
      key += words[j]!.folded.join('');
      keys.add(key);
    }
  });
  return [...keys].filter((t) => t.length >= 2);
}

/** A name's key: its folded tokens glued together, so `Nur Otan`, `Nur-Otan` and `Nurotan` are one. */
function glued(name: string): string {
  return foldName(name).replace(/ /g, '');
}

/** Words that start a run of capitalised words but are not part of a name (`The Central Election Commission`). */
const leadingNonNames = new Set(
  'a an the in on at of for by from to with and but or as if this that these those he she it they we his her its their mr mrs ms dr'.split(' '),
);
/** Lower-case words that may join capitalised ones inside one name (`Ministry of Justice`). */
const joiners = new Set(['of', 'for', 'and', 'the', 'de', 'on']);

function sentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at).replace(/[\s"'«“‘([]+$/u, '');
  return before === '' || /[.!?:\n]$/.test(before) || /\n\s*$/.test(text.slice(Math.max(0, at - 12), at));
}

/**
 * Every occurrence of a known name in the text (leftmost-longest: `Nur Otan` before `Nur`; a name of several
 * entities once for each), and the capitalised names left over. A match starts on a capitalised word unless
 * the name itself is written in lower case.
 */
export function findMentions(text: string, names: readonly KnownName[]): MentionsRecord {
  const byKey = new Map<string, KnownName[]>();
  for (const n of names) {
    const key = glued(n.name);
    if (key.length < MIN_FOLDED_LENGTH || !/[a-z]/.test(key)) continue;
    const list = byKey.get(key) ?? [];
    if (!list.some((x) => x.entityId === n.entityId)) list.push(n);
    byKey.set(key, list);
  }
  const words = wordsOf(text);
  const entities: EntityMentionRecord[] = [];
  const covered: boolean[] = words.map(() => false);
  for (let i = 0; i < words.length; i += 1) {
    let best: { last: number; found: KnownName[] } | null = null;
    let key = '';
    for (let j = i; j < Math.min(words.length, i + MAX_NAME_WORDS); j += 1) {
      if (j > i && !nameGap.test(text.slice(words[j - 1]!.end, words[j]!.start))) break;
      key += words[j]!.folded.join('');
      const found = byKey.get(key)?.filter((n) => words[i]!.capitalised || !/\p{Lu}/u.test(n.name));
      if (found && found.length > 0) best = { last: j, found };
    }
    if (!best) continue;
    const start = words[i]!.start;
    const end = words[best.last]!.end;
    for (const n of best.found) entities.push({ start, end, text: text.slice(start, end), matchedName: n.name, entityId: n.entityId });
    for (let k = i; k <= best.last; k += 1) covered[k] = true;
    i = best.last;
  }
  return { entities, candidates: candidatesIn(text, words, covered) };
}

function candidatesIn(text: string, words: readonly Word[], covered: readonly boolean[]): NameCandidateRecord[] {
  const out: NameCandidateRecord[] = [];
  let i = 0;
  while (i < words.length) {
    if (covered[i] || !words[i]!.capitalised) {
      i += 1;
      continue;
    }
    // A run of capitalised words (with `of`, `and`... between two of them), stopping at a known name.
    let last = i;
    let j = i + 1;
    while (j < words.length && !covered[j] && nameGap.test(text.slice(words[j - 1]!.end, words[j]!.start))) {
      const w = words[j]!;
      if (w.capitalised) last = j;
      else if (!joiners.has(text.slice(w.start, w.end).toLowerCase())) break;
      j += 1;
    }
    let first = i;
    while (first <= last && leadingNonNames.has(text.slice(words[first]!.start, words[first]!.end).toLowerCase())) first += 1;
    const startsSentence = first === i && sentenceStart(text, words[i]!.start);
    const single = first === last;
    const raw = first <= last ? text.slice(words[first]!.start, words[last]!.end) : '';
    const letters = raw.replace(/[^\p{L}]/gu, '').length;
    if (first <= last && letters >= 3 && !(single && startsSentence)) out.push({ start: words[first]!.start, end: words[last]!.end, text: raw });
    i = last + 1;
  }
  return out;
}
