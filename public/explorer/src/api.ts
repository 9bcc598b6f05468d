// The explorer's only data source: the public GraphQL API at /graphql, asked like any third-party client. Errors
// become ApiError with a kind the page can explain to a person (offline, not found, bad input, server).

export type ErrorKind = 'network' | 'not-found' | 'bad-input' | 'server';

export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly detail: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const human: Record<ErrorKind, string> = {
  network: 'The server cannot be reached. Check that the app is running, then retry.',
  'not-found': 'No such entity.',
  'bad-input': 'The request was not understood.',
  server: 'The server had a problem answering. Retry in a moment.',
};

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError('network', human.network, error instanceof Error ? error.message : String(error));
  }
  let body: GraphQLAnswer<T>;
  try {
    body = (await res.json()) as GraphQLAnswer<T>;
  } catch {
    throw new ApiError(res.status >= 500 ? 'server' : 'network', human[res.status >= 500 ? 'server' : 'network'], `HTTP ${res.status} without JSON`);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? null;
    const kind: ErrorKind = code === 'NOT_FOUND' ? 'not-found' : code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' ? 'bad-input' : 'server';
    throw new ApiError(kind, kind === 'server' ? human.server : first.message, body.errors!.map((e) => e.message).join('; '), code);
  }
  if (!body.data) throw new ApiError('server', human.server, `HTTP ${res.status} without data`);
  return body.data;
}

export interface PartialDate {
  text: string;
  start: string;
  end: string;
}

export interface SourceRef {
  id: string;
  publisher: string;
  title: string | null;
  author: string | null;
  url: string | null;
  date: PartialDate;
}

export interface Citation {
  /** Null for a citation of a structured source by `locator` only. */
  quote: string | null;
  locator?: string | null;
  source: SourceRef;
  start?: number | null;
  end?: number | null;
}

export interface GraphNode {
  id: string;
  kind: string;
  name: string;
  degree: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  role: string | null;
  factId: string;
  citationCount: number;
  from: PartialDate | null;
  to: PartialDate | null;
  citations: Citation[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface Path {
  length: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface KindInfo {
  kind: string;
  description: string;
}

export interface Limits {
  kinds: KindInfo[];
  maxDepth: number;
  maxNodes: number;
  defaultPathDepth: number;
  maxPathDepth: number;
  maxPaths: number;
  maxSubgraphIds: number;
}

/** What this API offers beyond the basics (the provenance fields arrive in a later version). */
export interface Capabilities {
  sourceText: boolean;
  citationOffsets: boolean;
}

export interface Config {
  limits: Limits;
  relationTypes: string[];
  capabilities: Capabilities;
}

const DATE = 'text start end';
const NODE = 'id kind name degree';

function citationFields(caps: Capabilities): string {
  return `quote ${caps.citationOffsets ? 'start end locator' : ''} source { id publisher title author url date { ${DATE} } }`;
}

function edgeFields(caps: Capabilities): string {
  return `id source target type role factId citationCount from { ${DATE} } to { ${DATE} } citations { ${citationFields(caps)} }`;
}

/** Whether a query validates against this API: a validation failure means the fields are not there. */
async function validates(query: string): Promise<boolean> {
  try {
    await graphql(query);
    return true;
  } catch (error) {
    return !(error instanceof ApiError && error.code === 'GRAPHQL_VALIDATION_FAILED');
  }
}

export async function loadConfig(): Promise<Config> {
  const [data, sourceText, citationOffsets] = await Promise.all([
    graphql<{ networkLimits: Limits; relationTypes: string[] }>(
      `{ networkLimits { kinds { kind description } maxDepth maxNodes defaultPathDepth maxPathDepth maxPaths maxSubgraphIds } relationTypes }`,
    ),
    validates('{ source(id: "-") { id text } }'),
    validates('{ node(id: "-") { ... on Entity { citations { start end } } } }'),
  ]);
  return { limits: data.networkLimits, relationTypes: data.relationTypes, capabilities: { sourceText, citationOffsets } };
}

export interface SearchHit {
  matched: string;
  score: number;
  entity: { id: string; kind: string; name: string };
}

export async function searchEntities(text: string): Promise<SearchHit[]> {
  const data = await graphql<{ search: SearchHit[] }>(
    `query Suggest($q: String!) { search(query: $q, first: 8) { matched score entity { id kind name } } }`,
    { q: text },
  );
  return data.search;
}

export interface NeighbourhoodRequest {
  id: string;
  depth: number;
}

export interface Filters {
  asOf: string | null;
  types: string[] | null;
}

/** At most this many aliased fields per request: the API caps aliases, so larger views take several requests. */
const ROOTS_PER_REQUEST = 8;

/** Neighbourhoods of several centres, each an aliased field (a few requests when there are many). */
export async function neighbourhoods(requests: NeighbourhoodRequest[], filters: Filters, limit: number, caps: Capabilities): Promise<Map<string, Graph>> {
  const out = new Map<string, Graph>();
  for (let start = 0; start < requests.length; start += ROOTS_PER_REQUEST) {
    const chunk = requests.slice(start, start + ROOTS_PER_REQUEST);
    const defs = ['$types: [String!]', '$asOf: Date', '$limit: Int'];
    const variables: Record<string, unknown> = { types: filters.types, asOf: filters.asOf, limit };
    const fields = chunk.map((r, i) => {
      defs.push(`$r${i}: ID!`, `$d${i}: Int!`);
      variables[`r${i}`] = r.id;
      variables[`d${i}`] = r.depth;
      return `r${i}: neighbourhood(id: $r${i}, depth: $d${i}, types: $types, asOf: $asOf, limit: $limit) { truncated nodes { ${NODE} } edges { ${edgeFields(caps)} } }`;
    });
    const data = await graphql<Record<string, Graph>>(`query View(${defs.join(', ')}) { ${fields.join('\n')} }`, variables);
    chunk.forEach((r, i) => out.set(`${r.id}@${r.depth}`, data[`r${i}`]!));
  }
  return out;
}

export async function kPaths(from: string, to: string, first: number, maxDepth: number, filters: Filters, caps: Capabilities): Promise<Path[]> {
  const data = await graphql<{ paths: Path[] }>(
    `query Paths($from: ID!, $to: ID!, $first: Int, $maxDepth: Int, $types: [String!], $asOf: Date) {
      paths(from: $from, to: $to, first: $first, maxDepth: $maxDepth, types: $types, asOf: $asOf) {
        length nodes { ${NODE} } edges { ${edgeFields(caps)} }
      }
    }`,
    { from, to, first, maxDepth, types: filters.types, asOf: filters.asOf },
  );
  return data.paths;
}

export interface EntityDetails {
  id: string;
  kind: string;
  name: string;
  description: string | null;
  aliases: { name: string }[];
  citations: Citation[];
  names?: { name: string; from: PartialDate | null; to: PartialDate | null }[];
  date?: PartialDate | null;
  endDate?: PartialDate | null;
}

export async function entityDetails(id: string, caps: Capabilities): Promise<EntityDetails | null> {
  const data = await graphql<{ node: EntityDetails | null }>(
    `query Entity($id: ID!) {
      node(id: $id) {
        ... on Entity { id kind name description aliases { name } citations { ${citationFields(caps)} } }
        ... on Party { names { name from { ${DATE} } to { ${DATE} } } }
        ... on Event { endDate { ${DATE} } }
      }
    }`,
    { id },
  );
  return data.node;
}

export interface SourceDocument extends SourceRef {
  text?: string | null;
}

export async function sourceDocument(id: string, caps: Capabilities): Promise<SourceDocument | null> {
  const data = await graphql<{ source: SourceDocument | null }>(
    `query Source($id: ID!) { source(id: $id) { id publisher title author url date { ${DATE} } ${caps.sourceText ? 'text' : ''} } }`,
    { id },
  );
  return data.source;
}

export interface StartPoint {
  id: string;
  kind: string;
  name: string;
  /** Its relationships (all dates), when known. */
  ties?: number;
  /** Its date, for elections. */
  date?: string;
}

/**
 * Suggested places to start: the most connected parties, organisations and people (by their number of
 * relationships), and the most recent elections.
 */
export async function entryPoints(): Promise<{ connected: StartPoint[]; recent: StartPoint[] }> {
  const today = new Date().toISOString().slice(0, 10);
  const TIES = 'related(first: 0) { totalCount }';
  const data = await graphql<{
    parties: { id: string; name: string; related: { totalCount: number } }[];
    organizations: { edges: { node: { id: string; name: string; related: { totalCount: number } } }[] };
    people: { edges: { node: { id: string; name: string; related: { totalCount: number } } }[] };
    elections: { edges: { node: { id: string; name: string; date: { start: string; text: string } } }[] };
  }>(
    `query Start($today: Date) {
      parties(asOf: $today) { id name ${TIES} }
      organizations(first: 50) { edges { node { id name ${TIES} } } }
      people(first: 100) { edges { node { id name ${TIES} } } }
      elections(first: 50) { edges { node { id name date { start text } } } }
    }`,
    { today },
  );
  const ranked = [
    ...data.parties.map((p) => ({ id: p.id, name: p.name, kind: 'PARTY', ties: p.related.totalCount })),
    ...data.organizations.edges.map((e) => ({ id: e.node.id, name: e.node.name, kind: 'ORGANIZATION', ties: e.node.related.totalCount })),
    ...data.people.edges.map((e) => ({ id: e.node.id, name: e.node.name, kind: 'PERSON', ties: e.node.related.totalCount })),
  ].sort((a, b) => b.ties - a.ties || a.name.localeCompare(b.name));
  const recent = data.elections.edges
    .map((e) => ({ id: e.node.id, name: e.node.name, kind: 'ELECTION', date: e.node.date.text, start: e.node.date.start }))
    .filter((e) => e.start <= today)
    .sort((a, b) => b.start.localeCompare(a.start))
    .slice(0, 3)
    .map(({ start: _start, ...e }) => e);
  return { connected: ranked.slice(0, 8), recent };
}

export interface EntityFacts {
  citations: Citation[];
  from: PartialDate | null;
  to: PartialDate | null;
}

/** Citations and dates (an event's, an election's, a case's opening) of entities, for exports of the view. */
export async function entityFacts(ids: string[], chunk: number, caps: Capabilities): Promise<Map<string, EntityFacts>> {
  const out = new Map<string, EntityFacts>();
  interface Answer {
    id: string;
    entity: {
      citations: Citation[];
      eventDate?: { value: PartialDate | null };
      endDate?: PartialDate | null;
      electionDate?: PartialDate;
      opened?: PartialDate | null;
    };
  }
  for (let i = 0; i < ids.length; i += chunk) {
    const data = await graphql<{ subgraph: { nodes: Answer[] } }>(
      `query Facts($ids: [ID!]!) { subgraph(ids: $ids, includeBetween: false) { nodes { id entity {
        citations { ${citationFields(caps)} }
        ... on Event { eventDate: date { value { ${DATE} } } endDate { ${DATE} } }
        ... on Election { electionDate: date { ${DATE} } }
        ... on CourtCase { opened { ${DATE} } }
      } } } }`,
      { ids: ids.slice(i, i + chunk) },
    );
    for (const n of data.subgraph.nodes) {
      const e = n.entity;
      const from = e.eventDate?.value ?? e.electionDate ?? e.opened ?? null;
      const to = e.eventDate ? (e.endDate ?? e.eventDate.value) : (e.electionDate ?? null);
      out.set(n.id, { citations: e.citations, from, to });
    }
  }
  return out;
}

/**
 * Each person's parties (any time: a membership, or a seat held for the party), for grouping a hub's people by
 * party when the parties are not in view: every party's neighbourhood through those two ties, a few at a time.
 */
export async function partiesOfPeople(maxNodes: number): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const { parties } = await graphql<{ parties: { id: string; name: string }[] }>('{ parties { id name } }');
  for (let start = 0; start < parties.length; start += ROOTS_PER_REQUEST) {
    const chunk = parties.slice(start, start + ROOTS_PER_REQUEST);
    const defs = ['$types: [String!]', '$limit: Int'];
    const variables: Record<string, unknown> = { types: ['MEMBER_OF', 'AFFILIATED_WITH'], limit: maxNodes };
    const fields = chunk.map((p, i) => {
      defs.push(`$p${i}: ID!`);
      variables[`p${i}`] = p.id;
      return `p${i}: neighbourhood(id: $p${i}, depth: 1, types: $types, limit: $limit) { nodes { id kind } }`;
    });
    const data = await graphql<Record<string, { nodes: { id: string; kind: string }[] }>>(`query PartyPeople(${defs.join(', ')}) { ${fields.join('\n')} }`, variables);
    chunk.forEach((party, i) => {
      for (const n of data[`p${i}`]?.nodes ?? []) if (n.kind === 'PERSON') out.set(n.id, [...new Set([...(out.get(n.id) ?? []), party.name])]);
    });
  }
  return out;
}
