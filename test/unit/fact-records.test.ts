// Fact records per label (src/repositories/records.ts): a stored fact of each label parses into its label's
// record with that label's own fields and the links every fact has, a projected fact (links only) still
// parses, and a fact expected to carry one label that carries another is a data fault.
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GraphContext } from '../../src/context.js';
import { DataFaultError, ErrorCode } from '../../src/errors.js';
import { factLabels } from '../../src/dataset/to-graph.js';
import { factOfLabel, isFactOfLabel, parseFact, type FactRecord } from '../../src/repositories/records.js';
import { optionalFact } from '../../src/resolvers/shared.js';

/** A stored fact as the repositories read it: its properties, its labels and its links (`links: [[type, id]...]`). */
function fact(label: string, props: Record<string, unknown>, links: [string, string][] = []): Record<string, unknown> {
  return { labels: ['Fact', label], id: `${label.toLowerCase()}:x`, links, disputed: [], ...props };
}

/** A record's own fields: what is left after the fields every fact has. */
function own(record: FactRecord): Record<string, unknown> {
  const { id: _id, subjectId: _s, objectIds: _o, nominatedById: _n, decidedById: _d, disputed: _di, values: _v, retraction: _r, ...rest } = record;
  return rest;
}

describe('parseFact', () => {
  it('reads the links every fact has, and its retraction', () => {
    const membership = parseFact(
      fact('Membership', { role: 'chair', retracted: true, retractedReason: 'wrong', retractedBy: 'ed', retractedAt: '2026-01-01T00:00:00.000Z' }, [
        ['SUBJECT', 'person:a'],
        ['OBJECT', 'party:b'],
      ]),
    );
    expect(membership).toMatchObject({
      id: 'membership:x',
      label: 'Membership',
      subjectId: 'person:a',
      objectIds: ['party:b'],
      nominatedById: null,
      decidedById: null,
      retraction: { reason: 'wrong', actor: 'ed', at: '2026-01-01T00:00:00.000Z' },
    });
  });

  it("parses each label's own fields into its record, and no other label's", () => {
    const from = expect.objectContaining({ text: '2019' });
    const to = expect.objectContaining({ text: '2022' });
    const date = expect.objectContaining({ text: '2021-01-10' });
    expect(own(parseFact(fact('Membership', { role: 'chair', title: 'honorary chairman', from: '2019', to: '2022', relation: 'SPOUSE' })))).toEqual({
      label: 'Membership',
      role: 'chair',
      title: 'honorary chairman',
      from,
      to,
      // A seat's own fields, empty on a party membership (issue 25: independents, party and term of a seat).
      independent: false,
      onBehalfOfId: null,
      term: null,
    });
    expect(
      own(parseFact(fact('Candidacy', { mandate: 'PARTY_LIST', outcome: 'ELECTED', selfNominated: false, role: 'x' }, [['IN_DISTRICT', 'district:d'], ['NOMINATED_BY', 'party:p']]))),
    ).toEqual({ label: 'Candidacy', districtIds: ['district:d'], mandate: 'PARTY_LIST', outcome: 'ELECTED', selfNominated: false });
    expect(own(parseFact(fact('CandidacyStatus', { status: 'REGISTERED', date: '2021-01-10', ord: 1 }, [['STATUS_OF', 'candidacy:c']])))).toEqual({
      label: 'CandidacyStatus',
      statusOfId: 'candidacy:c',
      status: 'REGISTERED',
      date,
      ord: 1,
    });
    expect(own(parseFact(fact('PartyResult', { passedThreshold: true, voteShare: 71.1 })))).toEqual({ label: 'PartyResult', passedThreshold: true });
    expect(own(parseFact(fact('FamilyTie', { relation: 'PARENT' })))).toEqual({ label: 'FamilyTie', relation: 'PARENT' });
    expect(own(parseFact(fact('CaseParty', { role: 'DEFENDANT', charges: ['discord'], from: '2019' })))).toEqual({ label: 'CaseParty', role: 'DEFENDANT', charges: ['discord'], from });
    expect(own(parseFact(fact('Participation', { role: 'organiser', ord: 2 })))).toEqual({ label: 'Participation', role: 'organiser', ord: 2 });
    expect(own(parseFact(fact('PartyName', { name: 'Nur Otan', ord: 0, to: '2022' })))).toEqual({ label: 'PartyName', name: 'Nur Otan', ord: 0, from: null, to });
    expect(own(parseFact(fact('Finding', { summary: 'ballot stuffing', date: '2021-01-10' })))).toEqual({ label: 'Finding', summary: 'ballot stuffing', date });
    expect(own(parseFact(fact('Term', { name: '8th convocation', ord: 7, from: '2019' })))).toEqual({ label: 'Term', name: '8th convocation', ord: 7, from, to: null });
  });

  it('keeps claimable values in `values`', () => {
    expect(parseFact(fact('PartyResult', { voteShare: 71.1, totalSeats: 62 })).values).toMatchObject({ voteShare: 71.1, totalSeats: 62 });
    expect(parseFact(fact('Candidacy', { election: 'election:e', rank: 2 })).values).toMatchObject({ election: 'election:e', rank: 2 });
  });

  it('parses a projected fact (id, labels and links only) of every label, absent fields null or empty', () => {
    const projected = (label: string) => parseFact({ labels: ['Fact', label], id: `${label}:p`, links: [['SUBJECT', 'person:a']] });
    for (const label of factLabels) expect(projected(label)).toMatchObject({ label, subjectId: 'person:a', objectIds: [], disputed: [], retraction: null });
    expect(projected('Membership')).toMatchObject({ role: null, title: null, from: null, to: null });
    expect(projected('Candidacy')).toMatchObject({ districtIds: [], mandate: null, outcome: null, selfNominated: null });
    expect(projected('CaseParty')).toMatchObject({ role: null, charges: [], from: null });
    expect(projected('PartyName')).toMatchObject({ name: null, ord: 0 });
    // Without even its links.
    expect(parseFact({ labels: ['Finding'], id: 'f:1' })).toMatchObject({ label: 'Finding', subjectId: null, objectIds: [], summary: null });
  });

  it('refuses a node without a fact label', () => {
    expect(() => parseFact({ labels: ['Person'], id: 'person:p' })).toThrow(/no fact label/);
  });
});

describe('narrowing a fact to a label', () => {
  const tie: FactRecord = parseFact(fact('FamilyTie', { relation: 'SPOUSE' }));

  it('keeps a fact of the expected label, typed as its record', () => {
    expect(isFactOfLabel(tie, 'FamilyTie')).toBe(true);
    expect(isFactOfLabel(tie, 'Membership')).toBe(false);
    expect(factOfLabel(tie, 'FamilyTie').relation).toBe('SPOUSE');
  });

  it('refuses one of another label: a data fault (INTERNAL_SERVER_ERROR) naming the fact and both labels', () => {
    let thrown: unknown;
    try {
      factOfLabel(tie, 'Membership');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DataFaultError);
    expect((thrown as GraphQLError).extensions.code).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
    expect((thrown as GraphQLError).message).toBe('fact familytie:x is a FamilyTie where a Membership was expected');
  });

  it('checks facts loaded by id through the fact loader (optionalFact)', async () => {
    const ctx = { loaders: { fact: { load: (id: string) => Promise.resolve(id === tie.id ? tie : null) } } } as unknown as GraphContext;
    await expect(optionalFact(ctx, tie.id, 'FamilyTie')).resolves.toBe(tie);
    await expect(optionalFact(ctx, tie.id)).resolves.toBe(tie);
    await expect(optionalFact(ctx, null, 'FamilyTie')).resolves.toBeNull();
    await expect(optionalFact(ctx, 'familytie:gone', 'FamilyTie')).resolves.toBeNull();
    await expect(optionalFact(ctx, tie.id, 'Candidacy')).rejects.toThrow('fact familytie:x is a FamilyTie where a Candidacy was expected');
  });
});
