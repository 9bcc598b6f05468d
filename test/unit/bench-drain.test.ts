// The benchmark waits, between measurements, until the system just measured is idle again (bench/drain.ts): no
// transaction left in Neo4j and a node lookup back near its idle latency, twice in a row, within a bound. These
// tests drive the wait with scripted checks and a scripted clock; nothing here starts a database.
import { describe, expect, it } from 'vitest';
import { idleThresholdMs, slowestProbes, waitUntilIdle } from '../../bench/drain.js';

/** Checks answering from scripts, one entry per check; a clock advancing 1 000 ms per check. */
function scripted(busy: (number | null)[], pings: (number | null)[]) {
  let i = 0;
  let clock = 0;
  return {
    check: {
      busyTransactions: () => Promise.resolve(busy[Math.min(i, busy.length - 1)]!),
      ping: () => {
        const value = pings[Math.min(i, pings.length - 1)]!;
        i += 1;
        clock += 1_000;
        return Promise.resolve(value);
      },
      baselineMs: 4,
      intervalMs: 0,
    },
    now: () => clock,
  };
}

describe('bench: waiting for an idle system', () => {
  it('counts a ping as idle up to twice the baseline or the baseline plus 10 ms', () => {
    expect(idleThresholdMs(4)).toBe(14);
    expect(idleThresholdMs(30)).toBe(60);
  });

  it('waits while a transaction is still running and returns after two idle checks in a row', async () => {
    const { check, now } = scripted([1, 1, 1, 0, 0], [5, 5, 5, 5, 5]);
    const r = await waitUntilIdle({ ...check, limitMs: 90_000 }, now);
    expect(r).toEqual({ ms: 5_000, timedOut: false, checks: 5, lastPingMs: 5, lastBusy: 0 });
  });

  it('starts counting again when a slow ping follows an idle check', async () => {
    const { check, now } = scripted([0], [5, 200, 5, 5]);
    const r = await waitUntilIdle({ ...check, limitMs: 90_000 }, now);
    expect(r.checks).toBe(4);
    expect(r.timedOut).toBe(false);
  });

  it('treats a failed ping as busy and says when it gave up at the bound', async () => {
    const { check, now } = scripted([0], [null]);
    const r = await waitUntilIdle({ ...check, limitMs: 3_000 }, now);
    expect(r).toEqual({ ms: 3_000, timedOut: true, checks: 3, lastPingMs: null, lastBusy: 0 });
  });

  it('decides by the ping alone when the transaction list cannot be read', async () => {
    const { check, now } = scripted([null], [5]);
    const r = await waitUntilIdle({ ...check, limitMs: 90_000 }, now);
    expect(r).toMatchObject({ timedOut: false, checks: 2, lastBusy: null });
  });
});

describe('bench: slowest probes', () => {
  it('lists the slowest first, with their names, at most the count asked', () => {
    expect(slowestProbes(['a', 'b', 'c', 'd'], [12.34, 4000.06, 7, 150], 3)).toEqual([
      { probe: 'b', ms: 4000.1 },
      { probe: 'd', ms: 150 },
      { probe: 'a', ms: 12.3 },
    ]);
    expect(slowestProbes(['only'], [1])).toEqual([{ probe: 'only', ms: 1 }]);
  });
});
