// Which entity properties an operation reads (src/resolvers/projection.ts): pinned per selection, through
// fragments, and whole records as soon as a field outside the known ones is selected.
import { buildSchema, extendSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { entityMap, factMap, relationMap, VariableNames } from '../../src/repositories/fragments.js';
import { entityProjection, projectionOf as projections } from '../../src/resolvers/projection.js';
import { loadTypeDefs } from '../../src/schema.js';

const schema = buildSchema(loadTypeDefs());
function projectionOf(query: string): string[] | null {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return entityProjection(schema, document, operation);
}

describe('entity projection', () => {
  it('reads nothing beyond the id, name and sort name for a lookup of id and name', () => {
    expect(projectionOf('{ person(id: "x") { id name __typename } }')).toEqual([]);
    expect(entityMap('n', [])).toBe('n {.id, .name, .sortName, labels: labels(n)}');
  });

  it('adds the plain fields and the properties the field model says a field reads', () => {
    expect(projectionOf('{ organization(id: "x") { aliases parent { id } members { person { description } } } }')).toEqual(['aliases', 'description', 'parentId']);
  });

  it('follows fragments, inline fragments and interfaces', () => {
    expect(projectionOf('query { node(id: "x") { ... on Entity { ...E } ... on Membership { role } } } fragment E on Entity { aliases citations { quote } }')).toEqual(['aliases']);
    expect(projectionOf('{ person(id: "x") { events(first: 2) { edges { node { ... on Event { place { id } } } } } } }')).toEqual(['placeId']);
  });

  it('reads whole records when any other entity field is selected', () => {
    expect(projectionOf('{ election(id: "x") { turnout { value } } }')).toBeNull();
    expect(projectionOf('{ person(id: "x") { related(first: 2) { edges { node { other { ... on Party { status } } } } } } }')).toBeNull();
  });

  it('projects facts alike: their plain fields, nothing for their loading fields, whole facts for values', () => {
    const of = (query: string) => {
      const document = parse(query);
      return projections(schema, document, document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!).fact;
    };
    expect(of('{ party(id: "x") { members(asOf: "2016-01-01") { role from { text } person { id name } citations { quote } } } }')).toEqual(['from', 'role']);
    expect(of('{ election(id: "x") { results { party { id } voteShare { value } } } }')).toBeNull();
    expect(of('{ person(id: "x") { memberships(includeRetracted: true) { id retraction { reason } } } }')).toEqual(['retractedAt', 'retractedBy', 'retractedReason']);
  });

  it('refuses a property name that is not a plain identifier', () => {
    expect(() => entityMap('n', ['name}) MATCH (m'])).toThrow(/not a property name/);
  });
});

describe('relation projection', () => {
  const of = (query: string) => {
    const document = parse(query);
    return projections(schema, document, document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!).relation;
  };

  it('reads no stored relationship property for type, direction and the other end', () => {
    expect(of('{ person(id: "x") { related(first: 5) { edges { node { type direction other { name } } } } } }')).toEqual([]);
    expect(relationMap('x', '', [])).not.toContain('x.r.');
  });

  it('reads the properties its fields show, and the fact id for the fact and its citations', () => {
    expect(of('{ person(id: "x") { related(first: 5) { edges { node { id role from { year } } } } } }')).toEqual(['id', 'role', 'from']);
    expect(of('{ person(id: "x") { related { edges { node { citations { quote } } } } } }')).toEqual(['factId']);
    expect(of('query { person(id: "x") { ...R } } fragment R on Person { related { edges { node { fact { id } to { year } } } } }')).toEqual(['factId', 'to']);
    expect(relationMap('x', '', ['role'])).toContain('role: x.r.role');
    expect(relationMap('x', '', ['role'])).not.toContain('x.r.factId');
  });

  it('reads them all unprojected', () => {
    expect(relationMap('x')).toMatch(/id: x\.r\.id.*factId: x\.r\.factId, role: x\.r\.role, from: x\.r\.from, to: x\.r\.to/s);
  });
});

describe('fact link projection', () => {
  const of = (query: string) => {
    const document = parse(query);
    return projections(schema, document, document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!).links;
  };

  it('walks no link for facts whose selected fields read none (plain fields, values, citations)', () => {
    expect(of('{ party(id: "x") { members(asOf: "2016-01-01") { role from { text } citations { quote } } } }')).toEqual([]);
    expect(of('{ election(id: "x") { results { voteShare { value } totalSeats { value } } } }')).toEqual([]);
    expect(factMap('f', new VariableNames(), ['role'], [])).toBe('f {.id, .ord, .retracted, .role, labels: labels(f), links: []}');
  });

  it('walks the links its fields follow: the end an entity field names, the ids a shape reads', () => {
    expect(of('{ party(id: "x") { members { person { id } organization { id } } } }')).toEqual(['SUBJECT', 'OBJECT']);
    expect(of('{ person(id: "x") { candidacies { nominatedBy { id } statuses { decidedBy { id } } } } }')).toEqual(['NOMINATED_BY', 'DECIDED_BY']);
    expect(of('{ person(id: "x") { memberships { party { id } } } }')).toEqual(['ON_BEHALF_OF']);
    // `election:` keeps the candidacies linked to that election: the shape reads their OBJECT link.
    expect(of('{ party(id: "x") { candidates(election: "e") { id } } }')).toEqual(['OBJECT']);
    expect(of('{ election(id: "x") { candidacies(first: 3) { edges { node { id } } } } }')).toEqual(['IN_DISTRICT']);
    expect(of('{ person(id: "x") { relatives { relation } } }')).toEqual(['SUBJECT', 'OBJECT']);
    expect(factMap('f', new VariableNames(), null, ['SUBJECT'])).toContain('[l_1:SUBJECT]');
  });

  it('walks every link for a fact field it does not know (one added later)', () => {
    const extended = extendSchema(schema, parse('extend type Membership { addedLater: String }'));
    const document = parse('{ node(id: "x") { ... on Fact { id } ... on Membership { role addedLater } } }');
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    expect(of('{ node(id: "x") { ... on Fact { id } ... on Membership { role } } }')).toEqual([]);
    expect(projections(extended, document, operation).links).toBeNull();
    expect(factMap('f', new VariableNames())).toContain(':SUBJECT|OBJECT|IN_DISTRICT|NOMINATED_BY|DECIDED_BY|STATUS_OF|ON_BEHALF_OF]');
  });
});
