// Which URLs the graph stores: absolute http(s) only (src/domain/url.ts), so nothing the explorer renders as a
// link can run script or reach a local file.
import { describe, expect, it } from 'vitest';
import { canonicalUrl, HttpUrl, isHttpUrl, MAX_URL_LENGTH, urlProblem } from '../../src/domain/url.js';

describe('web URLs', () => {
  it('accepts http and https addresses', () => {
    expect(isHttpUrl('https://vlast.kz/politika/123-article.html')).toBe(true);
    expect(isHttpUrl('http://example.org/a?b=c#d')).toBe(true);
    expect(isHttpUrl('HTTPS://EXAMPLE.ORG')).toBe(true);
  });

  it.each([
    ['javascript:alert(1)', /http or https/],
    ['JavaScript:alert(document.cookie)', /http or https/],
    ['data:text/html,<script>alert(1)</script>', /http or https/],
    ['file:///etc/passwd', /http or https/],
    ['vbscript:msgbox(1)', /http or https/],
    ['java\nscript:alert(1)', /http or https/],
    ['/relative/path', /absolute URL/],
  ])('refuses %j', (text, reason) => {
    expect(urlProblem(text)).toMatch(reason);
  });

  it('refuses an address longer than the cap, also once percent-encoded', () => {
    expect(urlProblem(`https://example.org/${'a'.repeat(MAX_URL_LENGTH)}`)).toMatch(/at most/);
    expect(urlProblem(`https://example.org/${'ж'.repeat(1000)}`)).toMatch(/once percent-encoded/);
  });

  it.each([
    ['http:/x', /two slashes/],
    ['http:x.org', /two slashes/],
    ['https:///example.org/a', /two slashes/],
    ['http:\\\\example.org', /two slashes/],
    ['https://user:pass@example.org/a', /user name or password/],
    ['https://user@example.org/a', /user name or password/],
    ['https://@example.org/a', /user name or password/],
    [' https://example.org/a', /spaces or control/],
    ['https://example.org/a b', /spaces or control/],
    ['https://exa\tmple.org/', /spaces or control/],
  ])('refuses %j, which browsers would repair or which carries credentials', (text, reason) => {
    expect(urlProblem(text)).toMatch(reason);
  });

  it('stores one canonical form: lower-case scheme and host, no default port, dots resolved, no fragment or utm_*', () => {
    expect(canonicalUrl('HTTPS://Vlast.KZ:443/politika/./a/../123.html#comments')).toBe('https://vlast.kz/politika/123.html');
    expect(canonicalUrl('https://vlast.kz/a?utm_source=tg&id=7&UTM_medium=x')).toBe('https://vlast.kz/a?id=7');
    expect(canonicalUrl('https://vlast.kz/a?utm_source=tg')).toBe('https://vlast.kz/a');
    // A query without tracking parameters keeps its own encoding.
    expect(canonicalUrl('https://example.org/search?q=a%20b&x=1')).toBe('https://example.org/search?q=a%20b&x=1');
    expect(canonicalUrl('https://тест.kz/қазақ')).toBe('https://xn--e1aybc.kz/%D2%9B%D0%B0%D0%B7%D0%B0%D2%9B');
  });

  it('the dataset schema stores a source URL canonical and refuses credentials', () => {
    expect(HttpUrl.parse('https://Example.org/a#top')).toBe('https://example.org/a');
    expect(HttpUrl.safeParse('https://user:pass@example.org/').success).toBe(false);
  });
});
