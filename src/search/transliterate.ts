// Romanisations of Kazakh and Russian Cyrillic names as users meet them: the official Kazakh Latin alphabet of 2021,
// BGN/PCGN (Russian, with the BGN/PCGN Kazakh letters) and the passport style of Kazakh identity documents (ICAO 9303
// table). Pure. Search does not store these spellings: `foldName` (fold.ts) reduces every one of them and the
// Cyrillic original to the same Latin skeleton, and the tests check that they meet.

export type TransliterationScheme = 'kazakh-latin-2021' | 'bgn-pcgn' | 'passport';
export const transliterationSchemes: readonly TransliterationScheme[] = ['kazakh-latin-2021', 'bgn-pcgn', 'passport'];

type Table = Readonly<Record<string, string>>;

/** Letters every scheme writes alike. */
const common: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', з: 'z', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  ф: 'f', э: 'e',
};

/** Kazakh Latin alphabet, Presidential Decree of 2021 (ä, ğ, q, ñ, ö, ū, ü, ş, ç; и and й are i, і is ı). */
const kazakhLatin2021: Table = {
  ...common,
  ә: 'ä', ғ: 'ğ', е: 'e', ё: 'io', ж: 'j', и: 'i', й: 'i', қ: 'q', ң: 'ñ', ө: 'ö', у: 'u', ұ: 'ū', ү: 'ü', х: 'h', һ: 'h',
  ц: 'ts', ч: 'ç', ш: 'ş', щ: 'şş', ъ: '', ы: 'y', і: 'ı', ь: '', ю: 'iu', я: 'ia',
};

/** BGN/PCGN romanisation of Russian (1947), with BGN/PCGN's letters for Kazakh (1979). */
const bgnPcgn: Table = {
  ...common,
  ә: 'ä', ғ: 'gh', е: 'e', ё: 'ë', ж: 'zh', и: 'i', й: 'y', қ: 'q', ң: 'ng', ө: 'ö', у: 'u', ұ: 'ū', ү: 'ü', х: 'kh', һ: 'h',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', і: 'ī', ь: "'", ю: 'yu', я: 'ya',
};

/** Kazakh passports and identity cards (ICAO 9303): Kazakh letters lose their marks, й is i, ю/я are iu/ia. */
const passport: Table = {
  ...common,
  ә: 'a', ғ: 'g', е: 'e', ё: 'e', ж: 'zh', и: 'i', й: 'i', қ: 'k', ң: 'n', ө: 'o', у: 'u', ұ: 'u', ү: 'u', х: 'kh', һ: 'h',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', і: 'i', ь: '', ю: 'iu', я: 'ia',
};

const tables: Record<TransliterationScheme, Table> = { 'kazakh-latin-2021': kazakhLatin2021, 'bgn-pcgn': bgnPcgn, passport };

const vowels = new Set('аәеёиоөуұүыіэюя');

/** BGN/PCGN writes е as ye (ё as yë) at a word's start and after a vowel, й, ъ or ь: Ерлан → Yerlan, Тоқаев → Toqayev. */
function bgnE(previous: string | undefined): boolean {
  return previous === undefined || vowels.has(previous) || previous === 'й' || previous === 'ъ' || previous === 'ь' || !/\p{L}/u.test(previous);
}

function capitalise(latin: string, upper: boolean, wholeWordUpper: boolean): string {
  if (!upper || latin === '') return latin;
  if (wholeWordUpper) return latin.toUpperCase();
  return latin[0]!.toUpperCase() + latin.slice(1);
}

/**
 * Romanises Cyrillic text letter by letter in `scheme`; other characters pass through. Case follows the original
 * (a word in capitals stays in capitals: `ӘБДІРАЙЫМ` → `ÄBDIRAIYM`).
 */
export function transliterate(text: string, scheme: TransliterationScheme): string {
  const table = tables[scheme];
  const chars = [...text.normalize('NFC')];
  let out = '';
  let wordUpper = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const lower = ch.toLowerCase();
    if (i === 0 || !/\p{L}/u.test(chars[i - 1]!)) {
      // A word in capitals: every letter up to the next non-letter is upper case (and it has more than one).
      let j = i;
      while (j < chars.length && /\p{L}/u.test(chars[j]!)) j++;
      const word = chars.slice(i, j).join('');
      wordUpper = word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
    }
    const mapped = table[lower];
    if (mapped === undefined) {
      out += ch;
      continue;
    }
    const previous = i > 0 ? chars[i - 1]!.toLowerCase() : undefined;
    let latin = mapped;
    if (scheme === 'bgn-pcgn' && (lower === 'е' || lower === 'ё') && bgnE(previous)) latin = `y${mapped}`;
    out += capitalise(latin, ch !== lower, wordUpper);
  }
  return out;
}
