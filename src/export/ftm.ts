// FollowTheMoney export: the graph's records as FtM entities (https://followthemoney.tech), one JSON object a
// line, so the graph opens in Aleph, OpenSanctions' tools (nomenklatura, yente) and `ftm` pipelines. Pure: it maps
// a Dataset (as the JSONL export reads it back from the graph) to entities. Sources become Article/Document
// entities; every entity carries its sources as `proof` (the documents), `sourceUrl` and `publisher`, and each
// (entity, source) pair is a `Documentation` entity whose `summary` holds the quoted passages. Relationships
// (memberships, family ties, case parties, candidacies) are interval entities with the same `sourceUrl`,
// `publisher` and their quotes in `summary`. Dates keep their precision: FtM dates are ISO prefixes (`2022`,
// `2022-01`, `2022-01-05`) as ours are. Checked against the FtM model in test/unit/ftm-export.test.ts.
import { createHash } from 'node:crypto';
import { exportJsonl, type ExportProgress } from '../bulk/export.js';
import { datasetOf, type CollectionRecord } from '../dataset/from-graph.js';
import type { Citation, Dataset } from '../dataset/schema.js';
import { claimValues } from '../dataset/to-graph.js';
import type { Database } from '../neo4j/database.js';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** ISO 639-3 codes FtM's `language` type takes, for the BCP 47 codes our sources carry. */
const LANGUAGES: Readonly<Record<string, string>> = { en: 'eng', ru: 'rus', kk: 'kaz', de: 'deu', fr: 'fra', es: 'spa', tr: 'tur', uk: 'ukr', zh: 'zho' };

/** Organisation kinds that are public bodies in FtM's sense. */
const PUBLIC_BODY_KINDS = new Set(['STATE_BODY', 'MINISTRY', 'COURT', 'ELECTION_COMMISSION', 'LEGISLATURE', 'LOCAL_COUNCIL']);
/** Membership roles that are a seat on an organisation's board or its leadership (FtM `Directorship`). */
const DIRECTOR_ROLES = new Set(['leader', 'chair', 'deputy chair', 'head', 'director']);

/** A source's FtM id: seed file names (`000_x.txt`) and API sources (`source:slug`) alike under `source:`. */
export function ftmSourceId(sourceId: string): string {
  return sourceId.startsWith('source:') ? sourceId : `source:${sourceId}`;
}

/** Id of a generated link entity: readable prefix, stable hash of what it joins. */
function linkId(prefix: string, ...parts: string[]): string {
  return `${prefix}:${createHash('sha1').update(parts.join('\n')).digest('hex').slice(0, 16)}`;
}

class FtmWriter {
  readonly entities: FtmEntity[] = [];
  private readonly sources = new Map<string, Dataset['sources'][number]>();
  private readonly schemaOf = new Map<string, string>();

  constructor(dataset: Dataset) {
    for (const s of dataset.sources) this.sources.set(s.id, s);
  }

  add(id: string, schema: string, properties: Record<string, (string | null | undefined)[]>): FtmEntity {
    const clean: Record<string, string[]> = {};
    for (const [name, values] of Object.entries(properties)) {
      const kept = [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== ''))];
      if (kept.length > 0) clean[name] = kept;
    }
    const entity = { id, schema, properties: clean };
    this.entities.push(entity);
    this.schemaOf.set(id, schema);
    return entity;
  }

  has(id: string): boolean {
    return this.schemaOf.has(id);
  }

  schema(id: string): string | undefined {
    return this.schemaOf.get(id);
  }

  /** `sourceUrl`, `publisher` and the quotes of some citations, as properties of the entity they document. */
  provenance(citations: readonly Citation[] | undefined): { sourceUrl: string[]; publisher: string[]; quotes: string[] } {
    const sourceUrl: string[] = [];
    const publisher: string[] = [];
    const quotes: string[] = [];
    for (const c of citations ?? []) {
      const s = this.sources.get(c.source);
      if (s?.url) sourceUrl.push(s.url);
      if (s) publisher.push(s.publisher);
      quotes.push(citationText(c));
    }
    return { sourceUrl, publisher, quotes };
  }

  /** A Thing's sources: `proof`, `sourceUrl`, `publisher`, and one Documentation entity per source with its quotes. */
  documented(id: string, citations: readonly Citation[] | undefined): Record<string, string[]> {
    const bySource = new Map<string, string[]>();
    for (const c of citations ?? []) {
      if (!this.sources.has(c.source)) continue;
      const list = bySource.get(c.source) ?? [];
      list.push(citationText(c));
      bySource.set(c.source, list);
    }
    for (const [source, quotes] of bySource) {
      this.add(linkId('documentation', id, source), 'Documentation', { document: [ftmSourceId(source)], entity: [id], role: ['cites'], summary: [quotes.join('\n')] });
    }
    const p = this.provenance(citations);
    return { proof: [...bySource.keys()].map(ftmSourceId), sourceUrl: p.sourceUrl, publisher: p.publisher };
  }

  /** Properties of an interval (a relationship) from its citations. */
  interval(citations: readonly Citation[] | undefined): Record<string, string[]> {
    const p = this.provenance(citations);
    return { sourceUrl: p.sourceUrl, publisher: p.publisher, summary: p.quotes.length > 0 ? [p.quotes.join('\n')] : [] };
  }
}

function citationText(c: Citation): string {
  const where = c.quote ? `“${c.quote}”` : c.locator ? `at ${c.locator}` : '';
  return `${where} (${c.source})`.trim();
}

interface Named {
  id: string;
  name: string;
  aliases: { name: string }[];
  description?: string | undefined;
  identifiers?: { scheme: string; value: string; url?: string | undefined }[] | undefined;
  links?: { url: string }[] | undefined;
  citations: Citation[];
}

/** Name, aliases, description, links and identifiers of any entity; identifiers other than Wikidata become Identification entities. */
function common(w: FtmWriter, e: Named, legalEntity: boolean): Record<string, (string | undefined)[]> {
  const wikidata = (e.identifiers ?? []).filter((i) => i.scheme === 'wikidata').map((i) => i.value);
  if (legalEntity) {
    for (const i of (e.identifiers ?? []).filter((x) => x.scheme !== 'wikidata')) {
      w.add(linkId('identification', e.id, i.scheme, i.value), 'Identification', { holder: [e.id], number: [i.value], authority: [i.scheme], type: [i.scheme], sourceUrl: [i.url] });
    }
  }
  return {
    name: [e.name],
    alias: e.aliases.map((a) => a.name).filter((n) => n !== e.name),
    description: [e.description],
    wikidataId: wikidata,
    ...(legalEntity ? { website: (e.links ?? []).map((l) => l.url) } : {}),
    ...w.documented(e.id, e.citations),
  };
}

/** Every record of the dataset as FtM entities, sources first, things before the links between them. */
export function datasetToFtm(dataset: Dataset): FtmEntity[] {
  const w = new FtmWriter(dataset);
  for (const s of dataset.sources) {
    w.add(ftmSourceId(s.id), s.kind === 'ARTICLE' ? 'Article' : 'Document', {
      title: [s.title ?? s.publisher],
      author: [s.author],
      publisher: [s.publisher],
      publishedAt: [s.date],
      sourceUrl: [s.url],
      language: [s.language ? LANGUAGES[s.language.slice(0, 2)] : undefined],
      retrievedAt: [s.retrievedAt?.slice(0, 10)],
      // FtM requires a document's file name: a seed text's own, an API source's id.
      fileName: [s.id.startsWith('source:') ? s.id.slice('source:'.length) : s.id],
    });
  }
  for (const p of dataset.people) w.add(p.id, 'Person', common(w, p, true));
  for (const p of dataset.parties) {
    const previous = p.names.map((n) => n.name).filter((n) => n !== p.name);
    w.add(p.id, 'Organization', { ...common(w, p, true), topics: ['pol.party'], previousName: previous, status: [p.status?.toLowerCase()] });
  }
  for (const o of dataset.organizations) {
    w.add(o.id, PUBLIC_BODY_KINDS.has(o.orgKind) ? 'PublicBody' : 'Organization', { ...common(w, o, true), classification: [o.orgKind.toLowerCase().replace(/_/g, ' ')] });
  }
  for (const p of dataset.places) {
    w.add(p.id, 'Address', { ...common(w, p, false), full: [p.name], country: [p.placeKind === 'COUNTRY' && p.id === 'place:kazakhstan' ? 'kz' : undefined] });
  }
  for (const e of dataset.elections) {
    w.add(e.id, 'Event', { ...common(w, e, false), startDate: claimValues(e.date), summary: [`${e.kind.toLowerCase()} election`], addressEntity: e.place && w.schema(e.place) === 'Address' ? [e.place] : [] });
  }
  for (const c of dataset.courtCases) {
    w.add(c.id, 'CourtCase', {
      ...common(w, c, false),
      fileDate: [c.opened],
      status: claimValues(c.status).map((s) => s.toLowerCase()),
      category: c.charges,
    });
  }
  for (const ev of dataset.events) {
    const dates = claimValues(ev.date);
    const involved = ev.participants.map((p) => p.entity).filter((id) => ['Person', 'Organization', 'PublicBody'].includes(w.schema(id) ?? ''));
    w.add(ev.id, 'Event', {
      ...common(w, ev, false),
      // A disputed date: every date a source gives (FtM keeps a property's values as a set).
      startDate: dates,
      endDate: [ev.endDate],
      summary: [ev.kind.toLowerCase().replace(/_/g, ' ')],
      involved,
      addressEntity: ev.place && w.schema(ev.place) === 'Address' ? [ev.place] : [],
      country: ['kz'],
    });
  }

  // Relationships between the things above; a link whose end is not in the export is left out.
  for (const c of dataset.courtCases) {
    for (const p of c.parties) {
      if (!w.has(p.entity)) continue;
      w.add(linkId('case-party', c.id, p.entity, p.role), 'CourtCaseParty', { case: [c.id], party: [p.entity], role: [p.role.toLowerCase()], startDate: [p.from], ...w.interval(p.citations) });
    }
  }
  for (const ev of dataset.events) {
    for (const p of ev.participants) {
      // Roles of participants FtM's Event cannot say (`arrested`, `new leader`): a link with the role.
      if (!w.has(p.entity)) continue;
      w.add(linkId('participation', ev.id, p.entity, p.role), 'UnknownLink', { subject: [p.entity], object: [ev.id], role: [p.role], ...w.interval(p.citations ?? ev.citations) });
    }
  }
  for (const m of dataset.memberships) {
    if (!w.has(m.person) || !w.has(m.organization)) continue;
    const director = DIRECTOR_ROLES.has(m.role);
    const role = [m.title ?? m.role, m.onBehalfOf ? `for ${m.onBehalfOf}` : undefined, m.term ? `term ${m.term}` : undefined].filter(Boolean).join(', ');
    const organization = ['Organization', 'PublicBody'].includes(w.schema(m.organization) ?? '');
    if (!organization) continue;
    w.add(m.id, director ? 'Directorship' : 'Membership', {
      [director ? 'director' : 'member']: [m.person],
      organization: [m.organization],
      role: [role],
      // Every date a source gives, where they disagree (FtM properties hold several values).
      startDate: claimValues(m.from),
      endDate: claimValues(m.to),
      recordId: [m.id],
      ...w.interval(m.citations),
    });
  }
  for (const f of dataset.familyTies) {
    if (!w.has(f.person) || !w.has(f.relative)) continue;
    w.add(f.id, 'Family', { person: [f.person], relative: [f.relative], relationship: [f.relation.toLowerCase()], recordId: [f.id], ...w.interval(f.citations) });
  }
  for (const c of dataset.candidacies) {
    for (const election of claimValues(c.election)) {
      if (!w.has(c.person) || !w.has(election)) continue;
      const outcome = c.statuses.map((s) => s.status.toLowerCase()).join(', ');
      w.add(linkId('candidacy', c.id, election), 'UnknownLink', { subject: [c.person], object: [election], role: [`candidate${outcome ? ` (${outcome})` : ''}`], recordId: [c.id], ...w.interval(c.citations) });
    }
  }
  for (const r of dataset.partyResults) {
    if (!w.has(r.party) || !w.has(r.election)) continue;
    // A disputed value: every value a source gives, once each (`62 / 60 seats`).
    const seats = [...new Set(claimValues(r.totalSeats))];
    const share = [...new Set(claimValues(r.voteShare))];
    const role = ['contested', share.length > 0 ? `${share.join(' / ')} % of the vote` : '', seats.length > 0 ? `${seats.join(' / ')} seats` : ''].filter(Boolean).join(', ');
    w.add(r.id, 'UnknownLink', { subject: [r.party], object: [r.election], role: [role], recordId: [r.id], ...w.interval(r.citations) });
  }
  return w.entities;
}

/** FtM's line-based JSON: one entity a line. */
export function serialiseFtm(entities: readonly FtmEntity[]): string {
  return entities.length === 0 ? '' : `${entities.map((e) => JSON.stringify(e)).join('\n')}\n`;
}

/**
 * The whole graph as FtM entities: every record as the JSONL export reads it back, less the retracted facts
 * (withdrawn statements are no statements to publish).
 */
export async function exportFtm(db: Database, onProgress?: (p: ExportProgress) => void): Promise<FtmEntity[]> {
  const records: CollectionRecord[] = [];
  const retracted = new Set<string>();
  await exportJsonl(
    db,
    (line) => {
      const parsed = JSON.parse(line) as { collection: string; record: { fact?: string } };
      if (parsed.collection === 'retractions') retracted.add(String(parsed.record.fact));
      else if (parsed.collection !== 'redirects') records.push(parsed as CollectionRecord);
    },
    onProgress,
  );
  const kept = records.filter((r) => !retracted.has((r.record as { id?: string }).id ?? ''));
  return datasetToFtm(datasetOf(kept));
}
