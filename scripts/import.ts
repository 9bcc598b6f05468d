// `npm run import -- FILE [--dry-run] [--format jsonl|csv] [--collection NAME] [--actor NAME]`: validates the
// whole file first and lists every problem with its line; writes nothing unless all of it is valid; then writes
// what differs from the graph in one transaction with a progress bar, and prints what changed.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { planImport, readBulkFile, summarise, writeImport, type BulkFormat, type ImportSummary } from '../src/bulk/import.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { formatIssue } from '../src/dataset/validate.js';
import { datasetKeys, type DatasetKey } from '../src/dataset/schema.js';
import { createLogger } from '../src/logger.js';
import { openDatabase, type DatabaseRuntime } from '../src/runtime.js';

const usage = `Usage: npm run import -- FILE [--dry-run] [--format jsonl|csv] [--collection NAME] [--actor NAME]

FILE is JSONL (one {"collection", "record"} a line, as \`npm run export -- --format jsonl\` writes) or CSV
(one collection a file: people.csv, memberships.csv..., or say which with --collection). See docs/import-format.md.
Everything is validated first; if any line is bad, every problem is listed with its line and nothing is written.
--dry-run validates and reports what would change, writing nothing. --actor names who the audit trail records
(default: import). Connects like the app: NEO4J_URI, or the embedded Neo4j in DATA_DIR.`;

interface Args {
  file: string;
  dryRun: boolean;
  format?: BulkFormat;
  collection?: DatasetKey;
  actor: string;
}

class UsageError extends Error {}

function parseCommandLine(argv: string[]): Args {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'dry-run': { type: 'boolean' },
      format: { type: 'string' },
      collection: { type: 'string' },
      actor: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
  if (values.format !== undefined && values.format !== 'jsonl' && values.format !== 'csv') throw new UsageError('--format is jsonl or csv');
  if (values.collection !== undefined && !(datasetKeys as readonly string[]).includes(values.collection)) {
    throw new UsageError(`--collection is one of ${datasetKeys.join(', ')}`);
  }
  const actor = values.actor ?? 'import';
  if (!/^[\w.@:-]{1,64}$/.test(actor)) throw new UsageError('--actor is 1-64 letters, digits, _ . @ : or -');
  return {
    file: positionals[0]!,
    dryRun: values['dry-run'] ?? false,
    ...(values.format ? { format: values.format } : {}),
    ...(values.collection ? { collection: values.collection as DatasetKey } : {}),
    actor,
  };
}

function printSummary(summary: ImportSummary, dryRun: boolean): void {
  const verb = dryRun ? 'would be' : 'were';
  console.log(
    `${summary.created} record(s) ${verb} created, ${summary.updated} updated, ${summary.unchanged} unchanged; ` +
      `${summary.retracted} fact(s) ${verb} retracted, ${summary.redirected} merged id(s) redirected` +
      (summary.rebuilt > 0 ? `; ${summary.rebuilt} candidacies/results ${verb} rebuilt for new election dates` : '') +
      '.',
  );
  for (const [collection, n] of Object.entries(summary.byCollection)) console.log(`  ${collection.padEnd(14)} +${n.created} ~${n.updated}`);
}

async function main(): Promise<number> {
  let args: Args;
  let config;
  try {
    args = parseCommandLine(process.argv.slice(2));
    // An import is one transaction: give it ten minutes unless NEO4J_TX_TIMEOUT says otherwise.
    config = loadConfig({ NEO4J_TX_TIMEOUT: '600s', ...process.env });
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  let file;
  try {
    file = await readBulkFile(args.file, { ...(args.format ? { format: args.format } : {}), ...(args.collection ? { collection: args.collection } : {}) });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  console.error(`read ${file.lines} line(s) from ${args.file}`);

  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  let runtime: DatabaseRuntime | null = null;
  const bars = new cliProgress.MultiBar(
    { format: '{phase} {bar} {value}/{total} | {rate}/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  try {
    runtime = await openDatabase(config, logger);
    let checkBar: cliProgress.SingleBar | null = null;
    const started = Date.now();
    const plan = await planImport(runtime.database, file, (phase, done, total) => {
      if (!checkBar) checkBar = bars.create(total, 0, { phase: phase.padEnd(9), rate: '0' });
      checkBar.setTotal(total);
      checkBar.update(done, { phase: phase.padEnd(9), rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0) });
    });
    bars.stop();
    if (plan.issues.length > 0) {
      for (const issue of plan.issues) console.error(formatIssue(issue));
      console.error(`${plan.issues.length} problem(s) in ${args.file}; nothing was written.`);
      return 1;
    }
    if (args.dryRun) {
      console.log(`${args.file} is valid (dry run: nothing written).`);
      printSummary(summarise(plan), true);
      return 0;
    }
    const writeBars = new cliProgress.MultiBar(
      { format: 'writing   {bar} {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let bar: cliProgress.SingleBar | null = null;
    let written = 0;
    const writeStarted = Date.now();
    const summary = await writeImport(runtime.database, plan, {
      actor: args.actor,
      onStart: (total) => {
        bar = writeBars.create(Math.max(total, 1), 0, { rate: '0' });
      },
      onRows: (n) => {
        written += n;
        bar?.update(written, { rate: (written / Math.max(0.001, (Date.now() - writeStarted) / 1000)).toFixed(0) });
      },
    });
    writeBars.stop();
    printSummary(summary, false);
    return 0;
  } catch (error) {
    bars.stop();
    logger.error({ err: error }, 'import failed');
    console.error(`import failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await runtime?.close();
  }
}

process.exitCode = await main();
