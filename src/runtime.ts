// Wires the process together: config → database (embedded or NEO4J_URI) → migrations → seed → HTTP, and
// tears it down in reverse. `npm start`, the CLIs and the tests all start the product through here.
import { resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { durationMs, type Config } from './config.js';
import type { Logger } from './logger.js';
import { createDriver, Database, waitForDatabase } from './neo4j/database.js';
import { EmbeddedNeo4j } from './neo4j/embedded.js';
import { migrate } from './neo4j/migrations.js';

export interface DatabaseRuntime {
  driver: Driver;
  database: Database;
  embedded: EmbeddedNeo4j | null;
  uri: string;
  close: () => Promise<void>;
}

/** Starts the embedded Neo4j when NEO4J_URI is unset, connects, and runs migrations. */
export async function openDatabase(config: Config, logger: Logger): Promise<DatabaseRuntime> {
  let embedded: EmbeddedNeo4j | null = null;
  let uri = config.NEO4J_URI;
  if (!uri) {
    embedded = new EmbeddedNeo4j({
      dataDir: resolve(config.DATA_DIR),
      boltPort: config.NEO4J_BOLT_PORT,
      heap: config.NEO4J_HEAP,
      pageCache: config.NEO4J_PAGECACHE,
      txMemory: config.NEO4J_TX_MEMORY,
      txTimeout: config.NEO4J_TX_TIMEOUT,
      log: (line) => logger.debug({ neo4j: line }, 'embedded neo4j'),
    });
    logger.info({ dataDir: resolve(config.DATA_DIR), boltPort: config.NEO4J_BOLT_PORT }, 'starting embedded Neo4j');
    await embedded.start();
    uri = embedded.uri;
    logger.info({ uri, pid: embedded.pid }, 'embedded Neo4j ready');
  }
  const driver = createDriver({
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    maxPoolSize: config.NEO4J_MAX_POOL_SIZE,
    txTimeoutMs: durationMs(config.NEO4J_TX_TIMEOUT),
  });
  const database = new Database(driver, { database: config.NEO4J_DATABASE, txTimeoutMs: durationMs(config.NEO4J_TX_TIMEOUT) });
  const close = async () => {
    await driver.close().catch(() => undefined);
    await embedded?.stop();
  };
  try {
    await waitForDatabase(driver, 60_000, (error, attempt) =>
      logger.warn({ attempt, err: error instanceof Error ? error.message : String(error) }, 'Neo4j not reachable yet; retrying'),
    );
    const applied = await migrate(database);
    logger.info({ applied }, 'migrations done');
  } catch (error) {
    await close();
    throw error;
  }
  return { driver, database, embedded, uri, close };
}
