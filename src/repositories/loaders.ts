// Per-request DataLoaders: every field that fans out over a list batches through one of these, so an
// operation's round trips do not grow with the number of items.
import type { Database } from '../neo4j/database.js';

export type Loaders = Record<string, never>;

export function createLoaders(_db: Database): Loaders {
  return {};
}
