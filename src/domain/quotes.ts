// Quote verification: the one normalisation under which a citation's quote must occur in its source's text,
// where it occurs (offsets in the stored text, for highlighting), and the closest passage when it does not.
// Pure; used alike by the seed loader, the importer and the API (through the dataset validator).
//
// The normalisation, applied to the text and the quote alike:
//   1. Unicode NFC (a letter and its combining accents compose);
//   2. typographic double quotes “ ” „ ‟ « » ″ become ", single quotes and apostrophes ‘ ’ ‚ ‛ ′ ʼ ` ´ become ';
//   3. dashes and hyphens ‐ ‑ ‒ – — ― − ⁃ become -; the ellipsis … becomes three dots;
//   4. every run of white space (spaces, tabs, line breaks, no-break and thin spaces) becomes one space, and the
//      quote's leading and trailing white space is dropped.
// Nothing else: case, letters, digits and other punctuation must match exactly.

const doubleQuotes = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/;
const singleQuotes = /[\u2018\u2019\u201A\u201B\u2032\u02BC`\u00B4]/;
const dashes = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043]/;
const space = /\s/u;
const combining = /\p{M}/u;

/** A text under the normalisation, with where each of its characters came from in the original. */
export interface NormalisedText {
  text: string;
  /** For each UTF-16 unit of `text`, the offset in the original where its character starts. */
  starts: number[];
  /** For each UTF-16 unit of `text`, the offset in the original just after its character. */
  ends: number[];
}

function replacement(ch: string): string {
  if (doubleQuotes.test(ch)) return '"';
  if (singleQuotes.test(ch)) return "'";
  if (dashes.test(ch)) return '-';
  if (ch === '\u2026') return '...';
  return ch;
}

/** The normalised text and its offset map. Offsets are UTF-16 code units, as JavaScript's `String.slice` counts. */
export function normaliseForQuotes(original: string): NormalisedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (s: string, start: number, end: number) => {
    for (let k = 0; k < s.length; k += 1) {
      starts.push(start);
      ends.push(end);
    }
    text += s;
  };
  let i = 0;
  let inSpace = false;
  while (i < original.length) {
    const cp = original.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    const ch = original.slice(i, j);
    if (space.test(ch)) {
      if (!inSpace) push(' ', i, j);
      else ends[ends.length - 1] = j;
      inSpace = true;
      i = j;
      continue;
    }
    inSpace = false;
    // A base character with its combining marks is normalised as one unit, so NFC can compose it.
    while (j < original.length) {
      const next = original.codePointAt(j)!;
      const nextCh = String.fromCodePoint(next);
      if (!combining.test(nextCh)) break;
      j += nextCh.length;
    }
    const unit = original.slice(i, j).normalize('NFC');
    push([...unit].map(replacement).join(''), i, j);
    i = j;
  }
  return { text, starts, ends };
}

/** The quote under the normalisation, trimmed. */
export function normaliseQuote(quote: string): string {
  return normaliseForQuotes(quote).text.trim();
}

/** Where a quote sits in a text: `text.slice(start, end)` is the passage it matches. */
export interface QuoteLocation {
  start: number;
  end: number;
}

/**
 * The first place the quote occurs in the text under the normalisation, as offsets into the original text;
 * null when it does not occur (or is empty once normalised).
 */
export function locateQuote(text: string | NormalisedText, quote: string): QuoteLocation | null {
  const normalised = typeof text === 'string' ? normaliseForQuotes(text) : text;
  const needle = normaliseQuote(quote);
  if (needle === '') return null;
  const at = normalised.text.indexOf(needle);
  if (at < 0) return null;
  return { start: normalised.starts[at]!, end: normalised.ends[at + needle.length - 1]! };
}

const word = /[\p{L}\p{N}]+/gu;

/**
 * The passage of the text most like the quote (the window of as many words that shares the most words with
 * it), for telling a curator what the source does say; null for an empty text.
 */
export function closestPassage(text: string, quote: string, maxLength = 160): string | null {
  const quoteWords = (normaliseQuote(quote).toLowerCase().match(word) ?? []) as string[];
  const textWords = [...text.matchAll(word)].map((m) => ({ w: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  if (textWords.length === 0) return null;
  const size = Math.max(1, Math.min(quoteWords.length, textWords.length));
  const wanted = new Map<string, number>();
  for (const w of quoteWords) wanted.set(w, (wanted.get(w) ?? 0) + 1);
  const inWindow = new Map<string, number>();
  let score = 0;
  const add = (w: string, d: 1 | -1) => {
    const before = inWindow.get(w) ?? 0;
    const want = wanted.get(w) ?? 0;
    inWindow.set(w, before + d);
    if (d === 1 && before < want) score += 1;
    if (d === -1 && before <= want) score -= 1;
  };
  for (let k = 0; k < size; k += 1) add(textWords[k]!.w, 1);
  let best = { score, first: 0 };
  for (let first = 1; first + size <= textWords.length; first += 1) {
    add(textWords[first - 1]!.w, -1);
    add(textWords[first + size - 1]!.w, 1);
    if (score > best.score) best = { score, first };
  }
  const start = textWords[best.first]!.start;
  const end = textWords[best.first + size - 1]!.end;
  const passage = text.slice(start, end).replace(/\s+/g, ' ');
  return passage.length <= maxLength ? passage : `${passage.slice(0, maxLength)}...`;
}
