// The graph model from a tiny dataset: facts become nodes, disputes become claims, derived edges carry
// their fact's id and dates. Pure, no database.
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/dataset/schema.js';
import { claimValues, datasetToGraph, relationForRole } from '../../src/dataset/to-graph.js';
import { foldName } from '../../src/search/fold.js';

const cite = [{ source: 's.txt', quote: 'a verbatim passage' }];
const dataset = Dataset.parse({
  sources: [{ id: 's.txt', publisher: 'P', date: '2023-03', text: 'Somewhere in it: a verbatim passage, quoted.' }],
  people: [
    { id: 'person:a', name: 'A', aliases: [{ name: 'Ä', script: 'Latn' }], citations: cite },
    { id: 'person:b', name: 'B', citations: cite },
  ],
  parties: [
    {
      id: 'party:x',
      name: 'New X',
      names: [
        { name: 'Old X', to: '2022', citations: cite },
        { name: 'New X', from: '2022', citations: cite },
      ],
      citations: cite,
    },
  ],
  elections: [{ id: 'election:e', name: 'E', kind: 'PARLIAMENTARY', date: '2023-03-19', citations: cite }],
  events: [
    {
      id: 'event:reg',
      name: 'Registration',
      kind: 'REGISTRATION',
      date: { claims: [{ value: '2022-12', citations: cite }, { value: '2023-01', citations: cite }] },
      participants: [{ entity: 'party:x', role: 'registered' }],
      citations: cite,
    },
  ],
  memberships: [{ id: 'membership:a-x', person: 'person:a', organization: 'party:x', role: 'chair', from: '2020', to: '2022-06', citations: cite }],
  candidacies: [{ id: 'candidacy:b', person: 'person:b', election: 'election:e', statuses: [{ status: 'ELECTED', citations: cite }], citations: cite }],
  partyResults: [
    { id: 'result:x', party: 'party:x', election: 'election:e', districtSeats: { claims: [{ value: 22, citations: cite }, { value: 23, qualifier: 'preliminary', citations: cite }] }, citations: cite },
  ],
  familyTies: [{ id: 'family:a-b', person: 'person:a', relative: 'person:b', relation: 'SPOUSE', citations: cite }],
});

describe('datasetToGraph', () => {
  const rows = datasetToGraph(dataset);

  it('makes facts nodes with dated props and links', () => {
    const m = rows.facts.Membership[0]!;
    expect(m.props).toMatchObject({ role: 'chair', from: '2020', fromStart: '2020-01-01', to: '2022-06', toEnd: '2022-06-30', toPrecision: 'MONTH' });
    expect(rows.links.SUBJECT).toContainEqual({ from: 'membership:a-x', to: 'person:a', props: {} });
    expect(rows.links.OBJECT).toContainEqual({ from: 'membership:a-x', to: 'party:x', props: {} });
  });

  it('derives shortcut relations carrying the fact id and dates', () => {
    const leads = rows.relations.LEADS[0]!;
    expect(leads).toMatchObject({ from: 'person:a', to: 'party:x', props: { factId: 'membership:a-x', fromStart: '2020-01-01', toEnd: '2022-06-30', role: 'chair' } });
    expect(rows.relations.WON[0]).toMatchObject({ from: 'person:b', to: 'election:e' });
    expect(rows.relations.SPOUSE_OF[0]).toMatchObject({ from: 'person:a', to: 'person:b', props: { factId: 'family:a-b' } });
    expect(rows.relations.PARTICIPATED_IN[0]).toMatchObject({ from: 'party:x', to: 'event:reg', props: { fromStart: '2022-12-01' } });
  });

  it('keeps disputed values as claims, never picking one', () => {
    const result = rows.facts.PartyResult[0]!;
    expect(result.props.districtSeats).toBeNull();
    expect(result.props.disputed).toEqual(['districtSeats']);
    expect(rows.claims.map((c) => [c.id, c.props.value, c.props.qualifier])).toEqual([
      ['event:reg#date#1', '"2022-12"', null],
      ['event:reg#date#2', '"2023-01"', null],
      ['result:x#districtSeats#1', '22', null],
      ['result:x#districtSeats#2', '23', 'preliminary'],
    ]);
    const event = rows.entities.Event[0]!;
    expect(event.props).toMatchObject({ date: null, dateStart: '2022-12-01', dateEnd: '2023-01-31', disputed: ['date'] });
  });

  it("keeps an election's disputed polling day as claims, and answers with the first on the node (issue 25, item 4)", () => {
    const other = [{ source: 's.txt', quote: 'Somewhere in it' }];
    const disputed = Dataset.parse({
      sources: [{ id: 's.txt', publisher: 'P', date: '2023-03', text: 'Somewhere in it: a verbatim passage, quoted.' }],
      elections: [{ id: 'election:e', name: 'E', kind: 'PARLIAMENTARY', date: { claims: [{ value: '2016-03-20', citations: cite }, { value: '2016-03-21', citations: other }] }, citations: cite }],
    });
    const out = datasetToGraph(disputed);
    expect(out.entities.Election[0]!.props).toMatchObject({ date: '2016-03-20', dateStart: '2016-03-20', datePrecision: 'DAY', disputed: ['date'] });
    expect(out.claims.map((c) => [c.id, c.props.field, c.props.value])).toEqual([
      ['election:e#date#1', 'date', '"2016-03-20"'],
      ['election:e#date#2', 'date', '"2016-03-21"'],
    ]);
    expect(out.citations.filter((c) => c.owner === 'election:e#date#2').map((c) => c.quote)).toEqual(['Somewhere in it']);
  });

  it("keeps a membership's and a term's disputed dates as claims of the fact, dated on the node and relations by the first (issue 25)", () => {
    const other = [{ source: 's.txt', quote: 'Somewhere in it' }];
    const disputed = Dataset.parse({
      sources: [{ id: 's.txt', publisher: 'P', date: '2023-03', text: 'Somewhere in it: a verbatim passage, quoted.' }],
      people: [{ id: 'person:a', name: 'A', citations: cite }],
      organizations: [
        {
          id: 'organization:o',
          name: 'O',
          orgKind: 'LEGISLATURE',
          terms: [{ key: '5', name: 'Fifth', from: { claims: [{ value: '2012-01-20', citations: cite }, { value: '2012-01-15', citations: other }] }, to: '2016', citations: cite }],
          citations: cite,
        },
      ],
      memberships: [
        { id: 'membership:m', person: 'person:a', organization: 'organization:o', role: 'president', from: { claims: [{ value: '1991', citations: cite }, { value: '1990-04-24', citations: other }] }, to: '2019', citations: cite },
      ],
    });
    const out = datasetToGraph(disputed);
    expect(out.facts.Membership[0]!.props).toMatchObject({ from: '1991', fromStart: '1991-01-01', fromPrecision: 'YEAR', to: '2019', disputed: ['from'] });
    expect(out.facts.Term[0]!.props).toMatchObject({ from: '2012-01-20', to: '2016', disputed: ['from'] });
    expect(out.claims.map((c) => [c.id, c.props.field, c.props.value])).toEqual([
      ['organization:o#term#1#from#1', 'from', '"2012-01-20"'],
      ['organization:o#term#1#from#2', 'from', '"2012-01-15"'],
      ['membership:m#from#1', 'from', '"1991"'],
      ['membership:m#from#2', 'from', '"1990-04-24"'],
    ]);
    expect(out.claimLinks.map((l) => l.to)).toEqual(['organization:o#term#1', 'organization:o#term#1', 'membership:m', 'membership:m']);
    expect(out.citations.filter((c) => c.owner === 'membership:m#from#2').map((c) => c.quote)).toEqual(['Somewhere in it']);
    // The derived relation goes by the first claim, as lists and asOf filters do.
    expect(out.relations.LEADS[0]!.props).toMatchObject({ from: '1991', to: '2019' });
  });

  it('indexes every name of an entity, former names included', () => {
    const party = rows.entities.Party[0]!;
    const keys = String(party.props.searchKeys);
    expect(keys).toContain(foldName('New X'));
    expect(keys).toContain(foldName('Old X'));
    expect(rows.facts.PartyName.map((n) => n.props.name)).toEqual(['Old X', 'New X']);
  });

  it('cites every record', () => {
    const owners = new Set(rows.citations.map((c) => c.owner));
    for (const id of ['person:a', 'party:x', 'membership:a-x', 'candidacy:b', 'result:x', 'family:a-b', 'result:x#districtSeats#2', 'party:x#name#1']) {
      expect(owners.has(id), id).toBe(true);
    }
  });

  it('maps roles to relation types', () => {
    expect(relationForRole('leader')).toBe('LEADS');
    expect(relationForRole('founder')).toBe('FOUNDED');
    expect(relationForRole('minister')).toBe('SERVES_IN');
    expect(relationForRole('journalist')).toBe('AFFILIATED_WITH');
    expect(claimValues({ claims: [{ value: 1, citations: cite }, { value: 2, citations: cite }] })).toEqual([1, 2]);
  });
});
