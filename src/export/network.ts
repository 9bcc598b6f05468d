// What an export holds: the whole network or one entity's neighbourhood (optionally as of a day and for some
// relationship types), with party names as of that day, as a graphology graph the serialisers write out.
import { MultiDirectedGraph } from 'graphology';
import type { RelationType } from '../dataset/to-graph.js';
import { NotFoundError } from '../errors.js';
import { asOfArg, intArg, relationTypesArg } from '../graph/options.js';
import type { Database } from '../neo4j/database.js';
import { citationsOf, factsLinkedTo } from '../repositories/fact-repository.js';
import { NETWORK_BOUNDS, neighbourhood, wholeNetwork, type NetworkFilter, type WholeNetworkProgress } from '../repositories/graph-repository.js';
import { factOfLabel, type CitationRecord, type EntityRecord, type NetworkEdgeRecord } from '../repositories/records.js';
import type { PartialDate } from '../domain/partial-date.js';
import { nameOn } from '../resolvers/names.js';

/** A rooted export keeps at most this many entities (the closest and best-connected, as `neighbourhood` does). */
export const EXPORT_MAX_NODES = 100_000;

export interface ExportOptions {
  /** Centre of a neighbourhood export; null exports the whole network. */
  root: string | null;
  depth: number;
  asOf: string | null;
  types: RelationType[] | null;
}

/** Raw options as the /export query string or the CLI give them; `types` may be comma-separated. */
export interface RawExportOptions {
  root?: string | undefined;
  depth?: string | undefined;
  asOf?: string | undefined;
  types?: string | string[] | undefined;
}

/** Checks raw options; a bad one is a UserInputError naming it (the route answers 400, the CLI exits 2). */
export function exportOptions(raw: RawExportOptions): ExportOptions {
  const depthText = raw.depth === undefined || raw.depth === '' ? undefined : raw.depth;
  const depth = depthText === undefined ? undefined : /^-?\d+$/.test(depthText) ? Number(depthText) : Number.NaN;
  const types = (Array.isArray(raw.types) ? raw.types : raw.types === undefined ? [] : [raw.types])
    .flatMap((t) => t.split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return {
    root: raw.root && raw.root !== '' ? raw.root : null,
    depth: intArg(depth, 1, 1, NETWORK_BOUNDS.maxDepth, 'depth'),
    asOf: asOfArg(raw.asOf),
    types: relationTypesArg(types),
  };
}

export interface ExportNode {
  id: string;
  kind: string;
  /** The name on `asOf` (a party's name then), else the current name. */
  name: string;
  /** When it happened or began (an event's or election's date, a case's opening), as precisely as known. */
  from: PartialDate | null;
  /** When it ended, for what spans time. */
  to: PartialDate | null;
  citations: ExportCitation[];
}

/** A citation as exports carry it: the source's id and the quote (or, for a structured source, the locator). */
export interface ExportCitation {
  source: string;
  quote: string | null;
  locator: string | null;
}

export type ExportEdge = NetworkEdgeRecord & { citations: ExportCitation[] };

/** Citations are read this many owners at a time (one round trip each). */
const CITATION_BATCH = 2_000;

async function exportCitations(db: Database, ids: readonly string[]): Promise<Map<string, ExportCitation[]>> {
  const out = new Map<string, ExportCitation[]>();
  for (let i = 0; i < ids.length; i += CITATION_BATCH) {
    const got = await citationsOf(db, ids.slice(i, i + CITATION_BATCH));
    for (const [id, list] of got) out.set(id, list.map((c: CitationRecord) => ({ source: c.source.id, quote: c.quote, locator: c.locator })));
  }
  return out;
}

export interface ExportNetwork {
  options: ExportOptions;
  nodes: ExportNode[];
  edges: ExportEdge[];
  truncated: boolean;
}

/** Reads the network to export: one query for a neighbourhood, pages in one transaction for the whole graph. */
export async function loadExportNetwork(
  db: Database,
  options: ExportOptions,
  onProgress?: (progress: WholeNetworkProgress) => void,
): Promise<ExportNetwork> {
  const filter: NetworkFilter = { types: options.types, asOf: options.asOf };
  const network = options.root
    ? await neighbourhood(db, { id: options.root, depth: options.depth, limit: EXPORT_MAX_NODES, expansionCap: EXPORT_MAX_NODES }, filter)
    : await wholeNetwork(db, filter, onProgress);
  if (!network) throw new NotFoundError(`No entity has the id "${options.root}".`, 'root');
  const names = new Map<string, string>();
  const parties = network.nodes.filter((n) => n.kind === 'PARTY').map((n) => n.id);
  if (options.asOf && parties.length > 0) {
    const partyNames = await factsLinkedTo(db, { label: 'PartyName', link: 'SUBJECT' }, parties);
    for (const [id, dated] of partyNames) {
      const name = nameOn(dated.map((n) => factOfLabel(n, 'PartyName')), options.asOf);
      if (name) names.set(id, name);
    }
  }
  const citations = await exportCitations(db, [...network.nodes.map((n) => n.id), ...new Set(network.edges.map((e) => e.factId))]);
  return {
    options,
    nodes: network.nodes.map((n) => ({ id: n.id, kind: n.kind, name: names.get(n.id) ?? n.name, ...spanOf(n), citations: citations.get(n.id) ?? [] })),
    edges: network.edges.map((e) => ({ ...e, citations: citations.get(e.factId) ?? [] })),
    truncated: network.truncated,
  };
}

/** When an entity was, on the export's timeline: an election's day, an event's dates, a court case's opening; others are undated. */
function spanOf(n: EntityRecord): { from: PartialDate | null; to: PartialDate | null } {
  switch (n.kind) {
    case 'ELECTION':
      return { from: n.date, to: n.date };
    case 'EVENT':
      return { from: n.date, to: n.endDate ?? n.date };
    case 'COURT_CASE':
      return { from: n.opened, to: null };
    default:
      return { from: null, to: null };
  }
}

/** Node attributes; absent values (undated) are left out rather than written empty. */
export interface ExportNodeAttributes {
  label: string;
  kind: string;
  name: string;
  from?: string;
  to?: string;
  /** First and last day the dates may mean (`YYYY-MM-DD`): what GEXF spells are built from. */
  start?: string;
  end?: string;
  citationCount: number;
  /** Ids of the sources cited, `; `-separated. */
  sourceIds: string;
  /** The citations as JSON: `[{ "source", "quote", "locator" }]`. */
  citations: string;
  [key: string]: string | number | undefined;
}

/** Edge attributes; absent values (no role, undated) are left out rather than written empty. */
export interface ExportEdgeAttributes {
  label: string;
  type: string;
  role?: string;
  from?: string;
  to?: string;
  start?: string;
  end?: string;
  citationCount: number;
  factId: string;
  sourceIds: string;
  citations: string;
  [key: string]: string | number | undefined;
}

export interface ExportGraphAttributes {
  creator: string;
  description: string;
  [key: string]: string;
}

export type ExportGraph = MultiDirectedGraph<ExportNodeAttributes, ExportEdgeAttributes, ExportGraphAttributes>;

export function describeExport(options: ExportOptions): string {
  const scope = options.root ? `${options.depth}-step neighbourhood of ${options.root}` : 'whole network';
  const day = options.asOf ? ` as of ${options.asOf}` : '';
  const types = options.types ? ` (${options.types.join(', ')})` : '';
  return `Kazakh political actors: ${scope}${day}${types}`;
}

/** The network as a directed multigraph (two entities may be tied by several relationships, e.g. LEADS and MEMBER_OF). */
export function toGraphology(network: ExportNetwork): ExportGraph {
  const graph: ExportGraph = new MultiDirectedGraph();
  graph.replaceAttributes({ creator: 'kz-political-graph', description: describeExport(network.options) });
  for (const n of network.nodes) {
    const attributes: ExportNodeAttributes = { label: n.name, kind: n.kind, name: n.name, ...dates(n.from, n.to), ...cited(n.citations) };
    graph.addNode(n.id, attributes);
  }
  for (const e of network.edges) {
    const attributes: ExportEdgeAttributes = { label: e.type, type: e.type, ...dates(e.from, e.to), ...cited(e.citations), citationCount: e.citationCount, factId: e.factId };
    if (e.role) attributes.role = e.role;
    graph.addDirectedEdgeWithKey(e.id, e.source, e.target, attributes);
  }
  return graph;
}

function dates(from: PartialDate | null, to: PartialDate | null): { from?: string; to?: string; start?: string; end?: string } {
  const out: { from?: string; to?: string; start?: string; end?: string } = {};
  if (from) {
    out.from = from.text;
    out.start = from.start;
  }
  if (to) {
    out.to = to.text;
    out.end = to.end;
  }
  return out;
}

function cited(citations: ExportCitation[]): { citationCount: number; sourceIds: string; citations: string } {
  return {
    citationCount: citations.length,
    sourceIds: [...new Set(citations.map((c) => c.source))].join('; '),
    citations: JSON.stringify(citations),
  };
}
