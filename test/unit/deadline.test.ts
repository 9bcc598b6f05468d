// The per-operation time budget every database query of a GraphQL operation shares (src/neo4j/database.ts).
import { describe, expect, it } from 'vitest';
import { DeadlineExceededError, OperationDeadline } from '../../src/neo4j/database.js';

describe('OperationDeadline', () => {
  it('is unlimited until started: queries get the default transaction timeout', async () => {
    const deadline = new OperationDeadline();
    expect(deadline.started).toBe(false);
    expect(deadline.timeoutFor(30_000)).toBe(30_000);
    await expect(deadline.race(Promise.resolve('answer'))).resolves.toBe('answer');
  });

  it('gives a query no more than what is left of the budget', () => {
    const deadline = new OperationDeadline();
    deadline.start(10_000);
    const timeout = deadline.timeoutFor(30_000);
    expect(timeout).toBeGreaterThan(0);
    expect(timeout).toBeLessThanOrEqual(10_000);
    expect(deadline.timeoutFor(500)).toBe(500);
  });

  it('refuses a query once the budget is spent', () => {
    const deadline = new OperationDeadline();
    deadline.start(0);
    expect(() => deadline.timeoutFor(30_000)).toThrow(DeadlineExceededError);
  });

  it('stops waiting for an answer that never comes, shortly after the deadline', async () => {
    const deadline = new OperationDeadline();
    deadline.start(0);
    await expect(deadline.race(new Promise(() => undefined))).rejects.toThrow(DeadlineExceededError);
  });

  it('passes answers and failures through before the deadline', async () => {
    const deadline = new OperationDeadline();
    deadline.start(60_000);
    await expect(deadline.race(Promise.resolve(42))).resolves.toBe(42);
    await expect(deadline.race(Promise.reject(new Error('syntax error')))).rejects.toThrow('syntax error');
  });
});
