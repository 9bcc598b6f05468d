// The breaking-change gate of `npm run schema:check` (scripts/schema.ts), run as CI runs it: graphql-inspector's
// diff against a released schema, where a breaking change passes only when CHANGELOG.md names its path under
// Unreleased → Breaking.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'kzgraph-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const released = 'type Query { "a" people: [String] "b" search(query: String!): [String] }';
const changelog = (breaking: string) =>
  `# Changelog\n\n## Unreleased\n\n### Breaking\n\n${breaking}\n\n### Added\n\n- \`Query.people\` got faster\n\n## 0.1.0\n\n- \`Query.people\` first\n`;

function gate(current: string, changelogText: string): { status: number | null; output: string } {
  writeFileSync(join(dir, 'released.graphql'), released);
  writeFileSync(join(dir, 'current.graphql'), current);
  writeFileSync(join(dir, 'CHANGELOG.md'), changelogText);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/schema.ts', 'breaking', '--released', join(dir, 'released.graphql'), '--current', join(dir, 'current.graphql'), '--changelog', join(dir, 'CHANGELOG.md')],
    { cwd: root, encoding: 'utf8' },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('schema:check breaking-change gate', () => {
  it('lets additions through', () => {
    const result = gate('type Query { "a" people: [String] "b" search(query: String!): [String] "c" parties: [String] }', changelog('(none)'));
    expect(result.status).toBe(0);
  });

  it('fails on a removed field, naming it, even when the changelog mentions it outside Unreleased → Breaking', () => {
    const result = gate('type Query { "b" search(query: String!): [String] }', changelog('(none)'));
    expect(result.status).toBe(1);
    expect(result.output).toContain('`Query.people`');
  });

  it('passes the same removal once it is recorded', () => {
    const result = gate('type Query { "b" search(query: String!): [String] }', changelog('- `Query.people` removed; use `Query.search`'));
    expect(result.status).toBe(0);
  });

  it('fails on a new required argument', () => {
    const result = gate('type Query { "a" people(kind: String!): [String] "b" search(query: String!): [String] }', changelog('(none)'));
    expect(result.status).toBe(1);
    expect(result.output).toContain('`Query.people.kind`');
  });
});
