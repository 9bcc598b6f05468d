// The gate of expensive operations (src/cost/admission.ts): a cap, a bounded FIFO queue, a bounded wait.
import { describe, expect, it } from 'vitest';
import { AdmissionGate, AdmissionRefused } from '../../src/cost/admission.js';

describe('AdmissionGate', () => {
  it('admits up to the cap at once; the next waits and is admitted, first come first served, when a slot frees', async () => {
    const gate = new AdmissionGate({ concurrency: 1, queueLength: 4, maxWaitMs: 5_000 });
    const first = await gate.acquire();
    const order: string[] = [];
    const second = gate.acquire().then((release) => (order.push('second'), release));
    const third = gate.acquire().then((release) => (order.push('third'), release));
    expect(gate.load).toEqual({ running: 1, waiting: 2 });
    first();
    first(); // releasing twice frees one slot only
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once when the queue is full, and after the longest wait otherwise', async () => {
    const gate = new AdmissionGate({ concurrency: 1, queueLength: 1, maxWaitMs: 50 });
    const held = await gate.acquire();
    const waiting = gate.acquire();
    await expect(gate.acquire()).rejects.toMatchObject({ reason: 'queueFull', retryAfterSeconds: 1 });
    await expect(waiting).rejects.toBeInstanceOf(AdmissionRefused);
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
    held();
    (await gate.acquire())();
  });
});
