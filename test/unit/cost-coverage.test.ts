// Every list of the schema has a size rule (src/cost/fields.ts): this walks the whole schema and fails on a list
// of objects without one, so a new list field cannot slip past the cost estimate. A list without a rule still
// counts (its `first`, else UNRULED_LIST_SIZE items), never 0; and an operation the estimator cannot walk in
// MAX_VISITS steps (fragments multiplying) is estimated past any limit.
import { buildSchema, getNamedType, getNullableType, isCompositeType, isInterfaceType, isListType, isObjectType, Kind, parse, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costInput, estimateCost, estimateOperation, MAX_VISITS, type SizeFacts } from '../../src/cost/estimate.js';
import { sizeRule, UNRULED_LIST_SIZE } from '../../src/cost/fields.js';
import { loadTypeDefs } from '../../src/schema.js';
import type { StoreCounts } from '../../src/repositories/degree-repository.js';

const schema = buildSchema(loadTypeDefs());

/** A page of a list: a connection, or a list holder such as LegislativeSeatList (its items are sized by its page). */
function holdsPage(type: GraphQLNamedType): boolean {
  return isObjectType(type) && Object.keys(type.getFields()).some((f) => sizeRule(type.name, f)?.kind === 'page');
}

/**
 * `Type.field` of every list of objects and every field answering a page of one (a connection): leaf lists,
 * such as `charges`, cost nothing (their items are leaves), and a page's own `edges` are sized by the page.
 */
function listsOfObjects(of: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(of.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if ((isListType(getNullableType(field.type)) && isCompositeType(named)) || holdsPage(named)) out.push(`${type.name}.${field.name}`);
    }
  }
  return out;
}

function estimate(of: GraphQLSchema, query: string, facts: SizeFacts = { counts: null, roots: new Map() }) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return estimateOperation(costInput(of, document, operation, {}), facts);
}

describe('size rules cover the schema', () => {
  it('has a rule for every list of objects and every connection', () => {
    const lists = listsOfObjects(schema);
    expect(lists.length).toBeGreaterThan(100);
    const missing = lists.filter((coordinate) => {
      const [type, field] = coordinate.split('.') as [string, string];
      return sizeRule(type, field) === null;
    });
    expect(missing, 'lists without a size rule in src/cost/fields.ts').toEqual([]);
  });

  it('finds a list without a rule (the walk can fail)', () => {
    const extended = buildSchema(`${loadTypeDefs()}\ntype Unsized { id: ID! }\nextend type Person { unsizedThings: [Unsized!]! }`);
    expect(listsOfObjects(extended).filter((c) => sizeRule(...(c.split('.') as [string, string])) === null)).toEqual(['Person.unsizedThings']);
  });
});

describe('a list without a rule is never 0', () => {
  const tiny = buildSchema(`
    type Query { shelf: Shelf }
    type Shelf { id: ID! books: [Book!]! pages(first: Int): [Book!]! }
    type Book { id: ID! title: String }
  `);

  it('counts UNRULED_LIST_SIZE items, or its `first`', () => {
    // shelf 1 + 20 books x (item 1)
    expect(estimate(tiny, '{ shelf { books { title } } }').estimate).toBe(1 + UNRULED_LIST_SIZE);
    expect(estimate(tiny, '{ shelf { pages(first: 3) { title } } }').estimate).toBe(1 + 3);
  });
});

describe('the estimator stops walking', () => {
  it('estimates a document whose fragments multiply past MAX_VISITS beyond any limit', () => {
    // Each fragment asks the next one twice: 2^24 walks of `relatives` for a document of a few hundred tokens.
    const levels = 24;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Person { name }` : `fragment F${i} on Person { a: relatives { person { ...F${i + 1} } } b: relatives { relative { ...F${i + 1} } } }`,
    ).join('\n');
    const cost = estimate(schema, `{ person(id: "person:a") { ...F0 } }\n${fragments}`);
    expect(cost.estimate).toBe(Number.MAX_SAFE_INTEGER);
    // A document of 2,000 tokens without repeated fragments visits far fewer fields than the budget.
    expect(MAX_VISITS).toBeGreaterThanOrEqual(10_000);
  });
});

describe('sizes from the data', () => {
  const counts: StoreCounts = {
    nodes: { Entity: 1000, Person: 600, Party: 20, Event: 100 },
    degrees: { Entity: { MEMBER_OF: 2000, PARTICIPATED_IN: 1000 }, Person: { MEMBER_OF: 1200, PARTICIPATED_IN: 600, CANDIDATE_IN: 0 } },
  };
  const facts = (roots: SizeFacts['roots'] = new Map()): SizeFacts => ({ counts, roots });

  it('counts one of a timeline entry\'s event, election, result or candidacy, not all four', () => {
    const one = estimate(schema, '{ person(id: "p") { timeline(first: 10) { edges { node { event { id } } } } } }', facts(new Map([['p', { PARTICIPATED_IN: 10 }]])));
    const all = estimate(schema, '{ person(id: "p") { timeline(first: 10) { edges { node { event { id } election { id } result { id } candidacy { id } } } } } }', facts(new Map([['p', { PARTICIPATED_IN: 10 }]])));
    expect(all.estimate).toBe(one.estimate);
    // person 1 + connection 1 + 10 x (edge 1 + entry 1 + event 1)
    expect(one.estimate).toBe(2 + 10 * 3);
  });

  it('sizes duplicate candidates by the kind\'s entities (one in 20 has a near-duplicate) and counts the entities and relations read as work', () => {
    const cost = estimate(schema, '{ duplicateCandidates(kind: PERSON, first: 100) { score entity { id } duplicate { id } } }', facts());
    // 600 people: 30 pairs x (item 1 + entity 1 + duplicate 1); work: 600 people ranked, read with their 1,800 relations
    expect(cost).toEqual({ estimate: 30 * 3, work: 10 * 600 + 1800 });
  });

  it('sizes a neighbourhood by its centre\'s degrees and the average entity, capped by `limit`', () => {
    const query = (depth: number, limit = 200) => `{ neighbourhood(id: "party:x", depth: ${depth}, limit: ${limit}) { nodes { id } edges { type } } }`;
    const centre = new Map([['party:x', { MEMBER_OF: 10 }]]);
    // depth 1: the centre and its 10 neighbours; 3 relations per entity on average: 33 edges. Graph 1 + 11 + 33.
    expect(estimate(schema, query(1), facts(centre)).estimate).toBe(1 + 11 + 33);
    // depth 3 reaches 1 + 10 + 30 + 90 entities, and expands 10 + 30 + 90 relationships.
    expect(estimate(schema, query(3), facts(centre))).toEqual({ estimate: 1 + 131 + 393, work: 130 });
    expect(estimate(schema, query(3, 50), facts(centre)).estimate).toBe(1 + 50 + 150);
  });

  it('sizes relations by the degree-weighted mean only where a record was reached through a link', () => {
    // 600 people, 1,200 memberships: a mean of 2; but a few hubs hold most, so Σd²/Σd is 30.
    const withSpread: SizeFacts = { counts: { ...counts, spread: { Person: { MEMBER_OF: 30 }, Entity: { relations: 3 } } }, roots: new Map() };
    // A page of people is a uniform sample: the plain mean (people 1 + edge 1 + node 1 + 2 memberships).
    const listed = '{ people(first: 1) { edges { node { memberships { id } } } } }';
    expect(estimate(schema, listed, withSpread).estimate).toBe(3 + 2);
    // A person at the other end of a relation is more likely a hub: the weighted mean (30 memberships).
    const linked = '{ people(first: 1) { edges { node { related(first: 1) { edges { node { other { ... on Person { memberships { id } } } } } } } } } }';
    // people 1 + edge 1 + node 1 + related 1 + 1 x (edge 1 + relation 1 + other 1 + 30)
    expect(estimate(schema, linked, withSpread).estimate).toBe(4 + 3 + 30);
    // The neighbours of an entity looked up by id, its degrees read, are mostly ordinary: the plain mean again.
    const known = '{ person(id: "p") { related(first: 1) { edges { node { other { ... on Person { memberships { id } } } } } } } }';
    expect(estimate(schema, known, { ...withSpread, roots: new Map([['p', { MEMBER_OF: 1 }]]) }).estimate).toBe(2 + 3 + 2);
  });

  it('caps a value\'s claims at a few, whatever its record\'s claims of other values', () => {
    const q = '{ election(id: "e") { turnout { value claims { value } } } }';
    expect(estimate(schema, q, facts(new Map([['e', { CLAIM_OF: 60 }]]))).estimate).toBe(1 + 1 + 4);
  });
});

describe('depth is left to the cost', () => {
  it('estimates a 14-level question about a few records as a few records', () => {
    const q = `{ person(id: "p") { related(first: 2) { edges { node { other { ... on Person { related(first: 2) { edges { node { other { ... on Party { related(first: 2) { edges { node { type } } } } } } } } } } } } } } }`;
    const cost = estimateCost(costInput(schema, parse(q), parse(q).definitions[0] as OperationDefinitionNode, {}), {
      counts: { nodes: { Entity: 10, Person: 5, Party: 5 }, degrees: { Entity: { MEMBER_OF: 20 }, Person: { MEMBER_OF: 10 }, Party: { MEMBER_OF: 10 } } },
      roots: new Map([['p', { MEMBER_OF: 2 }]]),
    });
    expect(cost).toBeLessThan(100);
  });
});
