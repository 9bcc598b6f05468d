// Prometheus metrics at /metrics (prom-client, one registry per app): HTTP requests and latency by route and by
// GraphQL operation name, errors by code, Neo4j queries (count by outcome, latency, in flight) and pool size, and
// the process's own figures (RSS, heap, event-loop lag) from prom-client's defaults.
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { AuthError, type Caller } from '../auth.js';
import { ErrorCode, isDatabaseUnavailable, isOperationTimeout } from '../errors.js';
import type { QueryObserver } from '../neo4j/database.js';
import { refuse, requestInfo } from './request-info.js';

const knownRoutes = new Set(['/graphql', '/health', '/ready', '/metrics']);
/** Operation names are chosen by clients: past this many distinct ones, new names are counted as `other`. */
export const MAX_OPERATION_NAMES = 200;
/**
 * Longer names are counted as `other` too: each name is kept in every series of two metrics (and in each of the
 * histogram's buckets), so five 200 KB names once made /metrics 15 MB. 100 characters hold any sane name.
 */
export const MAX_OPERATION_NAME_LENGTH = 100;

export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  private readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to finishing its response, by method and route.',
    labelNames: ['method', 'route'] as const,
    registers: [this.registry],
  });
  private readonly operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL requests, by operation name (`anonymous` when unnamed, `unresolved` when refused before one was known) and type.',
    labelNames: ['operation', 'type'] as const,
    registers: [this.registry],
  });
  private readonly operationDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Time to answer a GraphQL request over HTTP, by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'api_errors_total',
    help: 'Errors sent to clients, by extensions.code (GraphQL errors and refusals before GraphQL alike).',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly neo4jQueries = new Counter({
    name: 'neo4j_queries_total',
    help: 'Neo4j round trips (queries or transactions), by kind and outcome (ok, error, timeout, unavailable).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly neo4jDuration = new Histogram({
    name: 'neo4j_query_duration_seconds',
    help: 'Duration of Neo4j round trips, including waiting for a pooled connection, by kind.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly neo4jInFlight = new Gauge({
    name: 'neo4j_queries_in_flight',
    help: 'Neo4j round trips under way; each holds one pooled connection, so this is the pool in use.',
    registers: [this.registry],
  });

  constructor(options: { neo4jPoolSize: number }) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'neo4j_pool_max_size',
      help: 'Largest number of connections the Neo4j driver may open (NEO4J_MAX_POOL_SIZE).',
      registers: [this.registry],
    }).set(options.neo4jPoolSize);
  }

  /** Counts and times every HTTP request once its response is finished (or the client went away). */
  readonly middleware: RequestHandler = (req, res, next) => {
    const info = requestInfo(req, res);
    const route = knownRoutes.has(req.path) ? req.path : 'other';
    let recorded = false;
    const record = () => {
      if (recorded) return;
      recorded = true;
      const seconds = Number(process.hrtime.bigint() - info.startedAt) / 1e9;
      this.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      this.httpDuration.observe({ method: req.method, route }, seconds);
      if (route === '/graphql' && req.method !== 'OPTIONS') {
        const labels = { operation: this.operationLabel(info.operationName), type: info.operationType ?? 'unresolved' };
        this.operations.inc(labels);
        this.operationDuration.observe(labels, seconds);
        // Apollo refuses some requests before any plugin sees them (CSRF, missing query): count those by status.
        if (info.errorCodes.length === 0 && res.statusCode >= 400) this.errors.inc({ code: `HTTP_${res.statusCode}` });
      }
      for (const code of info.errorCodes) this.errors.inc({ code });
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };

  /** Feeds the Neo4j figures; given to Database.observedBy. */
  readonly neo4jObserver: QueryObserver = (kind) => {
    this.neo4jInFlight.inc();
    const stopTimer = this.neo4jDuration.startTimer({ kind });
    return (error) => {
      this.neo4jInFlight.dec();
      stopTimer();
      const outcome = error === null ? 'ok' : isDatabaseUnavailable(error) ? 'unavailable' : isOperationTimeout(error) ? 'timeout' : 'error';
      this.neo4jQueries.inc({ kind, outcome });
    };
  };

  /**
   * When reads need a key (REQUIRE_AUTH_FOR_READS), so does /metrics: operation names and error counts say what
   * the API is asked. Any recognised key will do; otherwise 401 UNAUTHENTICATED as on /graphql.
   */
  static access(requireKey: boolean, authenticate: (authorization: string | undefined) => Caller): RequestHandler {
    return (req, res, next) => {
      if (!requireKey) return next();
      try {
        authenticate(req.headers.authorization);
      } catch (error) {
        if (!(error instanceof AuthError)) throw error;
        res.set('WWW-Authenticate', 'Bearer');
        return refuse(req, res, 401, ErrorCode.UNAUTHENTICATED, error.message);
      }
      next();
    };
  }

  readonly handler: RequestHandler = async (_req, res) => {
    res.setHeader('content-type', this.registry.contentType);
    res.send(await this.registry.metrics());
  };

  private operationLabel(name: string | undefined): string {
    if (name === undefined) return 'unresolved';
    if (this.operationNames.has(name)) return name;
    if (name.length > MAX_OPERATION_NAME_LENGTH || this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }
}
