// The request body's depth bound (src/http/body.ts): one iterative pass over the raw bytes, so 10,000 levels of
// nesting are refused without recursion, and brackets inside strings do not count.
import { describe, expect, it } from 'vitest';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../../src/http/body.js';

const nested = (levels: number, open = '[', close = ']') => `${open.repeat(levels)}${close.repeat(levels)}`;

describe('jsonTooDeep', () => {
  it('allows the limit and refuses one level more, for arrays and objects', () => {
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    const objects = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    expect(jsonTooDeep(objects(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonTooDeep(objects(MAX_JSON_DEPTH + 1))).toBe(true);
  });

  it('refuses 10,000 levels, as text and as UTF-8 bytes, without overflowing the stack', () => {
    const body = `{"query":"{ __typename }","variables":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    expect(jsonTooDeep(body)).toBe(true);
    expect(jsonTooDeep(Buffer.from(body, 'utf8'))).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ query: '['.repeat(1000), tricky: `\\"${'{'.repeat(1000)}`, ok: [[1]] });
    expect(jsonTooDeep(text)).toBe(false);
    expect(jsonTooDeep(Buffer.from(text, 'utf8'))).toBe(false);
  });

  it('counts siblings once: wide is not deep', () => {
    expect(jsonTooDeep(`[${Array.from({ length: 10_000 }, () => '[1]').join(',')}]`)).toBe(false);
  });
});
