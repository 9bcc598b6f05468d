// `/ready`: 200 only while Neo4j answers and the migrations are done (and start-up has finished), else 503 with
// which part is missing. Each check is cut off so a probe always answers within a second. And the start-up
// gate: until start-up has finished, the API routes answer 503 SERVICE_UNAVAILABLE with Retry-After, never
// data from a graph whose indexes or seed are still being written.
import type { RequestHandler } from 'express';
import { ErrorCode } from '../errors.js';
import { refuse } from './request-info.js';

/** What `/ready` reports: the app flips these as the database comes and goes. */
export interface Readiness {
  databaseReachable: () => Promise<boolean>;
  migrationsDone: () => boolean | Promise<boolean>;
  /**
   * Start-up (migrations, then the seed) has finished, so the API may answer. Checked on every API request, so
   * it must be a cheap flag. Absent: the caller finished start-up before starting the app (tests, benchmarks).
   */
  startedUp?: () => boolean;
}

/** Seconds a client is told to wait while the API starts: migrations and the seed take tens of seconds. */
export const STARTUP_RETRY_AFTER_S = 5;

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

/** The API routes' answer while start-up is running: 503, SERVICE_UNAVAILABLE, Retry-After. */
export function startupGate(readiness: Readiness): RequestHandler {
  const startedUp = readiness.startedUp;
  if (!startedUp) return (_req, _res, next) => next();
  return (req, res, next) => {
    if (startedUp()) return next();
    res.set('Retry-After', String(STARTUP_RETRY_AFTER_S));
    refuse(req, res, 503, ErrorCode.SERVICE_UNAVAILABLE, `The API is starting (database migrations and seed); retry in ${STARTUP_RETRY_AFTER_S} s.`, {
      retryAfter: STARTUP_RETRY_AFTER_S,
    });
  };
}
