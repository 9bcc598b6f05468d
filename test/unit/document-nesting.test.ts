// Nesting of a GraphQL document's text (src/http/document-nesting.ts): counted outside strings and comments,
// refused past the cap before graphql-js's recursive parser could overflow its stack on it.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentTooDeep, MAX_DOCUMENT_NESTING } from '../../src/http/document-nesting.js';

const nestedList = (depth: number) => `{ a(x: ${'['.repeat(depth)}${']'.repeat(depth)}) }`;

describe('document nesting', () => {
  it('refuses a list literal 5,000 deep, which overflows the parser', () => {
    expect(() => parse(nestedList(5000), { maxTokens: 2000 })).toThrow(RangeError);
    expect(documentTooDeep(nestedList(5000))).toBe(true);
  });

  it('draws the line at MAX_DOCUMENT_NESTING, whatever the bracket kind', () => {
    // `{ a(x: ...) }`: the selection set and the argument list are two levels before the literal.
    expect(documentTooDeep(nestedList(MAX_DOCUMENT_NESTING - 2))).toBe(false);
    expect(documentTooDeep(nestedList(MAX_DOCUMENT_NESTING - 1))).toBe(true);
    expect(documentTooDeep(`{ a(x: ${'{b: '.repeat(200)}1${'}'.repeat(200)}) }`)).toBe(true);
    expect(documentTooDeep(`${'{ a '.repeat(200)}${'}'.repeat(200)}`)).toBe(true);
  });

  it('does not count brackets inside strings, block strings or comments', () => {
    const deep = '['.repeat(1000);
    expect(documentTooDeep(`{ search(query: "${deep}") { score } }`)).toBe(false);
    expect(documentTooDeep(`{ search(query: "\\"${deep}") { score } }`)).toBe(false);
    expect(documentTooDeep(`{ search(query: """ ${deep} \\""" ${deep} """) { score } }`)).toBe(false);
    expect(documentTooDeep(`# ${deep}\n{ __typename }`)).toBe(false);
    expect(documentTooDeep(`{ __typename } # ${deep}`)).toBe(false);
  });

  it('lets ordinary documents through', () => {
    const hop = (inner: string) => `related { edges { node { other { ${inner} } } } }`;
    let selection = 'id';
    for (let i = 0; i < 12; i += 1) selection = hop(selection);
    expect(documentTooDeep(`query Deep { person(id: "person:x") { ${selection} } }`)).toBe(false);
  });
});
