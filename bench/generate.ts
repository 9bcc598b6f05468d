// Deterministic generator of a synthetic Kazakh political network in the dataset format (src/dataset/schema.ts):
// the benchmark's data. Same scale and seed → the same records, byte for byte. Records come out in chunks, in
// load order (every reference points into the same or an earlier chunk), so a million relationships never
// sit in memory at once. Run directly (`tsx bench/generate.ts --scale small`) it prints counts and a checksum.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Citation, Dataset, DatasetKey } from '../src/dataset/schema.js';
import {
  charges as chargeList,
  femaleGivenNames,
  maleGivenNames,
  ministries,
  nameWords,
  organizationQualifiers,
  partyQualifiers,
  placeTable,
  publishers,
  slug,
  surname,
  surnameRoots,
  toEnglish,
  toKazakhLatin,
  toPassport,
  toRussianCyrillic,
} from './names.js';

export type BenchScaleName = 'tiny' | 'small' | 'large';

/** How big a network to generate. Counts of the fixed state apparatus (regions, ministries...) do not scale. */
export interface ScaleSpec {
  people: number;
  parties: number;
  /** NGOs, media, think tanks, companies, on top of the fixed state bodies. */
  organizations: number;
  mazhilisDistricts: number;
  /** Regions that hold maslikhat (local council) elections. */
  localRegions: number;
  districtsPerRegion: number;
  candidatesPerRace: number;
  courtCases: number;
  /** Protests, statements, appointments... besides the court, party and election events. */
  events: number;
  /** Records per chunk handed to a loader. */
  chunkRecords: number;
}

export const scales: Record<BenchScaleName, ScaleSpec> = {
  tiny: { people: 60, parties: 5, organizations: 4, mazhilisDistricts: 4, localRegions: 2, districtsPerRegion: 1, candidatesPerRace: 2, courtCases: 3, events: 20, chunkRecords: 200 },
  small: { people: 700, parties: 12, organizations: 30, mazhilisDistricts: 29, localRegions: 17, districtsPerRegion: 2, candidatesPerRace: 2, courtCases: 20, events: 220, chunkRecords: 5_000 },
  large: { people: 65_000, parties: 60, organizations: 2_500, mazhilisDistricts: 29, localRegions: 17, districtsPerRegion: 20, candidatesPerRace: 14, courtCases: 1_600, events: 20_000, chunkRecords: 5_000 },
};

export const DEFAULT_SEED = 20230319;

/** 1st, 2nd, 3rd, 4th... 11th, 12th, 13th, 21st. */
function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Records of one or more collections, in load order. */
export type DatasetChunk = { [K in DatasetKey]?: Dataset[K] };
type RecordOf<K extends DatasetKey> = Dataset[K][number];
type Emitted = { [K in DatasetKey]: { collection: K; record: RecordOf<K> } }[DatasetKey];

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for synthetic data and fully reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Skewed towards the start of the list: a few common names, a long tail of rare ones. */
  skewed<T>(items: readonly T[], power = 1.8): T {
    return items[Math.floor(items.length * Math.pow(this.next(), power))]!;
  }
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of choices) {
      r -= weight;
      if (r < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }
  /** Pareto-distributed count ≥ 1 (alpha 1.6), capped: the heavy tail of memberships per person. */
  heavyTail(cap: number): number {
    return Math.min(cap, Math.floor(1 / Math.pow(1 - this.next(), 1 / 1.6)));
  }
}

/**
 * Preferential attachment: every time an item is chosen it goes back into the urn, so the well-connected get
 * more connected. With probability `fresh` an item is chosen uniformly instead. With `newcomers` (Simon's
 * model) the items enter the urn one by one in that order, each with probability `fresh` per draw; those that
 * enter early become the hubs, and the degrees follow a power law rather than the flat spread of an urn that
 * starts with every item in it.
 */
class Urn {
  private readonly entries: number[] = [];
  private entered = 0;
  constructor(
    private readonly size: number,
    private readonly fresh: number,
    private readonly newcomers: readonly number[] | null = null,
  ) {}
  add(item: number, times = 1): void {
    for (let i = 0; i < times; i += 1) this.entries.push(item);
  }
  draw(random: Random): number {
    let item: number;
    if (this.newcomers && this.entered < this.newcomers.length && (this.entries.length === 0 || random.chance(this.fresh))) {
      item = this.newcomers[this.entered]!;
      this.entered += 1;
    } else if (this.entries.length === 0 || (!this.newcomers && random.chance(this.fresh))) {
      item = random.int(0, this.size - 1);
    } else {
      item = random.pick(this.entries);
    }
    this.entries.push(item);
    return item;
  }
}

const LAST_YEAR = 2024;
const pad = (n: number) => String(n).padStart(2, '0');

type Precision = 'year' | 'month' | 'day';

function dateText(year: number, month: number, day: number, precision: Precision): string {
  if (precision === 'year') return String(year);
  if (precision === 'month') return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** How a text would say a partial date: "in 2011", "in March 2011", "on 5 March 2011". */
function spoken(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return `in ${y}`;
  const month = monthNames[Number(m) - 1] ?? m;
  return d ? `on ${Number(d)} ${month} ${y}` : `in ${month} ${y}`;
}

interface BodyInfo {
  id: string;
  name: string;
  kind: 'PARTY' | Dataset['organizations'][number]['orgKind'];
  founded: number;
}

interface ElectionInfo {
  id: string;
  name: string;
  kind: Dataset['elections'][number]['kind'];
  year: number;
  date: string;
  /** District indices contested (none for presidential elections and referendums). */
  districts: number[];
  commission: string;
}

interface CaseInfo {
  id: string;
  name: string;
  opened: number;
  defendants: number[];
  court: string;
  convicted: boolean;
}

export interface GeneratorOptions {
  scale: BenchScaleName | ScaleSpec;
  seed?: number;
  /** Keep the sentences quoted by citations, to write the source texts (needed by validation, not by loading). */
  collectTexts?: boolean;
}

/** One run of the generator: iterate `chunks()` once; `sourceTexts()` is complete after that. */
export class NetworkGenerator {
  readonly spec: ScaleSpec;
  private readonly random: Random;
  private readonly collectTexts: boolean;
  private readonly sourceIds: string[] = [];
  private readonly sentences: string[][] = [];
  private readonly sourceTitles: string[] = [];

  // Compact state shared by later phases: ids and names only, never whole records.
  private readonly people: { id: string; name: string; cyrillic: string }[] = [];
  private readonly personParty: number[] = [];
  private readonly bodies: BodyInfo[] = [];
  private readonly partyCount: number;
  private readonly places: { id: string; name: string }[] = [];
  private readonly regionIndices: number[] = [];
  private readonly districts: { id: string; name: string; region: number }[] = [];
  private readonly elections: ElectionInfo[] = [];
  private readonly cases: CaseInfo[] = [];
  private readonly renamedParties: { party: number; date: string; oldName: string }[] = [];
  /** (election index, party index) → district races won: party results count their district seats from it. */
  private readonly wins = new Map<string, number>();
  private readonly orgIds = {
    government: 'organization:government',
    presidentialAdministration: 'organization:presidential-administration',
    parliament: 'organization:parliament',
    mazhilis: 'organization:mazhilis',
    senate: 'organization:senate',
    cec: 'organization:central-election-commission',
    supremeCourt: 'organization:supreme-court',
    prosecutor: 'organization:prosecutor-general',
    osce: 'organization:osce-odihr',
  };
  private readonly regional: { maslikhat: string; court: string; commission: string; akimat: string }[] = [];
  /** People weighted by prominence (memberships, candidacies, events): who shows up in the news again. */
  private readonly prominent: Urn;
  private counter = 0;
  private citations = 0;

  constructor(options: GeneratorOptions) {
    this.spec = typeof options.scale === 'string' ? scales[options.scale] : options.scale;
    this.random = new Random(options.seed ?? DEFAULT_SEED);
    this.collectTexts = options.collectTexts ?? false;
    this.partyCount = this.spec.parties;
    this.prominent = new Urn(this.spec.people, 0.3);
    // About nine citations per person (its own, memberships, candidacies, events...): fifty to an article.
    const sources = Math.max(8, Math.ceil((this.spec.people * 9) / 50));
    for (let i = 0; i < sources; i += 1) {
      this.sourceIds.push(`bench-${String(i + 1).padStart(5, '0')}.txt`);
      this.sentences.push([]);
    }
  }

  /** Every record, in load order, `chunkRecords` at a time. */
  *chunks(chunkRecords = this.spec.chunkRecords): Generator<DatasetChunk> {
    let chunk: DatasetChunk = {};
    let size = 0;
    for (const item of this.records()) {
      const list = (chunk[item.collection] ??= []) as RecordOf<typeof item.collection>[];
      list.push(item.record);
      size += 1;
      if (size >= chunkRecords) {
        yield chunk;
        chunk = {};
        size = 0;
      }
    }
    if (size > 0) yield chunk;
  }

  /** The article texts quoted by the citations: a title line, then one sentence per line. */
  sourceTexts(): Map<string, string> {
    if (!this.collectTexts) throw new Error('NetworkGenerator: construct with collectTexts to get the source texts');
    return new Map(this.sourceIds.map((id, i) => [id, `${this.sourceTitles[i] ?? id}\n\n${this.sentences[i]!.join('\n')}\n`]));
  }

  private *records(): Generator<Emitted> {
    yield* this.sources();
    yield* this.placeRecords();
    yield* this.organizations();
    yield* this.parties();
    yield* this.persons();
    yield* this.districtRecords();
    yield* this.electionRecords();
    yield* this.memberships();
    yield* this.familyTies();
    yield* this.candidacies();
    yield* this.partyResults();
    yield* this.courtCases();
    yield* this.events();
  }

  /**
   * Cites a sentence: appended to an article's text, and quoted verbatim; one in five facts has a second source.
   * Articles cover consecutive records (about fifty each), as a news piece covers related facts: a chunk of
   * records then quotes a few hundred articles, not all of them, which keeps validating it cheap.
   */
  private cite(sentence: string): Citation[] {
    const count = this.sourceIds.length;
    const first = (Math.floor(this.citations / 50) + this.random.int(0, 2)) % count;
    this.citations += 1;
    const out = [this.quote(first, sentence)];
    if (this.random.chance(0.2)) out.push(this.quote((first + this.random.int(1, 3)) % count, sentence));
    return out;
  }

  private quote(source: number, sentence: string): Citation {
    if (this.collectTexts) this.sentences[source]!.push(sentence);
    return { source: this.sourceIds[source]!, quote: sentence };
  }

  private date(fromYear: number, toYear: number, weights: readonly [number, number, number] = [0.3, 0.4, 0.3]): string {
    const precision = this.random.weighted<Precision>([
      ['year', weights[0]],
      ['month', weights[1]],
      ['day', weights[2]],
    ]);
    return dateText(this.random.int(fromYear, toYear), this.random.int(1, 12), this.random.int(1, 28), precision);
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}:${this.counter}`;
  }

  private *sources(): Generator<Emitted> {
    for (let i = 0; i < this.sourceIds.length; i += 1) {
      const publisher = this.random.pick(publishers);
      const date = this.date(2000, LAST_YEAR, [0, 0.2, 0.8]);
      const title = `${publisher}: political news digest no. ${i + 1}`;
      this.sourceTitles.push(title);
      yield {
        collection: 'sources',
        record: {
          id: this.sourceIds[i]!,
          kind: 'ARTICLE',
          publisher,
          language: 'en',
          text: null,
          retrievedAt: null,
          author: this.random.chance(0.6) ? toEnglish(`${this.random.pick(maleGivenNames)} ${surname(this.random.pick(surnameRoots), false)}`) : null,
          title,
          date,
          url: `https://news.example.org/${slug(publisher)}/${i + 1}`,
        },
      };
    }
  }

  private *placeRecords(): Generator<Emitted> {
    for (const [i, p] of placeTable.entries()) {
      const id = `place:${slug(p.name)}`;
      this.places.push({ id, name: p.name });
      if (p.kind === 'REGION') this.regionIndices.push(i);
      const within = p.within === null ? undefined : `place:${slug(placeTable[p.within]!.name)}`;
      yield {
        collection: 'places',
        record: {
          id,
          name: p.name,
          aliases: [{ name: p.cyrillic, lang: 'kk', script: 'Cyrl' }],
          placeKind: p.kind,
          ...(within ? { within } : {}),
          citations: this.cite(`${p.name} (${p.cyrillic}) is a ${p.kind.toLowerCase()} of Kazakhstan.`),
        },
      };
    }
  }

  private organization(id: string, name: string, cyrillic: string, orgKind: BodyInfo['kind'] & Dataset['organizations'][number]['orgKind'], extra: { parent?: string; place?: string } = {}): Emitted {
    this.bodies.push({ id, name, kind: orgKind, founded: this.random.int(1991, 2010) });
    return {
      collection: 'organizations',
      record: {
        id,
        name,
        aliases: [{ name: cyrillic, lang: 'kk', script: 'Cyrl' }],
        orgKind,
        ...extra,
        citations: this.cite(`${name} (${cyrillic}) is mentioned in the political news of Kazakhstan.`),
      },
    };
  }

  private *organizations(): Generator<Emitted> {
    const o = this.orgIds;
    const country = this.places[0]!.id;
    yield this.organization(o.government, 'Government of Kazakhstan', 'Қазақстан Үкіметі', 'STATE_BODY', { place: country });
    yield this.organization(o.presidentialAdministration, 'Presidential Administration', 'Президент Әкімшілігі', 'STATE_BODY', { place: country });
    yield this.organization(o.parliament, 'Parliament of Kazakhstan', 'Қазақстан Парламенті', 'LEGISLATURE', { place: country });
    yield this.organization(o.mazhilis, 'Mazhilis', 'Мәжіліс', 'LEGISLATURE', { parent: o.parliament, place: country });
    yield this.organization(o.senate, 'Senate', 'Сенат', 'LEGISLATURE', { parent: o.parliament, place: country });
    yield this.organization(o.cec, 'Central Election Commission', 'Орталық сайлау комиссиясы', 'ELECTION_COMMISSION', { place: country });
    yield this.organization(o.supremeCourt, 'Supreme Court', 'Жоғарғы Сот', 'COURT', { place: country });
    yield this.organization(o.prosecutor, 'Prosecutor General’s Office', 'Бас прокуратура', 'STATE_BODY', { place: country });
    yield this.organization(o.osce, 'OSCE/ODIHR', 'ЕҚЫҰ/ДИАҚБ', 'INTERNATIONAL');
    for (const [en, kk] of ministries) {
      yield this.organization(`organization:ministry-of-${slug(en)}`, `Ministry of ${en}`, `${kk} министрлігі`, 'MINISTRY', { parent: o.government, place: country });
    }
    for (const r of this.regionIndices) {
      const place = placeTable[r]!;
      const s = slug(place.name);
      const ids = { maslikhat: `organization:${s}-maslikhat`, court: `organization:${s}-court`, commission: `organization:${s}-election-commission`, akimat: `organization:${s}-akimat` };
      this.regional.push(ids);
      const at = this.places[r]!.id;
      yield this.organization(ids.maslikhat, `${place.name} Maslikhat`, `${place.cyrillic} мәслихаты`, 'LOCAL_COUNCIL', { place: at });
      yield this.organization(ids.court, `${place.name} Court`, `${place.cyrillic} соты`, 'COURT', { parent: o.supremeCourt, place: at });
      yield this.organization(ids.commission, `${place.name} Election Commission`, `${place.cyrillic} сайлау комиссиясы`, 'ELECTION_COMMISSION', { parent: o.cec, place: at });
      yield this.organization(ids.akimat, `${place.name} Akimat`, `${place.cyrillic} әкімдігі`, 'STATE_BODY', { parent: o.government, place: at });
    }
    const words = nameWords.length;
    const qualifiers = organizationQualifiers.length;
    for (let k = 0; k < this.spec.organizations; k += 1) {
      const [kk1, en1] = nameWords[k % words]!;
      const [kkQ, enQ, orgKind] = organizationQualifiers[Math.floor(k / words) % qualifiers]!;
      const second = Math.floor(k / (words * qualifiers));
      const [kk2, en2] = second === 0 ? ['', ''] : nameWords[(second + k) % words]!;
      const en = second === 0 ? `${en1} ${enQ}` : `${en1}-${en2} ${enQ}`;
      const kk = second === 0 ? `${kk1} ${kkQ}` : `${kk1}-${kk2} ${kkQ}`;
      yield this.organization(`organization:${slug(en)}`, en, kk, orgKind, { place: this.random.pick(this.places).id });
    }
  }

  private *parties(): Generator<Emitted> {
    const words = nameWords.length;
    for (let j = 0; j < this.partyCount; j += 1) {
      const [kkWord, enWord] = nameWords[j % words]!;
      const [kkQ, enQ] = partyQualifiers[(j + Math.floor(j / words)) % partyQualifiers.length]!;
      const bare = j < words && j % 3 === 0;
      const name = bare ? enWord : `${enWord} ${enQ}`;
      const cyrillic = bare ? kkWord : `${kkWord} ${kkQ}`;
      const id = `party:${slug(name)}`;
      const founded = this.random.int(1995, 2016);
      this.bodies.push({ id, name, kind: 'PARTY', founded });
      const names: Dataset['parties'][number]['names'] = [];
      if (this.random.chance(0.35) && founded < 2021) {
        const [, oldWord] = nameWords[(j + 7) % words]!;
        const oldName = `${oldWord} ${enQ}`;
        const year = this.random.int(founded + 2, 2022);
        const month = this.random.int(1, 11);
        const renamedTo = `${year}-${pad(month)}`;
        const renamedFrom = `${year}-${pad(month + 1)}`;
        names.push({ name: oldName, from: String(founded), to: renamedTo, citations: this.cite(`The party was founded as ${oldName} ${spoken(String(founded))}.`) });
        names.push({ name, from: renamedFrom, citations: this.cite(`${oldName} renamed itself ${name} ${spoken(renamedFrom)}.`) });
        this.renamedParties.push({ party: this.bodies.length - 1, date: renamedFrom, oldName });
      } else {
        names.push({ name, from: String(founded), citations: this.cite(`${name} was founded ${spoken(String(founded))}.`) });
      }
      const status = this.random.weighted<Dataset['parties'][number]['status']>([
        ['REGISTERED', 0.7],
        ['UNREGISTERED', 0.15],
        ['DISSOLVED', 0.15],
      ]);
      const aliases: Dataset['parties'][number]['aliases'] = [{ name: cyrillic, lang: 'kk', script: 'Cyrl' }];
      const latin = toKazakhLatin(cyrillic);
      if (latin !== name) aliases.push({ name: latin, lang: 'kk', script: 'Latn' as const });
      yield {
        collection: 'parties',
        record: { id, name, aliases, names, status, citations: this.cite(`${name} (${cyrillic}) is a political party in Kazakhstan.`) },
      };
    }
  }

  private *persons(): Generator<Emitted> {
    const professions = ['politician', 'activist', 'official', 'journalist', 'lawyer', 'businessman', 'economist', 'blogger'];
    for (let i = 0; i < this.spec.people; i += 1) {
      const female = this.random.chance(0.4);
      const given = this.random.skewed(female ? femaleGivenNames : maleGivenNames);
      const root = this.random.skewed(surnameRoots, 1.5);
      const family = surname(root, female);
      const cyrillic = `${given} ${family}`;
      // One in eight uses the Kazakh form without the Russian ending (Tleuzhanova → Tleuzhan) as the main name.
      const kazakhForm = this.random.chance(0.12);
      const name = kazakhForm ? toEnglish(`${given} ${root}`) : toEnglish(cyrillic);
      const candidates: Dataset['people'][number]['aliases'] = [
        { name: cyrillic, lang: 'kk', script: 'Cyrl' },
        { name: toRussianCyrillic(cyrillic), lang: 'ru', script: 'Cyrl' },
        { name: toKazakhLatin(cyrillic), lang: 'kk', script: 'Latn' },
        { name: toPassport(cyrillic), lang: 'en', script: 'Latn' },
      ];
      if (kazakhForm) candidates.push({ name: toEnglish(cyrillic), lang: 'en', script: 'Latn' });
      if (this.random.chance(0.3)) candidates.push({ name: `${name[0]}. ${name.split(' ').slice(1).join(' ')}`, lang: 'en', script: 'Latn' });
      const seen = new Set([name]);
      const aliases = candidates.filter((a) => (seen.has(a.name) ? false : (seen.add(a.name), true)));
      const id = `person:${slug(name)}-${i + 1}`;
      this.people.push({ id, name, cyrillic });
      this.personParty.push(-1);
      const place = this.random.pick(this.places).name;
      const profession = this.random.pick(professions);
      yield {
        collection: 'people',
        record: {
          id,
          name,
          aliases,
          description: `${profession[0]!.toUpperCase()}${profession.slice(1)} from ${place}.`,
          citations: this.cite(`${name} (${cyrillic}) is a ${profession} from ${place}.`),
        },
      };
    }
  }

  private *districtRecords(): Generator<Emitted> {
    const regions = this.regionIndices;
    for (let n = 1; n <= this.spec.mazhilisDistricts; n += 1) {
      const region = (n - 1) % regions.length;
      const place = this.places[regions[region]!]!;
      const name = `Mazhilis district No. ${n} (${place.name})`;
      this.districts.push({ id: `district:mazhilis-${n}`, name, region });
      yield {
        collection: 'districts',
        record: {
          id: `district:mazhilis-${n}`,
          name,
          aliases: [{ name: `№${n} бір мандатты округ`, lang: 'kk', script: 'Cyrl' }],
          body: this.orgIds.mazhilis,
          number: n,
          place: place.id,
          seats: 1,
          citations: this.cite(`${name} elects one deputy of the Mazhilis.`),
        },
      };
    }
    for (let region = 0; region < this.spec.localRegions; region += 1) {
      const place = this.places[regions[region % regions.length]!]!;
      for (let n = 1; n <= this.spec.districtsPerRegion; n += 1) {
        const id = `district:${slug(place.name)}-maslikhat-${n}`;
        const name = `${place.name} Maslikhat district No. ${n}`;
        this.districts.push({ id, name, region: region % regions.length });
        yield {
          collection: 'districts',
          record: {
            id,
            name,
            aliases: [],
            body: this.regional[region % regions.length]!.maslikhat,
            number: n,
            place: place.id,
            seats: 1,
            citations: this.cite(`${name} elects one deputy of the ${place.name} Maslikhat.`),
          },
        };
      }
    }
  }

  /** A figure the sources may disagree on: most often one value, sometimes a preliminary and a final one. */
  private claimable<T extends number | string>(value: T, other: T, disputedShare: number, sentence: (v: T) => string) {
    if (!this.random.chance(disputedShare)) return value;
    return {
      claims: [
        { value, qualifier: 'preliminary', citations: this.cite(sentence(value)) },
        { value: other, qualifier: 'final', citations: this.cite(sentence(other)) },
      ],
    };
  }

  private *electionRecords(): Generator<Emitted> {
    const mazhilisDistricts = this.districts.flatMap((d, i) => (d.id.startsWith('district:mazhilis-') ? [i] : []));
    const plan: Omit<ElectionInfo, 'name' | 'districts' | 'commission'>[] = [];
    for (const date of ['2004-09-19', '2007-08-18', '2012-01-15', '2016-03-20', '2021-01-10', '2023-03-19']) {
      plan.push({ id: `election:${date.slice(0, 4)}-mazhilis`, kind: 'PARLIAMENTARY', year: Number(date.slice(0, 4)), date });
    }
    for (const date of ['2005-12-04', '2011-04-03', '2015-04-26', '2019-06-09', '2022-11-20']) {
      plan.push({ id: `election:${date.slice(0, 4)}-presidential`, kind: 'PRESIDENTIAL', year: Number(date.slice(0, 4)), date });
    }
    plan.push({ id: 'election:2022-referendum', kind: 'REFERENDUM', year: 2022, date: '2022-06-05' });
    for (let region = 0; region < this.spec.localRegions; region += 1) {
      const place = this.places[this.regionIndices[region % this.regionIndices.length]!]!;
      for (const date of ['2016-03-20', '2021-01-10', '2023-03-19']) {
        plan.push({ id: `election:${date.slice(0, 4)}-maslikhat-${slug(place.name)}`, kind: 'LOCAL', year: Number(date.slice(0, 4)), date });
      }
    }
    for (const p of plan) {
      const regionIndex = p.kind === 'LOCAL' ? this.localRegionOf(p.id) : -1;
      const region = regionIndex >= 0 ? this.places[this.regionIndices[regionIndex]!]! : null;
      const name =
        p.kind === 'PARLIAMENTARY'
          ? `Mazhilis election ${p.year}`
          : p.kind === 'PRESIDENTIAL'
            ? `Presidential election ${p.year}`
            : p.kind === 'REFERENDUM'
              ? `Constitutional referendum ${p.year}`
              : `${region!.name} Maslikhat election ${p.year}`;
      const districts =
        p.kind === 'PARLIAMENTARY' ? mazhilisDistricts : p.kind === 'LOCAL' ? this.districts.flatMap((d, i) => (d.region === regionIndex && !d.id.startsWith('district:mazhilis-') ? [i] : [])) : [];
      const info: ElectionInfo = { ...p, name, districts, commission: regionIndex >= 0 ? this.regional[regionIndex]!.commission : this.orgIds.cec };
      this.elections.push(info);
      const turnout = Math.round((45 + this.random.float() * 40) * 10) / 10;
      const seats = p.kind === 'PARLIAMENTARY' ? 98 : p.kind === 'LOCAL' ? districts.length * 2 : undefined;
      const body = p.kind === 'PARLIAMENTARY' ? this.orgIds.mazhilis : p.kind === 'LOCAL' ? this.regional[regionIndex]!.maslikhat : undefined;
      const findings: Dataset['elections'][number]['findings'] =
        p.kind === 'PARLIAMENTARY' || p.kind === 'PRESIDENTIAL'
          ? [
              {
                observer: this.orgIds.osce,
                summary: `Observers reported procedural irregularities in the ${name}.`,
                date: p.date.slice(0, 7),
                citations: this.cite(`OSCE/ODIHR observers reported procedural irregularities in the ${name}.`),
              },
            ]
          : [];
      const turnoutValue = this.claimable(turnout, Math.round((turnout + 1 + this.random.float() * 6) * 10) / 10, 0.3, (v) => `Turnout in the ${name} was ${v} percent.`);
      yield {
        collection: 'elections',
        record: {
          id: p.id,
          name,
          aliases: [{ name: `${p.year} ${p.kind === 'LOCAL' ? 'мәслихат' : p.kind === 'PRESIDENTIAL' ? 'президент' : 'Мәжіліс'} сайлауы`, lang: 'kk', script: 'Cyrl' }],
          kind: p.kind,
          ...(body ? { body } : {}),
          date: p.date,
          place: region ? region.id : this.places[0]!.id,
          turnout: turnoutValue,
          ...(seats ? { seats } : {}),
          placeTurnout: [],
          findings,
          // The record's passage states its plain numbers (the dataset's value-statement rule).
          citations: this.cite(
            `The ${name} was held ${spoken(p.date)}${typeof turnoutValue === 'number' ? `, with a turnout of ${turnout} percent` : ''}${seats ? `, for ${seats} seats` : ''}.`,
          ),
        },
      };
    }
  }

  private localRegionOf(electionId: string): number {
    for (let region = 0; region < this.spec.localRegions; region += 1) {
      const place = this.places[this.regionIndices[region % this.regionIndices.length]!]!;
      if (electionId.endsWith(`-maslikhat-${slug(place.name)}`)) return region % this.regionIndices.length;
    }
    return -1;
  }

  private roleFor(kind: BodyInfo['kind']): Dataset['memberships'][number]['role'] {
    type Role = Dataset['memberships'][number]['role'];
    const table: Partial<Record<BodyInfo['kind'], [Role, number][]>> = {
      PARTY: [['member', 80], ['activist', 6], ['deputy chair', 4], ['founder', 3], ['chair', 2], ['leader', 2], ['co-founder', 1], ['spokesperson', 2]],
      LEGISLATURE: [['deputy', 90], ['deputy chair', 8], ['chair', 2]],
      LOCAL_COUNCIL: [['deputy', 90], ['deputy chair', 8], ['chair', 2]],
      MINISTRY: [['official', 80], ['minister', 5], ['head', 5], ['spokesperson', 5], ['employee', 5]],
      STATE_BODY: [['official', 85], ['head', 5], ['spokesperson', 5], ['employee', 5]],
      COURT: [['official', 100]],
      ELECTION_COMMISSION: [['commission member', 90], ['chair', 10]],
      NGO: [['member', 50], ['activist', 30], ['founder', 10], ['director', 5], ['head', 5]],
      MOVEMENT: [['member', 50], ['activist', 35], ['founder', 10], ['leader', 5]],
      MEDIA: [['journalist', 60], ['editor', 20], ['director', 10], ['employee', 10]],
      THINK_TANK: [['analyst', 50], ['researcher', 40], ['director', 10]],
      COMPANY: [['employee', 70], ['director', 20], ['head', 10]],
      INTERNATIONAL: [['observer', 100]],
    };
    return this.random.weighted(table[kind] ?? [['member', 1]]);
  }

  private *memberships(): Generator<Emitted> {
    // Parties enter first, so they become the hubs; the rest of the bodies join in a shuffled order, at a pace
    // that brings all of them in over the expected number of memberships.
    const parties = this.bodies.flatMap((b, i) => (b.kind === 'PARTY' ? [i] : []));
    const others = this.bodies.flatMap((b, i) => (b.kind === 'PARTY' ? [] : [i]));
    for (let i = others.length - 1; i > 0; i -= 1) {
      const j = this.random.int(0, i);
      [others[i], others[j]] = [others[j]!, others[i]!];
    }
    const urn = new Urn(this.bodies.length, Math.min(0.5, (1.5 * this.bodies.length) / (this.spec.people * 2)), [...parties, ...others]);
    for (let p = 0; p < this.spec.people; p += 1) {
      if (this.random.chance(0.08)) continue;
      const count = this.random.heavyTail(20);
      const joined = new Set<number>();
      for (let k = 0; k < count; k += 1) {
        const b = urn.draw(this.random);
        if (joined.has(b)) continue;
        joined.add(b);
        const body = this.bodies[b]!;
        if (body.kind === 'PARTY' && this.personParty[p] === -1) this.personParty[p] = b;
        this.prominent.add(p);
        const role = this.roleFor(body.kind);
        const fromYear = this.random.int(Math.max(body.founded, 1995), 2023);
        const from = this.date(fromYear, fromYear);
        const ended = this.random.chance(0.45) && fromYear < LAST_YEAR;
        const to = ended ? this.date(Math.min(LAST_YEAR, fromYear + 1), Math.min(LAST_YEAR, fromYear + 12)) : undefined;
        const person = this.people[p]!;
        const verb = role === 'member' ? 'joined' : `became ${role} of`;
        yield {
          collection: 'memberships',
          record: {
            id: this.nextId('membership'),
            person: person.id,
            organization: body.id,
            role,
            from,
            ...(to ? { to } : {}),
            citations: this.cite(`${person.name} ${verb} ${body.name} ${spoken(from)}${to ? ` and left ${spoken(to).replace(/^(in|on) /, '')}` : ''}.`),
          },
        };
      }
    }
  }

  private *familyTies(): Generator<Emitted> {
    const count = Math.round(this.spec.people * 0.05);
    for (let i = 0; i < count; i += 1) {
      const a = this.prominent.draw(this.random);
      let b = this.random.int(0, this.spec.people - 1);
      if (b === a) b = (a + 1) % this.spec.people;
      const relation = this.random.weighted<Dataset['familyTies'][number]['relation']>([
        ['SPOUSE', 0.5],
        ['SIBLING', 0.3],
        ['PARENT', 0.1],
        ['CHILD', 0.1],
      ]);
      const pa = this.people[a]!;
      const pb = this.people[b]!;
      yield {
        collection: 'familyTies',
        record: { id: this.nextId('family'), person: pa.id, relative: pb.id, relation, citations: this.cite(`${pb.name} is a ${relation.toLowerCase()} relative of ${pa.name}.`) },
      };
    }
  }

  private *candidacies(): Generator<Emitted> {
    for (const [e, election] of this.elections.entries()) {
      if (election.kind === 'REFERENDUM') continue;
      const races = election.kind === 'PRESIDENTIAL' ? [-1] : election.districts;
      for (const d of races) {
        const size = election.kind === 'PRESIDENTIAL' ? this.random.int(4, 7) : Math.max(2, this.spec.candidatesPerRace + this.random.int(-1, 1));
        const runners = new Set<number>();
        for (let k = 0; k < size; k += 1) runners.add(this.random.chance(0.5) ? this.prominent.draw(this.random) : this.random.int(0, this.spec.people - 1));
        const list = [...runners];
        const registered = list.map(() => this.random.chance(0.92));
        let winner = registered.findIndex((r) => r);
        if (winner === -1) winner = 0;
        const nominated = new Date(`${election.date}T00:00:00Z`);
        nominated.setUTCMonth(nominated.getUTCMonth() - 2);
        const nominationDate = nominated.toISOString().slice(0, 10);
        const district = d >= 0 ? this.districts[d]! : null;
        for (const [rankIndex, p] of list.entries()) {
          const person = this.people[p]!;
          const party = this.personParty[p]!;
          const nominatedBy = party >= 0 && this.random.chance(0.7) ? this.bodies[party]!.id : undefined;
          const race = district ? `${district.name} in the ${election.name}` : `the ${election.name}`;
          const statuses: Dataset['candidacies'][number]['statuses'] = [
            { status: 'NOMINATED', date: nominationDate.slice(0, 7), citations: this.cite(`${person.name} was nominated in ${race}.`) },
          ];
          let stillIn = registered[rankIndex]!;
          if (stillIn) {
            statuses.push({ status: 'REGISTERED', date: nominationDate, by: election.commission, citations: this.cite(`The commission registered ${person.name} as a candidate in ${race}.`) });
          } else {
            statuses.push({ status: 'REGISTRATION_REFUSED', date: nominationDate, by: election.commission, citations: this.cite(`The commission refused to register ${person.name} in ${race}.`) });
            if (this.random.chance(0.4)) {
              stillIn = true;
              const court = district ? this.regional[district.region]!.court : this.orgIds.supremeCourt;
              statuses.push({ status: 'REINSTATED', date: election.date.slice(0, 7), by: court, citations: this.cite(`A court reinstated ${person.name} as a candidate in ${race}.`) });
            }
          }
          const won = rankIndex === winner;
          if (stillIn || won) {
            statuses.push({ status: won ? 'ELECTED' : 'LOST', date: election.date, citations: this.cite(`${person.name} ${won ? 'won' : 'lost'} ${race}.`) });
          }
          if (won && nominatedBy) {
            const key = `${e}|${party}`;
            this.wins.set(key, (this.wins.get(key) ?? 0) + 1);
          }
          this.prominent.add(p);
          const rank = rankIndex === winner ? 1 : rankIndex < winner ? rankIndex + 2 : rankIndex + 1;
          const disputedRace = this.random.chance(0.005) && election.kind === 'LOCAL';
          const otherElection = this.elections.find((x) => x.kind === 'PARLIAMENTARY' && x.year === election.year);
          const rankValue = this.claimable(rank, rank + 1, 0.03, (v) => `${person.name} finished ${ordinal(v)} in ${race}.`);
          yield {
            collection: 'candidacies',
            record: {
              id: this.nextId('candidacy'),
              person: person.id,
              election:
                disputedRace && otherElection
                  ? {
                      claims: [
                        { value: election.id, citations: this.cite(`${person.name} ran in the ${election.name}.`) },
                        { value: otherElection.id, citations: this.cite(`${person.name} ran in the ${otherElection.name}.`) },
                      ],
                    }
                  : election.id,
              ...(district ? { district: this.districts[d]!.id, mandate: 'SINGLE_MANDATE' as const } : {}),
              ...(nominatedBy ? { nominatedBy } : { selfNominated: true }),
              rank: rankValue,
              statuses,
              citations: this.cite(`${person.name} ran in ${race}${typeof rankValue === 'number' ? ` and finished ${ordinal(rank)}` : ''}.`),
            },
          };
        }
      }
    }
  }

  private *partyResults(): Generator<Emitted> {
    for (const [e, election] of this.elections.entries()) {
      if (election.kind !== 'PARLIAMENTARY' && election.kind !== 'LOCAL') continue;
      const running = this.bodies.flatMap((b, i) => (b.kind === 'PARTY' && b.founded <= election.year ? [i] : [])).slice(0, 7);
      if (running.length === 0) continue;
      const weights = running.map(() => Math.pow(this.random.float(), 2) + 0.02);
      const total = weights.reduce((s, w) => s + w, 0);
      for (const [i, party] of running.entries()) {
        const body = this.bodies[party]!;
        const share = Math.round(((weights[i]! / total) * 95) * 100) / 100;
        const listSeats = election.kind === 'PARLIAMENTARY' && share >= 5 ? Math.round((share / 100) * 69) : 0;
        const districtSeats = this.wins.get(`${e}|${party}`) ?? 0;
        const about = `${body.name} in the ${election.name}`;
        const voteShare = this.claimable(share, Math.round((share + 0.3 + this.random.float() * 2) * 100) / 100, 0.25, (v) => `${body.name} received ${v} percent of the vote in the ${election.name}.`);
        const districtSeatsValue = this.claimable(districtSeats, districtSeats + 1, 0.1, (v) => `${body.name} won ${v} district seats in the ${election.name}.`);
        yield {
          collection: 'partyResults',
          record: {
            id: `result:${election.id.slice('election:'.length)}-${body.id.slice('party:'.length)}`,
            party: body.id,
            election: election.id,
            voteShare,
            listSeats,
            districtSeats: districtSeatsValue,
            totalSeats: listSeats + districtSeats,
            passedThreshold: share >= 5,
            citations: this.cite(
              `Results were published for ${about}: ${typeof voteShare === 'number' ? `${share} percent of the vote, ` : ''}${listSeats} list seats${typeof districtSeatsValue === 'number' ? `, ${districtSeats} district seats` : ''}, ${listSeats + districtSeats} seats in all.`,
            ),
          },
        };
      }
    }
  }

  private *courtCases(): Generator<Emitted> {
    for (let c = 0; c < this.spec.courtCases; c += 1) {
      const defendants = new Set<number>();
      const count = this.random.weighted([
        [1, 0.5],
        [2, 0.25],
        [3, 0.15],
        [4, 0.1],
      ] as const);
      for (let k = 0; k < count; k += 1) defendants.add(this.random.chance(0.6) ? this.prominent.draw(this.random) : this.random.int(0, this.spec.people - 1));
      const list = [...defendants];
      const lead = this.people[list[0]!]!;
      const leadSurname = lead.name.split(' ').slice(1).join(' ');
      const name = list.length > 1 ? `Case of ${leadSurname} and others` : `Case of ${lead.name}`;
      const id = `case:${c + 1}-${slug(leadSurname)}`;
      const openedYear = this.random.int(2005, 2023);
      const opened = this.date(openedYear, openedYear, [0.1, 0.7, 0.2]);
      const charges = [...new Set([this.random.pick(chargeList), this.random.pick(chargeList)])].slice(0, this.random.int(1, 2));
      const region = this.random.int(0, this.regional.length - 1);
      const court = this.random.chance(0.85) ? this.regional[region]!.court : this.orgIds.supremeCourt;
      const status = this.random.weighted<'INVESTIGATION' | 'ON_TRIAL' | 'CONVICTED' | 'ACQUITTED' | 'CLOSED'>([
        ['INVESTIGATION', 0.2],
        ['ON_TRIAL', 0.2],
        ['CONVICTED', 0.45],
        ['ACQUITTED', 0.05],
        ['CLOSED', 0.1],
      ]);
      this.cases.push({ id, name, opened: openedYear, defendants: list, court, convicted: status === 'CONVICTED' });
      const parties: Dataset['courtCases'][number]['parties'] = list.map((p) => ({
        entity: this.people[p]!.id,
        role: 'DEFENDANT',
        charges,
        from: opened,
        citations: this.cite(`${this.people[p]!.name} was charged with ${charges.join(' and ')}.`),
      }));
      if (this.random.chance(0.5)) parties.push({ entity: this.orgIds.prosecutor, role: 'PROSECUTOR', charges: [], citations: this.cite(`The Prosecutor General’s Office brought the ${name} to court.`) });
      if (this.random.chance(0.3)) {
        const judge = this.people[this.random.int(0, this.spec.people - 1)]!;
        parties.push({ entity: judge.id, role: 'JUDGE', charges: [], citations: this.cite(`Judge ${judge.name} presided over the ${name}.`) });
      }
      const years = this.random.int(3, 12);
      yield {
        collection: 'courtCases',
        record: {
          id,
          name,
          aliases: [{ name: `${lead.cyrillic.split(' ').slice(1).join(' ')} ісі`, lang: 'kk', script: 'Cyrl' }],
          court,
          charges,
          maxPenalty: this.claimable(`${years} years`, `${years + 2} years`, 0.1, (v) => `The charges in the ${name} carry up to ${v} in prison.`),
          status: this.claimable(status, status === 'CONVICTED' ? 'ON_TRIAL' : 'CLOSED', 0.15, (v) => `Reports describe the ${name} as ${v.toLowerCase().replace('_', ' ')}.`),
          opened,
          parties,
          citations: this.cite(`The ${name} was opened ${spoken(opened)}.`),
        },
      };
    }
  }

  private event(
    kind: Dataset['events'][number]['kind'],
    name: string,
    date: string,
    participants: Dataset['events'][number]['participants'],
    sentence: string,
    extra: { charges?: string[]; endDate?: string; place?: string; disputed?: boolean } = {},
  ): Emitted {
    const id = this.nextId('event');
    const otherDate = date.length === 4 ? `${Number(date) + 1}` : date.length === 7 ? nextMonth(date) : nextMonth(date.slice(0, 7));
    const claimedDate = extra.disputed
      ? { claims: [{ value: date, citations: this.cite(`${sentence} (${spoken(date)})`) }, { value: otherDate, citations: this.cite(`${sentence} (${spoken(otherDate)})`) }] }
      : date;
    return {
      collection: 'events',
      record: {
        id,
        name,
        kind,
        date: claimedDate,
        ...(extra.endDate ? { endDate: extra.endDate } : {}),
        place: extra.place ?? this.random.pick(this.places).id,
        participants,
        charges: extra.charges ?? [],
        aliases: [],
        citations: this.cite(`${sentence} ${spoken(date)[0]!.toUpperCase()}${spoken(date).slice(1)}.`),
      },
    };
  }

  private *events(): Generator<Emitted> {
    for (const c of this.cases) {
      const defendants = c.defendants.map((p) => this.people[p]!);
      const names = defendants.map((d) => d.name).join(', ');
      const arrest = this.date(c.opened, c.opened, [0, 0.5, 0.5]);
      yield this.event('ARREST', `Arrest in the ${c.name}`, arrest, [...defendants.map((d) => ({ entity: d.id, role: 'arrested' })), { entity: c.id, role: 'case' }], `Police detained ${names}.`, {
        disputed: this.random.chance(0.05),
      });
      const trialYear = Math.min(LAST_YEAR, c.opened + 1);
      yield this.event('TRIAL', `Trial in the ${c.name}`, this.date(trialYear, trialYear, [0, 0.6, 0.4]), [...defendants.map((d) => ({ entity: d.id, role: 'defendant' })), { entity: c.id, role: 'case' }, { entity: c.court, role: 'court' }], `The trial of ${names} began.`);
      if (c.convicted) {
        yield this.event('SENTENCE', `Sentence in the ${c.name}`, this.date(trialYear, trialYear, [0, 0.3, 0.7]), [...defendants.map((d) => ({ entity: d.id, role: 'sentenced' })), { entity: c.id, role: 'case' }, { entity: c.court, role: 'court' }], `The court sentenced ${names}.`);
      }
    }
    for (const r of this.renamedParties) {
      const party = this.bodies[r.party]!;
      yield this.event('RENAME', `${r.oldName} renamed ${party.name}`, r.date, [{ entity: party.id, role: 'renamed party' }], `${r.oldName} changed its name to ${party.name}.`);
    }
    for (const election of this.elections) {
      yield this.event(election.kind === 'REFERENDUM' ? 'REFERENDUM' : 'ELECTION', election.name, election.date, [{ entity: election.id, role: 'election' }, { entity: election.commission, role: 'organiser' }], `Voters went to the polls in the ${election.name}.`);
    }
    type Kind = Dataset['events'][number]['kind'];
    const kinds: [Kind, number, string][] = [
      ['STATEMENT', 25, 'speaker'],
      ['PROTEST', 15, 'organiser'],
      ['APPOINTMENT', 15, 'appointed'],
      ['RESIGNATION', 8, 'resigned'],
      ['CAMPAIGN', 10, 'campaigner'],
      ['DETENTION', 8, 'detained'],
      ['RELEASE', 4, 'released'],
      ['HOUSE_ARREST', 3, 'under house arrest'],
      ['LEGISLATION', 5, 'sponsor'],
      ['UNREST', 2, 'participant'],
      ['OTHER', 5, 'participant'],
    ];
    for (let i = 0; i < this.spec.events; i += 1) {
      const [kind, , role] = this.random.weighted(kinds.map((k) => [k, k[1]] as const));
      const year = this.random.int(1998, LAST_YEAR);
      const date = this.date(year, year, [0.15, 0.35, 0.5]);
      const size = this.random.weighted([
        [1, 0.35],
        [2, 0.25],
        [3, 0.2],
        [4, 0.12],
        [6, 0.08],
      ] as const);
      const people = new Set<number>();
      for (let k = 0; k < size; k += 1) people.add(this.prominent.draw(this.random));
      const participants: Dataset['events'][number]['participants'] = [...people].map((p, k) => ({ entity: this.people[p]!.id, role: k === 0 ? role : 'participant' }));
      if (this.random.chance(0.3)) participants.push({ entity: this.random.pick(this.bodies).id, role: 'organisation' });
      const lead = this.people[[...people][0]!]!;
      const place = this.random.pick(this.places);
      const endDate = kind === 'HOUSE_ARREST' && year < LAST_YEAR ? String(year + 1) : undefined;
      yield this.event(kind, `${kind[0]}${kind.slice(1).toLowerCase().replace('_', ' ')}: ${lead.name} in ${place.name}`, date, participants, `${lead.name} (${kind.toLowerCase().replace('_', ' ')}) in ${place.name}.`, {
        place: place.id,
        disputed: this.random.chance(0.05),
        ...(endDate ? { endDate } : {}),
        ...(kind === 'DETENTION' ? { charges: [this.random.pick(chargeList)] } : {}),
      });
    }
  }
}

function nextMonth(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}

export interface DatasetSummary {
  records: Record<string, number>;
  totalRecords: number;
  /** SHA-256 over every chunk (as JSON, in order) and every source text. */
  checksum: string;
}

/** Generates the whole network once (texts included), counting records and hashing them; keeps nothing. */
export function summarize(options: GeneratorOptions): DatasetSummary {
  const generator = new NetworkGenerator({ ...options, collectTexts: true });
  const hash = createHash('sha256');
  const records: Record<string, number> = {};
  for (const chunk of generator.chunks()) {
    hash.update(JSON.stringify(chunk));
    for (const [key, list] of Object.entries(chunk)) records[key] = (records[key] ?? 0) + (list as unknown[]).length;
  }
  for (const [id, text] of generator.sourceTexts()) hash.update(`${id}\n${text}`);
  return { records, totalRecords: Object.values(records).reduce((s, n) => s + n, 0), checksum: hash.digest('hex') };
}

function parseArgs(argv: string[]): { scale: BenchScaleName; seed: number } {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = (value('--scale') ?? process.env.BENCH_SCALE ?? 'small') as BenchScaleName;
  if (!(scale in scales)) throw new Error(`--scale must be one of ${Object.keys(scales).join(', ')}`);
  return { scale, seed: Number(value('--seed') ?? DEFAULT_SEED) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { scale, seed } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const summary = summarize({ scale, seed });
  console.log(JSON.stringify({ scale, seed, ...summary, ms: Date.now() - started }, null, 2));
}
