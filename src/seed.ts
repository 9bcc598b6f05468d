// Loads the curated seed dataset (seed/) into an empty database on start.
import type { Logger } from './logger.js';
import type { Database } from './neo4j/database.js';

export async function seedIfEmpty(_db: Database, _logger: Logger): Promise<void> {
  // Filled in by the dataset loader.
}
