// Issue 25 on the seed with EveryPolitician's Mazhilis file imported: duplicate candidates compare names as names
// and identifiers as identifiers, search never matches digits fuzzily, and every timeline orders mixed-precision
// dates one way (a year-only entry after the month entries of its year); the FollowTheMoney export of it all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeImport } from '../../src/bulk/import.js';
import { dateOrderKey } from '../../src/domain/timeline-order.js';
import type { FtmEntity } from '../../src/export/ftm.js';
import { planPopoloImport, readPopoloFile } from '../../src/popolo/import.js';
import { ftmProblems } from '../ftm-check.js';
import type { GqlResponse, TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';

const FILE = new URL('../../data/everypolitician-kz/ep-popolo-v1.0.json', import.meta.url).pathname;

let neo4j: IsolatedNeo4j;
let server: TestServer;

beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  server = await startServerOn(neo4j);
  const plan = await planPopoloImport(neo4j.database, await readPopoloFile(FILE), {
    title: 'EveryPolitician: Kazakhstan, Mazhilis (Popolo JSON)',
    publisher: 'EveryPolitician',
    url: 'https://github.com/everypolitician/everypolitician-data/blob/379106e8c5ba9364abc6a739de5f92744c4ee2b3/data/Kazakhstan/Assembly/ep-popolo-v1.0.json',
    retrieved: '2026-12-02',
  });
  if (plan.issues.length > 0 || !plan.plan) throw new Error(JSON.stringify(plan.issues.slice(0, 5)));
  await writeImport(neo4j.database, plan.plan, { actor: 'resolution-test' });
}, 180_000);
afterAll(async () => {
  await server?.close();
  await neo4j?.close();
});

interface DatedPage { x: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { date: { text?: string; value?: { text: string } | null; claims?: { value: { text: string; start: string } }[] } } }[] } }
interface Candidate { entity: { id: string; name: string }; duplicate: { id: string; name: string }; score: number; matchedNames: string[]; sharedIdentifiers: string[] }

describe('duplicate candidates after the import', () => {
  it('proposes no pair on identifiers taken as names, and not Dariga Nazarbayeva for Nursultan Nazarbayev', async () => {
    const res = await server.gql<{ duplicateCandidates: Candidate[] }>(`{ duplicateCandidates(kind: PERSON, first: 100) { entity { id name } duplicate { id name } score matchedNames sharedIdentifiers } }`);
    expect(res.errors).toBeUndefined();
    const pairs = res.data!.duplicateCandidates;
    for (const p of pairs) {
      // No two people of the seed and the file share an identifier (each deputy has his own parlam.kz and file id).
      expect(p.sharedIdentifiers, JSON.stringify(p)).toEqual([]);
      for (const name of p.matchedNames) expect(name, JSON.stringify(p)).not.toMatch(/^[\d-]+$|^[0-9a-f]{8}-/);
    }
    const involving = (id: string) => pairs.filter((p) => p.entity.id === id || p.duplicate.id === id);
    expect(involving('person:nursultan-nazarbayev').map((p) => [p.entity.name, p.duplicate.name])).toEqual([]);
    // Deputies of one surname (the Bekturganovs, the Ospanovs) are not proposed either.
    const surnames = pairs.map((p) => [p.entity.name, p.duplicate.name].join(' / '));
    expect(surnames.filter((s) => /Bekturganov.*Bekturganov|Ospanov.*Ospanov/.test(s))).toEqual([]);
  });
});

describe('search with digits', () => {
  it('finds a parliament id only as written: 1423 is not 1429 or 1420', async () => {
    const res = await server.gql<{ search: { entity: { id: string; identifiers: { scheme: string; value: string }[] }; score: number }[] }>(
      `{ search(query: "1423", first: 10) { score entity { id ... on Person { identifiers { scheme value } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const hits = res.data!.search;
    expect(hits.length).toBe(1);
    expect(hits[0]!.entity.identifiers).toContainEqual({ scheme: 'parlam.kz', value: '1423' });
  });
});

describe('timelines order mixed-precision dates one way', () => {
  it("Tokayev's and Amanat's timelines put the January 2022 unrest before the year-only 2022 rename and his leaving the party", async () => {
    for (const owner of ['person(id: "person:kassym-jomart-tokayev")', 'party(id: "party:amanat")']) {
      const res = await server.gql<Record<string, { timeline: { edges: { node: { kind: string; date: { text: string }; event: { id: string } | null } }[] } }>>(
        `{ owner: ${owner} { timeline(first: 100) { edges { node { kind date { text } event { id } } } } } }`,
      );
      expect(res.errors).toBeUndefined();
      const entries = res.data!.owner!.timeline.edges.map((e) => e.node);
      const keys = entries.map((e) => dateOrderKey(e.date.text));
      expect(keys, owner).toEqual([...keys].sort());
      const at = (id: string) => entries.findIndex((e) => e.event?.id === id);
      expect(at('event:2022-01-unrest'), owner).toBeGreaterThanOrEqual(0);
      expect(at('event:2022-01-unrest'), owner).toBeLessThan(at('event:2022-nur-otan-renamed-amanat'));
      expect(at('event:2022-01-unrest'), owner).toBeLessThan(at('event:2022-tokayev-leaves-amanat'));
      // Every month entry of 2022 before every year-only entry of 2022.
      const lastMonthOf2022 = Math.max(...entries.map((e, i) => (/^2022-/.test(e.date.text) ? i : -1)));
      const firstYearOnly2022 = entries.findIndex((e) => e.date.text === '2022');
      expect(lastMonthOf2022, owner).toBeLessThan(firstYearOnly2022);
    }
  });

  it('lists events, an entity\'s events and elections in the same order, across pages', async () => {
    const walk = async (field: string): Promise<string[]> => {
      const texts: string[] = [];
      let after: string | null = null;
      for (;;) {
        // A disputed event date sorts by its earliest claim (the graph's dateStart), as docs/api.md says.
        const date = field === 'elections' ? 'date { text }' : 'date { value { text } claims { value { text start } } }';
        const res: GqlResponse<DatedPage> = await server.gql<DatedPage>(
          `query($after: String) { x: ${field}(first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${date} } } } }`,
          { after },
        );
        expect(res.errors, field).toBeUndefined();
        const earliest = (claims: { value: { text: string; start: string } }[]) => [...claims].sort((a, b) => a.value.start.localeCompare(b.value.start))[0]!.value.text;
        texts.push(...res.data!.x.edges.map((e) => e.node.date.text ?? e.node.date.value?.text ?? earliest(e.node.date.claims!)));
        if (!res.data!.x.pageInfo.hasNextPage) return texts;
        after = res.data!.x.pageInfo.endCursor;
      }
    };
    for (const field of ['events', 'elections']) {
      const texts = await walk(field);
      expect(texts.length, field).toBeGreaterThan(5);
      const keys = texts.map(dateOrderKey);
      expect(keys, field).toEqual([...keys].sort());
    }
  });
});

describe('FollowTheMoney export of the seed and the imported file', () => {
  it('/export?format=ftm answers every record as entities the FtM model accepts, with their sources', async () => {
    const res = await fetch(`${server.url}/export?format=ftm`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const entities = (await res.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as FtmEntity);
    expect(Number(res.headers.get('x-graph-entities'))).toBe(entities.length);
    expect(ftmProblems(entities)).toEqual([]);
    const people = entities.filter((e) => e.schema === 'Person');
    expect(people.length).toBeGreaterThanOrEqual(171);
    // A deputy from the file: his parliament id, his seat, the file as his source.
    const dariga = people.find((p) => p.properties.name?.includes('Dariga Nazarbayeva'))!;
    expect(dariga.properties.publisher).toContain('EveryPolitician');
    expect(entities.some((e) => e.schema === 'Identification' && e.properties.holder?.[0] === dariga.id && e.properties.authority?.[0] === 'parlam.kz')).toBe(true);
    expect(entities.some((e) => e.schema === 'Membership' && e.properties.member?.[0] === dariga.id)).toBe(true);
    // The network's options do not apply to it.
    const refused = await fetch(`${server.url}/export?format=ftm&root=party:amanat`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});
