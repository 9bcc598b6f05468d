// Entities: lookup by ids (batched), filtered lists with keyset pagination, an entity's relations and events
// (batched over many entities at once), and the search index. All Cypher for entities lives here.
import { entityKindOfLabel, entityLabels } from '../dataset/to-graph.js';
import { UserInputError } from '../errors.js';
import { int, type Database } from '../neo4j/database.js';
import { dateOrderKey, entityMap, eventsSorted, matchingEvents, relationCount, relationMap, relationRows, sortKey, VariableNames, type ReadProjection, wholeRecords } from './fragments.js';
import { toConnection, type Connection, type PageRequest } from './pagination.js';
import { compilePlan, primesOf, type PrefetchPlan, type Prime } from './prefetch-repository.js';
import { parseEntity, parseRelation, type EntityKind, type EntityRecord, type RelationRecord } from './records.js';


/** Entities by id; the id of an entity merged into another (a :Redirect) answers the entity it was merged into. */
export async function entitiesByIds(db: Database, ids: readonly string[], props: readonly string[] | null = null): Promise<Map<string, EntityRecord>> {
  const rows = await db.read(
    `UNWIND $ids AS asked
     OPTIONAL MATCH (x:Redirect {id: asked})
     WITH asked, coalesce(x.to, asked) AS id
     MATCH (n:Entity {id: id}) WHERE n.kind IS NOT NULL
     RETURN asked, ${entityMap('n', props)} AS n`,
    { ids },
    (r) => [String(r.asked), parseEntity(r.n as Record<string, unknown>)] as const,
  );
  return new Map(rows);
}

export interface EntityListFilter {
  kinds: EntityKind[];
  /** Folded name fragment to look for in searchKeys. */
  nameKey?: string | null;
  memberOf?: string | null;
  candidateIn?: string | null;
  subKinds?: string[] | null;
  bodyId?: string | null;
  /** Entities at this place, at a place inside it, or at a place containing it (a district found by a city). */
  placeId?: string | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  /** Sort: by folded name (default) or by date. */
  order?: 'name' | 'date' | 'number';
}

/** One query: the page (first + 1 rows after the cursor) and the total count of the filtered list. */
export async function listEntities(db: Database, filter: EntityListFilter, page: PageRequest): Promise<Connection<EntityRecord>> {
  return (await listEntitiesWithPlan(db, filter, page, [])).connection;
}

/** `listEntities`, with everything `plan` asks for about each entity of the page fetched in the same query. */
export async function listEntitiesWithPlan(
  db: Database,
  filter: EntityListFilter,
  page: PageRequest,
  plan: PrefetchPlan,
  projection: ReadProjection = wholeRecords,
): Promise<{ connection: Connection<EntityRecord>; primes: Prime[] }> {
  const prefetch = plan.length > 0 ? compilePlan('n', plan, projection) : null;
  // The order as a tuple of expressions: compared and sorted part by part (as `ORDER BY a, b`), so no row but
  // the page's needs its key string built.
  const orderParts =
    filter.order === 'date'
      ? [`coalesce(${dateOrderKey('n.dateStart', 'n.datePrecision')}, '9999')`, 'n.id']
      : filter.order === 'number'
        ? ["coalesce(n.bodyId, '')", "right('000000' + toString(coalesce(n.number, 999999)), 6)", 'n.sortName', 'n.id']
        : ['n.sortName', 'n.id'];
  const after = page.afterKey === null ? null : page.afterKey.split('\u0001');
  if (after !== null && after.length !== orderParts.length) throw new UserInputError('Argument "after" is not a cursor of this list.', 'after');
  // (p0, p1, ...) > (a0, a1, ...): the first part greater, or equal and the rest greater.
  const afterTuple = orderParts
    .map((part, i) => [...orderParts.slice(0, i).map((earlier, j) => `${earlier} = $after[${j}]`), `${part} > $after[${i}]`].join(' AND '))
    .map((clause) => `(${clause})`)
    .join(' OR ');
  // The kinds' own labels, so Neo4j scans only those nodes, not every entity (names from the fixed list). A node
  // with a kind's label always has that kind (set together by every writer): the label alone selects the kinds,
  // and `kind` is read (a db hit per scanned node) only when no label narrows the scan.
  const labels = entityLabels.filter((l) => (filter.kinds as string[]).includes(entityKindOfLabel[l]));
  const label = labels.length > 0 ? labels.join('|') : 'Entity';
  // Only the filters the request gives become predicates (each from this fixed list, its value a parameter): a
  // `$x IS NULL OR …` left in for an absent filter still costs an operator per scanned row (a SelectOrSemiApply
  // for each EXISTS), which on a scan of every person doubled the list's time.
  const predicates = [
    labels.length > 0 ? null : 'n.kind IN $kinds',
    filter.nameKey != null ? 'n.searchKeys CONTAINS $nameKey' : null,
    filter.memberOf != null ? 'EXISTS { (n)<-[:SUBJECT]-(m:Membership)-[:OBJECT]->(:Entity {id: $memberOf}) WHERE NOT coalesce(m.retracted, false) }' : null,
    filter.candidateIn != null ? 'EXISTS { (n)<-[:SUBJECT]-(c:Candidacy)-[:OBJECT]->(:Entity {id: $candidateIn}) WHERE NOT coalesce(c.retracted, false) }' : null,
    filter.subKinds != null ? 'coalesce(n.orgKind, n.electionKind) IN $subKinds' : null,
    filter.bodyId != null ? 'n.bodyId = $bodyId' : null,
    filter.placeId != null
      ? `(n.placeId = $placeId
         OR EXISTS { (:Place {id: $placeId})-[:LOCATED_IN*1..4]->(:Place {id: n.placeId}) }
         OR EXISTS { (:Place {id: n.placeId})-[:LOCATED_IN*1..4]->(:Place {id: $placeId}) })`
      : null,
    filter.dateFrom != null ? 'n.dateEnd >= $dateFrom' : null,
    filter.dateTo != null ? 'n.dateStart <= $dateTo' : null,
  ].filter((p): p is string => p !== null);
  const where = predicates.length > 0 ? predicates.join('\n    AND ') : 'true';
  const rows = await db.read(
    // One scan gathers the matches (node references only) and their count; the page is a top-k of those after
    // the cursor, compared and sorted as a tuple; only the page's rows are read as records and given a key.
    `MATCH (n:${label}) WHERE ${where}
     WITH collect(n) AS matches
     CALL (matches) {
       UNWIND matches AS n
       WITH n WHERE $after IS NULL OR ${afterTuple}
       WITH n ORDER BY ${orderParts.join(', ')} LIMIT $limit
       RETURN collect({key: ${sortKey(...orderParts)}, node: ${entityMap('n', projection.entity)}${prefetch ? `, pre: ${prefetch.cypher}` : ''}}) AS page
     }
     RETURN size(matches) AS total, page`,
    {
      ...prefetch?.params,
      kinds: filter.kinds,
      nameKey: filter.nameKey ?? null,
      memberOf: filter.memberOf ?? null,
      candidateIn: filter.candidateIn ?? null,
      subKinds: filter.subKinds ?? null,
      bodyId: filter.bodyId ?? null,
      placeId: filter.placeId ?? null,
      dateFrom: filter.dateFrom ?? null,
      dateTo: filter.dateTo ?? null,
      after,
      limit: int(page.first + 1),
    },
    (r) => ({
      total: Number(r.total),
      page: (r.page as { key: string; node: Record<string, unknown>; pre?: Record<string, unknown> }[]).map((p) => {
        const node = parseEntity(p.node);
        return { key: p.key, node, primes: p.pre ? primesOf(node, p.pre, plan) : [] };
      }),
    }),
  );
  const result = rows[0] ?? { total: 0, page: [] };
  return { connection: toConnection(result.page, page, result.total), primes: result.page.flatMap((p) => p.primes) };
}

interface PageRow<T> {
  i: number;
  total: number;
  page: { key: string; node: T }[];
}

/** A batched page query's row: the request's index, its total, and its page's items parsed by `item`. */
function pageRow<T>(r: Record<string, unknown>, item: (p: Record<string, unknown>) => { key: string; node: T }): PageRow<T> {
  return { i: Number(r.i), total: Number(r.total), page: (r.page as Record<string, unknown>[]).map(item) };
}

/**
 * A batched page query: `body` runs once per element `req` of `$requests` and returns `total` and `page`;
 * each row says which request it answers (`i`).
 */
function perRequest(body: string): string {
  return `UNWIND range(0, size($requests) - 1) AS i
     WITH i, $requests[i] AS req
     CALL (req) {
       ${body}
     }
     RETURN i, total, page`;
}

/** One connection per request, in request order; a request without a row has an empty page. */
function connectionsByRequest<T>(requests: readonly PageRequest[], rows: PageRow<T>[]): Connection<T>[] {
  const byRequest = new Map(rows.map((row) => [row.i, row]));
  return requests.map((req, i) => toConnection(byRequest.get(i)?.page ?? [], { first: req.first, afterKey: req.afterKey }, byRequest.get(i)?.total ?? 0));
}

export interface RelationsRequest {
  id: string;
  types: string[] | null;
  asOf: string | null;
  /** Also relationships of retracted facts (stored as RETRACTED_RELATION, with their type in relationType). */
  includeRetracted?: boolean;
  first: number;
  afterKey: string | null;
}

/** Relations of many entities in one round trip, each page keyset-ordered by (type, other's name, id). */
export async function relationsOf(db: Database, requests: readonly RelationsRequest[]): Promise<Connection<RelationRecord>[]> {
  const names = new VariableNames();
  // One relationship-type pattern serves the whole batch when every request asks for the same types.
  const types = requests.every((r) => JSON.stringify(r.types) === JSON.stringify(requests[0]?.types)) ? (requests[0]?.types ?? null) : null;
  // LIMIT takes no variables: each request's page is cut from a top-k of the batch's largest page.
  const rows = relationRows('e', 'req', names, { after: 'req.after', limit: '$limit' }, ['e', 'req'], types);
  const y = names.fresh('y');
  const found = await db.read(
    perRequest(`MATCH (e:Entity {id: req.id})
       CALL (e, req) {
         ${rows.cypher}
         RETURN collect(${rows.row}) AS rows
       }
       RETURN ${relationCount('e', 'req', names, types)} AS total, [${y} IN rows[0..req.limit] | ${relationMap(y)}] AS page`),
    {
      limit: int(Math.max(0, ...requests.map((r) => r.first)) + 1),
      requests: requests.map((r) => ({
        id: r.id,
        types: r.types,
        asOf: r.asOf,
        includeRetracted: r.includeRetracted ?? false,
        after: r.afterKey,
        limit: int(r.first + 1),
      })),
    },
    (r) => pageRow(r, (p) => ({ key: String(p.key), node: parseRelation(p) })),
  );
  // An entity without a single relation (or a missing one) has no row: its page is empty.
  return connectionsByRequest(requests, found);
}

export interface EventsRequest {
  entityId: string | null;
  kinds: string[] | null;
  from: string | null;
  to: string | null;
  placeId: string | null;
  first: number;
  afterKey: string | null;
}

/** Event timelines (optionally of one entity each: then walked from the entity, not scanned) in one round trip, oldest first. */
export async function eventPages(db: Database, requests: readonly EventsRequest[], props: readonly string[] | null = null): Promise<Connection<EntityRecord>[]> {
  const names = new VariableNames();
  const matching = (n: string) => `CALL (req) {
         WITH req WHERE req.entityId IS NOT NULL
         MATCH (e:Entity {id: req.entityId})
         ${matchingEvents('e', 'req', n, names)}
         RETURN ${n}
         UNION
         WITH req WHERE req.entityId IS NULL
         ${matchingEvents(null, 'req', n, names)}
         RETURN ${n}
       }`;
  const sorted = eventsSorted('n', names, { after: 'req.after', limit: '$limit' }, ['req']);
  const rows = await db.read(
    perRequest(`CALL (req) {
         ${matching('n')}
         ${sorted.cypher}
         WITH req, collect({key: ${sorted.key}, node: n}) AS rows
         UNWIND rows[0..req.limit] AS x
         WITH x.key AS key, x.node AS m
         RETURN collect({key: key, node: ${entityMap('m', props)}}) AS page
       }
       RETURN COUNT { ${matching('c')} RETURN c } AS total, page`),
    {
      limit: int(Math.max(0, ...requests.map((r) => r.first)) + 1),
      requests: requests.map((r) => ({
        entityId: r.entityId,
        kinds: r.kinds,
        from: r.from,
        to: r.to,
        placeId: r.placeId,
        after: r.afterKey,
        limit: int(r.first + 1),
      })),
    },
    (r) => pageRow(r, (p) => ({ key: String(p.key), node: parseEntity(p.node as Record<string, unknown>) })),
  );
  // A request matching no event has no row: its page is empty.
  return connectionsByRequest(requests, rows);
}

/** A search candidate, and the loader primes of what the plan asked of it (none without a plan). */
export interface SearchCandidate {
  entity: EntityRecord;
  score: number;
  /** Parsed when asked: only the kept hits' are (a dropped candidate's rows are never parsed). */
  primes: () => Prime[];
}

/**
 * Candidates for a search from the fulltext index over folded name keys (never a scan), each with everything
 * `plan` asks of it (what the hits' `entity` selects) in the same query: the hits are ranked in JS after it
 * (src/resolvers/search.ts), so the plan runs for every candidate of the pool, and the caller primes only the
 * kept ones. Without a plan, the candidates' own properties only.
 */
export async function searchCandidatesWithPlan(
  db: Database,
  lucene: string,
  kinds: EntityKind[] | null,
  limit: number,
  props: readonly string[] | null,
  plan: PrefetchPlan,
  projection: ReadProjection = wholeRecords,
): Promise<SearchCandidate[]> {
  const prefetch = plan.length > 0 ? compilePlan('n', plan, projection) : null;
  return db.read(
    `CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $limit}) YIELD node AS n, score
     WHERE $kinds IS NULL OR n.kind IN $kinds
     RETURN ${entityMap('n', props && [...props, 'searchNames'])} AS n, score${prefetch ? `, ${prefetch.cypher} AS pre` : ''}`,
    { ...prefetch?.params, lucene, kinds, limit: int(limit) },
    (r) => {
      const entity = parseEntity(r.n as Record<string, unknown>);
      const pre = r.pre as Record<string, unknown> | null | undefined;
      return { entity, score: Number(r.score), primes: () => (pre ? primesOf(entity, pre, plan) : []) };
    },
  );
}
