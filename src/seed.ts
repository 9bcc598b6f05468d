// The curated seed dataset (seed/): validated as a whole, then written in one transaction. Used by
// `npm run seed` and, when the database holds no entities, by `npm start`.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readValueExceptions } from './dataset/files.js';
import { formatIssue, loadAndValidate, type ValidationIssue } from './dataset/index.js';
import type { ValueException } from './dataset/validate.js';
import { datasetToGraph } from './dataset/to-graph.js';
import type { Logger } from './logger.js';
import type { Database } from './neo4j/database.js';
import { countEntities, countGraph, writeGraphRows, type GraphCounts } from './repositories/dataset-repository.js';

const seedRoot = resolve(fileURLToPath(import.meta.url), '../../seed');
export const seedDirs = {
  dataDir: resolve(seedRoot, 'data'),
  sourcesDir: resolve(seedRoot, 'sources'),
  /** Numbers cited by passages that do not state them, each with its reason (the value-statement rule). */
  valueExceptionsFile: resolve(seedRoot, 'value-citation-exceptions.yaml'),
};

const SEED_TIMEOUT_MS = 10 * 60_000;

export class DatasetInvalidError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`The dataset has ${issues.length} problem(s); nothing was written:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'DatasetInvalidError';
  }
}

let valueExceptions: Promise<ValueException[]> | undefined;
/**
 * The project's exceptions to the value-statement rule (seed/value-citation-exceptions.yaml), read once. Every
 * path that validates records applies them (the seed, API writes, imports), so a record the seed stored can be
 * written again by the API and an exported graph re-imports.
 */
export function projectValueExceptions(): Promise<ValueException[]> {
  valueExceptions ??= (async () => {
    const issues: ValidationIssue[] = [];
    const list = await readValueExceptions(seedDirs.valueExceptionsFile, issues);
    if (issues.length > 0) throw new DatasetInvalidError(issues);
    return list;
  })();
  return valueExceptions;
}

/** Validates everything first; writes only a dataset without a single issue. Returns counts after writing. */
export async function loadSeed(db: Database, dirs = seedDirs): Promise<GraphCounts> {
  const { dataset, issues } = await loadAndValidate(dirs);
  if (!dataset || issues.length > 0) throw new DatasetInvalidError(issues);
  // One all-or-nothing transaction; on a busy machine it can outlast the per-query timeout meant for reads.
  await writeGraphRows(db, datasetToGraph(dataset), undefined, SEED_TIMEOUT_MS);
  return countGraph(db);
}

export async function seedIfEmpty(db: Database, logger: Logger): Promise<void> {
  if ((await countEntities(db)) > 0) {
    logger.info('database already holds data; seed not loaded');
    return;
  }
  const counts = await loadSeed(db);
  logger.info({ counts }, 'seed dataset loaded');
}
