// `npm start`: the product as a process. Starts everything in order and stops it in reverse on SIGINT/SIGTERM.
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { migrationsDone } from './neo4j/migrations.js';
import { PrerequisiteError } from './neo4j/install.js';
import { openDatabase, type DatabaseRuntime } from './runtime.js';
import { seedIfEmpty } from './seed.js';
import { startApp, type RunningApp } from './server.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let runtime: DatabaseRuntime | null = null;
  let app: RunningApp | null = null;
  let stopping = false;

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    await app?.close().catch((err: unknown) => logger.error({ err }, 'error while stopping the HTTP server'));
    await runtime?.close().catch((err: unknown) => logger.error({ err }, 'error while stopping Neo4j'));
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    runtime = await openDatabase(config, logger);
    if (config.SEED_ON_START) await seedIfEmpty(runtime.database, logger);
    const database = runtime.database;
    let migrated = true;
    app = await startApp({
      config,
      logger,
      database,
      readiness: {
        databaseReachable: async () => {
          await database.driver.verifyConnectivity();
          return true;
        },
        migrationsDone: () => migrated,
      },
    });
    migrated = await migrationsDone(database);
    logger.info({ graphql: `${app.url}/graphql`, health: `${app.url}/health` }, `GraphQL API ready at ${app.url}/graphql`);
  } catch (error) {
    if (error instanceof PrerequisiteError) console.error(error.message);
    else logger.fatal({ err: error }, 'start failed');
    await runtime?.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();
