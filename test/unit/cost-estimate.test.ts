// The cost estimate (src/cost/estimate.ts): variables and schema defaults give the page sizes, real degrees of a
// root entity and store-wide averages give the lists' sizes, fragments and aliases count as execution runs them.
import { buildSchema, getVariableValues, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costInput, estimateCost, rootEntityIds, type SizeFacts } from '../../src/cost/estimate.js';
import { entityLabels, relationTypes } from '../../src/dataset/to-graph.js';
import type { Degrees, StoreCounts } from '../../src/repositories/degree-repository.js';
import { loadTypeDefs } from '../../src/schema.js';

const schema = buildSchema(loadTypeDefs());

/** A store where every node of each label has `perType` relationships of every type (so averages are `perType`). */
function store(nodes: number, perType: number, overrides: Partial<Record<string, number>> = {}): StoreCounts {
  const counts: StoreCounts = { nodes: {}, degrees: {} };
  for (const label of [...entityLabels, 'Entity', 'Fact', 'Membership', 'Source', 'Change'] as const) {
    const n = overrides[label] ?? nodes;
    counts.nodes[label] = n;
    counts.degrees[label] = Object.fromEntries([...relationTypes, 'CITES', 'CHANGED', 'CLAIM_OF', 'RETRACTED_RELATION'].map((t) => [t, n * perType]));
  }
  return counts;
}

function estimate(query: string, variables: Record<string, unknown> = {}, facts: Partial<SizeFacts> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0]!;
  const input = costInput(schema, document, operation, coerced.coerced);
  return { cost: estimateCost(input, { counts: facts.counts === undefined ? store(100, 1) : facts.counts, roots: facts.roots ?? null }), ids: rootEntityIds(input) };
}

const roots = (id: string, degrees: Degrees) => new Map([[id, degrees]]);

describe('page sizes from variables and defaults', () => {
  const events = 'query ($n: Int) { person(id: "person:a") { events(first: $n) { edges { node { id name } } } } }';
  const person5 = roots('person:a', { PARTICIPATED_IN: 5 });
  const person500 = roots('person:a', { PARTICIPATED_IN: 500 });

  it('reads `first: $n` as n items (when the entity has more)', () => {
    // person 1 + connection 1 + n × (edge 1 + node 1)
    expect(estimate(events, { n: 3 }, { roots: person500 }).cost).toBe(2 + 3 * 2);
    expect(estimate(events, { n: 50 }, { roots: person500 }).cost).toBe(2 + 50 * 2);
  });

  it('uses the default page size (20) when `first` is not given, or given as null', () => {
    expect(estimate(events, {}, { roots: person500 }).cost).toBe(2 + 20 * 2);
    expect(estimate(events, { n: null }, { roots: person500 }).cost).toBe(2 + 20 * 2);
  });

  it("uses the schema's own default where the argument has one (search: 10)", () => {
    expect(estimate('{ search(query: "x") { matched } }').cost).toBe(10);
    expect(estimate('query ($k: Int) { search(query: "x", first: $k) { matched } }', { k: 3 }).cost).toBe(3);
  });

  it('caps `first` by the real size: events(first: 50) of a person with 5 events counts 5', () => {
    expect(estimate(events, { n: 50 }, { roots: person5 }).cost).toBe(2 + 5 * 2);
  });

  it('reads the root entities to look up, variables included', () => {
    const { ids } = estimate('query ($id: ID!) { a: person(id: $id) { name } b: node(id: "party:x") { id } c: people { totalCount } }', { id: 'person:a' });
    expect(ids).toEqual(['person:a', 'party:x']);
  });
});

describe('real sizes', () => {
  const related = '{ person(id: "person:a") { related(first: 100) { edges { node { other { name } } } } } }';

  it("sizes a root entity's list by its degrees of the list's types", () => {
    // 1 + 1 + 4 × (edge + relation + other)
    expect(estimate(related, {}, { roots: roots('person:a', { MEMBER_OF: 3, LEADS: 1, CITES: 40 }) }).cost).toBe(2 + 4 * 3);
    // `types` narrows to those types' degrees
    const typed = '{ person(id: "person:a") { related(first: 100, types: ["LEADS"]) { edges { node { id } } } } }';
    expect(estimate(typed, {}, { roots: roots('person:a', { MEMBER_OF: 3, LEADS: 1 }) }).cost).toBe(2 + 1 * 2);
  });

  it('bounds a root entity not yet read by its label totals: never below the real estimate', () => {
    const real = estimate(related, {}, { roots: roots('person:a', { MEMBER_OF: 3 }) }).cost;
    const bound = estimate(related, {}, { roots: undefined }).cost;
    expect(bound).toBeGreaterThanOrEqual(real);
    expect(bound).toBe(2 + 100 * 3); // label totals are in the thousands: `first` caps them
  });

  it('sizes nested lists by the average degree of their label, the largest under an interface', () => {
    const counts = store(100, 1, {});
    counts.degrees.Party = Object.fromEntries(relationTypes.map((t) => [t, t === 'MEMBER_OF' ? 100 * 30 : 0])); // parties: 30 members each
    const nested = '{ people(first: 2) { edges { node { related(first: 100) { edges { node { other { related(first: 100) { totalCount } } } } } } } } }';
    // people 1 + 2 × (edge 1 + person 1 + related 1 + 21 × (edge 1 + relation 1 + other 1 + related 1))
    expect(estimate(nested, {}, { counts }).cost).toBe(1 + 2 * (3 + 21 * 4));
    // `other` is an Entity: its related lists are sized as the largest label average (parties: 30)
    const deeper = '{ people(first: 1) { edges { node { related(first: 1) { edges { node { other { related(first: 100) { edges { cursor } } } } } } } } } }';
    expect(estimate(deeper, {}, { counts }).cost).toBe(1 + 1 * (3 + 1 * (4 + 30)));
  });

  it('sizes root lists by their label count, capped by `first`', () => {
    const counts = store(100, 1, { Person: 7 });
    expect(estimate('{ people(first: 50) { edges { node { id } } } }', {}, { counts }).cost).toBe(1 + 7 * 2);
    expect(estimate('{ people(first: 5) { edges { node { id } } } }', {}, { counts }).cost).toBe(1 + 5 * 2);
  });

  it('falls back to default pages when Neo4j cannot be asked', () => {
    expect(estimate('{ people(first: 50) { edges { node { id } } } }', {}, { counts: null }).cost).toBe(1 + 20 * 2);
  });
});

describe('fragments, aliases and directives', () => {
  const degrees = roots('person:a', { PARTICIPATED_IN: 5, MEMBER_OF: 4 });

  it('counts a named fragment and an inline fragment like the fields they hold', () => {
    const plain = estimate('{ node(id: "person:a") { ... on Person { events { edges { node { id } } } } } }', {}, { roots: degrees }).cost;
    const named = estimate('query { node(id: "person:a") { ...E } } fragment E on Person { events { edges { node { id } } } }', {}, { roots: degrees }).cost;
    expect(plain).toBe(2 + 5 * 2);
    expect(named).toBe(plain);
  });

  it('counts a field asked twice (directly and in a fragment) once, as execution merges it', () => {
    const once = estimate('{ person(id: "person:a") { events { edges { node { id } } } } }', {}, { roots: degrees }).cost;
    const twice = estimate('query { person(id: "person:a") { events { edges { node { id } } } ...E } } fragment E on Person { events { edges { node { id } } } }', {}, { roots: degrees }).cost;
    expect(twice).toBe(once);
  });

  it('takes the costliest type when fragments narrow an interface', () => {
    const q = '{ node(id: "x") { ... on Person { memberships { id } } ... on Party { id } } }';
    const counts = store(10, 2);
    // memberships of a person: 5 membership types × 2 each = 10 items, each 1 + 0
    expect(estimate(q, {}, { counts, roots: new Map() }).cost).toBe(1 + 10);
  });

  it('multiplies by aliases', () => {
    const one = estimate('{ a0: person(id: "person:a") { events { edges { node { id } } } } }', {}, { roots: degrees }).cost;
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: person(id: "person:a") { events { edges { node { id } } } }`).join(' ');
    expect(estimate(`{ ${aliases} }`, {}, { roots: degrees }).cost).toBe(30 * one);
  });

  it('leaves out what @skip and @include leave out', () => {
    const q = 'query ($s: Boolean!) { person(id: "person:a") { events @skip(if: $s) { edges { node { id } } } } }';
    expect(estimate(q, { s: true }, { roots: degrees }).cost).toBe(1);
    expect(estimate(q, { s: false }, { roots: degrees }).cost).toBe(2 + 5 * 2);
  });
});

describe('the limits it serves (MAX_COST 20,000)', () => {
  const twoLevels = (aliases: number) =>
    `query ($n: Int) { ${Array.from({ length: aliases }, (_, i) => `a${i}: node(id: "place:hub") { ... on Entity { related(first: $n) { edges { node { other { name related(first: $n) { edges { node { other { name } } } } } } } } } }`).join(' ')} }`;

  it('refuses 30 aliases of a two-level related(first: $n) with n = 100, on the seed-sized graph too', () => {
    // The seed: a hub with 38 relations, entities averaging under 4 (the largest label average about 10).
    const seed = store(20, 0.2);
    seed.degrees.Place = Object.fromEntries(relationTypes.map((t) => [t, t === 'LOCATED_IN' ? 20 * 10 : 0]));
    const cost = estimate(twoLevels(30), { n: 100 }, { counts: seed, roots: roots('place:hub', { LOCATED_IN: 38 }) }).cost;
    expect(cost).toBeGreaterThan(20_000);
    // the same with n = 5 is a small, honest question
    expect(estimate(twoLevels(30), { n: 5 }, { counts: seed, roots: roots('place:hub', { LOCATED_IN: 38 }) }).cost).toBeLessThan(20_000);
  });

  it('passes an honest events(first: 50) on a person with 5 events, with citations', () => {
    const q = '{ person(id: "person:a") { name events(first: 50) { totalCount edges { node { id name citations { quote source { title } } } } } } }';
    const cost = estimate(q, {}, { counts: store(100, 3), roots: roots('person:a', { PARTICIPATED_IN: 5 }) }).cost;
    expect(cost).toBeLessThan(1_000);
  });
});
