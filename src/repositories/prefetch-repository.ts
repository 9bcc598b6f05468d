// Prefetch: one Cypher query for a whole GraphQL operation. The API's resolvers read through per-request
// DataLoaders, which batch one level of a query at a time; a root field that knows what its sub-selection
// will ask for (a `PrefetchPlan`, built from the operation in src/resolvers/prefetch.ts) fetches all of it
// at once here, nested COLLECT subqueries mirroring the selection, and primes the loaders with the results.
// The resolvers then find every answer already loaded: one round trip per operation, with the same records
// they would have loaded themselves, because the fragments are the loaders' own (./fragments.ts).
import { factLabels, type FactLabel } from '../dataset/to-graph.js';
import { int, type Database } from '../neo4j/database.js';
import { parseChange, type ChangeRecord } from './curation-repository.js';
import { assertFactLink, type FactLinkKey } from './fact-repository.js';
import { citationList, claimList, entityMap, eventsPage, factMap, factOrder, historyList, holdingOn, relationCount, relationMap, relationRows, VariableNames, wholeRecords, type CitationProjection, type PageBounds, type ReadProjection, type RelationProperty } from './fragments.js';
import { toConnection, type Connection, type PageRequest } from './pagination.js';
import { parseTimelinePage, timelinePage, type TimelineEntryKind, type TimelineEntryRecord, type TimelineRequest } from './timeline-repository.js';
import { parseSeat, parseTerm, seatPage, termList, type SeatFilter, type SeatRecord, type TermRecord } from './legislature-repository.js';
import { parseSourceCitation, sourceCitationCount, sourceCitationRows, type SourceCitationRecord, type SourceCitationsRequest } from './source-repository.js';
import {
  parseCitation,
  parseClaim,
  parseEntity,
  parseFact,
  parseRelation,
  parseSource,
  type CitationRecord,
  type ClaimRecord,
  type EntityKind,
  type EntityRecord,
  type FactRecord,
  type RelationRecord,
  type SourceRecord,
} from './records.js';

/** Links from a fact to the entities it names. */
export type EntityLink = 'SUBJECT' | 'OBJECT' | 'NOMINATED_BY' | 'DECIDED_BY';
/** Properties of an entity naming another entity. */
export type EntityProperty = 'parentId' | 'placeId' | 'bodyId' | 'courtId' | 'withinId';

/** What a field's resolver will load, in the terms of the loaders (src/repositories/loaders.ts). */
export type Need =
  | { kind: 'entityByLink'; link: EntityLink }
  | { kind: 'entityByProperty'; property: EntityProperty }
  | { kind: 'citations' }
  | { kind: 'claims' }
  | { kind: 'history' }
  | { kind: 'valueEntities'; field: EntityValueField }
  | { kind: 'facts'; label: FactLabel; link: FactLinkKey['link']; includeRetracted: boolean; asOf: string | null }
  | { kind: 'events'; kinds: string[] | null; page: PageRequest }
  | { kind: 'timeline'; kinds: TimelineEntryKind[] | null; page: PageRequest }
  | { kind: 'relations'; types: string[] | null; asOf: string | null; includeRetracted: boolean; page: PageRequest; other: boolean; citations: boolean };

/**
 * Values naming entities: a fact's `election` and `district` (`EntityValue` fields: the plain value a property
 * holding the id, the sources' claims beside it), and an election's turnout per place (claims only). Claim values
 * are JSON, written by src/dataset/to-graph.ts alone: a JSON string for the first two, `{"place":…,"turnout":…}`
 * for the last; `claimEntityId` reads the id out of that text in Cypher.
 */
export const entityValueFields = ['election', 'district', 'placeTurnout'] as const;
export type EntityValueField = (typeof entityValueFields)[number];

function claimEntityId(field: EntityValueField, c: string): string {
  return field === 'placeTurnout' ? `split(split(${c}.value, '"place":"')[1], '"')[0]` : `substring(${c}.value, 1, size(${c}.value) - 2)`;
}

/** Which events a page holds: of these kinds, within these days, at this place (each null: any). */
export interface EventFilter {
  kinds: string[] | null;
  from: string | null;
  to: string | null;
  placeId: string | null;
}

/** One need of a record, and the needs of the records it yields (facts, entities, events, relations' others). */
export interface PlanNode {
  need: Need;
  /** Only for records of this kind (a fragment on a concrete entity type under an interface). */
  onlyKind?: EntityKind;
  /** Only for facts of this label (a fragment on a concrete fact type under `Node` or `Fact`). */
  onlyLabel?: FactLabel;
  children: PlanNode[];
}

export type PrefetchPlan = PlanNode[];

/** A value to put into one loader, under the key its resolver will ask for. */
export type Prime =
  | { loader: 'entity'; key: string; value: EntityRecord }
  | { loader: 'fact'; key: string; value: FactRecord }
  | { loader: 'citations'; key: string; value: CitationRecord[] }
  | { loader: 'claims'; key: string; value: ClaimRecord[] }
  | { loader: 'history'; key: string; value: ChangeRecord[] }
  | { loader: 'factsLinked'; key: { label: FactLabel; link: FactLinkKey['link']; includeRetracted: boolean; asOf: string | null; id: string }; value: FactRecord[] }
  | {
      loader: 'events';
      key: { entityId: string; kinds: string[] | null; from: null; to: null; placeId: null; first: number; afterKey: string | null };
      value: Connection<EntityRecord>;
    }
  | { loader: 'timeline'; key: TimelineRequest; value: Connection<TimelineEntryRecord> }
  | { loader: 'source'; key: string; value: SourceRecord }
  | { loader: 'sourceCitations'; key: SourceCitationsRequest; value: Connection<SourceCitationRecord> }
  | {
      loader: 'relations';
      key: { id: string; types: string[] | null; asOf: string | null; includeRetracted: boolean; first: number; afterKey: string | null };
      value: Connection<RelationRecord>;
    };

const allowedEntityLinks = new Set<string>(['SUBJECT', 'OBJECT', 'NOMINATED_BY', 'DECIDED_BY']);
const allowedProperties = new Set<string>(['parentId', 'placeId', 'bodyId', 'courtId', 'withinId']);

/**
 * Binds variable `v` to the entity node held in a list row (`row`): by an index seek on its id, because
 * Neo4j 5.26 fails at run time ("VirtualNodeValue.id() ... is null") when a node taken out of a list is
 * walked from inside a further nested subquery expression.
 */
function rebind(v: string, row: string): string {
  return `MATCH (${v}:Entity {id: ${row}.id})`;
}

/** Builds the nested map expressions of a plan; parameters are collected as it goes. */
class PlanCompiler {
  readonly names = new VariableNames();
  readonly params: Record<string, unknown> = {};

  private readonly props: readonly string[] | null;
  private readonly factProps: readonly string[] | null;
  private readonly factLinks: ReadProjection['links'];
  private readonly citations: CitationProjection | null;
  private readonly relationProps: readonly RelationProperty[] | null;

  /** What the operation reads of each kind of record (src/resolvers/projection.ts); `wholeRecords` reads all. */
  constructor(projection: ReadProjection) {
    this.props = projection.entity;
    this.factProps = projection.fact;
    this.factLinks = projection.links;
    this.citations = projection.citations;
    this.relationProps = projection.relation;
  }

  private entity(v: string): string {
    return entityMap(v, this.props);
  }

  param(value: unknown): string {
    const name = this.names.fresh('pf');
    this.params[name] = value;
    return `$${name}`;
  }

  /** `{n0: ..., n1: ...}`: every need of the plan for the record bound to `v`. */
  map(v: string, plan: PrefetchPlan): string {
    const entries = plan.map((node, i) => {
      const expr = this.expr(v, node);
      if (node.onlyLabel && !factLabels.includes(node.onlyLabel)) throw new Error(`not a fact label: ${node.onlyLabel}`);
      const only = node.onlyKind ? `${v}.kind = ${this.param(node.onlyKind)}` : node.onlyLabel ? `${v}:${node.onlyLabel}` : null;
      return `n${i}: ${only ? `CASE WHEN ${only} THEN ${expr} END` : expr}`;
    });
    return `{${entries.join(', ')}}`;
  }

  /** The bounds of a keyset page, as parameters. */
  private bounds(page: PageRequest): PageBounds {
    return { after: this.param(page.afterKey), limit: this.param(int(page.first + 1)) };
  }

  /**
   * `{total, page}`: the count `total`, and the rows of one keyset page (`rows`, already bounded by the page)
   * each made into a map by `each` (a query part on the row bound to the variable it is given).
   */
  private page(total: string, rows: { cypher: string; row: string }, each: (x: string) => string): string {
    const x = this.names.fresh('x');
    return `{total: ${total}, page: COLLECT { ${rows.cypher} WITH ${rows.row} AS ${x} ${each(x)} }}`;
  }

  /** `{r: <record>, pre: <its needs>}` for a node bound to `v`. */
  private item(v: string, record: string, children: PrefetchPlan): string {
    return `{r: ${record}, pre: ${this.map(v, children)}}`;
  }

  /**
   * `{total, page}`: one page of the events matching `filter` (those entity `v` took part in, or all events when
   * `v` is null), oldest first, each with what `children` asks of it.
   */
  events(v: string | null, filter: EventFilter, page: PageRequest, children: PrefetchPlan): string {
    const n = this.names;
    const req = this.param(filter);
    return eventsPage(v, req, n, this.bounds(page), (x) => {
      const m = n.fresh('m');
      // An event nothing further is asked of is read off the row: no seek by id to rebind it (`rebind`).
      const bound = children.length === 0 ? `WITH ${x}, ${x}.n AS ${m}` : rebind(m, `${x}.n`);
      return `${bound} RETURN {key: ${x}.key, r: ${this.entity(m)}, pre: ${this.map(m, children)}}`;
    });
  }

  /** The citations of the fact or entity whose id is the variable `ownerId` (as the citations loader reads them). */
  private citationsOfOwner(ownerId: string): string {
    const w = this.names.fresh('w');
    return `COLLECT { CALL (${ownerId}) { MATCH (${w}:Fact {id: ${ownerId}}) RETURN ${w} UNION MATCH (${w}:Entity {id: ${ownerId}}) RETURN ${w} }
      UNWIND ${citationList(w, this.names, this.citations)} AS cited RETURN cited }`;
  }

  private expr(v: string, node: PlanNode): string {
    const { need } = node;
    const n = this.names;
    switch (need.kind) {
      case 'citations':
        return citationList(v, n, this.citations);
      case 'claims':
        return claimList(`${v}.id`, n, this.citations);
      case 'history':
        // The history loader's own fragment (./curation-repository.ts `historyOf`).
        return historyList(v, n);
      case 'valueEntities': {
        // The entity a fact's value names, and those its claims name when the sources disagree (./fragments.ts `claimList`).
        if (!(entityValueFields as readonly string[]).includes(need.field)) throw new Error(`not an entity value: ${need.field}`);
        const c = n.fresh('c');
        const id = n.fresh('id');
        const x = n.fresh('e');
        const plain = need.field === 'placeTurnout' ? '[]' : `[${v}.${need.field}]`;
        return `COLLECT { UNWIND ${plain} + COLLECT { MATCH (${c}:Claim) WHERE ${c}.id STARTS WITH ${v}.id + '#' AND ${c}.field = ${this.param(need.field)} RETURN ${claimEntityId(need.field, c)} } AS ${id}
          WITH DISTINCT ${id} MATCH (${x}:Entity {id: ${id}}) WHERE ${x}.kind IS NOT NULL RETURN ${this.item(x, this.entity(x), node.children)} }`;
      }
      case 'entityByLink': {
        if (!allowedEntityLinks.has(need.link)) throw new Error(`not an entity link: ${need.link}`);
        const x = n.fresh('e');
        return `COLLECT { MATCH (${v})-[:${need.link}]->(${x}:Entity) WHERE ${x}.kind IS NOT NULL RETURN ${this.item(x, this.entity(x), node.children)} }`;
      }
      case 'entityByProperty': {
        if (!allowedProperties.has(need.property)) throw new Error(`not an entity property: ${need.property}`);
        const x = n.fresh('e');
        return `COLLECT { MATCH (${x}:Entity {id: ${v}.${need.property}}) WHERE ${x}.kind IS NOT NULL RETURN ${this.item(x, this.entity(x), node.children)} }`;
      }
      case 'facts': {
        assertFactLink(need.label, need.link);
        const f = n.fresh('f');
        return `COLLECT { MATCH (${f}:${need.label})-[:${need.link}]->(${v})
          WHERE (${this.param(need.includeRetracted)} OR NOT coalesce(${f}.retracted, false)) AND ${holdingOn(f, this.param(need.asOf))}
          WITH ${f} ORDER BY ${factOrder(f)}
          RETURN ${this.item(f, factMap(f, n, this.factProps, this.factLinks), node.children)} }`;
      }
      case 'events':
        return this.events(v, { kinds: need.kinds, from: null, to: null, placeId: null }, need.page, node.children);
      case 'timeline':
        return timelinePage(v, this.param(need.kinds), this.bounds(need.page), n, this.props, this.factProps, this.factLinks);
      case 'relations': {
        const req = this.param({ types: need.types, asOf: need.asOf, includeRetracted: need.includeRetracted });
        const rows = relationRows(v, req, n, this.bounds(need.page), [], need.types);
        return this.page(relationCount(v, req, n, need.types), rows, (x) => {
          const o = n.fresh('o');
          // The citations of the fact behind each relation of the page (an entity's own for a relation it
          // states itself), read for the page's rows only.
          const fid = n.fresh('fid');
          const withFact = need.citations ? `WITH ${x}, ${x}.r.factId AS ${fid} ` : '';
          const cited = need.citations ? `, citations: ${this.citationsOfOwner(fid)}` : '';
          if (!need.other) return `${withFact}RETURN ${relationMap(x, cited, this.relationProps)}`;
          return `${withFact}${rebind(o, `${x}.o`)} RETURN ${relationMap(x, `, other: ${this.item(o, this.entity(o), node.children)}${cited}`, this.relationProps)}`;
        });
      }
    }
  }
}

export interface CompiledPlan {
  cypher: string;
  /** Shared by every request asking the same: read, never change. */
  params: Readonly<Record<string, unknown>>;
}

/**
 * Compiled plans per plan object (plans are cached per operation and variables, src/resolvers/prefetch.ts), by
 * the variable and projections they were compiled with: a repeated operation compiles its Cypher once.
 */
const compiled = new WeakMap<PrefetchPlan, Map<string, CompiledPlan>>();
const COMPILED_PER_PLAN = 16;

/** The Cypher map expression of `plan` for the node bound to `v`, and the parameters it uses. */
export function compilePlan(v: string, plan: PrefetchPlan, projection: ReadProjection = wholeRecords): CompiledPlan {
  let byProjection = compiled.get(plan);
  if (!byProjection) compiled.set(plan, (byProjection = new Map<string, CompiledPlan>()));
  const key = JSON.stringify([v, projection]);
  const found = byProjection.get(key);
  if (found) return found;
  const compiler = new PlanCompiler(projection);
  const result = { cypher: compiler.map(v, plan), params: compiler.params };
  if (byProjection.size >= COMPILED_PER_PLAN) byProjection.clear();
  byProjection.set(key, result);
  return result;
}

type Row = Record<string, unknown>;

interface Item {
  r: Row;
  pre: Row;
}

function items(value: unknown): Item[] {
  return Array.isArray(value) ? (value as Item[]) : [];
}

/** Turns what a plan's query returned for one record into loader primes, depth first. */
export function primesOf(owner: { id: string }, pre: Row, plan: PrefetchPlan, out: Prime[] = []): Prime[] {
  plan.forEach((node, i) => {
    const value = pre[`n${i}`];
    if (value === null || value === undefined) return; // not of `onlyKind`
    const { need } = node;
    switch (need.kind) {
      case 'citations':
        out.push({ loader: 'citations', key: owner.id, value: (value as Row[]).map(parseCitation) });
        return;
      case 'claims':
        out.push({ loader: 'claims', key: owner.id, value: (value as Row[]).map(parseClaim) });
        return;
      case 'history':
        out.push({ loader: 'history', key: owner.id, value: (value as Row[]).map(parseChange) });
        return;
      case 'entityByLink':
      case 'entityByProperty':
      case 'valueEntities':
        for (const item of items(value)) {
          const entity = parseEntity(item.r);
          out.push({ loader: 'entity', key: entity.id, value: entity });
          primesOf(entity, item.pre, node.children, out);
        }
        return;
      case 'facts': {
        const facts = items(value).map((item) => {
          const fact = parseFact(item.r);
          // By id too: a field reaching the same fact by id (a tie's `recordedFor`) finds it loaded.
          out.push({ loader: 'fact', key: fact.id, value: fact });
          primesOf(fact, item.pre, node.children, out);
          return fact;
        });
        out.push({ loader: 'factsLinked', key: { label: need.label, link: need.link, includeRetracted: need.includeRetracted, asOf: need.asOf, id: owner.id }, value: facts });
        return;
      }
      case 'events': {
        const result = value as { total: unknown; page: (Item & { key: string })[] };
        const page = result.page.map((item) => {
          const event = parseEntity(item.r);
          out.push({ loader: 'entity', key: event.id, value: event });
          primesOf(event, item.pre, node.children, out);
          return { key: item.key, node: event };
        });
        out.push({
          loader: 'events',
          key: { entityId: owner.id, kinds: need.kinds, from: null, to: null, placeId: null, first: need.page.first, afterKey: need.page.afterKey },
          value: toConnection(page, need.page, Number(result.total)),
        });
        return;
      }
      case 'timeline': {
        const found = parseTimelinePage(value, need.page);
        for (const entity of found.entities) out.push({ loader: 'entity', key: entity.id, value: entity });
        for (const fact of found.facts) out.push({ loader: 'fact', key: fact.id, value: fact });
        out.push({ loader: 'timeline', key: { entityId: owner.id, kinds: need.kinds, first: need.page.first, afterKey: need.page.afterKey }, value: found.connection });
        return;
      }
      case 'relations': {
        const result = value as { total: unknown; page: (Row & { key: string; other?: Item; citations?: Row[] })[] };
        const page = result.page.map((row) => {
          if (need.citations && row.citations) out.push({ loader: 'citations', key: String(row.factId), value: row.citations.map(parseCitation) });
          if (row.other) {
            const other = parseEntity(row.other.r);
            out.push({ loader: 'entity', key: other.id, value: other });
            primesOf(other, row.other.pre, node.children, out);
          }
          return { key: row.key, node: parseRelation(row) };
        });
        out.push({
          loader: 'relations',
          key: { id: owner.id, types: need.types, asOf: need.asOf, includeRetracted: need.includeRetracted, first: need.page.first, afterKey: need.page.afterKey },
          value: toConnection(page, need.page, Number(result.total)),
        });
        return;
      }
    }
  });
  return out;
}

/**
 * The root `events` list: one page of the events matching `filter` (of entity `entityId`, walked from it, or all
 * events), with everything `plan` asks of each event, in one round trip.
 */
export async function eventsWithPlan(
  db: Database,
  entityId: string | null,
  filter: EventFilter,
  page: PageRequest,
  plan: PrefetchPlan,
  projection: ReadProjection = wholeRecords,
): Promise<{ connection: Connection<EntityRecord>; primes: Prime[] }> {
  const compiler = new PlanCompiler(projection);
  const result = compiler.events(entityId === null ? null : 'n', filter, page, plan);
  const cypher =
    entityId === null
      ? `RETURN ${result} AS result`
      : `OPTIONAL MATCH (n:Entity {id: $entityId})
         RETURN CASE WHEN n IS NULL THEN {total: 0, page: []} ELSE ${result} END AS result`;
  const rows = await db.read(cypher, { ...compiler.params, entityId }, (r) => r.result as { total: unknown; page: (Item & { key: string })[] });
  const found = rows[0] ?? { total: 0, page: [] };
  const primes: Prime[] = [];
  const nodes = found.page.map((item) => {
    const event = parseEntity(item.r);
    primes.push({ loader: 'entity', key: event.id, value: event });
    primesOf(event, item.pre, plan, primes);
    return { key: item.key, node: event };
  });
  return { connection: toConnection(nodes, page, Number(found.total)), primes };
}

export interface PrefetchedEntity {
  entity: EntityRecord;
  primes: Prime[];
}

/**
 * An entity by id (or by the id of an entity merged into it) with everything `plan` asks for about it and
 * its neighbours, in one round trip.
 */
export async function entityWithPlan(
  db: Database,
  id: string,
  plan: PrefetchPlan,
  projection: ReadProjection = wholeRecords,
): Promise<PrefetchedEntity | null> {
  return (
    (
      await entitiesLocated(
        db,
        `OPTIONAL MATCH (x:Redirect {id: $id})
         WITH coalesce(x.to, $id) AS id
         MATCH (n:Entity {id: id}) WHERE n.kind IS NOT NULL`,
        { id },
        plan,
        projection,
      )
    )[0] ?? null
  );
}

/** A fact by id (or by the id it had before a merge re-numbered it) with everything `plan` asks of it: one round trip. */
export async function factWithPlan(db: Database, id: string, plan: PrefetchPlan, projection: ReadProjection = wholeRecords): Promise<{ fact: FactRecord; primes: Prime[] } | null> {
  const { cypher, params } = compilePlan('f', plan, projection);
  const rows = await db.read(
    `OPTIONAL MATCH (x:Redirect {id: $id})
     WITH coalesce(x.to, $id) AS id
     MATCH (f:Fact {id: id})
     RETURN ${factMap('f', new VariableNames('root'), projection.fact, projection.links)} AS f, ${cypher} AS pre`,
    { ...params, id },
    (r) => {
      const fact = parseFact(r.f as Row);
      return { fact, primes: primesOf(fact, r.pre as Row, plan) };
    },
  );
  return rows[0] ?? null;
}

/** What the `legislature` root's selection reads; each part null when not selected. */
export interface LegislaturePlan {
  /** What `organization` selects of the body. */
  organization: PrefetchPlan | null;
  /** `terms`, and what their composition's `party` selects (null: not selected) and whether its `citations` are. */
  terms: { party: PrefetchPlan | null; citations: boolean } | null;
  /** One `members` page, and what its seats' `person` and `party` select, and whether their `membership` and `citations` are. */
  members: { filter: SeatFilter; person: PrefetchPlan | null; party: PrefetchPlan | null; membership: boolean; citations: boolean } | null;
}

export interface PrefetchedLegislature {
  terms: TermRecord[] | null;
  members: { filter: SeatFilter; total: number; seats: SeatRecord[] } | null;
  primes: Prime[];
}

/**
 * A legislature by id with its terms and one page of its seats as its selection asks, the people and parties
 * they name with what is selected of them, and the seats' facts and citations: one round trip. Null when `id`
 * is no legislature.
 */
export async function legislatureWithPlan(db: Database, id: string, plan: LegislaturePlan, projection: ReadProjection = wholeRecords): Promise<PrefetchedLegislature | null> {
  const c = new PlanCompiler(projection);
  const n = c.names;
  const entityItem = (x: string, children: PrefetchPlan) => `{r: ${entityMap(x, projection.entity)}, pre: ${c.map(x, children)}}`;
  /** The entities with the ids listed in `ids` (an expression), each with what `children` asks of it. */
  const entities = (ids: string, children: PrefetchPlan) => {
    const id = n.fresh('id');
    const x = n.fresh('e');
    return `COLLECT { UNWIND ${ids} AS ${id} WITH DISTINCT ${id} MATCH (${x}:Entity {id: ${id}}) RETURN ${entityItem(x, children)} }`;
  };
  /** The Membership facts with the ids listed in `ids`, as `{id, fact?, citations?}`. */
  const seatFacts = (ids: string, fact: boolean, cited: boolean) => {
    const id = n.fresh('id');
    const m = n.fresh('m');
    return `COLLECT { UNWIND ${ids} AS ${id} MATCH (${m}:Membership {id: ${id}})
      RETURN {id: ${id}${fact ? `, fact: ${factMap(m, n, projection.fact, projection.links)}` : ''}${cited ? `, citations: ${citationList(m, n, projection.citations)}` : ''}} }`;
  };
  const parts: string[] = [`o.id AS id`];
  parts.push(`${plan.organization ? entityItem('o', plan.organization) : 'null'} AS organization`);
  let pre = '';
  if (plan.terms) {
    const terms = plan.terms;
    pre += `WITH o, ${termList('o')} AS terms `;
    parts.push('terms');
    const partyIds = `[t IN terms | [x IN t.composition WHERE x.party IS NOT NULL | x.party]]`;
    const membershipIds = `[t IN terms | [x IN t.composition | x.ids]]`;
    parts.push(`${terms.party ? entities(`reduce(a = [], l IN ${partyIds} | a + l)`, terms.party) : 'null'} AS termParties`);
    parts.push(`${terms.citations ? seatFacts(`reduce(a = [], l IN ${membershipIds} | a + reduce(b = [], i IN l | b + i))`, false, true) : 'null'} AS termSeats`);
  }
  if (plan.members) {
    const members = plan.members;
    pre += `${seatPage('o', c.param({ asOf: members.filter.asOf, term: members.filter.term }), c.param(int(members.filter.first)))} WITH o${plan.terms ? ', terms' : ''}, total, page `;
    parts.push('total', 'page');
    parts.push(`${members.person ? entities('[s IN page | s.personId]', members.person) : 'null'} AS people`);
    parts.push(`${members.party ? entities('[s IN page WHERE s.partyId IS NOT NULL | s.partyId]', members.party) : 'null'} AS parties`);
    parts.push(`${members.membership || members.citations ? seatFacts('[s IN page | s.membershipId]', members.membership, members.citations) : 'null'} AS seats`);
  }
  const rows = await db.read(`MATCH (o:Organization {id: $id}) WHERE o.orgKind = 'LEGISLATURE' ${pre}RETURN ${parts.join(', ')}`, { ...c.params, id }, (r) => r);
  const row = rows[0];
  if (!row) return null;
  const primes: Prime[] = [];
  const primeEntities = (value: unknown, children: PrefetchPlan) => {
    for (const item of items(value)) {
      const entity = parseEntity(item.r);
      primes.push({ loader: 'entity', key: entity.id, value: entity });
      primesOf(entity, item.pre, children, primes);
    }
  };
  const primeSeatFacts = (value: unknown) => {
    for (const x of Array.isArray(value) ? (value as Row[]) : []) {
      if (x.fact) primes.push({ loader: 'fact', key: String(x.id), value: parseFact(x.fact as Row) });
      if (x.citations) primes.push({ loader: 'citations', key: String(x.id), value: (x.citations as Row[]).map(parseCitation) });
    }
  };
  if (plan.organization) primeEntities([row.organization], plan.organization);
  if (plan.terms?.party) primeEntities(row.termParties, plan.terms.party);
  primeSeatFacts(row.termSeats);
  if (plan.members?.person) primeEntities(row.people, plan.members.person);
  if (plan.members?.party) primeEntities(row.parties, plan.members.party);
  primeSeatFacts(row.seats);
  return {
    terms: plan.terms ? (row.terms as Row[]).map((t) => parseTerm(id, t)) : null,
    members: plan.members ? { filter: plan.members.filter, total: Number(row.total), seats: (row.page as Row[]).map(parseSeat) } : null,
    primes,
  };
}

/** What the `source` root's selection reads: a page of its citations, and what it asks of the nodes citing it (null: not `citedBy`). */
export interface SourcePlan {
  citations: { page: PageRequest; citedBy: PrefetchPlan | null } | null;
}

/**
 * A source by id with the page of its citations its selection asks for, and the entities and facts citing it
 * with what `citedBy` selects of them (for a claim citing it, the entity or fact the claim is of): one round trip.
 */
export async function sourceWithPlan(db: Database, id: string, plan: SourcePlan, projection: ReadProjection = wholeRecords): Promise<{ source: SourceRecord; primes: Prime[] } | null> {
  const compiler = new PlanCompiler(projection);
  const cited = plan.citations;
  let citations = 'null';
  if (cited) {
    const bounds = { after: compiler.param(cited.page.afterKey), limit: compiler.param(int(cited.page.first + 1)) };
    const citing = cited.citedBy;
    // The node answering `citedBy`: the citing entity or fact, or the owner of a citing claim (CLAIM_OF), rebound
    // by id so its own subqueries walk a matched node.
    const w = compiler.names.fresh('w');
    const extra = citing
      ? (o: string) =>
          `, cites: COLLECT { OPTIONAL MATCH (${o})-[:CLAIM_OF]->(owner) WITH coalesce(owner, ${o}) AS x MATCH (${w} {id: x.id}) WHERE ${w}:Entity OR ${w}:Fact
             RETURN {entity: CASE WHEN ${w}:Entity THEN ${entityMap(w, projection.entity)} END, fact: CASE WHEN ${w}:Fact THEN ${factMap(w, compiler.names, projection.fact, projection.links)} END, pre: ${compiler.map(w, citing)}} }[0]`
      : undefined;
    citations = `{total: ${sourceCitationCount('s')}, page: COLLECT { ${sourceCitationRows('s', bounds.after, bounds.limit, extra)} }}`;
  }
  const rows = await db.read(
    `MATCH (s:Source {id: $id}) RETURN COUNT { (s)<-[:CITES]-() } AS citationCount, s {.*} AS s, ${citations} AS citations`,
    { ...compiler.params, id },
    (r) => ({ s: r.s as Row, citationCount: r.citationCount as unknown, citations: r.citations as { total: unknown; page: Row[] } | null }),
  );
  const found = rows[0];
  if (!found) return null;
  const source = parseSource({ ...found.s, citationCount: found.citationCount });
  const primes: Prime[] = [{ loader: 'source', key: source.id, value: source }];
  if (cited && found.citations) {
    const page = found.citations.page.map((x) => {
      const cites = x.cites as Row | null | undefined;
      if (cited.citedBy && cites) {
        const y = cites;
        if (y.entity) {
          const entity = parseEntity(y.entity as Row);
          primes.push({ loader: 'entity', key: entity.id, value: entity });
          primesOf(entity, y.pre as Row, cited.citedBy, primes);
        } else if (y.fact) {
          const fact = parseFact(y.fact as Row);
          primes.push({ loader: 'fact', key: fact.id, value: fact });
          primesOf(fact, y.pre as Row, cited.citedBy, primes);
        }
      }
      return parseSourceCitation(x);
    });
    primes.push({ loader: 'sourceCitations', key: { sourceId: source.id, first: cited.page.first, afterKey: cited.page.afterKey }, value: toConnection(page, cited.page, Number(found.citations.total)) });
  }
  return { source, primes };
}

/** The entities that `locate` (Cypher binding `n`, in the order it gives) finds, each with what `plan` asks of it. */
async function entitiesLocated(
  db: Database,
  locate: string,
  locateParams: Record<string, unknown>,
  plan: PrefetchPlan,
  projection: ReadProjection,
): Promise<PrefetchedEntity[]> {
  const { cypher, params } = compilePlan('n', plan, projection);
  return db.read(`${locate} RETURN ${entityMap('n', projection.entity)} AS n, ${cypher} AS pre`, { ...params, ...locateParams }, (r) => {
    const entity = parseEntity(r.n as Row);
    return { entity, primes: primesOf(entity, r.pre as Row, plan) };
  });
}

/** Entities by id (search hits...), in the order given, each with what `plan` asks of it: one round trip. */
export async function entitiesWithPlan(
  db: Database,
  ids: readonly string[],
  plan: PrefetchPlan,
  projection: ReadProjection = wholeRecords,
): Promise<PrefetchedEntity[]> {
  return entitiesLocated(db, `UNWIND range(0, size($ids) - 1) AS i MATCH (n:Entity {id: $ids[i]}) WHERE n.kind IS NOT NULL WITH i, n ORDER BY i`, { ids }, plan, projection);
}

/** The entity holding an identifier (its `identifierKeys` holds `key`), with what `plan` asks of it: one round trip. */
export async function entityByIdentifierWithPlan(
  db: Database,
  key: string,
  plan: PrefetchPlan,
  projection: ReadProjection = wholeRecords,
): Promise<PrefetchedEntity | null> {
  const found = await entitiesLocated(db, `MATCH (n:Entity) WHERE n.kind IS NOT NULL AND $key IN n.identifierKeys WITH n ORDER BY n.id LIMIT 1`, { key }, plan, projection);
  return found[0] ?? null;
}
