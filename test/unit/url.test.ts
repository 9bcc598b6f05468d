// Which URLs the graph stores: absolute http(s) only (src/domain/url.ts), so nothing the explorer renders as a
// link can run script or reach a local file.
import { describe, expect, it } from 'vitest';
import { isHttpUrl, MAX_URL_LENGTH, urlProblem } from '../../src/domain/url.js';

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

  it('refuses an address longer than the cap', () => {
    expect(urlProblem(`https://example.org/${'a'.repeat(MAX_URL_LENGTH)}`)).toMatch(/at most/);
  });
});
