// What a Popolo import keeps when it merges a file's record into a stored one (src/popolo/import.ts `foldInto`):
// the finer precision of a date both give, the stored value (and a note) where they disagree, the file's dated
// names beside the stored ones, and alias kinds and predecessors (issue 25, items 1, 2 and 4).
import { describe, expect, it } from 'vitest';
import type { CollectionRecord } from '../../src/dataset/from-graph.js';
import { foldInto } from '../../src/popolo/import.js';

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

  it('keeps the stored date where the two disagree, and says so', () => {
    const conflicts: string[] = [];
    const merged = foldInto(election('2016-03-20', articles), election('2016-03-27', file), conflicts).record as unknown as { date: string };
    expect(merged.date).toBe('2016-03-20');
    expect(conflicts).toEqual(['date: the graph has 2016-03-20, the file 2016-03-27; the graph\'s value is kept']);
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
