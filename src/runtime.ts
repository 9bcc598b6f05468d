// Wires the process together: config → database (embedded or NEO4J_URI) → migrations → seed → HTTP, and
// tears it down in reverse. `npm start`, the CLIs and the tests all start the product through here.
import { resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { durationMs, type Config } from './config.js';
import type { Logger } from './logger.js';
import { createDriver, Database, isRoutingUri, waitForDatabase } from './neo4j/database.js';
import { EmbeddedNeo4j } from './neo4j/embedded.js';
import { migrate, migrationsDone } from './neo4j/migrations.js';
import { removeAbandonedImports } from './bulk/import.js';
import { pruneIdempotencyRecords } from './repositories/idempotency-repository.js';

export interface DatabaseRuntime {
  driver: Driver;
  database: Database;
  embedded: EmbeddedNeo4j | null;
  uri: string;
  close: () => Promise<void>;
}

/** The embedded Neo4j for this config, or null when NEO4J_URI names a server. */
function embeddedFor(config: Config, logger: Logger): EmbeddedNeo4j | null {
  if (config.NEO4J_URI) return null;
  return new EmbeddedNeo4j({
    dataDir: resolve(config.DATA_DIR),
    boltPort: config.NEO4J_BOLT_PORT,
    heap: config.NEO4J_HEAP,
    pageCache: config.NEO4J_PAGECACHE,
    txMemory: config.NEO4J_TX_MEMORY,
    txTimeout: config.NEO4J_TX_TIMEOUT,
    log: (line) => logger.debug({ neo4j: line }, 'embedded neo4j'),
  });
}

async function startEmbedded(embedded: EmbeddedNeo4j, config: Config, logger: Logger): Promise<void> {
  logger.info({ dataDir: resolve(config.DATA_DIR), boltPort: config.NEO4J_BOLT_PORT }, 'starting embedded Neo4j');
  await embedded.start();
  logger.info({ uri: embedded.uri, pid: embedded.pid }, 'embedded Neo4j ready');
}

function connect(config: Config, uri: string): { driver: Driver; database: Database } {
  const driver = createDriver({
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    maxPoolSize: config.NEO4J_MAX_POOL_SIZE,
    txTimeoutMs: durationMs(config.NEO4J_TX_TIMEOUT),
  });
  return {
    driver,
    database: new Database(driver, { database: config.NEO4J_DATABASE, txTimeoutMs: durationMs(config.NEO4J_TX_TIMEOUT), causal: isRoutingUri(uri) }),
  };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * For the CLIs and the tests: starts the embedded Neo4j when NEO4J_URI is unset, connects (giving up after
 * 60 s), and runs migrations. Throws when the database cannot be had.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<DatabaseRuntime> {
  const embedded = embeddedFor(config, logger);
  if (embedded) await startEmbedded(embedded, config, logger);
  const uri = config.NEO4J_URI ?? (embedded as EmbeddedNeo4j).uri;
  const { driver, database } = connect(config, uri);
  const close = async () => {
    await driver.close().catch(() => undefined);
    await embedded?.stop();
  };
  try {
    await waitForDatabase(driver, 60_000, (error, attempt) =>
      logger.warn({ attempt, err: errorText(error) }, 'Neo4j not reachable yet; retrying'),
    );
    const applied = await migrate(database);
    logger.info({ applied }, 'migrations done');
    await recoverWrites(database, logger);
  } catch (error) {
    await close();
    throw error;
  }
  return { driver, database, embedded, uri, close };
}

/** How long a mutation's Idempotency-Key is remembered (docs/curation.md). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * After migrations, before anything else: removes what interrupted staged imports left before their commit point
 * (never visible to readers, but taking space), finishes the publish of those cut off after it, and removes
 * Idempotency-Key records past their retention.
 */
async function recoverWrites(database: Database, logger: Logger): Promise<void> {
  const imports = await removeAbandonedImports(database);
  if (imports.failed.length > 0) logger.error(imports, 'the publish of an interrupted import could not be finished; it is tried again at the next start');
  else if (imports.runs > 0 || imports.nodes > 0) logger.warn(imports, 'removed (or finished publishing) what interrupted staged imports had left');
  const expired = await pruneIdempotencyRecords(database, new Date(Date.now() - IDEMPOTENCY_RETENTION_MS).toISOString());
  if (expired > 0) logger.info({ expired }, 'removed expired Idempotency-Key records');
}

export interface SupervisedDatabase extends DatabaseRuntime {
  /**
   * Resolves once Neo4j answers and migrations are applied. Rejects only on faults that waiting cannot fix (no
   * Java, a data directory locked by another live process); an unreachable NEO4J_URI is retried until it answers.
   */
  ready: Promise<void>;
  /** For `/ready`: Neo4j answers now. */
  reachable: () => Promise<boolean>;
  /** For `/ready`: migrations ran at start and are recorded in the database now. */
  migrated: () => Promise<boolean>;
}

/** First restart 1 s after a crash, doubling to at most 30 s between attempts. */
const restartDelayMs = (attempt: number) => Math.min(1_000 * 2 ** (attempt - 1), 30_000);

/**
 * For `npm start`: the database as a long-running dependency. The driver exists at once, so HTTP can serve
 * (`/health` 200, `/ready` 503, queries SERVICE_UNAVAILABLE) while Neo4j is still starting or unreachable;
 * connecting retries with backoff until it answers. The embedded Neo4j is restarted with backoff whenever its
 * JVM dies; an external server is reconnected to by the driver itself.
 */
export function superviseDatabase(config: Config, logger: Logger): SupervisedDatabase {
  const embedded = embeddedFor(config, logger);
  const uri = config.NEO4J_URI ?? (embedded as EmbeddedNeo4j).uri;
  const { driver, database } = connect(config, uri);
  const stopping = new AbortController();
  let migrated = false;
  let embeddedStarted = false;
  let restarting: Promise<void> | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((done) => {
      const timer = setTimeout(done, ms);
      stopping.signal.addEventListener('abort', () => (clearTimeout(timer), done()), { once: true });
    });

  const restartEmbedded = async (neo4j: EmbeddedNeo4j) => {
    for (let attempt = 1; !stopping.signal.aborted; attempt += 1) {
      await sleep(restartDelayMs(attempt));
      if (stopping.signal.aborted) return;
      try {
        await neo4j.start();
        logger.info({ attempt, pid: neo4j.pid }, 'embedded Neo4j restarted; the driver reconnects on the next query');
        return;
      } catch (error) {
        logger.error({ attempt, retryInMs: restartDelayMs(attempt + 1), err: errorText(error) }, 'embedded Neo4j did not restart; retrying');
      }
    }
  };

  embedded?.on('exit', (code: number | null, signal: string | null) => {
    // Dying during the first start fails `ready`; during a restart attempt, it is that attempt's failure.
    if (stopping.signal.aborted || !embeddedStarted || restarting) return;
    logger.error({ code, signal }, 'embedded Neo4j exited unexpectedly; queries fail with SERVICE_UNAVAILABLE until it is restarted');
    restarting = restartEmbedded(embedded).finally(() => {
      restarting = null;
    });
  });

  const ready = (async () => {
    if (embedded) {
      await startEmbedded(embedded, config, logger);
      embeddedStarted = true;
    }
    await waitForDatabase(
      driver,
      Number.POSITIVE_INFINITY,
      (error, attempt, delayMs) => logger.warn({ uri, attempt, retryInMs: delayMs, err: errorText(error) }, 'Neo4j not reachable yet; retrying'),
      stopping.signal,
    );
    const applied = await migrate(database);
    // Not fatal: what it removes is invisible to readers, and the next start or import tries again.
    await recoverWrites(database, logger).catch((error: unknown) => logger.warn({ err: errorText(error) }, 'could not remove what interrupted imports left; trying at the next start'));
    migrated = true;
    logger.info({ applied }, 'migrations done');
  })();
  ready.catch(() => undefined); // the caller decides; an unobserved rejection must not crash the process first

  return {
    driver,
    database,
    embedded,
    uri,
    ready,
    reachable: async () => {
      await driver.verifyConnectivity();
      return true;
    },
    migrated: async () => migrated && (await migrationsDone(database)),
    close: async () => {
      stopping.abort();
      await restarting;
      await driver.close().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
