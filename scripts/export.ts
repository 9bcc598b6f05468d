// `npm run export -- --format graphml|gexf|cytoscape|csv|jsonl|popolo|ftm --out FILE [--root ID --depth N --as-of DAY --types A,B]`:
// writes the network (or one entity's neighbourhood) to a file, connecting like the app does (NEO4J_URI, or the
// embedded Neo4j in DATA_DIR). Formats are entries of `cliFormats`; a new one is one more entry.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../src/config.js';
import { ErrorCode } from '../src/errors.js';
import { exportJsonlText } from '../src/bulk/export.js';
import { networkFormats } from '../src/export/formats.js';
import { exportFtm, serialiseFtm } from '../src/export/ftm.js';
import { exportOptions, loadExportNetwork, toGraphology } from '../src/export/network.js';
import { createLogger } from '../src/logger.js';
import { exportPopolo, serialisePopolo } from '../src/popolo/export.js';
import { checkPopolo } from '../src/popolo/schemas.js';
import type { Database } from '../src/neo4j/database.js';
import type { WholeNetworkProgress } from '../src/repositories/graph-repository.js';
import { openDatabase, type DatabaseRuntime } from '../src/runtime.js';

/** The parsed command line every format receives. */
export interface CliArgs {
  format: string;
  out: string;
  root?: string | undefined;
  depth?: string | undefined;
  asOf?: string | undefined;
  types?: string | undefined;
}

export interface CliFormat {
  description: string;
  /** Checks the arguments before the database is opened (starting an embedded Neo4j takes seconds). */
  check?: (args: CliArgs) => void;
  /** Reads what it needs and returns the file's bytes; `progress` reports reading, for the progress bar. */
  produce: (database: Database, args: CliArgs, progress: (p: WholeNetworkProgress) => void) => Promise<string | Uint8Array>;
}

function networkExportOptions(args: CliArgs) {
  return exportOptions({ root: args.root, depth: args.depth, asOf: args.asOf, types: args.types });
}

/** Beyond this many entities a progress bar shows how far the read has got. */
const PROGRESS_THRESHOLD = 1_000;

const cliFormats: Record<string, CliFormat> = Object.fromEntries(
  Object.entries(networkFormats).map(([name, format]): [string, CliFormat] => [
    name,
    {
      description: format.description,
      check: (args) => void networkExportOptions(args),
      produce: async (database, args, progress) => {
        const network = await loadExportNetwork(database, networkExportOptions(args), progress);
        if (network.truncated) console.error(`warning: the neighbourhood was cut to ${network.nodes.length} entities`);
        console.error(`${network.nodes.length} entities, ${network.edges.length} relationships`);
        return format.serialise(toGraphology(network));
      },
    },
  ]),
);

// The whole graph in the dataset's own shape, one record a line: what `npm run import` reads back (curation).
cliFormats.jsonl = {
  description: 'JSONL, one record a line in the dataset schema (re-importable with npm run import)',
  check: (args) => {
    if (args.root || args.depth || args.asOf || args.types) throw new Error('jsonl exports the whole graph: --root, --depth, --as-of and --types do not apply');
  },
  produce: async (database, _args, progress) => {
    const { text, counts } = await exportJsonlText(database, progress);
    console.error(Object.entries(counts).map(([collection, n]) => `${n} ${collection}`).join(', '));
    return text;
  },
};

// Every record as FollowTheMoney entities, one a line (Aleph, OpenSanctions' tools, `ftm` pipelines).
cliFormats.ftm = {
  description: 'FollowTheMoney entities, one JSON object a line (Aleph, nomenklatura, yente, ftm)',
  check: (args) => {
    if (args.root || args.depth || args.asOf || args.types) throw new Error('ftm exports the whole graph: --root, --depth, --as-of and --types do not apply');
  },
  produce: async (database, _args, progress) => {
    const entities = await exportFtm(database, progress);
    const schemata = new Map<string, number>();
    for (const e of entities) schemata.set(e.schema, (schemata.get(e.schema) ?? 0) + 1);
    console.error([...schemata].map(([schema, n]) => `${n} ${schema}`).join(', '));
    return serialiseFtm(entities);
  },
};
// People, organisations and memberships as one Popolo JSON document (re-importable with npm run import -- --format popolo).
cliFormats.popolo = {
  description: 'Popolo JSON: persons, organizations, memberships, events, areas (re-importable with --format popolo)',
  check: (args) => {
    if (args.root || args.depth || args.asOf || args.types) throw new Error('popolo exports the whole graph: --root, --depth, --as-of and --types do not apply');
  },
  produce: async (database, _args, progress) => {
    const doc = await exportPopolo(database, progress);
    // Never write a file that does not meet the Popolo schemas.
    const errors = checkPopolo(doc);
    if (errors.length > 0) throw new Error(`the export does not meet the Popolo schemas:\n${errors.slice(0, 20).map((e) => `  ${e.pointer}: ${e.message}`).join('\n')}`);
    console.error(`${doc.persons.length} persons, ${doc.organizations.length} organizations, ${doc.memberships.length} memberships, ${doc.events.length} events, ${doc.areas.length} areas`);
    return serialisePopolo(doc);
  },
};

const usage = `Usage: npm run export -- --format FORMAT --out FILE [--root ID] [--depth 1-3] [--as-of YYYY-MM-DD] [--types A,B]

Formats:
${Object.entries(cliFormats)
  .map(([name, f]) => `  ${name.padEnd(10)} ${f.description}`)
  .join('\n')}

Without --root the whole network is exported. --out - writes to standard output.
Connects like the app: NEO4J_URI (with NEO4J_USER/NEO4J_PASSWORD), or the embedded Neo4j in DATA_DIR
(stop the app first, or point NEO4J_URI at its Bolt port: the embedded store has one owner at a time).`;

function parseCommandLine(argv: string[]): CliArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      root: { type: 'string' },
      depth: { type: 'string' },
      'as-of': { type: 'string' },
      types: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (!values.format || !values.out) throw new UsageError('--format and --out are required');
  if (!Object.hasOwn(cliFormats, values.format)) {
    throw new UsageError(`unknown --format "${values.format}" (one of ${Object.keys(cliFormats).join(', ')})`);
  }
  return { format: values.format, out: values.out, root: values.root, depth: values.depth, asOf: values['as-of'], types: values.types };
}

class UsageError extends Error {}

function progressReporter(): { report: (p: WholeNetworkProgress) => void; stop: () => void } {
  let bar: cliProgress.SingleBar | null = null;
  return {
    report: ({ done, total }) => {
      if (!bar && total >= PROGRESS_THRESHOLD) {
        bar = new cliProgress.SingleBar({ format: 'reading {bar} {value}/{total} entities', stream: process.stderr }, cliProgress.Presets.shades_classic);
        bar.start(total, 0);
      }
      bar?.update(done);
    },
    stop: () => bar?.stop(),
  };
}

async function main(): Promise<number> {
  let args: CliArgs;
  let config;
  try {
    args = parseCommandLine(process.argv.slice(2));
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  try {
    cliFormats[args.format]!.check?.(args);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  let runtime: DatabaseRuntime | null = null;
  const progress = progressReporter();
  try {
    runtime = await openDatabase(config, logger);
    const body = await cliFormats[args.format]!.produce(runtime.database, args, progress.report);
    progress.stop();
    if (args.out === '-') process.stdout.write(body);
    else {
      writeFileSync(args.out, body);
      console.error(`wrote ${args.out}`);
    }
    return 0;
  } catch (error) {
    progress.stop();
    const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
    if (code === ErrorCode.BAD_USER_INPUT || code === ErrorCode.NOT_FOUND) {
      console.error((error as Error).message);
      return 2;
    }
    logger.error({ err: error }, 'export failed');
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await runtime?.close();
  }
}

process.exitCode = await main();
