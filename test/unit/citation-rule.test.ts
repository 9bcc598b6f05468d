// The citation rule per source kind (src/domain/citation-rule.ts), without a database: what each kind of source
// must be cited by, the quote minimum after folding white space, locators resolving and stating values, the
// stored slice, and which revisions change a citation's passage.
import { describe, expect, it } from 'vitest';
import { checkCitation, citationChangedBy, citationStatesValue, SourceLibrary, storedCitation, type CitableSource } from '../../src/domain/citation-rule.js';

const ARTICLE_TEXT = 'By\u00A0Chris Rickleton\n\nThe party won 62 of the 98 seats.\n\nA later paragraph.';
const library = (extra: Record<string, CitableSource> = {}) =>
  new SourceLibrary(
    new Map<string, CitableSource>(
      Object.entries({
        article: { kind: 'ARTICLE', text: ARTICLE_TEXT },
        record: { kind: 'OFFICIAL_RECORD', text: 'Register entry: the party holds 62 seats.' },
        bare: { kind: 'OFFICIAL_RECORD', text: null },
        dataset: { kind: 'DATASET', text: JSON.stringify({ results: [{ party: 'A', seats: 62, share: '54.1' }], 'a/b': { '~x': 1 } }) },
        emptyDataset: { kind: 'DATASET', text: null },
        notJson: { kind: 'DATASET', text: 'not json at all' },
        ...extra,
      }),
    ),
  );
const codes = (c: Parameters<typeof checkCitation>[0], lib = library()) => checkCitation(c, lib).map((i) => `${i.field}:${i.code}`);

describe('what each kind of source is cited by', () => {
  it('a source with a text needs a quote; a locator alone is refused, a locator besides a quote is not checked', () => {
    expect(codes({ source: 'article', locator: '/does/not/exist' })).toEqual(['quote:QUOTE_REQUIRED']);
    expect(codes({ source: 'record', locator: '/x' })).toEqual(['quote:QUOTE_REQUIRED']);
    expect(codes({ source: 'article', quote: 'The party won 62 of the 98 seats.', locator: '/x' })).toEqual([]);
    expect(codes({ source: 'article', quote: 'The party lost all of its seats.' })).toEqual(['quote:QUOTE_NOT_IN_SOURCE']);
  });

  it('a dataset needs a locator that resolves in its stored text (RFC 6901 escapes included)', () => {
    expect(codes({ source: 'dataset', locator: '/results/0/seats' })).toEqual([]);
    expect(codes({ source: 'dataset', locator: '/a~1b/~0x' })).toEqual([]);
    expect(codes({ source: 'dataset', locator: '/results/1' })).toEqual(['locator:LOCATOR_NOT_IN_SOURCE']);
    expect(codes({ source: 'dataset', locator: '/results/01' })).toEqual(['locator:LOCATOR_NOT_IN_SOURCE']);
    expect(codes({ source: 'dataset', quote: '"party":"A"' })).toEqual(['locator:LOCATOR_REQUIRED']);
    expect(codes({ source: 'notJson', locator: '/x' })).toEqual(['locator:LOCATOR_NOT_IN_SOURCE']);
    expect(checkCitation({ source: 'notJson', locator: '/x' }, library())[0]!.message).toContain('no JSON');
  });

  it('a source with no text, and a dataset without one, cannot be cited at all', () => {
    expect(codes({ source: 'bare', locator: '/x' })).toEqual(['source:SOURCE_NOT_CITABLE']);
    expect(codes({ source: 'bare', quote: 'a quote of some length' })).toEqual(['source:SOURCE_NOT_CITABLE']);
    expect(codes({ source: 'emptyDataset', locator: '/x' })).toEqual(['source:SOURCE_NOT_CITABLE']);
  });

  it('an unknown source is left to the caller (it reports UNKNOWN_SOURCE)', () => {
    expect(codes({ source: 'nowhere', locator: '/x' })).toEqual([]);
  });
});

describe('the quote minimum counts after white space is folded', () => {
  it('refuses 8 spaces, a letter with 7 spaces, and the empty quote; accepts 8 characters', () => {
    expect(codes({ source: 'article', quote: '        ' })).toEqual(['quote:QUOTE_TOO_SHORT']);
    expect(codes({ source: 'article', quote: 'A       ' })).toEqual(['quote:QUOTE_TOO_SHORT']);
    expect(codes({ source: 'article', quote: '' })).toEqual(['quote:QUOTE_TOO_SHORT']);
    expect(codes({ source: 'article', quote: 'The part' })).toEqual([]);
  });
});

describe('values stated by citations', () => {
  const lib = library();
  it('a dataset locator states exactly the number it points at (a number or a string of one)', () => {
    expect(citationStatesValue('totalSeats', 62, { source: 'dataset', locator: '/results/0/seats' }, lib)).toBe(true);
    expect(citationStatesValue('totalSeats', 99, { source: 'dataset', locator: '/results/0/seats' }, lib)).toBe(false);
    expect(citationStatesValue('voteShare', 54.1, { source: 'dataset', locator: '/results/0/share' }, lib)).toBe(true);
    expect(citationStatesValue('totalSeats', 62, { source: 'dataset', locator: '/results/0' }, lib)).toBe(false);
  });
  it('a locator on an article states nothing; its quote does the stating', () => {
    expect(citationStatesValue('totalSeats', 99, { source: 'article', locator: '/x' }, lib)).toBe(false);
    expect(citationStatesValue('totalSeats', 62, { source: 'article', quote: 'The party won 62 of the 98 seats.' }, lib)).toBe(true);
    expect(citationStatesValue('totalSeats', 99, { source: 'article', quote: 'The party won 62 of the 98 seats.' }, lib)).toBe(false);
  });
});

describe('the stored quote is the exact slice of the text', () => {
  it('a plain space where the text has a no-break space, runs of spaces where it has a line break', () => {
    const lib = library();
    expect(storedCitation({ source: 'article', quote: 'By Chris Rickleton' }, lib).quote).toBe('By\u00A0Chris Rickleton');
    expect(storedCitation({ source: 'article', quote: 'Rickleton The party won' }, lib).quote).toBe('Rickleton\n\nThe party won');
    const exact = { source: 'article', quote: 'The party won 62' };
    expect(storedCitation(exact, lib)).toBe(exact);
  });
});

describe('which revisions change a citation', () => {
  const before = library();
  const after = (text: string) => library({ article: { kind: 'ARTICLE', text } });
  const quote = { source: 'article', quote: 'The party won 62 of the 98 seats.' };
  it('an edit in another paragraph changes nothing, even as offsets move', () => {
    expect(citationChangedBy(quote, before, after(`Headline\n${ARTICLE_TEXT.replace('A later', 'A much later')}`))).toBe(false);
  });
  it('words added on the same line, or the quote gone, change it', () => {
    expect(citationChangedBy(quote, before, after(ARTICLE_TEXT.replace('The party won', 'It is false that the party won')))).toBe(true);
    expect(citationChangedBy(quote, before, after(ARTICLE_TEXT.replace('62 of the 98', '61 of the 98')))).toBe(true);
    expect(citationChangedBy(quote, before, after(ARTICLE_TEXT.replace('seats.', 'seats, it was claimed.')))).toBe(true);
  });
  it('a quote that was never in the text counts as changed (so a bad citation can be retracted)', () => {
    expect(citationChangedBy({ source: 'article', quote: '        ' }, before, before)).toBe(true);
  });
  it('a dataset locator changes when its value does', () => {
    const data = (seats: number) => library({ dataset: { kind: 'DATASET', text: JSON.stringify({ results: [{ seats }], other: 1 }) } });
    expect(citationChangedBy({ source: 'dataset', locator: '/results/0/seats' }, data(62), data(62))).toBe(false);
    expect(citationChangedBy({ source: 'dataset', locator: '/results/0/seats' }, data(62), data(63))).toBe(true);
  });
});
