// Duplicate detection measured on a labelled set (test/fixtures/duplicates-eval.json, built from the seed and
// EveryPolitician's Mazhilis file by test/fixtures/make-duplicates-eval.ts): the precision and recall of the
// candidate list that `duplicateCandidates` would give over those records. docs/curation.md quotes the figures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rankDuplicates, type ResolutionInput } from '../../src/curation/duplicates.js';

interface EvalSet {
  records: (ResolutionInput & { from: string })[];
  pairs: { a: string; b: string; label: 'same' | 'different' | 'unknown'; note: string }[];
}

const evalSet = JSON.parse(readFileSync(new URL('../fixtures/duplicates-eval.json', import.meta.url), 'utf8')) as EvalSet;
const key = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

function measure(): { proposed: number; truePositives: number; falsePositives: string[]; missed: string[]; precision: number; recall: number } {
  const candidates = rankDuplicates(evalSet.records, 100_000);
  const same = new Set(evalSet.pairs.filter((p) => p.label === 'same').map((p) => key(p.a, p.b)));
  const unknown = new Set(evalSet.pairs.filter((p) => p.label === 'unknown').map((p) => key(p.a, p.b)));
  const counted = candidates.map((c) => key(c.entityId, c.duplicateId)).filter((k) => !unknown.has(k));
  const hits = counted.filter((k) => same.has(k));
  const found = new Set(hits);
  return {
    proposed: counted.length,
    truePositives: hits.length,
    falsePositives: counted.filter((k) => !same.has(k)),
    missed: [...same].filter((k) => !found.has(k)),
    precision: counted.length === 0 ? 0 : hits.length / counted.length,
    recall: hits.length / same.size,
  };
}

describe('duplicate detection on the labelled set', () => {
  it('has records whose every name is written in the source it cites', () => {
    const texts = new Map<string, string>();
    const text = (path: string) => texts.get(path) ?? texts.set(path, readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8').toLowerCase()).get(path)!;
    for (const r of evalSet.records) {
      const [path] = r.from.split('#') as [string];
      // The English list's "SURNAME Given" is stored as "Given Surname" (displayNameOf): both words are in the file.
      for (const name of r.names) for (const word of name.split(' ')) expect(text(path).includes(word.toLowerCase()), `${r.id}: ${word}`).toBe(true);
    }
    expect(evalSet.pairs.filter((p) => p.label === 'same').length).toBeGreaterThanOrEqual(100);
  });

  it('finds the same people and proposes few others (precision and recall as docs/curation.md states)', () => {
    const m = measure();
    console.log(`duplicates eval: ${m.proposed} proposed, ${m.truePositives} right, precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)}`);
    console.log('false positives', m.falsePositives.map((k) => k.replace('\n', ' ~ ')));
    console.log('missed', m.missed.map((k) => k.replace('\n', ' ~ ')));
    expect(m.precision).toBeGreaterThanOrEqual(0.95);
    expect(m.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('never proposes a pair labelled different', () => {
    const candidates = new Set(rankDuplicates(evalSet.records, 100_000).map((c) => key(c.entityId, c.duplicateId)));
    for (const p of evalSet.pairs.filter((x) => x.label === 'different')) expect(candidates.has(key(p.a, p.b)), p.note).toBe(false);
  });
});
