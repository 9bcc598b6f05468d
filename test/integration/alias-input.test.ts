// Writing aliases through the API with their kind and citations (issue 25): `AliasInput.kind` is validated by
// the AliasKind enum, stored and read back; an alias's own citations are checked like any; a name re-sent without
// kind or citations keeps what is stored; a new or newly classified name is cited by the write's citations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';

const EDITOR = 'alias-editor-secret-0123456789ab';
const as = { authorization: `Bearer ${EDITOR}` };
const SOURCE = '000_b6498a7c669cd33d.txt';
const video = [{ source: SOURCE, quote: 'His campaign video ahead of March 19 parliamentary elections' }];
const candidate = [{ source: SOURCE, quote: 'Nobody can accuse Lukpan Akhmedyarov of being a system candidate.' }];
/** Unique per run, so re-runs against a kept database never collide. */
const run = Math.random().toString(36).slice(2, 8);
const id = `party:alias-test-${run}`;

let neo4j: IsolatedNeo4j;
let server: TestServer;
beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  server = await startServerOn(neo4j, { API_KEYS: `ada:editor:${EDITOR}`, RATE_LIMIT_PER_MINUTE: '100000' });
}, 180_000);
afterAll(async () => {
  await server?.close();
  await neo4j?.close();
});

const UPSERT = `mutation($input: UpsertPartyInput!) { upsertParty(input: $input) {
  party { id aliases { name lang kind citations { quote source { id } } } } errors { field code message } } }`;
type Alias = { name: string; lang: string | null; kind: string | null; citations: { quote: string | null; source: { id: string } }[] };
type Payload = { upsertParty: { party: { id: string; aliases: Alias[] } | null; errors: { field: string | null; code: string; message: string }[] } };

const quotes = (a: Alias | undefined) => a?.citations.map((c) => c.quote);

describe('AliasInput.kind and citations', () => {
  it('stores each alias with its kind; its own citations, else the write\'s', async () => {
    const res = await server.gql<Payload>(
      UPSERT,
      {
        input: {
          id,
          name: 'Alias Test Party',
          aliases: [
            { name: 'ATP', kind: 'ABBREVIATION' },
            { name: 'Alias Test Old Party', lang: 'en', kind: 'FORMER', citations: candidate },
            { name: 'Plain Name' },
          ],
          citations: video,
        },
      },
      as,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.upsertParty.errors).toEqual([]);
    const aliases = res.data!.upsertParty.party!.aliases;
    expect(aliases.map((a) => [a.name, a.lang, a.kind, quotes(a)])).toEqual([
      ['ATP', null, 'ABBREVIATION', ['His campaign video ahead of March 19 parliamentary elections']],
      ['Alias Test Old Party', 'en', 'FORMER', ['Nobody can accuse Lukpan Akhmedyarov of being a system candidate.']],
      ['Plain Name', null, null, ['His campaign video ahead of March 19 parliamentary elections']],
    ]);
  });

  it('keeps a stored alias\'s kind and citations when the list is re-sent without them; a new kind is cited by the write', async () => {
    const res = await server.gql<Payload>(
      UPSERT,
      { input: { id, aliases: [{ name: 'ATP' }, { name: 'Plain Name', kind: 'NICKNAME' }], citations: candidate } },
      as,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.upsertParty.errors).toEqual([]);
    const aliases = res.data!.upsertParty.party!.aliases;
    expect(aliases.map((a) => [a.name, a.kind, quotes(a)])).toEqual([
      ['ATP', 'ABBREVIATION', ['His campaign video ahead of March 19 parliamentary elections']],
      ['Plain Name', 'NICKNAME', ['Nobody can accuse Lukpan Akhmedyarov of being a system candidate.']],
    ]);
    // Read back as stored, and search says which alias matched, with its kind.
    const read = await server.gql<{ party: { aliases: Alias[] } | null; search: { alias: { name: string; kind: string | null } | null; entity: { id: string } }[] }>(
      `{ party(id: "${id}") { aliases { name lang kind citations { quote source { id } } } }
         search(query: "ATP", kinds: [PARTY], first: 5) { alias { name kind } entity { id } } }`,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.party!.aliases).toEqual(aliases);
    expect(read.data!.search.find((h) => h.entity.id === id)?.alias).toEqual({ name: 'ATP', kind: 'ABBREVIATION' });
  });

  it('refuses a kind that is not an AliasKind, and writes nothing', async () => {
    const res = await server.gql<Payload>(UPSERT, { input: { id, aliases: [{ name: 'ATP', kind: 'RUDE' }], citations: video } }, as);
    expect(res.data?.upsertParty ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/RUDE/);
    const read = await server.gql<{ party: { aliases: Alias[] } | null }>(`{ party(id: "${id}") { aliases { name kind } } }`);
    expect(read.data!.party!.aliases.map((a) => a.kind)).toEqual(['ABBREVIATION', 'NICKNAME']);
  });

  it('checks an alias\'s own citations like any: a quote not in the source is refused, naming the alias', async () => {
    const res = await server.gql<Payload>(
      UPSERT,
      { input: { id, aliases: [{ name: 'ATP', kind: 'ABBREVIATION', citations: [{ source: SOURCE, quote: 'a passage this article never had' }] }], citations: video } },
      as,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.upsertParty.party).toBeNull();
    expect(res.data!.upsertParty.errors).toEqual([expect.objectContaining({ code: 'QUOTE_NOT_IN_SOURCE', field: expect.stringMatching(/^aliases\[0\]\.citations\[0\]/) })]);
  });
});
