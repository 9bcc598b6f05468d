// The benchmark's data generator (bench/generate.ts): the same seed gives the same network byte for byte,
// another seed another one, and what it generates passes the product's own dataset validator — so the
// benchmark loads data the product would accept. Uses the tiny scale to stay fast.
import { describe, expect, it } from 'vitest';
import { loadedFromChunk } from '../../bench/dataset-io.js';
import { mulberry32, NetworkGenerator, summarize, type DatasetChunk } from '../../bench/generate.js';
import { formatIssue, validateDataset } from '../../src/dataset/validate.js';
import { datasetToGraph } from '../../src/dataset/to-graph.js';
import { foldName } from '../../src/search/fold.js';

function wholeDataset(generator: NetworkGenerator): DatasetChunk {
  const all: Record<string, unknown[]> = {};
  for (const chunk of generator.chunks()) {
    for (const [key, list] of Object.entries(chunk)) (all[key] ??= []).push(...list);
  }
  return all;
}

describe('bench generator', () => {
  it('mulberry32 is a pure function of its seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('gives the same checksum for the same seed and another for another seed', () => {
    const one = summarize({ scale: 'tiny', seed: 42 });
    const again = summarize({ scale: 'tiny', seed: 42 });
    const other = summarize({ scale: 'tiny', seed: 43 });
    expect(again.checksum).toBe(one.checksum);
    expect(again.records).toEqual(one.records);
    expect(other.checksum).not.toBe(one.checksum);
    expect(one.totalRecords).toBeGreaterThan(300);
  });

  it('generates a dataset the product validator accepts, with every kind of record', () => {
    const generator = new NetworkGenerator({ scale: 'tiny', seed: 42, collectTexts: true });
    const chunk = wholeDataset(generator);
    const { dataset, issues } = validateDataset(loadedFromChunk(chunk, generator.sourceTexts()));
    expect(issues.map(formatIssue)).toEqual([]);
    expect(dataset).not.toBeNull();
    for (const key of ['sources', 'people', 'parties', 'organizations', 'places', 'districts', 'elections', 'courtCases', 'events', 'memberships', 'candidacies', 'partyResults', 'familyTies'] as const) {
      expect(dataset![key].length, key).toBeGreaterThan(0);
    }
    // The graph it becomes has disputed values (claims) and derived relationships.
    const rows = datasetToGraph(dataset!);
    expect(rows.claims.length).toBeGreaterThan(0);
    expect(rows.relations.MEMBER_OF.length).toBeGreaterThan(0);
  });

  it('gives people spelling variants, Cyrillic included, that fold to the same search key', () => {
    const chunk = wholeDataset(new NetworkGenerator({ scale: 'tiny', seed: 42 }));
    const people = chunk.people ?? [];
    expect(people.every((p) => p.aliases.some((a) => a.script === 'Cyrl' && /[\u0400-\u04FF]/.test(a.name)))).toBe(true);
    const surnameKey = (name: string) => foldName(name).split(' ').pop();
    const agreeing = people.filter((p) => p.aliases.filter((a) => a.script === 'Cyrl').every((a) => surnameKey(a.name) === surnameKey(p.name)));
    // Kazakh-form names (Tleuzhan for Tleuzhanov) fold alike too; a handful may differ in a soft sign or so.
    expect(agreeing.length / people.length).toBeGreaterThan(0.8);
  });

  it('gives memberships a heavy-tailed degree: a few bodies have far more members than the median', () => {
    const chunk = wholeDataset(new NetworkGenerator({ scale: 'small', seed: 42 }));
    const degree = new Map<string, number>();
    for (const m of chunk.memberships ?? []) degree.set(m.organization, (degree.get(m.organization) ?? 0) + 1);
    const sorted = [...degree.values()].sort((a, b) => b - a);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(sorted[0]!).toBeGreaterThan(10 * median);
  });
});
