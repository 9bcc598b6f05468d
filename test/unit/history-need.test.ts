// The planner's `history` need (src/repositories/prefetch-repository.ts): the audit trail of a planned record
// read in its plan's query, in the history loader's order, and primed under the record's id.
import { describe, expect, it } from 'vitest';
import { wholeRecords } from '../../src/repositories/fragments.js';
import { compilePlan, primesOf, type PrefetchPlan } from '../../src/repositories/prefetch-repository.js';

const plan: PrefetchPlan = [{ need: { kind: 'history' }, children: [] }];

describe('the history need', () => {
  it('reads the record’s changes through CHANGED, in commit order (as historyOf does)', () => {
    const { cypher, params } = compilePlan('n', plan, wholeRecords);
    expect(cypher.replace(/\s+/g, ' ')).toMatchInlineSnapshot(`"{n0: COLLECT { MATCH (n)<-[h_0:CHANGED]-(c_1:Change) WITH h_0, c_1 ORDER BY h_0.seq, c_1.at, c_1.id RETURN c_1 {.*} }}"`);
    expect(params).toEqual({});
  });

  it('primes the history loader under the owner’s id with parsed changes (absent properties as null)', () => {
    const change = { id: 'change:1', at: '2026-01-01T00:00:00.000Z', actor: 'alice', operation: 'upsertPerson', targetId: 'person:x', after: '{}', seq: 1 };
    expect(primesOf({ id: 'person:x' }, { n0: [change] }, plan)).toEqual([
      { loader: 'history', key: 'person:x', value: [{ id: 'change:1', at: change.at, actor: 'alice', operation: 'upsertPerson', targetId: 'person:x', before: null, after: '{}', reason: null }] },
    ]);
  });

  it('primes an empty trail too, so the resolver sends no query for a record never changed', () => {
    expect(primesOf({ id: 'person:y' }, { n0: [] }, plan)).toEqual([{ loader: 'history', key: 'person:y', value: [] }]);
  });
});
