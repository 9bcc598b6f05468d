// bench/worked-queries.ts: the worked queries the round-trip test and the benchmark's analyst-mix both send are
// read from docs/api.md itself, and the one-per-root-field rule counts each aliased root field.
import { describe, expect, it } from 'vitest';
import { rootFields, workedQueries } from '../../bench/worked-queries.js';

describe('worked queries of docs/api.md', () => {
  it('reads every named ```graphql block of the guide, each name once, each a parseable operation', () => {
    const worked = workedQueries();
    expect(worked.length).toBeGreaterThanOrEqual(12);
    expect(new Set(worked.map((w) => w.name)).size).toBe(worked.length);
    for (const w of worked) expect(rootFields(w.query), w.name).toBeGreaterThan(0);
  });

  it('takes only blocks that start with a name, up to their closing fence', () => {
    const guide = ['```graphql\n# name: one\n{ person(id: "p") { name } }\n```', '```graphql\n{ unnamed }\n```', '```graphql\n# name: two\n{ a: search(query: "x") { score } b: search(query: "y") { score } __typename }\n```'].join('\n\ntext\n\n');
    const worked = workedQueries(guide);
    expect(worked.map((w) => w.name)).toEqual(['one', 'two']);
    expect(worked[0]!.query).toBe('{ person(id: "p") { name } }\n');
    // Aliases count as root fields each; __typename does not.
    expect(rootFields(worked[1]!.query)).toBe(2);
  });
});
