// Popolo export: the graph's people, parties, organisations (a legislature with its terms), memberships (with the
// party a deputy sat for and the term), elections and places, as one Popolo JSON document that
// `npm run import -- --format popolo` reads back. The mapping (`toPopolo`) is pure; `exportPopolo` reads the records
// the JSONL export reads. Checked against the Popolo schemas by src/popolo/schemas.ts.
import { exportJsonl } from '../bulk/export.js';
import type { CollectionRecord } from '../dataset/from-graph.js';
import type { Dataset } from '../dataset/schema.js';
import type { Database } from '../neo4j/database.js';
import { firstValue } from '../dataset/to-graph.js';
import { aliasKindNotes, type Kind } from './name-kinds.js';

export interface PopoloOtherName {
  name: string;
  lang?: string;
  note?: string;
  start_date?: string;
  end_date?: string;
}
export interface PopoloIdentifierOut {
  scheme: string;
  identifier: string;
}
export interface PopoloLinkOut {
  url: string;
  note?: string;
}
export interface PopoloExport {
  persons: Record<string, unknown>[];
  organizations: Record<string, unknown>[];
  memberships: Record<string, unknown>[];
  events: Record<string, unknown>[];
  areas: Record<string, unknown>[];
  meta: { generator: string; exported_at: string };
}

type Entity = {
  id: string;
  name: string;
  aliases?: { name: string; lang?: string | undefined; script?: string | undefined; kind?: Kind | undefined }[];
  description?: string | undefined;
  identifiers?: { scheme: string; value: string; url?: string | undefined }[];
  images?: string[];
  links?: { url: string; note?: string | undefined }[];
};

/** The organisation independents' seats are exported on behalf of (graph ids all have a kind prefix: no clash). */
const INDEPENDENT_ID = 'independent';

/** The id of a legislature's term as a Popolo event: `organization:mazhilis/term/5` (its last segment is the key). */
export function termEventId(organization: string, key: string): string {
  return `${organization}/term/${key}`;
}

/** Aliases as other names; an alias's kind is its `note` (`aliasKindNotes`: `pejorative`, `former name`...). */
function otherNames(e: Entity): PopoloOtherName[] {
  return (e.aliases ?? []).filter((a) => a.name !== e.name).map((a) => ({ name: a.name, ...(a.lang ? { lang: a.lang } : {}), ...(a.kind ? { note: aliasKindNotes[a.kind] } : {}) }));
}

/**
 * A party's predecessors or successors, as our extension of Popolo's organisation (Popolo has no field for
 * them): `{ name, names?, organization_id?, date? }`, `organization_id` naming an organisation of the document.
 */
export interface PopoloLineage {
  name: string;
  names?: string[];
  organization_id?: string;
  date?: string;
}

function lineage(list: Dataset['parties'][number]['predecessors']): PopoloLineage[] {
  return (list ?? []).map((l) => ({
    name: l.name,
    ...(l.names && l.names.length > 0 ? { names: l.names } : {}),
    ...(l.party ? { organization_id: l.party } : {}),
    ...(l.date ? { date: l.date } : {}),
  }));
}

function identifiers(list: Entity['identifiers']): PopoloIdentifierOut[] {
  return (list ?? []).map((i) => ({ scheme: i.scheme, identifier: i.value }));
}

/** What every Popolo element of an entity carries: names, identifiers, portrait and links. */
function common(e: Entity): Record<string, unknown> {
  const names = otherNames(e);
  const ids = identifiers(e.identifiers);
  const links = (e.links ?? []).map((l) => ({ url: l.url, ...(l.note ? { note: l.note } : {}) }));
  return {
    id: e.id,
    name: e.name,
    ...(names.length > 0 ? { other_names: names } : {}),
    ...(ids.length > 0 ? { identifiers: ids } : {}),
    ...(e.images?.[0] ? { image: e.images[0] } : {}),
    ...(links.length > 0 ? { links } : {}),
  };
}

/** Popolo membership roles: a deputy is a `member` of the legislature; other roles keep their words. */
function roleOf(m: Dataset['memberships'][number]): string {
  return m.role === 'deputy' ? 'member' : m.role;
}

/** Maps dataset records (any order) to a Popolo document. Facts other than memberships are not Popolo's. */
export function toPopolo(records: readonly CollectionRecord[], exportedAt: string): PopoloExport {
  const out: PopoloExport = { persons: [], organizations: [], memberships: [], events: [], areas: [], meta: { generator: 'kz-political-graph', exported_at: exportedAt } };
  const terms = new Map<string, { from: string; to?: string | undefined }>();
  for (const r of records) {
    if (r.collection !== 'organizations') continue;
    for (const t of r.record.terms ?? []) terms.set(termEventId(r.record.id, t.key), { from: firstValue(t.from), to: t.to === undefined ? undefined : firstValue(t.to) });
  }
  for (const r of records) {
    switch (r.collection) {
      case 'people': {
        const p = r.record;
        const images = (p.images ?? []).map((url) => ({ url }));
        out.persons.push({ ...common(p), ...(images.length > 0 ? { images } : {}), ...(p.description ? { summary: p.description } : {}) });
        break;
      }
      case 'parties': {
        const p = r.record;
        const base = common(p);
        // A party's dated names are Popolo other names dated by their span: its former names, and its current name
        // where a source dates it (since when it bears it), which the import reads back as a dated name (so an
        // export -> import keeps every dated name); the element's `name` alone carries no dates.
        // An alias of a dated name's name (the import makes a dated former name an alias too) goes out once, on the
        // dated entry, with its language and kind: so export -> import -> export writes the same names.
        const dated = new Set(p.names.map((n) => n.name));
        const aliasOf = new Map(p.aliases.filter((a) => dated.has(a.name)).map((a) => [a.name, a]));
        const former: PopoloOtherName[] = p.names.map((n) => {
          const alias = aliasOf.get(n.name);
          return {
            name: n.name,
            ...(alias?.lang ? { lang: alias.lang } : {}),
            note: alias?.kind ? aliasKindNotes[alias.kind] : n.name === p.name ? aliasKindNotes.OFFICIAL : aliasKindNotes.FORMER,
            ...(n.from ? { start_date: n.from } : {}),
            ...(n.to ? { end_date: n.to } : {}),
          };
        });
        const names = [...((base.other_names as PopoloOtherName[] | undefined) ?? []).filter((n) => !dated.has(n.name)), ...former];
        const predecessors = lineage(p.predecessors);
        const successors = lineage(p.successors);
        out.organizations.push({
          ...base,
          ...(names.length > 0 ? { other_names: names } : {}),
          classification: 'party',
          ...(predecessors.length > 0 ? { predecessors } : {}),
          ...(successors.length > 0 ? { successors } : {}),
        });
        break;
      }
      case 'organizations': {
        const o = r.record;
        out.organizations.push({ ...common(o), classification: o.orgKind.toLowerCase(), ...(o.parent ? { parent_id: o.parent } : {}), ...(o.place ? { area_id: o.place } : {}) });
        for (const t of o.terms ?? []) {
          const ids = identifiers(t.identifiers);
          out.events.push({
            id: termEventId(o.id, t.key),
            name: t.name,
            classification: 'legislative period',
            organization_id: o.id,
            // Popolo holds one date: where sources disagree, the one the graph answers with (its first claim).
            start_date: firstValue(t.from),
            ...(t.to !== undefined ? { end_date: firstValue(t.to) } : {}),
            ...(ids.length > 0 ? { identifiers: ids } : {}),
          });
        }
        break;
      }
      case 'memberships': {
        const m = r.record;
        const term = m.term ? termEventId(m.organization, m.term) : undefined;
        const dates = term ? terms.get(term) : undefined;
        const from = (m.from === undefined ? undefined : firstValue(m.from)) ?? dates?.from;
        const to = (m.to === undefined ? undefined : firstValue(m.to)) ?? dates?.to;
        out.memberships.push({
          id: m.id,
          person_id: m.person,
          organization_id: m.organization,
          role: roleOf(m),
          ...(m.title ? { label: m.title } : {}),
          ...(m.onBehalfOf ? { on_behalf_of_id: m.onBehalfOf } : m.independent ? { on_behalf_of_id: INDEPENDENT_ID } : {}),
          ...(term && dates ? { legislative_period_id: term } : {}),
          ...(from ? { start_date: from } : {}),
          ...(to ? { end_date: to } : {}),
        });
        break;
      }
      case 'elections': {
        const e = r.record;
        const ids = identifiers(e.identifiers);
        out.events.push({
          id: e.id,
          name: e.name,
          classification: `${e.kind.toLowerCase()} election`,
          start_date: firstValue(e.date),
          end_date: firstValue(e.date),
          ...(e.body ? { organization_id: e.body } : {}),
          ...(ids.length > 0 ? { identifiers: ids } : {}),
        });
        break;
      }
      case 'places': {
        const p = r.record;
        out.areas.push({ id: p.id, name: p.name, classification: p.placeKind.toLowerCase(), ...(p.within ? { parent_id: p.within } : {}) });
        break;
      }
      default:
        break;
    }
  }
  // Independents are no party in the graph; Popolo (as EveryPolitician writes it) puts their seats on behalf of
  // one organisation, which the import recognises by its Wikidata id and makes seats without a party again.
  if (out.memberships.some((m) => m.on_behalf_of_id === INDEPENDENT_ID)) {
    out.organizations.push({ id: INDEPENDENT_ID, name: 'Independent', classification: 'party', identifiers: [{ scheme: 'wikidata', identifier: 'Q327591' }] });
  }
  const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
  for (const list of [out.persons, out.organizations, out.memberships, out.events, out.areas]) list.sort(byId);
  return out;
}

/**
 * The document as JSON text with one element a line: compact (the import stores the file as the dataset source's
 * text) yet every element has a line of its own for the import's error messages.
 */
export function serialisePopolo(doc: PopoloExport): string {
  const list = (items: readonly unknown[]) => (items.length === 0 ? '[]' : `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]`);
  const parts = (['persons', 'organizations', 'memberships', 'events', 'areas'] as const).map((k) => `  ${JSON.stringify(k)}: ${list(doc[k])}`);
  return `{\n${parts.join(',\n')},\n  "meta": ${JSON.stringify(doc.meta)}\n}\n`;
}

/** The whole graph as a Popolo document. */
export async function exportPopolo(db: Database, onProgress?: (p: { done: number; total: number }) => void): Promise<PopoloExport> {
  const records: CollectionRecord[] = [];
  await exportJsonl(
    db,
    (line) => {
      const parsed = JSON.parse(line) as { collection: string; record: unknown };
      if (['people', 'parties', 'organizations', 'memberships', 'elections', 'places'].includes(parsed.collection)) records.push(parsed as CollectionRecord);
    },
    onProgress,
  );
  return toPopolo(records, new Date().toISOString());
}
