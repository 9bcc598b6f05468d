// Writes as a client relies on them: the audit trail in commit order (concurrent upserts of one person chain
// before → after, ending at the stored value), and Idempotency-Key: a retry answers the first outcome and
// writes nothing more; the same key with another request is refused; a malformed key is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GqlResponse, type TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';

const EDITOR = 'writes-editor-secret-0123456789';
const OTHER = 'writes-other-secret-0123456789a';
const as = (secret: string, key?: string) => ({ authorization: `Bearer ${secret}`, ...(key ? { 'idempotency-key': key } : {}) });
const SOURCE = '000_b6498a7c669cd33d.txt';
const cite = (quote = 'Chris Rickleton is a journalist living in Almaty.') => [{ source: SOURCE, quote }];
/** Unique per run, so re-runs against a kept database never collide. */
const run = Math.random().toString(36).slice(2, 8);

// This file writes: it leases the run's scratch Neo4j (test/isolated.ts), so files reading the shared one (an
// export compared with another export, say) never see its writes appear between two reads.
let neo4j: IsolatedNeo4j;
let server: TestServer;
beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  server = await startServerOn(neo4j, { API_KEYS: `wanda:editor:${EDITOR},otto:editor:${OTHER}`, RATE_LIMIT_PER_MINUTE: '100000' });
});
afterAll(async () => {
  await server?.close();
  await neo4j?.close();
});

const UPSERT = `mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) {
  person { id description } changes { id targetId before after } errors { code message } } }`;
const ADD_MEMBERSHIP = `mutation($input: AddMembershipInput!) { addMembership(input: $input) {
  membership { id } changes { id } errors { code } } }`;

interface Payload {
  person?: { id: string; description: string | null } | null;
  membership?: { id: string } | null;
  changes: { id: string; targetId: string; before: string | null; after: string | null }[];
  errors: { code: string; message: string }[];
}
type Answer = GqlResponse<Record<string, Payload>>;

const history = async (id: string) => {
  const res = await server.gql<{ person: { description: string | null; history: { id: string; before: string | null; after: string | null }[] } }>(
    `{ person(id: "${id}") { description history { id before after } } }`,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.person;
};

describe('the audit trail', () => {
  it('20 concurrent upserts of one person: every before is the previous after, and the last after is the stored value', async () => {
    const id = `person:writes-seq-${run}`;
    const created = await server.gql<Record<string, Payload>>(UPSERT, { input: { id, name: 'Zz Sequence Tester', citations: cite() } }, as(EDITOR));
    expect(created.data?.upsertPerson?.errors, JSON.stringify(created.errors)).toEqual([]);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => server.gql<Record<string, Payload>>(UPSERT, { input: { id, description: `writer ${i}`, citations: cite() } }, as(EDITOR))),
    );
    for (const a of answers) expect(a.data?.upsertPerson?.errors, JSON.stringify(a.errors)).toEqual([]);

    const person = await history(id);
    expect(person.history).toHaveLength(21);
    expect(person.history[0]!.before).toBeNull();
    for (let i = 1; i < person.history.length; i += 1) {
      expect(JSON.parse(person.history[i]!.before!), `entry ${i}`).toEqual(JSON.parse(person.history[i - 1]!.after!));
    }
    const last = JSON.parse(person.history.at(-1)!.after!) as { description: string };
    expect(last.description).toBe(person.description);

    // `changes` lists the same writes in the same order.
    const listed: { id: string; targetId: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GqlResponse<{ changes: { edges: { node: { id: string; targetId: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }> = await server.gql<{ changes: { edges: { node: { id: string; targetId: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
        `query($after: String) { changes(actor: "wanda", first: 100, after: $after) { edges { node { id targetId } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      listed.push(...page.data!.changes.edges.map((e: { node: { id: string; targetId: string } }) => e.node));
      if (!page.data!.changes.pageInfo.hasNextPage) break;
      after = page.data!.changes.pageInfo.endCursor;
    }
    expect(listed.filter((c) => c.targetId === id).map((c) => c.id)).toEqual(person.history.map((h) => h.id));
  });
});

describe('Idempotency-Key', () => {
  const membership = (personId: string) => ({ input: { person: personId, organization: 'party:amanat', role: 'member', from: '2021', citations: cite() } });

  it('a retry with the same key answers the first outcome and writes nothing more', async () => {
    const personId = `person:writes-idem-${run}`;
    const made = await server.gql<Record<string, Payload>>(UPSERT, { input: { id: personId, name: 'Zz Idempotent Tester', citations: cite() } }, as(EDITOR));
    expect(made.data?.upsertPerson?.errors, JSON.stringify(made.errors)).toEqual([]);
    const key = `key-${run}-1`;
    const first = (await server.gql<Record<string, Payload>>(ADD_MEMBERSHIP, membership(personId), as(EDITOR, key)));
    expect(first.data?.addMembership?.errors).toEqual([]);
    const id = first.data!.addMembership!.membership!.id;
    const again = (await server.gql<Record<string, Payload>>(ADD_MEMBERSHIP, membership(personId), as(EDITOR, key)));
    expect(again.errors).toBeUndefined();
    expect(again.data!.addMembership).toEqual(first.data!.addMembership);

    // Without a key the same request is a second write: a second membership with the next free id.
    const unkeyed = (await server.gql<Record<string, Payload>>(ADD_MEMBERSHIP, membership(personId), as(EDITOR)));
    expect(unkeyed.data!.addMembership!.membership!.id).toBe(`${id}-2`);

    // The same key from another caller is another key.
    const otto = (await server.gql<Record<string, Payload>>(ADD_MEMBERSHIP, membership(personId), as(OTHER, key)));
    expect(otto.data!.addMembership!.membership!.id).toBe(`${id}-3`);

    const res = await server.gql<{ person: { memberships: { id: string }[] } }>(`{ person(id: "${personId}") { memberships { id } } }`);
    expect(res.data!.person.memberships.map((m) => m.id).sort()).toEqual([id, `${id}-2`, `${id}-3`]);
  });

  it('concurrent requests with one key write once and answer alike', async () => {
    const personId = `person:writes-race-${run}`;
    await server.gql(UPSERT, { input: { id: personId, name: 'Zz Race Tester', citations: cite() } }, as(EDITOR));
    const key = `key-${run}-race`;
    const answers = (await Promise.all(Array.from({ length: 6 }, () => server.gql<Record<string, Payload>>(ADD_MEMBERSHIP, membership(personId), as(EDITOR, key))))) as Answer[];
    const ids = new Set(answers.map((a) => a.data?.addMembership?.membership?.id));
    expect([...ids]).toEqual([`membership:${personId.slice('person:'.length)}-amanat-member-2021`]);
    const changeIds = new Set(answers.map((a) => JSON.stringify(a.data?.addMembership?.changes)));
    expect(changeIds.size).toBe(1);
  });

  it('the same key with a different request is refused with IDEMPOTENCY_KEY_REUSED, writing nothing', async () => {
    const id = `person:writes-reuse-${run}`;
    const key = `key-${run}-reuse`;
    const first = (await server.gql<Record<string, Payload>>(UPSERT, { input: { id, name: 'Zz Reuse Tester', citations: cite() } }, as(EDITOR, key)));
    expect(first.data!.upsertPerson!.errors).toEqual([]);
    const other = (await server.gql<Record<string, Payload>>(UPSERT, { input: { id, name: 'Zz Reuse Tester', description: 'different', citations: cite() } }, as(EDITOR, key)));
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(other.data?.upsertPerson ?? null).toBeNull();
    const person = await history(id);
    expect(person.description).toBeNull();
    expect(person.history).toHaveLength(1);
  });

  it('a malformed key is refused with BAD_REQUEST before anything is written', async () => {
    const id = `person:writes-badkey-${run}`;
    const bad = (await server.gql<Record<string, Payload>>(UPSERT, { input: { id, name: 'Zz Bad Key', citations: cite() } }, as(EDITOR, 'x'.repeat(256))));
    expect(bad.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
    const res = await server.gql<{ person: unknown }>(`{ person(id: "${id}") { id } }`);
    expect(res.data!.person).toBeNull();
  });
});
