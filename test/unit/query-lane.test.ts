// The expensive operations' query lane (src/neo4j/database.ts QueryLane): at most `concurrency` queries in Neo4j at
// once across all requests queued in it, turns given in arrival order, and every turn given back exactly once.
import { describe, expect, it } from 'vitest';
import { QueryLane } from '../../src/neo4j/database.js';

describe('QueryLane', () => {
  it('lets at most `concurrency` in at once and passes turns on in arrival order', async () => {
    const lane = new QueryLane(1);
    const order: string[] = [];
    let inside = 0;
    let most = 0;
    const query = async (name: string) => {
      const leave = await lane.enter();
      inside += 1;
      most = Math.max(most, inside);
      order.push(name);
      await new Promise((r) => setTimeout(r, 5));
      inside -= 1;
      leave();
    };
    await Promise.all(['a', 'b', 'c', 'd'].map(query));
    expect(most).toBe(1);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(lane.load).toEqual({ running: 0, waiting: 0 });
  });

  it('runs up to `concurrency` side by side', async () => {
    const lane = new QueryLane(2);
    const first = await lane.enter();
    const second = await lane.enter();
    expect(lane.load).toEqual({ running: 2, waiting: 0 });
    let thirdIn = false;
    const third = lane.enter().then((leave) => {
      thirdIn = true;
      return leave;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(thirdIn).toBe(false);
    expect(lane.load.waiting).toBe(1);
    first();
    (await third)();
    second();
    expect(lane.load).toEqual({ running: 0, waiting: 0 });
  });

  it('counts a turn given back twice once', async () => {
    const lane = new QueryLane(1);
    const leave = await lane.enter();
    leave();
    leave();
    expect(lane.load).toEqual({ running: 0, waiting: 0 });
    const again = await lane.enter();
    expect(lane.load.running).toBe(1);
    again();
  });

  it('lets other work in between turns (a turn starts after pending I/O callbacks)', async () => {
    const lane = new QueryLane(1);
    const seen: string[] = [];
    const leave = await lane.enter();
    const next = lane.enter().then((l) => {
      seen.push('turn');
      return l;
    });
    setImmediate(() => seen.push('io'));
    leave();
    (await next)();
    expect(seen).toEqual(['io', 'turn']);
  });
});

describe('QueryLane pacing', () => {
  it('rests a slot `pace` times as long as the turn that held it before the next turn', async () => {
    const lane = new QueryLane(1, 1);
    const leave = await lane.enter();
    const held = performance.now();
    await new Promise((r) => setTimeout(r, 30));
    let nextAt = 0;
    const next = lane.enter().then((l) => {
      nextAt = performance.now();
      return l;
    });
    leave();
    const leaveAt = performance.now();
    (await next)();
    // The turn lasted ~30 ms: the next one began no sooner than ~30 ms after it was given back.
    expect(nextAt - leaveAt).toBeGreaterThanOrEqual((leaveAt - held) * 0.9);
  });
});
