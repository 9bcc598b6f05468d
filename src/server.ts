// Builds the HTTP app: Apollo Server on /graphql plus the operational routes. No business logic here.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { Config } from './config.js';
import { createContext, type GraphContext } from './context.js';
import { formatError } from './errors.js';
import type { Logger } from './logger.js';
import type { Database } from './neo4j/database.js';
import { resolvers } from './resolvers/index.js';
import { loadTypeDefs } from './schema.js';

/** What `/ready` reports: the app flips these as the database comes and goes. */
export interface Readiness {
  databaseReachable: () => Promise<boolean>;
  migrationsDone: () => boolean;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  database: Database;
  readiness: Readiness;
}

export interface RunningApp {
  app: Express;
  httpServer: Server;
  apollo: ApolloServer<GraphContext>;
  url: string;
  /** Stops accepting, drains in-flight requests, then resolves. */
  close: () => Promise<void>;
}

export async function startApp({ config, logger, database, readiness }: AppOptions): Promise<RunningApp> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);

  const apollo = new ApolloServer<GraphContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) =>
      formatError(formatted, error, (unexpected) => logger.error({ err: unexpected }, 'unexpected error in a resolver')),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const reachable = await readiness.databaseReachable().catch(() => false);
    const migrated = readiness.migrationsDone();
    res.status(reachable && migrated ? 200 : 503).json({ ready: reachable && migrated, database: reachable, migrations: migrated });
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const header = req.headers['x-request-id'];
        const requestId = typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
        return createContext(database, logger, requestId);
      },
    }),
  );

  await new Promise<void>((resolvePromise, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolvePromise());
  });
  const address = httpServer.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  const url = `http://${host}:${address.port}`;

  return {
    app,
    httpServer,
    apollo,
    url,
    close: async () => {
      await apollo.stop();
    },
  };
}
