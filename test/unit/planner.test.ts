// The planner, pure: selection -> plan (src/resolvers/prefetch.ts, from the field model) and plan -> Cypher
// (src/repositories/prefetch-repository.ts), pinned as snapshots in the manner of @neo4j/graphql's tck tests.
// A change to either shows up here as a diff to read, not as a silent extra round trip.
import { buildSchema, execute, parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { wholeRecords } from '../../src/repositories/fragments.js';
import { compilePlan, type PrefetchPlan } from '../../src/repositories/prefetch-repository.js';
import { planOf, planOfConnection } from '../../src/resolvers/prefetch.js';
import { loadTypeDefs } from '../../src/schema.js';

const schema: GraphQLSchema = buildSchema(loadTypeDefs());

/** The plan each root field of `query` would make, by response name. */
function plans(query: string, variables: Record<string, unknown> = {}): Record<string, PrefetchPlan> {
  const out: Record<string, PrefetchPlan> = {};
  const capture =
    (connection: boolean): GraphQLFieldResolver<unknown, unknown> =>
    (_p, _a, _c, info) => {
      out[info.path.key as string] = connection ? planOfConnection(info) : planOf(info);
      return connection ? { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false }, totalCount: 0 } : null;
    };
  const fields = schema.getQueryType()!.getFields();
  for (const name of ['person', 'party', 'election', 'district', 'courtCase', 'event', 'node']) fields[name]!.resolve = capture(false);
  for (const name of ['people', 'elections']) fields[name]!.resolve = capture(true);
  const result = execute({ schema, document: parse(query), variableValues: variables }) as { errors?: unknown[] };
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return out;
}

const cypher = (plan: PrefetchPlan, props: string[] | null = null) => {
  const { cypher: text, params } = compilePlan('n', plan, { ...wholeRecords, entity: props });
  return { cypher: text.replace(/\s+/g, ' '), params };
};

describe('selection -> plan', () => {
  it('plans facts, the entities they name and their citations, with the arguments the model reads', () => {
    const p = plans(`query($d: Date) { person(id: "p") { name memberships(asOf: $d) { role organization { id name } citations { quote } } } }`, { d: '2016-01-01' });
    expect(p.person).toMatchSnapshot();
  });

  it('follows fragments, aliases and directives, and merges aliases asking the same thing', () => {
    const p = plans(`query($yes: Boolean!) { person(id: "p") { ...F a: memberships { id } b: memberships { role } c: candidacies @skip(if: $yes) { id } } }
      fragment F on Person { relatives { relative { name } } }`, { yes: true });
    expect(p.person).toMatchSnapshot();
  });

  it('plans pages of events and related with their arguments, and the other ends', () => {
    const p = plans(`{ person(id: "p") { events(first: 3, kinds: [ARREST]) { totalCount edges { node { id place { name } } } }
      related(types: ["MEMBER_OF"], first: 2) { edges { node { other { id name } } } } } }`);
    expect(p.person).toMatchSnapshot();
  });

  it('plans a concrete type fragment under an interface only for records of that kind', () => {
    const p = plans(`{ node(id: "x") { ... on Party { members { person { id } } } ... on Person { candidacies { id } } } }`);
    expect(p.node).toMatchSnapshot();
  });

  it('leaves a field with invalid arguments to its resolver, and plans nothing for plain fields', () => {
    expect(plans(`{ person(id: "p") { id name events(first: 1000) { totalCount } } }`).person).toEqual([]);
  });

  it('plans the citations of relations with their page (one walk, read for the page rows only)', () => {
    const p = plans(`{ person(id: "p") { related(first: 2) { edges { node { type citations { quote } } } } } }`);
    expect(p.person?.[0]?.need).toMatchObject({ kind: 'relations', other: false, citations: true });
    expect(cypher(p.person!, []).cypher).toMatchSnapshot();
  });

  it('reuses a plan for another id of the same query, and re-plans when a variable below the root changes', () => {
    const query = `query($id: ID!, $d: Date) { person(id: $id) { memberships(asOf: $d) { id } } }`;
    const seen: PrefetchPlan[] = [];
    const document = parse(query);
    const fields = schema.getQueryType()!.getFields();
    const before = fields.person!.resolve;
    fields.person!.resolve = (_p, _a, _c, info) => (seen.push(planOf(info)), null);
    try {
      for (const variableValues of [{ id: 'a', d: '2016-01-01' }, { id: 'b', d: '2016-01-01' }, { id: 'b', d: '2020-01-01' }]) void execute({ schema, document, variableValues });
    } finally {
      fields.person!.resolve = before;
    }
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBe(seen[1]);
    expect(seen[2]).toEqual([{ ...seen[1]![0]!, need: { ...seen[1]![0]!.need, asOf: '2020-01-01' } }]);
  });

  it('plans list roots through their connection', () => {
    expect(plans(`{ people(first: 2) { edges { node { memberships { id } } } } }`).people).toMatchSnapshot();
  });
});

describe('plan -> Cypher', () => {
  it('nests one COLLECT subquery per need, parameterised', () => {
    const p = plans(`{ person(id: "p") { memberships(asOf: "2016-01-01") { organization { name } citations { quote } } } }`);
    expect(cypher(p.person!, [])).toMatchSnapshot();
  });

  it('reads keyset pages as top-k with totals from COUNT {}', () => {
    const p = plans(`{ person(id: "p") { events(first: 3) { totalCount edges { node { id } } } related(types: ["MEMBER_OF"], first: 5) { totalCount edges { node { other { id } } } } } }`);
    expect(cypher(p.person!, [])).toMatchSnapshot();
  });
});
