// Name material for the benchmark generator: Kazakh given names and surname roots written once in Cyrillic,
// and the transliterations the press actually uses (English "Tokayev", passport "Tokaev", Kazakh Latin 2021
// "Toqaev", Russian Cyrillic "Токаев"), so generated people carry the spelling variants search must fold.

export const maleGivenNames = [
  'Нұрлан', 'Ерлан', 'Дәулет', 'Асқар', 'Берік', 'Серік', 'Марат', 'Қайрат', 'Болат', 'Ержан', 'Арман', 'Айдос',
  'Тимур', 'Руслан', 'Ғалымжан', 'Жанболат', 'Қасым', 'Мұхтар', 'Талғат', 'Дәурен', 'Азамат', 'Бауыржан', 'Олжас',
  'Ербол', 'Алмас', 'Нұрбек', 'Сәкен', 'Амангелді', 'Еркін', 'Қанат', 'Ислам', 'Бақытжан', 'Мақсат', 'Жасұлан',
] as const;

export const femaleGivenNames = [
  'Әйгерім', 'Дана', 'Гүлнара', 'Әлия', 'Сәуле', 'Жанар', 'Динара', 'Мадина', 'Әсел', 'Айжан', 'Гауһар', 'Инга',
  'Ботагөз', 'Камила', 'Айнұр', 'Раушан', 'Зарина', 'Меруерт', 'Тоғжан', 'Аружан', 'Баян', 'Салтанат', 'Назгүл',
  'Жұлдыз', 'Маржан', 'Ақмарал', 'Гүлмира', 'Күләш',
] as const;

/** Roots of surnames; the Russian-style ending (-ов/-ев) is added by `surname`. */
export const surnameRoots = [
  'Тоқай', 'Назарбай', 'Мамай', 'Әбіл', 'Қасымбек', 'Жақсыбек', 'Нұрғали', 'Сұлтанбек', 'Ахметжан', 'Иманбай',
  'Тілеужан', 'Баймен', 'Қосан', 'Сәрсенбай', 'Есім', 'Бейсенбай', 'Сүлеймен', 'Ахмед', 'Есен', 'Құлмағамбет',
  'Ермек', 'Омар', 'Мырзахмет', 'Тасмағамбет', 'Жұмабек', 'Сапарбай', 'Бекмұрат', 'Кенжебек', 'Әуез', 'Байтұрсын',
  'Дәулеткелді', 'Мұхаметжан', 'Шәйкен', 'Серікбай', 'Қали', 'Төлеген', 'Ерғали', 'Жолдас', 'Оспан', 'Смағұл',
  'Мұсабек', 'Әлімжан', 'Бақыт', 'Рахым', 'Сейіт', 'Темір', 'Дүйсен', 'Ысқақ', 'Нұрмағамбет', 'Қожахмет',
  'Ыдырыс', 'Бекболат', 'Садық', 'Жаңабай', 'Құнанбай', 'Өтеген', 'Әшім', 'Тұрсын', 'Мақаш', 'Абай',
] as const;

const vowels = new Set([...'аәеёиоөуұүыіэюя']);

/** Russian-style surname: -ев after a vowel or й, -ов otherwise; feminine -ева/-ова. */
export function surname(root: string, female: boolean): string {
  const last = root[root.length - 1] ?? '';
  const base = vowels.has(last) || last === 'й' ? 'ев' : 'ов';
  return root + base + (female ? 'а' : '');
}

const english: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u',
  ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', і: 'i', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

const kazakhLatin: Record<string, string> = {
  а: 'a', ә: 'ä', б: 'b', в: 'v', г: 'g', ғ: 'ğ', д: 'd', е: 'e', ё: 'io', ж: 'j', з: 'z', и: 'i', й: 'i', к: 'k',
  қ: 'q', л: 'l', м: 'm', н: 'n', ң: 'ñ', о: 'o', ө: 'ö', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'ū', ү: 'ü',
  ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch', ш: 'ş', щ: 'şş', ъ: '', ы: 'y', і: 'ı', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

const russianLetters: Record<string, string> = { қ: 'к', ғ: 'г', ә: 'а', ө: 'о', ұ: 'у', ү: 'у', і: 'и', ң: 'н', һ: 'х' };

function mapWord(word: string, table: Record<string, string>, yeRule: boolean): string {
  let out = '';
  const lower = word.toLowerCase();
  for (let i = 0; i < lower.length; i += 1) {
    const c = lower[i]!;
    const previous = i === 0 ? '' : lower[i - 1]!;
    // English usage writes е as "ye" at the start of a word and after a vowel (Yerlan, Tokayev).
    if (yeRule && c === 'е' && (i === 0 || vowels.has(previous) || previous === 'ь' || previous === 'ъ')) out += 'ye';
    else out += table[c] ?? c;
  }
  return word[0] !== undefined && word[0] !== lower[0] ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

function mapWords(text: string, map: (word: string) => string): string {
  return text.split(' ').map(map).join(' ');
}

/** The spelling of the English-language press: Tokayev, Yerlan, Zhaksybekov. */
export function toEnglish(cyrillic: string): string {
  return mapWords(cyrillic, (w) => mapWord(w, english, true));
}

/** Letter-by-letter passport transliteration: Tokaev, Erlan. */
export function toPassport(cyrillic: string): string {
  return mapWords(cyrillic, (w) => mapWord(w, english, false));
}

/** The 2021 Kazakh Latin alphabet: Toqaev, Jaqsybekov. */
export function toKazakhLatin(cyrillic: string): string {
  return mapWords(cyrillic, (w) => mapWord(w, kazakhLatin, false));
}

/** Russian Cyrillic, without the Kazakh letters: Токаев. */
export function toRussianCyrillic(cyrillic: string): string {
  return [...cyrillic].map((c) => {
    const lower = c.toLowerCase();
    const mapped = russianLetters[lower];
    if (mapped === undefined) return c;
    return c === lower ? mapped : mapped.toUpperCase();
  }).join('');
}

/** Lower-case ASCII slug for ids. */
export function slug(text: string): string {
  return toPassport(text)
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Words for party, movement and organisation names, Cyrillic with their usual English rendering. */
export const nameWords: readonly [string, string][] = [
  ['Аманат', 'Amanat'], ['Ақ жол', 'Ak Zhol'], ['Ауыл', 'Auyl'], ['Байтақ', 'Baytak'], ['Азат', 'Azat'],
  ['Алға', 'Alga'], ['Әділет', 'Adilet'], ['Отан', 'Otan'], ['Асар', 'Asar'], ['Бірлік', 'Birlik'],
  ['Жаңару', 'Zhanaru'], ['Ұлт тағдыры', 'Ult Tagdyry'], ['Болашақ', 'Bolashak'], ['Елорда', 'Elorda'],
  ['Тәуелсіздік', 'Tauelsizdik'], ['Намыс', 'Namys'], ['Мұрагер', 'Murager'], ['Шаңырақ', 'Shanyrak'],
  ['Достық', 'Dostyk'], ['Еркіндік', 'Erkindik'], ['Жер', 'Zher'], ['Халық', 'Khalyk'], ['Сенім', 'Senim'],
  ['Арман', 'Arman'], ['Жасыл ел', 'Zhasyl El'], ['Үміт', 'Umit'], ['Ұлы дала', 'Uly Dala'], ['Қорғау', 'Korgau'],
  ['Таза', 'Taza'], ['Береке', 'Bereke'], ['Ынтымақ', 'Yntymak'], ['Парасат', 'Parasat'], ['Сарыарқа', 'Saryarka'],
  ['Нұр', 'Nur'], ['Алаш', 'Alash'], ['Жетісу', 'Zhetisu'], ['Атамекен', 'Atameken'], ['Қайнар', 'Kainar'],
  ['Самғау', 'Samgau'], ['Тұлпар', 'Tulpar'],
];

export const partyQualifiers: readonly [string, string][] = [
  ['партиясы', 'Party'], ['демократиялық партиясы', 'Democratic Party'], ['қозғалысы', 'Movement'],
  ['халықтық партиясы', "People's Party"], ['ұлттық партиясы', 'National Party'], ['одағы', 'Union'],
];

export const organizationQualifiers: readonly [string, string, 'NGO' | 'MOVEMENT' | 'MEDIA' | 'THINK_TANK' | 'COMPANY'][] = [
  ['қоры', 'Foundation', 'NGO'], ['қоғамдық бірлестігі', 'Public Association', 'NGO'], ['қозғалысы', 'Civic Movement', 'MOVEMENT'],
  ['медиа', 'Media', 'MEDIA'], ['газеті', 'Gazette', 'MEDIA'], ['институты', 'Institute', 'THINK_TANK'],
  ['зерттеу орталығы', 'Research Centre', 'THINK_TANK'], ['холдингі', 'Holding', 'COMPANY'], ['компаниясы', 'Company', 'COMPANY'],
];

/** Places: a country, its regions and cities (English, Cyrillic); `within` is an index into this list. */
export const placeTable: readonly { name: string; cyrillic: string; kind: 'COUNTRY' | 'REGION' | 'CITY'; within: number | null }[] = [
  { name: 'Kazakhstan', cyrillic: 'Қазақстан', kind: 'COUNTRY', within: null },
  { name: 'Abai Region', cyrillic: 'Абай облысы', kind: 'REGION', within: 0 },
  { name: 'Akmola Region', cyrillic: 'Ақмола облысы', kind: 'REGION', within: 0 },
  { name: 'Aktobe Region', cyrillic: 'Ақтөбе облысы', kind: 'REGION', within: 0 },
  { name: 'Almaty Region', cyrillic: 'Алматы облысы', kind: 'REGION', within: 0 },
  { name: 'Atyrau Region', cyrillic: 'Атырау облысы', kind: 'REGION', within: 0 },
  { name: 'East Kazakhstan Region', cyrillic: 'Шығыс Қазақстан облысы', kind: 'REGION', within: 0 },
  { name: 'Jambyl Region', cyrillic: 'Жамбыл облысы', kind: 'REGION', within: 0 },
  { name: 'Jetisu Region', cyrillic: 'Жетісу облысы', kind: 'REGION', within: 0 },
  { name: 'Karaganda Region', cyrillic: 'Қарағанды облысы', kind: 'REGION', within: 0 },
  { name: 'Kostanay Region', cyrillic: 'Қостанай облысы', kind: 'REGION', within: 0 },
  { name: 'Kyzylorda Region', cyrillic: 'Қызылорда облысы', kind: 'REGION', within: 0 },
  { name: 'Mangystau Region', cyrillic: 'Маңғыстау облысы', kind: 'REGION', within: 0 },
  { name: 'Pavlodar Region', cyrillic: 'Павлодар облысы', kind: 'REGION', within: 0 },
  { name: 'North Kazakhstan Region', cyrillic: 'Солтүстік Қазақстан облысы', kind: 'REGION', within: 0 },
  { name: 'Turkistan Region', cyrillic: 'Түркістан облысы', kind: 'REGION', within: 0 },
  { name: 'Ulytau Region', cyrillic: 'Ұлытау облысы', kind: 'REGION', within: 0 },
  { name: 'West Kazakhstan Region', cyrillic: 'Батыс Қазақстан облысы', kind: 'REGION', within: 0 },
  { name: 'Astana', cyrillic: 'Астана', kind: 'CITY', within: 0 },
  { name: 'Almaty', cyrillic: 'Алматы', kind: 'CITY', within: 0 },
  { name: 'Shymkent', cyrillic: 'Шымкент', kind: 'CITY', within: 0 },
  { name: 'Semey', cyrillic: 'Семей', kind: 'CITY', within: 1 },
  { name: 'Kokshetau', cyrillic: 'Көкшетау', kind: 'CITY', within: 2 },
  { name: 'Aktobe', cyrillic: 'Ақтөбе', kind: 'CITY', within: 3 },
  { name: 'Konaev', cyrillic: 'Қонаев', kind: 'CITY', within: 4 },
  { name: 'Atyrau', cyrillic: 'Атырау', kind: 'CITY', within: 5 },
  { name: 'Oskemen', cyrillic: 'Өскемен', kind: 'CITY', within: 6 },
  { name: 'Taraz', cyrillic: 'Тараз', kind: 'CITY', within: 7 },
  { name: 'Taldykorgan', cyrillic: 'Талдықорған', kind: 'CITY', within: 8 },
  { name: 'Karaganda', cyrillic: 'Қарағанды', kind: 'CITY', within: 9 },
  { name: 'Temirtau', cyrillic: 'Теміртау', kind: 'CITY', within: 9 },
  { name: 'Kostanay', cyrillic: 'Қостанай', kind: 'CITY', within: 10 },
  { name: 'Kyzylorda', cyrillic: 'Қызылорда', kind: 'CITY', within: 11 },
  { name: 'Aktau', cyrillic: 'Ақтау', kind: 'CITY', within: 12 },
  { name: 'Zhanaozen', cyrillic: 'Жаңаөзен', kind: 'CITY', within: 12 },
  { name: 'Pavlodar', cyrillic: 'Павлодар', kind: 'CITY', within: 13 },
  { name: 'Ekibastuz', cyrillic: 'Екібастұз', kind: 'CITY', within: 13 },
  { name: 'Petropavl', cyrillic: 'Петропавл', kind: 'CITY', within: 14 },
  { name: 'Turkistan', cyrillic: 'Түркістан', kind: 'CITY', within: 15 },
  { name: 'Zhezkazgan', cyrillic: 'Жезқазған', kind: 'CITY', within: 16 },
  { name: 'Oral', cyrillic: 'Орал', kind: 'CITY', within: 17 },
];

export const ministries: readonly [string, string][] = [
  ['Justice', 'Әділет'], ['Finance', 'Қаржы'], ['Health', 'Денсаулық сақтау'], ['Education', 'Оқу-ағарту'],
  ['Defence', 'Қорғаныс'], ['Internal Affairs', 'Ішкі істер'], ['Foreign Affairs', 'Сыртқы істер'], ['Energy', 'Энергетика'],
  ['Agriculture', 'Ауыл шаруашылығы'], ['Culture and Information', 'Мәдениет және ақпарат'], ['National Economy', 'Ұлттық экономика'],
  ['Labour', 'Еңбек'],
];

export const publishers = ['Vlast.kz', 'Orda.kz', 'Kursiv', 'Azattyq', 'Tengrinews', 'KazTAG', 'Informburo', 'Eurasianet', 'The Diplomat', 'Reuters'] as const;

export const charges = [
  'organising mass unrest', 'abuse of office', 'embezzlement', 'spreading knowingly false information', 'bribery',
  'inciting social discord', 'participation in a banned organisation', 'tax evasion', 'calls to seize power', 'fraud',
] as const;
