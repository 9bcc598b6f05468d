// The citation rule on every writer, probed as a hostile client would (issue 22 items 1-2, issue 25 item 6): a
// locator never stands in for a quote of a text, a DATASET's locator must resolve and point at the very value
// it supports, a quote of white space is too short, the stored quote is the exact slice of the text at its
// offsets (the seed's included), a revised text never re-points a citation silently, and an editor can retract
// one citation (audited). On the scratch Neo4j: this file writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planImport } from '../../src/bulk/import.js';
import { readJsonl } from '../../src/bulk/format.js';
import type { TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';

const EDITOR = 'citation-editor-secret-0123456789';
const editor = { authorization: `Bearer ${EDITOR}` };
const ARTICLE = '001_12a410b253aa282d.txt';
const RFE = '000_b6498a7c669cd33d.txt';
const QUOTE = 'Chris Rickleton is a journalist living in Almaty.';
const run = Math.random().toString(36).slice(2, 8);

let neo4j: IsolatedNeo4j;
let server: TestServer;
beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  server = await startServerOn(neo4j, { API_KEYS: `carla:editor:${EDITOR}` });
});
afterAll(async () => {
  await server?.close();
  await neo4j?.close();
});

interface UserError {
  field: string | null;
  code: string;
  message: string;
}
type Payload = Record<string, unknown> & { errors: UserError[]; changes?: { operation: string; targetId: string; reason: string | null }[] };

async function mutate(query: string, variables: Record<string, unknown>): Promise<Payload> {
  const res = await server.gql<Record<string, Payload>>(query, variables, editor);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return Object.values(res.data!)[0]!;
}
const codes = (p: Payload) => p.errors.map((e) => [e.field, e.code]);

const UPSERT_PERSON = `mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) {
  person { id description citations { quote start end locator source { id text } } } changes { operation } errors { field code message } } }`;
const ADD_RESULT = `mutation($input: AddPartyResultInput!) { addPartyResult(input: $input) { result { id } errors { field code message } } }`;
const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) { source { id } errors { field code message } } }`;
const REVISE = `mutation($input: ReviseSourceTextInput!) { reviseSourceText(input: $input) {
  source { id text version } changes { operation targetId reason } errors { field code message } } }`;
const RETRACT_CITATION = `mutation($input: RetractCitationInput!) { retractCitation(input: $input) {
  source { id } changes { operation targetId reason before after } errors { field code message } } }`;

async function personCitations(id: string) {
  const res = await server.gql<{ person: { description: string | null; citations: { quote: string | null; start: number | null; end: number | null; source: { id: string; text: string | null } }[] } | null }>(
    `{ person(id: "${id}") { description citations { quote start end source { id text } } } }`,
  );
  return res.data!.person;
}

async function addSource(input: Record<string, unknown>): Promise<string> {
  const added = await mutate(ADD_SOURCE, { input: { publisher: 'Citation Rule Wire', date: '2024-05-01', ...input } });
  expect(added.errors).toEqual([]);
  return (added.source as { id: string }).id;
}

describe('a source with a text is cited by a quote; a locator never stands in for one', () => {
  it('upsertPerson on a seeded person citing an article by locator "/does/not/exist" is refused, and nothing changes', async () => {
    const before = await personCitations('person:zhanbolat-mamai');
    const refused = await mutate(UPSERT_PERSON, {
      input: { id: 'person:zhanbolat-mamai', description: 'Convicted of treason in 2031 (invented).', citations: [{ source: ARTICLE, locator: '/does/not/exist' }] },
    });
    expect(codes(refused)).toEqual([['citations[0].quote', 'QUOTE_REQUIRED']]);
    expect(refused.person).toBeNull();
    expect(await personCitations('person:zhanbolat-mamai')).toEqual(before);
  });

  it('a new person citing an article with only locator "/x" is not created', async () => {
    const id = `person:locator-only-${run}`;
    const refused = await mutate(UPSERT_PERSON, { input: { id, name: 'Locator Only', citations: [{ source: ARTICLE, locator: '/x' }] } });
    expect(codes(refused)).toEqual([['citations[0].quote', 'QUOTE_REQUIRED']]);
    expect(await personCitations(id)).toBeNull();
  });

  it('addPartyResult totalSeats 99 cited by locator "/x" on an article: refused, the value not stated either', async () => {
    const refused = await mutate(ADD_RESULT, { input: { party: 'party:amanat', election: 'election:2023-mazhilis', totalSeats: 99, citations: [{ source: ARTICLE, locator: '/x' }] } });
    expect(refused.result).toBeNull();
    expect(codes(refused)).toEqual(expect.arrayContaining([['citations[0].quote', 'QUOTE_REQUIRED'], ['totalSeats', 'VALUE_NOT_STATED']]));
  });

  it('a locator besides a verified quote is accepted (an addition)', async () => {
    const id = `person:quote-and-locator-${run}`;
    const ok = await mutate(UPSERT_PERSON, { input: { id, name: 'Quote And Locator', citations: [{ source: RFE, quote: QUOTE, locator: '/para/3' }] } });
    expect(ok.errors).toEqual([]);
  });

  it('a source with no text that is no dataset cannot be cited', async () => {
    const record = await addSource({ id: `source:official-no-text-${run}`, kind: 'OFFICIAL_RECORD', title: 'A register entry' });
    const refused = await mutate(UPSERT_PERSON, { input: { id: `person:textless-${run}`, name: 'Textless', citations: [{ source: record, locator: '/entry/1' }] } });
    expect(codes(refused)).toEqual([['citations[0].source', 'SOURCE_NOT_CITABLE']]);
  });
});

describe('a DATASET is cited by a locator that resolves, pointing at the value it supports', () => {
  let dataset: string;
  beforeAll(async () => {
    dataset = await addSource({
      id: `source:dataset-${run}`,
      kind: 'DATASET',
      title: 'Seats by party',
      text: JSON.stringify({ results: [{ party: 'Amanat', seats: 62 }, { party: 'Auyl', seats: '8' }] }),
    });
  });

  it('a locator pointing at the stated number is accepted; one pointing at another number is VALUE_NOT_STATED', async () => {
    const ok = await mutate(ADD_RESULT, { input: { party: 'party:amanat', election: 'election:2023-mazhilis', totalSeats: 62, citations: [{ source: dataset, locator: '/results/0/seats' }] } });
    expect(ok.errors).toEqual([]);
    const wrong = await mutate(ADD_RESULT, { input: { party: 'party:amanat', election: 'election:2023-mazhilis', totalSeats: 99, citations: [{ source: dataset, locator: '/results/0/seats' }] } });
    expect(codes(wrong)).toEqual([['totalSeats', 'VALUE_NOT_STATED']]);
    const record = await mutate(ADD_RESULT, { input: { party: 'party:amanat', election: 'election:2023-mazhilis', totalSeats: 62, citations: [{ source: dataset, locator: '/results/0' }] } });
    expect(codes(record)).toEqual([['totalSeats', 'VALUE_NOT_STATED']]);
  });

  it('a locator that points at nothing, or no locator at all, is refused naming the field', async () => {
    const nowhere = await mutate(UPSERT_PERSON, { input: { id: `person:dataset-nowhere-${run}`, name: 'Dataset Nowhere', citations: [{ source: dataset, locator: '/results/7/party' }] } });
    expect(codes(nowhere)).toEqual([['citations[0].locator', 'LOCATOR_NOT_IN_SOURCE']]);
    const none = await mutate(UPSERT_PERSON, { input: { id: `person:dataset-none-${run}`, name: 'Dataset None', citations: [{ source: dataset, quote: '"party":"Amanat"' }] } });
    expect(codes(none)).toEqual([['citations[0].locator', 'LOCATOR_REQUIRED']]);
    const fine = await mutate(UPSERT_PERSON, { input: { id: `person:dataset-fine-${run}`, name: 'Dataset Fine', citations: [{ source: dataset, locator: '/results/1/party' }] } });
    expect(fine.errors).toEqual([]);
  });
});

describe('JSONL import: the same rule, per-value citations included', () => {
  const file = (lines: unknown[]) => readJsonl(lines.map((l) => JSON.stringify(l)).join('\n'), 'probe.jsonl');

  it('a person citing an article by locator alone, and a result whose per-value citation is a locator, are refused with their lines', async () => {
    const plan = await planImport(
      neo4j.database,
      file([
        { collection: 'people', record: { id: `person:import-locator-${run}`, name: 'Import Locator', citations: [{ source: ARTICLE, locator: '/x' }] } },
        {
          collection: 'partyResults',
          record: {
            id: `result:import-locator-${run}`,
            party: 'party:amanat',
            election: 'election:2023-mazhilis',
            totalSeats: { value: 99, citations: [{ source: ARTICLE, locator: '/x' }] },
            citations: [{ source: RFE, quote: QUOTE }],
          },
        },
      ]),
    );
    expect(plan.issues.map((i) => [i.line, i.code, i.path]).sort()).toEqual(
      [
        [1, 'QUOTE_REQUIRED', 'people[0].citations[0].quote'],
        [2, 'QUOTE_REQUIRED', 'partyResults[0].totalSeats.citations[0].quote'],
        [2, 'VALUE_NOT_STATED', 'partyResults[0].totalSeats.citations[0].locator'],
      ].sort(),
    );
  });

  it('a quote of white space is too short on import too', async () => {
    const plan = await planImport(neo4j.database, file([{ collection: 'people', record: { id: `person:import-space-${run}`, name: 'Import Space', citations: [{ source: RFE, quote: '        ' }] } }]));
    expect(plan.issues.map((i) => [i.line, i.code])).toEqual([[1, 'QUOTE_TOO_SHORT']]);
  });
});

describe('quotes: minimum length after normalisation, stored as the exact slice', () => {
  it('a quote of 8 spaces and "A" with 7 spaces are refused as too short', async () => {
    const spaces = await mutate(UPSERT_PERSON, { input: { id: `person:space-quote-${run}`, name: 'Space Quote', citations: [{ source: RFE, quote: '        ' }] } });
    expect(codes(spaces)).toEqual([['citations[0].quote', 'QUOTE_TOO_SHORT']]);
    const letter = await mutate(UPSERT_PERSON, { input: { id: `person:letter-quote-${run}`, name: 'Letter Quote', citations: [{ source: RFE, quote: 'A       ' }] } });
    expect(codes(letter)).toEqual([['citations[0].quote', 'QUOTE_TOO_SHORT']]);
  });

  it('a quote given with a plain space where the article has a no-break space is stored as the article has it', async () => {
    const id = `person:slice-${run}`;
    const ok = await mutate(UPSERT_PERSON, { input: { id, name: 'Slice Tester', citations: [{ source: RFE, quote: 'By Chris   Rickleton' }] } });
    expect(ok.errors).toEqual([]);
    const [citation] = (await personCitations(id))!.citations;
    expect(citation!.quote).toBe('By\u00A0Chris Rickleton');
    expect(citation!.source.text!.slice(citation!.start!, citation!.end!)).toBe(citation!.quote);
  });

  it('every seed citation with a quote stores the exact text at its offsets', async () => {
    const rows = await neo4j.database.read(
      'MATCH (o)-[c:CITES]->(s:Source) WHERE c.quote IS NOT NULL AND NOT o.id STARTS WITH "person:slice-" RETURN o.id AS owner, s.id AS source, s.text AS text, c.quote AS quote, c.start AS start, c.end AS end',
      {},
      (r) => ({ owner: String(r.owner), source: String(r.source), text: r.text as string | null, quote: String(r.quote), start: r.start as number | null, end: r.end as number | null }),
    );
    const seedRows = rows.filter((r) => /^\d{3}_[0-9a-f]+\.txt$/.test(r.source));
    expect(seedRows.length).toBeGreaterThanOrEqual(697);
    const differing = seedRows.filter((r) => r.text === null || r.start === null || r.end === null || r.text.slice(Number(r.start), Number(r.end)) !== r.quote);
    expect(differing.map((r) => `${r.owner} ${r.source}: ${r.quote.slice(0, 40)}`)).toEqual([]);
  });
});

describe('revising a source text never re-points a citation silently', () => {
  const TEXT = 'Bolat Sarsenov is the chairman of the Example Party, the register says.\n\nA second paragraph about something else entirely.';
  let source: string;
  const id = `person:revise-${run}`;
  beforeAll(async () => {
    source = await addSource({ id: `source:revise-${run}`, title: 'A register story', text: TEXT });
    const ok = await mutate(UPSERT_PERSON, {
      input: { id, name: 'Bolat Sarsenov', citations: [{ source, quote: 'Bolat Sarsenov is the chairman of the Example Party' }, { source: RFE, quote: QUOTE }] },
    });
    expect(ok.errors).toEqual([]);
  });

  it('an edit elsewhere in the text moves no citation and needs no confirmation', async () => {
    const revised = await mutate(REVISE, { input: { id: source, text: TEXT.replace('something else', 'something else again'), reason: 'typo in the second paragraph' } });
    expect(revised.errors).toEqual([]);
    const same = await mutate(REVISE, { input: { id: source, text: TEXT.replace('something else', 'something else again'), reason: 'the same text again' } });
    expect(same.errors).toEqual([]);
  });

  it('"Correction: it is false that ..." before the very same words is refused until the citation is re-confirmed or retracted', async () => {
    const corrected = `Correction: it is false that ${TEXT}`;
    const refused = await mutate(REVISE, { input: { id: source, text: corrected, reason: 'a correction' } });
    expect(codes(refused)).toEqual([['text', 'PASSAGE_CHANGED']]);
    expect(refused.errors[0]!.message).toContain(id);
    expect((await personCitations(id))!.citations.find((c) => c.source.id === source)).toMatchObject({ start: 0, end: 51 });

    const unknown = await mutate(REVISE, { input: { id: source, text: corrected, reason: 'a correction', retract: [{ citedBy: id, quote: 'not a quote of this source' }] } });
    expect(codes(unknown)).toEqual([['retract[0]', 'NOT_FOUND']]);

    const notInText = await mutate(REVISE, {
      input: { id: source, text: corrected, reason: 'a correction', reconfirm: [{ citedBy: id, quote: 'Bolat Sarsenov is the chairman of the Example Party', newQuote: 'Bolat Sarsenov chairs nothing at all' }] },
    });
    expect(codes(notInText)).toEqual([['reconfirm', 'QUOTE_NOT_IN_SOURCE']]);

    const reconfirmed = await mutate(REVISE, {
      input: {
        id: source,
        text: corrected,
        reason: 'a correction',
        reconfirm: [{ citedBy: id, quote: 'Bolat Sarsenov is the chairman of the Example Party', newQuote: 'it is false that Bolat Sarsenov is the chairman of the Example Party' }],
      },
    });
    expect(reconfirmed.errors).toEqual([]);
    expect(reconfirmed.changes!.map((c) => [c.operation, c.targetId])).toEqual(
      expect.arrayContaining([
        ['reviseSourceText', source],
        ['reviseSourceText', id],
      ]),
    );
    const citation = (await personCitations(id))!.citations.find((c) => c.source.id === source)!;
    expect(citation.quote).toBe('it is false that Bolat Sarsenov is the chairman of the Example Party');
    expect(corrected.slice(citation.start!, citation.end!)).toBe(citation.quote);
  });

  it('a changed passage can be retracted in the same operation instead', async () => {
    const refused = await mutate(REVISE, { input: { id: source, text: 'Nothing about anyone.', reason: 'withdrawn' } });
    expect(codes(refused)).toEqual([['text', 'PASSAGE_CHANGED']]);
    const retracted = await mutate(REVISE, {
      input: { id: source, text: 'Nothing about anyone.', reason: 'withdrawn', retract: [{ citedBy: id, quote: 'it is false that Bolat Sarsenov is the chairman of the Example Party' }] },
    });
    expect(retracted.errors).toEqual([]);
    expect((await personCitations(id))!.citations.map((c) => c.source.id)).toEqual([RFE]);
  });
});

describe('an editor retracts one citation, audited', () => {
  it('removes it with the reason in the history; the last citation of a record stays', async () => {
    const id = `person:retract-citation-${run}`;
    const second = 'Nobody can accuse Lukpan Akhmedyarov of being a system candidate.';
    const ok = await mutate(UPSERT_PERSON, { input: { id, name: 'Retract Citation', citations: [{ source: RFE, quote: QUOTE }, { source: RFE, quote: second }] } });
    expect(ok.errors).toEqual([]);

    const retracted = await mutate(RETRACT_CITATION, { input: { citedBy: id, source: RFE, quote: second, reason: 'it does not name this person' } });
    expect(retracted.errors).toEqual([]);
    expect(retracted.changes!.map((c) => [c.operation, c.targetId, c.reason])).toEqual([['retractCitation', id, 'it does not name this person']]);
    expect((await personCitations(id))!.citations.map((c) => c.quote)).toEqual([QUOTE]);
    const history = await server.gql<{ person: { history: { operation: string; reason: string | null }[] } }>(`{ person(id: "${id}") { history { operation reason } } }`);
    expect(history.data!.person.history.map((h) => h.operation)).toContain('retractCitation');

    const last = await mutate(RETRACT_CITATION, { input: { citedBy: id, source: RFE, quote: QUOTE, reason: 'the last one' } });
    expect(last.errors.map((e) => e.code)).toEqual(['MISSING_CITATION']);
    const missing = await mutate(RETRACT_CITATION, { input: { citedBy: id, source: RFE, quote: 'a quote it never had', reason: 'nothing' } });
    expect(codes(missing)).toEqual([['citedBy', 'NOT_FOUND']]);
  });
});
