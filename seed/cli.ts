// `npm run seed`: validate seed/ and write it to the configured Neo4j (NEO4J_URI, or the embedded one in
// DATA_DIR), then print counts per label and relationship type. `--validate-only` stops after validation.
import { loadConfig } from '../src/config.js';
import { formatIssue, loadAndValidate } from '../src/dataset/index.js';
import { createLogger } from '../src/logger.js';
import { openDatabase } from '../src/runtime.js';
import { DatasetInvalidError, loadSeed, seedDirs } from '../src/seed.js';

const validateOnly = process.argv.includes('--validate-only');

async function main(): Promise<number> {
  const { dataset, issues } = await loadAndValidate(seedDirs);
  if (issues.length > 0 || !dataset) {
    for (const issue of issues) console.error(formatIssue(issue));
    console.error(`${issues.length} problem(s) in the dataset; nothing was written.`);
    return 1;
  }
  const total = Object.values(dataset).reduce((n, list) => n + list.length, 0);
  console.log(`Dataset valid: ${total} records.`);
  if (validateOnly) return 0;

  const config = loadConfig();
  const runtime = await openDatabase(config, createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL));
  try {
    const counts = await loadSeed(runtime.database);
    console.log('Nodes per label:');
    for (const [label, n] of Object.entries(counts.labels)) console.log(`  ${label.padEnd(18)} ${n}`);
    console.log('Relationships per type:');
    for (const [type, n] of Object.entries(counts.relationships)) console.log(`  ${type.padEnd(18)} ${n}`);
    return 0;
  } catch (error) {
    if (error instanceof DatasetInvalidError) console.error(error.message);
    else throw error;
    return 1;
  } finally {
    await runtime.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
