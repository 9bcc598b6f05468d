// Turns a validated dataset into the rows the loader writes: entity and fact nodes, claims, citations, the
// fact→entity links, and the derived entity→entity relationships rebuilt from the facts. Pure, so the shape
// of the graph is unit-tested without a database.
import type { EntityKind } from '../generated/graphql.js';
import { createHash } from 'node:crypto';
import { partialDate } from '../domain/partial-date.js';
import { locateQuote, normaliseForQuotes, type NormalisedText } from '../domain/quotes.js';
import { foldName, nameKeys } from '../search/fold.js';
import type { Citation, Dataset, Identifier } from './schema.js';

/** `wikidata:Q1195092`: how an identifier is stored for lookup (scheme lower-case, value as given). */
export function identifierKey(scheme: string, value: string): string {
  return `${scheme.toLowerCase()}:${value}`;
}

/** The search key of an identifier value: folded like a name (so the query `Q1195092` meets it), spaces removed. */
export function identifierSearchKey(value: string): string {
  return foldName(value).replace(/ /g, '');
}

export const entityLabels = ['Person', 'Party', 'Organization', 'Place', 'District', 'Election', 'CourtCase', 'Event'] as const;
export type EntityLabel = (typeof entityLabels)[number];
export const factLabels = ['Membership', 'Candidacy', 'CandidacyStatus', 'PartyResult', 'FamilyTie', 'CaseParty', 'Participation', 'PartyName', 'Finding', 'Term'] as const;
export type FactLabel = (typeof factLabels)[number];
/** Fact → entity links. */
export const linkTypes = ['SUBJECT', 'OBJECT', 'IN_DISTRICT', 'NOMINATED_BY', 'DECIDED_BY', 'STATUS_OF', 'ON_BEHALF_OF'] as const;
export type LinkType = (typeof linkTypes)[number];
/** Derived entity → entity relationships: what explorers and path queries walk. */
export const relationTypes = [
  'MEMBER_OF',
  'LEADS',
  'FOUNDED',
  'SERVES_IN',
  'AFFILIATED_WITH',
  'CANDIDATE_IN',
  'RAN_IN',
  'WON',
  'NOMINATED_BY',
  'CONTESTED',
  'SPOUSE_OF',
  'RELATIVE_OF',
  'DEFENDANT_IN',
  'PARTY_TO',
  'PARTICIPATED_IN',
  'OBSERVED',
  'LOCATED_IN',
  'PART_OF',
  'DISTRICT_OF',
  'ELECTION_OF',
  'HEARD_BY',
] as const;
export type RelationType = (typeof relationTypes)[number];

export const entityKindOfLabel = {
  Person: 'PERSON',
  Party: 'PARTY',
  Organization: 'ORGANIZATION',
  Place: 'PLACE',
  District: 'DISTRICT',
  Election: 'ELECTION',
  CourtCase: 'COURT_CASE',
  Event: 'EVENT',
} as const satisfies Record<EntityLabel, EntityKind>;
/** Every kind of the schema's `EntityKind` enum has a label: a kind added to the schema fails to compile here until it does. */
const _everyKindHasALabel: Exclude<EntityKind, (typeof entityKindOfLabel)[EntityLabel]> extends never ? true : never = true;
void _everyKindHasALabel;

/** The label (also the GraphQL type's name) of each entity kind: `entityKindOfLabel` turned round. */
export const entityLabelOfKind: Readonly<Record<string, EntityLabel>> = Object.fromEntries(entityLabels.map((label) => [entityKindOfLabel[label], label]));

export type Scalar = string | number | boolean | null | string[];
export type Props = Record<string, Scalar>;

export interface NodeRow {
  id: string;
  props: Props;
}
export interface LinkRow {
  from: string;
  to: string;
  props: Props;
}
export interface CitationRow {
  owner: string;
  ownerLabel: 'Entity' | 'Fact' | 'Claim';
  source: string;
  quote: string | null;
  /** JSON pointer into a structured source. */
  locator: string | null;
  /** Offsets of the quote in the source's stored text (UTF-16 units), null without a quote or a text. */
  start: number | null;
  end: number | null;
  ord: number;
}
export interface RelationRow {
  id: string;
  from: string;
  to: string;
  props: Props;
}

export interface GraphRows {
  sources: NodeRow[];
  entities: Record<EntityLabel, NodeRow[]>;
  facts: Record<FactLabel, NodeRow[]>;
  claims: NodeRow[];
  /** Claim → its owner (entity or fact). */
  claimLinks: LinkRow[];
  links: Record<LinkType, LinkRow[]>;
  citations: CitationRow[];
  relations: Record<RelationType, RelationRow[]>;
}

interface ClaimOf<T> {
  value: T;
  qualifier?: string | undefined;
  citations: Citation[];
}
type Claimable<T> = T | ClaimOf<T> | { claims: ClaimOf<T>[] };

function isClaims<T>(v: Claimable<T>): v is { claims: ClaimOf<T>[] } {
  return typeof v === 'object' && v !== null && 'claims' in v;
}

/** A value written with its own citations, `{ value, citations }` (the sources agree on it). */
function isCited<T>(v: Claimable<T>): v is ClaimOf<T> {
  return typeof v === 'object' && v !== null && 'value' in v && 'citations' in v;
}

/** The value a claimable field answers with where one is needed: the agreed value, else its first claim's. */
export function firstValue<T>(v: Claimable<T>): T {
  if (isClaims(v)) return v.claims[0]!.value;
  return isCited(v) ? v.value : v;
}

/** Every value a claimable field holds (one when the sources agree). */
export function claimValues<T>(v: Claimable<T> | undefined): T[] {
  if (v === undefined) return [];
  if (isClaims(v)) return v.claims.map((c) => c.value);
  return isCited(v) ? [v.value] : [v];
}

function dateProps(prefix: 'from' | 'to' | 'date' | 'endDate', text: string | undefined): Props {
  if (!text) return { [prefix]: null, [`${prefix}Start`]: null, [`${prefix}End`]: null, [`${prefix}Precision`]: null };
  const d = partialDate(text);
  return { [prefix]: d.text, [`${prefix}Start`]: d.start, [`${prefix}End`]: d.end, [`${prefix}Precision`]: d.precision };
}

const membershipRelation: Record<string, RelationType> = {
  leader: 'LEADS',
  chair: 'LEADS',
  head: 'LEADS',
  director: 'LEADS',
  president: 'LEADS',
  founder: 'FOUNDED',
  'co-founder': 'FOUNDED',
  member: 'MEMBER_OF',
  activist: 'MEMBER_OF',
  'deputy chair': 'MEMBER_OF',
  deputy: 'MEMBER_OF',
  minister: 'SERVES_IN',
  official: 'SERVES_IN',
  'commission member': 'SERVES_IN',
  spokesperson: 'SERVES_IN',
};

/** An election's claimable numbers. */
export const electionValueFields = ['turnout', 'seats', 'listSeats', 'districtSeats', 'independentSeats', 'singleMandateCandidates', 'candidates'] as const;

export function relationForRole(role: string): RelationType {
  return membershipRelation[role] ?? 'AFFILIATED_WITH';
}

/** What rows of a partial dataset (one record written through the API) need from records that are not in it. */
export interface GraphContextOfRecords {
  /** Dates of elections outside the dataset, by id: candidacies and results date their relations with them. */
  electionDates?: ReadonlyMap<string, string>;
  /** Texts of sources outside the dataset, by id: citations store where their quote sits in the text. */
  sourceTexts?: ReadonlyMap<string, string>;
}

/** SHA-256 of a source text's UTF-8 bytes, hex: what a reader checks a copy of the document against. */
export function textDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function datasetToGraph(dataset: Dataset, context: GraphContextOfRecords = {}): GraphRows {
  const rows: GraphRows = {
    sources: [],
    entities: Object.fromEntries(entityLabels.map((l) => [l, []])) as unknown as Record<EntityLabel, NodeRow[]>,
    facts: Object.fromEntries(factLabels.map((l) => [l, []])) as unknown as Record<FactLabel, NodeRow[]>,
    claims: [],
    claimLinks: [],
    links: Object.fromEntries(linkTypes.map((l) => [l, []])) as unknown as Record<LinkType, LinkRow[]>,
    citations: [],
    relations: Object.fromEntries(relationTypes.map((l) => [l, []])) as unknown as Record<RelationType, RelationRow[]>,
  };

  const texts = new Map<string, string>(context.sourceTexts ?? []);
  for (const s of dataset.sources) if (s.text !== null) texts.set(s.id, s.text);
  const normalised = new Map<string, NormalisedText>();
  const locate = (source: string, quote: string | undefined) => {
    const text = texts.get(source);
    if (quote === undefined || text === undefined) return null;
    let n = normalised.get(source);
    if (!n) normalised.set(source, (n = normaliseForQuotes(text)));
    return locateQuote(n, quote);
  };
  const cite = (owner: string, ownerLabel: CitationRow['ownerLabel'], citations: Citation[]) => {
    citations.forEach((c, ord) => {
      const at = locate(c.source, c.quote);
      // The stored quote is the exact slice of the text at its offsets (the validator has made it so already).
      const quote = at === null ? (c.quote ?? null) : texts.get(c.source)!.slice(at.start, at.end);
      rows.citations.push({ owner, ownerLabel, source: c.source, quote, locator: c.locator ?? null, start: at?.start ?? null, end: at?.end ?? null, ord });
    });
  };

  /**
   * Stores a claimable field: a plain value becomes a property; disputed values become Claim nodes (each with
   * its citations) and the property stays null, with the field named in `disputed`.
   */
  const claimField = <T extends string | number>(owner: string, props: Props, disputed: string[], field: string, value: Claimable<T> | undefined) => {
    if (value === undefined) {
      props[field] = null;
      return;
    }
    if (isCited(value)) {
      // Agreed, and stated by citations of its own: one claim, the field not disputed.
      props[field] = value.value;
      const id = `${owner}#${field}#1`;
      rows.claims.push({ id, props: { field, value: JSON.stringify(value.value), qualifier: value.qualifier ?? null, ord: 0 } });
      rows.claimLinks.push({ from: id, to: owner, props: {} });
      cite(id, 'Claim', value.citations);
      return;
    }
    if (!isClaims(value)) {
      props[field] = value;
      return;
    }
    props[field] = null;
    disputed.push(field);
    value.claims.forEach((claim, i) => {
      const id = `${owner}#${field}#${i + 1}`;
      rows.claims.push({ id, props: { field, value: JSON.stringify(claim.value), qualifier: claim.qualifier ?? null, ord: i } });
      rows.claimLinks.push({ from: id, to: owner, props: {} });
      cite(id, 'Claim', claim.citations);
    });
  };

  /**
   * A fact's `from`/`to` that sources may dispute (a term's, a membership's): claims as `claimField` stores them,
   * and the date properties of the first claim, which lists, `asOf` filters and relations go by (as an election's
   * polling day). Returns the properties; `disputed` names the disputed ones.
   */
  const spanClaims = (owner: string, props: Props, from: Claimable<string> | undefined, to: Claimable<string> | undefined): Props => {
    const disputed: string[] = [];
    claimField(owner, props, disputed, 'from', from);
    claimField(owner, props, disputed, 'to', to);
    return { ...dateProps('from', from === undefined ? undefined : firstValue(from)), ...dateProps('to', to === undefined ? undefined : firstValue(to)), disputed };
  };

  const relation = (type: RelationType, from: string, to: string, factId: string, props: Props = {}) => {
    rows.relations[type].push({
      id: `${factId}|${type}|${from}|${to}`,
      from,
      to,
      props: { factId, from: null, fromStart: null, to: null, toEnd: null, role: null, ...props },
    });
  };
  const span = (from?: string, to?: string): Props => {
    const f = from ? partialDate(from) : null;
    const t = to ? partialDate(to) : null;
    return { from: f?.text ?? null, fromStart: f?.start ?? null, to: t?.text ?? null, toEnd: t?.end ?? null };
  };

  for (const s of dataset.sources) {
    const d = partialDate(s.date);
    rows.sources.push({
      id: s.id,
      props: {
        kind: s.kind,
        publisher: s.publisher,
        author: s.author,
        title: s.title,
        date: s.date,
        dateStart: d.start,
        datePrecision: d.precision,
        url: s.url,
        language: s.language,
        text: s.text,
        sha256: s.text === null ? null : textDigest(s.text),
        retrievedAt: s.retrievedAt,
      },
    });
  }

  interface EntityLike {
    id: string;
    name: string;
    aliases: { name: string; lang?: string | undefined; script?: string | undefined; kind?: string | undefined; citations?: Citation[] | undefined }[];
    description?: string | undefined;
    identifiers?: Identifier[] | undefined;
    images?: string[] | undefined;
    links?: { url: string; note?: string | undefined }[] | undefined;
    citations: Citation[];
  }
  const entity = (label: EntityLabel, e: EntityLike, extra: Props, extraNames: string[] = [], disputed: string[] = []) => {
    const identifiers = e.identifiers ?? [];
    const links = e.links ?? [];
    const names = [e.name, ...e.aliases.map((a) => a.name), ...extraNames];
    // Identifier values are searchable too (`Q1195092`), but only by their exact folded form.
    const keys = [...new Set([...names.flatMap((n) => nameKeys(n)), ...identifiers.map((i) => identifierSearchKey(i.value))])];
    rows.entities[label].push({
      id: e.id,
      props: {
        kind: entityKindOfLabel[label],
        name: e.name,
        sortName: foldName(e.name),
        description: e.description ?? null,
        aliases: JSON.stringify(
          e.aliases.map((a) => ({ name: a.name, lang: a.lang ?? null, script: a.script ?? null, ...(a.kind ? { kind: a.kind } : {}), ...(a.citations && a.citations.length > 0 ? { citations: a.citations } : {}) })),
        ),
        searchKeys: keys.join(' '),
        searchNames: JSON.stringify([...new Set([...names, ...identifiers.map((i) => i.value)])]),
        identifiers: identifiers.length > 0 ? JSON.stringify(identifiers.map((i) => ({ scheme: i.scheme, value: i.value, url: i.url ?? null }))) : null,
        identifierKeys: identifiers.map((i) => identifierKey(i.scheme, i.value)),
        images: e.images ?? [],
        // Not `links`: stored records read a node's fact links under that name.
        webLinks: links.length > 0 ? JSON.stringify(links.map((l) => ({ url: l.url, note: l.note ?? null }))) : null,
        disputed,
        ...extra,
      },
    });
    cite(e.id, 'Entity', e.citations);
  };

  for (const p of dataset.people) entity('Person', p, {});

  for (const p of dataset.parties) {
    const lineage = (list: typeof p.predecessors) => (list && list.length > 0 ? JSON.stringify(list) : null);
    entity('Party', p, { status: p.status ?? null, predecessors: lineage(p.predecessors), successors: lineage(p.successors) }, p.names.map((n) => n.name));
    p.names.forEach((n, i) => {
      const id = `${p.id}#name#${i + 1}`;
      rows.facts.PartyName.push({ id, props: { kind: 'PARTY_NAME', name: n.name, ord: i, ...dateProps('from', n.from), ...dateProps('to', n.to) } });
      rows.links.SUBJECT.push({ from: id, to: p.id, props: {} });
      cite(id, 'Fact', n.citations);
    });
  }

  for (const o of dataset.organizations) {
    entity('Organization', o, { orgKind: o.orgKind, parentId: o.parent ?? null, placeId: o.place ?? null });
    (o.terms ?? []).forEach((t, i) => {
      const id = `${o.id}#term#${i + 1}`;
      const props: Props = {
        kind: 'TERM',
        key: t.key,
        name: t.name,
        ord: i,
        identifiers: t.identifiers && t.identifiers.length > 0 ? JSON.stringify(t.identifiers.map((x) => ({ scheme: x.scheme, value: x.value, url: x.url ?? null }))) : null,
      };
      Object.assign(props, spanClaims(id, props, t.from, t.to));
      rows.facts.Term.push({ id, props });
      rows.links.SUBJECT.push({ from: id, to: o.id, props: {} });
      cite(id, 'Fact', t.citations);
    });
    if (o.parent) relation('PART_OF', o.id, o.parent, o.id);
    if (o.place) relation('LOCATED_IN', o.id, o.place, o.id);
  }

  for (const p of dataset.places) {
    entity('Place', p, { placeKind: p.placeKind, withinId: p.within ?? null });
    if (p.within) relation('LOCATED_IN', p.id, p.within, p.id);
  }

  for (const d of dataset.districts) {
    entity('District', d, { number: d.number ?? null, seats: d.seats ?? null, bodyId: d.body, placeId: d.place ?? null });
    relation('DISTRICT_OF', d.id, d.body, d.id);
    if (d.place) relation('LOCATED_IN', d.id, d.place, d.id);
  }

  for (const e of dataset.elections) {
    const props: Props = { electionKind: e.kind, bodyId: e.body ?? null, placeId: e.place ?? null };
    const disputed: string[] = [];
    for (const field of electionValueFields) claimField(e.id, props, disputed, field, e[field]);
    // Polling day: its claims when sources disagree, but the node always answers one date (the first claim's),
    // which lists, timelines and the relations of candidacies are dated by.
    claimField(e.id, props, disputed, 'date', e.date);
    Object.assign(props, dateProps('date', firstValue(e.date)));
    // Turnout per place: a list of cited values (claims of the election that are no dispute), `#placeTurnout#n`.
    e.placeTurnout.forEach((t, i) => {
      const id = `${e.id}#placeTurnout#${i + 1}`;
      rows.claims.push({ id, props: { field: 'placeTurnout', value: JSON.stringify({ place: t.place, turnout: t.turnout }), qualifier: t.qualifier ?? null, ord: i } });
      rows.claimLinks.push({ from: id, to: e.id, props: {} });
      cite(id, 'Claim', t.citations);
    });
    entity('Election', e, props, [], disputed);
    if (e.body) relation('ELECTION_OF', e.id, e.body, e.id);
    if (e.place) relation('LOCATED_IN', e.id, e.place, e.id);
    e.findings.forEach((f, i) => {
      const id = `${e.id}#finding#${i + 1}`;
      rows.facts.Finding.push({ id, props: { kind: 'FINDING', summary: f.summary, ...dateProps('date', f.date) } });
      rows.links.SUBJECT.push({ from: id, to: f.observer, props: {} });
      rows.links.OBJECT.push({ from: id, to: e.id, props: {} });
      cite(id, 'Fact', f.citations);
      relation('OBSERVED', f.observer, e.id, id, span(f.date ?? firstValue(e.date)));
    });
  }

  for (const c of dataset.courtCases) {
    const props: Props = { charges: c.charges, ...dateProps('from', c.opened), courtId: c.court ?? null };
    const disputed: string[] = [];
    claimField(c.id, props, disputed, 'maxPenalty', c.maxPenalty);
    claimField(c.id, props, disputed, 'status', c.status);
    entity('CourtCase', c, props, [], disputed);
    if (c.court) relation('HEARD_BY', c.id, c.court, c.id);
    c.parties.forEach((p, i) => {
      const id = `${c.id}#party#${i + 1}`;
      rows.facts.CaseParty.push({ id, props: { kind: 'CASE_PARTY', role: p.role, charges: p.charges, ...dateProps('from', p.from ?? c.opened) } });
      rows.links.SUBJECT.push({ from: id, to: p.entity, props: {} });
      rows.links.OBJECT.push({ from: id, to: c.id, props: {} });
      cite(id, 'Fact', p.citations);
      relation(p.role === 'DEFENDANT' ? 'DEFENDANT_IN' : 'PARTY_TO', p.entity, c.id, id, { ...span(p.from ?? c.opened), role: p.role.toLowerCase() });
    });
  }

  for (const ev of dataset.events) {
    const dates = claimValues(ev.date).map(partialDate);
    const earliest = dates.reduce((a, b) => (b.start < a.start ? b : a));
    const props: Props = { eventKind: ev.kind, charges: ev.charges, ...dateProps('endDate', ev.endDate), placeId: ev.place ?? null };
    const disputed: string[] = [];
    claimField(ev.id, props, disputed, 'date', ev.date);
    // Timelines sort and filter on the widest span any source allows.
    Object.assign(props, { dateStart: earliest.start, dateEnd: dates.reduce((a, b) => (b.end > a.end ? b : a)).end, datePrecision: earliest.precision });
    entity('Event', ev, props, [], disputed);
    if (ev.place) relation('LOCATED_IN', ev.id, ev.place, ev.id);
    ev.participants.forEach((p, i) => {
      const id = `${ev.id}#participant#${i + 1}`;
      rows.facts.Participation.push({ id, props: { kind: 'PARTICIPATION', role: p.role, ord: i } });
      rows.links.SUBJECT.push({ from: id, to: p.entity, props: {} });
      rows.links.OBJECT.push({ from: id, to: ev.id, props: {} });
      cite(id, 'Fact', p.citations ?? ev.citations);
      relation('PARTICIPATED_IN', p.entity, ev.id, id, { from: earliest.text, fromStart: earliest.start, to: ev.endDate ?? null, toEnd: ev.endDate ? partialDate(ev.endDate).end : null, role: p.role });
    });
  }

  for (const m of dataset.memberships) {
    const props: Props = { kind: 'MEMBERSHIP', role: m.role, title: m.title ?? null, term: m.term ?? null, independent: m.independent ?? null };
    Object.assign(props, spanClaims(m.id, props, m.from, m.to));
    rows.facts.Membership.push({ id: m.id, props });
    rows.links.SUBJECT.push({ from: m.id, to: m.person, props: {} });
    rows.links.OBJECT.push({ from: m.id, to: m.organization, props: {} });
    cite(m.id, 'Fact', m.citations);
    const from = m.from === undefined ? undefined : firstValue(m.from);
    const to = m.to === undefined ? undefined : firstValue(m.to);
    relation(relationForRole(m.role), m.person, m.organization, m.id, { ...span(from, to), role: m.title ?? m.role });
    if (m.onBehalfOf) {
      // A legislator sat for the party: an affiliation for the network, dated like the seat.
      rows.links.ON_BEHALF_OF.push({ from: m.id, to: m.onBehalfOf, props: {} });
      relation('AFFILIATED_WITH', m.person, m.onBehalfOf, m.id, { ...span(from, to), role: 'sat for' });
    }
  }

  const electionDate = new Map([...(context.electionDates ?? []), ...dataset.elections.map((e) => [e.id, firstValue(e.date)] as const)]);
  for (const c of dataset.candidacies) {
    const props: Props = { kind: 'CANDIDACY', mandate: c.mandate ?? null, selfNominated: c.selfNominated ?? null };
    const disputed: string[] = [];
    claimField(c.id, props, disputed, 'election', c.election);
    claimField(c.id, props, disputed, 'district', c.district);
    claimField(c.id, props, disputed, 'rank', c.rank);
    const statuses = c.statuses.map((s) => s.status);
    props.outcome = statuses.includes('ELECTED') ? 'ELECTED' : statuses.includes('LOST') ? 'LOST' : null;
    props.disputed = disputed;
    rows.facts.Candidacy.push({ id: c.id, props });
    rows.links.SUBJECT.push({ from: c.id, to: c.person, props: {} });
    cite(c.id, 'Fact', c.citations);
    const elections = claimValues(c.election);
    const districts = claimValues(c.district);
    for (const e of elections) {
      rows.links.OBJECT.push({ from: c.id, to: e, props: { disputed: elections.length > 1 } });
      relation('CANDIDATE_IN', c.person, e, c.id, span(electionDate.get(e)));
    }
    for (const d of districts) {
      rows.links.IN_DISTRICT.push({ from: c.id, to: d, props: { disputed: districts.length > 1 } });
      relation('RAN_IN', c.person, d, c.id, span(elections.length === 1 ? electionDate.get(elections[0]!) : undefined));
    }
    if (c.nominatedBy) {
      rows.links.NOMINATED_BY.push({ from: c.id, to: c.nominatedBy, props: {} });
      relation('NOMINATED_BY', c.person, c.nominatedBy, c.id, span(elections.length === 1 ? electionDate.get(elections[0]!) : undefined));
    }
    if (props.outcome === 'ELECTED') {
      const seat = districts.length === 1 ? districts[0]! : elections[0]!;
      relation('WON', c.person, seat, c.id, span(elections.length === 1 ? electionDate.get(elections[0]!) : undefined));
    }
    c.statuses.forEach((s, i) => {
      const id = `${c.id}#status#${i + 1}`;
      rows.facts.CandidacyStatus.push({ id, props: { kind: 'CANDIDACY_STATUS', status: s.status, ord: i, ...dateProps('date', s.date) } });
      rows.links.STATUS_OF.push({ from: id, to: c.id, props: {} });
      if (s.by) rows.links.DECIDED_BY.push({ from: id, to: s.by, props: {} });
      cite(id, 'Fact', s.citations);
    });
  }

  for (const r of dataset.partyResults) {
    const props: Props = { kind: 'PARTY_RESULT', passedThreshold: r.passedThreshold ?? null };
    const disputed: string[] = [];
    for (const field of ['voteShare', 'listSeats', 'districtSeats', 'totalSeats'] as const) claimField(r.id, props, disputed, field, r[field]);
    props.disputed = disputed;
    rows.facts.PartyResult.push({ id: r.id, props });
    rows.links.SUBJECT.push({ from: r.id, to: r.party, props: {} });
    rows.links.OBJECT.push({ from: r.id, to: r.election, props: {} });
    cite(r.id, 'Fact', r.citations);
    relation('CONTESTED', r.party, r.election, r.id, span(electionDate.get(r.election)));
  }

  for (const f of dataset.familyTies) {
    rows.facts.FamilyTie.push({ id: f.id, props: { kind: 'FAMILY_TIE', relation: f.relation } });
    rows.links.SUBJECT.push({ from: f.id, to: f.person, props: {} });
    rows.links.OBJECT.push({ from: f.id, to: f.relative, props: {} });
    cite(f.id, 'Fact', f.citations);
    relation(f.relation === 'SPOUSE' ? 'SPOUSE_OF' : 'RELATIVE_OF', f.person, f.relative, f.id, { role: f.relation.toLowerCase() });
  }

  return rows;
}
