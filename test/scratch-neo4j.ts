// The run's second Neo4j, for test files that write (curation, imports): instead of one JVM per such file, ONE
// scratch server is started on first demand and leased to one file at a time, wiped (and reseeded) before each
// lease, so every file still starts from a fresh graph. The lease is a held-open HTTP response: the file's worker
// releases it by closing the request, and a worker that dies releases it too, so a crash cannot wedge the run.
// Runs in Vitest's main process (test/global-setup.ts); files lease through test/isolated.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { wipeContent } from '../src/repositories/bulk-repository.js';
import { openDatabase, type DatabaseRuntime } from '../src/runtime.js';
import { seedIfEmpty } from '../src/seed.js';
import { freePort } from './free-port.js';

/** Settings of the scratch server: room for the bulk tests' large transactions, the heap above the transaction limit (at 512m each, a full run lost the JVM in the staged-import kills test, run after every writing file). */
export const scratchSettings = { NEO4J_HEAP: '1g', NEO4J_PAGECACHE: '128m', NEO4J_TX_MEMORY: '512m', NEO4J_TX_TIMEOUT: '300s' };

export interface ScratchService {
  url: string;
  close: () => Promise<void>;
}

interface Waiter {
  seed: boolean;
  res: ServerResponse;
}

export async function startScratchService(): Promise<ScratchService> {
  const logger = createLogger('warn');
  let dataDir: string | null = null;
  let runtime: Promise<DatabaseRuntime> | null = null;
  const queue: Waiter[] = [];
  let holder: ServerResponse | null = null;

  const neo4j = () =>
    (runtime ??= (async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'kzgraph-scratch-'));
      const config = loadConfig({ DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()), LOG_LEVEL: 'warn', ...scratchSettings });
      return openDatabase(config, logger);
    })());

  const grantNext = async (): Promise<void> => {
    if (holder) return;
    const next = queue.shift();
    if (!next) return;
    if (next.res.destroyed) return grantNext(); // gave up while waiting
    holder = next.res;
    const release = () => {
      if (holder !== next.res) return;
      holder = null;
      void grantNext();
    };
    next.res.once('close', release);
    try {
      const db = await neo4j();
      await wipeContent(db.database);
      if (next.seed) await seedIfEmpty(db.database, logger);
      // The lease: the URI now, the response held open until the file lets go.
      next.res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      next.res.write(`${JSON.stringify({ uri: db.uri })}\n`);
    } catch (error) {
      next.res.writeHead(500, { 'content-type': 'application/x-ndjson' });
      next.res.end(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
    }
  };

  const server = createServer((req, res) => {
    if (req.method !== 'POST' || !req.url?.startsWith('/lease')) {
      res.writeHead(404).end();
      return;
    }
    queue.push({ seed: !req.url.includes('seed=false'), res });
    void grantNext();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      if (runtime) await (await runtime).close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
