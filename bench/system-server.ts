// One system under test, in a process of its own so that the load generator never shares its event loop:
// `ours` (the product's app via startApp), `apollo-floor` (startApp again, our schema with hand-written
// resolvers that run raw's Cypher: bench/peers/apollo-floor.ts), `neo4j-graphql` (@neo4j/graphql 7 on Apollo
// Server with the same express integration), or `raw` (the hand-written Cypher of bench/shapes.ts behind a
// bare node:http server). All four talk to Neo4j through the same instrumented driver; the parent drives them over IPC:
// `{type: 'probe-start'}` starts recording queries, `{type: 'probe-stop'}` answers with the round trips and
// the db hits (PROFILE) of what was recorded.
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createDriver, Database } from '../src/neo4j/database.js';
import { loadTypeDefs } from '../src/schema.js';
import { startApp } from '../src/server.js';
import { apolloFloorResolvers } from './peers/apollo-floor.js';
import { instrumentDriver, profileDbHits, QueryCapture } from './instrument.js';
import { neo4jGraphqlTypeDefs } from './peers/neo4j-graphql-type-defs.js';
import { isCompared, shapes, type ReadFn } from './shapes.js';

export type SystemName = 'ours' | 'apollo-floor' | 'neo4j-graphql' | 'raw';

export type ParentMessage = { type: 'probe-start' } | { type: 'probe-stop' } | { type: 'stop' };
export type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'probe-started' }
  | { type: 'probe-result'; roundTrips: number; dbHits: number; cypher: string[]; error?: string }
  | { type: 'failed'; error: string };

const TX_TIMEOUT_MS = 60_000;

function send(message: ChildMessage): void {
  process.send?.(message);
}

/** Our app; with `floor`, the same app serving our schema through apolloFloor's hand-written resolvers. */
async function startOurs(uri: string, driver: Driver, floor = false): Promise<Server> {
  const config = loadConfig({
    NEO4J_URI: uri,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    SEED_ON_START: 'false',
    // The benchmark measures the query path, not the public API's protection: no rate limit, generous limits.
    RATE_LIMIT_PER_MINUTE: '0',
    MAX_DEPTH: '64',
    MAX_COST: '100000000',
    // Nothing counts as expensive: no operation waits for the expensive-operation gate, and no lookup reads its
    // entity's degrees first (what the gate and the cost estimate cost is measured by `npm run load -- --mixed`).
    EXPENSIVE_COST: '100000000',
    MAX_ALIASES: '100',
    MAX_TOKENS: '100000',
    OPERATION_TIMEOUT: '60s',
  });
  const database = new Database(driver, { txTimeoutMs: TX_TIMEOUT_MS });
  const app = await startApp({
    config,
    logger: createLogger('silent'),
    database,
    readiness: { databaseReachable: async () => true, migrationsDone: () => true },
    ...(floor ? { graphql: { typeDefs: loadTypeDefs(), resolvers: apolloFloorResolvers() } } : {}),
  });
  return app.httpServer;
}

async function startNeo4jGraphql(driver: Driver): Promise<Server> {
  const library = new Neo4jGraphQL({
    typeDefs: neo4jGraphqlTypeDefs,
    driver,
    // Date bounds are ISO strings; comparing them needs the string range filters, off by default.
    features: { filters: { String: { LT: true, LTE: true, GT: true, GTE: true } } },
  });
  // Cache control off, as ours and apolloFloor run (src/server.ts): its per-field hook is a cost neither needs.
  const apollo = new ApolloServer({ schema: await library.getSchema(), introspection: false, plugins: [ApolloServerPluginCacheControlDisabled()] });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  const server = createHttpServer(app);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? {} : (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
}

async function startRaw(driver: Driver): Promise<Server> {
  const read: ReadFn = async (cypher, params) => {
    // Integers in LIMIT/SKIP must reach Cypher as integers, not floats.
    const typed = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));
    // The cheapest way to send one read: an auto-commit query in a READ session (RUN and PULL, no BEGIN or
    // COMMIT exchange), as the product's Database.read does, so that the floor is not handicapped.
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(cypher, typed, { timeout: TX_TIMEOUT_MS });
      return result.records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  };
  const byName = new Map(shapes.filter(isCompared).map((s) => [s.name, s.raw]));
  const server = createHttpServer((req, res) => {
    const shape = byName.get((req.url ?? '').replace(/^\/raw\//, ''));
    if (req.method !== 'POST' || !shape) {
      res.writeHead(404).end();
      return;
    }
    readBody(req)
      .then((params) => shape.run(read, (params ?? {}) as Record<string, unknown>))
      .then((result) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

async function main(): Promise<void> {
  const system = process.argv[2] as SystemName;
  const uri = process.env.BENCH_NEO4J_URI;
  if (!uri) throw new Error('BENCH_NEO4J_URI is not set');
  const plainDriver = createDriver({ uri, maxPoolSize: 50, txTimeoutMs: TX_TIMEOUT_MS });
  const capture = new QueryCapture();
  const driver = instrumentDriver(plainDriver, capture);
  const server =
    system === 'ours' || system === 'apollo-floor'
      ? await startOurs(uri, driver, system === 'apollo-floor')
      : system === 'neo4j-graphql'
        ? await startNeo4jGraphql(driver)
        : await startRaw(driver);

  process.on('message', (message: ParentMessage) => {
    if (message.type === 'probe-start') {
      capture.start();
      send({ type: 'probe-started' });
    } else if (message.type === 'probe-stop') {
      const queries = capture.stop();
      profileDbHits(plainDriver, queries).then(
        (dbHits) => send({ type: 'probe-result', roundTrips: queries.length, dbHits, cypher: queries.map((q) => q.cypher) }),
        (error: unknown) => send({ type: 'probe-result', roundTrips: queries.length, dbHits: -1, cypher: queries.map((q) => q.cypher), error: String(error) }),
      );
    } else if (message.type === 'stop') {
      server.close();
      server.closeAllConnections();
      void plainDriver.close().finally(() => process.exit(0));
    }
  });
  // The parent going away ends this process too.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port: (server.address() as AddressInfo).port });
}

main().catch((error: unknown) => {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
