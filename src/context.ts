// The per-request context every resolver receives: a database handle that counts round trips, the request's
// DataLoaders, its id and logger.
import type { Logger } from './logger.js';
import { RoundTripCounter, type Database } from './neo4j/database.js';
import { createLoaders, type Loaders } from './repositories/loaders.js';

export interface GraphContext {
  requestId: string;
  db: Database;
  loaders: Loaders;
  logger: Logger;
}

export function createContext(base: Database, logger: Logger, requestId: string): GraphContext {
  const db = base.forRequest(new RoundTripCounter());
  return { requestId, db, loaders: createLoaders(db), logger: logger.child({ requestId }) };
}
