// Entity resolution: which entities of one kind are likely the same. Pure. Compares names only as names and
// identifiers only as identifiers: a shared identifier (same scheme, same value) makes a pair, two values of one
// registry's scheme part it, and an identifier value is never compared with a name or fuzzily with another.
// People are compared part by part (given names, patronymic, surname, with the gender Russian and Kazakh
// endings tell), other kinds by their best whole-name match (transliteration-folded, typo-tolerant). Pairs come
// from blocking keys (a person's surname stem with a given name's initial; other kinds' folded name keys), so
// only plausible pairs are compared; shared neighbours raise a pair's score.
import { foldName, matchScore, nameKeys, similarity } from '../search/fold.js';
import { nameReadings, type NameGender, type NameParts } from '../search/name-parts.js';

export interface ResolutionInput {
  id: string;
  /** `PERSON`: names compared part by part, as people's names. */
  kind?: string;
  /** The entity's name and aliases: never identifier values. */
  names: string[];
  /** Identifiers as `scheme:value` keys (`parlam.kz:1525`). */
  identifiers?: string[];
  neighbours: string[];
}

export interface DuplicateCandidateRecord {
  entityId: string;
  duplicateId: string;
  score: number;
  nameScore: number;
  sharedRelations: number;
  matchedNames: [string, string];
  /** Identifiers both carry (`scheme:value`), as `DuplicateCandidate.sharedIdentifiers` answers them. */
  sharedIdentifiers: string[];
}

/** Below this name similarity a pair is not proposed, whatever it shares (unless it shares an identifier). */
export const MIN_NAME_SCORE = 0.75;
/** A key shared by more entities than this (a common name) is too weak to pair on. */
const MAX_BLOCK = 200;
const NAME_WEIGHT = 0.85;
/** Shared neighbours that count fully; more add nothing. */
const SHARED_FOR_FULL_WEIGHT = 3;
/** Two entities related to each other directly (spouses, a ministry in its government) are rarely one. */
const DIRECTLY_RELATED_FACTOR = 0.6;
/** A pair sharing an identifier scores at least this: the same registry entry is the strongest evidence there is. */
const SHARED_IDENTIFIER_SCORE = 0.95;
/**
 * Schemes whose values are a file's own record ids, not a registry's: two files may give one person two values,
 * so a difference there says nothing (`popolo` is the id within the Popolo file a record came from).
 */
const NON_REGISTRY_SCHEMES = new Set(['popolo']);

/** Weights of the parts of a person's name when both names have them. */
const SURNAME_WEIGHT = 0.5;
const GIVEN_WEIGHT = 0.35;
const PATRONYMIC_WEIGHT = 0.15;
/** Surnames alike and no given name on one side: the most a surname alone can say. */
const SURNAME_ONLY_FACTOR = 0.8;
/** A part below this similarity is a different part (a different given name, another surname). */
const PART_MATCH = 0.75;

interface PersonProfile {
  readings: { name: string; parts: NameParts }[];
  gender: NameGender | null;
  given: string[][];
  patronymics: string[];
}

function profileOf(names: readonly string[]): PersonProfile {
  // One reading per distinct set of parts (Saken / Сәкен / Сакен fold alike): the first name that gives it.
  const seen = new Set<string>();
  const readings = names
    .flatMap((name) => nameReadings(name).map((parts) => ({ name, parts })))
    .filter((r) => {
      const key = JSON.stringify(r.parts);
      return !seen.has(key) && seen.add(key) !== undefined;
    });
  const genders = new Set(readings.map((r) => r.parts.gender).filter((g): g is NameGender => g !== null));
  return {
    readings,
    // Names that disagree (a record mixing a man's and a woman's name) say nothing.
    gender: genders.size === 1 ? [...genders][0]! : null,
    given: uniqueLists(readings.map((r) => r.parts.given).filter((g) => g.length > 0)),
    patronymics: [...new Set(readings.map((r) => r.parts.patronymic).filter((p): p is string => p !== null))],
  };
}

function uniqueLists(lists: string[][]): string[][] {
  const byKey = new Map(lists.map((l) => [l.join(' '), l]));
  return [...byKey.values()];
}

/**
 * `similarity` of two folded name parts, remembered: a few thousand distinct given names and surnames make up
 * tens of thousands of people, so most comparisons repeat. Bounded; emptied when full (as fold.ts's foldings).
 */
const knownSimilarity = new Map<string, number>();
const MAX_KNOWN_SIMILARITY = 200_000;

function partSimilarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  let s = knownSimilarity.get(key);
  if (s === undefined) {
    if (knownSimilarity.size >= MAX_KNOWN_SIMILARITY) knownSimilarity.clear();
    knownSimilarity.set(key, (s = similarity(a, b)));
  }
  return s;
}

/** An initial matches any given name it starts; otherwise folded similarity. */
function givenTokenScore(a: string, b: string): number {
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 0.9 : 0;
  return partSimilarity(a, b);
}

/** How well two lists of given names agree: each name of the shorter list takes its best match in the longer. */
function givenScore(a: readonly string[], b: readonly string[]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let total = 0;
  for (const s of short) total += Math.max(...long.map((l) => givenTokenScore(s, l)));
  // Glued forms meet split ones (Kassym-Jomart folded as one word, "Kassym Jomart" as two).
  return Math.max(total / short.length, partSimilarity(a.join(''), b.join('')));
}

function bestOf<T>(a: readonly T[], b: readonly T[], score: (x: T, y: T) => number): number {
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, score(x, y));
  return best;
}

/** Why two people cannot be one, whatever their surnames: another gender, other given names, another father. */
function personsConflict(a: PersonProfile, b: PersonProfile): boolean {
  if (a.gender !== null && b.gender !== null && a.gender !== b.gender) return true;
  if (a.given.length > 0 && b.given.length > 0 && bestOf(a.given, b.given, givenScore) < PART_MATCH) return true;
  if (a.patronymics.length > 0 && b.patronymics.length > 0 && bestOf(a.patronymics, b.patronymics, partSimilarity) < PART_MATCH) return true;
  return false;
}

/** Score of two readings of two people's names, part by part; 0 when a part both have differs. */
function readingScore(a: NameParts, b: NameParts): number {
  if (a.surname === null || b.surname === null) return 0;
  const s = partSimilarity(a.surname, b.surname);
  if (s < PART_MATCH) return 0;
  if (a.given.length === 0 || b.given.length === 0) return SURNAME_ONLY_FACTOR * s;
  const g = givenScore(a.given, b.given);
  if (g < PART_MATCH) return 0;
  if (a.patronymic === null || b.patronymic === null) return (SURNAME_WEIGHT * s + GIVEN_WEIGHT * g) / (SURNAME_WEIGHT + GIVEN_WEIGHT);
  const p = partSimilarity(a.patronymic, b.patronymic);
  if (p < PART_MATCH) return 0;
  return SURNAME_WEIGHT * s + GIVEN_WEIGHT * g + PATRONYMIC_WEIGHT * p;
}

function bestPersonMatch(a: PersonProfile, b: PersonProfile): { score: number; names: [string, string] } {
  let best = { score: 0, names: [a.readings[0]?.name ?? '', b.readings[0]?.name ?? ''] as [string, string] };
  if (personsConflict(a, b)) return best;
  for (const x of a.readings) {
    for (const y of b.readings) {
      const score = readingScore(x.parts, y.parts);
      if (score > best.score) best = { score, names: [x.name, y.name] };
    }
  }
  return best;
}

function bestNameMatch(a: readonly string[], b: readonly string[]): { score: number; names: [string, string] } {
  let best = { score: 0, names: [a[0] ?? '', b[0] ?? ''] as [string, string] };
  for (const x of a) {
    for (const y of b) {
      const score = Math.max(matchScore(x, y), matchScore(y, x));
      if (score > best.score) best = { score, names: [x, y] };
    }
  }
  return best;
}

/** Blocking keys of an entity whose names are not people's: folded name keys and four-letter prefixes. */
function nameBlockingKeys(names: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    for (const key of nameKeys(name)) keys.add(`n:${key}`);
    // Prefixes catch spellings whose folds still differ past the fourth letter.
    for (const token of foldName(name).split(' ')) if (token.length >= 4) keys.add(`n:^${token.slice(0, 4)}`);
  }
  return keys;
}

/**
 * Blocking keys of a person: surname stem (and its four-letter prefix, for typos further on) with each given
 * name's initial, and the given names with the surname's initial; `|*` keys (surname alone) pair a person with
 * everyone of that surname only when one of the two has no given name at all.
 */
function personBlockingKeys(profile: PersonProfile): Set<string> {
  const keys = new Set<string>();
  for (const { parts } of profile.readings) {
    if (parts.surname === null) continue;
    const stems = [parts.surname, `^${parts.surname.slice(0, 4)}`];
    for (const stem of stems) {
      keys.add(`s:${stem}|*`);
      for (const given of parts.given) keys.add(`s:${stem}|${given[0]}`);
    }
    // A surname misspelt in its first letters (Schegelskiy / Shchegelsky) still meets by given name.
    if (parts.given.length > 0) keys.add(`g:${parts.given.join(' ')}|${parts.surname[0]}`);
  }
  return keys;
}

interface Prepared {
  input: ResolutionInput;
  profile: PersonProfile | null;
  identifiers: Set<string>;
  /** Registry schemes → values, for telling two registry entries apart. */
  registry: Map<string, Set<string>>;
  neighbours: Set<string>;
}

function registryOf(identifiers: Iterable<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of identifiers) {
    const at = key.indexOf(':');
    if (at <= 0) continue;
    const scheme = key.slice(0, at);
    if (NON_REGISTRY_SCHEMES.has(scheme)) continue;
    const values = out.get(scheme) ?? new Set<string>();
    values.add(key.slice(at + 1));
    out.set(scheme, values);
  }
  return out;
}

/** Whether two entities carry different entries of one registry (parlam.kz 1525 and 1585: two deputies). */
function identifiersConflict(a: Prepared, b: Prepared): boolean {
  for (const [scheme, values] of a.registry) {
    const theirs = b.registry.get(scheme);
    if (theirs && ![...values].some((v) => theirs.has(v))) return true;
  }
  return false;
}

/**
 * The `limit` likeliest duplicate pairs, best first (ties by ids, so the order is stable). The work is bounded
 * by the blocks: a pair is compared only when it shares a blocking key or an identifier, and a key shared by
 * more than 200 entities pairs none. `dismissed` holds pairs a curator judged different (`a\nb`, smaller id
 * first): never proposed.
 */
export function rankDuplicates(entities: readonly ResolutionInput[], limit: number, dismissed: ReadonlySet<string> = new Set()): DuplicateCandidateRecord[] {
  // Entities in id order, known by their index: a pair is the number i·n + j (i < j), the smaller id first.
  const byId = [...entities].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const n = byId.length;
  const prepared: Prepared[] = [];
  const blocks = new Map<string, number[]>();
  const addTo = (key: string, index: number): void => {
    const block = blocks.get(key);
    if (block) block.push(index);
    else blocks.set(key, [index]);
  };
  byId.forEach((e, index) => {
    const identifiers = new Set(e.identifiers ?? []);
    const profile = e.kind === 'PERSON' ? profileOf(e.names) : null;
    prepared.push({ input: e, profile, identifiers, registry: registryOf(identifiers), neighbours: new Set(e.neighbours) });
    for (const key of profile ? personBlockingKeys(profile) : nameBlockingKeys(e.names)) addTo(key, index);
    for (const id of identifiers) addTo(`i:${id}`, index);
  });
  const indexOf = new Map(byId.map((e, i) => [e.id, i]));
  const skipped = new Set<number>();
  for (const key of dismissed) {
    const [a, b] = key.split('\n').map((id) => indexOf.get(id));
    if (a !== undefined && b !== undefined) skipped.add(Math.min(a, b) * n + Math.max(a, b));
  }

  const pairs = new Set<number>();
  for (const [key, block] of blocks) {
    // Each entity adds a key once, in index order: a block is ascending and has no repeats.
    if (block.length < 2 || block.length > MAX_BLOCK) continue;
    const surnameOnly = key.endsWith('|*');
    for (let i = 0; i < block.length; i += 1) {
      const a = block[i]!;
      const aGiven = prepared[a]!.profile?.given.length ?? 0;
      for (let j = i + 1; j < block.length; j += 1) {
        const b = block[j]!;
        if (surnameOnly && aGiven > 0 && (prepared[b]!.profile?.given.length ?? 0) > 0) continue;
        const code = a * n + b;
        if (!skipped.has(code)) pairs.add(code);
      }
    }
  }

  const out: DuplicateCandidateRecord[] = [];
  for (const code of pairs) {
    const a = prepared[Math.floor(code / n)]!;
    const b = prepared[code % n]!;
    const aId = a.input.id;
    const bId = b.input.id;
    const sharedIdentifiers = a.identifiers.size === 0 ? [] : [...a.identifiers].filter((i) => b.identifiers.has(i)).sort();
    if (sharedIdentifiers.length === 0 && identifiersConflict(a, b)) continue;
    const name = a.profile && b.profile ? bestPersonMatch(a.profile, b.profile) : bestNameMatch(a.input.names, b.input.names);
    if (name.score < MIN_NAME_SCORE && sharedIdentifiers.length === 0) continue;
    let shared = 0;
    for (const x of a.neighbours) if (b.neighbours.has(x) && x !== aId && x !== bId) shared += 1;
    const direct = b.neighbours.has(aId) || a.neighbours.has(bId);
    let score = NAME_WEIGHT * name.score + (1 - NAME_WEIGHT) * Math.min(1, shared / SHARED_FOR_FULL_WEIGHT);
    if (direct) score *= DIRECTLY_RELATED_FACTOR;
    if (sharedIdentifiers.length > 0) score = Math.max(score, SHARED_IDENTIFIER_SCORE);
    out.push({
      entityId: aId,
      duplicateId: bId,
      score: Math.round(score * 1000) / 1000,
      nameScore: Math.round(name.score * 1000) / 1000,
      sharedRelations: shared,
      matchedNames: name.names,
      sharedIdentifiers,
    });
  }
  const byIds = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  out.sort((x, y) => y.score - x.score || byIds(x.entityId, y.entityId) || byIds(x.duplicateId, y.duplicateId));
  return out.slice(0, limit);
}
