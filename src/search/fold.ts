// Name folding for search: Latin/Cyrillic/Kazakh spellings → comparable phonetic keys, similarity scoring and safe Lucene queries.
import anyAscii from 'any-ascii';

/**
 * Explicit pre-mappings applied before any-ascii. any-ascii already maps most
 * Kazakh Cyrillic letters sensibly (қ→q, ғ→gh, ...), but pinning them here keeps
 * keys stable across any-ascii releases and maps straight to the folded form.
 * The Latin entries cover the 2017–2021 official Kazakh alphabets and Turkic
 * spellings whose any-ascii output would lose a distinction (ş→s, ñ→n, ý→y).
 */
const PRE_MAP: Readonly<Record<string, string>> = {
  // Kazakh Cyrillic
  қ: 'k', ғ: 'g', ұ: 'u', ү: 'u', ә: 'a', і: 'i', ң: 'ng', ө: 'o', һ: 'h',
  // Soft/hard signs carry no sound of their own: Ахмедьяров must equal Akhmedyarov,
  // so they vanish rather than becoming an apostrophe (which would split the token).
  ь: '', ъ: '',
  // Kazakh Latin alphabets (2018 acute variant, 2021 variant) and Turkic letters
  ş: 'sh', ç: 'ch', ž: 'zh', ñ: 'ng', ń: 'ng', ğ: 'g', ǵ: 'g', ı: 'i', ý: 'u',
};
const PRE_MAP_RE = new RegExp(`[${Object.keys(PRE_MAP).join('')}]`, 'gu');

/** NFKC, lower-case, transliterate to ASCII, punctuation/hyphens → space, collapse spaces. */
export function normalize(s: string): string {
  const lowered = s.normalize('NFKC').toLowerCase().replace(PRE_MAP_RE, (c) => PRE_MAP[c] ?? c);
  return anyAscii(lowered)
    .replace(/['`]/g, '') // apostrophes join (O'Brien, 2017 Kazakh apostrophe alphabet: a' = ә)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Surname/patronymic endings, already in folded spelling (y→i, q→k), longest first.
 * Kazakh official usage increasingly drops the Russian -ov/-ev (Tleuzhanova → Tleuzhan)
 * or replaces it with -uly/-kyzy, so all of these reduce to the same stem.
 * Russian -in/-ina is deliberately absent: Kazakh names such as Karin or Zhakin end in
 * "in" natively and stripping it would merge unrelated people.
 */
const SUFFIXES = ['ovich', 'evich', 'ovna', 'evna', 'kizi', 'ova', 'eva', 'uli', 'ov', 'ev'] as const;
const MIN_STEM = 3;

/**
 * Phonetic key for one normalized token. Order matters:
 * - digraphs first (dzh/zh/kh/gh, shch/şş, ng) so their letters are not rewritten individually: every
 *   romanisation of a Cyrillic name (src/search/transliterate.ts) folds to the Cyrillic original's skeleton;
 * - Latin hard c → k before ts → c, so "Respublica" meets "Respublika" while the c that
 *   stands for Ц (ts) survives and still matches "centr"/"tsentr";
 * - "ye" → "e" before y → i: English-style transliteration writes ае/ие as "aye"/"iye"
 *   (Tokayev) where Cyrillic-derived forms have "ae" (Токаев → tokaev);
 * - doubled letters collapse after y → i, so -iy/-ii/-y endings meet (Dmitriy = Dmitry);
 * - suffixes strip last, on the fully folded spelling.
 * Vowels are kept (except y/i merging): dropping them would make Mamai ≈ Mamyt ≈ Momyn.
 * A dropped vowel (Mazhlis vs Mazhilis) is left to typo tolerance in `similarity`.
 */
export function foldToken(token: string): string {
  return stripSuffix(foldLetters(token));
}

/** All folds except suffix stripping. */
function foldLetters(token: string): string {
  const letters = normalize(token)
    .replace(/ /g, '')
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    // щ is shch (BGN/PCGN, passports) or şş (Kazakh Latin 2021); ң is ng (BGN/PCGN), ñ (2021) or n (passports).
    .replace(/shch|shsh/g, 'sh')
    .replace(/ng/g, 'n')
    .replace(/c(?![hiey])/g, 'k')
    .replace(/ts/g, 'c')
    .replace(/q/g, 'k')
    .replace(/w/g, 'u') // Kazakh Latin usage writes у as w (Täwelsizdik = Тәуелсіздік)
    .replace(/ye/g, 'e')
    .replace(/y/g, 'i');
  return collapseRepeats(letters);
}

/**
 * Doubled letters (a-z; digits stay) collapse to one, in a loop: the regular expression `([a-z])\1+` backtracks on the stack and
 * threw RangeError (Maximum call stack size exceeded) on a run of a few million equal letters.
 */
function collapseRepeats(text: string): string {
  let out = '';
  let last = '';
  for (const c of text) {
    if (c === last && c >= 'a' && c <= 'z') continue;
    out += c;
    last = c;
  }
  return out;
}

function stripSuffix(t: string): string {
  for (const suffix of SUFFIXES) {
    if (t.endsWith(suffix) && t.length - suffix.length >= MIN_STEM) {
      return t.slice(0, -suffix.length);
    }
  }
  return t;
}

/** Folded tokens joined by a single space; "" when nothing foldable remains. */
export function foldName(name: string): string {
  return foldWith(name, foldToken);
}

/** Folded tokens with their surname/patronymic endings kept (Nazarbayeva stays apart from Nazarbayev): name parts need the ending. */
export function foldSpelling(name: string): string {
  return foldWith(name, foldLetters);
}

function foldWith(name: string, fold: (token: string) => string): string {
  return normalize(name)
    .split(' ')
    .map(fold)
    .filter((t) => t.length > 0)
    .join(' ');
}

/**
 * Keys to index for one alias: the full folded name, each folded token of ≥2 chars,
 * and the tokens glued together so "Nur Otan", "Nur-Otan" and "Nurotan" share a key.
 */
export function nameKeys(name: string): string[] {
  const full = foldName(name);
  if (full === '') return [];
  const tokens = full.split(' ');
  const keys = new Set<string>([full, ...tokens.filter((t) => t.length >= 2), tokens.join('')]);
  return [...keys];
}

/**
 * Optimal-string-alignment distance (Levenshtein + adjacent transposition), or `bound + 1` when it exceeds
 * `bound`. With a bound only the band of cells within `bound` of the diagonal is filled (a cell off it is at
 * least its distance from the diagonal), and a row whose smallest cell is past the bound ends the count (a
 * transposition reaches back two rows, but never below what the row between holds). Three reused rows:
 * resolution compares millions of name pairs in one import.
 */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
export function osaDistance(a: string, b: string, bound = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  if (rows[0].length <= b.length + 1) rows = [new Int32Array(b.length + 2), new Int32Array(b.length + 2), new Int32Array(b.length + 2)];
  const cap = Math.min(bound + 1, a.length + b.length);
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= b.length + 1; j++) prev[j] = Math.min(j, cap);
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - bound);
    const hi = Math.min(b.length, i + bound);
    cur[lo - 1] = lo === 1 ? Math.min(i, cap) : cap;
    cur[hi + 1] = cap;
    let rowMin = cur[lo - 1]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1), cap);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > bound) return bound + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/**
 * Similarity in [0,1] of two already-folded strings.
 * Two regimes, after nomenklatura's levenshtein_similarity: edits within a budget of
 * one per 4 chars of the shorter string (max 2) count as typos and stay high (≥0.85);
 * beyond the budget the score is halved, so it is always < 0.5. Plain normalised
 * edit distance (or Jaro-Winkler) rates short look-alikes such as mamai/imanbai
 * around 0.6–0.8, which would rank unrelated people next to the right one.
 */
export function similarity(a: string, b: string): number {
  return similarityAbove(a, b, -1);
}

/**
 * `similarity` where it is above `floor` (≥ -1); otherwise some score at or below `floor` (0). A caller that
 * already holds `floor` needs no more, and the edit distance is then only counted as far as a score above
 * `floor` allows (a few cells around the diagonal, not the whole table).
 */
function similarityAbove(a: string, b: string, floor: number): number {
  if (a === b) return a === '' ? 0 : 1;
  if (a === '' || b === '') return 0;
  // Digits are never a typo: 1423 is not 1429, the 7th convocation not the 8th. Only the letters around equal
  // digits may differ.
  if (hasDigit(a) || hasDigit(b)) {
    if (a.replace(/\D/g, '') !== b.replace(/\D/g, '')) return 0;
  }
  const maxLen = Math.max(a.length, b.length);
  const budget = Math.min(2, Math.floor(Math.min(a.length, b.length) / 4));
  // The score falls as the distance grows (never above maxLen): the largest distance still scoring above floor.
  let bound = -1;
  while (bound < maxLen && distanceScore(bound + 1, budget, maxLen) > floor) bound += 1;
  if (bound < 0) return 0;
  const d = osaDistance(a, b, bound >= maxLen ? Infinity : bound);
  return d <= bound ? distanceScore(d, budget, maxLen) : 0;
}

/** Edits within the typo budget stay high (≥0.85); beyond it the score is halved (always < 0.5). */
function distanceScore(d: number, budget: number, maxLen: number): number {
  return d <= budget ? 1 - d / (2 * maxLen) : 0.5 * Math.max(0, 1 - d / maxLen);
}

function hasDigit(s: string): boolean {
  return /\d/.test(s);
}

/** Best score of one query token against one alias token: exact, prefix (type-ahead), or typo; a token with digits only exact. */
function tokenScore(q: string, alias: string): number {
  if (q === alias) return 1;
  let known = tokenScores.get(q);
  const s = known?.get(alias);
  if (s !== undefined) return s;
  const prefix = q.length >= 3 && !hasDigit(q) && alias.startsWith(q) ? 0.85 + (0.15 * q.length) / alias.length : 0;
  const score = Math.max(prefix, similarity(q, alias));
  if (!known) {
    if (tokenScores.size >= MAX_TOKEN_SCORES) tokenScores.clear();
    tokenScores.set(q, (known = new Map<string, number>()));
  }
  if (known.size < MAX_TOKEN_SCORES) known.set(alias, score);
  return score;
}

/**
 * Token pairs already scored, by query token then alias token: names are made of few distinct tokens (given
 * names, surname stems), so an import comparing 10,000 people with 50 candidates each scores the same pairs
 * again and again. Bounded; emptied when full.
 */
const tokenScores = new Map<string, Map<string, number>>();
const MAX_TOKEN_SCORES = 20_000;

/**
 * How well a raw user query matches a raw alias, in [0,1]. 1 only for identical folded
 * names. Each query token takes its best alias token; alias tokens the query did not
 * mention cost a little (surname-only "Tokayev" still ranks ≈0.93 against the full name),
 * and the space-free comparison catches "Nurotan" vs "Nur Otan" and split typos.
 */
export function matchScore(query: string, aliasName: string): number {
  const q = folded(query);
  const a = folded(aliasName);
  if (q.stem.text === '' || a.stem.text === '') return 0;
  if (q.stem.text === a.stem.text) return 1;
  // A typo inside the suffix ("Tokaeb") defeats stripping and leaves 2+ edits against
  // the stripped stem, so also compare the unstripped spellings and keep the better.
  return Math.max(foldedScore(q.stem, a.stem), foldedScore(q.letters, a.letters));
}

/** One folding of a name: the folded text, its tokens and the tokens glued together. */
interface Folding {
  text: string;
  tokens: string[];
  glued: string;
}

function folding(text: string): Folding {
  return { text, tokens: text.split(' '), glued: text.replace(/ /g, '') };
}

/**
 * Both foldings of a name, each computed once per process: a search re-ranks the same stored names request
 * after request, and an import compares each stored name with many incoming ones, so folding them per comparison
 * was most of the time. Bounded; emptied when full.
 */
const foldings = new Map<string, { stem: Folding; letters: Folding }>();
const MAX_FOLDINGS = 200_000;

function folded(name: string): { stem: Folding; letters: Folding } {
  let f = foldings.get(name);
  if (!f) {
    if (foldings.size >= MAX_FOLDINGS) foldings.clear();
    foldings.set(name, (f = { stem: folding(foldName(name)), letters: folding(foldWith(name, foldLetters)) }));
  }
  return f;
}

/** Which alias tokens some query token scores 0.8 or more against (reused). */
let coveredBy = new Uint8Array(16);

function foldedScore(q: Folding, a: Folding): number {
  if (q.text === a.text) return 0.99;
  const qTokens = q.tokens;
  const aTokens = a.tokens;
  let sum = 0;
  let covered = 0;
  if (coveredBy.length < aTokens.length) coveredBy = new Uint8Array(aTokens.length);
  coveredBy.fill(0, 0, aTokens.length);
  for (const qt of qTokens) {
    let best = -Infinity;
    for (let j = 0; j < aTokens.length; j++) {
      const s = tokenScore(qt, aTokens[j]!);
      if (s > best) best = s;
      if (s >= 0.8) coveredBy[j] = 1;
    }
    sum += best;
  }
  for (let j = 0; j < aTokens.length; j++) covered += coveredBy[j]!;
  const mean = sum / qTokens.length;
  const byTokens = mean * (0.9 + (0.1 * covered) / aTokens.length);
  // The glued spellings only matter where they beat the tokens.
  const glued = similarityAbove(q.glued, a.glued, byTokens);
  return Math.min(0.99, Math.max(byTokens, glued));
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Backslash-escape every Lucene query-syntax character. */
export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * Neo4j fulltext (Lucene classic syntax) query over `nameKeys` for a raw user query,
 * or null when nothing searchable survives folding. Tokens <2 chars are dropped (they
 * are not indexed either); 2-char tokens and tokens with digits must match exactly because a ~1 fuzzy term
 * on two letters matches nearly every short word. Folded keys are [a-z0-9] only, so
 * escaping is belt-and-braces; operators are emitted upper-case, terms stay lower-case,
 * so a user typing "or"/"and" produces a term, never an operator.
 */
export function luceneQuery(query: string): string | null {
  const tokens = foldName(query)
    .split(' ')
    .filter((t) => t.length >= 2);
  if (tokens.length === 0) return null;
  const terms = new Set<string>();
  const add = (t: string): void => {
    const e = escapeLucene(t);
    // A number is looked up as written: no fuzzy or prefix term (1423~1 would find 1429, 1423* 14230).
    if (t.length < 3 || hasDigit(t)) terms.add(e);
    else terms.add(`${e}~1`).add(`${e}*`);
  };
  tokens.forEach(add);
  if (tokens.length > 1) add(tokens.join(''));
  return [...terms].join(' OR ');
}
