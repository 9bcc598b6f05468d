// The benchmark's query shapes: what an analyst asks, written three ways — our GraphQL API, @neo4j/graphql 7
// over the same graph (bench/peers/neo4j-graphql-type-defs.ts), and hand-written Cypher through the driver
// (the floor). Each shape picks its probe values (ids, names, dates) from the loaded graph, and says how big
// an answer is so the three systems can be checked to answer alike.
import { relationTypes } from '../src/dataset/to-graph.js';
import { foldName, luceneQuery, matchScore } from '../src/search/fold.js';

/** One read query through the driver, records as plain objects. */
export type ReadFn = (cypher: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** What one probe of a shape is about: ids, names, dates. */
export type Probe = Record<string, string>;

/** An HTTP request to one system: `/graphql` with a GraphQL body, or `/raw/<shape>` with Cypher parameters. */
export interface SystemRequest {
  path: string;
  body: unknown;
}

/** Sends a request to the system being prepared and returns its parsed JSON (for cursors of page 1). */
export type Call = (request: SystemRequest) => Promise<unknown>;

export interface SystemShape {
  build: (probe: Probe, call: Call) => Promise<SystemRequest> | SystemRequest;
  /** Size of the answer (items returned, total count...) for the cross-system check. */
  size: (response: unknown) => number;
}

export interface RawShape extends SystemShape {
  /** Runs the hand-written Cypher with the request's parameters: what `/raw/<shape>` answers. */
  run: (read: ReadFn, params: Record<string, unknown>) => Promise<unknown>;
}

export interface Shape {
  name: string;
  description: string;
  probes: (read: ReadFn) => Promise<Probe[]>;
  ours: SystemShape;
  neo4jGraphql: SystemShape | { unsupported: string };
  raw: RawShape;
}

/** How many different probes each shape rotates through while under load. */
export const PROBES_PER_SHAPE = 8;

/** Walks a JSON answer: dig(x, 'data', 'person', 'memberships'). */
export function dig(value: unknown, ...path: (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

function len(value: unknown): number {
  return Array.isArray(value) ? value.length : -1;
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : -1;
}

const gql = (query: string, variables: Record<string, unknown>): SystemRequest => ({ path: '/graphql', body: { query, variables } });
const raw = (shape: string, params: Record<string, unknown>): SystemRequest => ({ path: `/raw/${shape}`, body: params });

function strings(rows: Record<string, unknown>[], key: string): string[] {
  return rows.map((r) => String(r[key]));
}

/** People with an ordinary number of memberships (2 to 6): the typical subject of a lookup. */
async function typicalPeople(read: ReadFn, count = PROBES_PER_SHAPE): Promise<string[]> {
  const rows = await read(
    `MATCH (p:Person) WITH p, COUNT { (p)<-[:SUBJECT]-(:Membership) } AS k WHERE k >= 2 AND k <= 6
     RETURN p.id AS id ORDER BY p.id LIMIT $limit`,
    { limit: count },
  );
  return strings(rows, 'id');
}

const CITATIONS_OURS = 'citations { quote source { id title } }';
const CITATIONS_NGQL = 'citationsConnection { edges { properties { quote } node { id title } } }';
const CITATIONS_RAW = (v: string) => `[(${v})-[cites:CITES]->(src:Source) | {quote: cites.quote, ord: cites.ord, source: src {.id, .title}}]`;

const nodeLookup: Shape = {
  name: 'node-lookup',
  description: 'A person by id, two scalar fields: the fixed cost of a request (HTTP, parsing, one index seek).',
  probes: async (read) => (await typicalPeople(read)).map((id) => ({ id })),
  ours: {
    build: (p) => gql('query NodeLookup($id: ID!) { person(id: $id) { id name } }', p),
    size: (r) => (dig(r, 'data', 'person', 'id') ? 1 : 0),
  },
  neo4jGraphql: {
    build: (p) => gql('query NodeLookup($id: ID!) { people(where: { id: { eq: $id } }) { id name } }', p),
    size: (r) => len(dig(r, 'data', 'people')),
  },
  raw: {
    build: (p) => raw('node-lookup', p),
    run: (read, params) => read('MATCH (p:Entity {id: $id}) WHERE p:Person RETURN p.id AS id, p.name AS name', params),
    size: (r) => len(r),
  },
};

const entityLookup: Shape = {
  name: 'entity-lookup',
  description: 'A person by id with aliases, citations, and every membership with its organisation and citations.',
  probes: async (read) => (await typicalPeople(read)).map((id) => ({ id })),
  ours: {
    build: (p) =>
      gql(
        `query EntityLookup($id: ID!) { person(id: $id) { id name aliases { name script } ${CITATIONS_OURS}
          memberships { id role from { text } to { text } organization { id name } ${CITATIONS_OURS} } } }`,
        p,
      ),
    size: (r) => len(dig(r, 'data', 'person', 'memberships')),
  },
  neo4jGraphql: {
    build: (p) =>
      gql(
        `query EntityLookup($id: ID!) { people(where: { id: { eq: $id } }) { id name aliases ${CITATIONS_NGQL}
          memberships { id role from to organization { id name } ${CITATIONS_NGQL} } } }`,
        p,
      ),
    size: (r) => len(dig(r, 'data', 'people', 0, 'memberships')),
  },
  raw: {
    build: (p) => raw('entity-lookup', p),
    run: (read, params) =>
      read(
        `MATCH (p:Entity {id: $id}) WHERE p:Person
         RETURN p {.id, .name, .aliases, citations: ${CITATIONS_RAW('p')},
           memberships: [(p)<-[:SUBJECT]-(m:Membership) | m {.id, .role, .from, .to,
             organization: head([(m)-[:OBJECT]->(o) | o {.id, .name}]), citations: ${CITATIONS_RAW('m')}}]} AS person`,
        params,
      ),
    size: (r) => len(dig(r, 0, 'person', 'memberships')),
  },
};

/** The most common given names (at small scale and up, shared by enough people for a page 2 of 10), as an analyst would type them. */
async function commonGivenNames(read: ReadFn): Promise<Probe[]> {
  const rows = await read(
    `MATCH (p:Person) WITH split(p.name, ' ')[0] AS given, count(*) AS n
     RETURN given ORDER BY n DESC, given LIMIT $limit`,
    { limit: PROBES_PER_SHAPE },
  );
  return strings(rows, 'given').map((name) => ({ name, key: foldName(name) }));
}

const peopleList: Shape = {
  name: 'people-list',
  description: 'People whose name contains a given name, sorted by name, page 2 of 10 (cursor pagination) with totalCount.',
  probes: commonGivenNames,
  ours: {
    build: async (p, call) => {
      const query = `query PeopleList($name: String!, $after: String) { people(filter: { name: $name }, first: 10, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }`;
      const first = await call(gql(query, { name: p.name, after: null }));
      return gql(query, { name: p.name, after: dig(first, 'data', 'people', 'pageInfo', 'endCursor') });
    },
    size: (r) => num(dig(r, 'data', 'people', 'totalCount')),
  },
  neo4jGraphql: {
    build: async (p, call) => {
      const query = `query PeopleList($key: String!, $after: String) {
        peopleConnection(where: { searchKeys: { contains: $key } }, sort: [{ sortName: ASC }], first: 10, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }`;
      const first = await call(gql(query, { key: p.key, after: null }));
      return gql(query, { key: p.key, after: dig(first, 'data', 'peopleConnection', 'pageInfo', 'endCursor') });
    },
    size: (r) => num(dig(r, 'data', 'peopleConnection', 'totalCount')),
  },
  raw: {
    build: async (p, call) => {
      const first = await call(raw('people-list', { key: p.key, afterName: null, afterId: null }));
      const page = dig(first, 0, 'page');
      const last = Array.isArray(page) ? (page[9] as Record<string, unknown> | undefined) : undefined;
      return raw('people-list', { key: p.key, afterName: last?.sortName ?? null, afterId: last?.id ?? null });
    },
    run: (read, params) =>
      read(
        `CALL () { MATCH (n:Entity) WHERE n.kind = 'PERSON' AND n.searchKeys CONTAINS $key RETURN count(n) AS total }
         CALL () {
           MATCH (n:Entity) WHERE n.kind = 'PERSON' AND n.searchKeys CONTAINS $key
             AND ($afterName IS NULL OR n.sortName > $afterName OR (n.sortName = $afterName AND n.id > $afterId))
           RETURN n ORDER BY n.sortName, n.id LIMIT 11
         }
         RETURN total, collect(n {.id, .name, .sortName}) AS page`,
        params,
      ),
    size: (r) => num(dig(r, 0, 'total')),
  },
};

/** Parties around the median size, and a day in the middle of the generated period. */
async function medianParties(read: ReadFn): Promise<Probe[]> {
  const rows = await read(
    `MATCH (p:Party) WITH p, COUNT { (p)<-[:OBJECT]-(:Membership) } AS k ORDER BY k, p.id
     WITH collect(p.id) AS ids
     RETURN ids[toInteger(size(ids) / 4) .. toInteger(size(ids) / 4) + $limit] AS ids`,
    { limit: PROBES_PER_SHAPE },
  );
  const ids = (rows[0]?.ids ?? []) as string[];
  return ids.map((id) => ({ id, date: '2016-01-01' }));
}

const partyMembersAsOf: Shape = {
  name: 'party-members-as-of',
  description: 'A party (a quarter of parties are smaller) with its name and every membership valid on 2016-01-01, with the members.',
  probes: medianParties,
  ours: {
    build: (p) =>
      gql(
        `query PartyMembers($id: ID!, $date: Date!) { party(id: $id) { id name nameAsOf(date: $date)
          members(asOf: $date) { role from { text } to { text } person { id name } } } }`,
        p,
      ),
    size: (r) => len(dig(r, 'data', 'party', 'members')),
  },
  neo4jGraphql: {
    build: (p) =>
      gql(
        `query PartyMembers($id: ID!, $date: String!) { parties(where: { id: { eq: $id } }) { id name
          names { name fromStart toEnd }
          memberships(where: { AND: [
            { OR: [{ fromStart: { lte: $date } }, { fromStart: { eq: null } }] },
            { OR: [{ toEnd: { gte: $date } }, { toEnd: { eq: null } }] } ] }) { role from to person { id name } } } }`,
        p,
      ),
    size: (r) => len(dig(r, 'data', 'parties', 0, 'memberships')),
  },
  raw: {
    build: (p) => raw('party-members-as-of', p),
    run: (read, params) =>
      read(
        `MATCH (p:Entity {id: $id}) WHERE p:Party
         RETURN p {.id, .name,
           nameAsOf: head([(p)<-[:SUBJECT]-(n:PartyName)
             WHERE (n.fromStart IS NULL OR n.fromStart <= $date) AND (n.toEnd IS NULL OR n.toEnd >= $date) | n.name]),
           members: [(p)<-[:OBJECT]-(m:Membership)-[:SUBJECT]->(x)
             WHERE (m.fromStart IS NULL OR m.fromStart <= $date) AND (m.toEnd IS NULL OR m.toEnd >= $date)
             | {role: m.role, from: m.from, to: m.to, person: x {.id, .name}}]} AS party`,
        params,
      ),
    size: (r) => len(dig(r, 0, 'party', 'members')),
  },
};

const CLAIMS_OURS = (field: string) => `${field} { value disputed claims { value qualifier ${CITATIONS_OURS} } }`;
const CLAIMS_NGQL = `claims { field value qualifier ${CITATIONS_NGQL} }`;
const CLAIMS_RAW = (v: string) => `[(${v})<-[:CLAIM_OF]-(c:Claim) | c {.field, .value, .qualifier, citations: ${CITATIONS_RAW('c')}}]`;

const electionResults: Shape = {
  name: 'election-results',
  description: "An election with its turnout and every party's result; disputed figures with each source's claim and quotes.",
  probes: async (read) =>
    (
      await read(
        `MATCH (e:Election) WHERE EXISTS { (e)<-[:OBJECT]-(:PartyResult) }
         RETURN e.id AS id ORDER BY COUNT { (e)<-[:OBJECT]-(:PartyResult)<-[:CLAIM_OF]-(:Claim) } DESC, e.id LIMIT $limit`,
        { limit: PROBES_PER_SHAPE },
      )
    ).map((r) => ({ id: String(r.id) })),
  ours: {
    build: (p) =>
      gql(
        `query ElectionResults($id: ID!) { election(id: $id) { id name date { text } ${CLAIMS_OURS('turnout')}
          results { party { id name } partyName passedThreshold ${CLAIMS_OURS('voteShare')} ${CLAIMS_OURS('districtSeats')} totalSeats { value } } } }`,
        p,
      ),
    size: (r) => len(dig(r, 'data', 'election', 'results')),
  },
  neo4jGraphql: {
    build: (p) =>
      gql(
        `query ElectionResults($id: ID!) { elections(where: { id: { eq: $id } }) { id name date turnout ${CLAIMS_NGQL}
          results { voteShare districtSeats totalSeats passedThreshold party { id name names { name fromStart toEnd } } ${CLAIMS_NGQL} } } }`,
        p,
      ),
    size: (r) => len(dig(r, 'data', 'elections', 0, 'results')),
  },
  raw: {
    build: (p) => raw('election-results', p),
    run: (read, params) =>
      read(
        `MATCH (e:Entity {id: $id}) WHERE e:Election
         RETURN e {.id, .name, .date, .turnout, claims: ${CLAIMS_RAW('e')},
           results: [(e)<-[:OBJECT]-(r:PartyResult)-[:SUBJECT]->(party) | r {.voteShare, .districtSeats, .totalSeats, .passedThreshold,
             party: party {.id, .name, names: [(party)<-[:SUBJECT]-(n:PartyName) | n {.name, .fromStart, .toEnd}]},
             claims: ${CLAIMS_RAW('r')}}]} AS election`,
        params,
      ),
    size: (r) => len(dig(r, 0, 'election', 'results')),
  },
};

/** The people who appear in most events (ranks 3 to 10): timelines long enough to page. */
async function busyPeople(read: ReadFn): Promise<Probe[]> {
  const rows = await read(
    `MATCH (p:Person)<-[:SUBJECT]-(:Participation) WITH p, count(*) AS n ORDER BY n DESC, p.id SKIP 2 LIMIT $limit RETURN p.id AS id`,
    { limit: PROBES_PER_SHAPE },
  );
  return strings(rows, 'id').map((id) => ({ id }));
}

const timeline: Shape = {
  name: 'timeline',
  description: "A person's events, oldest first, the first 20 with totalCount (the busiest people but two).",
  probes: busyPeople,
  ours: {
    build: (p) =>
      gql(
        `query Timeline($id: ID!) { person(id: $id) { id name events(first: 20) { totalCount
          edges { node { id name eventKind date { value { text } disputed } } } } } }`,
        p,
      ),
    size: (r) => num(dig(r, 'data', 'person', 'events', 'totalCount')),
  },
  neo4jGraphql: {
    build: (p) =>
      gql(
        `query Timeline($id: ID!) { people(where: { id: { eq: $id } }) { id name }
          eventsConnection(where: { participations: { some: { person: { some: { id: { eq: $id } } } } } }, sort: [{ dateStart: ASC }], first: 20) {
            totalCount edges { node { id name eventKind date } } } }`,
        p,
      ),
    size: (r) => num(dig(r, 'data', 'eventsConnection', 'totalCount')),
  },
  raw: {
    build: (p) => raw('timeline', p),
    run: (read, params) =>
      read(
        `MATCH (p:Entity {id: $id})
         CALL (p) {
           MATCH (p)<-[:SUBJECT]-(:Participation)-[:OBJECT]->(e:Event)
           WITH DISTINCT e ORDER BY e.dateStart, e.id
           RETURN count(e) AS total, collect(e {.id, .name, .eventKind, .date, .disputed})[0..20] AS events
         }
         RETURN p.id AS id, p.name AS name, total, events`,
        params,
      ),
    size: (r) => num(dig(r, 0, 'total')),
  },
};

/** A typo an analyst makes: two letters of the surname swapped (Tokayev → Toakyev). */
export function misspell(name: string): string {
  const words = name.split(' ');
  const last = words[words.length - 1] ?? name;
  if (last.length < 5) return name;
  const swapped = last[0]! + last[2]! + last[1]! + last.slice(3);
  return [...words.slice(0, -1), swapped].join(' ');
}

const SEARCH_LIMIT = 10;

const search: Shape = {
  name: 'search-misspelt',
  description: 'Search for a person by a misspelt name (two surname letters swapped), best 10 hits.',
  probes: async (read) => {
    const rows = await read('MATCH (p:Person) WHERE p.id IN $ids RETURN p.id AS id, p.name AS name ORDER BY p.id', { ids: await typicalPeople(read) });
    return rows.map((r) => ({ id: String(r.id), query: misspell(String(r.name)) }));
  },
  ours: {
    build: (p) => gql('query Search($q: String!) { search(query: $q, first: 10) { score matched entity { id name kind } } }', { q: p.query }),
    size: (r) => len(dig(r, 'data', 'search')),
  },
  neo4jGraphql: {
    // @neo4j/graphql passes the phrase to the fulltext index as it is: the client must fold and fuzz it.
    build: (p) =>
      gql('query Search($phrase: String!) { peopleByName(phrase: $phrase, first: 10) { edges { score node { id name } } } }', {
        phrase: luceneQuery(p.query ?? '') ?? '',
      }),
    size: (r) => len(dig(r, 'data', 'peopleByName', 'edges')),
  },
  raw: {
    build: (p) => raw('search-misspelt', { query: p.query }),
    run: async (read, params) => {
      const query = String(params.query);
      const lucene = luceneQuery(query);
      if (!lucene) return [];
      const rows = await read(
        `CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $limit}) YIELD node, score
         RETURN node.id AS id, node.name AS name, node.kind AS kind, node.searchNames AS names`,
        { lucene, limit: SEARCH_LIMIT * 5 },
      );
      // The same re-ranking as the API: the best of the entity's names against what was typed.
      return rows
        .map((r) => {
          const names = JSON.parse(typeof r.names === 'string' ? r.names : '[]') as string[];
          let best = { score: 0, matched: String(r.name) };
          for (const name of names) {
            const score = matchScore(query, name);
            if (score > best.score) best = { score, matched: name };
          }
          return { ...best, id: r.id, name: r.name, kind: r.kind };
        })
        .filter((h) => h.score >= 0.6)
        .sort((a, b) => b.score - a.score)
        .slice(0, SEARCH_LIMIT);
    },
    size: (r) => len(r),
  },
};

/**
 * The derived relationships by type (the fixed list of src/dataset/to-graph.ts) rather than `r.derived`: the
 * walk then never touches an entity's SUBJECT/OBJECT/CITES links, and counting degrees reads Neo4j's degree
 * store instead of every relationship. What a hand-written query would do.
 */
const DERIVED = relationTypes.join('|');

const UNSUPPORTED_WALK =
  'needs a variable-length walk with de-duplication and a limit; @neo4j/graphql generates only fixed-depth nested selections, ' +
  'so it would take a @cypher field — hand-written Cypher, which is what `raw` measures';

const neighbourhood: Shape = {
  name: 'neighbourhood-2hop',
  description: 'Every entity within two steps of a person (at most 200: closest and best connected first) and the relationships among them.',
  probes: async (read) => (await typicalPeople(read)).map((id) => ({ id })),
  ours: {
    build: (p) =>
      gql('query Neighbourhood($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 200) { truncated nodes { id name kind } edges { source target type } } }', p),
    size: (r) => len(dig(r, 'data', 'neighbourhood', 'nodes')),
  },
  neo4jGraphql: { unsupported: UNSUPPORTED_WALK },
  raw: {
    build: (p) => raw('neighbourhood-2hop', p),
    run: (read, params) =>
      read(
        `MATCH (root:Entity {id: $id})
         CALL (root) {
           MATCH (root)-[:${DERIVED}]-(n:Entity) WHERE n <> root
           WITH DISTINCT n LIMIT 2000 RETURN collect(n) AS hop1
         }
         CALL (root, hop1) {
           UNWIND hop1 AS f
           MATCH (f)-[:${DERIVED}]-(n:Entity) WHERE n <> root AND NOT n IN hop1
           WITH DISTINCT n LIMIT 2000 RETURN collect(n) AS hop2
         }
         WITH [{n: root, hop: 0}] + [n IN hop1 | {n: n, hop: 1}] + [n IN hop2 | {n: n, hop: 2}] AS found
         UNWIND found AS f
         WITH f.n AS n, f.hop AS hop, size(found) AS reached
         WITH n, hop, reached, COUNT { (n)-[:${DERIVED}]-() } AS degree
         ORDER BY hop, degree DESC, n.id LIMIT 200
         WITH collect(n) AS kept, reached
         CALL (kept) {
           UNWIND kept AS a
           MATCH (a)-[r:${DERIVED}]->(b:Entity) WHERE b IN kept
           RETURN collect({source: a.id, target: b.id, type: type(r)}) AS edges
         }
         RETURN [n IN kept | n {.id, .name, .kind}] AS nodes, edges, reached > size(kept) AS truncated`,
        params,
      ),
    size: (r) => len(dig(r, 0, 'nodes')),
  },
};

const shortestPath: Shape = {
  name: 'shortest-path',
  description: 'A shortest chain of relationships (at most 6 steps) between two typical people.',
  probes: async (read) => {
    const ids = await typicalPeople(read, PROBES_PER_SHAPE + 1);
    return ids.slice(0, -1).map((from, i) => ({ from, to: ids[i + 1]! }));
  },
  ours: {
    build: (p) =>
      gql('query ShortestPath($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxDepth: 6) { length nodes { id name } edges { source target type } } }', p),
    size: (r) => num(dig(r, 'data', 'shortestPath', 'length')),
  },
  neo4jGraphql: { unsupported: UNSUPPORTED_WALK.replace('with de-duplication and a limit', 'that stops at the first connection') },
  raw: {
    build: (p) => raw('shortest-path', p),
    run: (read, params) =>
      read(
        `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
         MATCH p = SHORTEST 1 (a)-[:${DERIVED}]-{1,6}(b)
         RETURN [n IN nodes(p) | n {.id, .name}] AS nodes,
                [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r)}] AS edges`,
        params,
      ),
    size: (r) => len(dig(r, 0, 'edges')),
  },
};

const courtCase: Shape = {
  name: 'court-case',
  description: 'A court case with its disputed status and penalty, its defendants with charges and quotes, and its events.',
  probes: async (read) =>
    strings(
      await read(
        `MATCH (c:CourtCase) RETURN c.id AS id ORDER BY COUNT { (c)<-[:OBJECT]-(:CaseParty) } DESC, c.id LIMIT $limit`,
        { limit: PROBES_PER_SHAPE },
      ),
      'id',
    ).map((id) => ({ id })),
  ours: {
    build: (p) =>
      gql(
        `query CourtCase($id: ID!) { courtCase(id: $id) { id name charges opened { text }
          status { value disputed claims { value qualifier } } maxPenalty { value disputed claims { value qualifier } }
          defendants { entity { id name } charges ${CITATIONS_OURS} }
          events(first: 20) { totalCount edges { node { id name eventKind date { value { text } } } } } } }`,
        p,
      ),
    size: (r) => len(dig(r, 'data', 'courtCase', 'defendants')),
  },
  neo4jGraphql: {
    build: (p) =>
      gql(
        `query CourtCase($id: ID!) {
          courtCases(where: { id: { eq: $id } }) { id name charges from status maxPenalty claims { field value qualifier }
            parties(where: { role: { eq: "DEFENDANT" } }) { person { id name } charges ${CITATIONS_NGQL} } }
          eventsConnection(where: { participations: { some: { courtCase: { some: { id: { eq: $id } } } } } }, sort: [{ dateStart: ASC }], first: 20) {
            totalCount edges { node { id name eventKind date } } } }`,
        p,
      ),
    size: (r) => len(dig(r, 'data', 'courtCases', 0, 'parties')),
  },
  raw: {
    build: (p) => raw('court-case', p),
    run: (read, params) =>
      read(
        `MATCH (c:Entity {id: $id}) WHERE c:CourtCase
         CALL (c) {
           MATCH (c)<-[:SUBJECT]-(:Participation)-[:OBJECT]->(e:Event)
           WITH DISTINCT e ORDER BY e.dateStart, e.id
           RETURN count(e) AS total, collect(e {.id, .name, .eventKind, .date})[0..20] AS events
         }
         RETURN c {.id, .name, .charges, .from, .status, .maxPenalty, claims: [(c)<-[:CLAIM_OF]-(x:Claim) | x {.field, .value, .qualifier}],
           defendants: [(c)<-[:OBJECT]-(d:CaseParty {role: 'DEFENDANT'})-[:SUBJECT]->(who) | {entity: who {.id, .name}, charges: d.charges, citations: ${CITATIONS_RAW('d')}}],
           events: events, totalEvents: total} AS courtCase`,
        params,
      ),
    size: (r) => len(dig(r, 0, 'courtCase', 'defendants')),
  },
};

/** People with at least two MEMBER_OF ties, for the three-level walk. */
async function joiners(read: ReadFn): Promise<Probe[]> {
  const rows = await read(
    `MATCH (p:Person) WHERE COUNT { (p)-[:MEMBER_OF]->() } >= 2 RETURN p.id AS id ORDER BY p.id LIMIT $limit`,
    { limit: PROBES_PER_SHAPE },
  );
  return strings(rows, 'id').map((id) => ({ id }));
}

const nested: Shape = {
  name: 'nested-3-levels',
  description: "Three levels of relationships: a person's parties and organisations (5), their members (5 each, with totalCount), and those members' own (5 each).",
  probes: joiners,
  ours: {
    build: (p) =>
      gql(
        `query Nested($id: ID!) { person(id: $id) { id name
          related(types: ["MEMBER_OF"], first: 5) { edges { node { other { id name
            related(types: ["MEMBER_OF"], first: 5) { totalCount edges { node { other { id name
              related(types: ["MEMBER_OF"], first: 5) { edges { node { other { id name } } } } } } } } } } } } } }`,
        p,
      ),
    size: (r) => {
      let n = 0;
      for (const a of (dig(r, 'data', 'person', 'related', 'edges') as unknown[] | undefined) ?? []) {
        for (const b of (dig(a, 'node', 'other', 'related', 'edges') as unknown[] | undefined) ?? []) n += len(dig(b, 'node', 'other', 'related', 'edges'));
      }
      return n;
    },
  },
  neo4jGraphql: {
    build: (p) =>
      gql(
        `query Nested($id: ID!) { people(where: { id: { eq: $id } }) { id name
          memberOfConnection(first: 5, sort: [{ node: { sortName: ASC } }]) { edges { node { id name
            memberPeopleConnection(first: 5, sort: [{ node: { sortName: ASC } }]) { totalCount edges { node { id name
              memberOfConnection(first: 5, sort: [{ node: { sortName: ASC } }]) { edges { node { id name } } } } } } } } } } }`,
        p,
      ),
    size: (r) => {
      let n = 0;
      for (const a of (dig(r, 'data', 'people', 0, 'memberOfConnection', 'edges') as unknown[] | undefined) ?? []) {
        for (const b of (dig(a, 'node', 'memberPeopleConnection', 'edges') as unknown[] | undefined) ?? []) n += len(dig(b, 'node', 'memberOfConnection', 'edges'));
      }
      return n;
    },
  },
  raw: {
    build: (p) => raw('nested-3-levels', p),
    run: (read, params) =>
      read(
        `MATCH (p:Entity {id: $id})
         CALL (p) {
           MATCH (p)-[:MEMBER_OF]->(o:Entity) WITH o ORDER BY o.sortName, o.id LIMIT 5
           CALL (o) {
             MATCH (o)<-[:MEMBER_OF]-(m:Entity) WITH m ORDER BY m.sortName, m.id
             WITH count(m) AS total, collect(m)[0..5] AS members
             UNWIND members AS m
             CALL (m) {
               MATCH (m)-[:MEMBER_OF]->(x:Entity) WITH x ORDER BY x.sortName, x.id LIMIT 5
               RETURN collect(x {.id, .name}) AS theirs
             }
             RETURN total, collect(m {.id, .name, memberOf: theirs}) AS members
           }
           RETURN collect(o {.id, .name, total: total, members: members}) AS memberOf
         }
         RETURN p.id AS id, p.name AS name, memberOf`,
        params,
      ),
    size: (r) => {
      let n = 0;
      for (const o of (dig(r, 0, 'memberOf') as unknown[] | undefined) ?? []) {
        for (const m of (dig(o, 'members') as unknown[] | undefined) ?? []) n += len(dig(m, 'memberOf'));
      }
      return n;
    },
  },
};

export const shapes: Shape[] = [
  nodeLookup,
  entityLookup,
  peopleList,
  partyMembersAsOf,
  electionResults,
  timeline,
  search,
  neighbourhood,
  shortestPath,
  courtCase,
  nested,
];
