// Popolo import of EveryPolitician's Mazhilis file into a seeded Neo4j of this file's own: what is merged into
// the seed (and on which evidence), what is created and flagged, identifiers, terms and their members, every
// deputy found top-1 by each Cyrillic name, a re-import that changes nothing, and the Popolo round trip.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarise, writeImport } from '../../src/bulk/import.js';
import { describeResolutions, planPopoloImport, readPopoloFile, type PopoloPlan } from '../../src/popolo/import.js';
import { exportPopolo, serialisePopolo, type PopoloExport } from '../../src/popolo/export.js';
import { splitName, type SourceMeta } from '../../src/popolo/popolo.js';
import { checkPopolo } from '../../src/popolo/schemas.js';
import { transliterate, transliterationSchemes } from '../../src/search/transliterate.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';
import type { TestServer } from '../helpers.js';

const FILE = new URL('../../data/everypolitician-kz/ep-popolo-v1.0.json', import.meta.url).pathname;
const META: SourceMeta = {
  title: 'EveryPolitician: Kazakhstan, Mazhilis (Popolo JSON)',
  publisher: 'EveryPolitician',
  url: 'https://github.com/everypolitician/everypolitician-data/blob/379106e8c5ba9364abc6a739de5f92744c4ee2b3/data/Kazakhstan/Assembly/ep-popolo-v1.0.json',
  retrieved: '2026-12-02',
};
const popolo = JSON.parse(readFileSync(FILE, 'utf8')) as {
  persons: { id: string; name: string; other_names?: { lang: string; name: string }[] }[];
};

let neo4j: IsolatedNeo4j;
let server: TestServer;
let first: PopoloPlan;
let importSeconds = 0;

beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  server = await startServerOn(neo4j);
  const started = Date.now();
  first = await planPopoloImport(neo4j.database, await readPopoloFile(FILE), META);
  if (first.issues.length > 0 || !first.plan) throw new Error(JSON.stringify(first.issues.slice(0, 5)));
  await writeImport(neo4j.database, first.plan, { actor: 'popolo-test' });
  importSeconds = (Date.now() - started) / 1000;
}, 180_000);
let closed = false;
async function closeFirst(): Promise<void> {
  if (closed) return;
  closed = true;
  await server?.close();
  await neo4j?.close();
}
afterAll(closeFirst);

function merges(plan: PopoloPlan): Map<string, string> {
  return new Map(plan.resolutions.filter((r) => r.decision.action === 'MERGE').map((r) => [r.pointer, r.id]));
}

describe('Popolo import of the Mazhilis file', () => {
  it('imports the whole file in under 10 s', () => {
    console.log(`popolo import: ${importSeconds.toFixed(2)} s; ${JSON.stringify(summarise(first.plan!))}`);
    expect(importSeconds).toBeLessThan(10);
  });

  it('merges exactly the legislature, three parties and four elections into the seed, each on agreeing evidence', () => {
    const merged = [...merges(first).entries()].map(([pointer, id]) => `${pointer} ${id}`).sort();
    expect(merged).toEqual(
      [
        '/organizations/0 party:ak-zhol',
        '/organizations/1 party:peoples-party',
        '/organizations/3 organization:mazhilis',
        '/organizations/4 party:amanat',
        '/events/4 election:2004-mazhilis',
        '/events/5 election:2007-mazhilis',
        '/events/6 election:2012-mazhilis',
        '/events/8 election:2016-mazhilis',
      ].sort(),
    );
    for (const r of first.resolutions.filter((x) => x.decision.action === 'MERGE')) {
      if (r.decision.action !== 'MERGE') continue;
      // Every merge rests on a name (or an election's date) with an agreeing role and period.
      expect(r.decision.score).toBeGreaterThanOrEqual(0.9);
      const agreeing = r.decision.evidence.filter((e) => e.agrees).map((e) => e.type);
      expect(agreeing.includes('IDENTIFIER') || agreeing.includes('NAME') || agreeing.includes('DATE')).toBe(true);
      expect(r.decision.evidence.some((e) => e.type === 'IDENTIFIER_CONFLICT')).toBe(false);
    }
    const lines = describeResolutions(first);
    console.log(lines.filter((l) => !l.startsWith('create')).join('\n'));
    // No deputy is merged into a person of the articles: 0 false merges among persons.
    expect(first.resolutions.filter((r) => r.collection === 'people' && r.decision.action === 'MERGE')).toEqual([]);
  });

  it('flags the namesake Nikolai Kuzmin (a deputy; the seed has a Kursiv columnist) and never merges him', () => {
    const kuzmin = first.resolutions.find((r) => r.name === 'Nikolai Kuzmin');
    expect(kuzmin?.decision.action).toBe('CREATE');
    expect(kuzmin?.id).not.toBe('person:nikolai-kuzmin');
    const flag = kuzmin?.decision.action === 'CREATE' ? kuzmin.decision.flagged.find((f) => f.existing === 'person:nikolai-kuzmin') : undefined;
    expect(flag?.sufficient).toBe(false);
    expect(flag?.evidence.find((e) => e.type === 'NAME')?.agrees).toBe(true);
    expect(flag?.evidence.find((e) => e.type === 'ROLE')?.agrees).toBe(false);
    // The extinct Communist Party is not the Communist People's Party.
    expect([...merges(first).values()]).not.toContain('party:communist-party');
  });

  it('stores identifiers, terms and the members of each term with the party they sat for', async () => {
    const res = await server.gql<{
      byWikidata: { id: string; identifiers: { scheme: string; value: string; url: string | null }[] } | null;
      mazhilis: { terms: { key: string; name: string; from: string; to: string | null; memberCount: number; composition: { party: { id: string } | null; seats: number }[] }[] } | null;
    }>(`{
      byWikidata: entityByIdentifier(scheme: "wikidata", value: "Q1195092") { id identifiers { scheme value url } }
      mazhilis: legislature(id: "organization:mazhilis") { terms { key name from to memberCount composition { party { id } seats } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.byWikidata?.id).toBe('party:amanat');
    expect(res.data?.byWikidata?.identifiers).toContainEqual({ scheme: 'wikidata', value: 'Q1195092', url: 'https://www.wikidata.org/wiki/Q1195092' });
    const terms = res.data?.mazhilis?.terms ?? [];
    expect(terms.map((t) => [t.key, t.from, t.to, t.memberCount])).toEqual([
      ['5', '2012-01-15', '2016-01-20', 107],
      ['6', '2016-03-25', null, 107],
    ]);
    const fifth = Object.fromEntries(terms[0]!.composition.map((c) => [c.party?.id ?? 'unknown', c.seats]));
    expect(fifth).toEqual({ 'party:amanat': 83, 'party:ak-zhol': 8, 'party:peoples-party': 7, 'party:independent': 6, unknown: 3 });
  });

  it('lists the members as of a day with their party, and a person their terms', async () => {
    const res = await server.gql<{
      l: { members: { totalCount: number; nodes: { person: { id: string; name: string }; party: { id: string } | null; term: string | null }[] } } | null;
    }>(`{ l: legislature(id: "organization:mazhilis") { members(asOf: "2014-06-01", first: 200) { totalCount nodes { person { id name } party { id } term } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.l?.members.totalCount).toBe(107);
    expect(res.data?.l?.members.nodes.every((n) => n.term === '5')).toBe(true);
    const someone = res.data!.l!.members.nodes.find((n) => n.party?.id === 'party:ak-zhol')!;
    const terms = await server.gql<{ person: { legislativeTerms: { term: string; legislature: { id: string }; party: { id: string } | null }[] } }>(
      `query($id: ID!) { person(id: $id) { legislativeTerms { term legislature { id } party { id } } } }`,
      { id: someone.person.id },
    );
    expect(terms.errors).toBeUndefined();
    expect(terms.data?.person.legislativeTerms).toContainEqual({ term: '5', legislature: { id: 'organization:mazhilis' }, party: { id: 'party:ak-zhol' } });
  });

  it('finds every deputy with Cyrillic names top-1 by each of them', async () => {
    const withCyrillic = popolo.persons.filter((p) => p.other_names?.some((n) => n.lang === 'kk' || n.lang === 'ru'));
    expect(withCyrillic).toHaveLength(107);
    const ids = new Map(first.resolutions.filter((r) => r.collection === 'people').map((r) => [r.pointer, r.id]));
    const misses: string[] = [];
    let asked = 0;
    for (const p of withCyrillic) {
      const id = ids.get(`/persons/${popolo.persons.indexOf(p)}`);
      for (const name of new Set(p.other_names!.filter((n) => n.lang === 'kk' || n.lang === 'ru').map((n) => n.name))) {
        asked += 1;
        const res = await server.gql<{ search: { entity: { id: string } }[] }>(`query($q: String!) { search(query: $q, kinds: [PERSON], first: 1) { entity { id } } }`, { q: name });
        if (res.data?.search[0]?.entity.id !== id) misses.push(`${name} → ${res.data?.search[0]?.entity.id ?? 'nothing'} (want ${id})`);
      }
    }
    console.log(`Cyrillic names asked: ${asked}; misses: ${misses.length}`);
    expect(misses).toEqual([]);
  }, 120_000);

  it('changes nothing when the same file is imported again', async () => {
    const again = await planPopoloImport(neo4j.database, await readPopoloFile(FILE), META);
    expect(again.issues).toEqual([]);
    const summary = summarise(again.plan!);
    expect(again.plan!.update.slice(0, 1).map((u) => ({ before: u.before.record, after: u.after.record }))).toEqual([]);
    expect(summary.created).toBe(0);
    expect(summary.updated).toBe(0);
    // Every entity the first import created is now found again by its Popolo identifier.
    expect(again.resolutions.every((r) => r.decision.action === 'MERGE')).toBe(true);
  }, 60_000);
  it('finds a sample of deputies top-1 by Latin transliterations of their Cyrillic names, either order, with and without patronymic', async () => {
    const withCyrillic = popolo.persons.filter((p) => p.other_names?.some((n) => n.lang === 'kk'));
    // Every third deputy with a Kazakh name: 36 of them.
    const sample = withCyrillic.filter((_, i) => i % 3 === 0);
    expect(sample.length).toBeGreaterThanOrEqual(30);
    const ids = new Map(first.resolutions.filter((r) => r.collection === 'people').map((r) => [r.pointer, r.id]));
    const misses: string[] = [];
    let asked = 0;
    for (const p of sample) {
      const id = ids.get(`/persons/${popolo.persons.indexOf(p)}`);
      const cyrillic = splitName(p.other_names!.find((n) => n.lang === 'kk')!.name);
      for (const scheme of transliterationSchemes) {
        const [surname, given, patronymic] = [cyrillic.surname, cyrillic.given, cyrillic.patronymic].map((x) => (x === null ? null : transliterate(x, scheme)));
        const queries = new Set([`${surname} ${given}`, `${given} ${surname}`]);
        if (patronymic) queries.add(`${surname} ${given} ${patronymic}`).add(`${given} ${patronymic} ${surname}`);
        for (const q of queries) {
          asked += 1;
          const res = await server.gql<{ search: { entity: { id: string } }[] }>(`query($q: String!) { search(query: $q, kinds: [PERSON], first: 1) { entity { id } } }`, { q });
          if (res.data?.search[0]?.entity.id !== id) misses.push(`${scheme} "${q}" → ${res.data?.search[0]?.entity.id ?? 'nothing'} (want ${id})`);
        }
      }
    }
    console.log(`transliterated queries: ${sample.length} deputies, ${asked} queries, ${asked - misses.length} top-1 hits (${(((asked - misses.length) / asked) * 100).toFixed(1)} %)`);
    expect(misses).toEqual([]);
  }, 180_000);

  it('exports Popolo that meets the Popolo schemas, and a round trip into an empty database keeps the counts', async () => {
    const exported: PopoloExport = await exportPopolo(neo4j.database);
    expect(checkPopolo(exported)).toEqual([]);
    // Every deputy of the file is there, with the party each sat for in each term.
    const withTerm = exported.memberships.filter((m) => typeof m.legislative_period_id === 'string');
    expect(withTerm).toHaveLength(214);
    // Every seat the file gives a real party (not its placeholder "unknown") carries that party.
    const source = JSON.parse(readFileSync(FILE, 'utf8')) as { organizations: { id: string; name: string }[]; memberships: { on_behalf_of_id?: string }[] };
    const placeholders = new Set(source.organizations.filter((o) => o.name === 'unknown').map((o) => o.id));
    const withParty = source.memberships.filter((m) => m.on_behalf_of_id !== undefined && !placeholders.has(m.on_behalf_of_id)).length;
    expect(withParty).toBe(104);
    expect(withTerm.filter((m) => typeof m.on_behalf_of_id === 'string')).toHaveLength(withParty);
    expect(exported.events.filter((e) => e.classification === 'legislative period').map((e) => e.id).sort()).toEqual(['organization:mazhilis/term/5', 'organization:mazhilis/term/6']);
    const abdiraiym = exported.persons.find((p) => p.name === 'Bakytzhan Abdiraiym');
    expect(abdiraiym?.other_names).toContainEqual({ name: 'ӘБДІРАЙЫМ Бақытжан Жарылқасынұлы', lang: 'kk' });
    expect(abdiraiym?.identifiers).toContainEqual({ scheme: 'popolo', identifier: '50fb1de0-bf61-40c5-8bb3-816605f55b4a' });

    const dir = mkdtempSync(join(tmpdir(), 'popolo-export-'));
    const file = join(dir, 'export.json');
    writeFileSync(file, serialisePopolo(exported));
    await closeFirst();
    const empty = await startIsolatedNeo4j({ seed: false });
    try {
      const plan = await planPopoloImport(empty.database, await readPopoloFile(file), { title: 'Round trip', publisher: 'kz-political-graph', url: null, retrieved: '2026-12-02' });
      expect(plan.issues).toEqual([]);
      expect(plan.skipped.filter((s) => !s.pointer.startsWith('/events/') && !s.pointer.startsWith('/areas/'))).toEqual([]);
      await writeImport(empty.database, plan.plan!, { actor: 'popolo-round-trip' });
      const back = await exportPopolo(empty.database);
      const counts = (d: PopoloExport) => ({ persons: d.persons.length, organizations: d.organizations.length, memberships: d.memberships.length });
      console.log(`round trip: exported ${JSON.stringify(counts(exported))}, re-imported ${JSON.stringify(counts(back))}`);
      expect(counts(back)).toEqual(counts(exported));
      expect(back.persons.map((p) => p.name).sort()).toEqual(exported.persons.map((p) => p.name).sort());
      // The deputies' popolo identifiers (the first file's ids) survive the round trip.
      const popoloIds = (d: PopoloExport) => d.persons.flatMap((p) => ((p.identifiers as { scheme: string; identifier: string }[] | undefined) ?? []).filter((i) => i.scheme === 'popolo' && !i.identifier.startsWith('person:')).map((i) => i.identifier)).sort();
      expect(popoloIds(back)).toEqual(popoloIds(exported));
      expect(checkPopolo(back)).toEqual([]);
    } finally {
      await empty.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
