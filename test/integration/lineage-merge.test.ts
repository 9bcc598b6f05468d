// Merging away a party that another party names as its predecessor: the lineage is a property of the naming party
// (not a relationship), and the merge rewrites it in the same transaction, so the survivor appears in the lineage
// and no stale id remains anywhere in the graph. On a seeded Neo4j of this file's own (it writes).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planImport, readBulkFile, writeImport } from '../../src/bulk/import.js';
import { mergeEntities } from '../../src/curation/merge.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';
import type { TestServer } from '../helpers.js';

const cite = [{ source: '000_b6498a7c669cd33d.txt', quote: 'Chris Rickleton is a journalist living in Almaty.' }];
const party = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ collection: 'parties', record: { id, name, aliases: [], names: [], citations: cite, ...extra } });

let neo4j: IsolatedNeo4j;
let server: TestServer;
let dir: string;

beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  server = await startServerOn(neo4j);
  dir = mkdtempSync(join(tmpdir(), 'lineage-merge-'));
}, 180_000);
afterAll(async () => {
  await server?.close();
  await neo4j?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('merging a party named in another party\'s lineage', () => {
  it('rewrites the lineage to the kept party in the same transaction: the survivor appears, no stale id remains', async () => {
    // Heir names Old (a duplicate of Elder) as its predecessor; Elder names Heir as its successor.
    const file = join(dir, 'parties.jsonl');
    const lines = [
      party('party:lineage-elder', 'Lineage Elder Party', { successors: [{ name: 'Lineage Heir Party', party: 'party:lineage-heir', date: '2006', citations: cite }] }),
      party('party:lineage-old', 'Lineage Old Party'),
      party('party:lineage-heir', 'Lineage Heir Party', { predecessors: [{ name: 'Lineage Old Party', party: 'party:lineage-old', date: '2006', citations: cite }] }),
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const plan = await planImport(neo4j.database, await readBulkFile(file));
    expect(plan.issues).toEqual([]);
    await writeImport(neo4j.database, plan, { actor: 'lineage-test' });

    const merged = await mergeEntities(neo4j.database, 'root', 'party:lineage-elder', 'party:lineage-old', 'one party');
    expect(merged.errors).toEqual([]);
    // The heir's predecessor is the survivor now, and the heir's change is part of the merge.
    expect(merged.changes.map((c) => [c.operation, c.targetId])).toContainEqual(['mergeEntities', 'party:lineage-heir']);
    const res = await server.gql<{ heir: { predecessors: { name: string; party: { id: string } | null; date: { text: string } | null }[] }; elder: { successors: { party: { id: string } | null }[] } }>(
      `{ heir: party(id: "party:lineage-heir") { predecessors { name party { id } date { text } } }
         elder: party(id: "party:lineage-elder") { successors { party { id } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.heir.predecessors).toEqual([{ name: 'Lineage Old Party', party: { id: 'party:lineage-elder' }, date: { text: '2006' } }]);
    expect(res.data!.elder.successors).toEqual([{ party: { id: 'party:lineage-heir' } }]);
    // No node anywhere still names the merged-away id in a lineage.
    const stale = await neo4j.database.read(
      `MATCH (p:Party) WHERE p.predecessors CONTAINS $id OR p.successors CONTAINS $id RETURN p.id AS id`,
      { id: '"party:lineage-old"' },
      (r) => String(r.id),
    );
    expect(stale).toEqual([]);
  }, 60_000);
});
