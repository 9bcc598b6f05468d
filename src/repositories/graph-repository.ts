// Network queries over the derived entity→entity relationships: neighbourhoods, shortest paths, subgraphs and
// the whole network for exports. Each GraphQL call is one bounded Cypher query; all Cypher for networks is here.
import type { ManagedTransaction } from 'neo4j-driver';
import { int, type Database } from '../neo4j/database.js';
import { relationTypes } from '../dataset/to-graph.js';
import { citationList, entityMap, factOrder, holdingOn, VariableNames, wholeRecords, type ReadProjection } from './fragments.js';
import { compilePlan, primesOf, type Prime, type PrefetchPlan } from './prefetch-repository.js';
import { parseCitation, parseEntity, parseNetworkEdge, type EntityRecord, type NetworkEdgeRecord } from './records.js';

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

/** What a network query read beyond its nodes and edges, as its options asked (`NetworkOptions`). */
export interface NetworkExtras {
  /** With `namesOn`: each party's name on `asOf`, by id (a party no dated name covers is absent). */
  namesOn: Map<string, string> | null;
  /** Loader primes: the edges' citations (by fact id) and what `entityPlan` asks of the nodes. */
  primes: Prime[];
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

/** Properties of a relationship an edge may read; its type and ends always come. */
export const edgeProperties = ['id', 'factId', 'role', 'from', 'to'] as const;
export type EdgeProperty = (typeof edgeProperties)[number];

/**
 * An edge map; the fact behind a relationship is a Fact node, or an Entity for structural ties (PART_OF...).
 * Counting an edge's citations costs two index seeks per edge, so only when asked (`counted`). `props` (null:
 * all) names the relationship properties read: each is a db hit per edge; one not read comes back null.
 */
const EDGE = (r: string, counted = true, props: readonly EdgeProperty[] | null = null) =>
  `{type: type(${r}), source: startNode(${r}).id, target: endNode(${r}).id, ${edgeProperties.map((p) => `${p}: ${props === null || props.includes(p) ? `${r}.${p}` : 'null'}`).join(', ')},
    citationCount: ${counted ? `COUNT { (:Fact {id: ${r}.factId})-[:CITES]->(:Source) } + COUNT { (:Entity {id: ${r}.factId})-[:CITES]->(:Source) }` : 'null'}}`;

/** An edge map read back; an id the query was not asked to read (`EDGE`'s `props`) is empty and never looked at. */
function parseEdge(row: Record<string, unknown>, props: readonly EdgeProperty[] | null = null): NetworkEdgeRecord {
  if (props === null) return parseNetworkEdge(row);
  return parseNetworkEdge({ ...row, id: props.includes('id') ? row.id : '', factId: props.includes('factId') ? row.factId : '' });
}

/** What a network query returns beyond its entities and edges. */
export interface NetworkOptions {
  /** Count each edge's citations (`GraphEdge.citationCount`). */
  citationCounts: boolean;
  /** Read each edge's citations with their sources (`GraphEdge.citations`), as the citations loader would. */
  citations?: boolean;
  /** Choose each party's name on the filter's `asOf` (`GraphNode.name`), as `nameOn` in src/resolvers/names.ts would. */
  namesOn?: boolean;
  /** What `GraphNode.entity { … }` loads of each node (src/resolvers/prefetch.ts `planAt`); empty: nothing. */
  entityPlan?: PrefetchPlan;
  /** What the operation reads of entities (the nodes' properties), of citations and of what the plan loads. */
  projection?: ReadProjection;
  /** The relationship properties the edges read (`GraphEdge` fields selected); null or absent: all. */
  edgeProps?: readonly EdgeProperty[] | null;
}

const noExtras: NetworkExtras = { namesOn: null, primes: [] };

/**
 * The party name `nameOn` (src/resolvers/names.ts) picks for party `x` on `$asOf`, as a top-1 in Cypher: of the
 * live dated names covering the day (as the facts loader reads them), the latest start first (no start last),
 * then the higher `ord`, then the facts loader's own order (`factOrder`), which `nameOn`'s stable sort keeps.
 */
const nameOnDay = (x: string) => `COLLECT { MATCH (${x})<-[:SUBJECT]-(p:PartyName)
      WHERE NOT coalesce(p.retracted, false) AND ${holdingOn('p', '$asOf')}
      WITH p ORDER BY coalesce(p.fromStart, '') DESC, coalesce(p.ord, 0) DESC, ${factOrder('p')} LIMIT 1
      RETURN p.name }[0]`;

/**
 * The RETURN items reading what `options` asks beyond nodes and edges, for the entities listed in `nodes` and
 * the facts whose ids are listed in `factIds` (expressions): each `null` when not asked, so a query that does
 * not select names, citations or entity fields pays nothing for them. Entities come out of lists here, so each
 * is bound again by an index seek on its id before anything walks from it (see `rebind` in
 * ./prefetch-repository.ts: Neo4j 5.26 fails walking a list's node inside a nested subquery).
 */
function extraItems(nodes: string, factIds: string, options: NetworkOptions): { cypher: string; params: Record<string, unknown> } {
  const projection = options.projection ?? wholeRecords;
  const names = options.namesOn
    ? `COLLECT { UNWIND ${nodes} AS k WITH DISTINCT k WHERE k:Party MATCH (x:Entity {id: k.id}) RETURN [x.id, ${nameOnDay('x')}] }`
    : 'null';
  const cited = options.citations
    ? `COLLECT { UNWIND ${factIds} AS fid WITH DISTINCT fid
        CALL (fid) { MATCH (w:Fact {id: fid}) RETURN w UNION MATCH (w:Entity {id: fid}) RETURN w }
        RETURN {id: fid, citations: ${citationList('w', new VariableNames('net'), projection.citations)}} }`
    : 'null';
  const plan = options.entityPlan ?? [];
  const compiled = plan.length > 0 ? compilePlan('m', plan, projection) : null;
  const planned = compiled ? `COLLECT { UNWIND ${nodes} AS k WITH DISTINCT k MATCH (m:Entity {id: k.id}) RETURN {id: m.id, pre: ${compiled.cypher}} }` : 'null';
  return { cypher: `${names} AS namesOn, ${cited} AS cited, ${planned} AS planned`, params: compiled?.params ?? {} };
}

type Row = Record<string, unknown>;

/** The extras a row holds (`extraItems`), as names and loader primes. */
function parseExtras(row: Row, options: NetworkOptions): NetworkExtras {
  const namesOn = Array.isArray(row.namesOn) ? new Map((row.namesOn as [string, string | null][]).flatMap(([id, name]) => (typeof name === 'string' ? [[id, name] as const] : []))) : null;
  const primes: Prime[] = [];
  for (const c of Array.isArray(row.cited) ? (row.cited as { id: string; citations: Row[] }[]) : []) {
    primes.push({ loader: 'citations', key: c.id, value: c.citations.map(parseCitation) });
  }
  for (const p of Array.isArray(row.planned) ? (row.planned as { id: string; pre: Row }[]) : []) primesOf({ id: p.id }, p.pre, options.entityPlan ?? [], primes);
  return { namesOn, primes };
}

/**
 * The edges read back, with their citations when the query read them (`options.citations`): every edge's fact
 * gets a citations prime (none found: an empty list, so no resolver asks the loader again), and the edges count
 * their citations from there (the count's own subqueries were left out of the query, `counting`; the count is
 * the same `(fact)-[:CITES]->(:Source)` pattern).
 */
function parseEdges(rows: Row[], extras: NetworkExtras, options: NetworkOptions): NetworkEdgeRecord[] {
  const edges = rows.map((row) => parseEdge(row, options.edgeProps ?? null));
  if (!options.citations) return edges;
  const counts = new Map(extras.primes.flatMap((p) => (p.loader === 'citations' ? [[p.key, p.value.length] as const] : [])));
  for (const e of edges) {
    if (counts.has(e.factId)) continue;
    counts.set(e.factId, 0);
    extras.primes.push({ loader: 'citations', key: e.factId, value: [] });
  }
  return edges.map((e) => ({ ...e, citationCount: counts.get(e.factId) ?? 0 }));
}

/** Whether the query counts citations itself: asked for, and not read whole in the same query. */
const counting = (options: NetworkOptions) => options.citationCounts && !options.citations;

/** Every admitted relationship among the entities in the list `kept` (an induced subgraph). */
const edgesAmongKept = (types: string, counted: boolean, props: readonly EdgeProperty[] | null) => `CALL (kept) {
    UNWIND kept AS a
    MATCH (a)-[r:${types}]->(b:Entity)
    WHERE ${dated('r')} AND b IN kept
    RETURN collect(${EDGE('r', counted, props)}) AS edges
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

function parseNetwork(row: Row, options: NetworkOptions): Network & NetworkExtras {
  const extras = parseExtras(row, options);
  return {
    nodes: (row.nodes as Row[]).map(parseEntity),
    edges: parseEdges(row.edges as Row[], extras, options),
    truncated: row.truncated === true,
    ...extras,
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
export async function neighbourhood(db: Database, request: NeighbourhoodRequest, filter: NetworkFilter, options: NetworkOptions = { citationCounts: true }): Promise<(Network & NetworkExtras) | null> {
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
  const extras = extraItems('kept', '[e IN edges | e.factId]', options);
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
     ${edgesAmongKept(types, counting(options), options.edgeProps ?? null)}
     RETURN [n IN kept | ${entityMap('n', options.projection?.entity ?? null)}] AS nodes, edges, capped OR reached > size(kept) AS truncated, ${extras.cypher}`,
    { ...extras.params, id: request.id, limit: int(request.limit), cap: int(request.expansionCap ?? DEFAULT_EXPANSION_CAP), ...filterParams(filter) },
    (row) => parseNetwork(row, options),
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

/**
 * `MATCH p =` one shortest path from `a` to `b` (distinct nodes) over relationships of `types` the filter admits, at
 * most `maxDepth` long. Written with `shortestPath()` and a predicate on all its relationships rather than
 * `SHORTEST 1`: on the large benchmark network Neo4j 5.26 took 75-90 s over `SHORTEST 1` for a few pairs four steps
 * apart (a person of small bodies and a member of a party with 65,817 relationships), past its own transaction
 * timeout, where `shortestPath()` gave the same length in 5-711 ms (bench/analysis.md). `SHORTEST k` stays for k > 1,
 * which `shortestPath()` cannot ask.
 */
function onePath(a: string, b: string, types: string, maxDepth: number): string {
  return `MATCH p = shortestPath((${a})-[:${types}*1..${maxDepth}]-(${b})) WHERE all(x IN relationships(p) WHERE ${admits('x', types)})`;
}

/**
 * Up to `count` shortest paths, shortest first, in one query (one row: what `options` asks of the entities and
 * facts on them is read once for all paths); a path from an entity to itself has no edges.
 */
export async function shortestPaths(
  db: Database,
  request: PathsRequest,
  filter: NetworkFilter,
  options: NetworkOptions = { citationCounts: true },
): Promise<{ paths: NetworkPath[] } & NetworkExtras> {
  const maxDepth = boundedInt(request.maxDepth, 1, NETWORK_BOUNDS.maxPathDepth, 'maxDepth');
  const count = boundedInt(request.count, 1, NETWORK_BOUNDS.maxPaths * 4, 'count');
  const node = (n: string) => entityMap(n, options.projection?.entity ?? null);
  const parse = (row: Row): { paths: NetworkPath[] } & NetworkExtras => {
    const extras = parseExtras(row, options);
    const paths = (row.paths as { nodes: Row[]; edges: Row[] }[]).map((p) => ({ nodes: p.nodes.map(parseEntity), edges: parseEdges(p.edges, extras, options) }));
    return { paths, ...extras };
  };
  if (request.from === request.to) {
    const extras = extraItems('[a]', '[]', options);
    const rows = await db.read(`MATCH (a:Entity {id: $from}) RETURN [{nodes: [${node('a')}], edges: []}] AS paths, ${extras.cypher}`, { ...extras.params, from: request.from, ...filterParams(filter) }, parse);
    return rows[0] ?? { paths: [], ...noExtras };
  }
  const extras = extraItems('reduce(acc = [], q IN found | acc + nodes(q))', 'reduce(acc = [], q IN found | acc + [r IN relationships(q) | r.factId])', options);
  const rows = await db.read(
    `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
     ${count === 1 ? onePath('a', 'b', walked(filter), maxDepth) : `MATCH p = SHORTEST ${count} (a)-[r:${walked(filter)} WHERE ${admits('r', walked(filter))}]-{1,${maxDepth}}(b)`}
     WITH collect(p) AS found
     RETURN [q IN found | {nodes: [n IN nodes(q) | ${node('n')}], edges: [r IN relationships(q) | ${EDGE('r', counting(options), options.edgeProps ?? null)}]}] AS paths, ${extras.cypher}`,
    { ...extras.params, from: request.from, to: request.to, ...filterParams(filter) },
    parse,
  );
  return rows[0] ?? { paths: [], ...noExtras };
}

/** The given entities, the relationships among them and, optionally, the entities on a shortest path between any two. */
export async function subgraph(
  db: Database,
  ids: readonly string[],
  includeBetween: boolean,
  filter: NetworkFilter,
  options: NetworkOptions = { citationCounts: true },
): Promise<Network & NetworkExtras> {
  const types = walked(filter);
  const extras = extraItems('kept', '[e IN edges | e.factId]', options);
  const rows = await db.read(
    `MATCH (s:Entity) WHERE s.id IN $ids
     WITH collect(s) AS given
     CALL (given) {
       UNWIND given AS a
       UNWIND given AS b
       WITH a, b WHERE $includeBetween AND a.id < b.id
       ${onePath('a', 'b', types, NETWORK_BOUNDS.betweenDepth)}
       UNWIND nodes(p) AS n
       RETURN collect(DISTINCT n) AS between
     }
     WITH given + [n IN between WHERE NOT n IN given] AS kept
     ${edgesAmongKept(types, counting(options), options.edgeProps ?? null)}
     RETURN [n IN kept | ${entityMap('n', options.projection?.entity ?? null)}] AS nodes, edges, false AS truncated, ${extras.cypher}`,
    { ...extras.params, ids: [...ids], includeBetween, ...filterParams(filter) },
    (row) => parseNetwork(row, options),
  );
  return rows[0] ?? { nodes: [], edges: [], truncated: false, ...noExtras };
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
        for (const edge of row.edges as Record<string, unknown>[]) network.edges.push(parseEdge(edge));
        after = node.id;
      }
      onProgress?.({ done: network.nodes.length, total });
      if (page.records.length < pageSize) return network;
    }
  });
}
