// The quote rule: one normalisation (NFC, white space, typographic quotes, apostrophes, dashes) under which a
// quote must occur in its source's text; offsets into the original text; the closest passage when it does not.
import { describe, expect, it } from 'vitest';
import { closestPassage, locateQuote, normaliseQuote } from '../../src/domain/quotes.js';
import { numberWords, statesNumber, statesValue } from '../../src/domain/value-citations.js';

const text = 'Mamai\u2019s wife, Inga Imanbai, will run \u2014 in a  single-mandate\nconstituency. He said: \u201Cno\u201D.';

describe('locateQuote', () => {
  it('finds a quote typed with straight quotes, hyphens and single spaces, at offsets of the original text', () => {
    const at = locateQuote(text, "Mamai's wife, Inga Imanbai, will run - in a single-mandate constituency.");
    expect(at).not.toBeNull();
    expect(text.slice(at!.start, at!.end)).toBe('Mamai\u2019s wife, Inga Imanbai, will run \u2014 in a  single-mandate\nconstituency.');
    const q = locateQuote(text, 'He said: "no".');
    expect(text.slice(q!.start, q!.end)).toBe('He said: \u201Cno\u201D.');
  });
  it('composes decomposed accents (NFC) on both sides', () => {
    const decomposed = 'the Ma\u0308jilis voted';
    const at = locateQuote(decomposed, 'the M\u00E4jilis voted');
    expect(at).toEqual({ start: 0, end: decomposed.length });
  });
  it('refuses what is not there: other words, other case, an empty quote', () => {
    expect(locateQuote(text, 'This sentence is certainly not in the article at all.')).toBeNull();
    expect(locateQuote(text, 'mamai’s wife')).toBeNull();
    expect(locateQuote(text, '   ')).toBeNull();
  });
  it('normalises the quote once: trimmed, runs of white space folded', () => {
    expect(normaliseQuote('  a\u00A0\u00A0b\t\u2013 \u2018c\u2019 \u2026 ')).toBe("a b - 'c' ...");
  });
  it('names the closest passage of the text', () => {
    expect(closestPassage(text, 'Imanbai will run in a constituency')).toContain('Inga Imanbai, will run');
  });
});

describe('which citations state a number', () => {
  it('digits, words and dozens; percentages only with their unit; ranks as ordinals', () => {
    expect(statesNumber('took 76 of the then 107 Mäjilis seats', 76)).toBe(true);
    expect(statesNumber('took 176 seats', 76)).toBe(false);
    expect(statesNumber('Eight were taken by Auyl', 8)).toBe(true);
    expect(statesNumber('twenty-two of the 29', 22)).toBe(true);
    expect(numberWords(24)).toContain('two dozen');
    expect(statesNumber('a turnout of 54.19 percent', 54.19, 'percent')).toBe(true);
    expect(statesNumber('54.19 voters', 54.19, 'percent')).toBe(false);
    expect(statesNumber('In 2021, the party was called Nur Otan', 76)).toBe(false);
    expect(statesNumber('with both finishing second', 2, 'ordinal')).toBe(true);
    expect(statesValue('voteShare', 82, 'down from 82 percent in 2016')).toBe(true);
    expect(statesValue('voteShare', 82, 'with 71 percent of the vote')).toBe(false);
    expect(statesValue('date', '2023-03', 'anything')).toBe(true);
  });
});
