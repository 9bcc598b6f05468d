// A merge of parties keeps both parties' predecessors and successors, joins entries that now name one party, and
// turns an entry naming the kept party itself into its former names (src/curation/merge.ts). Pure, no database.
import { describe, expect, it } from 'vitest';
import type { CollectionRecord } from '../../src/dataset/from-graph.js';
import { joinLineage, mergeRecords } from '../../src/curation/merge.js';
import { replaceReferences } from '../../src/curation/engine.js';

const a = [{ source: 'a.txt', quote: 'A' }];
const b = [{ source: 'b.txt', quote: 'B' }];
const party = (id: string, name: string, extra: Record<string, unknown> = {}) =>
  ({ collection: 'parties', record: { id, name, aliases: [], names: [], citations: a, ...extra } }) as unknown as CollectionRecord;

describe('lineage in merges', () => {
  it('rewrites a dependant party that named the dropped party, joining it with an entry naming the kept one', () => {
    const dependant = party('party:amanat', 'Amanat', {
      predecessors: [
        { name: 'Otan', party: 'party:otan-dup', citations: a },
        { name: 'Otan party', names: ['Отан'], party: 'party:otan', date: '1999', citations: b },
      ],
    });
    const after = replaceReferences(dependant, new Map([['party:otan-dup', 'party:otan']]));
    joinLineage(after.record);
    expect((after.record as unknown as { predecessors: unknown }).predecessors).toEqual([{ name: 'Otan', names: ['Otan party', 'Отан'], party: 'party:otan', date: '1999', citations: [...a, ...b] }]);
  });

  it("keeps both parties' lineage; an entry naming the kept party itself becomes its former names", () => {
    const toKeep = new Map([['party:otan', 'party:nur-otan']]);
    const keep = party('party:nur-otan', 'Nur Otan', { successors: [{ name: 'Amanat', party: 'party:amanat', date: '2022', citations: a }] });
    // Otan, merged into Nur Otan: its successor is Nur Otan itself, and it had a predecessor of its own.
    const drop = party('party:otan', 'Otan', {
      aliases: [{ name: 'Отан', lang: 'ru' }],
      successors: [{ name: 'Nur Otan', names: ['Нур Отан'], party: 'party:nur-otan', date: '2006', citations: b }],
      predecessors: [{ name: 'Union of People\'s Unity', citations: b }],
    });
    const { merged } = mergeRecords(replaceReferences(keep, toKeep), replaceReferences(drop, toKeep));
    const r = merged.record as unknown as { aliases: { name: string; kind?: string }[]; successors: unknown[]; predecessors: unknown[] };
    expect(r.successors).toEqual([{ name: 'Amanat', party: 'party:amanat', date: '2022', citations: a }]);
    expect(r.predecessors).toEqual([{ name: "Union of People's Unity", citations: b }]);
    expect(r.aliases.map((x) => [x.name, x.kind])).toEqual([
      ['Otan', undefined],
      ['Отан', undefined],
      ['Нур Отан', 'FORMER'],
    ]);
    expect(JSON.stringify(r)).not.toContain('party:otan"');
  });
});
