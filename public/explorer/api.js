// The explorer's only data source: the public GraphQL API at /graphql, asked like any third-party app would.

export class GraphQLRequestError extends Error {}

export async function graphql(query, variables = {}) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new GraphQLRequestError(`The API answered ${res.status} without JSON.`);
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

const NODE = 'id kind name degree betweenness pagerank';
const CITATION = 'quote source { id publisher title author url date { text } }';
const EDGE = `id source target type role factId citationCount from { text } to { text } citations { ${CITATION} }`;
const GRAPH = `truncated nodes { ${NODE} } edges { ${EDGE} }`;

export async function relationTypes() {
  return (await graphql('{ relationTypes }')).relationTypes;
}

export async function searchEntities(text) {
  const data = await graphql(
    `query Suggest($q: String!) { search(query: $q, first: 8) { matched score entity { id kind name } } }`,
    { q: text },
  );
  return data.search;
}

/**
 * The neighbourhoods of every root and, when asked, the shortest path, in one request: the view is always
 * rebuilt from the state in the URL, so a shared link shows the same network.
 */
export async function loadView({ roots, depth, types, asOf, path }) {
  const defs = ['$depth: Int!', '$types: [String!]', '$asOf: Date'];
  const fields = [];
  const variables = { depth, types, asOf };
  roots.forEach((id, i) => {
    defs.push(`$r${i}: ID!`);
    variables[`r${i}`] = id;
    fields.push(`r${i}: neighbourhood(id: $r${i}, depth: $depth, types: $types, asOf: $asOf, limit: 150) { ${GRAPH} }`);
  });
  if (path) {
    defs.push('$from: ID!', '$to: ID!');
    Object.assign(variables, { from: path.from, to: path.to });
    fields.push(`path: shortestPath(from: $from, to: $to, types: $types, asOf: $asOf) { length nodes { ${NODE} } edges { ${EDGE} } }`);
  }
  if (fields.length === 0) return { graphs: [], path: null };
  const data = await graphql(`query View(${defs.join(', ')}) { ${fields.join('\n')} }`, variables);
  return { graphs: roots.map((_, i) => data[`r${i}`]), path: path ? data.path : null };
}

/**
 * An entity's own fields and its direct relationships (as of `asOf`). The relationships come from
 * `neighbourhood(depth: 1)` rather than `Entity.related`, which through `node(id:)` nests too deep for the
 * API's query cost limit.
 */
export async function entityDetails(id, asOf) {
  const data = await graphql(
    `query Entity($id: ID!, $asOf: Date) {
      node(id: $id) {
        ... on Entity { id kind name description aliases { name } citations { ${CITATION} } }
        ... on Party { names { name from { text } to { text } } }
      }
      facts: neighbourhood(id: $id, depth: 1, asOf: $asOf, limit: 101) {
        truncated
        nodes { id kind name }
        edges { id source target type role from { text } to { text } }
      }
    }`,
    { id, asOf },
  );
  return data.node ? { ...data.node, facts: data.facts } : null;
}
