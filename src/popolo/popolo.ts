// Popolo JSON (persons, organizations, memberships, events) read with line numbers and mapped to the dataset's
// records (src/dataset/schema.ts): every record cites the file as a DATASET source with a JSON pointer locator.
// Pure: what the graph already holds (entity resolution) is applied afterwards by src/popolo/import.ts.
import { createHash } from 'node:crypto';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import type { ValidationIssue } from '../dataset/validate.js';
import type { CollectionRecord } from '../dataset/from-graph.js';
import { MembershipRole, OrganizationKind, type Dataset } from '../dataset/schema.js';
import { normalize } from '../search/fold.js';
import { classifyName, type Kind } from './name-kinds.js';

const Str = z.string();
const OtherName = z.looseObject({ name: Str.min(1), lang: Str.optional(), note: Str.optional(), start_date: Str.optional(), end_date: Str.optional() });
const PopoloIdentifier = z.looseObject({ scheme: Str.min(1), identifier: Str.min(1) });
const PopoloLink = z.looseObject({ url: Str.min(1), note: Str.optional() });
const PopoloImage = z.looseObject({ url: Str.min(1) });
const PopoloSource = z.looseObject({ url: Str.min(1), note: Str.optional() });
/** Our extension of Popolo's organisation: a party's predecessor or successor (src/popolo/export.ts). */
const PopoloLineage = z.looseObject({ name: Str.min(1), names: z.array(Str.min(1)).optional(), organization_id: Str.optional(), date: Str.optional() });

export const PopoloPerson = z.looseObject({
  id: Str.min(1),
  name: Str.min(1),
  other_names: z.array(OtherName).optional(),
  identifiers: z.array(PopoloIdentifier).optional(),
  image: Str.optional(),
  images: z.array(PopoloImage).optional(),
  links: z.array(PopoloLink).optional(),
  summary: Str.optional(),
  birth_date: Str.optional(),
  death_date: Str.optional(),
  sources: z.array(PopoloSource).optional(),
});
export const PopoloOrganization = z.looseObject({
  id: Str.min(1),
  name: Str.min(1),
  classification: Str.optional(),
  other_names: z.array(OtherName).optional(),
  identifiers: z.array(PopoloIdentifier).optional(),
  image: Str.optional(),
  links: z.array(PopoloLink).optional(),
  seats: z.number().int().optional(),
  predecessors: z.array(PopoloLineage).optional(),
  successors: z.array(PopoloLineage).optional(),
});
export const PopoloMembership = z.looseObject({
  person_id: Str.min(1),
  organization_id: Str.min(1),
  on_behalf_of_id: Str.optional(),
  legislative_period_id: Str.optional(),
  role: Str.optional(),
  label: Str.optional(),
  start_date: Str.optional(),
  end_date: Str.optional(),
});
export const PopoloEvent = z.looseObject({
  id: Str.min(1),
  name: Str.min(1),
  classification: Str.optional(),
  start_date: Str.optional(),
  end_date: Str.optional(),
  organization_id: Str.optional(),
  identifiers: z.array(PopoloIdentifier).optional(),
});
export const PopoloFile = z.looseObject({
  persons: z.array(z.unknown()).default([]),
  organizations: z.array(z.unknown()).default([]),
  memberships: z.array(z.unknown()).default([]),
  events: z.array(z.unknown()).default([]),
  meta: z.looseObject({ sources: z.array(Str).optional() }).optional(),
});

export type PopoloPerson = z.infer<typeof PopoloPerson>;
export type PopoloOrganization = z.infer<typeof PopoloOrganization>;
export type PopoloMembership = z.infer<typeof PopoloMembership>;
export type PopoloEvent = z.infer<typeof PopoloEvent>;

export interface Located<T> {
  value: T;
  /** JSON pointer of the element: `/persons/17`. */
  pointer: string;
  line: number | null;
}

export interface PopoloDocument {
  file: string;
  text: string;
  sha256: string;
  persons: Located<PopoloPerson>[];
  organizations: Located<PopoloOrganization>[];
  memberships: Located<PopoloMembership>[];
  events: Located<PopoloEvent>[];
  issues: ValidationIssue[];
}

/** Parses Popolo JSON; every problem becomes an issue naming the element's line and field, never an exception. */
export function readPopolo(text: string, file: string): PopoloDocument {
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const doc: PopoloDocument = { file, text, sha256, persons: [], organizations: [], memberships: [], events: [], issues: [] };
  const issue = (line: number | null, path: string, message: string, code: ValidationIssue['code'] = 'SCHEMA') => doc.issues.push({ file, line, path, code, message });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    issue(null, '', `not JSON: ${error instanceof Error ? error.message : String(error)}`, 'SYNTAX');
    return doc;
  }
  // JSON is YAML: its parser gives each element's position (JSON.parse gives none).
  const lineCounter = new LineCounter();
  const yamlDoc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  const lineOf = (collection: string, index: number): number | null => {
    const list = isMap(yamlDoc.contents) ? (yamlDoc.contents.get(collection, true) as Node | undefined) : undefined;
    const node = list && isSeq(list) ? (list.get(index, true) as Node | undefined) : undefined;
    const at = node?.range?.[0];
    return at === undefined ? null : lineCounter.linePos(at).line;
  };
  const top = PopoloFile.safeParse(raw);
  if (!top.success) {
    for (const i of top.error.issues) issue(1, i.path.join('.'), `not a Popolo file: ${i.message}`);
    return doc;
  }
  const collect = <T>(collection: 'persons' | 'organizations' | 'memberships' | 'events', schema: z.ZodType<T>, out: Located<T>[]) => {
    top.data[collection].forEach((value, index) => {
      const line = lineOf(collection, index);
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        for (const i of parsed.error.issues) {
          const path = `${collection}[${index}]${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
          issue(line, path, i.message);
        }
        return;
      }
      out.push({ value: parsed.data, pointer: `/${collection}/${index}`, line });
    });
  };
  collect('persons', PopoloPerson, doc.persons);
  collect('organizations', PopoloOrganization, doc.organizations);
  collect('memberships', PopoloMembership, doc.memberships);
  collect('events', PopoloEvent, doc.events);
  checkPopoloReferences(doc, issue);
  return doc;
}

function checkPopoloReferences(doc: PopoloDocument, issue: (line: number | null, path: string, message: string, code?: ValidationIssue['code']) => void): void {
  const seen = new Map<string, string>();
  for (const [collection, list] of [['persons', doc.persons], ['organizations', doc.organizations], ['events', doc.events]] as const) {
    for (const e of list as Located<{ id: string }>[]) {
      const first = seen.get(`${collection}:${e.value.id}`);
      if (first) issue(e.line, `${pathOf(e.pointer)}.id`, `duplicate id ${e.value.id}: already used by ${first}`, 'DUPLICATE_ID');
      else seen.set(`${collection}:${e.value.id}`, pathOf(e.pointer));
    }
  }
  const persons = new Set(doc.persons.map((p) => p.value.id));
  const orgs = new Set(doc.organizations.map((o) => o.value.id));
  for (const o of doc.organizations) {
    for (const field of ['predecessors', 'successors'] as const) {
      (o.value[field] ?? []).forEach((l, j) => {
        if (l.organization_id !== undefined && !orgs.has(l.organization_id)) {
          issue(o.line, `${pathOf(o.pointer)}.${field}[${j}].organization_id`, `organization_id refers to ${l.organization_id}, which is not among the organizations`, 'DANGLING_REFERENCE');
        }
      });
    }
  }
  const periods = new Set(doc.events.filter((e) => e.value.classification === 'legislative period').map((e) => e.value.id));
  for (const m of doc.memberships) {
    const at = pathOf(m.pointer);
    if (!persons.has(m.value.person_id)) issue(m.line, `${at}.person_id`, `person_id refers to ${m.value.person_id}, which is not among the persons`, 'DANGLING_REFERENCE');
    if (!orgs.has(m.value.organization_id)) issue(m.line, `${at}.organization_id`, `organization_id refers to ${m.value.organization_id}, which is not among the organizations`, 'DANGLING_REFERENCE');
    if (m.value.on_behalf_of_id !== undefined && !orgs.has(m.value.on_behalf_of_id)) {
      issue(m.line, `${at}.on_behalf_of_id`, `on_behalf_of_id refers to ${m.value.on_behalf_of_id}, which is not among the organizations`, 'DANGLING_REFERENCE');
    }
    if (m.value.legislative_period_id !== undefined && !periods.has(m.value.legislative_period_id)) {
      issue(m.line, `${at}.legislative_period_id`, `legislative_period_id refers to ${m.value.legislative_period_id}, which is no legislative period among the events`, 'DANGLING_REFERENCE');
    }
  }
}

/** `/persons/17` → `persons[17]` (how issues name a place in a file). */
export function pathOf(pointer: string): string {
  const [, collection, index] = pointer.split('/');
  return `${collection}[${index}]`;
}

// ---- names ---------------------------------------------------------------------------------------------------

const cyrillic = /\p{Script=Cyrillic}/gu;
const latin = /\p{Script=Latin}/gu;

/** ISO 15924 script of a name by the majority of its letters (the file has stray letters of the other script). */
export function scriptOf(name: string): 'Latn' | 'Cyrl' | undefined {
  const c = name.match(cyrillic)?.length ?? 0;
  const l = name.match(latin)?.length ?? 0;
  if (c === 0 && l === 0) return undefined;
  return c >= l ? 'Cyrl' : 'Latn';
}

function titleCase(word: string): string {
  return word
    .toLowerCase()
    .split(/([-\s])/)
    .map((part) => (part.length > 0 ? part[0]!.toUpperCase() + part.slice(1) : part))
    .join('');
}

/** Whether a token is written in capitals (the surname, in the parliament's "SURNAME Given Patronymic"). */
function isCapitals(token: string): boolean {
  // Two letters at least: an initial ("E.") is no surname written in capitals.
  return (token.match(/\p{L}/gu) ?? []).length > 1 && token === token.toUpperCase() && token !== token.toLowerCase();
}

export interface PersonName {
  /** Given name(s) first, surname in title case: `Bakytzhan Abdiraiym`. */
  display: string;
  surname: string;
  given: string;
  patronymic: string | null;
}

const patronymicEnding = /(ovich|evich|ovna|evna|ich|uly|uly|kyzy|qyzy|ovych|ьевич|ович|евич|овна|евна|ична|ұлы|улы|қызы|кызы)$/iu;

/**
 * Splits a parliament-style name, `ABDIRAIYM Bakytzhan Zharylkasynuly` or `Абдиров Нурлан Мажитович`: the
 * surname first (in capitals where the list writes it so), then the given name and an optional patronymic.
 */
export function splitName(name: string): PersonName {
  const tokens = name.trim().split(/\s+/);
  let surnameTokens = 1;
  while (surnameTokens < tokens.length - 1 && isCapitals(tokens[surnameTokens]!) && isCapitals(tokens[0]!)) surnameTokens += 1;
  // Names fully in capitals (АРОНОВА ИРИНА ПЕТРОВНА) have a one-word surname.
  if (tokens.every(isCapitals)) surnameTokens = 1;
  const surname = tokens.slice(0, surnameTokens).join(' ');
  const rest = tokens.slice(surnameTokens);
  const last = rest[rest.length - 1];
  const patronymic = rest.length >= 2 && last !== undefined && patronymicEnding.test(last) ? last : null;
  const given = (patronymic ? rest.slice(0, -1) : rest).join(' ');
  const surnameTitle = isCapitals(surname.replace(/\s/g, '')) ? titleCase(surname) : surname;
  const givenTitle = isCapitals(given.replace(/\s/g, '')) ? titleCase(given) : given;
  const patronymicTitle = patronymic && isCapitals(patronymic) ? titleCase(patronymic) : patronymic;
  return { display: [givenTitle, surnameTitle].filter((s) => s !== '').join(' '), surname: surnameTitle, given: givenTitle, patronymic: patronymicTitle };
}

/**
 * The name a person is stored under. The parliament's lists write `SURNAME Given`, turned into `Given Surname`; a
 * name with no word in capitals (Popolo's "preferred full name", as our own export writes it) is kept as it is.
 */
export function displayNameOf(name: string): string {
  const tokens = name.trim().split(/\s+/);
  return tokens.some(isCapitals) ? splitName(name).display : tokens.join(' ');
}

/** The spellings resolution compares a person by: surname first and given first, with and without patronymic. */
export function nameVariants(name: string): string[] {
  const n = splitName(name);
  const out = [name, n.display, `${n.surname} ${n.given}`];
  if (n.patronymic) out.push(`${n.given} ${n.patronymic} ${n.surname}`, `${n.surname} ${n.given} ${n.patronymic}`);
  return [...new Set(out.map((s) => s.trim()).filter((s) => s !== ''))];
}

/** Lower-case ASCII slug for ids: `person:bakytzhan-abdiraiym`. */
export function slug(text: string): string {
  return normalize(text).replace(/ /g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'x';
}

// ---- mapping -------------------------------------------------------------------------------------------------

export interface SourceMeta {
  title: string;
  publisher: string;
  url: string | null;
  /** When the file was retrieved: `2026-12-02`. */
  retrieved: string;
  /** The dataset's date (defaults to the retrieval date). */
  date?: string;
}

/** An incoming record with where it came from and what resolution compares it by. */
export interface MappedRecord {
  record: CollectionRecord;
  pointer: string;
  line: number | null;
}

export interface PopoloMapping {
  source: CollectionRecord;
  records: MappedRecord[];
  /** Elements not imported, and why (placeholders such as the party "unknown"). */
  skipped: { pointer: string; line: number | null; reason: string }[];
  /** Popolo organisation id → the record id it became (null: skipped). */
  organizationIds: Map<string, string | null>;
  /** Incoming person id → the legislature seats it holds (for resolution), by record id. */
  seats: Map<string, { body: string; from: string | null; to: string | null }[]>;
}

const partialDate = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** A Popolo date kept only at the precision it has; anything else (a time) is cut to the day. */
function date(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const day = value.slice(0, 10);
  return partialDate.test(day) ? day : partialDate.test(value) ? value : undefined;
}

function isPlaceholder(o: PopoloOrganization): boolean {
  return /^(unknown|none|n\/a)$/i.test(o.name.trim());
}

/** Wikidata's "independent politician" (Q327591), which EveryPolitician files list as a party. */
const INDEPENDENT_WIKIDATA = 'Q327591';
/**
 * The organisation a file puts independents' seats under ("Independent", Wikidata's "independent politician"):
 * not a party. Seats on its behalf become seats without a party, flagged `independent`.
 */
export function isIndependents(o: PopoloOrganization): boolean {
  if ((o.identifiers ?? []).some((i) => i.scheme.toLowerCase() === 'wikidata' && i.identifier === INDEPENDENT_WIKIDATA)) return true;
  return /^(independents?|non-?partisan|self-nominated|беспартийн(ый|ые)|өзін-өзі ұсынған)$/i.test(o.name.trim());
}

const wikidataId = /^Q\d+$/;
/** The parliament's own person id, which the file carries only inside its portrait URLs. */
const parlamPersonImage = /parlam\.kz\/.*\/PersonImage\/(\d+)/i;

function identifiersOf(list: { scheme: string; identifier: string }[] | undefined): { scheme: string; value: string; url?: string }[] {
  return (list ?? []).map((i) => {
    const scheme = i.scheme.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
    return scheme === 'wikidata' && wikidataId.test(i.identifier)
      ? { scheme, value: i.identifier, url: `https://www.wikidata.org/wiki/${i.identifier}` }
      : { scheme, value: i.identifier };
  });
}

/**
 * The element's id in the file as a `popolo` identifier, unless the element already carries one (a file this
 * graph exported keeps the id of the file its entities first came from): one value per scheme.
 */
function fileId(id: string, list: { scheme: string }[] | undefined): { scheme: string; value: string }[] {
  return list?.some((i) => i.scheme.toLowerCase() === 'popolo') ? [] : [{ scheme: 'popolo', value: id }];
}

function uniqueBy<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

type OtherNameIn = { name: string; lang?: string | undefined; note?: string | undefined; start_date?: string | undefined; end_date?: string | undefined };
type Cite = (pointer: string) => { source: string; locator: string }[];

/**
 * The element's other names as aliases, each with its kind (./name-kinds.ts) and cited by its place in the file;
 * a name of a predecessor party is no alias: it is returned among `predecessors`, with its names and citations.
 * `extra` is the element's own name as the file writes it, when the stored name is rewritten from it.
 */
function aliasesOf(primary: string, names: readonly OtherNameIn[] | undefined, pointer: string, cite: Cite, wikidataIds: readonly string[], extra?: OtherNameIn) {
  const out: { name: string; lang?: string; script?: 'Latn' | 'Cyrl'; kind: Kind; citations: ReturnType<Cite> }[] = [];
  const predecessors = new Map<string, { name: string; names: string[]; citations: ReturnType<Cite> }>();
  const entries = [...(extra ? [{ n: extra, at: `${pointer}/name` }] : []), ...(names ?? []).map((n, j) => ({ n, at: `${pointer}/other_names/${j}` }))];
  for (const { n, at } of entries) {
    const name = n.name.trim();
    if (name === '' || name === primary) continue;
    const classified = classifyName(primary, n, wikidataIds);
    if ('predecessor' in classified) {
      const p = predecessors.get(classified.predecessor) ?? { name: classified.predecessor, names: [], citations: [] };
      if (name !== p.name && !p.names.includes(name)) p.names.push(name);
      p.citations.push(...cite(at));
      predecessors.set(classified.predecessor, p);
      continue;
    }
    const script = scriptOf(name);
    out.push({ name, ...(n.lang ? { lang: n.lang } : {}), ...(script ? { script } : {}), kind: classified.kind, citations: cite(at) });
  }
  return { aliases: uniqueBy(out, (a) => `${a.name}\n${a.lang ?? ''}`), predecessors: [...predecessors.values()] };
}

/**
 * The id of an element whose slug `plain` may be taken already: a namesake in the same file gets the file's own id
 * as a suffix, whole (a prefix of it, as ids once had, is shared by `deputy/7919` and `deputy/7920`); ids that slug
 * alike (`deputy/7920`, `Deputy-7920`) or that are long get a hash of the file's id instead. Stable across imports of
 * the same file, and never one of `taken`.
 */
export function namesakeId(plain: string, popoloId: string, taken: ReadonlySet<string>): string {
  if (!taken.has(plain)) return plain;
  const bySlug = `${plain}-${slug(popoloId)}`;
  if (!taken.has(bySlug) && slug(popoloId) === popoloId.toLowerCase().replace(/[^a-z0-9]+/g, '-')) return bySlug;
  const hash = createHash('sha256').update(popoloId, 'utf8').digest('hex');
  for (let n = 12; n <= hash.length; n += 4) if (!taken.has(`${plain}-${hash.slice(0, n)}`)) return `${plain}-${hash.slice(0, n)}`;
  let i = 2;
  while (taken.has(`${plain}-${hash}-${i}`)) i += 1;
  return `${plain}-${hash}-${i}`;
}

function isUrl(s: string): boolean {
  return /^https?:\/\/\S+$/i.test(s);
}

/** Maps a valid Popolo document (no issues) to dataset records, with provisional ids. */
export function mapPopolo(doc: PopoloDocument, meta: SourceMeta): PopoloMapping {
  const sourceId = `source:popolo-${doc.sha256.slice(0, 16)}`;
  const cite = (pointer: string) => [{ source: sourceId, locator: pointer }];
  const source: CollectionRecord = {
    collection: 'sources',
    record: {
      id: sourceId,
      kind: 'DATASET',
      publisher: meta.publisher,
      author: null,
      title: meta.title,
      date: meta.date ?? meta.retrieved,
      url: meta.url,
      language: null,
      text: doc.text,
      retrievedAt: meta.retrieved,
    } as unknown as Dataset['sources'][number],
  };
  const records: MappedRecord[] = [];
  const skipped: PopoloMapping['skipped'] = [];
  const usedIds = new Set<string>();
  const idFor = (prefix: string, base: string, popoloId: string) => {
    const id = namesakeId(`${prefix}:${slug(base)}`, popoloId, usedIds);
    usedIds.add(id);
    return id;
  };

  // Legislative periods, by Popolo event id.
  const periods = new Map<string, { key: string; name: string; from: string; to?: string; organization?: string; pointer: string; identifiers: ReturnType<typeof identifiersOf> }>();
  for (const e of doc.events) {
    if (e.value.classification !== 'legislative period') continue;
    const from = date(e.value.start_date);
    if (!from) {
      skipped.push({ pointer: e.pointer, line: e.line, reason: 'legislative period without a start date' });
      continue;
    }
    const to = date(e.value.end_date);
    const key = slug(e.value.id.replace(/^.*\//, '')).slice(0, 32);
    periods.set(e.value.id, { key, name: e.value.name, from, ...(to ? { to } : {}), ...(e.value.organization_id ? { organization: e.value.organization_id } : {}), pointer: e.pointer, identifiers: identifiersOf(e.value.identifiers) });
  }

  const organizationIds = new Map<string, string | null>();
  const independents = new Set<string>();
  const lineages: { record: { predecessors?: Lineage[]; successors?: Lineage[] }; value: PopoloOrganization; pointer: string }[] = [];
  for (const o of doc.organizations) {
    const v = o.value;
    if (isIndependents(v)) {
      organizationIds.set(v.id, null);
      independents.add(v.id);
      skipped.push({ pointer: o.pointer, line: o.line, reason: `"${v.name}" stands for independents, not a party: seats on its behalf are seats without a party, flagged independent` });
      continue;
    }
    if (isPlaceholder(v)) {
      organizationIds.set(v.id, null);
      skipped.push({ pointer: o.pointer, line: o.line, reason: `"${v.name}" is a placeholder, not an organisation: memberships on its behalf get no party` });
      continue;
    }
    const identifiers = uniqueBy([...fileId(v.id, v.identifiers), ...identifiersOf(v.identifiers)], (i) => `${i.scheme}:${i.value}`);
    const named = aliasesOf(v.name, v.other_names, o.pointer, cite, identifiers.filter((i) => i.scheme === 'wikidata').map((i) => i.value));
    const base = {
      name: v.name,
      aliases: named.aliases,
      identifiers,
      ...(v.image && isUrl(v.image) ? { images: [v.image] } : {}),
      ...(v.links?.some((l) => isUrl(l.url)) ? { links: v.links.filter((l) => isUrl(l.url)).map((l) => ({ url: l.url, ...(l.note ? { note: l.note } : {}) })) } : {}),
      citations: cite(o.pointer),
    };
    if (v.classification === 'party') {
      const id = idFor('party', v.name, v.id);
      organizationIds.set(v.id, id);
      // Other names the file dates (a `former name` with its start and end, as our own export writes them).
      const names = (v.other_names ?? []).flatMap((n, j) => {
        const from = date(n.start_date);
        const to = date(n.end_date);
        return from || to ? [{ name: n.name.trim(), ...(from ? { from } : {}), ...(to ? { to } : {}), citations: cite(`${o.pointer}/other_names/${j}`) }] : [];
      });
      const record = { id, ...base, names, ...(named.predecessors.length > 0 ? { predecessors: named.predecessors } : {}) };
      records.push({ record: { collection: 'parties', record }, pointer: o.pointer, line: o.line });
      if (v.predecessors || v.successors) lineages.push({ record, value: v, pointer: o.pointer });
    } else {
      const id = idFor('organization', v.name, v.id);
      organizationIds.set(v.id, id);
      const terms = [...periods.values()]
        .filter((p) => p.organization === v.id)
        .sort((a, b) => a.from.localeCompare(b.from))
        .map((p) => ({ key: p.key, name: p.name, from: p.from, ...(p.to ? { to: p.to } : {}), ...(p.identifiers.length > 0 ? { identifiers: p.identifiers } : {}), citations: cite(p.pointer) }));
      const kind = (v.classification ?? '').toUpperCase().replace(/[\s-]+/g, '_');
      const orgKind = (OrganizationKind.options as readonly string[]).includes(kind) ? (kind as z.infer<typeof OrganizationKind>) : 'OTHER';
      records.push({
        record: { collection: 'organizations', record: { id, ...base, orgKind, ...(terms.length > 0 ? { terms } : {}) } },
        pointer: o.pointer,
        line: o.line,
      });
    }
  }

  for (const l of lineages) addLineage(l.record, l.value, l.pointer, organizationIds, cite);

  const personIds = new Map<string, string>();
  for (const p of doc.persons) {
    const v = p.value;
    const display = displayNameOf(v.name);
    const id = idFor('person', display, v.id);
    personIds.set(v.id, id);
    const images = uniqueBy([...(v.image ? [v.image] : []), ...(v.images ?? []).map((i) => i.url)].filter(isUrl), (u) => u);
    const parlam = images.map((u) => parlamPersonImage.exec(u)?.[1]).find((x) => x !== undefined);
    const identifiers = uniqueBy(
      [...fileId(v.id, v.identifiers), ...(parlam ? [{ scheme: 'parlam.kz', value: parlam }] : []), ...identifiersOf(v.identifiers)],
      (i) => `${i.scheme}:${i.value}`,
    );
    const record = {
      id,
      name: display,
      aliases: aliasesOf(display, v.other_names, p.pointer, cite, [], { name: v.name, lang: 'en' }).aliases,
      ...(v.summary ? { description: v.summary } : {}),
      identifiers,
      ...(images.length > 0 ? { images } : {}),
      ...(v.links?.some((l) => isUrl(l.url)) ? { links: v.links.filter((l) => isUrl(l.url)).map((l) => ({ url: l.url, ...(l.note ? { note: l.note } : {}) })) } : {}),
      citations: cite(p.pointer),
    };
    records.push({ record: { collection: 'people', record: record }, pointer: p.pointer, line: p.line });
  }

  for (const e of doc.events) {
    const v = e.value;
    if (v.classification === 'legislative period') continue;
    if (!/election/i.test(v.classification ?? '')) {
      skipped.push({ pointer: e.pointer, line: e.line, reason: `event of classification "${v.classification ?? 'none'}" is not imported` });
      continue;
    }
    const d = date(v.start_date) ?? date(v.end_date);
    if (!d) {
      skipped.push({ pointer: e.pointer, line: e.line, reason: 'election without a date' });
      continue;
    }
    const id = idFor('election', v.name, v.id);
    const identifiers = uniqueBy([...(wikidataId.test(v.id) ? [{ scheme: 'wikidata', value: v.id, url: `https://www.wikidata.org/wiki/${v.id}` }] : [{ scheme: 'popolo', value: v.id }]), ...identifiersOf(v.identifiers)], (i) => `${i.scheme}:${i.value}`);
    records.push({
      record: { collection: 'elections', record: { id, name: v.name, aliases: [], identifiers, kind: /presiden/i.test(v.name) ? 'PRESIDENTIAL' : 'PARLIAMENTARY', date: d, findings: [], citations: cite(e.pointer) } as unknown as Dataset['elections'][number] },
      pointer: e.pointer,
      line: e.line,
    });
  }

  const legislatures = new Set(doc.organizations.filter((o) => o.value.classification === 'legislature').map((o) => o.value.id));
  const seats = new Map<string, { body: string; from: string | null; to: string | null }[]>();
  const membershipIds = new Set<string>();
  for (const m of doc.memberships) {
    const v = m.value;
    const person = personIds.get(v.person_id);
    const organization = organizationIds.get(v.organization_id);
    if (!person || !organization) {
      skipped.push({ pointer: m.pointer, line: m.line, reason: 'membership of a skipped organisation' });
      continue;
    }
    const period = v.legislative_period_id ? periods.get(v.legislative_period_id) : undefined;
    const from = date(v.start_date) ?? period?.from;
    const to = date(v.end_date) ?? period?.to;
    const party = v.on_behalf_of_id ? organizationIds.get(v.on_behalf_of_id) : undefined;
    let id = `membership:${slug(`${organization.slice(organization.indexOf(':') + 1)} ${period?.key ?? from ?? ''} ${person.slice(person.indexOf(':') + 1)}`)}`;
    if (membershipIds.has(id)) id = `${id}-${m.pointer.split('/')[2]}`;
    membershipIds.add(id);
    // A plain member of a legislature (or of one of its terms) is a deputy; a role our model names is kept (a party's
    // `chairman`); any other role is a member with the role's words as its title.
    const seat = (v.role === undefined || v.role === 'member') && (legislatures.has(v.organization_id) || period !== undefined);
    const known = v.role !== undefined && (MembershipRole.options as readonly string[]).includes(v.role) ? (v.role as z.infer<typeof MembershipRole>) : null;
    const record = {
      id,
      person,
      organization,
      role: seat ? 'deputy' : (known ?? 'member'),
      ...(v.label ? { title: v.label } : v.role && !seat && !known ? { title: v.role } : {}),
      ...(party ? { onBehalfOf: party } : {}),
      ...(v.on_behalf_of_id !== undefined && independents.has(v.on_behalf_of_id) ? { independent: true as const } : {}),
      ...(period ? { term: period.key } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      citations: cite(m.pointer),
    };
    records.push({ record: { collection: 'memberships', record: record }, pointer: m.pointer, line: m.line });
    const list = seats.get(person) ?? [];
    list.push({ body: organization, from: from ?? null, to: to ?? null });
    seats.set(person, list);
    if (party) {
      const partySeats = seats.get(party) ?? [];
      partySeats.push({ body: organization, from: from ?? null, to: to ?? null });
      seats.set(party, partySeats);
    }
  }
  datePartyNames(doc, records, organizationIds, periods, cite);
  return { source, records, skipped, organizationIds, seats };
}

type Lineage = { name: string; names?: string[]; party?: string; date?: string; citations: { source: string; locator: string }[] };

/**
 * A party's `predecessors` and `successors` as the file gives them (our export's extension of Popolo), each cited
 * by its place (`/organizations/4/predecessors/0`), `party` the record the named organisation became; added to the
 * predecessors its other names named (the same name: one entry, names and citations together).
 */
function addLineage(record: { predecessors?: Lineage[]; successors?: Lineage[] }, v: PopoloOrganization, pointer: string, organizationIds: ReadonlyMap<string, string | null>, cite: Cite): void {
  for (const field of ['predecessors', 'successors'] as const) {
    const list = [...(record[field] ?? [])];
    (v[field] ?? []).forEach((l, j) => {
      const party = l.organization_id === undefined ? undefined : (organizationIds.get(l.organization_id) ?? undefined);
      const when = date(l.date);
      const names = (l.names ?? []).map((n) => n.trim()).filter((n) => n !== '' && n !== l.name.trim());
      const entry: Lineage = { name: l.name.trim(), ...(names.length > 0 ? { names } : {}), ...(party ? { party } : {}), ...(when ? { date: when } : {}), citations: cite(`${pointer}/${field}/${j}`) };
      const same = list.findIndex((x) => x.name === entry.name);
      if (same < 0) list.push(entry);
      else {
        const x = list[same]!;
        const all = [...new Set([...(x.names ?? []), ...(entry.names ?? [])])];
        list[same] = { ...entry, ...x, ...(all.length > 0 ? { names: all } : {}), citations: [...x.citations, ...entry.citations] };
      }
    });
    if (list.length > 0) record[field] = list;
  }
}

type PeriodInfo = { from: string; to?: string; pointer: string };

/**
 * The name a party bears in the file, dated by the seats held on its behalf: the file names the party that sat
 * in those years, so the name is a dated name (a `PartyName`) from the first seat's start to the last seat's end
 * (open if a seat is), cited by the organisation's name, and by each term's event and its first seat on the
 * party's behalf. A party with no dated seat gets none: its name stays undated (`nameAsOf` then says nothing).
 * A party whose other names the file dates itself (our own export's `former name`s) keeps those instead.
 */
function datePartyNames(
  doc: PopoloDocument,
  records: MappedRecord[],
  organizationIds: ReadonlyMap<string, string | null>,
  periods: ReadonlyMap<string, PeriodInfo>,
  cite: (pointer: string) => { source: string; locator: string }[],
): void {
  const spans = new Map<string, { from: string | null; to: string | null; open: boolean; pointers: string[] }>();
  for (const m of doc.memberships) {
    const v = m.value;
    const party = v.on_behalf_of_id ? organizationIds.get(v.on_behalf_of_id) : undefined;
    if (!party) continue;
    const period = v.legislative_period_id ? periods.get(v.legislative_period_id) : undefined;
    const from = date(v.start_date) ?? period?.from;
    const to = date(v.end_date) ?? period?.to;
    if (!from) continue;
    const span = spans.get(party) ?? { from: null, to: null, open: false, pointers: [] };
    if (span.from === null || startOf(from) < startOf(span.from)) span.from = from;
    if (to === undefined) span.open = true;
    else if (span.to === null || endOf(to) > endOf(span.to)) span.to = to;
    // Each term's event once, and the first seat of the party in it: they state the name and its dates.
    const cited = period ? [period.pointer, m.pointer] : [m.pointer];
    if (!period || !span.pointers.includes(period.pointer)) span.pointers.push(...cited);
    spans.set(party, span);
  }
  for (const r of records) {
    if (r.record.collection !== 'parties') continue;
    const party = r.record.record as { id: string; name: string; names: unknown[] };
    const span = spans.get(party.id);
    // A file that dates its names itself is taken at its word: its seats do not date the element's name.
    if (!span || span.from === null || party.names.length > 0) continue;
    party.names = [
      {
        name: party.name,
        from: span.from,
        ...(span.open || span.to === null ? {} : { to: span.to }),
        citations: [...cite(`${r.pointer}/name`), ...span.pointers.flatMap(cite)],
      },
    ];
  }
}

/** A partial date's first and last day, for comparing spans of mixed precision. */
function startOf(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}
function endOf(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}
