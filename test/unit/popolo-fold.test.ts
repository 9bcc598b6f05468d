// What a Popolo import keeps when it merges a file's record into a stored one (src/popolo/import.ts `foldInto`):
// the finer precision of a date both give, the stored value (and a note) where they disagree, the file's dated
// names beside the stored ones, and alias kinds and predecessors (issue 25, items 1, 2 and 4).
import { describe, expect, it } from 'vitest';
import type { CollectionRecord } from '../../src/dataset/from-graph.js';
import { foldInto, foldMembershipInto } from '../../src/popolo/import.js';

const articles = [{ source: '004_501aa6378d191ed4.txt', quote: 'the last four parliamentary polls (2007, 2012, 2016 and 2021)' }];
const file = [{ source: 'source:popolo-0864de3054fac1f8', locator: '/events/8' }];
const election = (date: string, citations: unknown[]) =>
  ({ collection: 'elections', record: { id: 'election:2016-mazhilis', name: '2016 Mazhilis election', aliases: [], kind: 'PARLIAMENTARY', date, findings: [], citations } }) as unknown as CollectionRecord;

describe('foldInto', () => {
  it('keeps the file\'s 2016-03-20 over the stored 2016, and cites both', () => {
    const merged = foldInto(election('2016', articles), election('2016-03-20', file)).record as unknown as { date: string; citations: unknown[] };
    expect(merged.date).toBe('2016-03-20');
    expect(merged.citations).toEqual([...articles, ...file]);
  });

  it('keeps the stored day where the file gives a coarser one', () => {
    const merged = foldInto(election('2016-03-20', articles), election('2016', file)).record as unknown as { date: string };
    expect(merged.date).toBe('2016-03-20');
  });

  it('keeps both dates as claims where the two disagree, each with its own citations, and says so', () => {
    const conflicts: string[] = [];
    const merged = foldInto(election('2016-03-20', articles), election('2016-03-27', file), conflicts).record as unknown as { date: unknown };
    // The stored date first: it is the one `Election.date` answers with.
    expect(merged.date).toEqual({ claims: [{ value: '2016-03-20', citations: articles }, { value: '2016-03-27', citations: file }] });
    expect(conflicts).toEqual(['date: the graph has 2016-03-20, the file 2016-03-27; both are kept as claims, each with its citations']);
  });

  it('folds a file\'s date into the stored claims: the same or a refined date joins its claim, another is one more claim; again, nothing changes', () => {
    const other = [{ source: '003_a2df2bc0f71960c4.txt', quote: 'elections on 27 March' }];
    const disputed = (date: unknown) => ({ ...election('x', articles), record: { ...election('x', articles).record, date } }) as unknown as CollectionRecord;
    const stored = disputed({ claims: [{ value: '2016', citations: articles }, { value: '2016-03-27', citations: other }] });
    // 2016-03-20 refines the first claim (2016), which takes the finer day and the file's citation beside its own.
    const conflicts: string[] = [];
    const once = foldInto(stored, election('2016-03-20', file), conflicts);
    expect((once.record as unknown as { date: unknown }).date).toEqual({ claims: [{ value: '2016-03-20', citations: [...articles, ...file] }, { value: '2016-03-27', citations: other }] });
    expect(conflicts).toEqual([]);
    expect(foldInto(once, election('2016-03-20', file))).toEqual(once);
    // A third day disagrees with both: a third claim.
    const third = foldInto(once, election('2016-03-21', file), conflicts).record as unknown as { date: { claims: { value: string }[] } };
    expect(third.date.claims.map((c) => c.value)).toEqual(['2016-03-20', '2016-03-27', '2016-03-21']);
    expect(conflicts).toEqual(['date: the graph has 2016-03-20, 2016-03-27, the file 2016-03-21; both are kept as claims, each with its citations']);
    // A conflict folded twice is the same record (a re-import changes nothing).
    const twice = foldInto(election('2016-03-20', articles), election('2016-03-27', file));
    expect(foldInto(twice, election('2016-03-27', file))).toEqual(twice);
  });

  it("keeps a membership's disagreeing date beside the graph's as a claim, takes a finer one, and says so; again, nothing changes", () => {
    const seed = [{ source: '004_501aa6378d191ed4.txt', quote: 'president between 1991 and 2019' }];
    const membership = (from: string, to: string, citations: { source: string }[]) =>
      ({ id: 'membership:nursultan-nazarbayev-president', person: 'person:nursultan-nazarbayev', organization: 'organization:presidency', role: 'president', from, to, citations }) as unknown as Parameters<typeof foldMembershipInto>[0];
    const conflicts: string[] = [];
    const once = foldMembershipInto(membership('1991', '2019', seed), membership('1990-04-24', '2019-03-20', file), conflicts);
    // The graph's date first (what `Membership.from` answers), cited by the stored membership; the file's cited by it.
    expect(once.from).toEqual({ claims: [{ value: '1991', citations: seed }, { value: '1990-04-24', citations: file }] });
    // 2019-03-20 only refines 2019: no dispute, the finer day is kept.
    expect(once.to).toBe('2019-03-20');
    expect(once.citations).toEqual([...seed, ...file]);
    expect(conflicts).toEqual(['from: the graph has 1991, the file 1990-04-24; both are kept as claims, each with its citations']);
    // Folding the same file's statement in again changes nothing.
    expect(foldMembershipInto(once, membership('1990-04-24', '2019-03-20', file))).toEqual(once);
    // A date the graph lacks is the file's; a different party is reported and the graph's kept.
    const partyConflicts: string[] = [];
    const seat = foldMembershipInto(
      { ...membership('2012', '2016', seed), to: undefined, onBehalfOf: 'party:amanat' },
      { ...membership('2012-01-20', '2016-01-20', file), onBehalfOf: 'party:ak-zhol' },
      partyConflicts,
    );
    expect([seat.from, seat.to, seat.onBehalfOf]).toEqual(['2012-01-20', '2016-01-20', 'party:amanat']);
    expect(partyConflicts).toEqual(["onBehalfOf: the graph has party:amanat, the file party:ak-zhol; the graph's value is kept"]);
  });

  it("keeps a term's disagreeing dates as claims of the term, each cited, and fills an end the graph lacks", () => {
    const legislature = (terms: unknown[], citations: unknown[]) =>
      ({ collection: 'organizations', record: { id: 'organization:mazhilis', name: 'Mazhilis', aliases: [], orgKind: 'LEGISLATURE', terms, citations } }) as unknown as CollectionRecord;
    const termFile = [{ source: 'source:popolo-0864de3054fac1f8', locator: '/events/1' }];
    const stored = legislature([{ key: '5', name: 'Fifth', from: '2012-01-20', citations: articles }], articles);
    const conflicts: string[] = [];
    const merged = foldInto(stored, legislature([{ key: '5', name: 'Fifth', from: '2012-01-15', to: '2016-01-20', citations: termFile }], file), conflicts);
    const term = (merged.record as unknown as { terms: { from: unknown; to: unknown; citations: unknown[] }[] }).terms[0]!;
    expect(term.from).toEqual({ claims: [{ value: '2012-01-20', citations: articles }, { value: '2012-01-15', citations: termFile }] });
    expect(term.to).toBe('2016-01-20');
    expect(term.citations).toEqual([...articles, ...termFile]);
    expect(conflicts).toEqual(['terms[5].from: the graph has 2012-01-20, the file 2012-01-15; both are kept as claims, each with its citations']);
    expect(foldInto(merged, legislature([{ key: '5', name: 'Fifth', from: '2012-01-15', to: '2016-01-20', citations: termFile }], file))).toEqual(merged);
  });

  it('adds the file\'s dated name and classifies the stored aliases; a predecessor\'s name is no alias', () => {
    const stored = {
      collection: 'parties',
      record: {
        id: 'party:amanat',
        name: 'Amanat',
        aliases: [{ name: 'Nur Otan', lang: 'en' }, { name: 'Отан', lang: 'ru' }],
        names: [{ name: 'Nur Otan', to: '2022', citations: articles }],
        citations: articles,
      },
    } as unknown as CollectionRecord;
    const incoming = {
      collection: 'parties',
      record: {
        id: 'party:nur-otan',
        name: 'Nur Otan',
        aliases: [{ name: 'Нур Отар', lang: 'ru', kind: 'MISSPELLING', citations: [{ source: file[0]!.source, locator: '/organizations/4/other_names/36' }] }],
        names: [{ name: 'Nur Otan', from: '2012-01-15', to: '2016-01-20', citations: [{ source: file[0]!.source, locator: '/organizations/4/name' }] }],
        predecessors: [{ name: 'Otan', names: ['Отан'], citations: [{ source: file[0]!.source, locator: '/organizations/4/other_names/41' }] }],
        citations: [{ source: file[0]!.source, locator: '/organizations/4' }],
      },
    } as unknown as CollectionRecord;
    const merged = foldInto(stored, incoming).record as unknown as {
      aliases: { name: string; kind?: string; citations?: { locator?: string }[] }[];
      names: { name: string; from?: string; to?: string }[];
      predecessors: { name: string }[];
    };
    expect(merged.names.map((n) => [n.name, n.from ?? null, n.to ?? null])).toEqual([
      ['Nur Otan', null, '2022'],
      ['Nur Otan', '2012-01-15', '2016-01-20'],
    ]);
    expect(merged.aliases.map((a) => [a.name, a.kind ?? null])).toEqual([
      ['Nur Otan', 'FORMER'],
      ['Нур Отар', 'MISSPELLING'],
    ]);
    expect(merged.aliases[0]!.citations?.map((c) => c.locator)).toEqual(['/organizations/4/name']);
    expect(merged.predecessors.map((p) => p.name)).toEqual(['Otan']);
    // Folding the same file in again changes nothing.
    expect(foldInto({ collection: 'parties', record: merged } as unknown as CollectionRecord, incoming).record).toEqual(merged);
  });
});
