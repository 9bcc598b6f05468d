// Builds the explorer's page script and its layout worker from public/explorer/src (TypeScript), and the curation
// workbench's from public/workbench/src, into public/vendor/ with esbuild: sigma, graphology, the layouts and
// Readability are bundled in, so the pages need no CDN.
// Runs on install and before start and test; `--watch` rebuilds on change.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildSchema, introspectionFromSchema } from 'graphql';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(root, 'public/vendor');
mkdirSync(outdir, { recursive: true });

const options: esbuild.BuildOptions = {
  entryPoints: {
    explorer: resolve(root, 'public/explorer/src/main.ts'),
    'layout-worker': resolve(root, 'public/explorer/src/layout-worker.ts'),
    workbench: resolve(root, 'public/workbench/src/main.ts'),
  },
  outdir,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
};

// The workbench's forms come from the schema's introspection; where the server has introspection off
// (production), the page reads this copy, printed from the same schema.
writeFileSync(resolve(outdir, 'workbench-schema.json'), JSON.stringify(introspectionFromSchema(buildSchema(readFileSync(resolve(root, 'schema.graphql'), 'utf8')))));

if (process.argv.includes('--watch')) {
  const context = await esbuild.context(options);
  await context.watch();
  console.error('watching public/explorer/src');
} else {
  const result = await esbuild.build({ ...options, metafile: true });
  const sizes = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, out]) => `${file.replace(`${root}/`, '')} ${(out.bytes / 1024).toFixed(0)} KiB`);
  console.error(`built ${sizes.join(', ')}`);
}
