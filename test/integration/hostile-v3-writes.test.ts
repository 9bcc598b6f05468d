// Hostile input, third round, the items that write (issue 22): a source added twice (the same URL in another
// spelling, or the identical text) is the stored one, not a second; URLs a browser would repair (`http:/x`) or
// that carry credentials are refused naming the field; a party with thousands of members is paged through
// `membersConnection` where `members` is refused. On the scratch Neo4j: this file writes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planImport, readBulkFile, writeImport } from '../../src/bulk/import.js';
import type { TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';

const EDITOR = 'hostile-v3-editor-secret-000001';
const editor = { authorization: `Bearer ${EDITOR}` };
const run = Math.random().toString(36).slice(2, 8);

/** Members of the party the paging test imports; the server's cost limit is set so that all of them cost too much. */
const MEMBERS = 5000;

let neo4j: IsolatedNeo4j;
let server: TestServer;
beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  // The cost estimate reads the store's counts again on each request (they grow by thousands in this file).
  server = await startServerOn(neo4j, { API_KEYS: `hostile-editor:editor:${EDITOR}`, MAX_COST: String(MEMBERS), COST_STATS_TTL: '1ms' });
});
afterAll(async () => {
  await server?.close();
  await neo4j?.close();
});

interface AddSourceAnswer {
  source: { id: string; url: string | null } | null;
  changes: { operation: string }[];
  errors: { field: string | null; code: string; message: string }[];
}
const ADD_SOURCE = `mutation($i: AddSourceInput!) { addSource(input: $i) { source { id url } changes { operation } errors { field code message } } }`;
async function addSource(input: Record<string, unknown>): Promise<AddSourceAnswer> {
  const res = await server.gql<{ addSource: AddSourceAnswer }>(ADD_SOURCE, { i: { publisher: 'Hostile Wire', date: '2024-05-01', ...input } }, editor);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.addSource;
}
const sourceCount = async () => (await neo4j.database.read('MATCH (s:Source) WHERE s.publisher IS NOT NULL RETURN count(s) AS n', {}, (r) => Number(r.n)))[0]!;

describe('sources are deduplicated', () => {
  it('the same URL, spelled differently (case, default port, fragment, utm_*), returns the stored source', async () => {
    const first = await addSource({ title: `Dedup by URL ${run}`, url: `https://Example.ORG:443/news/${run}?utm_source=tg#top`, text: `The first text of ${run}.` });
    expect(first.errors).toEqual([]);
    expect(first.source!.url).toBe(`https://example.org/news/${run}`);
    const before = await sourceCount();
    const again = await addSource({ title: 'Another title', url: `https://example.org/news/${run}`, text: `Another text of ${run}.` });
    expect(again.errors).toEqual([]);
    expect(again.source!.id).toBe(first.source!.id);
    expect(again.changes).toEqual([]);
    expect(await sourceCount()).toBe(before);
  });

  it('identical text returns the stored source, even under another id', async () => {
    const text = `An article that was sent twice, ${run}. It says the same both times.`;
    const first = await addSource({ id: `source:twice-${run}`, title: 'Twice', text });
    expect(first.errors).toEqual([]);
    const before = await sourceCount();
    const again = await addSource({ id: `source:twice-again-${run}`, title: 'Twice again', text });
    expect(again.source!.id).toBe(`source:twice-${run}`);
    expect(again.changes).toEqual([]);
    expect(await sourceCount()).toBe(before);
    // One character more is another document.
    const other = await addSource({ id: `source:twice-other-${run}`, title: 'Other', text: `${text}!` });
    expect(other.source!.id).toBe(`source:twice-other-${run}`);
    expect(await sourceCount()).toBe(before + 1);
  });

  // Check-then-create raced: two simultaneous calls both found no source and both created one. The document's
  // key nodes (SourceKey, unique) make the second wait for the first and find its source.
  const CONCURRENT = 8;
  it(`${CONCURRENT} simultaneous addSource calls of one URL (in different spellings and titles) store one source`, async () => {
    const before = await sourceCount();
    const spellings = [`https://example.org/race/${run}`, `https://EXAMPLE.org/race/${run}#x`, `https://example.org:443/race/${run}?utm_medium=x`];
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) => addSource({ title: `Race ${run} ${i}`, url: spellings[i % spellings.length], text: `Race text ${run} number ${i}.` })),
    );
    for (const a of answers) expect(a.errors).toEqual([]);
    const ids = new Set(answers.map((a) => a.source!.id));
    expect([...ids]).toHaveLength(1);
    expect(answers.filter((a) => a.changes.length > 0)).toHaveLength(1);
    expect(await sourceCount()).toBe(before + 1);
    const stored = await neo4j.database.read('MATCH (s:Source {url: $url}) RETURN count(s) AS n', { url: `https://example.org/race/${run}` }, (r) => Number(r.n));
    expect(stored[0]).toBe(1);
  });

  it(`${CONCURRENT} simultaneous addSource calls of one text under different ids (and URLs) store one source`, async () => {
    const before = await sourceCount();
    const text = `A text sent by ${CONCURRENT} clients at once, ${run}. Each hopes to be first.`;
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        addSource({ id: `source:race-text-${run}-${i}`, title: `Race text ${i}`, text, ...(i % 2 === 0 ? { url: `https://example.net/race-text/${run}/${i}` } : {}) }),
      ),
    );
    for (const a of answers) expect(a.errors).toEqual([]);
    expect(new Set(answers.map((a) => a.source!.id)).size).toBe(1);
    expect(await sourceCount()).toBe(before + 1);
  });
});

describe('URLs', () => {
  it.each([
    ['http:/x', /two slashes/],
    ['https:/example.org/a', /two slashes/],
    ['https://user:pass@example.org/a', /user name or password/],
    ['https://editor@example.org/a', /user name or password/],
  ])('%s is refused with INVALID naming url, and nothing is written', async (url, reason) => {
    const before = await sourceCount();
    const refused = await addSource({ title: 'Bad URL', url, text: `A text with a bad URL ${run} ${url}.` });
    expect(refused.source).toBeNull();
    expect(refused.errors.map((e) => [e.field, e.code])).toEqual([['url', 'INVALID']]);
    expect(refused.errors[0]!.message).toMatch(reason);
    expect(await sourceCount()).toBe(before);
  });
});

describe('lists that grow without bound are paged', () => {
  const party = `party:paged-${run}`;
  const cite = [{ source: '000_b6498a7c669cd33d.txt', quote: 'Chris Rickleton is a journalist living in Almaty.' }];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kzgraph-hostile-'));
    try {
      const lines = [{ collection: 'parties', record: { id: party, name: `Paged Party ${run}`, citations: cite } }];
      for (let i = 0; i < MEMBERS; i += 1) {
        const person = `person:paged-${run}-${i}`;
        lines.push({ collection: 'people', record: { id: person, name: `Paged Member ${i}`, citations: cite } });
        lines.push({ collection: 'memberships', record: { id: `membership:paged-${run}-${i}`, person, organization: party, role: i === 0 ? 'leader' : 'member', citations: cite } } as never);
      }
      for (let i = 0; i < 5; i += 1) {
        lines.push({ collection: 'candidacies', record: { id: `candidacy:paged-${run}-${i}`, person: `person:paged-${run}-${i}`, election: 'election:2023-mazhilis', nominatedBy: party, citations: cite } } as never);
      }
      const file = join(dir, 'members.jsonl');
      writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
      const plan = await planImport(neo4j.database, await readBulkFile(file));
      expect(plan.issues).toEqual([]);
      await writeImport(neo4j.database, plan, { actor: 'hostile-v3' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it(`membersConnection pages through all ${MEMBERS} members, each page costed by its size, not the party's`, { timeout: 300_000 }, async () => {
    // The unpaged list answers every member at once, or is refused as too costly (MAX_COST is the member count
    // here): either way no client can read it a part at a time.
    const all = await server.gql<{ party: { members: unknown[] } }>(`{ party(id: "${party}") { members { id person { id } } } }`);
    if (all.status === 200) expect(all.data!.party.members).toHaveLength(MEMBERS);
    else expect(all.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'maxCost' });

    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: {
        status: number;
        data?: { party: { membersConnection: { totalCount: number; edges: { node: { id: string; person: { id: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
        errors?: unknown;
        extensions?: Record<string, unknown>;
      } =
        await server.gql(`query ($after: String) { party(id: "${party}") { membersConnection(first: 100, after: $after) { totalCount edges { node { id person { id } } } pageInfo { hasNextPage endCursor } } } }`, { after });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      const page = res.data!.party.membersConnection;
      expect(page.totalCount).toBe(MEMBERS);
      expect(page.edges.length).toBeLessThanOrEqual(100);
      // A page of 100 members with their people: about 200 records, whatever the party's size.
      expect((res.extensions?.cost as { estimate: number } | undefined)?.estimate).toBeLessThan(1000);
      for (const e of page.edges) seen.add(e.node.id);
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(MEMBERS / 100);
    expect(seen.size).toBe(MEMBERS);
  });

  it('membersConnection keeps the filters of members, and refuses a page over 100', async () => {
    const leaders = await server.gql<{ party: { membersConnection: { totalCount: number; edges: { node: { id: string } }[] } } }>(
      `{ party(id: "${party}") { membersConnection(role: "leader") { totalCount edges { node { id } } } } }`,
    );
    expect(leaders.data!.party.membersConnection).toEqual({ totalCount: 1, edges: [{ node: { id: `membership:paged-${run}-0` } }] });
    const tooMany = await server.gql(`{ party(id: "${party}") { membersConnection(first: 101) { totalCount } } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("candidatesConnection pages a party's candidates, the same ones candidates lists", async () => {
    const old = await server.gql<{ party: { candidates: { id: string }[] } }>(`{ party(id: "${party}") { candidates { id } } }`);
    const ids = old.data!.party.candidates.map((c) => c.id).sort();
    expect(ids).toHaveLength(5);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data?: { party: { candidatesConnection: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } } = await server.gql(
        `query ($after: String) { party(id: "${party}") { candidatesConnection(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      const page = res.data!.party.candidatesConnection;
      expect(page.totalCount).toBe(ids.length);
      paged.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(ids);
  });

  it("participantsConnection pages an event's participants, the same ones participants lists", async () => {
    const event = 'event:2018-kdt-dissolution';
    const old = await server.gql<{ event: { participants: { id: string }[] } }>(`{ event(id: "${event}") { participants { id } } }`);
    const ids = old.data!.event.participants.map((p) => p.id).sort();
    expect(ids.length).toBeGreaterThan(1);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data?: { event: { participantsConnection: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } } } = await server.gql(
        `query ($after: String) { event(id: "${event}") { participantsConnection(first: 1, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      const page = res.data!.event.participantsConnection;
      expect(page.totalCount).toBe(ids.length);
      paged.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(ids);
  });
});

// The other lists whose size grows with the data (issue 22 item 5): each has a connection beside it that pages
// the same items, `first` at most 100 (BAD_USER_INPUT above), and a cost rule (test/unit/cost-coverage.test.ts).
describe('more lists that grow are paged', () => {
  interface Page {
    totalCount: number;
    edges: { node: unknown }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  }

  /** Every item of `field` under `root` (`person(id: ...)`, or null at the root), read `first` at a time. */
  async function pageThrough(root: string | null, field: string, selection: string, first: number): Promise<{ items: unknown[]; totals: Set<number>; pages: number }> {
    const items: unknown[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const inner = `${field}(first: ${first}, after: $after) { totalCount edges { node { ${selection} } } pageInfo { hasNextPage endCursor } }`;
      const res: { data?: Record<string, Record<string, Page>>; errors?: unknown } = await server.gql(`query ($after: String) { ${root ? `${root} { ${inner} }` : inner} }`, { after });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      const page = (root ? Object.values(res.data!)[0]![field] : res.data![field]) as Page;
      expect(page.edges.length).toBeLessThanOrEqual(first);
      totals.add(page.totalCount);
      items.push(...page.edges.map((e) => e.node));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
      expect(pages).toBeLessThan(1000);
    }
    return { items, totals, pages };
  }

  async function list(root: string, field: string, selection: string): Promise<unknown[]> {
    const res = await server.gql<Record<string, Record<string, unknown[]>>>(`{ ${root} { ${field} { ${selection} } } }`);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return Object.values(res.data!)[0]![field.split('(')[0]!]!;
  }

  const byId = (items: unknown[]) => (items as { id: string }[]).map((i) => i.id).sort();

  it.each([
    ['person(id: "person:nursultan-nazarbayev")', 'memberships', 'membershipsConnection'],
    ['person(id: "person:asya-tulesova")', 'candidacies', 'candidaciesConnection'],
    ['district(id: "district:almaty-mazhilis-imanbai-bapi")', 'candidacies', 'candidaciesConnection'],
    ['election(id: "election:2023-mazhilis")', 'findings', 'findingsConnection'],
  ])('%s { %s } is paged one at a time by %s, in id order', async (root, field, connection) => {
    const ids = byId(await list(root, field, 'id'));
    expect(ids.length).toBeGreaterThan(1);
    const paged = await pageThrough(root, connection, 'id', 1);
    expect((paged.items as { id: string }[]).map((i) => i.id)).toEqual(ids);
    expect([...paged.totals]).toEqual([ids.length]);
    expect(paged.pages).toBe(ids.length);
  });

  it("a person's memberships keep the asOf filter when paged", async () => {
    const root = 'person(id: "person:nursultan-nazarbayev")';
    const ids = byId(await list(root, 'memberships(asOf: "2015-06-01")', 'id'));
    const res = await server.gql<{ person: { membershipsConnection: { totalCount: number; edges: { node: { id: string } }[] } } }>(
      `{ ${root} { membershipsConnection(asOf: "2015-06-01", first: 100) { totalCount edges { node { id } } } } }`,
    );
    expect(res.data!.person.membershipsConnection.edges.map((e) => e.node.id)).toEqual(ids);
    expect(res.data!.person.membershipsConnection.totalCount).toBe(ids.length);
  });

  it("an election's per-place turnouts are paged by place", async () => {
    const root = 'election(id: "election:2023-mazhilis")';
    const places = ((await list(root, 'turnoutByPlace', 'place { id } turnout { value }')) as { place: { id: string } }[]).map((t) => t.place.id).sort();
    expect(places.length).toBeGreaterThan(1);
    const paged = await pageThrough(root, 'turnoutByPlaceConnection', 'place { id } turnout { value }', 1);
    expect((paged.items as { place: { id: string } }[]).map((t) => t.place.id)).toEqual(places);
    expect([...paged.totals]).toEqual([places.length]);
  });

  it('parties are paged alphabetically as `parties` lists them, with and without asOf', async () => {
    for (const args of ['', '(asOf: "1995-01-01")']) {
      const res = await server.gql<{ parties: { id: string }[] }>(`{ parties${args} { id } }`);
      const ids = res.data!.parties.map((p) => p.id);
      expect(ids.length).toBeGreaterThan(2);
      const items: string[] = [];
      let after: string | null = null;
      for (;;) {
        const inner = `partiesConnection${args ? `(asOf: "1995-01-01", first: 3, after: $after)` : '(first: 3, after: $after)'}`;
        const page: { data?: { partiesConnection: Page }; errors?: unknown } = await server.gql(`query ($after: String) { ${inner} { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
        expect(page.errors, JSON.stringify(page.errors)).toBeUndefined();
        expect(page.data!.partiesConnection.totalCount).toBe(ids.length);
        items.push(...page.data!.partiesConnection.edges.map((e) => (e.node as { id: string }).id));
        if (!page.data!.partiesConnection.pageInfo.hasNextPage) break;
        after = page.data!.partiesConnection.pageInfo.endCursor;
      }
      expect(items).toEqual(ids);
    }
  });

  it("an entity's history and a source's earlier texts are paged in their lists' order", async () => {
    const text = `Paging Wire ${run} reports: Aruzhan Pagingova, a paging analyst, spoke about lists that grow.`;
    const added = await addSource({ title: `Paging history ${run}`, text });
    const source = added.source!.id;
    const person = `person:paging-${run}`;
    const UPSERT = `mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { errors { field code message } } }`;
    for (let i = 0; i < 4; i += 1) {
      const res = await server.gql<{ upsertPerson: { errors: unknown[] } }>(
        UPSERT,
        { i: { id: person, name: 'Aruzhan Pagingova', description: `A paging analyst (edit ${i}).`, citations: [{ source, quote: 'Aruzhan Pagingova, a paging analyst' }] } },
        editor,
      );
      expect(res.data!.upsertPerson.errors).toEqual([]);
    }
    const history = ((await list(`person(id: "${person}")`, 'history', 'id')) as { id: string }[]).map((c) => c.id);
    expect(history.length).toBeGreaterThanOrEqual(4);
    const pagedHistory = await pageThrough(`person(id: "${person}")`, 'historyConnection', 'id', 3);
    expect((pagedHistory.items as { id: string }[]).map((c) => c.id)).toEqual(history);
    expect([...pagedHistory.totals]).toEqual([history.length]);

    // A source no record cites, corrected three times.
    const draft = `Paging Wire ${run} drafted a text that was corrected three times.`;
    const revised = (await addSource({ title: `Paging versions ${run}`, text: draft })).source!.id;
    const REVISE = `mutation($i: ReviseSourceTextInput!) { reviseSourceText(input: $i) { errors { field code message } } }`;
    for (let v = 2; v <= 4; v += 1) {
      const res = await server.gql<{ reviseSourceText: { errors: unknown[] } }>(REVISE, { i: { id: revised, text: `${draft} Correction ${v}.`, reason: `paging test ${v}` } }, editor);
      expect(res.data!.reviseSourceText.errors).toEqual([]);
    }
    const versions = ((await list(`source(id: "${revised}")`, 'previousVersions', 'version')) as { version: number }[]).map((v) => v.version);
    expect(versions).toEqual([3, 2, 1]);
    const pagedVersions = await pageThrough(`source(id: "${revised}")`, 'previousVersionsConnection', 'version text', 2);
    expect((pagedVersions.items as { version: number }[]).map((v) => v.version)).toEqual(versions);
    expect((pagedVersions.items as { text: string }[])[2]!.text).toBe(draft);
    expect(pagedVersions.pages).toBe(2);
  });

  it.each([
    '{ person(id: "person:nursultan-nazarbayev") { membershipsConnection(first: 101) { totalCount } } }',
    '{ person(id: "person:nursultan-nazarbayev") { historyConnection(first: 101) { totalCount } } }',
    '{ election(id: "election:2023-mazhilis") { turnoutByPlaceConnection(first: 101) { totalCount } } }',
    '{ source(id: "000_b6498a7c669cd33d.txt") { previousVersionsConnection(first: 101) { totalCount } } }',
    '{ partiesConnection(first: 101) { totalCount } }',
    '{ partiesConnection(asOf: "2000-01-01", first: 101) { totalCount } }',
  ])('a page over 100 is refused with BAD_USER_INPUT: %s', async (query) => {
    const res = await server.gql(query);
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/"first" must be between 0 and 100/);
  });
});
