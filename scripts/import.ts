// `npm run import -- FILE [--dry-run] [--staged] [--format jsonl|csv] [--collection NAME] [--actor NAME]`:
// validates the whole file first and lists every problem with its line; writes nothing unless all of it is
// valid; then writes what differs from the graph in one transaction (or, for a file too large for one, staged
// where no reader sees it and published from a journal) with a progress bar, and prints what changed.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import {
  describeError,
  describeSameSources,
  ImportIncompleteError,
  isTransactionTooLarge,
  planImport,
  readBulkFile,
  SourceStoredMeanwhileError,
  summarise,
  writeImport,
  type BulkFormat,
  type ImportPlan,
  type ImportSummary,
  type WriteImportOptions,
} from '../src/bulk/import.js';
import { OutcomeUnknownError, type Database } from '../src/neo4j/database.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { formatIssue } from '../src/dataset/validate.js';
import { datasetKeys, type DatasetKey } from '../src/dataset/schema.js';
import { createLogger } from '../src/logger.js';
import { describeResolutions, planPopoloImport, readPopoloFile } from '../src/popolo/import.js';
import { openDatabase, type DatabaseRuntime } from '../src/runtime.js';

const usage = `Usage: npm run import -- FILE [--dry-run] [--staged [--rows-per-transaction N]] [--format jsonl|csv|popolo]
                      [--collection NAME] [--actor NAME]
                      [--title TEXT --publisher NAME --url URL --retrieved YYYY-MM-DD]   (popolo: the dataset source)

FILE is JSONL (one {"collection", "record"} a line, as \`npm run export -- --format jsonl\` writes) or CSV
(one collection a file: people.csv, memberships.csv..., or say which with --collection), or Popolo JSON with
--format popolo: persons, parties and legislatures are resolved against the graph (merged only on agreeing
evidence; --dry-run lists what would be created, merged and flagged). See docs/import-format.md.
Everything is validated first; if any line is bad, every problem is listed with its line and nothing is written.
--dry-run validates and reports what would change, writing nothing. --actor names who the audit trail records
(default: import). A file is written in one transaction when its estimated memory is within half of the
database's transaction limit (db.memory.transaction.max, NEO4J_TX_MEMORY); larger (or with --staged), it is
staged where no reader sees it, in transactions sized by the memory they need (at most N rows each with
--rows-per-transaction), with a journal of what publishing it does; one small transaction then decides it, and
the journal is applied in transactions of the same size. Failing or killed before that point, it leaves nothing
visible and its staged rows are removed at the next start or import; after it, the rest of the journal is applied
by the next start or import. See docs/import-format.md. Connects like the app: NEO4J_URI, or the embedded Neo4j
in DATA_DIR.`;

interface Args {
  file: string;
  dryRun: boolean;
  staged: boolean;
  /** An upper bound on rows per staging transaction (they are sized by memory anyway). */
  rowsPerTransaction: number | undefined;
  format?: BulkFormat | 'popolo';
  collection?: DatasetKey;
  actor: string;
  source: { title?: string; publisher?: string; url?: string; retrieved?: string };
}

class UsageError extends Error {}

function parseCommandLine(argv: string[]): Args {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'dry-run': { type: 'boolean' },
      staged: { type: 'boolean' },
      'rows-per-transaction': { type: 'string' },
      format: { type: 'string' },
      collection: { type: 'string' },
      actor: { type: 'string' },
      title: { type: 'string' },
      publisher: { type: 'string' },
      url: { type: 'string' },
      retrieved: { type: 'string' },
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
  if (values.format !== undefined && values.format !== 'jsonl' && values.format !== 'csv' && values.format !== 'popolo') throw new UsageError('--format is jsonl, csv or popolo');
  if (values.retrieved !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.retrieved)) throw new UsageError('--retrieved is a date, YYYY-MM-DD');
  if (values.collection !== undefined && !(datasetKeys as readonly string[]).includes(values.collection)) {
    throw new UsageError(`--collection is one of ${datasetKeys.join(', ')}`);
  }
  const rows = values['rows-per-transaction'] === undefined ? undefined : Number(values['rows-per-transaction']);
  if (rows !== undefined && (!Number.isInteger(rows) || rows < 100)) throw new UsageError('--rows-per-transaction is a whole number of at least 100');
  const actor = values.actor ?? 'import';
  if (!/^[\w.@:-]{1,64}$/.test(actor)) throw new UsageError('--actor is 1-64 letters, digits, _ . @ : or -');
  return {
    file: positionals[0]!,
    dryRun: values['dry-run'] ?? false,
    staged: values.staged ?? false,
    rowsPerTransaction: rows,
    ...(values.format ? { format: values.format } : {}),
    ...(values.collection ? { collection: values.collection as DatasetKey } : {}),
    actor,
    source: {
      ...(values.title ? { title: values.title } : {}),
      ...(values.publisher ? { publisher: values.publisher } : {}),
      ...(values.url ? { url: values.url } : {}),
      ...(values.retrieved ? { retrieved: values.retrieved } : {}),
    },
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

/**
 * The file's sources recognised as documents already held (the same canonical URL, else the identical text):
 * not stored again; what cites them cites the kept source. File, line, and the kept source's id.
 */
function printSameSources(plan: ImportPlan, dryRun: boolean): void {
  const lines = describeSameSources(plan);
  if (lines.length === 0) return;
  console.log(`${lines.length} source(s) of the file ${dryRun ? 'would not be' : 'were not'} stored again (the same document is held; what cites them cites it):`);
  for (const line of lines) console.log(`  ${line}`);
}

/** Writes the plan with a progress bar of rows written: count, rate, ETA. */
async function write(database: Database, plan: ImportPlan, args: Args, mode: WriteImportOptions['mode']): Promise<ImportSummary> {
  const bar = new cliProgress.SingleBar(
    // Outside a terminal (logs, CI) the bar prints a line every few seconds instead of redrawing.
    { format: `writing   {bar} {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true, etaBuffer: 20, noTTYOutput: true, notTTYSchedule: 5_000 },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let shown = false;
  try {
    return await writeImport(database, plan, {
      actor: args.actor,
      ...(mode ? { mode } : {}),
      ...(args.rowsPerTransaction ? { rowsPerTransaction: args.rowsPerTransaction } : {}),
      onMode: (chosen) => {
        if (!mode && chosen === 'staged') {
          console.error('The import is too large for one transaction (NEO4J_TX_MEMORY): staging it in transactions sized by the memory they need, then publishing it.');
        }
      },
      // `done` is what is written of `total` now (a retried transaction starts its count again): never more.
      onProgress: (done, total) => {
        if (!shown) bar.start(Math.max(total, 1), 0, { rate: '0' });
        shown = true;
        bar.update(done, { rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0) });
      },
    });
  } finally {
    bar.stop();
  }
}

/**
 * Writes in the mode asked (--staged) or the one the size estimate picks; a single transaction the database
 * refuses for its size (the estimate was off) is staged instead: the refusal wrote nothing.
 */
async function writeWithFallback(database: Database, plan: ImportPlan, args: Args): Promise<ImportSummary> {
  try {
    return await write(database, plan, args, args.staged ? 'staged' : undefined);
  } catch (error) {
    if (args.staged || !isTransactionTooLarge(error)) throw error;
    console.error(`The database refused one transaction for its size (${describeError(error)}); staging the import instead.`);
    return write(database, plan, args, 'staged');
  }
}

/**
 * The one line a failed import ends with; it never says both "nothing was written" and "unknown". A refusal is
 * reported with the database's own code; a lost answer to a COMMIT, as what it is.
 */
function failureMessage(error: unknown): string {
  if (error instanceof ImportIncompleteError || error instanceof SourceStoredMeanwhileError) return `import failed: ${error.message}`;
  if (error instanceof OutcomeUnknownError) {
    return `import failed: the connection was lost while its one transaction committed (${describeError(error.cause)}), so it is either wholly in the graph or not at all; import the same file again to be sure (that changes nothing if it is in)`;
  }
  return `import failed, nothing was written: ${describeError(error)}`;
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
  if (args.format === 'popolo') return importPopolo(args, config);
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
    { format: '{phase} {bar} {value}/{total} | {rate}/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, clearOnComplete: false, noTTYOutput: true, notTTYSchedule: 5_000 },
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
      printSameSources(plan, true);
      return 0;
    }
    const summary = await writeWithFallback(runtime.database, plan, args);
    printSummary(summary, false);
    printSameSources(plan, false);
    return 0;
  } catch (error) {
    bars.stop();
    logger.error({ err: error }, 'import failed');
    console.error(failureMessage(error));
    return 1;
  } finally {
    await runtime?.close();
  }
}

/** `--format popolo`: read, resolve against the graph, list the decisions, write through the bulk importer. */
async function importPopolo(args: Args, config: ReturnType<typeof loadConfig>): Promise<number> {
  let doc;
  try {
    doc = await readPopoloFile(args.file);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  console.error(`read ${doc.persons.length} person(s), ${doc.organizations.length} organisation(s), ${doc.memberships.length} membership(s), ${doc.events.length} event(s) from ${args.file}`);
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  let runtime: DatabaseRuntime | null = null;
  try {
    runtime = await openDatabase(config, logger);
    const retrieved = args.source.retrieved ?? new Date().toISOString().slice(0, 10);
    const result = await planPopoloImport(runtime.database, doc, {
      title: args.source.title ?? `Popolo dataset ${args.file.split('/').pop() ?? args.file}`,
      publisher: args.source.publisher ?? 'EveryPolitician',
      url: args.source.url ?? null,
      retrieved,
    });
    if (result.issues.length > 0 || !result.plan) {
      for (const issue of result.issues) console.error(formatIssue(issue));
      console.error(`${result.issues.length} problem(s) in ${args.file}; nothing was written.`);
      return 1;
    }
    const lines = describeResolutions(result);
    const counts = { merge: 0, create: 0, flag: 0, skip: 0, same: 0, differs: 0 };
    for (const line of lines) counts[line.trim().split(' ')[0] as keyof typeof counts] += 1;
    console.log(
      `${counts.create} entities would be created, ${counts.merge} merged into existing ones, ${counts.flag} possible duplicate(s) flagged, ${counts.skip} element(s) skipped; ${counts.same} membership(s) the graph holds already; ${counts.differs} value(s) on which the file and the graph disagree.`,
    );
    if (args.dryRun) {
      for (const line of lines) console.log(line);
      console.log(`${args.file} is valid (dry run: nothing written).`);
      printSummary(summarise(result.plan), true);
      printSameSources(result.plan, true);
      return 0;
    }
    // Flags and disagreements are printed on a real import too: each disagreeing date is kept beside the graph's.
    lines.forEach((line, i) => {
      if (line.trimStart().startsWith('flag')) console.log(line);
      else if (line.trimStart().startsWith('differs')) console.log(`${lines.slice(0, i).reverse().find((l) => !l.startsWith(' ')) ?? ''}\n${line}`);
    });
    const summary = await writeWithFallback(runtime.database, result.plan, args);
    printSummary(summary, false);
    printSameSources(result.plan, false);
    return 0;
  } catch (error) {
    logger.error({ err: error }, 'import failed');
    console.error(failureMessage(error));
    return 1;
  } finally {
    await runtime?.close();
  }
}

process.exitCode = await main();
