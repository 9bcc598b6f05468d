// The workbench's server side over real HTTP, on a Neo4j of this file's own (it writes): `Source.mentions`
// (known names in any spelling and script, with offsets into the stored text, and unmatched capitalised names),
// `viewer` and `dismissDuplicate` (the pair stops coming back, both entities' history shows it, bad input is refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';

const KEYS = { editor: 'mentions-editor-0123456789', reader: 'mentions-reader-0123456789' };
const API_KEYS = `ed:editor:${KEYS.editor},rd:reader:${KEYS.reader}`;
const as = (key: keyof typeof KEYS) => ({ authorization: `Bearer ${KEYS[key]}` });

let neo4j: IsolatedNeo4j;
let server: TestServer;
beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  server = await startServerOn(neo4j, { API_KEYS });
});
afterAll(async () => {
  await server?.close();
  await neo4j?.close();
});

interface Mentions {
  source: {
    text: string;
    mentions: {
      entities: { start: number; end: number; text: string; matchedName: string; entity: { id: string } }[];
      candidates: { start: number; end: number; text: string }[];
    };
  } | null;
}
const MENTIONS = `query($id: ID!) { source(id: $id) { text mentions {
  entities { start end text matchedName entity { id } } candidates { start end text } } } }`;

async function mentionsOf(id: string) {
  const res = await server.gql<Mentions>(MENTIONS, { id });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.source!;
}

describe('Source.mentions', () => {
  it('finds the seed article’s people and parties at offsets into its stored text', async () => {
    const source = await mentionsOf('000_b6498a7c669cd33d.txt');
    const { entities, candidates } = source.mentions;
    for (const m of [...entities, ...candidates]) expect(source.text.slice(m.start, m.end)).toBe(m.text);
    const ids = new Set(entities.map((m) => m.entity.id));
    expect(ids).toContain('person:kassym-jomart-tokayev');
    expect(ids).toContain('party:amanat');
    const toqaev = entities.find((m) => m.text === 'Qasym-Zhomart Toqaev');
    expect(toqaev?.entity.id).toBe('person:kassym-jomart-tokayev');
    // In text order, and a known name is never offered as a candidate.
    expect(entities.map((m) => m.start)).toEqual([...entities.map((m) => m.start)].sort((a, b) => a - b));
    const known = new Set(entities.map((m) => m.text));
    expect(candidates.filter((c) => known.has(c.text))).toEqual([]);
  });

  it('folds scripts: a Cyrillic article names the same entities, and an unknown name is a candidate', async () => {
    const text = 'Вчера Тоқаев встретился с членами партии «Аманат». Вопрос задал журналист Бекзат Оразбаев.';
    const added = await server.gql<{ addSource: { source: { id: string } | null; errors: unknown[] } }>(
      `mutation($i: AddSourceInput!) { addSource(input: $i) { source { id } errors { code message } } }`,
      { i: { id: 'source:mentions-cyrillic', publisher: 'Test Wire', date: '2024-05-02', language: 'ru', text } },
      as('editor'),
    );
    expect(added.data?.addSource.errors).toEqual([]);
    const source = await mentionsOf('source:mentions-cyrillic');
    expect(source.mentions.entities.map((m) => [m.text, m.entity.id, m.start, m.end])).toEqual([
      ['Тоқаев', 'person:kassym-jomart-tokayev', 6, 12],
      ['Аманат', 'party:amanat', 42, 48],
    ]);
    expect(source.mentions.candidates.map((c) => c.text)).toEqual(['Бекзат Оразбаев']);
  });
});

describe('viewer', () => {
  it('names the key and its role, and nothing without a key', async () => {
    const q = '{ viewer { name role } }';
    expect((await server.gql(q, {}, as('editor'))).data).toEqual({ viewer: { name: 'ed', role: 'EDITOR' } });
    expect((await server.gql(q, {}, as('reader'))).data).toEqual({ viewer: { name: 'rd', role: 'READER' } });
    expect((await server.gql(q)).data).toEqual({ viewer: { name: null, role: null } });
  });
});

describe('dismissDuplicate', () => {
  const CANDIDATES = `{ duplicateCandidates(kind: PERSON, first: 100) { entity { id } duplicate { id } } }`;
  const DISMISS = `mutation($a: ID!, $b: ID!, $r: String!) { dismissDuplicate(entity: $a, duplicate: $b, reason: $r) {
    dismissal { entity { id } duplicate { id } reason actor at } changes { operation targetId reason } errors { field code } } }`;
  const cite = [{ source: '000_b6498a7c669cd33d.txt', quote: 'Chris Rickleton is a journalist living in Almaty.' }];
  const pairs = async () =>
    ((await server.gql<{ duplicateCandidates: { entity: { id: string }; duplicate: { id: string } }[] }>(CANDIDATES)).data!.duplicateCandidates).map((c) => `${c.entity.id} ${c.duplicate.id}`);

  it('stores the judgement: the pair is not proposed again, and both histories show it', async () => {
    for (const [id, name] of [['person:dismiss-aidos-sarym', 'Aidos Sarym'], ['person:dismiss-aidos-sarim', 'Aidos Sarim']]) {
      const res = await server.gql<{ upsertPerson: { errors: unknown[] } }>(
        `mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { errors { code } } }`, { i: { id, name, citations: cite } }, as('editor'));
      expect(res.data?.upsertPerson.errors).toEqual([]);
    }
    const pair = 'person:dismiss-aidos-sarim person:dismiss-aidos-sarym';
    expect(await pairs()).toContain(pair);

    const reader = await server.gql(DISMISS, { a: 'person:dismiss-aidos-sarym', b: 'person:dismiss-aidos-sarim', r: 'two people' }, as('reader'));
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const res = await server.gql<{ dismissDuplicate: { dismissal: { entity: { id: string }; duplicate: { id: string }; reason: string; actor: string }; changes: { operation: string; targetId: string }[]; errors: unknown[] } }>(
      DISMISS, { a: 'person:dismiss-aidos-sarym', b: 'person:dismiss-aidos-sarim', r: 'Different birth years in the register.' }, as('editor'));
    const p = res.data!.dismissDuplicate;
    expect(p.errors).toEqual([]);
    expect(p.dismissal).toMatchObject({ entity: { id: 'person:dismiss-aidos-sarim' }, duplicate: { id: 'person:dismiss-aidos-sarym' }, reason: 'Different birth years in the register.', actor: 'ed' });
    expect(p.changes).toEqual([{ operation: 'dismissDuplicate', targetId: 'person:dismiss-aidos-sarim', reason: 'Different birth years in the register.' }]);
    expect(await pairs()).not.toContain(pair);

    const history = await server.gql<{ a: { history: { operation: string; actor: string }[] }; b: { history: { operation: string }[] } }>(
      `{ a: person(id: "person:dismiss-aidos-sarym") { history { operation actor } } b: person(id: "person:dismiss-aidos-sarim") { history { operation } } }`);
    expect(history.data!.a.history.map((c) => c.operation)).toEqual(['upsertPerson', 'dismissDuplicate']);
    expect(history.data!.b.history.map((c) => c.operation)).toEqual(['upsertPerson', 'dismissDuplicate']);

    // Dismissed again (either order): nothing new is written.
    const again = await server.gql<{ dismissDuplicate: { changes: unknown[]; errors: unknown[] } }>(DISMISS, { a: 'person:dismiss-aidos-sarim', b: 'person:dismiss-aidos-sarym', r: 'again' }, as('editor'));
    expect(again.data!.dismissDuplicate).toMatchObject({ changes: [], errors: [] });
  });

  it('refuses an unknown entity, one entity twice, two kinds, and an empty reason, with the field at fault', async () => {
    const refused = async (a: string, b: string, r: string) =>
      (await server.gql<{ dismissDuplicate: { dismissal: unknown; errors: { field: string; code: string }[] } }>(DISMISS, { a, b, r }, as('editor'))).data!.dismissDuplicate;
    expect(await refused('person:nobody-at-all', 'person:kassym-jomart-tokayev', 'x')).toEqual({ dismissal: null, changes: [], errors: [{ field: 'entity', code: 'NOT_FOUND' }] });
    expect((await refused('person:kassym-jomart-tokayev', 'person:kassym-jomart-tokayev', 'x')).errors).toEqual([{ field: 'duplicate', code: 'INVALID' }]);
    expect((await refused('person:kassym-jomart-tokayev', 'party:amanat', 'x')).errors).toEqual([{ field: 'duplicate', code: 'WRONG_KIND' }]);
    expect((await refused('person:kassym-jomart-tokayev', 'person:nursultan-nazarbayev', '  ')).errors).toEqual([{ field: 'reason', code: 'INVALID' }]);
  });
});
