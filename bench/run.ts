// `npm run bench` (BENCH_SCALE=small|large): generates the network, loads it twice — raw UNWIND into a
// throwaway Neo4j, then through the product's loader into the Neo4j (with APOC) that serves the run — starts
// the four systems (bench/system-server.ts), checks that they give the same answer to every probe of every
// shape (bench/answers.ts; a mismatch fails the run), then measures each shape with autocannon on loopback at
// each connection count, several runs with the order of the systems rotated, and writes the medians and
// spreads to bench/results/latest.json and docs/benchmarks.md. After each warm-up and each measurement it waits
// until the system is idle again (bench/drain.ts) and records how long that took with the sample.
// Flags: `--quick` (development: small scale, one short run), `--check` (answers only, nothing measured).
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import neo4j, { type Driver } from 'neo4j-driver';
import { createDriver, Database } from '../src/neo4j/database.js';
import { EmbeddedNeo4j } from '../src/neo4j/embedded.js';
import { ensureLauncherBuilt, launcherDir } from '../src/neo4j/install.js';
import { migrate } from '../src/neo4j/migrations.js';
import { countGraph } from '../src/repositories/dataset-repository.js';
import { DEFAULT_SEED, NetworkGenerator, scales, summarize, type BenchScaleName } from './generate.js';
import { loadRaw, loadWithProduct, type LoadReport } from './load.js';
import { renderBenchmarks } from './render.js';
import { answerHash, firstDifference } from './answers.js';
import { dig, isCompared, PROBES_PER_SHAPE, shapes, type BenchShape, type Probe, type ReadFn, type Shape, type SystemRequest, type SystemShape } from './shapes.js';
import { rootFields } from './worked-queries.js';
import { slowestProbes, waitUntilIdle, type IdleResult, type ProbeTime } from './drain.js';
import type { ChildMessage, ParentMessage, SystemName } from './system-server.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'bench/results');
const pluginsDir = join(launcherDir, 'target/plugins');

const flags = new Set(process.argv.slice(2));
const quick = flags.has('--quick');
const checkOnly = flags.has('--check');
const scale = (process.env.BENCH_SCALE ?? 'small') as BenchScaleName;
if (scale !== 'small' && scale !== 'large' && scale !== 'tiny') throw new Error('BENCH_SCALE must be small or large');
const numberEnv = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

export const settings = {
  seed: numberEnv('BENCH_SEED', DEFAULT_SEED),
  /** Concurrent connections autocannon keeps open: each shape is measured at each of these. */
  connections: (process.env.BENCH_CONNECTIONS ?? '1,4').split(',').map(Number),
  /** Runs per shape, system and connection count; results are their medians. */
  runs: numberEnv('BENCH_RUNS', quick ? 1 : 3),
  /** Warm-up before each measurement: longer in the first run (JIT, page cache), short after. */
  warmupSeconds: numberEnv('BENCH_WARMUP', quick ? 1 : 2),
  rewarmupSeconds: numberEnv('BENCH_REWARMUP', 1),
  durationSeconds: numberEnv('BENCH_DURATION', quick ? 2 : scale === 'large' ? 4 : 3),
  /** Upper bound on requests per measurement (whichever of this and the duration comes first). */
  maxRequests: numberEnv('BENCH_MAX_REQUESTS', 20_000),
  neo4jHeap: process.env.BENCH_NEO4J_HEAP ?? '1g',
  neo4jPageCache: process.env.BENCH_NEO4J_PAGECACHE ?? (scale === 'large' ? '1g' : '512m'),
  neo4jTxMemory: process.env.BENCH_NEO4J_TX_MEMORY ?? '768m',
  /** Records per product-loader transaction: everything at once for small (as `npm run seed`), batches at large. */
  productBatchRecords: numberEnv('BENCH_LOAD_BATCH', scale === 'large' ? 5_000 : Number.POSITIVE_INFINITY),
  rawBatchRows: numberEnv('BENCH_RAW_BATCH', 10_000),
  /** Longest wait, after a warm-up or a measurement, for the system to be idle again (the server's OPERATION_TIMEOUT is 60 s). */
  drainLimitMs: numberEnv('BENCH_DRAIN_LIMIT_MS', 90_000),
};
if (settings.connections.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('BENCH_CONNECTIONS must be a comma-separated list of positive integers');
if (!Number.isInteger(settings.runs) || settings.runs < 1) throw new Error('BENCH_RUNS must be a positive integer');

const startedAt = Date.now();
function log(message: string): void {
  console.error(`[bench ${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)} s] ${message}`);
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function startNeo4j(dataDir: string, withApoc: boolean): Promise<EmbeddedNeo4j> {
  const instance = new EmbeddedNeo4j({
    dataDir,
    boltPort: await freePort(),
    heap: settings.neo4jHeap,
    pageCache: settings.neo4jPageCache,
    txMemory: settings.neo4jTxMemory,
    txTimeout: '1800s',
    ...(withApoc ? { pluginsDir } : {}),
    startTimeoutMs: 300_000,
  });
  await instance.start();
  return instance;
}

function connect(uri: string): { driver: Driver; database: Database } {
  const driver = createDriver({ uri, maxPoolSize: 20, txTimeoutMs: 1_800_000 });
  return { driver, database: new Database(driver, { txTimeoutMs: 1_800_000 }) };
}

function apocAvailable(): boolean {
  if (existsSync(pluginsDir) && readdirSync(pluginsDir).some((f) => f.startsWith('apoc-core'))) return true;
  try {
    log('APOC not found in neo4j/target/plugins: running mvn -Pbench package');
    ensureLauncherBuilt({ profiles: ['bench'], force: true });
  } catch (error) {
    log(`could not fetch APOC (${error instanceof Error ? error.message : String(error)})`);
  }
  return existsSync(pluginsDir) && readdirSync(pluginsDir).some((f) => f.startsWith('apoc-core'));
}

interface RunningSystem {
  name: SystemName;
  child: ChildProcess;
  url: string;
}

function nextMessage(child: ChildProcess, type: ChildMessage['type'], timeoutMs = 120_000): Promise<ChildMessage> {
  return new Promise((done, fail) => {
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      outcome();
    };
    const timer = setTimeout(() => settle(() => fail(new Error(`no ${type} message within ${timeoutMs} ms`))), timeoutMs);
    const onMessage = (message: ChildMessage) => {
      if (message.type === 'failed') settle(() => fail(new Error(message.error)));
      else if (message.type === type) settle(() => done(message));
    };
    const onExit = (code: number | null) => settle(() => fail(new Error(`system process exited (${code})`)));
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

async function startSystem(name: SystemName, uri: string): Promise<RunningSystem> {
  // BENCH_CPU_PROF=ours,neo4j-graphql writes V8 CPU profiles of those systems (one per thread) to bench/results/profiles/.
  const profiled = (process.env.BENCH_CPU_PROF ?? '').split(',').includes(name);
  const child = fork(join(root, 'bench/system-server.ts'), [name], {
    execArgv: ['--import', 'tsx', ...(profiled ? ['--cpu-prof', `--cpu-prof-dir=${join(resultsDir, 'profiles', `${name}-${scale}`)}`] : [])],
    env: { ...process.env, BENCH_NEO4J_URI: uri, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await nextMessage(child, 'ready');
  if (ready.type !== 'ready') throw new Error('unexpected message');
  return { name, child, url: `http://127.0.0.1:${ready.port}` };
}

async function post(system: RunningSystem, request: SystemRequest): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${system.url}${request.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.body) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // kept as text for the error message
  }
  return { status: res.status, body };
}

/** Round trips and db hits of one request, as recorded under the system's driver. */
async function probe(system: RunningSystem, request: SystemRequest): Promise<{ roundTrips: number; dbHits: number; statsRoundTrips: number | null; cypher: string[] }> {
  system.child.send({ type: 'probe-start' } satisfies ParentMessage);
  await nextMessage(system.child, 'probe-started');
  const res = await post(system, request);
  system.child.send({ type: 'probe-stop' } satisfies ParentMessage);
  const result = await nextMessage(system.child, 'probe-result', 300_000);
  if (result.type !== 'probe-result') throw new Error('unexpected message');
  if (result.error) log(`  PROFILE failed on ${system.name}: ${result.error}`);
  const stats = dig(res.body, 'extensions', 'stats', 'databaseRoundTrips');
  return { roundTrips: result.roundTrips, dbHits: result.dbHits, statsRoundTrips: typeof stats === 'number' ? stats : null, cypher: result.cypher };
}

/** Latency of one request (ms), or null when it failed or took longer than `timeoutMs`. */
async function pingMs(system: RunningSystem, request: SystemRequest, timeoutMs: number): Promise<number | null> {
  const started = performance.now();
  try {
    const res = await fetch(`${system.url}${request.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.text();
    return res.ok ? performance.now() - started : null;
  } catch {
    return null;
  }
}

let transactionListFailed = false;
/** Transactions Neo4j is running other than this check's own (null, said once in the log, if it cannot tell). */
async function busyTransactions(driver: Driver): Promise<number | null> {
  try {
    // The WHERE leaves out this command's own transaction, whose query text is the one below.
    const result = await driver.executeQuery("SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE NOT currentQuery CONTAINS 'bench-idle-check'", {}, { routing: neo4j.routing.READ });
    return result.records.length;
  } catch (error) {
    if (!transactionListFailed) log(`  note: SHOW TRANSACTIONS failed (${error instanceof Error ? error.message : String(error)}); idle is judged by latency alone`);
    transactionListFailed = true;
    return null;
  }
}

/** A node lookup for each system (node-lookup's first probe) and its latency on the idle system: what the idle check asks. */
async function idlePings(systems: readonly RunningSystem[], read: ReadFn): Promise<Map<SystemName, { request: SystemRequest; baselineMs: number }>> {
  const lookup = shapes.find((s): s is Shape => s.name === 'node-lookup' && isCompared(s));
  const [first] = lookup ? await lookup.probes(read) : [];
  const out = new Map<SystemName, { request: SystemRequest; baselineMs: number }>();
  if (!lookup || !first) return out;
  for (const s of systems) {
    const spec = s.name === 'raw' ? lookup.raw : s.name === 'neo4j-graphql' ? ('unsupported' in lookup.neo4jGraphql ? null : lookup.neo4jGraphql) : lookup.ours;
    if (!spec) continue;
    const request = await spec.build(first, async (r) => (await post(s, r)).body);
    const times: number[] = [];
    for (let i = 0; i < 8; i += 1) times.push((await pingMs(s, request, 10_000)) ?? 10_000);
    // The first three warm the path; the baseline is the median of the other five.
    out.set(s.name, { request, baselineMs: median(times.slice(3)) });
  }
  return out;
}

/** One measurement: autocannon for a duration at one connection count. */
export interface Sample {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  /** How long the system took to be idle again after its warm-up, before this measurement started (bench/drain.ts). */
  warmupDrainedMs?: number;
  /** How long it took to be idle again after this measurement, before the next one started. */
  drainedMs?: number;
  /** The wait after this measurement reached its bound (settings.drainLimitMs, BENCH_DRAIN_LIMIT_MS) with the system still busy. */
  drainTimedOut?: boolean;
}

/** A system's figures at one connection count: medians over the runs, their spread ([min, max]) and the samples. */
export interface AtConnections {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  spread: { rps: [number, number]; p50: [number, number]; p95: [number, number]; p99: [number, number] };
  errors: number;
  samples: Sample[];
}

/**
 * A system's result for one shape. The top-level rps and latencies are the medians at the highest connection
 * count (`BenchResults.primaryConnections`); `byConnections` has every connection count.
 */
export interface Measurement {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  roundTrips: number;
  dbHits: number;
  /** Size of the answer to the first probe (items, total count...), for the tables. */
  answerSize: number;
  /** Hash of the canonical answers to every probe (bench/answers.ts). */
  answerHash: string;
  errors: number;
  byConnections: Record<string, AtConnections>;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : round((s[mid - 1]! + s[mid]!) / 2);
}

/** Drives one system with the prepared bodies in rotation; latencies from every response, not a histogram. */
function drive(system: RunningSystem, path: string, bodies: string[], connections: number, seconds: number, maxRequests: number): Promise<Sample> {
  return new Promise((done, fail) => {
    let next = 0;
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: `${system.url}${path}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections,
        duration: seconds,
        maxOverallRequests: maxRequests,
        requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
      },
      (error, result) => {
        if (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        latencies.sort((a, b) => a - b);
        const ok = result['2xx'];
        done({
          rps: round(ok / Math.max(result.duration, 0.001), 1),
          p50: round(percentile(latencies, 50)),
          p95: round(percentile(latencies, 95)),
          p99: round(percentile(latencies, 99)),
          requests: ok,
          errors: result.non2xx + result.errors,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

interface PreparedSystem {
  system: RunningSystem;
  path: string;
  bodies: string[];
  size: number;
  /** Canonical answer to each probe, and the hash of them all. */
  canonical: unknown[];
  hash: string;
  roundTrips: number;
  dbHits: number;
  cypher: string[];
  /** `extensions.stats.databaseRoundTrips` of the answer to each probe (null where the system reports none). */
  statsRoundTrips: (number | null)[];
  /** Root fields of each probe's GraphQL operation (null for raw's requests). */
  rootFields: (number | null)[];
  /** Wall time of each probe's answer (one request at a time, unloaded server), ms. */
  probeMs: number[];
}

/** A probe as results and logs name it. */
const probeName = (probe: Probe): string => probe.name ?? JSON.stringify(probe);

/** Builds each probe's request, checks every answer is free of errors, puts it in canonical form, and profiles the first. */
async function prepare(system: RunningSystem, spec: SystemShape, probes: Probe[]): Promise<PreparedSystem> {
  const call = async (request: SystemRequest) => (await post(system, request)).body;
  const requests: SystemRequest[] = [];
  for (const p of probes) requests.push(await spec.build(p, call));
  const first = requests[0]!;
  const canonical: unknown[] = [];
  const statsRoundTrips: (number | null)[] = [];
  const probeMs: number[] = [];
  let size = -1;
  for (const [i, request] of requests.entries()) {
    const started = performance.now();
    const res = await post(system, request);
    probeMs.push(performance.now() - started);
    const errors = dig(res.body, 'errors') ?? dig(res.body, 'error');
    if (res.status !== 200 || errors) {
      throw new Error(`${system.name} answered ${res.status} to probe ${probeName(probes[i]!)} after ${Math.round(probeMs[i]!)} ms: ${JSON.stringify(errors ?? res.body).slice(0, 600)}`);
    }
    canonical.push(spec.normalise(res.body));
    const trips = dig(res.body, 'extensions', 'stats', 'databaseRoundTrips');
    statsRoundTrips.push(typeof trips === 'number' ? trips : null);
    if (request === first) size = spec.size(res.body);
  }
  const profiled = await probe(system, first);
  if (profiled.statsRoundTrips !== null && profiled.statsRoundTrips !== profiled.roundTrips) {
    log(`  note: ${system.name} reports ${profiled.statsRoundTrips} round trips in extensions.stats, the driver saw ${profiled.roundTrips}`);
  }
  return {
    system,
    path: first.path,
    bodies: requests.map((r) => JSON.stringify(r.body)),
    size,
    canonical,
    hash: answerHash(canonical),
    roundTrips: profiled.roundTrips,
    dbHits: profiled.dbHits,
    cypher: profiled.cypher,
    statsRoundTrips,
    // Raw's requests (`/raw/<shape>`) carry Cypher parameters, one of which may be called `query`: no operation.
    rootFields: requests.map((r) => {
      const query = dig(r.body, 'query');
      return r.path === '/graphql' && typeof query === 'string' ? rootFields(query) : null;
    }),
    probeMs,
  };
}

/** The systems as results name them. */
export const systemKeys = { ours: 'ours', 'apollo-floor': 'apolloFloor', 'neo4j-graphql': 'neo4jGraphql', raw: 'raw' } as const satisfies Record<SystemName, string>;

/**
 * Database round trips of every probe's answer as the servers report them (`extensions.stats.databaseRoundTrips`,
 * ours and apolloFloor: both run startApp), beside the root fields of its operation (the rule: one per root field).
 */
export interface ShapeRoundTrips {
  /** Ours' highest over the probes. */
  max: number | null;
  /** Probes whose answer took more round trips than their operation has root fields (ours). */
  overOnePerRootField: number;
  perProbe: { probe: string; rootFields: number | null; ours: number | null; apolloFloor: number | null }[];
}

export interface ShapeResult {
  name: string;
  description: string;
  probes: number;
  roundTrips: ShapeRoundTrips;
  /** Why only ours answers this shape: no raw, apolloFloor or @neo4j/graphql figures, no answers compared. */
  oursOnly?: string;
  ours: Measurement;
  apolloFloor: Measurement | null;
  neo4jGraphql: Measurement | null;
  /** Why @neo4j/graphql has no figures for this shape. */
  neo4jGraphqlNote?: string;
  /** Why @neo4j/graphql's answers are not compared with the others (it is still measured). */
  neo4jGraphqlIncomparable?: string;
  raw: Measurement | null;
  /** Cypher @neo4j/graphql generated for the first probe (for the record). */
  neo4jGraphqlCypher?: string[];
  /** Each system's slowest probes while the answers were prepared (each probe asked once, unloaded), slowest first. */
  slowestProbes?: Partial<Record<(typeof systemKeys)[SystemName], ProbeTime[]>>;
}

export interface BenchResults {
  machine: Record<string, unknown>;
  scale: string;
  /** Runs per shape, system and connection count. */
  runs: number;
  connections: number[];
  /** The connection count whose medians are the top-level figures of each system. */
  primaryConnections: number;
  generatedAt: string;
  settings: Omit<typeof settings, 'productBatchRecords'> & { productBatchRecords: number | string };
  dataset: Record<string, unknown>;
  load: { product: LoadReport; raw: LoadReport; ratio: number; writeRatio: number; countsMatch: boolean };
  shapes: ShapeResult[];
  durationSeconds: number;
}

async function neo4jVersion(driver: Driver): Promise<string> {
  const result = await driver.executeQuery('CALL dbms.components() YIELD name, versions, edition RETURN name + " " + versions[0] + " " + edition AS v');
  return String(result.records[0]?.get('v') ?? 'unknown');
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((s, n) => s + n, 0);
}

async function main(): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  const loadBefore = os.loadavg();
  const spec = scales[scale];
  log(`scale ${scale} (${spec.people} people), seed ${settings.seed}`);

  log('generating (pass 1: source texts and checksum)');
  const summary = summarize({ scale, seed: settings.seed });
  const texts = (() => {
    const generator = new NetworkGenerator({ scale, seed: settings.seed, collectTexts: true });
    for (const chunk of generator.chunks()) void chunk;
    return generator.sourceTexts();
  })();
  log(`${summary.totalRecords} records, checksum ${summary.checksum.slice(0, 16)}…`);

  const withApoc = apocAvailable();
  const cleanup: (() => Promise<void>)[] = [];
  const systems: RunningSystem[] = [];
  try {
    // 1. Raw UNWIND load into a throwaway database of its own (not for --check, which only compares answers).
    let rawReport: LoadReport | undefined;
    let rawCounts: unknown;
    if (!checkOnly) {
      const rawDir = mkdtempSync(join(os.tmpdir(), 'kzgraph-bench-raw-'));
      log('raw load: starting a clean Neo4j');
      const rawNeo4j = await startNeo4j(rawDir, false);
      const { driver, database } = connect(rawNeo4j.uri);
      try {
        await migrate(database);
        log('raw load: writing');
        rawReport = await loadRaw(driver, new NetworkGenerator({ scale, seed: settings.seed }), Math.min(settings.productBatchRecords, 20_000), settings.rawBatchRows, log);
        rawCounts = await countGraph(database);
        log(`raw load: ${rawReport.relationships} relationships in ${(rawReport.writeMs / 1000).toFixed(1)} s (${rawReport.relationshipsPerSecond} rel/s)`);
      } finally {
        await driver.close();
        await rawNeo4j.stop();
        rmSync(rawDir, { recursive: true, force: true });
      }
    }

    // 2. The product's loader into the database the benchmark then reads.
    const dataDir = mkdtempSync(join(os.tmpdir(), 'kzgraph-bench-'));
    log(`product load: starting Neo4j${withApoc ? ' with APOC' : ' (no APOC: @neo4j/graphql will be skipped)'}`);
    const neo4jServer = await startNeo4j(dataDir, withApoc);
    cleanup.push(async () => {
      await neo4jServer.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const { driver, database } = connect(neo4jServer.uri);
    cleanup.push(() => driver.close());
    await migrate(database);
    log('product load: writing');
    const productReport = await loadWithProduct(database, new NetworkGenerator({ scale, seed: settings.seed }), texts, settings.productBatchRecords, log);
    const productCounts = await countGraph(database);
    log(`product load: ${productReport.relationships} relationships in ${(productReport.ms / 1000).toFixed(1)} s (${productReport.relationshipsPerSecond} rel/s end to end, ${productReport.writeRelationshipsPerSecond} rel/s writing)`);
    const countsMatch = JSON.stringify(productCounts) === JSON.stringify(rawCounts);
    if (!countsMatch && !checkOnly) log(`WARNING: the two loads differ: ${JSON.stringify({ product: productCounts, raw: rawCounts })}`);
    const version = await neo4jVersion(driver);
    const nodeCount = Number((await driver.executeQuery('MATCH (n) RETURN count(n) AS n')).records[0]?.get('n') ?? 0);

    // 3. The four systems.
    log('starting the systems');
    const names: SystemName[] = withApoc ? ['ours', 'apollo-floor', 'neo4j-graphql', 'raw'] : ['ours', 'apollo-floor', 'raw'];
    for (const name of names) systems.push(await startSystem(name, neo4jServer.uri));
    const system = (name: SystemName) => systems.find((s) => s.name === name);

    const read: ReadFn = async (cypher, params) => {
      const typed = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));
      return (await driver.executeQuery(cypher, typed, { routing: neo4j.routing.READ })).records.map((r) => r.toObject());
    };

    // 4. Every system answers every probe of every shape; the answers must agree before anything is measured.
    const only = process.env.BENCH_SHAPES?.split(',').map((n) => n.trim());
    const prepared: PreparedShape[] = [];
    for (const shape of shapes.filter((s) => !only || only.includes(s.name))) prepared.push(await prepareShape(shape, read, system));
    const mismatches = prepared.flatMap((p) => p.mismatches);
    if (mismatches.length > 0) {
      const file = join(resultsDir, `mismatches-${scale}.json`);
      writeFileSync(file, `${JSON.stringify(mismatches, null, 2)}\n`);
      throw new Error(
      `answers differ between systems (details in ${file}):\n${mismatches.map((m) => `  ${m.shape}: ${m.system} ${m.path === 'error' ? `failed: ${String(m.value).slice(0, 300)}` : `≠ raw on probe ${JSON.stringify(m.probe)} at ${m.path}`}`).join('\n')}`,
    );
    }
    log(`answers agree: ${prepared.length} shapes, ${prepared.reduce((n, p) => n + p.probes.length, 0)} probes, every system`);
    if (checkOnly) return;

    // Between measurements the system just driven must be idle again: no transaction left in Neo4j and a node
    // lookup about as fast as now, before anything was measured (bench/drain.ts).
    const pings = await idlePings(systems, read);
    log(`idle check: node lookup baseline ${[...pings].map(([name, p]) => `${name} ${p.baselineMs.toFixed(1)} ms`).join(', ')}; at most ${settings.drainLimitMs / 1000} s of waiting`);
    const drain = (s: RunningSystem): Promise<IdleResult> => {
      const ping = pings.get(s.name);
      const started = performance.now();
      return waitUntilIdle({
        ping: () => (ping ? pingMs(s, ping.request, Math.min(5_000, Math.max(100, settings.drainLimitMs - (performance.now() - started)))) : Promise.resolve(0)),
        busyTransactions: () => busyTransactions(driver),
        baselineMs: ping?.baselineMs ?? 0,
        limitMs: settings.drainLimitMs,
      });
    };
    const waited = (label: string, r: IdleResult) =>
      r.timedOut ? ` (STILL BUSY ${label} after ${(r.ms / 1000).toFixed(1)} s: ${r.lastBusy ?? '?'} transactions, lookup ${r.lastPingMs === null ? 'failed' : `${Math.round(r.lastPingMs)} ms`})` : r.ms >= 1000 ? ` (idle ${label} after ${(r.ms / 1000).toFixed(1)} s)` : '';

    // 5. Runs: each run measures every shape at every connection count, the systems in a rotated order.
    const perMeasurement = (run: number) => (run === 0 ? settings.warmupSeconds : settings.rewarmupSeconds) + settings.durationSeconds;
    const measurements = prepared.reduce((n, p) => n + p.systems.length, 0) * settings.connections.length;
    const planned = Array.from({ length: settings.runs }, (_, run) => perMeasurement(run) * measurements).reduce((a, b) => a + b, 0);
    log(`measuring: ${settings.runs} run(s) × ${measurements} measurements, about ${Math.round(planned / 60)} min`);
    const samples = new Map<string, Sample[]>();
    const sampleKey = (shape: string, systemName: SystemName, connections: number) => `${shape}|${systemName}|${connections}`;
    for (let run = 0; run < settings.runs; run += 1) {
      log(`run ${run + 1} of ${settings.runs}`);
      for (const [shapeIndex, p] of prepared.entries()) {
        for (const [connectionIndex, connections] of settings.connections.entries()) {
          const offset = (run + shapeIndex + connectionIndex) % p.systems.length;
          const order = [...p.systems.slice(offset), ...p.systems.slice(0, offset)];
          const line: string[] = [];
          for (const s of order) {
            await drive(s.system, s.path, s.bodies, connections, run === 0 ? settings.warmupSeconds : settings.rewarmupSeconds, settings.maxRequests);
            const afterWarmup = await drain(s.system);
            const measured = await drive(s.system, s.path, s.bodies, connections, settings.durationSeconds, settings.maxRequests);
            const afterMeasurement = await drain(s.system);
            const sample: Sample = {
              ...measured,
              warmupDrainedMs: Math.round(afterWarmup.ms),
              drainedMs: Math.round(afterMeasurement.ms),
              ...(afterMeasurement.timedOut ? { drainTimedOut: true } : {}),
            };
            const k = sampleKey(p.shape.name, s.system.name, connections);
            samples.set(k, [...(samples.get(k) ?? []), sample]);
            line.push(
              `${s.system.name} ${sample.rps} rps p50 ${sample.p50}${sample.errors ? ` (${sample.errors} errors)` : ''}${waited('after warm-up', afterWarmup)}${waited('after', afterMeasurement)}`,
            );
          }
          log(`  ${p.shape.name} ×${connections}: ${line.join(' | ')}`);
        }
      }
    }
    const primaryConnections = Math.max(...settings.connections);
    const results: ShapeResult[] = prepared.map((p) => {
      const measurement = (s: PreparedSystem): Measurement => {
        const byConnections: Record<string, AtConnections> = {};
        for (const c of settings.connections) byConnections[String(c)] = summarise(samples.get(sampleKey(p.shape.name, s.system.name, c)) ?? []);
        const top = byConnections[String(primaryConnections)]!;
        return {
          rps: top.rps,
          p50: top.p50,
          p95: top.p95,
          p99: top.p99,
          roundTrips: s.roundTrips,
          dbHits: s.dbHits,
          answerSize: s.size,
          answerHash: s.hash,
          errors: Object.values(byConnections).reduce((n, a) => n + a.errors, 0),
          byConnections,
        };
      };
      const of = (name: SystemName) => p.systems.find((s) => s.system.name === name);
      const ngql = of('neo4j-graphql');
      const ours = of('ours')!;
      const floor = of('apollo-floor');
      const rawSystem = of('raw');
      const compared = isCompared(p.shape) ? p.shape : null;
      const perProbe = p.probes.map((probe, i) => ({
        probe: probeName(probe),
        rootFields: ours.rootFields[i] ?? null,
        ours: ours.statsRoundTrips[i] ?? null,
        apolloFloor: floor?.statsRoundTrips[i] ?? null,
      }));
      const oursTrips = perProbe.map((x) => x.ours).filter((n): n is number => n !== null);
      return {
        name: p.shape.name,
        description: p.shape.description,
        probes: p.probes.length,
        roundTrips: {
          max: oursTrips.length ? Math.max(...oursTrips) : null,
          overOnePerRootField: perProbe.filter((x) => x.ours !== null && x.rootFields !== null && x.ours > x.rootFields).length,
          perProbe,
        },
        ...('oursOnly' in p.shape ? { oursOnly: p.shape.oursOnly } : {}),
        ours: measurement(ours),
        apolloFloor: floor ? measurement(floor) : null,
        neo4jGraphql: ngql ? measurement(ngql) : null,
        ...(p.neo4jGraphqlNote ? { neo4jGraphqlNote: p.neo4jGraphqlNote } : {}),
        ...(ngql && compared?.neo4jGraphqlIncomparable ? { neo4jGraphqlIncomparable: compared.neo4jGraphqlIncomparable } : {}),
        raw: rawSystem ? measurement(rawSystem) : null,
        ...(ngql ? { neo4jGraphqlCypher: ngql.cypher } : {}),
        slowestProbes: Object.fromEntries(p.systems.map((s) => [systemKeys[s.system.name], slowestProbes(p.probes.map(probeName), s.probeMs)])),
      };
    });

    const report: BenchResults = {
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGiB: round(os.totalmem() / 2 ** 30, 1),
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        node: process.version,
        neo4j: version,
        neo4jHeap: settings.neo4jHeap,
        neo4jPageCache: settings.neo4jPageCache,
        loadAverageBefore: loadBefore.map((n) => round(n)),
        loadAverageAfter: os.loadavg().map((n) => round(n)),
      },
      scale,
      runs: settings.runs,
      connections: settings.connections,
      primaryConnections,
      generatedAt: new Date().toISOString(),
      settings: { ...settings, productBatchRecords: Number.isFinite(settings.productBatchRecords) ? settings.productBatchRecords : 'all (one transaction)' },
      dataset: {
        seed: settings.seed,
        checksum: summary.checksum,
        records: summary.records,
        totalRecords: summary.totalRecords,
        nodes: nodeCount,
        relationships: sum(productCounts.relationships),
        relationshipsByType: productCounts.relationships,
      },
      load: {
        product: productReport,
        raw: rawReport!,
        ratio: round(productReport.relationshipsPerSecond / Math.max(1, rawReport!.relationshipsPerSecond), 3),
        writeRatio: round(productReport.writeRelationshipsPerSecond / Math.max(1, rawReport!.relationshipsPerSecond), 3),
        countsMatch,
      },
      shapes: results,
      durationSeconds: round((Date.now() - startedAt) / 1000, 1),
    };
    writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(resultsDir, `${scale}.json`), `${JSON.stringify(report, null, 2)}\n`);
    renderBenchmarks(resultsDir, join(root, 'docs/benchmarks.md'));
    log(`wrote bench/results/latest.json and docs/benchmarks.md (${report.durationSeconds} s in all)`);
  } finally {
    // Asked to stop, a system closes its server and driver and exits by itself (so a CPU profile gets written).
    await Promise.all(
      systems.map(
        (s) =>
          new Promise<void>((done) => {
            const timer = setTimeout(() => (s.child.kill('SIGTERM'), done()), 10_000);
            s.child.once('exit', () => (clearTimeout(timer), done()));
            s.child.send({ type: 'stop' } satisfies ParentMessage);
          }),
      ),
    );
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  }
}

/** Medians over the runs, and their spread. */
function summarise(list: Sample[]): AtConnections {
  const of = (k: 'rps' | 'p50' | 'p95' | 'p99') => list.map((x) => x[k]);
  const range = (k: 'rps' | 'p50' | 'p95' | 'p99'): [number, number] => [Math.min(...of(k)), Math.max(...of(k))];
  return {
    rps: median(of('rps')),
    p50: median(of('p50')),
    p95: median(of('p95')),
    p99: median(of('p99')),
    spread: { rps: range('rps'), p50: range('p50'), p95: range('p95'), p99: range('p99') },
    errors: list.reduce((n, x) => n + x.errors, 0),
    samples: list,
  };
}

interface Mismatch {
  shape: string;
  system: SystemName;
  probe: Probe;
  path: string;
  /** The system's canonical value there, and raw's. */
  value: unknown;
  raw: unknown;
}

interface PreparedShape {
  shape: BenchShape;
  probes: Probe[];
  systems: PreparedSystem[];
  neo4jGraphqlNote?: string;
  mismatches: Mismatch[];
}

/** Each system's slowest probe while answers were prepared, for the log: `ours 812 ms ({"id":"…"})`. */
function slowestLine(systems: readonly (PreparedSystem | null)[], probes: readonly Probe[]): string {
  const parts = systems.flatMap((s) => {
    const [top] = s ? slowestProbes(probes.map(probeName), s.probeMs, 1) : [];
    return s && top ? [`${s.system.name} ${Math.round(top.ms)} ms (${top.probe.slice(0, 80)})`] : [];
  });
  return parts.length ? ` | slowest probe: ${parts.join(', ')}` : '';
}

/** Builds every system's requests for the shape's probes and compares their canonical answers with raw's. */
async function prepareShape(shape: BenchShape, read: ReadFn, system: (name: SystemName) => RunningSystem | undefined): Promise<PreparedShape> {
  const found = await shape.probes(read);
  const probes = 'everyProbe' in shape ? found : found.slice(0, PROBES_PER_SHAPE);
  if (probes.length === 0) throw new Error(`shape ${shape.name}: no probe values found in the graph`);
  const mismatches: Mismatch[] = [];
  // A system that fails to answer is reported with the others' differences rather than ending the check.
  const attempt = async (name: SystemName, spec: SystemShape): Promise<PreparedSystem | null> => {
    try {
      return await prepare(system(name)!, spec, probes);
    } catch (error) {
      mismatches.push({ shape: shape.name, system: name, probe: probes[0]!, path: 'error', value: error instanceof Error ? error.message : String(error), raw: null });
      return null;
    }
  };
  if (!isCompared(shape)) {
    const alone = await attempt('ours', shape.ours);
    log(`${shape.name}: ${probes.length} probes | ours only${alone ? ` ${alone.hash} ${alone.roundTrips} trips (first probe) ${alone.dbHits} hits` : ' FAILED'}${slowestLine([alone], probes)}`);
    return { shape, probes, systems: alone ? [alone] : [], mismatches };
  }
  const raw = await prepare(system('raw')!, shape.raw, probes);
  const ours = await attempt('ours', shape.ours);
  // apolloFloor answers ours' query on ours' schema, so its answer reads exactly like ours'.
  const floor = await attempt('apollo-floor', shape.ours);
  const ngqlSystem = system('neo4j-graphql');
  let ngql: PreparedSystem | null = null;
  let note: string | undefined;
  if ('unsupported' in shape.neo4jGraphql) note = shape.neo4jGraphql.unsupported;
  else if (!ngqlSystem) note = 'APOC core was not available, so @neo4j/graphql was not started';
  else ngql = await attempt('neo4j-graphql', shape.neo4jGraphql);
  if (!ours || !floor || (ngqlSystem && !note && !ngql)) {
    log(`${shape.name}: a system failed to answer (${mismatches.map((m) => m.system).join(', ')})`);
    return { shape, probes, systems: [], mismatches };
  }

  const compared = [ours, floor, ...(ngql && !shape.neo4jGraphqlIncomparable ? [ngql] : [])];
  for (const s of compared) {
    if (s.hash === raw.hash) continue;
    const i = s.canonical.findIndex((c, n) => answerHash(c) !== answerHash(raw.canonical[n]));
    const d = firstDifference(s.canonical[i], raw.canonical[i]);
    mismatches.push({ shape: shape.name, system: s.system.name, probe: probes[i]!, path: d?.path ?? '$', value: d?.left, raw: d?.right });
  }
  const fmt = (s: PreparedSystem | null) => (s ? `${s.hash}${s.hash === raw.hash ? '' : ' (DIFFERS)'} ${s.roundTrips} trips ${s.dbHits} hits` : 'n/a');
  log(`${shape.name}: ${probes.length} probes | raw ${fmt(raw)} | ours ${fmt(ours)} | apolloFloor ${fmt(floor)} | @neo4j/graphql ${fmt(ngql)}${ngql && shape.neo4jGraphqlIncomparable ? ' (not compared)' : ''}${slowestLine([ours, floor, ngql, raw], probes)}`);
  return { shape, probes, systems: [ours, floor, ...(ngql ? [ngql] : []), raw], ...(note ? { neo4jGraphqlNote: note } : {}), mismatches };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
