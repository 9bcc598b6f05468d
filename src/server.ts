// Builds the HTTP app: Apollo Server on /graphql plus the operational routes. No business logic here: each
// protection lives in its own module under src/http/ and is wired below in the order a request meets it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerOptionsWithTypeDefs } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { createAuthenticator } from './auth.js';
import { durationMs, type Config } from './config.js';
import { analysisPlugin } from './resolvers/analysis.js';
import { createContext, type GraphContext } from './context.js';
import { formatError } from './errors.js';
import { jsonErrorHandler, parseJsonBody, requireJsonBody, requireWellFormedUnicode } from './http/body.js';
import { apiAccess, apiPaths, callerOf } from './http/api-access.js';
import { answerClientErrorsAsJson } from './http/client-errors.js';
import { deadlinePlugin } from './http/deadline.js';
import { limitDocumentNesting } from './http/document-nesting.js';
import { inputCapsPlugin } from './http/input-caps.js';
import { Metrics } from './http/metrics.js';
import { queryLimits } from './http/query-limits.js';
import { readinessHandler, type Readiness } from './http/readiness.js';
import { requestInfo, requestInfoPlugin } from './http/request-info.js';
import { requestLog } from './http/request-log.js';
import { securePages } from './http/page-security.js';
import { TrustedDocuments } from './http/trusted-documents.js';
import type { Logger } from './logger.js';
import type { Database } from './neo4j/database.js';
import { resolvers } from './resolvers/index.js';
import { loadTypeDefs } from './schema.js';
import { statsPlugin } from './http/stats-plugin.js';
import { explorerRouter } from './http/explorer-route.js';
import { workbenchRouter } from './http/workbench-route.js';
import { exportRouter } from './http/export-route.js';
import { graphiqlRouter } from './http/graphiql-route.js';

export type { Readiness };

export interface AppOptions {
  config: Config;
  logger: Logger;
  database: Database;
  readiness: Readiness;
  /**
   * Another schema and resolvers behind the same HTTP stack, plugins, limits and context (the benchmark's
   * `apolloFloor`: hand-written resolvers on exactly our stack). Default: the product's schema and resolvers.
   */
  graphql?: { typeDefs: string; resolvers: ApolloServerOptionsWithTypeDefs<GraphContext>['resolvers'] };
}

export interface RunningApp {
  app: Express;
  httpServer: Server;
  apollo: ApolloServer<GraphContext>;
  url: string;
  /** Stops accepting, drains in-flight requests, then resolves. */
  close: () => Promise<void>;
}

export async function startApp({ config, logger, database, readiness, graphql }: AppOptions): Promise<RunningApp> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  const httpServer = createServer(app);
  answerClientErrorsAsJson(httpServer, logger);
  const metrics = new Metrics({ neo4jPoolSize: config.NEO4J_MAX_POOL_SIZE });
  const observedDatabase = database.observedBy(metrics.neo4jObserver);
  const limits = queryLimits(config, observedDatabase);
  const trusted = config.TRUSTED_DOCUMENTS ? TrustedDocuments.load(config.TRUSTED_DOCUMENTS) : null;
  if (trusted) logger.info({ operations: trusted.size }, 'trusted documents: only registered operations are accepted');

  const apollo = new ApolloServer<GraphContext>({
    typeDefs: graphql?.typeDefs ?? loadTypeDefs(),
    resolvers: graphql?.resolvers ?? resolvers,
    nodeEnv: config.NODE_ENV,
    introspection: config.INTROSPECTION ?? config.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // main.ts owns SIGINT/SIGTERM: it drains HTTP first, then closes the driver and stops Neo4j.
    stopOnTerminationSignals: false,
    // Automatic persisted queries in Apollo's bounded in-memory cache; in trusted mode, read from the manifest.
    persistedQueries: trusted ? { cache: trusted.persistedQueryCache } : config.PERSISTED_QUERIES ? {} : false,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    formatError: (formatted, error) =>
      formatError(formatted, error, (unexpected) => logger.error({ err: unexpected }, 'unexpected error in a resolver')),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No type or field carries a cache hint, and responses are per caller: Apollo's cache-control plugin,
      // on by default, would only cost a willResolveField hook on every resolved field (docs/benchmarks.md).
      ApolloServerPluginCacheControlDisabled(),
      statsPlugin(),
      requestInfoPlugin(),
      deadlinePlugin(durationMs(config.OPERATION_TIMEOUT)),
      inputCapsPlugin(),
      analysisPlugin,
      ...limits.plugins,
    ],
  });
  await apollo.start();

  // Every request: an id, one log line and its metrics; every response: the pages' security headers.
  app.use(requestLog(logger), metrics.middleware, securePages);

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', readinessHandler(readiness));
  app.get('/metrics', Metrics.access(config.REQUIRE_AUTH_FOR_READS, createAuthenticator(config)), metrics.handler);

  // Pages that hold no data: the explorer and GraphiQL (a browser's GET on /graphql, so before the gate).
  app.use(explorerRouter());
  app.use(workbenchRouter());
  app.use(graphiqlRouter());

  // The API proper, every route that reads data behind one gate (src/http/api-access.ts): CORS, the request
  // budget, the caller's key, and 503 until start-up has finished.
  app.use(
    apiPaths,
    apiAccess({
      corsOrigins: config.CORS_ORIGINS,
      ratePerMinute: config.RATE_LIMIT_PER_MINUTE,
      authenticate: createAuthenticator(config),
      readiness,
    }),
  );
  app.use(exportRouter({ database: observedDatabase, logger }));

  app.use(
    '/graphql',
    requireJsonBody,
    parseJsonBody,
    requireWellFormedUnicode,
    limitDocumentNesting,
    ...(trusted ? [trusted.middleware] : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const request = requestInfo(req, res);
        return { ...createContext(observedDatabase, logger, request.id, callerOf(res), config.PREFETCH), request, idempotencyKey: req.headers['idempotency-key'] };
      },
    }),
  );
  app.use(jsonErrorHandler(logger));

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
