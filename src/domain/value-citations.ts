// Which citations state a value: the rule behind per-value citations. A number is stated by a passage that
// contains it, in digits (`76`, `54.19`, `54,19`) or in words (`seven`, `twenty-two`), followed by its unit
// where the value has one (percentages: `%`, `percent`, `per cent`). The dataset validator refuses a number
// none of its citations states (unless listed, with a reason, in the exceptions); the API gives a plain value
// exactly the citations of its record that state it. Values that are no numbers (dates, texts, entities) are
// stated by their record's citations, or by citations of their own written with them.
import { normaliseQuote } from './quotes.js';

/** Fields whose value is a percentage, by name (on elections and party results). */
export const percentFields: ReadonlySet<string> = new Set(['turnout', 'voteShare', 'placeTurnout']);
/** Fields whose value is a place in an order (a candidate's rank): `second`, `2nd`. */
export const ordinalFields: ReadonlySet<string> = new Set(['rank']);

/** What a number counts, which decides how a passage may write it. */
export type NumberUnit = 'count' | 'percent' | 'ordinal';

export function unitOf(field: string): NumberUnit {
  return percentFields.has(field) ? 'percent' : ordinalFields.has(field) ? 'ordinal' : 'count';
}

const ordinals = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

/** `2nd`, `second` (and `runner-up` for 2, `winner` is no rank the texts use). */
function ordinalForms(n: number): string[] {
  if (!Number.isInteger(n) || n < 1) return [];
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return [`${n}${suffix}`, ...(ordinals[n] ? [ordinals[n]] : []), ...(n === 2 ? ['runner-up'] : [])];
}

const units = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** English words for a whole number below 1000 (`twenty-two`, `one hundred and five`); [] beyond. */
export function numberWords(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return [];
  const dozens = n === 12 ? ['a dozen', 'dozen'] : n === 24 ? ['two dozen'] : [];
  if (n < 20) return [units[n]!, ...dozens];
  if (n < 100) {
    const t = tens[Math.floor(n / 10)]!;
    const u = n % 10;
    return u === 0 ? [t] : [`${t}-${units[u]!}`, `${t} ${units[u]!}`, ...dozens];
  }
  const h = `${units[Math.floor(n / 100)]!} hundred`;
  const rest = n % 100;
  if (rest === 0) return [h];
  return numberWords(rest).flatMap((w) => [`${h} and ${w}`, `${h} ${w}`]);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The ways a number may be written in digits: `54.19`, `54,19`; `1,000` and `1 000` for thousands. */
function digitForms(value: number): string[] {
  const plain = String(value);
  const forms = new Set([plain, plain.replace('.', ',')]);
  if (Number.isInteger(value) && Math.abs(value) >= 1000) {
    const grouped = Math.abs(value).toLocaleString('en-US');
    forms.add(grouped);
    forms.add(grouped.replace(/,/g, ' '));
  }
  return [...forms];
}

const percentUnit = '\\s?(?:%|percent\\b|per cent\\b|percentage points?\\b)';

/** Whether `quote` states the number `value` (with its unit when a percentage, as an ordinal when a rank). */
export function statesNumber(quote: string, value: number, kind: NumberUnit = 'count'): boolean {
  const text = normaliseQuote(quote).toLowerCase();
  if (kind === 'ordinal') return ordinalForms(value).some((w) => new RegExp(`\\b${escape(w)}\\b`, 'u').test(text));
  const unit = kind === 'percent' ? percentUnit : '';
  const digits = digitForms(value).map((f) => `(?<![\\d.,])${escape(f)}(?![\\d]|[.,]\\d)${unit}`);
  const words = numberWords(value).map((w) => `\\b${escape(w)}\\b${unit}`);
  return [...digits, ...words].some((pattern) => new RegExp(pattern, 'u').test(text));
}

/**
 * Whether a citation with `quote` states `value` of `field`: always for values that are no numbers, and for a
 * citation by locator (into a structured source) without a quote.
 */
export function statesValue(field: string, value: unknown, quote: string | null): boolean {
  if (typeof value !== 'number') return true;
  // A locator points into a structured source at the value itself; there is no prose to read it in.
  if (quote === null) return true;
  return statesNumber(quote, value, unitOf(field));
}
