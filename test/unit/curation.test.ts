// The pure parts of curation: reading records back from what the graph stores (for every seed record), merging two
// records, ranking duplicates, and reading JSONL and CSV with the line of every problem.
import { describe, expect, it } from 'vitest';
import { readCsv, parseCsv } from '../../src/bulk/csv.js';
import { readJsonl } from '../../src/bulk/format.js';
import { rankDuplicates } from '../../src/curation/duplicates.js';
import { mergeRecords } from '../../src/curation/merge.js';
import { loadAndValidate } from '../../src/dataset/index.js';
import { recordFingerprints } from '../../src/dataset/fingerprint.js';
import { datasetOf, recordFromGraph, type CollectionRecord, type StoredNode, type StoredRecord } from '../../src/dataset/from-graph.js';
import { datasetKeys, type Dataset } from '../../src/dataset/schema.js';
import { datasetToGraph, entityLabels, factLabels, linkTypes, type GraphRows, type Props } from '../../src/dataset/to-graph.js';
import { validateDataset } from '../../src/dataset/validate.js';
import { projectValueExceptions, seedDirs } from '../../src/seed.js';

/** What Neo4j would hold for the rows: null properties are not stored at all. */
function stored(rows: GraphRows, id: string, labels: string[], props: Props): StoredNode {
  return {
    id,
    labels,
    props: Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null)),
    citations: rows.citations.filter((c) => c.owner === id).map((c) => ({ source: c.source, quote: c.quote, ord: c.ord })),
    links: linkTypes.flatMap((type) => rows.links[type].filter((l) => l.from === id).map((l) => ({ type, to: l.to }))),
    claims: rows.claimLinks
      .filter((l) => l.to === id)
      .map((l) => rows.claims.find((c) => c.id === l.from)!)
      .map((c) => ({ field: String(c.props.field), value: String(c.props.value), qualifier: (c.props.qualifier as string | null) ?? null, ord: Number(c.props.ord), citations: rows.citations.filter((x) => x.owner === c.id) })),
  };
}

function storedRecords(rows: GraphRows): StoredRecord[] {
  const facts = factLabels.flatMap((label) => rows.facts[label].map((f) => stored(rows, f.id, ['Fact', label], f.props)));
  const nestedOf = (id: string) => facts.filter((f) => f.id.startsWith(`${id}#`));
  return [
    ...rows.sources.map((s) => ({ node: stored(rows, s.id, ['Source'], s.props), nested: [] })),
    ...entityLabels.flatMap((label) => rows.entities[label].map((e) => ({ node: stored(rows, e.id, ['Entity', label], e.props), nested: nestedOf(e.id) }))),
    ...facts.filter((f) => !f.id.includes('#')).map((node) => ({ node, nested: nestedOf(node.id) })),
  ];
}

async function seed(): Promise<Dataset> {
  const { dataset } = await loadAndValidate(seedDirs);
  if (!dataset) throw new Error('seed invalid');
  return dataset;
}

describe('reading records back from the graph', () => {
  it('gives back, for every seed record, a record that writes exactly the same graph', async () => {
    const dataset = await seed();
    const rows = datasetToGraph(dataset);
    const back = storedRecords(rows).map((r) => recordFromGraph(r)!);
    const ids = datasetKeys.flatMap((k) => (dataset[k] as { id: string }[]).map((r) => r.id));
    expect(back.map((r) => r.record.id).sort()).toEqual([...ids].sort());
    // Valid by the dataset's own rules, with the exceptions every write path applies (the API and imports too)...
    const revalidated = validateDataset(
      {
        collections: Object.fromEntries(datasetKeys.map((k) => [k, back.filter((r) => r.collection === k).map((r, index) => ({ collection: k, index, value: r.record, file: 'x', line: null, node: null, doc: null, lineCounter: null }))])) as never,
        texts: new Map(),
        issues: [],
      },
      { requireSourceTexts: false, valueExceptions: await projectValueExceptions() },
    );
    expect(revalidated.issues).toEqual([]);
    // ...and writing them gives the very same rows, record by record.
    const again = datasetToGraph(datasetOf(back));
    const before = recordFingerprints(rows, ids);
    const after = recordFingerprints(again, ids);
    for (const id of ids) expect(after.get(id), id).toBe(before.get(id));
  });
});

describe('merging two records', () => {
  it('keeps the kept name, adds the dropped names as aliases, unions citations and appends nested facts renumbered', () => {
    const keep = { collection: 'parties', record: { id: 'party:a', name: 'Alpha', aliases: [{ name: 'Альфа' }], citations: [{ source: 's.txt', quote: 'quote one here' }], names: [{ name: 'Alpha', citations: [{ source: 's.txt', quote: 'quote one here' }] }] } } as unknown as CollectionRecord;
    const drop = {
      collection: 'parties',
      record: { id: 'party:b', name: 'Alfa', aliases: [{ name: 'Альфа' }, { name: 'ALFA', lang: 'en' }], description: 'from b', status: 'REGISTERED', citations: [{ source: 's.txt', quote: 'quote one here' }, { source: 's.txt', quote: 'quote two here' }], names: [{ name: 'Alfa', from: '2020', citations: [{ source: 's.txt', quote: 'quote two here' }] }] },
    } as unknown as CollectionRecord;
    const { merged, renumbered } = mergeRecords(keep, drop);
    expect(merged.record).toMatchObject({
      id: 'party:a',
      name: 'Alpha',
      aliases: [{ name: 'Альфа' }, { name: 'Alfa' }, { name: 'ALFA', lang: 'en' }],
      description: 'from b',
      status: 'REGISTERED',
      citations: [{ quote: 'quote one here' }, { quote: 'quote two here' }],
      names: [{ name: 'Alpha' }, { name: 'Alfa', from: '2020' }],
    });
    expect(renumbered).toEqual([{ from: 'party:b#name#1', to: 'party:a#name#2' }]);
  });
});

describe('duplicate candidates', () => {
  it('ranks transliteration variants first, raised by shared relations, and ignores unrelated names', () => {
    const ranked = rankDuplicates(
      [
        { id: 'person:a', kind: 'PERSON', names: ['Kassym-Jomart Tokayev'], neighbours: ['party:amanat', 'organization:presidency'] },
        { id: 'person:b', kind: 'PERSON', names: ['Касым-Жомарт Токаев'], neighbours: ['party:amanat', 'organization:presidency'] },
        { id: 'person:c', kind: 'PERSON', names: ['Qasym-Jomart Toqaev'], neighbours: [] },
        { id: 'person:d', kind: 'PERSON', names: ['Zhanbolat Mamai'], neighbours: ['party:amanat'] },
        { id: 'person:e', kind: 'PERSON', names: ['Inga Imanbai'], neighbours: [] },
      ],
      10,
    );
    expect(ranked[0]).toMatchObject({ entityId: 'person:a', duplicateId: 'person:b', sharedRelations: 2 });
    expect(ranked.map((r) => `${r.entityId} ${r.duplicateId}`)).toEqual(['person:a person:b', 'person:a person:c', 'person:b person:c']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });
});

describe('reading bulk files', () => {
  it('JSONL: every record with its line; bad lines are issues, never records', () => {
    const text = [
      JSON.stringify({ collection: 'people', record: { id: 'person:a', name: 'A' } }),
      '',
      '{"collection": "people", "record": ',
      JSON.stringify({ collection: 'planets', record: {} }),
      JSON.stringify({ collection: 'retractions', record: { fact: 'membership:x', reason: 'r', actor: 'a', at: '2024-01-01T00:00:00Z' } }),
      JSON.stringify({ collection: 'people', record: { id: 'person:b', name: 'B' }, extra: 1 }),
    ].join('\r\n');
    const file = readJsonl(text, 'f.jsonl');
    expect(file.lines).toBe(5);
    expect(file.loaded.collections.people.map((r) => [r.line, (r.value as { id: string }).id])).toEqual([[1, 'person:a']]);
    expect(file.curation.map((c) => [c.collection, c.line])).toEqual([['retractions', 5]]);
    expect(file.loaded.issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'SYNTAX'],
      [4, 'SYNTAX'],
      [6, 'SYNTAX'],
    ]);
  });

  it('CSV: quoted cells with commas, quotes and line breaks; rows keep their first line', () => {
    const { rows, error } = parseCsv('a,b\r\n"x, ""y""",2\n"multi\nline",3\n\n');
    expect(error).toBeNull();
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', '2'] },
      { line: 3, cells: ['multi\nline', '3'] },
    ]);
    expect(parseCsv('a\n"never closed\n').error).toEqual({ line: 2, message: 'a quoted cell is never closed' });
    const file = readCsv('id,name,aliases,number,source,quote,source2,quote2\ndistrict:d,D,D1|D2,7,s.txt,first quote,s.txt,second quote\ndistrict:e,E\n', 'd.csv', 'districts');
    expect(file.loaded.collections.districts[0]!.value).toEqual({
      id: 'district:d',
      name: 'D',
      aliases: [{ name: 'D1' }, { name: 'D2' }],
      number: 7,
      citations: [
        { source: 's.txt', quote: 'first quote' },
        { source: 's.txt', quote: 'second quote' },
      ],
    });
    expect(file.loaded.issues.map((i) => [i.line, i.message])).toEqual([[3, 'the row has 2 cells; the header has 8']]);
  });
});
