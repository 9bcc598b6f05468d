// One analysis per operation (src/resolvers/analysis.ts): its root fields collected as the executor collects them,
// each planned as the root model declares, the projection beside them; what resolvers read from the context.
import { buildSchema, execute, getNamedType, Kind, parse, type GraphQLFieldResolver, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyseOperation } from '../../src/resolvers/analysis.js';
import { rootModel, rootModelOf } from '../../src/resolvers/model.js';
import { planOf, planOfConnection } from '../../src/resolvers/prefetch.js';
import { loadTypeDefs } from '../../src/schema.js';

const schema = buildSchema(loadTypeDefs());

function analyse(query: string, variables: Record<string, unknown> = {}, prefetch = true) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return analyseOperation(schema, document, operation, variables, prefetch);
}

describe('operation analysis', () => {
  it('plans each root field by its response name, through fragments, aliases and @skip, as the executor collects them', () => {
    const a = analyse(
      `query($skip: Boolean!) { ...Roots a: person(id: "p") { memberships { id } } b: person(id: "q") { citations { quote } }
        c: person(id: "r") @skip(if: $skip) { name } people(first: 2) { edges { node { candidacies { id } } } } apiVersion }
        fragment Roots on Query { legislature(id: "organization:mazhilis") { terms { name } } }`,
      { skip: true },
    );
    expect([...a.plans.keys()].sort()).toEqual(['a', 'b', 'legislature', 'people']);
    expect(a.plans.get('a')).toMatchObject({ shape: 'entity', plan: [{ need: { kind: 'facts', label: 'Membership', link: 'SUBJECT' } }] });
    expect(a.plans.get('b')).toMatchObject({ shape: 'entity', plan: [{ need: { kind: 'citations' } }] });
    expect(a.plans.get('people')).toMatchObject({ shape: 'connection', plan: [{ need: { kind: 'facts', label: 'Candidacy' } }] });
    expect(a.plans.get('legislature')).toMatchObject({ shape: 'legislature', plan: { terms: { party: null }, members: null } });
    expect(a.projection?.entity).toEqual(expect.any(Array));
    expect(a.cost).toBeNull(); // the cost plugin adds it once the data's sizes are read
  });

  it('plans search hits at their entity, and leaves roots that read in their own way to their resolvers', () => {
    const a = analyse(`{ search(query: "Tokayev") { entity { citations { quote } } } neighbourhood(id: "person:x") { nodes { id entity { citations { quote } } } }
      changes(first: 2) { edges { node { id } } } }`);
    expect(a.plans.get('search')).toMatchObject({ shape: 'at', plan: [{ need: { kind: 'citations' } }] });
    // A network's own query brings what its nodes' entity selects (./model.ts `rootModel`).
    expect(a.plans.get('neighbourhood')).toMatchObject({ shape: 'at', plan: [{ need: { kind: 'citations' } }] });
    expect(a.plans.has('changes')).toBe(false);
  });

  it('plans nothing and projects nothing with planning off, and nothing for a mutation', () => {
    const off = analyse(`{ person(id: "p") { memberships { id } } }`, {}, false);
    expect(off.plans.size).toBe(0);
    expect(off.projection).toBeNull();
    const mutation = analyse(`mutation { retractFact(id: "x", reason: "r") { changes { id } } }`);
    expect(mutation.plans.size).toBe(0);
  });

  it('makes the very plan a resolver would (one plan per operation and variables, shared through the plan cache)', () => {
    const query = `query($d: Date) { person(id: "p") { memberships(asOf: $d) { id } } people { edges { node { citations { quote } } } } }`;
    const document = parse(query);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const variables = { d: '2016-01-01' };
    const analysis = analyseOperation(schema, document, operation, variables, true);
    const seen: Record<string, unknown> = {};
    const fields = schema.getQueryType()!.getFields();
    const capture =
      (connection: boolean): GraphQLFieldResolver<unknown, unknown> =>
      (_p, _a, _c, info) => {
        seen[info.path.key as string] = connection ? planOfConnection(info) : planOf(info);
        return null;
      };
    const before = { person: fields.person!.resolve, people: fields.people!.resolve };
    fields.person!.resolve = capture(false);
    fields.people!.resolve = capture(true);
    try {
      void execute({ schema, document, variableValues: variables });
    } finally {
      fields.person!.resolve = before.person;
      fields.people!.resolve = before.people;
    }
    expect(seen.person).toBe(analysis.plans.get('person')?.plan);
    expect(seen.people).toBe(analysis.plans.get('people')?.plan);
  });

  it('has a root model for every root field that returns stored records, and names only root fields the schema has', () => {
    const fields = schema.getQueryType()!.getFields();
    for (const name of Object.keys(rootModel)) expect(fields[name], name).toBeDefined();
    // Roots answered from the process itself, not the store.
    const notStored = new Set(['apiVersion', 'viewer', 'relationTypes', 'networkLimits']);
    const missing = Object.values(fields)
      .filter((f) => !notStored.has(f.name) && !rootModelOf(f.name))
      .map((f) => `${f.name}: ${getNamedType(f.type).name}`);
    expect(missing).toEqual([]);
  });
});
