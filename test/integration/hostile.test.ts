// Hostile input against the real server: deep nesting, alias and directive floods, huge strings, invalid Unicode,
// Cypher injection in every string argument of the read API, malformed bodies and wrong content types. Each gets
// its coded answer, the limits refuse before any database work, the server stays up, and the data is unchanged.
import { buildSchema, getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType, type GraphQLArgument, type GraphQLInputType, type GraphQLNamedType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeOfFactLabel } from '../../src/resolvers/model.js';
import { loadTypeDefs } from '../../src/schema.js';
import { startTestServer, testDatabase, type GqlResponse, type TestServer } from '../helpers.js';

let server: TestServer;
const db = testDatabase();

/** What the hostile requests must not change: how many nodes, relationships and properties there are. */
async function fingerprint() {
  const [nodes] = await db.read('MATCH (n) RETURN count(n) AS count, sum(size(keys(n))) AS properties', {}, (r) => r);
  const [relationships] = await db.read('MATCH ()-[r]->() RETURN count(r) AS count, sum(size(keys(r))) AS properties', {}, (r) => r);
  const [planted] = await db.read('MATCH (n) WHERE n:Pwned OR n.pwned IS NOT NULL RETURN count(n) AS count', {}, (r) => r);
  return { nodes, relationships, planted };
}
let before: Awaited<ReturnType<typeof fingerprint>>;

beforeAll(async () => {
  // The injection matrix sends several hundred requests: no rate limit here (it has its own test).
  server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '0' });
  before = await fingerprint();
});
afterAll(async () => {
  await server.close();
  await db.driver.close();
});

async function post(body: string | Buffer, contentType: string | null = 'application/json'): Promise<{ status: number; body: GqlResponse<unknown> }> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: contentType === null ? {} : { 'content-type': contentType },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as GqlResponse<unknown> };
}

const codes = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => (res.errors ?? []).map((e) => e.extensions?.code);

describe('document limits (refused before any database work)', () => {
  it('refuses deep nesting', async () => {
    const hop = (inner: string) => `related { edges { node { other { ${inner} } } } }`;
    let selection = 'id';
    for (let i = 0; i < 10; i += 1) selection = hop(selection);
    const res = await server.gql(`{ person(id: "person:zhanbolat-mamai") { ${selection} } }`);
    expect(res.status).toBe(400);
    expect(res.errors).toContainEqual(expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxDepth' } }));
    expect(res.data).toBeUndefined();
    expect(res.extensions?.stats?.databaseRoundTrips).toBe(0);
  });

  it('refuses 1,500 aliases', async () => {
    const aliases = Array.from({ length: 1500 }, (_, i) => `a${i}: person(id: "person:zhanbolat-mamai") { name }`).join(' ');
    const res = await server.gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    // 1,500 aliases are far more than the token limit allows, so the parser stops before even counting them.
    expect(codes(res)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(res.extensions?.stats?.databaseRoundTrips).toBe(0);
  });

  it('refuses one alias more than the limit (30)', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: person(id: "person:zhanbolat-mamai") { name }`).join(' ');
    const res = await server.gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxAliases' } })]);
    expect(res.extensions?.stats?.databaseRoundTrips).toBe(0);
    const thirty = Array.from({ length: 30 }, (_, i) => `a${i}: person(id: "person:zhanbolat-mamai") { name }`).join(' ');
    expect((await server.gql(`{ ${thirty} }`)).errors).toBeUndefined();
  });

  it('refuses a flood of directives', async () => {
    const res = await server.gql(`{ ${'__typename @include(if: true) '.repeat(25)} }`);
    expect(res.status).toBe(400);
    expect(res.errors).toContainEqual(expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxDirectives' } }));
  });

  it('refuses a query that would cost too much', async () => {
    // Wide rather than deep: every level fans out, within the depth limit, over a list root (no entity degrees to read).
    const wide = (depth: number): string =>
      depth === 0 ? 'name' : `name related(first: 100) { edges { node { other { ${wide(depth - 1)} } citations { quote source { title publisher } } } } }`;
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: people(first: 100) { edges { node { ${wide(1)} } } }`).join(' ');
    const res = await server.gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.errors).toContainEqual(
      expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxCost', cost: expect.any(Number), maxCost: 20000 } }),
    );
    expect(res.extensions?.stats?.databaseRoundTrips).toBe(0);
  });
});

describe('huge strings', () => {
  it('refuses a search for 10,000 characters', async () => {
    const res = await server.gql('query ($q: String!) { search(query: $q) { matched } }', { q: 'Mamai '.repeat(2000) });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses an id of 100,000 characters before any database work (text arguments are capped)', async () => {
    const res = await server.gql('query ($id: ID!) { person(id: $id) { name } }', { id: `person:${'x'.repeat(100_000)}` });
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'Query.person(id:)', maxLength: 1000 } })]);
    expect(res.extensions?.stats?.databaseRoundTrips ?? 0).toBe(0);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_100_000) } }));
    expect(res.status).toBe(413);
    expect(codes(res.body)).toEqual(['PAYLOAD_TOO_LARGE']);
  });
});

describe('invalid Unicode', () => {
  it('refuses a lone surrogate in a variable', async () => {
    const res = await post('{"query":"query ($q: String!) { search(query: $q) { matched } }","variables":{"q":"Mama\\ud800i"}}');
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a lone surrogate in the document', async () => {
    const res = await post(JSON.stringify({ query: '{ search(query: "Mama\\ud800i") { matched } }' }));
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const body = Buffer.concat([Buffer.from('{"query":"{ search(query: \\"Mama'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\\") { matched } }"}')]);
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['BAD_REQUEST']);
  });

  it('answers well-formed Kazakh, emoji and NUL characters normally', async () => {
    const res = await server.gql('query ($q: String!) { search(query: $q) { matched } }', { q: 'Тоқаев 🇰🇿 \u0000' });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
  });
});

describe('malformed bodies and wrong content types', () => {
  it.each([
    ['truncated JSON', 400, 'BAD_REQUEST', '{"query": "{ __typename }"'],
    ['a lone bracket', 400, 'BAD_REQUEST', '['],
    ['a missing value', 400, 'BAD_REQUEST', '{"query": }'],
    ['an empty body', 400, 'BAD_REQUEST', ''],
    ['a JSON string', 400, 'BAD_REQUEST', '"{ __typename }"'],
    ['JSON null', 400, 'BAD_REQUEST', 'null'],
    ['a batch (batching is off)', 400, 'BAD_REQUEST', '[{"query":"{ __typename }"},{"query":"{ __typename }"}]'],
    ['a numeric query', 400, 'BAD_REQUEST', '{"query": 42}'],
    ['no query at all', 400, 'BAD_REQUEST', '{"variables": {}}'],
    ['variables that are not an object', 400, 'BAD_REQUEST', '{"query": "{ __typename }", "variables": "x"}'],
  ])('%s → %i %s', async (_name, status, code, body) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(codes(res.body)).toEqual([code]);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['application/graphql', 'application/graphql'],
    ['no content type', null],
  ])('refuses %s with 415', async (_name, contentType) => {
    const res = await post('{"query":"{ __typename }"}', contentType);
    expect(res.status).toBe(415);
    expect(codes(res.body)).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
  });

  it('refuses a non-UTF-8 charset with 415', async () => {
    const res = await post('{"query":"{ __typename }"}', 'application/json; charset=latin1');
    expect(res.status).toBe(415);
    expect(codes(res.body)).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
  });

  it('refuses a simple cross-site GET (Apollo CSRF prevention)', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(codes((await res.json()) as GqlResponse<unknown>)).toEqual(['BAD_REQUEST']);
    const preflighted = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(((await preflighted.json()) as GqlResponse<unknown>).data).toEqual({ __typename: 'Query' });
  });
});

// ---- Cypher injection: every String, ID and Date argument (and input field) of every field of the read API.

const injections = [
  `' OR 1=1 //`,
  `" OR "1"="1`,
  `x'}) MATCH (n) DETACH DELETE n //`,
  `x"}) MATCH (n) DETACH DELETE n //`,
  'x`) DETACH DELETE n //',
  `person:zhanbolat-mamai' WITH 1 AS x MATCH (n) SET n.pwned = true //`,
  `\\'}) CREATE (:Pwned) //`,
  `MEMBER_OF|LEADS]->(m) DETACH DELETE m //`,
  `$id`,
  `*/ MATCH (n) DETACH DELETE n /*`,
  `'; CALL dbms.killQueries([]) //`,
  `LOAD CSV FROM 'file:///etc/passwd' AS line CREATE (:Pwned {line: line})`,
  `Person:Entity`,
  '\u0000',
];

const schema = buildSchema(loadTypeDefs());
const stringScalars = new Set(['String', 'ID', 'Date']);

/** A placeholder for a required argument the case is not about. */
function filler(type: GraphQLInputType): string {
  const named = getNamedType(type);
  const value = named.name === 'Int' ? '1' : named.name === 'Boolean' ? 'true' : named.name === 'Date' ? '"2023-03-19"' : isEnumType(named) ? (named.getValues()[0]?.name ?? '') : '"x"';
  return isListType(isNonNullType(type) ? type.ofType : type) ? `[${value}]` : value;
}

function selectionFor(type: GraphQLNamedType): string {
  return isLeafType(type) ? '' : '{ __typename }';
}

interface InjectionCase {
  /** `Type.field(argument)` or `Type.field(argument.inputField)`. */
  path: string;
  /** The GraphQL type of the argument or input field, for the variable that carries the payload. */
  variableType: string;
  list: boolean;
  /** The selection on the type, with the payload's place given as GraphQL value text. */
  call: (value: string) => string;
}

/** One case per string-typed argument or input field; nested types are reached through node(id: <a real id>). */
function injectionCases(): { typeName: string; cases: InjectionCase[] }[] {
  const byType: { typeName: string; cases: InjectionCase[] }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Mutation' || type.name === 'Subscription') continue;
    const cases: InjectionCase[] = [];
    for (const field of Object.values(type.getFields())) {
      const others = (except: GraphQLArgument) =>
        field.args.filter((a) => a !== except && isNonNullType(a.type)).map((a) => `, ${a.name}: ${filler(a.type)}`).join('');
      const selection = selectionFor(getNamedType(field.type));
      for (const arg of field.args) {
        const named = getNamedType(arg.type);
        if (stringScalars.has(named.name)) {
          cases.push({
            path: `${type.name}.${field.name}(${arg.name})`,
            variableType: String(arg.type),
            list: isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type),
            call: (value) => `${field.name}(${arg.name}: ${value}${others(arg)}) ${selection}`,
          });
        } else if (isInputObjectType(named)) {
          for (const inputField of Object.values(named.getFields())) {
            if (!stringScalars.has(getNamedType(inputField.type).name)) continue;
            cases.push({
              path: `${type.name}.${field.name}(${arg.name}.${inputField.name})`,
              variableType: String(inputField.type),
              list: isListType(isNonNullType(inputField.type) ? inputField.type.ofType : inputField.type),
              call: (value) => `${field.name}(${arg.name}: { ${inputField.name}: ${value} }${others(arg)}) ${selection}`,
            });
          }
        }
      }
    }
    if (cases.length > 0) byType.push({ typeName: type.name, cases });
  }
  return byType;
}

/**
 * Types that are not Nodes (node(id) never returns them), reached through the root field that does, with the
 * query finding a real id for it.
 */
const rootFieldOf: Partial<Record<string, { field: string; idQuery: string }>> = {
  Legislature: { field: 'legislature', idQuery: `MATCH (o:Organization {orgKind: 'LEGISLATURE'}) RETURN o.id AS id ORDER BY o.id LIMIT 1` },
};

/** The fact label behind each fact type of the API. */
const labelOfFactType: Record<string, string | undefined> = Object.fromEntries(Object.entries(typeOfFactLabel).map(([label, type]) => [type, label]));

/** The operation for a case: on Query directly, on a Node type through node(id: $id), else through its root field. */
function operation(typeName: string, c: InjectionCase, value: string, variables: string[]): string {
  const declared = variables.length > 0 ? `(${variables.join(', ')})` : '';
  const root = rootFieldOf[typeName];
  const body = typeName === 'Query' ? c.call(value) : root ? `${root.field}(id: $id) { ${c.call(value)} }` : `node(id: $id) { ... on ${typeName} { ${c.call(value)} } }`;
  return `query Hostile${declared} { ${body} }`;
}

/** Codes a hostile string may legitimately earn: refused as bad input, not found, or not a valid Date literal. */
const acceptableCodes = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED']);

describe('Cypher injection in every string argument of the read API', () => {
  const allCases = injectionCases();

  it('covers the whole read API', () => {
    const paths = allCases.flatMap((t) => t.cases.map((c) => c.path));
    expect(paths).toEqual(expect.arrayContaining(['Query.search(query)', 'Query.node(id)', 'Query.people(filter.name)', 'Person.related(types)']));
    expect(paths.length).toBeGreaterThan(30);
  });

  for (const { typeName, cases } of allCases) {
    it(`${typeName}: ${cases.length} string arguments × ${injections.length} payloads, inline and as variables`, async () => {
      // A real node of this type for the nested fields: entities carry their GraphQL type as a label, facts their
      // fact label (`CandidacyStatusChange` is a `CandidacyStatus`).
      const label = labelOfFactType[typeName] ?? typeName;
      const idQuery = rootFieldOf[typeName]?.idQuery ?? `MATCH (n:${label}) RETURN n.id AS id ORDER BY n.id LIMIT 1`;
      const [id] = typeName === 'Query' ? [null] : await db.read(idQuery, {}, (r) => r.id as string);
      expect(typeName === 'Query' || id !== undefined, `no ${typeName} in the seed`).toBe(true);
      for (const c of cases) {
        const idVariable = typeName === 'Query' ? [] : ['$id: ID!'];
        // A few payloads at a time, both forms at once: concurrent, yet within the test driver's pool of 20.
        for (let i = 0; i < injections.length; i += 5) {
          await Promise.all(
            injections.slice(i, i + 5).map(async (payload) => {
              const literal = JSON.stringify(payload); // JSON's escapes are valid GraphQL string escapes
              const responses = await Promise.all([
                server.gql(operation(typeName, c, c.list ? `[${literal}]` : literal, idVariable), id ? { id } : undefined),
                server.gql(operation(typeName, c, '$v', [...idVariable, `$v: ${c.variableType}`]), { ...(id ? { id } : {}), v: c.list ? [payload] : payload }),
              ]);
              for (const res of responses) {
                const unexpected = (res.errors ?? []).filter((e) => !acceptableCodes.has(String(e.extensions?.code)));
                expect(unexpected, `${c.path} with ${literal}: ${JSON.stringify(res.errors)}`).toEqual([]);
                expect([200, 400]).toContain(res.status);
              }
            }),
          );
        }
      }
    }, 300_000);
  }
});

describe('afterwards', () => {
  it('the server still answers and the data is unchanged', async () => {
    const res = await server.gql<{ person: { name: string } }>('{ person(id: "person:zhanbolat-mamai") { name } }');
    expect(res.data).toEqual({ person: { name: 'Zhanbolat Mamai' } });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const after = await fingerprint();
    expect(after).toEqual(before);
    expect(after.planted).toEqual({ count: 0 });
  });
});
