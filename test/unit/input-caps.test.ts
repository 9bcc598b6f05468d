// Caps on text arguments (src/http/input-caps.ts), checked against the real schema: literals and variables,
// nested input objects, reads and writes each with their own cap.
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkInputLengths, InputTooLongError, MAX_FREE_TEXT_LENGTH, MAX_READ_TEXT_LENGTH, MAX_WRITE_TEXT_LENGTH } from '../../src/http/input-caps.js';
import { loadTypeDefs } from '../../src/schema.js';

const schema = buildSchema(loadTypeDefs());
const check = (query: string, variables: Record<string, unknown> = {}) => () => checkInputLengths(schema, parse(query), variables);
const refusal = (fn: () => void): InputTooLongError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputTooLongError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('text argument caps', () => {
  it('refuses a 100 KB people(filter: {name}) as a variable and as a literal, naming the field and the cap', () => {
    const long = 'a'.repeat(100_000);
    const byVariable = refusal(check('query($f: PeopleFilter) { people(filter: $f) { totalCount } }', { f: { name: long } }));
    expect(byVariable.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'PeopleFilter.name', maxLength: MAX_FREE_TEXT_LENGTH });
    expect(byVariable.message).toBe(`PeopleFilter.name is 100000 characters long; at most ${MAX_FREE_TEXT_LENGTH} are accepted.`);
    const byLiteral = refusal(check(`{ people(filter: { name: "${long}" }) { totalCount } }`));
    expect(byLiteral.extensions).toMatchObject({ argument: 'PeopleFilter.name' });
  });

  it('caps search text, and lets a search at the cap through', () => {
    expect(refusal(check('query($q: String!) { search(query: $q) { score } }', { q: 'x'.repeat(MAX_FREE_TEXT_LENGTH + 1) })).extensions).toMatchObject({
      argument: 'Query.search(query:)',
    });
    expect(check('query($q: String!) { search(query: $q) { score } }', { q: 'x'.repeat(MAX_FREE_TEXT_LENGTH) })).not.toThrow();
  });

  it('caps every other text or id of a read, lists and fragments included', () => {
    const id = `person:${'a'.repeat(MAX_READ_TEXT_LENGTH)}`;
    expect(refusal(check('query($id: ID!) { person(id: $id) { name } }', { id })).extensions).toMatchObject({ argument: 'Query.person(id:)' });
    expect(refusal(check('query($t: [String!]) { neighbourhood(id: "person:x", types: $t) { nodes { id } } }', { t: ['MEMBER_OF', 'x'.repeat(2000)] })).extensions).toMatchObject({
      argument: 'Query.neighbourhood(types:)',
    });
    expect(
      refusal(check(`query { ...F } fragment F on Query { person(id: "${id}") { name } }`)).extensions,
    ).toMatchObject({ argument: 'Query.person(id:)' });
  });

  it('gives writes a cap above the dataset limits, which answer ordinary overflows per field', () => {
    const mutation = 'mutation($i: AddSourceInput!) { addSource(input: $i) { source { id } } }';
    expect(check(mutation, { i: { publisher: 'p'.repeat(MAX_READ_TEXT_LENGTH + 1), date: '2024' } })).not.toThrow();
    expect(refusal(check(mutation, { i: { publisher: 'p'.repeat(MAX_WRITE_TEXT_LENGTH + 1), date: '2024' } })).extensions).toMatchObject({
      argument: 'AddSourceInput.publisher',
      maxLength: MAX_WRITE_TEXT_LENGTH,
    });
  });

  it('leaves ordinary requests and malformed variables alone (GraphQL reports those)', () => {
    expect(check('{ people(filter: { name: "Mamai" }) { totalCount } }')).not.toThrow();
    expect(check('query($f: PeopleFilter) { people(filter: $f) { totalCount } }', { f: 'not an object' })).not.toThrow();
    expect(check('query($f: PeopleFilter) { people(filter: $f) { totalCount } }', {})).not.toThrow();
  });

  it("checks a variable's default where the variable is used, under that argument's cap", () => {
    const filter = refusal(check(`query($f: PeopleFilter = { name: "${'a'.repeat(100_000)}" }) { people(filter: $f) { totalCount } }`));
    expect(filter.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'PeopleFilter.name', maxLength: MAX_FREE_TEXT_LENGTH });
    const id = refusal(check(`query($id: ID = "${'x'.repeat(100_000)}") { person(id: $id) { name } }`));
    expect(id.extensions).toMatchObject({ argument: 'Query.person(id:)', maxLength: MAX_READ_TEXT_LENGTH });
    // Through a fragment, and inside a list default.
    expect(
      refusal(check(`query($t: [String!] = ["MEMBER_OF", "${'x'.repeat(2000)}"]) { ...F } fragment F on Query { neighbourhood(id: "person:x", types: $t) { nodes { id } } }`))
        .extensions,
    ).toMatchObject({ argument: 'Query.neighbourhood(types:)' });
  });

  it('lets a given variable replace its long default (GraphQL never uses that default), and short defaults through', () => {
    const query = `query($f: PeopleFilter = { name: "${'a'.repeat(100_000)}" }) { people(filter: $f) { totalCount } }`;
    expect(check(query, { f: { name: 'Mamai' } })).not.toThrow();
    expect(check(query, { f: null })).not.toThrow();
    expect(check('query($f: PeopleFilter = { name: "Mamai" }) { people(filter: $f) { totalCount } }')).not.toThrow();
  });

  it("takes the running operation's defaults, not another operation's of the same variable name", () => {
    const document = parse(
      `query Long($id: ID = "${'x'.repeat(5000)}") { person(id: $id) { name } } query Short($id: ID = "person:x") { person(id: $id) { name } }`,
    );
    const [long, short] = document.definitions as [OperationDefinitionNode, OperationDefinitionNode];
    expect(() => checkInputLengths(schema, document, {}, short)).not.toThrow();
    expect(() => checkInputLengths(schema, document, {}, long)).toThrow(InputTooLongError);
  });
});
