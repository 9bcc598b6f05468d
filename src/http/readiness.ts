// `/ready`: 200 only while Neo4j answers and the migrations are done (and start-up has finished), else 503 with
// which part is missing. Each check is cut off so a probe always answers within a second.
import type { RequestHandler } from 'express';

/** What `/ready` reports: the app flips these as the database comes and goes. */
export interface Readiness {
  databaseReachable: () => Promise<boolean>;
  migrationsDone: () => boolean | Promise<boolean>;
}

/** Kubernetes' default probe timeout is 1 s. */
const CHECK_MS = 900;

/** The check's answer, or `fallback` when it throws or takes longer than `ms`. */
function within<T>(ms: number, check: () => T | Promise<T>, fallback: T): Promise<T> {
  return new Promise<T>((resolvePromise) => {
    const timer = setTimeout(() => resolvePromise(fallback), ms);
    Promise.resolve()
      .then(check)
      .then(resolvePromise, () => resolvePromise(fallback))
      .finally(() => clearTimeout(timer));
  });
}

export function readinessHandler(readiness: Readiness): RequestHandler {
  return async (_req, res) => {
    const [reachable, migrated] = await Promise.all([
      within(CHECK_MS, readiness.databaseReachable, false),
      within(CHECK_MS, readiness.migrationsDone, false),
    ]);
    res.status(reachable && migrated ? 200 : 503).json({ ready: reachable && migrated, database: reachable, migrations: migrated });
  };
}
