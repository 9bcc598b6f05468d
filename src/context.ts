// The per-request context every resolver receives: a database handle that counts round trips, the request's
// DataLoaders, its id and logger, and who is calling (the API key's holder, or anonymous).
import { anonymous, type Caller } from './auth.js';
import type { RequestInfo } from './http/request-info.js';
import type { Logger } from './logger.js';
import { RoundTripCounter, type Database } from './neo4j/database.js';
import { createLoaders, type Loaders } from './repositories/loaders.js';
import type { RelationProperty } from './repositories/fragments.js';
import type { LinkType } from './dataset/to-graph.js';
import type { OperationAnalysis } from './resolvers/analysis.js';

export interface GraphContext {
  requestId: string;
  db: Database;
  loaders: Loaders;
  logger: Logger;
  /** Who sent the request; mutations check its role and record its name as the actor. */
  caller: Caller;
  /** Whether root fields fetch their whole selection in one query (src/resolvers/prefetch.ts). */
  prefetch: boolean;
  /**
   * The entity (`props`) and fact (`factProps`) properties this operation reads (src/resolvers/projection.ts),
   * set once the operation is known; null reads whole records. A holder, so copies of the context share it.
   */
  projection: EntityProjection;
  /**
   * The operation's analysis (src/resolvers/analysis.ts): its root fields' plans, projection and cost, made once
   * before any resolver runs; undefined before that, null when its variables do not coerce.
   */
  analysis?: OperationAnalysis | null;
  /** The HTTP layer's notes on this request (operation name, error codes) for its log line and metrics. */
  request?: RequestInfo;
  /** The request's Idempotency-Key header, as sent (mutations only; src/curation/idempotency.ts checks it). */
  idempotencyKey?: string | string[] | undefined;
}

export interface EntityProjection {
  props: readonly string[] | null;
  /** The fact properties it reads; null reads whole facts. */
  factProps: readonly string[] | null;
  /** The citation and source properties it reads; null reads all. */
  citationProps: readonly string[] | null;
  sourceProps: readonly string[] | null;
  /** The relationship properties (of `RelationProperty`) its relation pages read; null reads all. */
  relationProps: readonly RelationProperty[] | null;
  /** The fact links (of `LinkType`) its resolvers follow; null: all. */
  factLinks: readonly LinkType[] | null;
}

export function createContext(base: Database, logger: Logger, requestId: string, caller: Caller = anonymous, prefetch = true): GraphContext {
  const db = base.forRequest(new RoundTripCounter());
  const projection: EntityProjection = { props: null, factProps: null, citationProps: null, sourceProps: null, relationProps: null, factLinks: null };
  return { requestId, db, loaders: createLoaders(db, projection), logger: logger.child({ requestId }), caller, prefetch, projection };
}
