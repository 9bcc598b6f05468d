// PROFILE of what our API sends to Neo4j for each bench shape (first probe) and each worked query of docs/api.md,
// on the seed: round trips and db hits per operation, to check a change to the generated Cypher before and after
// (docs/benchmarks.md, "Read path v3"). Starts its own embedded Neo4j in a temporary directory: run it under the
// team's Neo4j lock. `tsx bench/profile-reads.ts [out.json] [name-filter]`; `PROFILE_CYPHER_DIR` writes each
// operation's Cypher there; `PROFILE_PREFETCH=false` profiles the level-by-level path (the loaders) instead. The
// filter may list several parts, comma-separated (`net-,shape:neighbourhood`).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { Database } from '../src/neo4j/database.js';
import { openDatabase } from '../src/runtime.js';
import { seedIfEmpty } from '../src/seed.js';
import { startApp } from '../src/server.js';
import { freePort } from '../test/free-port.js';
import { instrumentDriver, profileDbHits, QueryCapture } from './instrument.js';
import { shapes, type ReadFn, type SystemRequest } from './shapes.js';

/** Operations beyond the shapes and the guide that exercise reads a change may touch. */
const extra: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'party-names-as-of',
    query: `{ a: party(id: "party:amanat") { nameAsOf(date: "2010-01-01") nameOn(date: "2010-01-01") { name } }
              b: party(id: "party:amanat") { nameAsOf(date: "2024-01-01") } }`,
  },
  {
    name: 'neighbourhood-amanat-2',
    query: `{ neighbourhood(id: "party:amanat", depth: 2, limit: 200) { truncated nodes { id name kind } edges { source target type } } }`,
  },
  {
    name: 'paths-nominated',
    query: `{ paths(from: "person:zhanbolat-mamai", to: "party:amanat", maxDepth: 4) { length nodes { id } edges { type } } }`,
  },
  {
    // Hits whose entity selects relations, citations and memberships: the search's plan runs over its candidates.
    name: 'search-rich',
    query: `{ search(query: "Mamai", first: 5) { score matched entity { id name citations { quote source { id } }
              ... on Person { memberships { role organization { name } citations { quote } } }
              related(first: 10) { totalCount edges { node { type other { id name } citations { quote } } } } } } }`,
  },
  {
    // The same selection on a page far smaller than the pool: most candidates read are dropped by the ranking.
    name: 'search-rich-small-page',
    query: `{ search(query: "Kazakhstan", first: 2) { score matched entity { id name citations { quote source { id } }
              ... on Person { memberships { role organization { name } citations { quote } } }
              related(first: 10) { totalCount edges { node { type other { id name } citations { quote } } } } } } }`,
  },
  {
    name: 'net-neighbourhood-names-citations',
    query: `{ neighbourhood(id: "party:amanat", depth: 2, asOf: "2021-06-30") { nodes { id name } edges { source target type citations { quote source { id } } } } }`,
  },
  {
    name: 'net-shortest-path-cited',
    query: `{ shortestPath(from: "person:inga-imanbai", to: "person:kassym-jomart-tokayev", asOf: "2021-06-30") { length nodes { id name } edges { type citationCount citations { quote } } } }`,
  },
  {
    name: 'net-subgraph-names-citations',
    query: `{ subgraph(ids: ["person:zhanbolat-mamai", "person:inga-imanbai", "party:amanat", "person:nursultan-nazarbayev"], asOf: "2021-06-30") { nodes { id name } edges { source target type citations { quote } } } }`,
  },
  {
    name: 'net-neighbourhood-entity-fields',
    query: `{ neighbourhood(id: "party:amanat", depth: 1) { nodes { id entity { id ... on Party { names { name } } ... on Person { related(first: 3) { totalCount } } } } edges { source target } } }`,
  },
  {
    name: 'events-root',
    query: `{ events(first: 20) { totalCount edges { node { id name date { value { text } } } } } }`,
  },
];

function worked(): { name: string; query: string }[] {
  const guide = readFileSync(resolve(import.meta.dirname, '../docs/api.md'), 'utf8');
  return [...guide.matchAll(/```graphql\n# name: ([\w-]+)\n([\s\S]*?)```/g)].map((m) => ({ name: m[1]!, query: m[2]! }));
}

async function main(): Promise<void> {
  const [out, filter] = process.argv.slice(2);
  const dataDir = mkdtempSync(join(tmpdir(), 'kzgraph-profile-'));
  const logger = createLogger('warn');
  const config = loadConfig({ DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HEAP: '768m', NEO4J_PAGECACHE: '256m', LOG_LEVEL: 'warn' });
  const runtime = await openDatabase(config, logger);
  try {
    await seedIfEmpty(runtime.database, logger);
    const capture = new QueryCapture();
    const database = new Database(instrumentDriver(runtime.driver, capture), { txTimeoutMs: 60_000 });
    const app = await startApp({
      config: loadConfig({ NEO4J_URI: runtime.uri, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test', MAX_DEPTH: '64', MAX_COST: '100000000', EXPENSIVE_COST: '100000000', MAX_ALIASES: '100', RATE_LIMIT_PER_MINUTE: '0', PREFETCH: process.env.PROFILE_PREFETCH ?? 'true' }),
      logger: createLogger('silent'),
      database,
      readiness: { databaseReachable: async () => true, migrationsDone: () => true },
    });
    const url = `${app.url.replace('localhost', '127.0.0.1')}/graphql`;
    const post = async (body: unknown) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await res.json()) as { errors?: unknown[] };
    };
    const read: ReadFn = async (cypher, params) => {
      const typed = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));
      return (await runtime.driver.executeQuery(cypher, typed, { routing: neo4j.routing.READ })).records.map((r) => r.toObject());
    };
    const operations: { name: string; body: unknown }[] = [];
    for (const shape of shapes) {
      const probe = (await shape.probes(read))[0];
      if (!probe) continue;
      const request: SystemRequest = await shape.ours.build(probe, async (r) => post(r.body));
      operations.push({ name: `shape:${shape.name}`, body: request.body });
    }
    for (const q of worked()) operations.push({ name: `worked:${q.name}`, body: { query: q.query } });
    for (const q of extra) operations.push({ name: `extra:${q.name}`, body: { query: q.query, variables: q.variables ?? {} } });

    const results: { name: string; roundTrips: number; dbHits: number; errors: number }[] = [];
    const cypherDir = process.env.PROFILE_CYPHER_DIR;
    if (cypherDir) mkdirSync(cypherDir, { recursive: true });
    for (const op of operations) {
      if (filter && !filter.split(',').some((part) => op.name.includes(part))) continue;
      await post(op.body); // warm: plan caches and Neo4j's query cache, as under load
      capture.start();
      const answer = await post(op.body);
      const queries = capture.stop();
      const dbHits = await profileDbHits(runtime.driver, queries);
      results.push({ name: op.name, roundTrips: queries.length, dbHits, errors: answer.errors?.length ?? 0 });
      if (cypherDir) writeFileSync(join(cypherDir, `${op.name.replace(/[^\w-]/g, '_')}.cypher`), queries.map((q) => `${q.cypher}\n// ${JSON.stringify(q.params)}`).join('\n\n---\n\n'));
      console.log(`${op.name.padEnd(44)} trips ${String(queries.length).padStart(2)}  db hits ${String(dbHits).padStart(8)}${answer.errors ? `  ERRORS ${JSON.stringify(answer.errors).slice(0, 200)}` : ''}`);
    }
    if (out) writeFileSync(out, JSON.stringify(results, null, 2));
    await app.close();
  } finally {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
