// An entity's timeline in one query: the events it took part in and the elections it contested (a party's
// results, a person's candidacies), in timeline order (src/domain/timeline-order.ts: by the last day the date
// may mean, so a year-only entry follows the month and day entries of its year; then elections before events,
// then by id).
import type { LinkType } from '../dataset/to-graph.js';
import type { Database } from '../neo4j/database.js';
import { partialDateOrNull, type PartialDate } from '../domain/partial-date.js';
import { int } from '../neo4j/database.js';
import { dateOrderKey, entityMap, factMap, VariableNames, type PageBounds } from './fragments.js';
import { parseEntity, parseFact, type EntityRecord, type FactRecord } from './records.js';
import { toConnection, type Connection, type PageRequest } from './pagination.js';

export type TimelineEntryKind = 'ELECTION' | 'EVENT';

export interface TimelineEntryRecord {
  kind: TimelineEntryKind;
  date: PartialDate;
  /** The event, or the election. */
  entityId: string;
  /** The party result or candidacy behind an ELECTION entry. */
  factId: string | null;
}

/** `2023-03-19` at `MONTH` precision → `2023-03`: the text of a date from its first day and its precision. */
function dateText(start: string, precision: string): string {
  return precision === 'YEAR' ? start.slice(0, 4) : precision === 'MONTH' ? start.slice(0, 7) : start.slice(0, 10);
}

/** Which entries a timeline page asks for (kinds: null for both), and its keyset page. */
export interface TimelineRequest {
  entityId: string;
  kinds: TimelineEntryKind[] | null;
  first: number;
  afterKey: string | null;
}

/** A timeline page as read: its entries, and the events, elections and facts they name (for the loaders). */
export interface TimelinePage {
  connection: Connection<TimelineEntryRecord>;
  entities: EntityRecord[];
  facts: FactRecord[];
}

/**
 * `{total, page}`: the timeline of the entity bound to `e` as a Cypher map expression, for a query of its own
 * or nested in a planned query (src/repositories/prefetch-repository.ts). `kinds` is an expression (a list, or
 * null), `page` the keyset bounds. Entries are events the entity took part in and elections it contested, in
 * the order of `dateOrderKey`, elections before events on a tie, then by id; the page (with its look-ahead row)
 * is a top-k, and the records its entries name are read for the page only, with the projections' properties.
 */
export function timelinePage(
  e: string,
  kinds: string,
  page: PageBounds,
  names: VariableNames,
  props: readonly string[] | null,
  factProps: readonly string[] | null,
  factLinks: readonly LinkType[] | null = null,
): string {
  const entries = (x: string) => {
    const [p, n, f, el] = [names.fresh('p'), names.fresh('n'), names.fresh('f'), names.fresh('el')];
    return `CALL (${e}) {
         MATCH (${e})<-[:SUBJECT]-(${p}:Participation)-[:OBJECT]->(${n}:Event)
         WHERE (${kinds} IS NULL OR 'EVENT' IN ${kinds}) AND NOT coalesce(${p}.retracted, false) AND ${n}.dateStart IS NOT NULL
         WITH DISTINCT ${n}
         RETURN {kind: 'EVENT', entityId: ${n}.id, factId: null, start: ${n}.dateStart, precision: coalesce(${n}.datePrecision, 'DAY'),
                 key: ${dateOrderKey(`${n}.dateStart`, `coalesce(${n}.datePrecision, 'DAY')`)} + '|1|' + ${n}.id} AS ${x}
         UNION
         MATCH (${e})<-[:SUBJECT]-(${f}:PartyResult|Candidacy)-[:OBJECT]->(${el}:Election)
         WHERE (${kinds} IS NULL OR 'ELECTION' IN ${kinds}) AND NOT coalesce(${f}.retracted, false) AND ${el}.dateStart IS NOT NULL
         RETURN {kind: 'ELECTION', entityId: ${el}.id, factId: ${f}.id, start: ${el}.dateStart, precision: coalesce(${el}.datePrecision, 'DAY'),
                 key: ${dateOrderKey(`${el}.dateStart`, `coalesce(${el}.datePrecision, 'DAY')`)} + '|0|' + ${f}.id + '|' + ${el}.id} AS ${x}
       }`;
  };
  const [counted, x, n, f] = [names.fresh('x'), names.fresh('x'), names.fresh('n'), names.fresh('f')];
  return `{total: COUNT { ${entries(counted)} RETURN ${counted} },
    page: COLLECT { ${entries(x)}
      WITH ${x} WHERE ${page.after} IS NULL OR ${x}.key > ${page.after}
      WITH ${x} ORDER BY ${x}.key LIMIT ${page.limit}
      OPTIONAL MATCH (${n}:Entity {id: ${x}.entityId})
      OPTIONAL MATCH (${f}:Fact {id: ${x}.factId})
      RETURN {x: ${x}, entity: CASE WHEN ${n} IS NULL THEN null ELSE ${entityMap(n, props)} END,
              fact: CASE WHEN ${f} IS NULL THEN null ELSE ${factMap(f, names, factProps, factLinks)} END} }}`;
}

type Row = Record<string, unknown>;

/** Parses what `timelinePage` returned into the page and the records its entries name. */
export function parseTimelinePage(value: unknown, request: PageRequest): TimelinePage {
  const result = (value ?? { total: 0, page: [] }) as { total: unknown; page: { x: Row; entity: Row | null; fact: Row | null }[] };
  const entities: EntityRecord[] = [];
  const facts: FactRecord[] = [];
  const nodes = result.page.map(({ x, entity, fact }) => {
    const date = partialDateOrNull(dateText(String(x.start), String(x.precision)));
    if (!date) throw new Error(`timeline entry ${String(x.entityId)} has no readable date`);
    if (entity) entities.push(parseEntity(entity));
    if (fact) facts.push(parseFact(fact));
    return {
      key: String(x.key),
      node: { kind: x.kind as TimelineEntryKind, date, entityId: String(x.entityId), factId: typeof x.factId === 'string' ? x.factId : null },
    };
  });
  return { connection: toConnection(nodes, request, Number(result.total)), entities, facts };
}

/**
 * Timeline pages of entities (the `timeline` loader, used when a timeline was not planned with its root): a
 * query each, since a page's LIMIT must be a parameter; they run side by side.
 */
export async function timelinesOf(
  db: Database,
  requests: readonly TimelineRequest[],
  props: readonly string[] | null = null,
  factProps: readonly string[] | null = null,
  factLinks: readonly LinkType[] | null = null,
): Promise<TimelinePage[]> {
  const cypher = `OPTIONAL MATCH (e:Entity {id: $entityId})
     RETURN CASE WHEN e IS NULL THEN null ELSE ${timelinePage('e', '$kinds', { after: '$after', limit: '$limit' }, new VariableNames(), props, factProps, factLinks)} END AS timeline`;
  return Promise.all(
    requests.map(async (r) => {
      const rows = await db.read(cypher, { entityId: r.entityId, kinds: r.kinds, after: r.afterKey, limit: int(r.first + 1) }, (row): unknown => row.timeline);
      return parseTimelinePage(rows[0] ?? null, r);
    }),
  );
}
