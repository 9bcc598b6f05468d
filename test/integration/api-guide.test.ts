// Every worked query of docs/api.md, run over HTTP against the seed: the guide is what the API answers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers.js';

type Json = any;

const guide = readFileSync(resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');
const queries = new Map<string, string>();
for (const match of guide.matchAll(/```graphql\n# name: ([\w-]+)\n([\s\S]*?)```/g)) queries.set(match[1]!, match[2]!);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function run(name: string): Promise<Json> {
  const query = queries.get(name);
  if (!query) throw new Error(`docs/api.md has no query named ${name}`);
  const res = await server.gql<Json>(query);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
}

const sourceIds = (citations: Json[]) => [...new Set(citations.map((c) => c.source.id as string))].sort();

describe('docs/api.md worked queries', () => {
  it('has at least 12 named queries, all tested here', () => {
    expect(queries.size).toBeGreaterThanOrEqual(12);
  });

  it('1. a person\'s relationships carry types, dates and verbatim citations', async () => {
    const { person } = await run('person-relationships');
    expect(person.name).toBe('Zhanbolat Mamai');
    expect(person.aliases.map((a: Json) => a.name)).toContain('Mamay');
    const rels: Json[] = person.related.edges.map((e: Json) => e.node);
    expect(rels.length).toBe(person.related.totalCount);
    expect(rels.find((r) => r.type === 'SPOUSE_OF')?.other.id).toBe('person:inga-imanbai');
    expect(rels.find((r) => r.type === 'LEADS')?.other.id).toBe('party:democratic-party');
    expect(rels.filter((r) => r.type === 'PARTICIPATED_IN' && r.other.kind === 'EVENT').length).toBeGreaterThanOrEqual(6);
    for (const r of rels) expect(r.citations.length, `${r.type} → ${r.other.id}`).toBeGreaterThan(0);
  });

  it('2. Amanat was Nur Otan until 2022; nameAsOf answers per day', async () => {
    const { party } = await run('party-names');
    expect(party.name).toBe('Amanat');
    expect(party.names.map((n: Json) => [n.name, n.from?.text ?? null, n.to?.text ?? null])).toEqual([
      ['Nur Otan', null, '2022'],
      ['Amanat', '2022', null],
    ]);
    expect(party.in2021).toBe('Nur Otan');
    expect(party.in2023).toBe('Amanat');
    for (const n of party.names) expect(n.citations.length).toBeGreaterThan(0);
  });

  it('3. Mamai\'s arrests come in order with their charges', async () => {
    const { events } = await run('mamai-timeline');
    const nodes: Json[] = events.edges.map((e: Json) => e.node);
    const arrests = nodes.filter((n) => n.eventKind === 'ARREST');
    expect(arrests.map((a) => a.date.value.text)).toEqual(['2012', '2017', '2022-01', '2022-02', '2022-03']);
    for (const a of arrests) {
      expect(a.charges.length, a.id).toBeGreaterThan(0);
      expect(a.citations.length, a.id).toBeGreaterThan(0);
    }
    const house = nodes.find((n) => n.eventKind === 'HOUSE_ARREST');
    expect(house.date.value).toEqual({ text: '2022-11', precision: 'MONTH' });
  });

  it('4. 2023 results: 98 = 69 + 29, Amanat\'s district seats disputed 22 vs 23 preliminary', async () => {
    const { election } = await run('election-results');
    expect(election.date).toEqual({ text: '2023-03-19', precision: 'DAY' });
    expect([election.seats.value, election.listSeats.value, election.districtSeats.value]).toEqual([98, 69, 29]);
    const amanat = election.results.find((r: Json) => r.party.id === 'party:amanat');
    expect(election.results[0].party.id).toBe('party:amanat');
    expect(amanat.partyName).toBe('Amanat');
    expect(amanat.districtSeats.value).toBeNull();
    expect(amanat.districtSeats.disputed).toBe(true);
    const claims = amanat.districtSeats.claims.map((c: Json) => [c.value, c.qualifier, sourceIds(c.citations)]);
    expect(claims).toContainEqual([23, 'preliminary', ['003_a2df2bc0f71960c4.txt']]);
    expect(claims.find((c: Json) => c[0] === 22)[2]).toEqual(['004_501aa6378d191ed4.txt']);
    const parties = new Set(election.results.map((r: Json) => r.party.id));
    for (const p of ['party:amanat', 'party:auyl', 'party:respublica', 'party:ak-zhol', 'party:peoples-party', 'party:nationwide-social-democratic-party']) {
      expect(parties.has(p), p).toBe(true);
    }
  });

  it('5. single-mandate candidates: 435, 359 and "more than 400", each with its source', async () => {
    const { election } = await run('single-mandate-candidates');
    const v = election.singleMandateCandidates;
    expect(v.disputed).toBe(true);
    expect(v.value).toBeNull();
    const values = v.claims.map((c: Json) => c.value).sort();
    expect(values).toEqual([359, 400, 435]);
    expect(v.claims.find((c: Json) => c.value === 400).qualifier).toBe('more than');
    for (const c of v.claims) expect(c.citations.length).toBeGreaterThan(0);
  });

  it('6. Bapi won the Almaty district; Imanbai finished second', async () => {
    const { district } = await run('district-race');
    expect(district.winner.id).toBe('person:yermurat-bapi');
    const imanbai = district.candidacies.find((c: Json) => c.person.id === 'person:inga-imanbai');
    expect(imanbai.outcome).toBe('LOST');
    expect(imanbai.rank.value).toBe(2);
    const bapi = district.candidacies.find((c: Json) => c.person.id === 'person:yermurat-bapi');
    expect(bapi.outcome).toBe('ELECTED');
    for (const c of district.candidacies) expect(c.citations.length).toBeGreaterThan(0);
  });

  it('7. Mamai\'s case: organising mass riots, up to 10 years, awaiting trial', async () => {
    const { courtCase } = await run('court-case');
    expect(courtCase.charges.join(' ')).toMatch(/mass riots/i);
    expect(courtCase.maxPenalty.value).toMatch(/10 years/);
    expect(courtCase.maxPenalty.claims[0].citations.length).toBeGreaterThan(0);
    expect(courtCase.status.value).toBe('AWAITING_TRIAL');
    expect(courtCase.defendants.map((d: Json) => d.entity.id)).toEqual(['person:zhanbolat-mamai']);
    expect(courtCase.events.edges.map((e: Json) => e.node.eventKind)).toContain('HOUSE_ARREST');
  });

  it('8. Тоқаев finds Tokayev first', async () => {
    const { search } = await run('search-cyrillic');
    expect(search[0].entity.id).toBe('person:kassym-jomart-tokayev');
    expect(search[0].score).toBe(1);
    expect(search.filter((h: Json) => h.entity.id === 'person:kassym-jomart-tokayev')).toHaveLength(1);
  });

  it('9. Tleuzhan, Mamay and Aq Jol find their entities', async () => {
    const data = await run('search-variant');
    expect(data.tleuzhan[0].entity.id).toBe('person:aigerim-tleuzhanova');
    expect(data.mamay[0].entity.id).toBe('person:zhanbolat-mamai');
    expect(data.aqJol[0].entity.id).toBe('party:ak-zhol');
  });

  it('10. Tleuzhanova: Mazhilis [000] or maslikhat [002]; deregistered, reinstated by the Supreme Court, barred', async () => {
    const { node } = await run('disputed-candidacy');
    expect(node.election.disputed).toBe(true);
    expect(node.election.value).toBeNull();
    const claims = node.election.claims.map((c: Json) => [c.value.id, sourceIds(c.citations)]);
    expect(claims).toContainEqual(['election:2023-mazhilis', ['000_b6498a7c669cd33d.txt']]);
    expect(claims).toContainEqual(['election:2023-maslikhat', ['002_f9c2c936b2d2f246.txt']]);
    const statuses = node.statuses.map((s: Json) => s.status);
    expect(statuses).toEqual(expect.arrayContaining(['DEREGISTERED', 'REINSTATED', 'BARRED']));
    expect(node.statuses.find((s: Json) => s.status === 'REINSTATED').decidedBy.id).toBe('organization:supreme-court');
  });

  it('11. Respublica registered mid-December 2022 [002] or January 2023 [004]', async () => {
    const { event } = await run('disputed-date');
    expect(event.date.disputed).toBe(true);
    const claims = event.date.claims.map((c: Json) => [c.value.text, c.value.precision, sourceIds(c.citations)]);
    expect(claims).toContainEqual(['2022-12', 'MONTH', ['002_f9c2c936b2d2f246.txt']]);
    expect(claims).toContainEqual(['2023-01', 'MONTH', ['004_501aa6378d191ed4.txt']]);
  });

  it('12. Nazarbayev chaired the party in 2021; Tokayev led it in 2022 and not in 2023', async () => {
    const { party, person } = await run('members-as-of');
    const in2021 = party.in2021.map((m: Json) => `${m.person.id}:${m.role}`);
    expect(in2021).toContain('person:nursultan-nazarbayev:chair');
    const in2023 = party.in2023.map((m: Json) => m.person.id);
    expect(in2023).not.toContain('person:kassym-jomart-tokayev');
    expect(person.leads2022.edges.map((e: Json) => e.node.other.id)).toContain('party:amanat');
    expect(person.leads2023.totalCount).toBeLessThan(person.leads2022.edges.length + 1);
  });

  it('13. pages follow their cursors without gaps or repeats', async () => {
    const { people } = await run('people-page');
    expect(people.edges).toHaveLength(2);
    expect(people.pageInfo.hasNextPage).toBe(true);
    const seen = people.edges.map((e: Json) => e.node.id);
    let after = people.pageInfo.endCursor;
    for (;;) {
      const res = await server.gql<Json>('query($after: String) { people(first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }', { after });
      seen.push(...res.data.people.edges.map((e: Json) => e.node.id));
      if (!res.data.people.pageInfo.hasNextPage) break;
      after = res.data.people.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(people.totalCount);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('14. the five sources with their metadata and how often they are cited', async () => {
    const { sources } = await run('sources');
    expect(sources.totalCount).toBe(5);
    const rfe = sources.edges.map((e: Json) => e.node).find((s: Json) => s.id === '003_a2df2bc0f71960c4.txt');
    expect(rfe.publisher).toBe('RFE/RL');
    expect(rfe.date).toEqual({ text: '2023-03', precision: 'MONTH' });
    for (const e of sources.edges) expect(e.node.citationCount).toBeGreaterThan(0);
  });

  it('15. the OSCE/ODIHR findings on 2023 are cited', async () => {
    const { election } = await run('observer-findings');
    expect(election.findings.length).toBeGreaterThan(0);
    for (const f of election.findings) {
      expect(f.summary.length).toBeGreaterThan(0);
      expect(f.citations.length).toBeGreaterThan(0);
    }
    expect(election.findings.some((f: Json) => /odihr|osce/.test(f.observer.id))).toBe(true);
  });
});
