// The workbench's fact view: the `WorkbenchFact` query is valid against the schema and asks every fact type for
// its own fields; its answer is listed as labelled rows (entities to open, partial dates as written, enum values
// as words, a disputed value with its claims), the fields every fact has left to their own sections.
import { readFileSync } from 'node:fs';
import { buildSchema, isObjectType, Kind, parse, validate, type DocumentNode, type InlineFragmentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { factRows, words } from '../../public/workbench/src/fact-fields.js';
import { FactQuery } from '../../public/workbench/src/operations.js';

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));

describe('the WorkbenchFact query', () => {
  const document: DocumentNode = parse(String(FactQuery));

  it('is valid against the schema (aliases keep two facts\' same-named fields of different types apart)', () => {
    expect(validate(schema, document)).toEqual([]);
  });

  it('asks every type that implements Fact for its own fields', () => {
    const factTypes = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .filter((t) => t.getInterfaces().some((i) => i.name === 'Fact'))
      .map((t) => t.name)
      .sort();
    const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    const node = op && 'selectionSet' in op ? op.selectionSet.selections[0] : undefined;
    const fragments = node && 'selectionSet' in node && node.selectionSet ? node.selectionSet.selections.filter((s): s is InlineFragmentNode => s.kind === Kind.INLINE_FRAGMENT) : [];
    const asked = fragments.map((f) => f.typeCondition?.name.value).filter((n) => n && n !== 'Fact').sort();
    expect(asked).toEqual(factTypes);
  });
});

describe('factRows', () => {
  it('lists a membership\'s fields in the query\'s order, entities as entities, dates as written, unstated fields left out', () => {
    const rows = factRows({
      id: 'membership:zhanbolat-mamai-amanat-member-2024',
      __typename: 'Membership',
      citations: [{ quote: 'x' }],
      history: [],
      retraction: null,
      person: { id: 'person:zhanbolat-mamai', name: 'Zhanbolat Mamai', kind: 'PERSON' },
      organization: { id: 'party:amanat', name: 'Amanat', kind: 'PARTY' },
      memberOfParty: { id: 'party:amanat', name: 'Amanat', kind: 'PARTY' },
      role: 'member',
      title: null,
      term: null,
      independent: false,
      from: { text: '2024' },
      to: null,
    });
    expect(rows).toEqual([
      { field: 'person', label: 'person', values: [{ entity: { id: 'person:zhanbolat-mamai', name: 'Zhanbolat Mamai', kind: 'PERSON' } }], claims: null },
      { field: 'organization', label: 'organization', values: [{ entity: { id: 'party:amanat', name: 'Amanat', kind: 'PARTY' } }], claims: null },
      { field: 'party', label: 'party', values: [{ entity: { id: 'party:amanat', name: 'Amanat', kind: 'PARTY' } }], claims: null },
      { field: 'role', label: 'role', values: [{ text: 'member' }], claims: null },
      { field: 'independent', label: 'independent', values: [{ text: 'no' }], claims: null },
      { field: 'from', label: 'from', values: [{ text: '2024' }], claims: null },
    ]);
  });

  it('shows a disputed number with each claim, enum values as words, and lists as their items', () => {
    const rows = factRows({
      id: 'candidacy:x',
      __typename: 'Candidacy',
      outcome: 'ELECTED',
      mandate: 'PARTY_LIST',
      rank: { value: 3, disputed: true, claims: [{ value: 3 }, { value: 4 }] },
      candidacyElection: { value: { id: 'election:2023-mazhilis', name: 'Mazhilis 2023', kind: 'ELECTION' }, disputed: false, claims: [] },
      charges: ['fraud', 'abuse of office'],
      selfNominated: null,
    });
    expect(rows.map((r) => [r.field, r.values, r.claims])).toEqual([
      ['outcome', [{ text: 'elected' }], null],
      ['mandate', [{ text: 'party list' }], null],
      ['rank', [{ text: '3' }], [[{ text: '3' }], [{ text: '4' }]]],
      ['election', [{ entity: { id: 'election:2023-mazhilis', name: 'Mazhilis 2023', kind: 'ELECTION' } }], null],
      ['charges', [{ text: 'fraud' }, { text: 'abuse of office' }], null],
    ]);
  });

  it('reads type and field names as words', () => {
    expect(words('CandidacyStatusChange')).toBe('candidacy status change');
    expect(words('voteShare')).toBe('vote share');
  });
});
