// The seed loader and the repositories on the real Neo4j: idempotent loads, and the dataset's headline
// stories read back through the repositories exactly as curated.
import { afterAll, describe, expect, it } from 'vitest';
import { eventPages } from '../../src/repositories/entity-repository.js';
import { entityOfKind, factOfLabel } from '../../src/repositories/records.js';
import { claimsOf, factsLinkedTo } from '../../src/repositories/fact-repository.js';
import { countGraph } from '../../src/repositories/dataset-repository.js';
import { loadSeed } from '../../src/seed.js';
import { testDatabase } from '../helpers.js';

const db = testDatabase();
afterAll(async () => {
  await db.driver.close();
});

describe('seed loader', () => {
  it('loading twice changes no count', async () => {
    const before = await countGraph(db);
    const first = await loadSeed(db);
    const second = await loadSeed(db);
    expect(first).toEqual(before);
    expect(second).toEqual(first);
    expect(first.labels.Entity).toBeGreaterThan(100);
    expect(first.relationships.CITES).toBeGreaterThan(400);
  });
});

describe('headline stories through the repositories', () => {
  it("Mamai's arrests, in order, each with its charge", async () => {
    const [page] = await eventPages(db, [{ entityId: 'person:zhanbolat-mamai', kinds: ['ARREST'], from: null, to: null, placeId: null, first: 20, afterKey: null }]);
    const arrests = page!.edges.map((e) => entityOfKind(e.node, 'EVENT'));
    expect(arrests.map((a) => a.date?.text)).toEqual(['2012', '2017', '2022-01', '2022-02', '2022-03']);
    expect(arrests.every((a) => a.charges.length > 0)).toBe(true);
    expect(arrests[0]!.charges.join()).toMatch(/discord/);
  });

  it('Bapi won the Almaty district, Imanbai second', async () => {
    const found = await factsLinkedTo(db, { label: 'Candidacy', link: 'IN_DISTRICT' }, ['district:almaty-mazhilis-imanbai-bapi']);
    const race = found.get('district:almaty-mazhilis-imanbai-bapi')!.map((c) => factOfLabel(c, 'Candidacy'));
    const bapi = race.find((c) => c.subjectId === 'person:yermurat-bapi');
    const imanbai = race.find((c) => c.subjectId === 'person:inga-imanbai');
    expect(bapi?.outcome).toBe('ELECTED');
    expect(imanbai?.outcome).toBe('LOST');
    expect(imanbai?.values.rank).toBe(2);
  });

  it('Nur Otan until 2022, then Amanat, both dated', async () => {
    const names = (await factsLinkedTo(db, { label: 'PartyName', link: 'SUBJECT' }, ['party:amanat'])).get('party:amanat')!.map((n) => factOfLabel(n, 'PartyName'));
    expect(names.map((n) => [n.name, n.from?.text ?? null, n.to?.text ?? null])).toEqual([
      ['Nur Otan', null, '2022'],
      ['Amanat', '2022', null],
    ]);
  });

  it('a conflict comes back with both claims and their citations', async () => {
    const claims = (await claimsOf(db, ['result:2023-mazhilis-amanat'])).get('result:2023-mazhilis-amanat')!;
    const seats = claims.filter((c) => c.field === 'districtSeats');
    expect(seats.map((c) => [c.value, c.qualifier, c.citations.map((x) => x.source.id)])).toEqual(
      expect.arrayContaining([
        [23, 'preliminary', ['003_a2df2bc0f71960c4.txt']],
        [22, null, ['004_501aa6378d191ed4.txt']],
      ]),
    );
    for (const c of seats) expect(c.citations[0]!.quote?.length).toBeGreaterThan(10);
  });
});
