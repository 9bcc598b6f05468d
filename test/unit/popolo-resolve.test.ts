// Entity resolution (src/popolo/resolve.ts): the score of each comparison and the merge/flag decision. A shared
// identifier merges; a name with a role in the same body and an overlapping period merges; a namesake without that
// evidence is only flagged; two candidates closer than the margin are both flagged; a conflicting identifier vetoes.
import { describe, expect, it } from 'vitest';
import { FLAG_THRESHOLD, MERGE_THRESHOLD, UNIQUE_MARGIN, bestName, compare, decide, describeEvidence, overlaps, sameDate, type Profile } from '../../src/popolo/resolve.js';

const MAZHILIS = 'organization:mazhilis';

function person(id: string, names: string[], extra: Partial<Profile> = {}): Profile {
  return { id, kind: 'PERSON', names, identifiers: [], subKind: null, date: null, roles: [], ...extra };
}
const seat = (from: string | null, to: string | null, body = MAZHILIS) => ({ body, role: 'seat', from, to });

describe('compare', () => {
  it('a shared identifier scores 1 and is sufficient whatever the names', () => {
    const c = compare(person('in', ['Nurlan Abdirov'], { identifiers: ['wikidata:Q42'] }), person('old', ['N. Abdirov-Other'], { identifiers: ['wikidata:Q42'] }));
    expect(c.score).toBe(1);
    expect(c.sufficient).toBe(true);
    expect(c.evidence).toContainEqual({ type: 'IDENTIFIER', detail: 'wikidata:Q42', agrees: true });
  });

  it('a conflicting identifier of the same scheme scores 0 and is never sufficient, even with equal names', () => {
    const c = compare(
      person('in', ['Nurlan Abdirov'], { identifiers: ['wikidata:Q1'], roles: [seat('2012', '2016')] }),
      person('old', ['Nurlan Abdirov'], { identifiers: ['wikidata:Q2'], roles: [seat('2012', '2016')] }),
    );
    expect(c.score).toBe(0);
    expect(c.sufficient).toBe(false);
    expect(c.evidence[0]).toEqual({ type: 'IDENTIFIER_CONFLICT', detail: 'wikidata:Q1 ≠ wikidata:Q2', agrees: false });
  });

  it('name + role in the same body + overlapping period: 0.6 × name + 0.2 + 0.2, sufficient', () => {
    const c = compare(person('in', ['Nurlan Abdirov'], { roles: [seat('2012-01-15', '2016-01-20')] }), person('old', ['Abdirov Nurlan'], { roles: [seat('2014', null)] }));
    // The same words in another order are a 0.99 name: 0.6 × 0.99 + 0.2 + 0.2.
    expect(c.score).toBe(0.994);
    expect(c.sufficient).toBe(true);
    expect(c.evidence.map((e) => [e.type, e.agrees])).toEqual([
      ['NAME', true],
      ['ROLE', true],
      ['PERIOD', true],
    ]);
  });

  it('names are compared across scripts: a Cyrillic name agrees with its romanisation', () => {
    const c = compare(person('in', ['Абдиров Нурлан'], { roles: [seat('2012', '2016')] }), person('old', ['Nurlan Abdirov'], { roles: [seat('2013', '2013')] }));
    expect(c.evidence.find((e) => e.type === 'NAME')?.agrees).toBe(true);
    expect(c.sufficient).toBe(true);
  });

  it('the same body in periods that do not overlap is not sufficient (0.8)', () => {
    const c = compare(person('in', ['Nurlan Abdirov'], { roles: [seat('2016-03-25', null)] }), person('old', ['Nurlan Abdirov'], { roles: [seat('2004', '2007')] }));
    expect(c.score).toBe(0.8);
    expect(c.sufficient).toBe(false);
    expect(c.evidence.find((e) => e.type === 'PERIOD')).toMatchObject({ agrees: false, detail: '2016-03-25–… does not overlap 2004–2007' });
  });

  it('a namesake with no role in the body scores only its name (0.6): not sufficient', () => {
    const c = compare(person('in', ['Nikolai Kuzmin'], { roles: [seat('2012', '2016')] }), person('old', ['Nikolai Kuzmin']));
    expect(c.score).toBe(0.6);
    expect(c.sufficient).toBe(false);
    expect(c.evidence.find((e) => e.type === 'ROLE')).toEqual({ type: 'ROLE', detail: 'the existing entity has no role in the same body', agrees: false });
  });

  it("a party's former name counts only while it was current", () => {
    const old: Profile = { id: 'party:amanat', kind: 'PARTY', names: ['Amanat', 'Nur Otan'], identifiers: [], subKind: null, date: null, roles: [seat('2004', null)], datedNames: [{ name: 'Nur Otan', from: '2006', to: '2022-03' }] };
    const during = compare({ id: 'in', kind: 'PARTY', names: ['Nur Otan'], identifiers: [], subKind: null, date: null, roles: [seat('2012', '2016')] }, old);
    expect(during.sufficient).toBe(true);
    const after = compare({ id: 'in', kind: 'PARTY', names: ['Nur Otan'], identifiers: [], subKind: null, date: null, roles: [seat('2023', null)] }, old);
    expect(after.sufficient).toBe(false);
    expect(after.evidence).toContainEqual({ type: 'PERIOD', detail: 'the name Nur Otan was used 2006–2022-03', agrees: false });
  });

  it('an election is its kind and date: a different description with the same date and kind agrees', () => {
    const election = (id: string, name: string, date: string, kind = 'PARLIAMENTARY'): Profile => ({ id, kind: 'ELECTION', names: [name], identifiers: [], subKind: kind, date, roles: [] });
    const same = compare(election('in', 'Kazakhstani legislative election, 2012', '2012'), election('old', 'Mazhilis election of 15 January 2012', '2012-01-15'));
    expect(same).toMatchObject({ score: 1, sufficient: true });
    const otherYear = compare(election('in', 'Kazakhstani legislative election, 2012', '2012'), election('old', 'Kazakhstani legislative election, 2016', '2016-03-20'));
    expect(otherYear.sufficient).toBe(false);
    const otherKind = compare(election('in', 'Election 2019', '2019', 'PRESIDENTIAL'), election('old', 'Election 2019', '2019-06-09'));
    expect(otherKind.sufficient).toBe(false);
  });
});

describe('decide', () => {
  it('merges into the unique sufficient candidate at or above the threshold and lists the others it flagged', () => {
    const incoming = person('in', ['Nurlan Abdirov'], { roles: [seat('2012', '2016')] });
    const d = decide(incoming, [person('a', ['Nurlan Abdirov'], { roles: [seat('2013', null)] }), person('b', ['Nurlan Abdirov'])]);
    expect(d.action).toBe('MERGE');
    if (d.action !== 'MERGE') return;
    expect(d.into).toBe('a');
    expect(d.score).toBeGreaterThanOrEqual(MERGE_THRESHOLD);
    expect(d.others.map((o) => [o.existing, o.score])).toEqual([['b', 0.6]]);
  });

  it('merges on a shared identifier alone', () => {
    const d = decide(person('in', ['ABDIRAIYM Bakytzhan'], { identifiers: ['popolo:50fb'] }), [person('x', ['Bakytzhan Abdiraiym'], { identifiers: ['popolo:50fb'] })]);
    expect(d).toMatchObject({ action: 'MERGE', into: 'x', score: 1 });
  });

  it('never merges a namesake without evidence: it is created, and the namesake flagged with the evidence', () => {
    const d = decide(person('in', ['Nikolai Kuzmin'], { roles: [seat('2012', '2016')] }), [person('person:nikolai-kuzmin', ['Nikolai Kuzmin'])]);
    expect(d.action).toBe('CREATE');
    if (d.action !== 'CREATE') return;
    expect(d.flagged).toHaveLength(1);
    expect(d.flagged[0]).toMatchObject({ existing: 'person:nikolai-kuzmin', score: 0.6, sufficient: false });
    expect(d.flagged[0]!.score).toBeGreaterThanOrEqual(FLAG_THRESHOLD);
  });

  it('flags both when two sufficient candidates are closer than the margin (a tie is no unique match)', () => {
    const incoming = person('in', ['Nurlan Abdirov'], { roles: [seat('2012', '2016')] });
    const d = decide(incoming, [person('a', ['Nurlan Abdirov'], { roles: [seat('2012', null)] }), person('b', ['Nurlan Abdirov'], { roles: [seat('2014', '2015')] })]);
    expect(d.action).toBe('CREATE');
    if (d.action !== 'CREATE') return;
    expect(d.flagged.map((f) => [f.existing, f.score, f.sufficient])).toEqual([
      ['a', 1, true],
      ['b', 1, true],
    ]);
  });

  it('a near tie below the margin flags both; an exact 1 over anything below 1 is unique', () => {
    const incoming = person('in', ['Nurlan Abdirov'], { roles: [seat('2012', '2016')] });
    const near = decide(incoming, [person('a', ['Nurlan Abdirov'], { roles: [seat('2012', '2016')] }), person('b', ['Abdirov Nurlan'], { roles: [seat('2014', '2015')] })]);
    // a = 1 (exact), b = 0.994: only 0.006 apart, yet a's exact score makes it unique.
    expect(near).toMatchObject({ action: 'MERGE', into: 'a' });
    const fuzzy = decide(person('in', ['Nurlan Abdirof'], { roles: [seat('2012', '2016')] }), [
      person('a', ['Nurlan Abdirov'], { roles: [seat('2012', '2016')] }),
      person('b', ['Abdirov Nurlan'], { roles: [seat('2014', '2015')] }),
    ]);
    expect(fuzzy.action).toBe('CREATE');
    if (fuzzy.action === 'CREATE') expect(fuzzy.flagged.map((f) => f.existing).sort()).toEqual(['a', 'b']);
  });

  it('a lead of at least the margin is unique: a best of 1 over a runner-up of 0.8', () => {
    const incoming = person('in', ['Nurlan Abdirov'], { roles: [seat('2012', '2016')] });
    const d = decide(incoming, [person('a', ['Nurlan Abdirov'], { roles: [seat('2012', null)] }), person('b', ['Nurlan Abdirov'], { roles: [seat('2000', '2004')] })]);
    expect(1 - 0.8).toBeGreaterThanOrEqual(UNIQUE_MARGIN);
    expect(d).toMatchObject({ action: 'MERGE', into: 'a' });
  });

  it('a candidate below the threshold is neither merged nor flagged; other kinds are not compared', () => {
    const d = decide(person('in', ['Nurlan Abdirov']), [person('a', ['Serik Tokenov']), { ...person('p', ['Nurlan Abdirov']), kind: 'PARTY' }]);
    expect(d).toEqual({ action: 'CREATE', flagged: [] });
  });
});

describe('helpers', () => {
  it('partial dates overlap at their precision; open ends are unbounded', () => {
    expect(overlaps({ from: '2012', to: '2016' }, { from: '2016-12-31', to: null })).toBe(true);
    expect(overlaps({ from: '2012-01-15', to: '2016-01-20' }, { from: '2016-03-25', to: null })).toBe(false);
    expect(overlaps({ from: null, to: null }, { from: '1990', to: '1991' })).toBe(true);
    expect(sameDate('2012', '2012-01-15')).toBe(true);
    expect(sameDate('2012-02', '2012-01-15')).toBe(false);
  });

  it('the best name pair is reported, and evidence reads as one line', () => {
    expect(bestName(['Kuzmin N.', 'Кузьмин Николай'], ['Nikolai Kuzmin'])).toEqual({ score: 0.99, names: ['Кузьмин Николай', 'Nikolai Kuzmin'] });
    expect(describeEvidence({ type: 'NAME', score: 1, names: ['a', 'b'], agrees: true })).toBe('name ✓ 1 (a ~ b)');
    expect(describeEvidence({ type: 'ROLE', detail: 'both in organization:mazhilis', agrees: true })).toBe('role ✓ both in organization:mazhilis');
  });
});
