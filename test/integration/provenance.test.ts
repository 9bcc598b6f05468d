// Provenance you can check, on the seed over real HTTP: quotes verified at write time by the API and the importer
// (QUOTE_NOT_IN_SOURCE with the closest passage, and the file's line), every stored citation's offsets pointing at
// its quote, values carrying only the citations that state them, and the analysts' model (relatives from the side
// asked, candidacy and district filters, a timeline and per-city turnout in one request).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planImport, readBulkFile } from '../../src/bulk/import.js';
import { normaliseQuote } from '../../src/domain/quotes.js';
import type { GqlResponse, TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';
import { dateOrderKey } from '../../src/domain/timeline-order.js';

const KEY = 'editor-secret-0123456789abcdef';
const SOURCE = '001_12a410b253aa282d.txt';
const INVENTED = 'This sentence is certainly not in the article at all.';

let neo4j: IsolatedNeo4j;
let server: TestServer;
let dir: string;

beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  server = await startServerOn(neo4j, { API_KEYS: `alice:editor:${KEY}` });
  dir = mkdtempSync(join(tmpdir(), 'kzgraph-prov-'));
});
afterAll(async () => {
  await server?.close();
  await neo4j?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Data = Record<string, never>;
const gql = (query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse<Data>> =>
  server.gql<Data>(query, variables, { authorization: `Bearer ${KEY}` });

describe('quotes are verified when written', () => {
  it('the API refuses an invented quote with QUOTE_NOT_IN_SOURCE, naming the source and the closest passage', async () => {
    const res = await gql(
      `mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) { person { id } changes { id } errors { field code message } } }`,
      { input: { id: 'person:zhanbolat-mamai', description: 'Invented.', citations: [{ source: SOURCE, quote: INVENTED }] } },
    );
    const payload = (res.data as unknown as { upsertPerson: { person: unknown; changes: unknown[]; errors: { field: string; code: string; message: string }[] } }).upsertPerson;
    expect(payload.person).toBeNull();
    expect(payload.changes).toEqual([]);
    // The record's citations accumulate: the new one follows the person's stored citations.
    expect(payload.errors).toEqual([
      { field: expect.stringMatching(/^citations\[\d+\]\.quote$/) as unknown, code: 'QUOTE_NOT_IN_SOURCE', message: expect.stringContaining(`quote not in source ${SOURCE}`) as unknown },
    ]);
    expect(payload.errors[0]!.message).toContain('the closest passage is "');
  });

  it('the API accepts the same quote typed with straight apostrophes and stores it as the text has it, with its offsets', async () => {
    const quote = "Mamai's wife, Inga Imanbai, will run in a single-mandate constituency";
    const res = await gql(
      `mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) { person { citations { quote start end source { id text } } } errors { code } } }`,
      { input: { id: 'person:inga-imanbai', citations: [{ source: SOURCE, quote }] } },
    );
    const payload = (res.data as unknown as { upsertPerson: { person: { citations: { quote: string; start: number; end: number; source: { id: string; text: string } }[] }; errors: unknown[] } }).upsertPerson;
    expect(payload.errors).toEqual([]);
    const stored = 'Mamai\u2019s wife, Inga Imanbai, will run in a single-mandate constituency';
    expect(payload.person.citations.some((x) => x.quote === quote)).toBe(false);
    const c = payload.person.citations.find((x) => x.quote === stored)!;
    expect(c.source.text.slice(c.start, c.end)).toBe(stored);
  });

  it('the importer refuses an invented quote with the file line and QUOTE_NOT_IN_SOURCE', async () => {
    const file = join(dir, 'invented.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ collection: 'people', record: { id: 'person:prov-ok', name: 'Prov Ok', citations: [{ source: SOURCE, quote: 'Zhanbolat Mamai, its leader, is under house arrest' }] } }),
        JSON.stringify({ collection: 'people', record: { id: 'person:prov-bad', name: 'Prov Bad', citations: [{ source: SOURCE, quote: INVENTED }] } }),
      ].join('\n') + '\n',
    );
    const plan = await planImport(neo4j.database, await readBulkFile(file));
    expect(plan.issues.map((i) => [i.line, i.code, i.path])).toEqual([[2, 'QUOTE_NOT_IN_SOURCE', 'people[1].citations[0].quote']]);
    expect(plan.issues[0]!.message).toContain('the closest passage is');
  });

  it('addSource refuses a javascript: URL and an article without text', async () => {
    const res = await gql(`mutation($i: AddSourceInput!) { addSource(input: $i) { source { id } errors { field code } } }`, {
      i: { publisher: 'X', date: '2024', url: 'javascript:alert(1)' },
    });
    const errors = (res.data as unknown as { addSource: { errors: { field: string }[] } }).addSource.errors.map((e) => e.field).sort();
    expect(errors).toEqual(['text', 'url']);
  });
});

describe('stored citations', () => {
  it("every seed citation's offsets point at its quote in the stored text", async () => {
    const rows = await neo4j.database.read(
      'MATCH (o)-[c:CITES]->(s:Source) WHERE c.quote IS NOT NULL RETURN o.id AS owner, c.quote AS quote, c.start AS start, c.end AS end, s.text AS text',
      {},
      (r) => ({ owner: String(r.owner), quote: String(r.quote), start: r.start as number | null, end: r.end as number | null, text: String(r.text) }),
    );
    expect(rows.length).toBeGreaterThan(500);
    const wrong = rows.filter((r) => r.start === null || r.end === null || normaliseQuote(r.text.slice(r.start, r.end)) !== normaliseQuote(r.quote));
    expect(wrong).toEqual([]);
  });

  it('a source opens with its text, digest and the passages quoted, in text order', async () => {
    const res = await gql(`{ source(id: "${SOURCE}") { kind text sha256 version citations(first: 100) { totalCount edges { node { citedById start end quote } } } } }`);
    const s = (res.data as unknown as { source: { kind: string; text: string; sha256: string; version: number; citations: { totalCount: number; edges: { node: { start: number; end: number; quote: string } }[] } } }).source;
    expect(s.kind).toBe('ARTICLE');
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(s.citations.totalCount).toBeGreaterThan(10);
    const starts = s.citations.edges.map((e) => e.node.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('per-value citations', () => {
  it('a value carries only the citations that state it (Nur Otan 2021: 76 seats; 2016: 82 percent)', async () => {
    const res = await gql(`{
      r2021: node(id: "result:2021-mazhilis-amanat") { ... on PartyResult { totalSeats { value claims { citations { quote } } } } }
      r2016: node(id: "result:2016-mazhilis-amanat") { ... on PartyResult { voteShare { value claims { citations { quote } } } } }
      auyl: node(id: "result:2023-mazhilis-auyl") { ... on PartyResult { totalSeats { value claims { citations { quote } } } } }
    }`);
    const d = res.data as unknown as Record<string, Record<string, { value: number; claims: { citations: { quote: string }[] }[] }>>;
    expect(d.r2021!.totalSeats!.claims[0]!.citations.map((c) => c.quote)).toEqual(['Nur Otan obtained over 70% of the votes and took 76 of the then 107 Mäjilis seats']);
    expect(d.r2016!.voteShare!.claims[0]!.citations.map((c) => c.quote)).toEqual(['It won that election with 71 percent of the vote, down from 82 percent in 2016.']);
    expect(d.auyl!.totalSeats!.claims[0]!.citations.map((c) => c.quote)).toEqual(['But what about the 37 seats that Amanat did not win? Eight were taken by Auyl']);
  });
});

describe("the analyst's model", () => {
  it("Imanbai's relatives give Mamai, whichever end the tie was recorded on", async () => {
    const res = await gql(`{ person(id: "person:inga-imanbai") { relatives { relation person { id } relative { id } other { id } recordedFor { id } } } }`);
    const ties = (res.data as unknown as { person: { relatives: { relation: string; person: { id: string }; relative: { id: string }; other: { id: string }; recordedFor: { id: string } }[] } }).person.relatives;
    expect(ties).toEqual([
      { relation: 'SPOUSE', person: { id: 'person:inga-imanbai' }, relative: { id: 'person:zhanbolat-mamai' }, other: { id: 'person:zhanbolat-mamai' }, recordedFor: { id: 'person:zhanbolat-mamai' } },
    ]);
  });

  it('filters candidacies by outcome and rank, and finds a district by a place inside it', async () => {
    const res = await gql(`{
      election(id: "election:2023-mazhilis") { candidacies(outcome: LOST, rank: 2, first: 50) { edges { node { person { id } } } } }
      districts(place: "place:oral") { edges { node { id } } }
    }`);
    const d = res.data as unknown as { election: { candidacies: { edges: { node: { person: { id: string } } }[] } }; districts: { edges: { node: { id: string } }[] } };
    expect(d.election.candidacies.edges.map((e) => e.node.person.id).sort()).toEqual(['person:inga-imanbai', 'person:lukpan-akhmedyarov']);
    expect(d.districts.edges.map((e) => e.node.id)).toEqual(['district:west-kazakhstan-mazhilis']);
  });

  it("a party's timeline (events and contested elections, in a stable order) and per-city turnout answer in one request", async () => {
    const res = await gql(`{
      party(id: "party:amanat") { timeline(first: 100) { totalCount edges { node { kind date { text precision start } event { id } election { id } result { id } } } } }
      election(id: "election:2023-mazhilis") {
        independentSeats { value claims { citations { quote } } }
        turnoutByPlace { place { id } turnout { value claims { qualifier citations { quote start end } } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data as unknown as {
      party: { timeline: { totalCount: number; edges: { node: { kind: string; date: { text: string; precision: string; start: string }; result: { id: string } | null } }[] } };
      election: { independentSeats: { value: number }; turnoutByPlace: { place: { id: string }; turnout: { value: number; claims: { citations: { quote: string }[] }[] } }[] };
    };
    const entries = d.party.timeline.edges.map((e) => e.node);
    expect(entries.filter((e) => e.kind === 'ELECTION').map((e) => e.result?.id)).toEqual([
      'result:2012-mazhilis-amanat',
      'result:2016-mazhilis-amanat',
      'result:2021-mazhilis-amanat',
      'result:2023-mazhilis-amanat',
    ]);
    expect(entries.some((e) => e.kind === 'EVENT')).toBe(true);
    // Timeline order (docs/api.md, "Order of dated entries"): by the last day a date may mean.
    const keys = entries.map((e) => dateOrderKey(e.date.text));
    expect(keys).toEqual([...keys].sort());
    expect(d.election.independentSeats.value).toBe(7);
    expect(d.election.turnoutByPlace.map((t) => [t.place.id, t.turnout.value])).toEqual([
      ['place:almaty', 25.8],
      ['place:astana', 42.9],
    ]);
    expect(d.election.turnoutByPlace[1]!.turnout.claims[0]!.citations[0]!.quote).toContain('42.9 percent in Astana');
  });
});
