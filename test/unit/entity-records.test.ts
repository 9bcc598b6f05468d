// Entity records per kind (src/repositories/records.ts): a stored node of each kind parses into its kind's
// record with that kind's own fields, a projected node (few properties) still parses, and a reference
// expected to be of one kind that loads an entity of another is a data fault with a code and a clear message.
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GraphContext } from '../../src/context.js';
import { DataFaultError, ErrorCode, formatError } from '../../src/errors.js';
import { entityOfKind, isEntityOfKind, parseEntity, type EntityRecord } from '../../src/repositories/records.js';
import { connectionOfKind, optionalEntity, requireEntity } from '../../src/resolvers/shared.js';

/** A stored entity node as the repositories read it (`n {.*, labels: labels(n)}`). */
function node(label: string, props: Record<string, unknown>): Record<string, unknown> {
  return {
    labels: ['Entity', label],
    id: `${label.toLowerCase()}:x`,
    name: `The ${label}`,
    sortName: `the ${label.toLowerCase()}`,
    description: 'described',
    aliases: JSON.stringify([{ name: 'Alias', lang: 'ru', script: 'Cyrl' }]),
    identifiers: JSON.stringify([{ scheme: 'wikidata', value: 'Q1', url: null }]),
    searchNames: JSON.stringify(['The thing', 'Alias']),
    disputed: [],
    ...props,
  };
}

const base = {
  name: expect.any(String),
  sortName: expect.any(String),
  description: 'described',
  aliases: [{ name: 'Alias', lang: 'ru', script: 'Cyrl' }],
  identifiers: [{ scheme: 'wikidata', value: 'Q1', url: null }],
  searchNames: ['The thing', 'Alias'],
  disputed: [],
};

describe('parseEntity', () => {
  it('parses a person into a person record with only the common fields', () => {
    const person = parseEntity(node('Person', {}));
    expect(person).toMatchObject({ id: 'person:x', kind: 'PERSON', ...base });
    expect(Object.keys(person).sort()).toEqual(['aliases', 'description', 'disputed', 'id', 'identifiers', 'kind', 'name', 'searchNames', 'sortName', 'values']);
  });

  it("parses each kind's own fields into its record, and no other kind's", () => {
    const own = (row: Record<string, unknown>) => {
      const { id: _id, kind, name: _n, sortName: _s, description: _d, aliases: _a, identifiers: _i, searchNames: _sn, disputed: _di, values: _v, ...rest } = parseEntity(row);
      return { kind, ...rest };
    };
    expect(own(node('Party', { status: 'RENAMED', orgKind: 'NGO' }))).toEqual({ kind: 'PARTY', status: 'RENAMED', predecessors: [], successors: [] });
    expect(own(node('Organization', { orgKind: 'LEGISLATURE', parentId: 'organization:p', placeId: 'place:almaty', status: 'REGISTERED' }))).toEqual({
      kind: 'ORGANIZATION',
      orgKind: 'LEGISLATURE',
      parentId: 'organization:p',
      placeId: 'place:almaty',
    });
    expect(own(node('Place', { placeKind: 'CITY', withinId: 'place:kz' }))).toEqual({ kind: 'PLACE', placeKind: 'CITY', withinId: 'place:kz' });
    expect(own(node('District', { number: 3, seats: 1, bodyId: 'organization:mazhilis', placeId: 'place:almaty' }))).toEqual({
      kind: 'DISTRICT',
      number: 3,
      seats: 1,
      bodyId: 'organization:mazhilis',
      placeId: 'place:almaty',
    });
    expect(own(node('Election', { electionKind: 'PARLIAMENTARY', date: '2023-03-19', bodyId: 'organization:mazhilis', placeId: 'place:kz', seats: 98 }))).toEqual({
      kind: 'ELECTION',
      electionKind: 'PARLIAMENTARY',
      date: expect.objectContaining({ text: '2023-03-19', precision: 'DAY' }),
      bodyId: 'organization:mazhilis',
    });
    expect(own(node('CourtCase', { charges: ['discord'], from: '2022-01', courtId: 'organization:court', status: 'convicted' }))).toEqual({
      kind: 'COURT_CASE',
      charges: ['discord'],
      opened: expect.objectContaining({ text: '2022-01', precision: 'MONTH' }),
      courtId: 'organization:court',
    });
    expect(own(node('Event', { eventKind: 'ARREST', date: '2022-02', endDate: '2022-03', placeId: 'place:almaty', charges: ['x'] }))).toEqual({
      kind: 'EVENT',
      eventKind: 'ARREST',
      date: expect.objectContaining({ text: '2022-02' }),
      endDate: expect.objectContaining({ text: '2022-03' }),
      placeId: 'place:almaty',
      charges: ['x'],
    });
  });

  it('keeps claimable and scalar values in `values` for every kind', () => {
    const election = parseEntity(node('Election', { turnout: 54.2, seats: 98 }));
    expect(election.values).toMatchObject({ turnout: 54.2, seats: 98 });
    const courtCase = parseEntity(node('CourtCase', { status: 'convicted', maxPenalty: '7 years' }));
    expect(courtCase.values).toMatchObject({ status: 'convicted', maxPenalty: '7 years' });
  });

  it('parses a projected node (id, name, sort name and labels only) of every kind, absent fields null or empty', () => {
    const projected = (label: string) => parseEntity({ labels: ['Entity', label], id: `${label}:p`, name: 'P', sortName: 'p' });
    expect(projected('Person')).toMatchObject({ kind: 'PERSON', description: null, aliases: [], identifiers: [], searchNames: [], disputed: [] });
    expect(projected('Party')).toMatchObject({ kind: 'PARTY', status: null });
    expect(projected('Organization')).toMatchObject({ kind: 'ORGANIZATION', orgKind: null, parentId: null, placeId: null });
    expect(projected('Place')).toMatchObject({ kind: 'PLACE', placeKind: null, withinId: null });
    expect(projected('District')).toMatchObject({ kind: 'DISTRICT', number: null, seats: null, bodyId: null, placeId: null });
    expect(projected('Election')).toMatchObject({ kind: 'ELECTION', electionKind: null, date: null, bodyId: null });
    expect(projected('CourtCase')).toMatchObject({ kind: 'COURT_CASE', charges: [], opened: null, courtId: null });
    expect(projected('Event')).toMatchObject({ kind: 'EVENT', eventKind: null, date: null, endDate: null, placeId: null, charges: [] });
    // Without even a sort name (an entity read only for its id and name elsewhere).
    expect(parseEntity({ labels: ['Event', 'Entity'], id: 'event:e', name: 'E' })).toMatchObject({ kind: 'EVENT', sortName: '' });
  });

  it('reads an unknown enum value as null and refuses a node without an entity label', () => {
    expect(parseEntity(node('Organization', { orgKind: 'GUILD' }))).toMatchObject({ orgKind: null });
    expect(() => parseEntity({ labels: ['Membership'], id: 'm:1', name: 'M' })).toThrow(/no entity label/);
  });
});

describe('narrowing an entity to a kind', () => {
  const party: EntityRecord = parseEntity(node('Party', { status: 'REGISTERED' }));

  it('keeps an entity of the expected kind, typed as its record', () => {
    expect(isEntityOfKind(party, 'PARTY')).toBe(true);
    expect(isEntityOfKind(party, 'PERSON')).toBe(false);
    const narrowed = entityOfKind(party, 'PARTY');
    expect(narrowed.status).toBe('REGISTERED');
  });

  it('refuses one of another kind: a data fault (INTERNAL_SERVER_ERROR) naming the entity and both kinds', () => {
    let thrown: unknown;
    try {
      entityOfKind(party, 'PERSON');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DataFaultError);
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).extensions.code).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
    expect((thrown as GraphQLError).message).toBe('entity party:x is of kind PARTY where one of kind PERSON was expected');
  });

  it('reaches the client as an internal error, its message only in the log', () => {
    const logged: unknown[] = [];
    const fault = new DataFaultError('entity party:x is of kind PARTY where one of kind PERSON was expected');
    const formatted = formatError({ message: fault.message, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }, fault, (e) => logged.push(e));
    expect(formatted).toMatchObject({ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
    expect(logged).toEqual([fault]);
  });

  it('checks references loaded through the entity loader (requireEntity, optionalEntity)', async () => {
    const ctx = { loaders: { entity: { load: (id: string) => Promise.resolve(id === party.id ? party : null) } } } as unknown as GraphContext;
    await expect(requireEntity(ctx, party.id, 'PARTY')).resolves.toBe(party);
    await expect(requireEntity(ctx, party.id)).resolves.toBe(party);
    await expect(requireEntity(ctx, party.id, 'ORGANIZATION')).rejects.toThrow('entity party:x is of kind PARTY where one of kind ORGANIZATION was expected');
    await expect(requireEntity(ctx, 'party:gone', 'PARTY')).rejects.toThrow('dangling reference to entity party:gone');
    await expect(optionalEntity(ctx, null, 'PARTY')).resolves.toBeNull();
    await expect(optionalEntity(ctx, 'party:gone', 'PARTY')).resolves.toBeNull();
    await expect(optionalEntity(ctx, party.id, 'PLACE')).rejects.toBeInstanceOf(DataFaultError);
  });

  it('checks every node of a page of one kind (PersonConnection...)', () => {
    const page = { edges: [{ cursor: 'c1', node: party }], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c1' }, totalCount: 1 };
    expect(connectionOfKind(page, 'PARTY').edges[0]!.node).toBe(party);
    expect(connectionOfKind(page, 'PARTY').totalCount).toBe(1);
    expect(() => connectionOfKind(page, 'PERSON')).toThrow(DataFaultError);
  });
});
