// `npx tsx bench/import.ts [--lines 100000,1000000] [--staged]`: the bulk import at the default settings. For each
// size it writes a JSONL file (one article, one party, then people and their memberships, every record citing the
// article), imports it with `npm run import` into a fresh embedded Neo4j started with the app's defaults
// (NEO4J_TX_MEMORY 256m, NEO4J_HEAP 768m), and prints the time, the exit code and the CLI's last lines.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/free-port.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const QUOTE = 'Members of the Example Party met in Astana to register their candidates for the election.';

/** Writes `lines` lines: the article, the party, then a person and a membership of that person, alternating. */
export async function writeImportFile(path: string, lines: number, prefix = 'bench'): Promise<void> {
  const out = createWriteStream(path);
  const write = (value: unknown) => (out.write(`${JSON.stringify(value)}\n`) ? Promise.resolve() : new Promise<void>((done) => out.once('drain', done)));
  const cite = [{ source: `source:${prefix}-article`, quote: QUOTE }];
  await write({ collection: 'sources', record: { id: `source:${prefix}-article`, kind: 'ARTICLE', publisher: 'Bench Wire', title: 'Candidates registered', date: '2024-05', text: `${QUOTE} The list is long.`, retrievedAt: '2024-05-02' } });
  await write({ collection: 'parties', record: { id: `party:${prefix}-party`, name: `Example Party ${prefix}`, citations: cite } });
  for (let i = 1; i <= Math.floor((lines - 2) / 2); i += 1) {
    await write({ collection: 'people', record: { id: `person:${prefix}-${i}`, name: `Bench Person ${prefix} ${i}`, citations: cite } });
    await write({
      collection: 'memberships',
      record: { id: `membership:${prefix}-${i}`, person: `person:${prefix}-${i}`, organization: `party:${prefix}-party`, role: 'member', from: '2020', citations: cite },
    });
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
}

interface Run {
  lines: number;
  bytes: number;
  code: number | null;
  ms: number;
  tail: string[];
}

/** `npm run import -- FILE` against a fresh embedded Neo4j at the app's default settings. */
async function importAtDefaults(file: string, lines: number, staged: boolean): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kzgraph-bench-import-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()), LOG_LEVEL: 'warn' };
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file, ...(staged ? ['--staged'] : [])], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString();
    process.stderr.write(c);
  });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  rmSync(dataDir, { recursive: true, force: true });
  return { lines, bytes: statSync(file).size, code, ms: Date.now() - started, tail: output.trim().split('\n').slice(-6) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { lines: { type: 'string' }, staged: { type: 'boolean' } } });
  const sizes = (values.lines ?? '100000,1000000').split(',').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'kzgraph-bench-import-file-'));
  try {
    for (const lines of sizes) {
      const file = join(dir, `import-${lines}.jsonl`);
      await writeImportFile(file, lines);
      const run = await importAtDefaults(file, lines, values.staged ?? false);
      console.log(JSON.stringify({ ...run, seconds: Math.round(run.ms / 100) / 10 }));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
