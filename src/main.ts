// `npm start`: the product as a process. HTTP serves at once (/health 200, /ready 503) while Neo4j starts or is
// waited for, and GraphQL answers once it is ready. SIGINT/SIGTERM stop it in reverse: the HTTP server stops
// accepting and drains in-flight requests, then the driver closes and the embedded Neo4j stops.
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { PrerequisiteError } from './neo4j/install.js';
import { superviseDatabase } from './runtime.js';
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
  const runtime = superviseDatabase(config, logger);
  let app: RunningApp | null = null;
  let started = false;
  let stopping = false;

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    await app?.close().catch((err: unknown) => logger.error({ err }, 'error while stopping the HTTP server'));
    await runtime.close().catch((err: unknown) => logger.error({ err }, 'error while stopping Neo4j'));
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    app = await startApp({
      config,
      logger,
      database: runtime.database,
      readiness: {
        databaseReachable: runtime.reachable,
        // Ready only after the seed too, so a load balancer never sends traffic to a half-loaded graph.
        migrationsDone: async () => started && (await runtime.migrated()),
        // Until then /graphql and /export answer 503 SERVICE_UNAVAILABLE with Retry-After (src/http/readiness.ts).
        startedUp: () => started,
      },
    });
    logger.info(
      { health: `${app.url}/health`, ready: `${app.url}/ready` },
      'HTTP server listening; the API answers 503 until Neo4j is up, migrated and seeded',
    );
    await runtime.ready;
    if (config.SEED_ON_START) await seedIfEmpty(runtime.database, logger);
    started = true;
    logger.info(
      { graphql: `${app.url}/graphql`, health: `${app.url}/health`, startupMs: Math.round(performance.now()) },
      `GraphQL API ready at ${app.url}/graphql (/ready is 200 from now on)`,
    );
  } catch (error) {
    if (stopping) return;
    if (error instanceof PrerequisiteError) console.error(error.message);
    else logger.fatal({ err: error }, 'start failed');
    await app?.close().catch(() => undefined);
    await runtime.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();
