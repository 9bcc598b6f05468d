// Watching what each system sends to Neo4j: a driver wrapper that records every query (Cypher and parameters)
// however it is sent — executeQuery, session.run, or a transaction's run inside executeRead/executeWrite — and
// PROFILE of the recorded queries, summing db hits over the plan. The same wrapper sits under all three systems.
import neo4j, { type Driver, type ProfiledPlan } from 'neo4j-driver';

export interface CapturedQuery {
  cypher: string;
  params: Record<string, unknown>;
}

/** Counts every query; while recording, keeps them too (one probe request at a time). */
export class QueryCapture {
  total = 0;
  private recorded: CapturedQuery[] | null = null;

  record(cypher: string, params: unknown): void {
    this.total += 1;
    this.recorded?.push({ cypher, params: (params ?? {}) as Record<string, unknown> });
  }

  start(): void {
    this.recorded = [];
  }

  stop(): CapturedQuery[] {
    const out = this.recorded ?? [];
    this.recorded = null;
    return out;
  }
}

type AnyFunction = (...args: unknown[]) => unknown;

function isFunction(value: unknown): value is AnyFunction {
  return typeof value === 'function';
}

/** Wraps anything with `run` (session, transaction) and the managed-transaction helpers that hand one out. */
function wrapRunner<T extends object>(target: T, capture: QueryCapture): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value: unknown = Reflect.get(obj, prop, obj);
      if (!isFunction(value)) return value;
      if (prop === 'run') {
        return (cypher: unknown, params?: unknown, ...rest: unknown[]) => {
          capture.record(String(cypher), params);
          return value.call(obj, cypher, params, ...rest);
        };
      }
      if (prop === 'executeRead' || prop === 'executeWrite') {
        return (work: unknown, ...rest: unknown[]) =>
          value.call(obj, (tx: object) => (isFunction(work) ? work(wrapRunner(tx, capture)) : undefined), ...rest);
      }
      if (prop === 'beginTransaction') {
        return (...args: unknown[]) => wrapRunner(value.apply(obj, args) as object, capture);
      }
      return value.bind(obj);
    },
  });
}

/** The driver, with every query it runs recorded in `capture`. */
export function instrumentDriver(driver: Driver, capture: QueryCapture): Driver {
  return new Proxy(driver, {
    get(obj, prop) {
      const value: unknown = Reflect.get(obj, prop, obj);
      if (!isFunction(value)) return value;
      if (prop === 'session') return (...args: unknown[]) => wrapRunner(value.apply(obj, args) as object, capture);
      if (prop === 'executeQuery') {
        return (cypher: unknown, params?: unknown, ...rest: unknown[]) => {
          capture.record(String(cypher), params);
          return value.call(obj, cypher, params, ...rest);
        };
      }
      return value.bind(obj);
    },
  });
}

function sumDbHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((n, child) => n + sumDbHits(child), 0);
}

/** `PROFILE` goes after any `CYPHER ...` pre-parser line (@neo4j/graphql starts its queries with `CYPHER 5`). */
export function withProfile(cypher: string): string {
  const match = /^\s*(CYPHER\b[^\n]*\n)/i.exec(cypher);
  return match ? `${match[1]}PROFILE ${cypher.slice(match[0].length)}` : `PROFILE ${cypher}`;
}

/** Total db hits of the queries, each profiled once with the parameters it was sent with. */
export async function profileDbHits(driver: Driver, queries: readonly CapturedQuery[]): Promise<number> {
  let total = 0;
  for (const q of queries) {
    const result = await driver.executeQuery(withProfile(q.cypher), q.params, { routing: neo4j.routing.READ });
    const profile = result.summary.profile;
    if (profile) total += sumDbHits(profile);
  }
  return total;
}
