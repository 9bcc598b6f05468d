// Merging two records of one election keeps both turnouts where they disagree, each cited by its record, and one
// turnout with both records' citations where they agree; folding in a third record that repeats a claim adds no
// claim (issue 25, item 4). Over real HTTP, on a Neo4j of this file's own (it writes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';

const EDITOR = 'values-editor-secret-0123456789';
const ADMIN = 'values-admin-secret-0123456789';
const run = Math.random().toString(36).slice(2, 8);

let neo4j: IsolatedNeo4j;
let server: TestServer;
beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  server = await startServerOn(neo4j, { API_KEYS: `erin:editor:${EDITOR},ada:admin:${ADMIN}` });
});
afterAll(async () => {
  await server?.close();
  await neo4j?.close();
});

type Payload = Record<string, unknown> & { errors: { field: string | null; code: string; message: string }[] };
async function mutate(query: string, variables: Record<string, unknown>, key = EDITOR): Promise<Payload> {
  const res = await server.gql<Record<string, Payload>>(query, variables, { authorization: `Bearer ${key}` });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return Object.values(res.data!)[0]!;
}

const TEXT = [
  'The commission said turnout was 75% of registered voters.',
  'Independent observers reported that turnout reached 77.1 percent.',
  'A second monitor also counted a turnout of 77.1% at the close.',
  'The regional paper put the turnout at 60% by evening.',
  'Its rival agreed that turnout was 60 percent overall.',
].join('\n\n');
const quote = (n: number) => TEXT.split('\n\n')[n]!;
let source = '';

const UPSERT = `mutation($i: UpsertElectionInput!) { upsertElection(input: $i) { election { id } errors { field code message } } }`;
const MERGE = `mutation($keep: ID!, $drop: ID!) { mergeEntities(keep: $keep, drop: $drop, reason: "one election") { entity { id } errors { field code message } } }`;
type Turnout = { value: number | null; disputed: boolean; claims: { value: number; citations: { quote: string }[] }[] };

async function election(slug: string, turnout: number, line: number): Promise<string> {
  const id = `election:merge-values-${slug}-${run}`;
  const added = await mutate(UPSERT, { i: { id, name: `Merge values ${slug} ${run}`, kind: 'LOCAL', date: '2024-03-10', turnout, citations: [{ source, quote: quote(line) }] } });
  expect(added.errors).toEqual([]);
  return id;
}
async function merge(keep: string, drop: string): Promise<Payload> {
  return mutate(MERGE, { keep, drop }, ADMIN);
}
async function turnoutOf(id: string): Promise<{ turnout: Turnout; history: { operation: string; after: string | null }[] }> {
  const res = await server.gql<{ election: { turnout: Turnout; history: { operation: string; after: string | null }[] } }>(
    `{ election(id: "${id}") { turnout { value disputed claims { value citations { quote } } } history { operation after } } }`,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.election;
}

describe('merging elections whose turnouts disagree', () => {
  beforeAll(async () => {
    const added = await mutate(`mutation($i: AddSourceInput!) { addSource(input: $i) { source { id } errors { field code message } } }`, {
      i: { publisher: 'Merge Values Wire', date: '2024-03-11', title: `Turnout reports ${run}`, text: TEXT },
    });
    expect(added.errors).toEqual([]);
    source = (added.source as { id: string }).id;
  });

  it('keeps both turnouts as claims, each cited by its record; a third record repeating one adds its citation, no claim', async () => {
    const a = await election('a', 75, 0);
    const b = await election('b', 77.1, 1);
    expect((await merge(a, b)).errors).toEqual([]);
    const merged = await turnoutOf(a);
    expect(merged.turnout).toEqual({
      value: null,
      disputed: true,
      claims: [
        { value: 75, citations: [{ quote: quote(0) }] },
        { value: 77.1, citations: [{ quote: quote(1) }] },
      ],
    });
    // The change is in the kept election's history, the claims in the record after.
    const last = merged.history.at(-1)!;
    expect(last.operation).toBe('mergeEntities');
    expect(JSON.parse(last.after!)).toMatchObject({ turnout: { claims: [{ value: 75 }, { value: 77.1 }] } });

    expect((await merge(a, b)).errors.map((e) => [e.field, e.code])).toEqual([['drop', 'MERGED']]);
    const c = await election('c', 77.1, 2);
    expect((await merge(a, c)).errors).toEqual([]);
    expect((await turnoutOf(a)).turnout.claims).toEqual([
      { value: 75, citations: [{ quote: quote(0) }] },
      { value: 77.1, citations: [{ quote: quote(1) }, { quote: quote(2) }] },
    ]);
  });

  it('keeps one turnout with both records\' citations where they agree', async () => {
    const d = await election('d', 60, 3);
    const e = await election('e', 60, 4);
    expect((await merge(d, e)).errors).toEqual([]);
    expect((await turnoutOf(d)).turnout).toEqual({ value: 60, disputed: false, claims: [{ value: 60, citations: [{ quote: quote(3) }, { quote: quote(4) }] }] });
  });
});
