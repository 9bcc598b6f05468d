// Import transactions sized by the memory they need: rows packed up to a byte budget in order, and the database's
// transaction memory setting read as bytes.
import { describe, expect, it } from 'vitest';
import { packByMemory, parseMemorySetting, ROW_BYTES, rowBytes } from '../../src/repositories/bulk-repository.js';

const rows = (n: number, size = 10) => Array.from({ length: n }, (_, i) => ({ id: `x:${String(i).padStart(5, '0')}`, text: 'a'.repeat(size) }));

describe('packByMemory', () => {
  it('fills each transaction up to the budget, keeps the order and loses no row', () => {
    const steps = [{ name: 'a', rows: rows(25) }, { name: 'b', rows: rows(7) }];
    const budget = 10 * rowBytes(steps[0]!.rows[0]);
    const packed = packByMemory(steps, budget);
    expect(packed.map((t) => t.reduce((n, p) => n + p.rows.length, 0))).toEqual([10, 10, 10, 2]);
    // The third transaction ends step a and begins step b: a step's rows may span transactions.
    expect(packed[2]!.map((p) => [p.step.name, p.rows.length])).toEqual([['a', 5], ['b', 5]]);
    expect(packed.flatMap((t) => t.flatMap((p) => p.rows))).toEqual([...steps[0]!.rows, ...steps[1]!.rows]);
    for (const t of packed) expect(t.reduce((n, p) => n + p.rows.reduce((m: number, r) => m + rowBytes(r), 0), 0)).toBeLessThanOrEqual(budget);
  });

  it('sizes by bytes, not rows: large rows make small transactions', () => {
    const budget = 100_000;
    const small = packByMemory([{ rows: rows(1_000, 10) }], budget);
    const large = packByMemory([{ rows: rows(1_000, 10_000) }], budget);
    expect(small.length).toBeLessThan(large.length);
    expect(large[0]!.reduce((n, p) => n + p.rows.length, 0)).toBe(Math.floor(budget / rowBytes(rows(1, 10_000)[0])));
  });

  it('gives a row larger than the budget a transaction of its own, and honours a row cap', () => {
    const packed = packByMemory([{ rows: rows(3, 100_000) }], 1_000);
    expect(packed.map((t) => t[0]!.rows.length)).toEqual([1, 1, 1]);
    expect(packByMemory([{ rows: rows(10) }], Number.POSITIVE_INFINITY, 4).map((t) => t[0]!.rows.length)).toEqual([4, 4, 2]);
    expect(packByMemory([{ rows: [] }], 1_000)).toEqual([]);
  });

  it('counts a row as its fixed cost plus twice its JSON', () => {
    expect(rowBytes({ a: 'bc' })).toBe(ROW_BYTES + 2 * JSON.stringify({ a: 'bc' }).length);
  });
});

describe('parseMemorySetting', () => {
  it('reads the forms Neo4j and the app write', () => {
    expect(parseMemorySetting('256.00MiB')).toBe(256 * 1024 * 1024);
    expect(parseMemorySetting('256m')).toBe(256 * 1024 * 1024);
    expect(parseMemorySetting('1g')).toBe(1024 ** 3);
    expect(parseMemorySetting('268435456')).toBe(268435456);
    expect(parseMemorySetting('0B')).toBeNull();
    expect(parseMemorySetting('lots')).toBeNull();
  });
});
