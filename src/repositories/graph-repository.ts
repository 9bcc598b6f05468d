// Network queries over the derived entity→entity relationships: neighbourhoods, shortest paths, subgraphs and
// the whole network for exports. Each GraphQL call is one bounded Cypher query; all Cypher for networks is here.
import type { ManagedTransaction } from 'neo4j-driver';
import { int, type Database } from '../neo4j/database.js';
import { relationTypes } from '../dataset/to-graph.js';
import { entityMap } from './fragments.js';
import { parseEntity, parseNetworkEdge, type EntityRecord, type NetworkEdgeRecord } from './records.js';

/** Which relationships a network query walks: a subset of `relationTypes` (null = all) valid on `asOf`. */
export interface NetworkFilter {
  types: readonly string[] | null;
  asOf: string | null;
}

/** Entities and the relationships among them, as returned by one network query. */
export interface Network {
  nodes: EntityRecord[];
  edges: NetworkEdgeRecord[];
  /** True when a limit or the expansion cap left entities out. */
  truncated: boolean;
}

/** A chain of entities joined by relationships; `edges[i]` joins `nodes[i]` and `nodes[i + 1]`. */
export interface NetworkPath {
  nodes: EntityRecord[];
  edges: NetworkEdgeRecord[];
}

/** Bounds the query text may contain as literals (Cypher takes no parameters there), checked again here. */
export const NETWORK_BOUNDS = { maxDepth: 3, maxPathDepth: 10, maxPaths: 20, betweenDepth: 4 } as const;
/** Default cap on the entities reached per step: a hub with thousands of ties cannot blow up memory. */
export const DEFAULT_EXPANSION_CAP = 2_000;


/**
 * The relationship types a filter walks, as a pattern's type expression (`MEMBER_OF|LEADS|...`): names from
 * the fixed list only, so the text is safe to interpolate. Naming the types in the pattern lets Neo4j expand
 * only those relationships, never the facts' SUBJECT/OBJECT links and citations that crowd every entity.
 */
function walked(filter: NetworkFilter): string {
  const types = filter.types ? relationTypes.filter((t) => filter.types!.includes(t)) : [...relationTypes];
  return types.length > 0 ? types.join('|') : 'NO_RELATIONSHIP_TYPE'; // a type that never exists: nothing matches
}

/** Whether relationship `r` is valid on `$asOf` (null: any day). */
const dated = (r: string) => `($asOf IS NULL OR ((${r}.fromStart IS NULL OR ${r}.fromStart <= $asOf) AND (${r}.toEnd IS NULL OR ${r}.toEnd >= $asOf)))`;

/**
 * Which of the typed relationships `r` a filter admits: the derived ones valid on `$asOf`; same rule as
 * Entity.related. Between two entities every relationship of a walked type is derived (retracted ones change
 * type), so walks from entity to entity need only `dated`. A walk through unlabelled nodes (a path) may also
 * meet NOMINATED_BY as the link from a candidacy to its party: only there is `derived` read, so that no
 * expansion pays a property read to learn what its type says (`walkedTypes`: the pattern's types).
 */
const admits = (r: string, walkedTypes: string) =>
  walkedTypes.split('|').includes('NOMINATED_BY') ? `(type(${r}) <> 'NOMINATED_BY' OR ${r}.derived) AND ${dated(r)}` : dated(r);

/**
 * An edge map; the fact behind a relationship is a Fact node, or an Entity for structural ties (PART_OF...).
 * Counting an edge's citations costs two index seeks per edge, so only when asked (`counted`).
 */
const EDGE = (r: string, counted = true) =>
  `{id: ${r}.id, type: type(${r}), source: startNode(${r}).id, target: endNode(${r}).id, factId: ${r}.factId,
    role: ${r}.role, from: ${r}.from, to: ${r}.to,
    citationCount: ${counted ? `COUNT { (:Fact {id: ${r}.factId})-[:CITES]->(:Source) } + COUNT { (:Entity {id: ${r}.factId})-[:CITES]->(:Source) }` : 'null'}}`;

/** What a network query returns beyond its entities and edges. */
export interface NetworkOptions {
  /** Count each edge's citations (`GraphEdge.citationCount`). */
  citationCounts: boolean;
}

/** Every admitted relationship among the entities in the list `kept` (an induced subgraph). */
const edgesAmongKept = (types: string, counted: boolean) => `CALL (kept) {
    UNWIND kept AS a
    MATCH (a)-[r:${types}]->(b:Entity)
    WHERE ${dated('r')} AND b IN kept
    RETURN collect(${EDGE('r', counted)}) AS edges
  }`;

/**
 * The number of admitted relationships of entity `n`, to rank a neighbourhood's entities. Undated, it is read
 * from Neo4j's per-type degree counts, without touching a relationship: every relationship of these types is
 * derived and joins two entities, except NOMINATED_BY, also the link from a candidacy to its party: those are
 * walked, counting the ones whose other end is an entity (a candidacy is none; no property read). Dated
 * (`asOf`), each relationship's dates must be read.
 */
function degree(n: string, walkedTypes: string): string {
  const types = walkedTypes.split('|');
  const stored = types.filter((t) => t !== 'NOMINATED_BY');
  const counted = [
    ...(stored.length > 0 ? [`COUNT { (${n})-[:${stored.join('|')}]-() }`] : []),
    ...(types.includes('NOMINATED_BY') ? [`COUNT { (${n})-[:NOMINATED_BY]-(:Entity) }`] : []),
  ];
  const fast = counted.length > 0 ? counted.join(' + ') : '0';
  return `CASE WHEN $asOf IS NULL THEN ${fast} ELSE COUNT { (${n})-[r:${walkedTypes}]-(:Entity) WHERE ${dated('r')} } END`;
}

function boundedInt(value: number, min: number, max: number, what: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${what} must be an integer in ${min}..${max} (got ${value})`);
  return value;
}

/** The filter's types go into the pattern (`walked`); only the day is a parameter. */
function filterParams(filter: NetworkFilter) {
  return { asOf: filter.asOf };
}

function parseNetwork(row: Record<string, unknown>): Network {
  return {
    nodes: (row.nodes as Record<string, unknown>[]).map(parseEntity),
    edges: (row.edges as Record<string, unknown>[]).map(parseNetworkEdge),
    truncated: row.truncated === true,
  };
}

export interface NeighbourhoodRequest {
  id: string;
  depth: number;
  /** Entities to keep at most, the centre included. */
  limit: number;
  /** Entities reached per step at most, before `limit` chooses among them. */
  expansionCap?: number;
}

/**
 * One query: a breadth-first walk (each step's new entities, distinct and capped), ranked by steps from the
 * centre then by number of admitted relationships, cut to `limit`, plus the relationships among the kept ones.
 * Ranking by steps first keeps the result connected: no entity is kept without the one that reached it.
 * Null when the centre does not exist.
 */
export async function neighbourhood(db: Database, request: NeighbourhoodRequest, filter: NetworkFilter, options: NetworkOptions = { citationCounts: true }): Promise<Network | null> {
  const depth = boundedInt(request.depth, 1, NETWORK_BOUNDS.maxDepth, 'depth');
  const types = walked(filter);
  const hops = Array.from({ length: depth }, (_, i) => `hop${i + 1}`);
  const steps = hops.map((hop, i) => {
    const previous = hops.slice(0, i);
    const frontier = i === 0 ? 'root' : previous[i - 1]!;
    return `CALL (${['root', ...previous].join(', ')}) {
      ${i === 0 ? '' : `UNWIND ${frontier} AS f`}
      MATCH (${i === 0 ? 'root' : 'f'})-[r:${types}]-(n:Entity)
      WHERE ${dated('r')} AND n <> root ${previous.map((p) => `AND NOT n IN ${p}`).join(' ')}
      WITH DISTINCT n LIMIT $cap
      RETURN collect(n) AS ${hop}
    }`;
  });
  const rows = await db.read(
    `MATCH (root:Entity {id: $id})
     ${steps.join('\n')}
     WITH [{n: root, hop: 0}] ${hops.map((h, i) => `+ [n IN ${h} | {n: n, hop: ${i + 1}}]`).join(' ')} AS found,
          ${hops.map((h) => `size(${h}) >= $cap`).join(' OR ')} AS capped
     UNWIND found AS f
     WITH f.n AS n, f.hop AS hop, capped, size(found) AS reached
     WITH n, hop, capped, reached, ${degree('n', types)} AS degree
     ORDER BY hop, degree DESC, n.id
     LIMIT $limit
     WITH collect(n) AS kept, capped, reached
     ${edgesAmongKept(types, options.citationCounts)}
     RETURN [n IN kept | ${entityMap('n')}] AS nodes, edges, capped OR reached > size(kept) AS truncated`,
    { id: request.id, limit: int(request.limit), cap: int(request.expansionCap ?? DEFAULT_EXPANSION_CAP), ...filterParams(filter) },
    parseNetwork,
  );
  return rows[0] ?? null;
}

export interface PathsRequest {
  from: string;
  to: string;
  maxDepth: number;
  /** How many paths to ask Neo4j for (parallel relationships make several of them run through the same entities). */
  count: number;
}

/** Up to `count` shortest paths, shortest first, in one query; a path from an entity to itself has no edges. */
export async function shortestPaths(db: Database, request: PathsRequest, filter: NetworkFilter, options: NetworkOptions = { citationCounts: true }): Promise<NetworkPath[]> {
  const maxDepth = boundedInt(request.maxDepth, 1, NETWORK_BOUNDS.maxPathDepth, 'maxDepth');
  const count = boundedInt(request.count, 1, NETWORK_BOUNDS.maxPaths * 4, 'count');
  const parse = (row: Record<string, unknown>): NetworkPath => ({
    nodes: (row.nodes as Record<string, unknown>[]).map(parseEntity),
    edges: (row.edges as Record<string, unknown>[]).map(parseNetworkEdge),
  });
  if (request.from === request.to) {
    return db.read(`MATCH (a:Entity {id: $from}) RETURN [${entityMap('a')}] AS nodes, [] AS edges`, { from: request.from }, parse);
  }
  return db.read(
    `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
     MATCH p = SHORTEST ${count} (a)-[r:${walked(filter)} WHERE ${admits('r', walked(filter))}]-{1,${maxDepth}}(b)
     RETURN [n IN nodes(p) | ${entityMap('n')}] AS nodes, [r IN relationships(p) | ${EDGE('r', options.citationCounts)}] AS edges`,
    { from: request.from, to: request.to, ...filterParams(filter) },
    parse,
  );
}

/** The given entities, the relationships among them and, optionally, the entities on a shortest path between any two. */
export async function subgraph(db: Database, ids: readonly string[], includeBetween: boolean, filter: NetworkFilter, options: NetworkOptions = { citationCounts: true }): Promise<Network> {
  const types = walked(filter);
  const rows = await db.read(
    `MATCH (s:Entity) WHERE s.id IN $ids
     WITH collect(s) AS given
     CALL (given) {
       UNWIND given AS a
       UNWIND given AS b
       WITH a, b WHERE $includeBetween AND a.id < b.id
       MATCH p = SHORTEST 1 (a)-[r:${types} WHERE ${admits('r', types)}]-{1,${NETWORK_BOUNDS.betweenDepth}}(b)
       UNWIND nodes(p) AS n
       RETURN collect(DISTINCT n) AS between
     }
     WITH given + [n IN between WHERE NOT n IN given] AS kept
     ${edgesAmongKept(types, options.citationCounts)}
     RETURN [n IN kept | ${entityMap('n')}] AS nodes, edges, false AS truncated`,
    { ids: [...ids], includeBetween, ...filterParams(filter) },
    parseNetwork,
  );
  return rows[0] ?? { nodes: [], edges: [], truncated: false };
}

export interface WholeNetworkProgress {
  done: number;
  total: number;
}

/**
 * Every entity and every admitted relationship, read in pages of entities (keyset on the id index) within one
 * read transaction so the export is a consistent snapshot; `onProgress` counts entities read.
 */
export async function wholeNetwork(
  db: Database,
  filter: NetworkFilter,
  onProgress?: (progress: WholeNetworkProgress) => void,
  pageSize = 1_000,
): Promise<Network> {
  return db.readTransaction(async (tx: ManagedTransaction) => {
    const params = filterParams(filter);
    const counted = await tx.run('MATCH (n:Entity) RETURN count(n) AS total', {});
    const total = Number(counted.records[0]?.get('total') ?? 0);
    const network: Network = { nodes: [], edges: [], truncated: false };
    onProgress?.({ done: 0, total });
    for (let after: string | null = null; ; ) {
      const page = await tx.run(
        `MATCH (n:Entity) WHERE $after IS NULL OR n.id > $after
         WITH n ORDER BY n.id LIMIT $pageSize
         RETURN ${entityMap('n')} AS node, [(n)-[r:${walked(filter)}]->(:Entity) WHERE ${dated('r')} | ${EDGE('r')}] AS edges`,
        { after, pageSize: int(pageSize), ...params },
      );
      for (const record of page.records) {
        const row = record.toObject() as Record<string, unknown>;
        const node = parseEntity(row.node as Record<string, unknown>);
        network.nodes.push(node);
        for (const edge of row.edges as Record<string, unknown>[]) network.edges.push(parseNetworkEdge(edge));
        after = node.id;
      }
      onProgress?.({ done: network.nodes.length, total });
      if (page.records.length < pageSize) return network;
    }
  });
}
