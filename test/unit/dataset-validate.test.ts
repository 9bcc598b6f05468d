// Dataset loading and validation: one small fixture on disk per error class, checked for code, file, line, path.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue, loadAndValidate, type ValidationIssue } from '../../src/dataset/index.js';

const SOURCE_TEXT = `Amanat won 24 of the 69 single-mandate seats.
As the party of
   power, Amanat kept its majority. Zhanbolat Mamai leads the Democratic Party.
Police detained activists on 12 March 2023, local media reported.
`;

const SOURCES_YAML = `sources:
  - id: src.txt
    publisher: Test Publisher
    date: "2023-03"
`;

const cite = (quote: string, indent: string): string =>
  `${indent}citations:\n${indent}  - source: src.txt\n${indent}    quote: "${quote}"\n`;

// The whitespace of the second quote differs from the text's on purpose: runs of white space are folded.
const BASE_YAML = `people:
  - id: person:zhanbolat-mamai
    name: Zhanbolat Mamai
${cite('Zhanbolat Mamai leads the Democratic Party.', '    ')}parties:
  - id: party:amanat
    name: Amanat
    names:
      - name: Nur Otan
        to: 2022-03
${cite('Amanat won 24 of the 69', '        ')}      - name: Amanat
        from: 2022-03
${cite('As the party of power, Amanat kept its majority.', '        ')}${cite('Amanat won 24 of the 69', '    ')}  - id: party:democratic
    name: Democratic Party
${cite('leads the Democratic Party', '    ')}places:
  - id: place:almaty
    name: Almaty
    placeKind: CITY
${cite('Police detained activists', '    ')}memberships:
  - id: membership:mamai-democratic
    person: person:zhanbolat-mamai
    organization: party:democratic
    role: leader
    from: 2020
${cite('Zhanbolat Mamai leads the Democratic Party.', '    ')}events:
  - id: event:detention-2023-03
    name: Activists detained
    kind: DETENTION
    date:
      claims:
        - value: 2023-03-12
          qualifier: exact
${cite('Police detained activists on 12 March 2023', '          ')}        - value: 2023-03
${cite('local media reported', '          ')}    participants:
      - entity: person:zhanbolat-mamai
        role: detained
${cite('Police detained activists', '    ')}`;

let tmp: string | null = null;

afterEach(async () => {
  if (tmp !== null) await rm(tmp, { recursive: true, force: true });
  tmp = null;
});

/** Writes base.yaml (valid) plus `extra` files into a fresh temp dir and validates it. */
async function run(extra: Record<string, string> = {}, base: string | null = BASE_YAML) {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'dataset-validate-'));
  const dataDir = path.join(tmp, 'data');
  const sourcesDir = path.join(tmp, 'sources');
  await mkdir(dataDir);
  await mkdir(sourcesDir);
  await writeFile(path.join(sourcesDir, 'sources.yaml'), SOURCES_YAML);
  await writeFile(path.join(sourcesDir, 'src.txt'), SOURCE_TEXT);
  if (base !== null) await writeFile(path.join(dataDir, 'base.yaml'), base);
  for (const [name, content] of Object.entries(extra)) await writeFile(path.join(dataDir, name), content);
  const result = await loadAndValidate({ dataDir, sourcesDir });
  return { ...result, file: (name: string) => path.join(dataDir, name) };
}

/** 1-based line of the first occurrence of `needle` (after the `nth` occurrence of `after`, if given). */
function lineOf(text: string, needle: string, after?: string): number {
  const start = after === undefined ? 0 : text.indexOf(after);
  const at = text.indexOf(needle, start);
  if (at < 0 || start < 0) throw new Error(`fixture has no ${needle}`);
  return text.slice(0, at).split('\n').length;
}

function only(issues: ValidationIssue[]): ValidationIssue {
  expect(issues.map(formatIssue)).toHaveLength(1);
  return issues[0]!;
}

describe('validateDataset', () => {
  it('accepts a small valid dataset with zero issues', async () => {
    const { dataset, issues } = await run();
    expect(issues).toEqual([]);
    expect(dataset).not.toBeNull();
    expect(dataset!.people.map((p) => p.id)).toEqual(['person:zhanbolat-mamai']);
    expect(dataset!.parties[0]!.names.map((n) => [n.name, n.from, n.to])).toEqual([
      ['Nur Otan', undefined, '2022-03'],
      ['Amanat', '2022-03', undefined],
    ]);
    expect(dataset!.memberships[0]!.from).toBe('2020');
    expect(dataset!.events[0]!.date).toMatchObject({ claims: [{ value: '2023-03-12' }, { value: '2023-03' }] });
    expect(dataset!.sources[0]!.author).toBeNull();
  });

  it('reports a YAML syntax error with its line instead of throwing', async () => {
    const bad = `people:\n  - id: person:x\n    name: a: b\n`;
    const { dataset, issues, file } = await run({ 'extra.yaml': bad });
    const issue = only(issues);
    expect(issue).toMatchObject({ code: 'YAML', file: file('extra.yaml'), line: 3, path: '' });
    expect(dataset).toBeNull();
  });

  it('maps a schema error to the line of the offending node', async () => {
    const bad = `people:\n  - id: person:x\n    name: X\n    nmae: typo\n${cite('Amanat won 24', '    ')}`;
    const { issues, file } = await run({ 'extra.yaml': bad });
    expect(only(issues)).toMatchObject({
      code: 'SCHEMA',
      file: file('extra.yaml'),
      line: lineOf(bad, 'nmae'),
      path: 'people[0].nmae',
    });
  });

  it('reports a missing required field at the record that lacks it', async () => {
    const bad = `places:\n  - id: place:x\n    name: X\n${cite('Amanat won 24', '    ')}`;
    const { issues, file } = await run({ 'extra.yaml': bad });
    const issue = only(issues);
    expect(issue).toMatchObject({ code: 'SCHEMA', file: file('extra.yaml'), line: 2, path: 'places[0].placeKind' });
    expect(issue.message).toBe('placeKind is required');
  });

  it('reports missing and empty citations as MISSING_CITATION', async () => {
    const bad = `people:
  - id: person:a
    name: A
  - id: person:b
    name: B
    citations: []
`;
    const { issues, file } = await run({ 'extra.yaml': bad });
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ code: 'MISSING_CITATION', file: file('extra.yaml'), line: 2, path: 'people[0].citations' });
    expect(issues[1]).toMatchObject({ code: 'MISSING_CITATION', file: file('extra.yaml'), line: 6, path: 'people[1].citations' });
  });

  it('reports a date that is not a real calendar date as BAD_DATE', async () => {
    const bad = `memberships:
  - id: membership:x
    person: person:zhanbolat-mamai
    organization: party:amanat
    role: member
    from: 2023-02-30
${cite('Amanat won 24', '    ')}`;
    const { issues, file } = await run({ 'extra.yaml': bad });
    const issue = only(issues);
    expect(issue).toMatchObject({ code: 'BAD_DATE', file: file('extra.yaml'), line: 6, path: 'memberships[0].from' });
    expect(issue.message).toContain('2023-02-30');
  });

  it('reports a bad date inside a claim list as BAD_DATE', async () => {
    const bad = BASE_YAML.replace('- value: 2023-03\n', '- value: 2023-13\n');
    const { issues, file } = await run({}, bad);
    expect(only(issues)).toMatchObject({
      code: 'BAD_DATE',
      file: file('base.yaml'),
      line: lineOf(bad, '2023-13'),
      path: 'events[0].date.claims[1].value',
    });
  });

  it('reports from after to as BAD_DATE_RANGE, comparing at the coarser precision', async () => {
    const bad = `memberships:
  - id: membership:x
    person: person:zhanbolat-mamai
    organization: party:amanat
    role: member
    from: 2023-05
    to: 2021
${cite('Amanat won 24', '    ')}  - id: membership:y
    person: person:zhanbolat-mamai
    organization: party:amanat
    role: member
    from: 2021
    to: 2021-01
${cite('Amanat won 24', '    ')}`;
    const { issues, file } = await run({ 'extra.yaml': bad });
    const issue = only(issues);
    expect(issue).toMatchObject({ code: 'BAD_DATE_RANGE', file: file('extra.yaml'), line: 6, path: 'memberships[0].from' });
    expect(issue.message).toBe('from 2023-05 is after to 2021');
  });

  it('reports an event ending before it starts as BAD_DATE_RANGE', async () => {
    const bad = BASE_YAML.replace('    participants:\n', '    endDate: 2023-02\n    participants:\n');
    const { issues, file } = await run({}, bad);
    expect(only(issues)).toMatchObject({
      code: 'BAD_DATE_RANGE',
      file: file('base.yaml'),
      line: lineOf(bad, 'endDate'),
      path: 'events[0].endDate',
    });
  });

  it('reports an id used twice across collections and files as DUPLICATE_ID', async () => {
    const bad = `organizations:\n  - id: party:amanat\n    name: Amanat\n    orgKind: OTHER\n${cite('Amanat won 24', '    ')}`;
    const { issues, file } = await run({ 'extra.yaml': bad });
    const dup = issues.find((i) => i.code === 'DUPLICATE_ID');
    expect(dup).toMatchObject({ file: file('extra.yaml'), line: 2, path: 'organizations[0].id' });
    expect(dup!.message).toContain('parties[0]');
    // The duplicate is the only problem: its wrong prefix is not reported on top of it.
    expect(issues).toHaveLength(1);
  });

  it('reports an id whose prefix does not match its collection as BAD_ID_PREFIX', async () => {
    const bad = `parties:\n  - id: org:nur-otan\n    name: Nur Otan\n${cite('Amanat won 24', '    ')}`;
    const { issues, file } = await run({ 'extra.yaml': bad });
    const issue = only(issues);
    expect(issue).toMatchObject({ code: 'BAD_ID_PREFIX', file: file('extra.yaml'), line: 2, path: 'parties[0].id' });
    expect(issue.message).toContain('"party:"');
  });

  it('reports a citation of an unknown source as UNKNOWN_SOURCE', async () => {
    const bad = `people:\n  - id: person:x\n    name: X\n    citations:\n      - source: nope.txt\n        quote: "whatever it says"\n`;
    const { issues, file } = await run({ 'extra.yaml': bad });
    expect(only(issues)).toMatchObject({
      code: 'UNKNOWN_SOURCE',
      file: file('extra.yaml'),
      line: 5,
      path: 'people[0].citations[0].source',
    });
  });

  it('reports a quote missing from its source text as QUOTE_NOT_IN_SOURCE', async () => {
    const bad = BASE_YAML.replace('quote: "local media reported"', 'quote: "local   media\\nsaid so"');
    const { issues, file } = await run({}, bad);
    const issue = only(issues);
    expect(issue).toMatchObject({
      code: 'QUOTE_NOT_IN_SOURCE',
      file: file('base.yaml'),
      line: lineOf(bad, 'local   media'),
      path: 'events[0].date.claims[1].citations[0].quote',
    });
    expect(issue.message).toBe('quote not in source src.txt: "local media said so"; the closest passage is "March 2023, local media"');
  });

  it('reports references to nothing as DANGLING_REFERENCE, inside claim values too', async () => {
    const bad = `elections:
  - id: election:mazhilis-2023
    name: Mazhilis election 2023
    kind: PARLIAMENTARY
    date: 2023-03-19
${cite('Amanat won 24', '    ')}candidacies:
  - id: candidacy:x
    person: person:nobody
    election:
      claims:
        - value: election:mazhilis-2023
${cite('Amanat won 24', '          ')}        - value: election:maslikhat-2023
${cite('Amanat won 24', '          ')}${cite('Amanat won 24', '    ')}`;
    const { issues, file } = await run({ 'extra.yaml': bad });
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({
      code: 'DANGLING_REFERENCE',
      file: file('extra.yaml'),
      line: lineOf(bad, 'person:nobody'),
      path: 'candidacies[0].person',
    });
    expect(issues[0]!.message).toBe('person refers to person:nobody, which is not defined anywhere');
    expect(issues[1]).toMatchObject({
      code: 'DANGLING_REFERENCE',
      line: lineOf(bad, 'election:maslikhat-2023'),
      path: 'candidacies[0].election.claims[1].value',
    });
  });

  it('reports references to a record of the wrong kind as WRONG_REFERENCE_KIND', async () => {
    const bad = `memberships:
  - id: membership:x
    person: party:amanat
    organization: place:almaty
    role: member
${cite('Amanat won 24', '    ')}districts:
  - id: district:almaty-1
    name: Almaty 1
    body: place:almaty
${cite('Amanat won 24', '    ')}events:
  - id: event:x
    name: X
    kind: OTHER
    date: 2023
    participants:
      - entity: place:almaty
        role: site
${cite('Amanat won 24', '    ')}`;
    const { issues, file } = await run({ 'extra.yaml': bad });
    expect(issues.map((i) => [i.code, i.file, i.line, i.path])).toEqual([
      ['WRONG_REFERENCE_KIND', file('extra.yaml'), 3, 'memberships[0].person'],
      ['WRONG_REFERENCE_KIND', file('extra.yaml'), 4, 'memberships[0].organization'],
      ['WRONG_REFERENCE_KIND', file('extra.yaml'), 12, 'districts[0].body'],
    ]);
    expect(issues[1]!.message).toBe(
      'organization refers to place:almaty, which is a place; expected a party or an organization',
    );
  });

  it('reports every issue of a run, across files, including cross-checks on records that fail the schema', async () => {
    const one = `people:
  - id: person:a
    name: A
    extra: 1
    citations:
      - source: src.txt
        quote: "this is not in the text"
`;
    const two = `familyTies:
  - id: family:a-b
    person: person:a
    relative: person:b
    relation: COUSIN
    citations: []
  - id: person:c
    person: person:a
    relative: person:a
    relation: SIBLING
    citations:
      - source: other.txt
        quote: "Amanat won 24"
`;
    const { dataset, issues, file } = await run({ 'one.yaml': one, 'two.yaml': two });
    expect(dataset).toBeNull();
    expect(issues.map((i) => [i.code, path.basename(i.file), i.line, i.path])).toEqual([
      ['SCHEMA', 'one.yaml', 4, 'people[0].extra'],
      ['QUOTE_NOT_IN_SOURCE', 'one.yaml', 7, 'people[0].citations[0].quote'],
      ['DANGLING_REFERENCE', 'two.yaml', 4, 'familyTies[0].relative'],
      ['SCHEMA', 'two.yaml', 5, 'familyTies[0].relation'],
      ['MISSING_CITATION', 'two.yaml', 6, 'familyTies[0].citations'],
      ['BAD_ID_PREFIX', 'two.yaml', 7, 'familyTies[1].id'],
      ['UNKNOWN_SOURCE', 'two.yaml', 12, 'familyTies[1].citations[0].source'],
    ]);
    expect(issues[0]!.file).toBe(file('one.yaml'));
  });

  it('formats an issue as file:line path: message, the file relative to the working directory', () => {
    const issue: ValidationIssue = {
      file: path.join(process.cwd(), 'seed/data/people.yaml'),
      line: 42,
      path: 'people[3].citations[0].quote',
      code: 'QUOTE_NOT_IN_SOURCE',
      message: 'quote not found in 003_a2df2bc0f71960c4.txt: "Amanat won 24..."',
    };
    expect(formatIssue(issue)).toBe(
      'seed/data/people.yaml:42 people[3].citations[0].quote: quote not found in 003_a2df2bc0f71960c4.txt: "Amanat won 24..."',
    );
    expect(formatIssue({ ...issue, line: null, path: '', code: 'YAML', message: 'cannot read file' })).toBe(
      'seed/data/people.yaml: cannot read file',
    );
  });
});
