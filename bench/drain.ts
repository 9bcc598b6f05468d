// Between measurements: waiting until the system just measured is idle again, and the slowest probes of a shape.
// When autocannon stops, the requests it had in flight keep running in the server (and in Neo4j); a request that
// outlasts the measurement window would otherwise run on into the next system's measurement. bench/run.ts waits,
// after each warm-up and each measurement, until Neo4j runs no transaction but the check's own and a node lookup
// on the system answers about as fast as it did when the systems were idle, twice in a row, at most `limitMs`.

export interface IdleCheck {
  /** Latency of one tiny request to the system (ms), or null when it failed or timed out. */
  ping: () => Promise<number | null>;
  /** Transactions Neo4j is running besides the check's own, or null when that cannot be asked. */
  busyTransactions: () => Promise<number | null>;
  /** The ping's latency on the idle system (median of a few, taken before the first measurement). */
  baselineMs: number;
  /** Give up after this long (the result then says so). */
  limitMs: number;
  /** Pause between checks. */
  intervalMs?: number;
  /** Consecutive passing checks needed (a request between two of its queries may briefly show no transaction). */
  passesNeeded?: number;
}

export interface IdleResult {
  /** Wall time from the start of the wait until the system was idle (or the limit). */
  ms: number;
  timedOut: boolean;
  checks: number;
  /** What the last check saw. */
  lastPingMs: number | null;
  lastBusy: number | null;
}

/** A ping counts as idle up to twice the baseline or the baseline plus 10 ms, whichever is more (a shared machine is noisy). */
export function idleThresholdMs(baselineMs: number): number {
  return Math.max(2 * baselineMs, baselineMs + 10);
}

export async function waitUntilIdle(check: IdleCheck, now: () => number = () => performance.now()): Promise<IdleResult> {
  const started = now();
  const interval = check.intervalMs ?? 100;
  const needed = check.passesNeeded ?? 2;
  const threshold = idleThresholdMs(check.baselineMs);
  let passes = 0;
  let checks = 0;
  let lastPingMs: number | null = null;
  let lastBusy: number | null = null;
  for (;;) {
    checks += 1;
    lastBusy = await check.busyTransactions();
    lastPingMs = await check.ping();
    // An unanswerable transaction list (null) leaves the decision to the ping alone.
    const idle = (lastBusy === null || lastBusy === 0) && lastPingMs !== null && lastPingMs <= threshold;
    passes = idle ? passes + 1 : 0;
    const elapsed = now() - started;
    if (passes >= needed) return { ms: elapsed, timedOut: false, checks, lastPingMs, lastBusy };
    if (elapsed >= check.limitMs) return { ms: elapsed, timedOut: true, checks, lastPingMs, lastBusy };
    await new Promise((done) => setTimeout(done, interval));
  }
}

export interface ProbeTime {
  probe: string;
  ms: number;
}

/** The `count` slowest of a shape's probes (names and wall times in the same order), slowest first. */
export function slowestProbes(names: readonly string[], ms: readonly number[], count = 3): ProbeTime[] {
  return names
    .map((probe, i) => ({ probe, ms: Math.round((ms[i] ?? 0) * 10) / 10 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);
}
