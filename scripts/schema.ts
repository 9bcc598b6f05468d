// The public schema as a committed artifact, and the gate on breaking changes (docs/third-party.md):
//   npm run schema:print   writes schema.graphql from schema/*.graphql (types and fields in lexicographic order)
//   npm run schema:check   fails when schema.graphql is stale, or when the schema breaks the last released one
//                          (release/schema-v<version>.graphql) in a way CHANGELOG.md does not record
//   tsx scripts/schema.ts breaking --released A.graphql --current B.graphql --changelog CHANGELOG.md
//                          only the breaking-change gate, on any two schemas
// A breaking change is recorded by naming its path in backticks under "### Breaking" in the "## Unreleased"
// section of CHANGELOG.md, e.g. "- `Query.people` removed; use `Query.search`".
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { loadTypeDefs } from '../src/schema.js';

const root = resolve(import.meta.dirname, '..');
const artifactPath = join(root, 'schema.graphql');
const releaseDir = join(root, 'release');
const changelogPath = join(root, 'CHANGELOG.md');

const header = '# The public GraphQL schema of kz-political-graph, printed by `npm run schema:print` from schema/*.graphql.\n# Do not edit: change schema/ and print again. Versioning and deprecation: docs/third-party.md.\n\n';

/** schema.graphql as it should be now. */
function printPublicSchema(): string {
  return `${header}${printSchema(lexicographicSortSchema(buildSchema(loadTypeDefs())))}\n`;
}

/** The newest release/schema-v<semver>.graphql. */
function lastRelease(): { version: string; path: string } {
  const releases = readdirSync(releaseDir)
    .map((file) => /^schema-v(\d+)\.(\d+)\.(\d+)\.graphql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: `${m[1]}.${m[2]}.${m[3]}`, parts: [Number(m[1]), Number(m[2]), Number(m[3])], path: join(releaseDir, m[0]) }))
    .sort((a, b) => b.parts[0]! - a.parts[0]! || b.parts[1]! - a.parts[1]! || b.parts[2]! - a.parts[2]!);
  const newest = releases[0];
  if (!newest) throw new Error(`no release/schema-v<version>.graphql in ${releaseDir}`);
  return { version: newest.version, path: newest.path };
}

/** The text of the "### Breaking" list under "## Unreleased" in the changelog. */
function unreleasedBreakingNotes(changelog: string): string {
  const unreleased = /^## Unreleased\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(changelog)?.[1] ?? '';
  return /^### Breaking\s*$([\s\S]*?)(?=^##|(?![\s\S]))/m.exec(unreleased)?.[1] ?? '';
}

/** Breaking changes from `released` to `current` that the changelog's notes do not name. */
async function unrecordedBreakingChanges(released: string, current: string, breakingNotes: string): Promise<Change[]> {
  const changes = await diff(buildSchema(released), buildSchema(current));
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .filter((change) => !breakingNotes.includes(`\`${change.path ?? change.message}\``));
}

/** Prints the breaking changes the changelog does not record; true when there are none. */
async function breakingGate(released: { label: string; sdl: string }, current: string, changelog: string): Promise<boolean> {
  const unrecorded = await unrecordedBreakingChanges(released.sdl, current, unreleasedBreakingNotes(changelog));
  if (unrecorded.length === 0) {
    console.log(`No unrecorded breaking change against ${released.label}.`);
    return true;
  }
  console.error(`Breaking changes against ${released.label} that CHANGELOG.md does not record:`);
  for (const change of unrecorded) console.error(`  - \`${change.path ?? change.message}\`: ${change.message}`);
  console.error('Record each under "## Unreleased" → "### Breaking" by its path in backticks, or undo the change (docs/third-party.md).');
  return false;
}

async function check(): Promise<number> {
  let failures = 0;
  const expected = printPublicSchema();
  let committed = '';
  try {
    committed = readFileSync(artifactPath, 'utf8');
  } catch {
    // reported as stale below
  }
  if (committed !== expected) {
    console.error('schema.graphql is stale: run `npm run schema:print` and commit the result.');
    failures += 1;
  } else {
    console.log('schema.graphql is up to date.');
  }

  const release = lastRelease();
  const released = { label: `the released schema v${release.version}`, sdl: readFileSync(release.path, 'utf8') };
  if (!(await breakingGate(released, expected, readFileSync(changelogPath, 'utf8')))) failures += 1;
  return failures === 0 ? 0 : 1;
}

function option(name: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index > 0 ? process.argv[index + 1] : undefined;
  if (value === undefined) throw new Error(`missing --${name} FILE`);
  return value;
}

const command = process.argv[2];
if (command === 'print') {
  writeFileSync(artifactPath, printPublicSchema());
  console.log(`wrote ${artifactPath}`);
} else if (command === 'check') {
  process.exitCode = await check();
} else if (command === 'breaking') {
  const released = option('released');
  const ok = await breakingGate({ label: released, sdl: readFileSync(released, 'utf8') }, readFileSync(option('current'), 'utf8'), readFileSync(option('changelog'), 'utf8'));
  process.exitCode = ok ? 0 : 1;
} else {
  console.error('usage: tsx scripts/schema.ts print | check | breaking --released FILE --current FILE --changelog FILE');
  process.exitCode = 2;
}
