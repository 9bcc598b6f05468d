// Runs the embedded Neo4j launcher (neo4j/) as a child JVM: start, wait for its ready line, stop cleanly.
// Its stdin stays a pipe from us, so if this process dies the JVM sees EOF and shuts down with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureLauncherBuilt, launcherClasspath, launcherMainClass } from './install.js';

export interface EmbeddedNeo4jOptions {
  dataDir: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  txMemory: string;
  txTimeout: string;
  /** Extra plugin jars (APOC for benchmarks). */
  pluginsDir?: string;
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}

/** Emits `exit` (code, signal) when the JVM ends without stop() having been asked. */
export class EmbeddedNeo4j extends EventEmitter {
  private child: ChildProcess | null = null;
  private stopping = false;
  readonly uri: string;

  constructor(private readonly options: EmbeddedNeo4jOptions) {
    super();
    this.uri = `bolt://127.0.0.1:${options.boltPort}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    ensureLauncherBuilt();
    const storeDir = resolve(this.options.dataDir, 'neo4j');
    mkdirSync(storeDir, { recursive: true });
    const args = [
      `-Xms${this.options.heap}`,
      `-Xmx${this.options.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-cp',
      // APOC registers its components through an extension factory found on the classpath, not in plugin_dir:
      // embedded, its jars must be on both (the Neo4j server's start script does the same for plugins/).
      this.options.pluginsDir ? `${launcherClasspath}:${join(resolve(this.options.pluginsDir), '*')}` : launcherClasspath,
      launcherMainClass,
      '--data-dir',
      storeDir,
      '--bolt-port',
      String(this.options.boltPort),
      '--pagecache',
      this.options.pageCache,
      '--tx-memory',
      this.options.txMemory,
      '--tx-timeout',
      this.options.txTimeout,
    ];
    if (this.options.pluginsDir) args.push('--plugins', this.options.pluginsDir);

    this.stopping = false;
    const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    const log = this.options.log ?? (() => undefined);
    const errors: string[] = [];

    await new Promise<void>((resolvePromise, reject) => {
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolvePromise();
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        settle(new EmbeddedNeo4jError(`Neo4j did not report ready within ${(this.options.startTimeoutMs ?? 120_000) / 1000} s.`));
      }, this.options.startTimeoutMs ?? 120_000);

      createInterface({ input: child.stdout }).on('line', (line) => {
        log(line);
        if (line.startsWith('NEO4J_LAUNCHER_READY')) settle();
      });
      createInterface({ input: child.stderr }).on('line', (line) => {
        log(line);
        if (line.startsWith('NEO4J_LAUNCHER_ERROR')) errors.push(line.replace('NEO4J_LAUNCHER_ERROR ', ''));
      });
      child.on('error', (error) => settle(new EmbeddedNeo4jError(`Could not run java: ${error.message}`)));
      child.on('exit', (code, signal) => {
        settle(
          new EmbeddedNeo4jError(
            errors.length > 0 ? errors.join('\n') : `Neo4j exited during start (code ${code}, signal ${signal}).`,
          ),
        );
        if (!this.stopping) this.emit('exit', code, signal);
      });
    });
  }

  /** SIGTERM, then SIGKILL if the JVM is not gone within `graceMs`. Resolves once the process has exited. */
  async stop(graceMs = 12_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.stopping = true;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    child.stdin?.destroy();
  }
}
