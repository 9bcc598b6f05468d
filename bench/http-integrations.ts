// `npm run bench:http`: which HTTP integration carries Apollo Server fastest, measured rather than assumed.
// The same ApolloServer (our schema, resolvers, per-request context and projection plugin) is mounted on
// express 5 (@as-integrations/express5, what src/server.ts uses), Apollo's standalone server (node:http)
// and fastify 5 (@as-integrations/fastify), each on its own port in this process, over the same Neo4j. A
// lookup and a planned entity query are driven by autocannon against each in turn, the order rotated every
// round; the medians over rounds are printed as JSON and recorded in docs/benchmarks.md by hand.
// Uses NEO4J_URI when set, else starts a throwaway embedded Neo4j with the seed.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { expressMiddleware } from '@as-integrations/express5';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import autocannon from 'autocannon';
import express from 'express';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.js';
import { createContext, type GraphContext } from '../src/context.js';
import { createLogger } from '../src/logger.js';
import { createDriver, Database } from '../src/neo4j/database.js';
import { resolvers } from '../src/resolvers/index.js';
import { analysisPlugin } from '../src/resolvers/analysis.js';
import { openDatabase } from '../src/runtime.js';
import { loadTypeDefs } from '../src/schema.js';
import { seedIfEmpty } from '../src/seed.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);

const logger = createLogger('warn');
const typeDefs = loadTypeDefs();

function apollo(): ApolloServer<GraphContext> {
  return new ApolloServer<GraphContext>({ typeDefs, resolvers: resolvers as never, plugins: [analysisPlugin] });
}

async function open(): Promise<{ database: Database; close: () => Promise<void> }> {
  if (process.env.NEO4J_URI) {
    const driver = createDriver({ uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD, maxPoolSize: 50, txTimeoutMs: 30_000 });
    return { database: new Database(driver, { txTimeoutMs: 30_000 }), close: () => driver.close() };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kzgraph-http-bench-'));
  const runtime = await openDatabase(loadConfig({ DATA_DIR: dataDir, NEO4J_BOLT_PORT: '0', NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '256m', LOG_LEVEL: 'warn' }), logger);
  await seedIfEmpty(runtime.database, logger);
  return {
    database: runtime.database,
    close: async () => {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let requestId = 0;

interface Mounted {
  name: string;
  url: string;
  stop: () => Promise<void>;
}

async function mountExpress(database: Database): Promise<Mounted> {
  const server = apollo();
  await server.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(server, { context: async () => createContext(database, logger, String(++requestId)) }));
  const http: Server = createServer(app);
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const { port } = http.address() as { port: number };
  return { name: 'express5', url: `http://127.0.0.1:${port}/graphql`, stop: async () => {
      await server.stop();
      http.close();
    },
  };
}

async function mountStandalone(database: Database): Promise<Mounted> {
  const server = apollo();
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' }, context: async () => createContext(database, logger, String(++requestId)) });
  return { name: 'standalone', url, stop: () => server.stop() };
}

async function mountFastify(database: Database): Promise<Mounted> {
  const fastify = Fastify();
  const server = new ApolloServer<GraphContext>({
    typeDefs,
    resolvers: resolvers as never,
    plugins: [analysisPlugin, fastifyApolloDrainPlugin<GraphContext>(fastify)],
  });
  await server.start();
  await fastify.register(fastifyApollo(server), { context: async () => createContext(database, logger, String(++requestId)) });
  const address = await fastify.listen({ port: 0, host: '127.0.0.1' });
  return {
    name: 'fastify',
    url: `${address}/graphql`,
    stop: async () => {
      await server.stop();
      await fastify.close();
    },
  };
}

const shapes = {
  'node-lookup': { query: 'query($id: ID!) { person(id: $id) { id name } }', variables: { id: 'person:zhanbolat-mamai' } },
  'entity-lookup': {
    query: 'query($id: ID!) { person(id: $id) { id name aliases { name } citations { quote } memberships { role organization { id name } citations { quote } } } }',
    variables: { id: 'person:zhanbolat-mamai' },
  },
};

async function measure(url: string, body: string): Promise<{ rps: number; p50: number; p99: number }> {
  const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, duration: SECONDS });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { database, close } = await open();
const mounted = [await mountExpress(database), await mountStandalone(database), await mountFastify(database)];
const results: Record<string, Record<string, { rps: number[]; p50: number[]; p99: number[] }>> = {};
try {
  for (const [shape, request] of Object.entries(shapes)) {
    const body = JSON.stringify(request);
    for (const m of mounted) {
      const check = (await (await fetch(m.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as { errors?: unknown };
      if (check.errors) throw new Error(`${m.name} ${shape}: ${JSON.stringify(check.errors)}`);
      await measure(m.url, body); // warm-up
    }
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order every round so no integration always runs first (or last) on a shared machine.
      const order = mounted.map((_, i) => mounted[(i + round) % mounted.length]!);
      for (const m of order) {
        const r = await measure(m.url, body);
        const cell = ((results[shape] ??= {})[m.name] ??= { rps: [], p50: [], p99: [] });
        cell.rps.push(r.rps);
        cell.p50.push(r.p50);
        cell.p99.push(r.p99);
      }
    }
  }
} finally {
  for (const m of mounted) await m.stop();
  await close();
}
const summary = Object.fromEntries(
  Object.entries(results).map(([shape, bySystem]) => [
    shape,
    Object.fromEntries(Object.entries(bySystem).map(([name, c]) => [name, { rps: Math.round(median(c.rps)), p50: median(c.p50), p99: median(c.p99), rpsRuns: c.rps.map(Math.round) }])),
  ]),
);
console.log(JSON.stringify({ rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS, summary }, null, 2));
