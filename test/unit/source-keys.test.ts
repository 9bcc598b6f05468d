// The keys two writers of one document lock (addSource and an import: src/repositories/source-repository.ts) and
// what the import CLI says of the file's sources it recognised as documents already held.
import { describe, expect, it } from 'vitest';
import { describeSameSources } from '../../src/bulk/import.js';
import { documentMatch } from '../../src/domain/source-identity.js';
import { sourceKeys } from '../../src/repositories/source-repository.js';

describe('source keys', () => {
  it('one document gives the same keys however its URL is spelt, so addSource and an import lock the same nodes', () => {
    const text = 'Aigerim Racebekova was named deputy head of the regional office.';
    const a = sourceKeys(documentMatch({ url: 'https://example.org/race/1', text }));
    const b = sourceKeys(documentMatch({ url: 'https://EXAMPLE.org/race/1?utm_source=feed#top', text }));
    expect(a).toEqual(b);
    expect(a).toHaveLength(2);
    // Sorted: every writer takes them in one order (no two transactions wait on each other's second key).
    expect([...a].sort()).toEqual(a);
    expect(a.filter((k) => k.startsWith('text:'))).toEqual(sourceKeys(documentMatch({ text })));
  });

  it('a document of another text, or with no URL and no text, shares no key', () => {
    const one = sourceKeys(documentMatch({ url: 'https://example.org/race/1', text: 'one text of the article' }));
    const other = sourceKeys(documentMatch({ url: 'https://example.org/race/2', text: 'another text of the article' }));
    expect(one.filter((k) => other.includes(k))).toEqual([]);
    expect(sourceKeys(documentMatch({}))).toEqual([]);
  });
});

describe('describeSameSources', () => {
  it('names the file and line of each recognised source and the id it is kept as, stored or earlier in the file', () => {
    const lines = describeSameSources(
      {
        sameSources: [
          { id: 'source:copy', as: 'source:stored', stored: true, file: '/data/in/people.jsonl', line: 1, path: 'sources[0].url' },
          { id: 'source:again', as: 'source:first', stored: false, file: '/data/in/people.jsonl', line: 4, path: 'sources[3].url' },
          { id: 'source:popolo', as: 'source:dataset', stored: true, file: '/elsewhere/x.json', line: null, path: 'sources[0].url' },
        ],
      },
      '/data',
    );
    expect(lines).toEqual([
      'in/people.jsonl:1 source:copy is source:stored, stored already',
      'in/people.jsonl:4 source:again is source:first, given earlier in the file',
      '../elsewhere/x.json source:popolo is source:dataset, stored already',
    ]);
    expect(describeSameSources({ sameSources: [] })).toEqual([]);
  });
});
