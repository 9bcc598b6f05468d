// Curating the graph over real HTTP, on a Neo4j of this file's own (it writes, and other files assert the seed's
// counts): who may write, citations on every write, retraction, the audit trail, merges that keep citations and
// the old id, concurrent edits that lose nothing, and hostile strings stored byte for byte or refused cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GqlResponse, TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';

const KEYS = {
  editor: 'editor-secret-0123456789abcdef',
  admin: 'admin-secret-0123456789abcdef',
  reader: 'reader-secret-0123456789abcdef',
};
const API_KEYS = `alice:editor:${KEYS.editor},root:admin:${KEYS.admin},rita:reader:${KEYS.reader}`;
const as = (key: keyof typeof KEYS) => ({ authorization: `Bearer ${KEYS[key]}` });

const SOURCE = '000_b6498a7c669cd33d.txt';
const cite = (quote = 'Chris Rickleton is a journalist living in Almaty.') => [{ source: SOURCE, quote }];
const SECOND_QUOTE = 'Nobody can accuse Lukpan Akhmedyarov of being a system candidate.';

let neo4j: IsolatedNeo4j;
let server: TestServer;
/** A unique id suffix per test run, so re-runs against a kept database never collide. */
const run = Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  server = await startServerOn(neo4j, { API_KEYS });
});
afterAll(async () => {
  await server?.close();
  await neo4j?.close();
});

type Data = Record<string, unknown>;
async function gql(query: string, variables: Data = {}, key?: keyof typeof KEYS): Promise<GqlResponse<Data>> {
  return server.gql<Data>(query, variables, key ? as(key) : {});
}
/** A mutation's payload, asserting the transport worked and returning `data[field]`. */
async function payload(query: string, variables: Data, key: keyof typeof KEYS = 'editor'): Promise<Data & { errors: { field: string | null; code: string; message: string }[] }> {
  const res = await gql(query, variables, key);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return Object.values(res.data!)[0] as never;
}

const UPSERT_PERSON = `mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) {
  person { id name aliases { name lang script } description citations { quote source { id } } }
  changes { id actor operation targetId before after }
  errors { field code message } } }`;
const ADD_MEMBERSHIP = `mutation($input: AddMembershipInput!) { addMembership(input: $input) {
  membership { id role from { text } to { text } person { id } organization { id } }
  changes { id } errors { field code message } } }`;
const RETRACT = `mutation($id: ID!, $reason: String!) { retractFact(id: $id, reason: $reason) {
  fact { id ... on Membership { retraction { reason actor at } } } changes { operation } errors { field code message } } }`;
const RESTORE = `mutation($id: ID!, $reason: String!) { restoreFact(id: $id, reason: $reason) { fact { id } errors { field code message } } }`;
const MERGE = `mutation($keep: ID!, $drop: ID!, $reason: String) { mergeEntities(keep: $keep, drop: $drop, reason: $reason) {
  entity { id name aliases { name } citations { quote } } changes { operation targetId reason } errors { field code message } } }`;

async function person(id: string, name: string, quote?: string) {
  const p = await payload(UPSERT_PERSON, { input: { id, name, citations: cite(quote) } });
  expect(p.errors).toEqual([]);
  return p;
}

/** A new person with one Amanat membership from `from`; the membership's id. */
async function personInAmanat(id: string, name: string, from: string): Promise<string> {
  await person(id, name);
  const added = await payload(ADD_MEMBERSHIP, { input: { person: id, organization: 'party:amanat', role: 'member', from, citations: cite() } });
  return (added.membership as { id: string }).id;
}

describe('who may write', () => {
  // Every mutation, with input that succeeds for a key of the role it needs; they run in this order.
  const id = (s: string) => `${s}-${run}`;
  const cases: { name: string; query: string; variables: () => Data; role: 'editor' | 'admin' }[] = [
    { name: 'addSource', role: 'editor', query: `mutation($i: AddSourceInput!) { addSource(input: $i) { source { id } errors { code } } }`, variables: () => ({ i: { id: `source:${id('auth')}`, publisher: 'Auth Wire', date: '2024-05-01', text: 'Auth Wire reports that the auth test wrote this article.' } }) },
    { name: 'reviseSourceText', role: 'editor', query: `mutation($i: ReviseSourceTextInput!) { reviseSourceText(input: $i) { source { id } errors { code } } }`, variables: () => ({ i: { id: `source:${id('auth')}`, text: 'Auth Wire reports that the auth test wrote this article, corrected.', reason: 'auth test: a corrected text' } }) },
    { name: 'upsertPerson', role: 'editor', query: `mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { person { id } errors { code } } }`, variables: () => ({ i: { id: `person:${id('auth-a')}`, name: 'Auth A', citations: cite() } }) },
    { name: 'upsertParty', role: 'editor', query: `mutation($i: UpsertPartyInput!) { upsertParty(input: $i) { party { id } errors { code } } }`, variables: () => ({ i: { id: `party:${id('auth')}`, name: 'Auth Party', addNames: [{ name: 'Auth Party', from: '2020' }], citations: cite() } }) },
    { name: 'upsertOrganization', role: 'editor', query: `mutation($i: UpsertOrganizationInput!) { upsertOrganization(input: $i) { organization { id } errors { code } } }`, variables: () => ({ i: { id: `organization:${id('auth')}`, name: 'Auth Org', orgKind: 'NGO', citations: cite() } }) },
    { name: 'upsertPlace', role: 'editor', query: `mutation($i: UpsertPlaceInput!) { upsertPlace(input: $i) { place { id } errors { code } } }`, variables: () => ({ i: { id: `place:${id('auth')}`, name: 'Auth Town', placeKind: 'CITY', citations: cite() } }) },
    { name: 'upsertDistrict', role: 'editor', query: `mutation($i: UpsertDistrictInput!) { upsertDistrict(input: $i) { district { id } errors { code } } }`, variables: () => ({ i: { id: `district:${id('auth')}`, name: 'Auth District', body: 'organization:mazhilis', number: 99, citations: cite() } }) },
    { name: 'upsertElection', role: 'editor', query: `mutation($i: UpsertElectionInput!) { upsertElection(input: $i) { election { id } errors { code } } }`, variables: () => ({ i: { id: `election:${id('auth')}`, name: 'Auth Election', kind: 'LOCAL', date: '2024-03', citations: cite() } }) },
    { name: 'upsertCourtCase', role: 'editor', query: `mutation($i: UpsertCourtCaseInput!) { upsertCourtCase(input: $i) { courtCase { id } errors { code } } }`, variables: () => ({ i: { id: `case:${id('auth')}`, name: 'Auth Case', status: 'INVESTIGATION', addParties: [{ entity: `person:${id('auth-a')}`, role: 'DEFENDANT' }], citations: cite() } }) },
    { name: 'upsertEvent', role: 'editor', query: `mutation($i: UpsertEventInput!) { upsertEvent(input: $i) { event { id } errors { code } } }`, variables: () => ({ i: { id: `event:${id('auth')}`, name: 'Auth Event', kind: 'PROTEST', date: '2024-04-02', citations: cite() } }) },
    { name: 'addMembership', role: 'editor', query: `mutation($i: AddMembershipInput!) { addMembership(input: $i) { membership { id } errors { code } } }`, variables: () => ({ i: { id: `membership:${id('auth')}`, person: `person:${id('auth-a')}`, organization: `party:${id('auth')}`, role: 'member', from: '2021', citations: cite() } }) },
    { name: 'addCandidacy', role: 'editor', query: `mutation($i: AddCandidacyInput!) { addCandidacy(input: $i) { candidacy { id } errors { code } } }`, variables: () => ({ i: { id: `candidacy:${id('auth')}`, person: `person:${id('auth-a')}`, election: `election:${id('auth')}`, nominatedBy: `party:${id('auth')}`, citations: cite() } }) },
    { name: 'addCandidacyStatus', role: 'editor', query: `mutation($i: AddCandidacyStatusInput!) { addCandidacyStatus(input: $i) { status { id } errors { code } } }`, variables: () => ({ i: { candidacy: `candidacy:${id('auth')}`, status: 'REGISTERED', date: '2024-02', citations: cite() } }) },
    { name: 'addPartyResult', role: 'editor', query: `mutation($i: AddPartyResultInput!) { addPartyResult(input: $i) { result { id } errors { code } } }`, variables: () => ({ i: { party: `party:${id('auth')}`, election: `election:${id('auth')}`, voteShare: 54, citations: [{ source: '004_501aa6378d191ed4.txt', quote: 'obtained almost 54% and ended up with 62 out of the 98 seats' }] } }) },
    { name: 'addFamilyTie', role: 'editor', query: `mutation($i: AddFamilyTieInput!) { addFamilyTie(input: $i) { familyTie { id } errors { code } } }`, variables: () => ({ i: { person: `person:${id('auth-a')}`, relative: 'person:nursultan-nazarbayev', relation: 'SIBLING', citations: cite() } }) },
    { name: 'addCaseParty', role: 'editor', query: `mutation($i: AddCasePartyInput!) { addCaseParty(input: $i) { caseParty { id } errors { code } } }`, variables: () => ({ i: { courtCase: `case:${id('auth')}`, entity: 'organization:mazhilis', role: 'WITNESS', citations: cite() } }) },
    { name: 'addEventParticipant', role: 'editor', query: `mutation($i: AddEventParticipantInput!) { addEventParticipant(input: $i) { participation { id } errors { code } } }`, variables: () => ({ i: { event: `event:${id('auth')}`, entity: `person:${id('auth-a')}`, role: 'protester', citations: cite() } }) },
    { name: 'retractCitation', role: 'editor', query: `mutation($i: RetractCitationInput!) { retractCitation(input: $i) { source { id } errors { code } } }`, variables: () => ({ i: { citedBy: `person:${id('auth-a')}`, source: SOURCE, quote: SECOND_QUOTE, reason: 'auth test' } }) },
    { name: 'endRelationship', role: 'editor', query: `mutation($id: ID!, $c: CitationInput!) { endRelationship(id: $id, to: "2023", citation: $c) { fact { id } errors { code } } }`, variables: () => ({ id: `membership:${id('auth')}`, c: cite()[0] }) },
    { name: 'retractFact', role: 'editor', query: `mutation($id: ID!) { retractFact(id: $id, reason: "auth test") { fact { id } errors { code } } }`, variables: () => ({ id: `membership:${id('auth')}` }) },
    { name: 'dismissDuplicate', role: 'editor', query: `mutation($a: ID!) { dismissDuplicate(entity: $a, duplicate: "person:nursultan-nazarbayev", reason: "auth test") { dismissal { reason } errors { code } } }`, variables: () => ({ a: `person:${id('auth-a')}` }) },
    { name: 'restoreFact', role: 'editor', query: `mutation($id: ID!) { restoreFact(id: $id, reason: "auth test") { fact { id } errors { code } } }`, variables: () => ({ id: `membership:${id('auth')}` }) },
    { name: 'mergeEntities', role: 'admin', query: `mutation($k: ID!, $d: ID!) { mergeEntities(keep: $k, drop: $d) { entity { id } errors { code } } }`, variables: () => ({ k: `place:${id('auth')}`, d: `place:${id('auth-b')}` }) },
  ];

  it('covers every mutation of the schema', async () => {
    const res = await gql('{ __type(name: "Mutation") { fields { name } } }');
    const fields = ((res.data!.__type as { fields: { name: string }[] }).fields ?? []).map((f) => f.name).sort();
    expect(cases.map((c) => c.name).sort()).toEqual(fields);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: no key → UNAUTHENTICATED, reader → FORBIDDEN, wrong key → UNAUTHENTICATED, then its role writes', async (name, c) => {
    if (name === 'retractCitation') {
      const second = await payload(UPSERT_PERSON, { input: { id: `person:${id('auth-a')}`, citations: cite(SECOND_QUOTE) } });
      expect(second.errors).toEqual([]);
    }
    if (name === 'mergeEntities') {
      const place = await payload(`mutation($i: UpsertPlaceInput!) { upsertPlace(input: $i) { errors { code } } }`, { i: { id: `place:${id('auth-b')}`, name: 'Auth Town B', placeKind: 'CITY', citations: cite() } });
      expect(place.errors).toEqual([]);
    }
    const total = async () => ((await gql('{ changes { totalCount } }')).data!.changes as { totalCount: number }).totalCount;
    const before = await total();
    const anonymous = await gql(c.query, c.variables());
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data ?? null).toBeNull();
    const reader = await gql(c.query, c.variables(), 'reader');
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const wrongKey = await server.gql(c.query, c.variables(), { authorization: 'Bearer not-a-key-of-this-api-000000' });
    expect(wrongKey.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    if (c.role === 'admin') {
      const editor = await gql(c.query, c.variables(), 'editor');
      expect(editor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await total()).toBe(before);
    const allowed = await gql(c.query, c.variables(), c.role);
    expect(allowed.errors, JSON.stringify(allowed.errors)).toBeUndefined();
    const result = Object.values(allowed.data!)[0] as { errors: unknown[] };
    expect(result.errors).toEqual([]);
    expect(await total()).toBeGreaterThan(before);
  });

  it('with REQUIRE_AUTH_FOR_READS, a read without a key is UNAUTHENTICATED and any recognised key may read', async () => {
    const closed = await startServerOn(neo4j, { API_KEYS, REQUIRE_AUTH_FOR_READS: 'true' });
    try {
      const anonymous = await closed.gql('{ person(id: "person:zhanbolat-mamai") { name } }');
      expect(anonymous.status).toBe(401);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const reader = await closed.gql<{ person: { name: string } }>('{ person(id: "person:zhanbolat-mamai") { name } }', {}, as('reader'));
      expect(reader.data?.person.name).toBe('Zhanbolat Mamai');
    } finally {
      await closed.close();
    }
    // The open server still answers anonymous reads.
    const open = await gql('{ person(id: "person:zhanbolat-mamai") { name } }');
    expect(open.data).toEqual({ person: { name: 'Zhanbolat Mamai' } });
  });
});

describe('citations', () => {
  it('refuses a write without a citation, and writes nothing', async () => {
    const id = `person:nocite-${run}`;
    const refused = await payload(UPSERT_PERSON, { input: { id, name: 'No Citation', citations: [] } });
    expect(refused.person).toBeNull();
    expect(refused.errors).toEqual([{ field: 'citations', code: 'MISSING_CITATION', message: expect.stringContaining('citation') as string }]);
    expect(refused.changes).toEqual([]);
    const left = await gql(`mutation { upsertPerson(input: { id: "${id}", name: "No Citation" }) { errors { code } } }`, {}, 'editor');
    expect(left.status).toBe(400);
    expect(left.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await gql(`{ person(id: "${id}") { id } }`)).data).toEqual({ person: null });
  });

  it('refuses citations of unknown sources and quotes too short to support anything, naming the field', async () => {
    const bad = await payload(UPSERT_PERSON, {
      input: { id: `person:badcite-${run}`, name: 'Bad Citation', citations: [{ source: 'nope.txt', quote: 'a long enough quote' }, { source: SOURCE, quote: '' }] },
    });
    expect(bad.errors.map((e) => [e.field, e.code]).sort()).toEqual([
      ['citations[0].source', 'UNKNOWN_SOURCE'],
      ['citations[1].quote', 'QUOTE_TOO_SHORT'],
    ]);
  });

  it('names missing required fields and bad references on create', async () => {
    const bad = await payload(ADD_MEMBERSHIP, { input: { person: `person:ghost-${run}`, organization: 'place:almaty', role: 'member', from: '2022-02-30', citations: cite() } });
    expect(bad.errors.map((e) => [e.field, e.code]).sort()).toEqual(
      [
        ['from', 'BAD_DATE'],
        ['organization', 'WRONG_REFERENCE_KIND'],
        ['person', 'DANGLING_REFERENCE'],
      ].sort(),
    );
    const noName = await payload(UPSERT_PERSON, { input: { id: `person:noname-${run}`, citations: cite() } });
    expect(noName.errors.map((e) => [e.field, e.code])).toEqual([['name', 'INVALID']]);
  });
});

describe('retraction', () => {
  it('drops a fact and its relationship out of default reads, keeps it on request, and restores it', async () => {
    const pid = `person:retract-${run}`;
    const mid = await personInAmanat(pid, 'Zz Retract Tester', '2020');
    expect(mid).toBe(`membership:retract-${run}-amanat-member-2020`);
    const READ = `{ person(id: "${pid}") {
      memberships { id } all: memberships(includeRetracted: true) { id retraction { reason actor } }
      related { totalCount edges { node { type retracted } } }
      allRelated: related(includeRetracted: true) { edges { node { type retracted fact { id } } } }
      typedRelated: related(types: ["MEMBER_OF"], includeRetracted: true) { totalCount edges { node { type retracted } } }
      typedLive: related(types: ["MEMBER_OF", "LEADS"]) { totalCount } }
      party(id: "party:amanat") { members { id } allMembers: members(includeRetracted: true) { id } }
      people(filter: { memberOf: "party:amanat", name: "Zz Retract Tester" }) { totalCount } }`;
    const live = (await gql(READ)).data as Data;
    expect(live).toMatchObject({ person: { memberships: [{ id: mid }], related: { totalCount: 1, edges: [{ node: { type: 'MEMBER_OF', retracted: false } }] } }, people: { totalCount: 1 } });

    const retracted = await payload(RETRACT, { id: mid, reason: 'the source was misread' });
    expect(retracted.errors).toEqual([]);
    expect(retracted.fact).toMatchObject({ id: mid, retraction: { reason: 'the source was misread', actor: 'alice' } });
    const after = (await gql(READ)).data as { person: Data; party: { members: { id: string }[]; allMembers: { id: string }[] }; people: Data };
    expect(after.person).toMatchObject({
      memberships: [],
      all: [{ id: mid, retraction: { reason: 'the source was misread', actor: 'alice' } }],
      related: { totalCount: 0 },
      allRelated: { edges: [{ node: { type: 'MEMBER_OF', retracted: true, fact: { id: mid } } }] },
      typedRelated: { totalCount: 1, edges: [{ node: { type: 'MEMBER_OF', retracted: true } }] },
      typedLive: { totalCount: 0 },
    });
    expect(after.party.members.map((m) => m.id)).not.toContain(mid);
    expect(after.party.allMembers.map((m) => m.id)).toContain(mid);
    expect(after.people).toEqual({ totalCount: 0 });
    expect((await gql(`{ node(id: "${mid}") { id } }`)).data).toEqual({ node: { id: mid } });

    expect((await payload(RETRACT, { id: mid, reason: 'again' })).errors.map((e) => e.code)).toEqual(['ALREADY_RETRACTED']);
    expect((await payload(RETRACT, { id: pid, reason: 'entities are merged, not retracted' })).errors.map((e) => e.code)).toEqual(['WRONG_KIND']);
    expect((await payload(RETRACT, { id: `membership:none-${run}`, reason: 'x' })).errors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    expect((await payload(RETRACT, { id: mid, reason: ' ' })).errors.map((e) => e.code)).toEqual(['INVALID']);

    expect((await payload(RESTORE, { id: mid, reason: 'read again: it was right' })).errors).toEqual([]);
    expect((await gql(READ)).data).toMatchObject({ person: { memberships: [{ id: mid }], related: { totalCount: 1, edges: [{ node: { retracted: false } }] } } });
    expect((await payload(RESTORE, { id: mid, reason: 'x' })).errors.map((e) => e.code)).toEqual(['NOT_RETRACTED']);
  });

  it('retracting a party to a court case drops its PARTY_TO relationship and shows in the case history', async () => {
    const add = await payload(`mutation($i: AddCasePartyInput!) { addCaseParty(input: $i) { caseParty { id } errors { code } } }`, {
      i: { courtCase: 'case:mamai-mass-riots', entity: 'person:inga-imanbai', role: 'WITNESS', citations: cite() },
    });
    const partyId = (add.caseParty as { id: string }).id;
    expect(partyId).toMatch(/^case:mamai-mass-riots#party#\d+$/);
    const related = async () =>
      ((await gql(`{ person(id: "person:inga-imanbai") { related(types: ["PARTY_TO"]) { edges { node { fact { id } } } } } }`)).data!.person as { related: { edges: { node: { fact: { id: string } } }[] } }).related.edges.map(
        (e) => e.node.fact.id,
      );
    expect(await related()).toContain(partyId);
    expect((await payload(RETRACT, { id: partyId, reason: 'not a witness after all' })).errors).toEqual([]);
    expect(await related()).not.toContain(partyId);
    const res = await gql(`{ courtCase(id: "case:mamai-mass-riots") { parties { id } history { operation } } }`);
    const courtCase = res.data!.courtCase as { parties: { id: string }[]; history: { operation: string }[] };
    expect(courtCase.parties.map((p) => p.id)).not.toContain(partyId);
    expect(courtCase.history.map((h) => h.operation)).toEqual(['addCaseParty', 'retractFact']);
  });
});

describe('the audit trail', () => {
  it('records who changed what, when, before and after; readable per entity and at the root', async () => {
    const id = `person:history-${run}`;
    const since = new Date().toISOString();
    const created = await person(id, 'Zz History Tester');
    expect(created.changes).toEqual([{ id: expect.stringMatching(/^change:/) as string, actor: 'alice', operation: 'upsertPerson', targetId: id, before: null, after: expect.any(String) as string }]);
    const updated = await payload(UPSERT_PERSON, { input: { id, description: 'Now described', citations: cite('Before joining RFE/RL he was Central Asia bureau chief') } });
    expect(updated.errors).toEqual([]);
    const unchanged = await payload(UPSERT_PERSON, { input: { id, citations: cite() } });
    expect(unchanged.changes).toEqual([]);

    const res = await gql(`{ person(id: "${id}") { history { at actor operation before after } } }`);
    const history = (res.data!.person as { history: { at: string; actor: string; operation: string; before: string | null; after: string }[] }).history;
    expect(history.map((h) => [h.actor, h.operation])).toEqual([
      ['alice', 'upsertPerson'],
      ['alice', 'upsertPerson'],
    ]);
    expect(history[0]!.before).toBeNull();
    expect(JSON.parse(history[0]!.after)).toMatchObject({ id, name: 'Zz History Tester', citations: cite() });
    expect(JSON.parse(history[1]!.before!)).not.toHaveProperty('description');
    expect(JSON.parse(history[1]!.after)).toMatchObject({ description: 'Now described' });
    expect(JSON.parse(history[1]!.after).citations).toHaveLength(2);
    expect(history[0]!.at <= history[1]!.at).toBe(true);

    const page1 = await gql(`query($since: DateTime) { changes(since: $since, actor: "alice", first: 1) { totalCount edges { node { targetId } } pageInfo { hasNextPage endCursor } } }`, { since });
    const first = page1.data!.changes as { totalCount: number; edges: { node: { targetId: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    expect(first.totalCount).toBeGreaterThanOrEqual(2);
    expect(first.edges).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql(`query($since: DateTime, $after: String) { changes(since: $since, actor: "alice", first: 100, after: $after) { edges { node { targetId actor } } } }`, {
      since,
      after: first.pageInfo.endCursor,
    });
    const rest = (page2.data!.changes as { edges: { node: { targetId: string; actor: string } }[] }).edges;
    expect([first.edges[0]!.node.targetId, ...rest.map((e) => e.node.targetId)].filter((t) => t === id)).toHaveLength(2);
    expect(rest.every((e) => e.node.actor === 'alice')).toBe(true);
    expect((await gql(`{ changes(actor: "nobody-at-all") { totalCount } }`)).data).toEqual({ changes: { totalCount: 0 } });
    expect((await gql(`query($s: DateTime) { changes(since: $s) { totalCount } }`, { s: 'yesterday' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('merging duplicates', () => {
  it('moves facts and citations, keeps the dropped names as aliases and the dropped id resolving', async () => {
    const keep = `person:merge-keep-${run}`;
    const drop = `person:merge-drop-${run}`;
    await person(keep, 'Zz Yerlan Mergebayev', 'Chris Rickleton is a journalist living in Almaty.');
    await payload(UPSERT_PERSON, { input: { id: drop, name: 'Zz Erlan Mergebaev', aliases: [{ name: 'Ерлан Мергебаев', script: 'Cyrl', lang: 'ru' }], citations: cite('Before joining RFE/RL he was Central Asia bureau chief') } });
    const membership = await payload(ADD_MEMBERSHIP, { input: { person: drop, organization: 'party:ak-zhol', role: 'member', citations: cite('Before joining RFE/RL he was Central Asia bureau chief') } });
    const mid = (membership.membership as { id: string }).id;

    const candidates = await gql(`{ duplicateCandidates(kind: PERSON, first: 5) { entity { id } duplicate { id } score nameScore sharedRelations matchedNames } }`);
    const pairs = candidates.data!.duplicateCandidates as { entity: { id: string }; duplicate: { id: string }; score: number }[];
    expect(pairs.map((p) => [p.entity.id, p.duplicate.id].sort().join(' '))).toContain([keep, drop].sort().join(' '));

    const editorTry = await gql(MERGE, { keep, drop }, 'editor');
    expect(editorTry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const merged = await payload(MERGE, { keep, drop, reason: 'same man, two transliterations' }, 'admin');
    expect(merged.errors).toEqual([]);
    expect(merged.entity).toMatchObject({ id: keep, name: 'Zz Yerlan Mergebayev' });
    expect((merged.entity as { aliases: { name: string }[] }).aliases.map((a) => a.name)).toEqual(['Zz Erlan Mergebaev', 'Ерлан Мергебаев']);
    expect((merged.entity as { citations: { quote: string }[] }).citations.map((c) => c.quote)).toEqual([
      'Chris Rickleton is a journalist living in Almaty.',
      'Before joining RFE/RL he was Central Asia bureau chief',
    ]);
    expect(merged.changes).toContainEqual({ operation: 'mergeEntities', targetId: keep, reason: 'same man, two transliterations' });
    expect(merged.changes).toContainEqual({ operation: 'mergeEntities', targetId: mid, reason: 'same man, two transliterations' });

    const res = await gql(`{
      byOld: person(id: "${drop}") { id memberships { id citations { quote } } related { edges { node { type other { id } } } } }
      node(id: "${drop}") { id }
      membership: node(id: "${mid}") { ... on Membership { person { id } } }
      kept: person(id: "${keep}") { history { operation } }
      search(query: "Erlan Mergebaev") { entity { id } } }`);
    const data = res.data as { byOld: { id: string; memberships: { id: string; citations: { quote: string }[] }[]; related: { edges: { node: { type: string; other: { id: string } } }[] } }; node: { id: string }; membership: { person: { id: string } }; kept: { history: { operation: string }[] }; search: { entity: { id: string } }[] };
    expect(data.byOld.id).toBe(keep);
    expect(data.byOld.memberships).toEqual([{ id: mid, citations: [{ quote: 'Before joining RFE/RL he was Central Asia bureau chief' }] }]);
    expect(data.byOld.related.edges).toContainEqual({ node: { type: 'MEMBER_OF', other: { id: 'party:ak-zhol' } } });
    expect(data.node).toEqual({ id: keep });
    expect(data.membership).toEqual({ person: { id: keep } });
    // The kept entity's history includes the dropped one's and the merge.
    expect(data.kept.history.map((h) => h.operation)).toEqual(['upsertPerson', 'upsertPerson', 'mergeEntities']);
    expect(data.search[0]?.entity.id).toBe(keep);

    const again = await payload(MERGE, { keep, drop }, 'admin');
    expect(again.errors.map((e) => [e.field, e.code])).toEqual([['drop', 'MERGED']]);
    expect((await payload(UPSERT_PERSON, { input: { id: drop, name: 'Back again', citations: cite() } })).errors.map((e) => e.code)).toEqual(['MERGED']);
    // Writing with the old id as a reference lands on the kept entity.
    const viaOld = await payload(ADD_MEMBERSHIP, { input: { person: drop, organization: 'party:amanat', role: 'member', citations: cite() } });
    expect((viaOld.membership as { person: { id: string } }).person.id).toBe(keep);
    expect((await payload(MERGE, { keep, drop: 'party:amanat' }, 'admin')).errors.map((e) => e.code)).toEqual(['WRONG_KIND']);
    expect((await payload(MERGE, { keep, drop: keep }, 'admin')).errors.map((e) => e.code)).toEqual(['INVALID']);
  });
});

describe('concurrent edits', () => {
  it('twelve parallel upserts of one person each add their citation: none is lost', async () => {
    const id = `person:concurrent-${run}`;
    await person(id, 'Zz Concurrent Tester');
    // Twelve distinct passages of the source (a quote must occur in its source's text).
    const quotes = [
      'Nobody can accuse Lukpan Akhmedyarov of being a system candidate.',
      'The former editor of a legendary newspaper',
      'More than 400 people are competing in',
      'These changes to the electoral law are',
      'But while these elections look to be',
      'Already, checks on the financial declarations of',
      'Candidates better connected to the political mainstream,',
      'Tleuzhanova, under investigation for what prosecutors say',
      'Despite limited campaign finances, the journalist has',
      'Akhmedyarov characterized the questions about his 17-year-old',
      'Seven years ago, authorities said that clean',
      'RFE/RL journalists report the news in 21',
    ];
    const results = await Promise.all(quotes.map((quote, i) => payload(UPSERT_PERSON, { input: { id, description: `writer ${i}`, citations: cite(quote) } })));
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    const res = await gql(`{ person(id: "${id}") { citations { quote } history { operation } } }`);
    const p = res.data!.person as { citations: { quote: string }[]; history: unknown[] };
    expect(p.citations.map((c) => c.quote).sort()).toEqual(['Chris Rickleton is a journalist living in Almaty.', ...quotes].sort());
    expect(p.history).toHaveLength(13);
  });

  it('parallel additions to one court case and parallel memberships with one generated id all survive, numbered', async () => {
    const caseId = `case:concurrent-${run}`;
    const created = await payload(`mutation($i: UpsertCourtCaseInput!) { upsertCourtCase(input: $i) { errors { code } } }`, {
      i: { id: caseId, name: 'Concurrent case', addParties: [{ entity: 'person:zhanbolat-mamai', role: 'DEFENDANT' }], citations: cite() },
    });
    expect(created.errors).toEqual([]);
    const witnesses = ['person:inga-imanbai', 'person:yermurat-bapi', 'person:chris-rickleton', 'person:ignacio-hutin', 'person:lukpan-akhmedyarov', 'person:nursultan-nazarbayev'];
    const added = await Promise.all(
      witnesses.map((entity) => payload(`mutation($i: AddCasePartyInput!) { addCaseParty(input: $i) { caseParty { id } errors { code } } }`, { i: { courtCase: caseId, entity, role: 'WITNESS', citations: cite() } })),
    );
    expect(added.flatMap((a) => a.errors)).toEqual([]);
    expect(added.map((a) => (a.caseParty as { id: string }).id).sort()).toEqual(witnesses.map((_, i) => `${caseId}#party#${i + 2}`).sort());
    const parties = (await gql(`{ courtCase(id: "${caseId}") { parties { entity { id } } } }`)).data!.courtCase as { parties: { entity: { id: string } }[] };
    expect(parties.parties.map((p) => p.entity.id).sort()).toEqual(['person:zhanbolat-mamai', ...witnesses].sort());

    const pid = `person:samejob-${run}`;
    await person(pid, 'Zz Same Job');
    const jobs = await Promise.all(Array.from({ length: 4 }, () => payload(ADD_MEMBERSHIP, { input: { person: pid, organization: 'party:amanat', role: 'member', citations: cite() } })));
    expect(jobs.flatMap((j) => j.errors)).toEqual([]);
    expect(jobs.map((j) => (j.membership as { id: string }).id).sort()).toEqual([
      `membership:samejob-${run}-amanat-member`,
      `membership:samejob-${run}-amanat-member-2`,
      `membership:samejob-${run}-amanat-member-3`,
      `membership:samejob-${run}-amanat-member-4`,
    ]);
  });
});

describe('dates and derived relationships', () => {
  it('ending a membership sets `to`; re-dating an election re-dates its candidacies’ relationships', async () => {
    const pid = `person:dates-${run}`;
    const mid = await personInAmanat(pid, 'Zz Dates Tester', '2019');
    const END = `mutation($id: ID!, $to: String!, $c: CitationInput!) { endRelationship(id: $id, to: $to, citation: $c) { fact { id ... on Membership { to { text } } } errors { field code } } }`;
    expect((await payload(END, { id: mid, to: '2018', c: cite()[0] })).errors).toEqual([{ field: 'from', code: 'BAD_DATE_RANGE' }]);
    expect((await payload(END, { id: mid, to: '2022-03', c: cite()[0] })).fact).toEqual({ id: mid, to: { text: '2022-03' } });
    const asOf = async (day: string) => ((await gql(`{ person(id: "${pid}") { related(asOf: "${day}") { totalCount } } }`)).data!.person as { related: { totalCount: number } }).related.totalCount;
    expect(await asOf('2021-06-01')).toBe(1);
    expect(await asOf('2023-06-01')).toBe(0);
    expect((await payload(END, { id: 'party:amanat#name#1', to: '2022', c: cite()[0] })).errors).toEqual([]);
    expect((await payload(END, { id: 'person:zhanbolat-mamai', to: '2022', c: cite()[0] })).errors.map((e) => e.code)).toEqual(['WRONG_KIND']);
    expect((await payload(END, { id: `membership:none-${run}`, to: '2022', c: cite()[0] })).errors.map((e) => e.code)).toEqual(['NOT_FOUND']);

    const eid = `election:dates-${run}`;
    await payload(`mutation($i: UpsertElectionInput!) { upsertElection(input: $i) { errors { code } } }`, { i: { id: eid, name: 'Dates election', kind: 'LOCAL', date: '2024-01', citations: cite() } });
    await payload(`mutation($i: AddCandidacyInput!) { addCandidacy(input: $i) { errors { code } } }`, { i: { person: pid, election: eid, citations: cite() } });
    const from = async () =>
      ((await gql(`{ person(id: "${pid}") { related(types: ["CANDIDATE_IN"]) { edges { node { from { text } } } } } }`)).data!.person as { related: { edges: { node: { from: { text: string } } }[] } }).related.edges[0]?.node.from.text;
    expect(await from()).toBe('2024-01');
    await payload(`mutation($i: UpsertElectionInput!) { upsertElection(input: $i) { errors { code } } }`, { i: { id: eid, date: '2024-02-11', citations: cite() } });
    expect(await from()).toBe('2024-02-11');
  });
});

describe('hostile strings', () => {
  const hostile = [
    `Robert'); DROP TABLE people;-- "quoted" \\backslash\\ \`tick\``,
    'MATCH (n) DETACH DELETE n RETURN n // } ] ) { [ ( $param',
    '"}) MERGE (x:Admin {id: 1}) WITH x MATCH (y) DETACH DELETE y //',
    'Тоқаев Қасым-Жомарт 🇰🇿 ٱلْعَرَبِيَّة ‮reversed‬ zero​width',
  ];

  // A source whose text holds the hostile strings, so each can also be a verbatim quote of it.
  const hostileSource = `source:hostile-${run}`;
  beforeAll(async () => {
    const added = await payload(`mutation($i: AddSourceInput!) { addSource(input: $i) { errors { field code message } } }`, {
      i: { id: hostileSource, publisher: 'Hostile Wire', date: '2024-05-01', text: `Strings that must survive storage:\n${hostile.join('\n')}\n` },
    });
    expect(added.errors).toEqual([]);
  });

  it.each(hostile.map((h, i) => [i, h] as const))('name %i is stored and returned byte for byte', async (i, name) => {
    const id = `person:hostile-${i}-${run}`;
    const written = await payload(UPSERT_PERSON, { input: { id, name, aliases: [{ name: `${name} alias` }], citations: [{ source: hostileSource, quote: name }] } });
    expect(written.errors).toEqual([]);
    const read = (await gql(`query($id: ID!) { person(id: $id) { name aliases { name } citations { quote } } }`, { id })).data!.person as { name: string; aliases: { name: string }[]; citations: { quote: string }[] };
    expect(read.name).toBe(name);
    expect(read.aliases[0]!.name).toBe(`${name} alias`);
    expect(read.citations[0]!.quote).toBe(name);
    expect(((await gql('{ people(first: 1) { totalCount } }')).data!.people as { totalCount: number }).totalCount).toBeGreaterThan(10);
  });

  it('control characters in free text are kept exactly; in names they are refused', async () => {
    const id = `person:control-${run}`;
    const description = 'tab\there, newline\nthere, nul\u0000, bell\u0007, escape\u001b[31m, del\u007f, \\u0000 as text';
    const ok = await payload(UPSERT_PERSON, { input: { id, name: 'Zz Control Tester', description, citations: cite() } });
    expect(ok.errors).toEqual([]);
    const read = (await gql(`query($id: ID!) { person(id: $id) { description } }`, { id })).data!.person as { description: string };
    expect(read.description).toBe(description);
    const refused = await payload(UPSERT_PERSON, { input: { id: `person:control-name-${run}`, name: 'Bad\u0000Name', citations: cite() } });
    expect(refused.errors.map((e) => [e.field, e.code])).toEqual([['name', 'INVALID']]);
  });

  it('long strings: up to the limit stored, beyond it refused with a field error, 1 MB refused before any work', async () => {
    const id = `person:long-${run}`;
    const limit = 'ж'.repeat(20_000);
    const stored = await payload(UPSERT_PERSON, { input: { id, name: 'Zz Long Tester', description: limit, citations: cite() } });
    expect(stored.errors).toEqual([]);
    expect(((await gql(`query($id: ID!) { person(id: $id) { description } }`, { id })).data!.person as { description: string }).description).toBe(limit);
    const tooLong = await payload(UPSERT_PERSON, { input: { id, description: `${limit}x`, citations: cite() } });
    expect(tooLong.errors.map((e) => [e.field, e.code])).toEqual([['description', 'INVALID']]);
    const longName = await payload(UPSERT_PERSON, { input: { id: `person:longname-${run}`, name: 'N'.repeat(501), citations: cite() } });
    expect(longName.errors.map((e) => [e.field, e.code])).toEqual([['name', 'INVALID']]);
    const megabyte = await gql(UPSERT_PERSON, { input: { id: `person:mb-${run}`, name: 'Zz Megabyte', description: 'x'.repeat(1024 * 1024), citations: cite() } }, 'editor');
    expect(megabyte.status).toBe(413);
    expect(megabyte.data ?? null).toBeNull();
    expect((await gql(`{ person(id: "person:mb-${run}") { id } }`)).data).toEqual({ person: null });
  });

  it('ids that are not kind:slug are refused before anything is written', async () => {
    for (const id of [`person:x"}) DETACH DELETE n //`, 'person:', 'PERSON:UPPER', `person:${'a'.repeat(10)} space`]) {
      const refused = await payload(UPSERT_PERSON, { input: { id, name: 'Zz Bad Id', citations: cite() } });
      expect(refused.errors.map((e) => [e.field, e.code])).toEqual([['id', 'INVALID']]);
    }
    const wrongKind = await payload(UPSERT_PERSON, { input: { id: `party:not-a-person-${run}`, name: 'Zz Wrong Kind', citations: cite() } });
    expect(wrongKind.errors.map((e) => [e.field, e.code])).toEqual([['id', 'BAD_ID_PREFIX']]);
  });
});
