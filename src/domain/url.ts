// Which URLs the graph accepts wherever one is given (a source's address, links): absolute http or https only,
// so `javascript:`, `data:`, `file:` and the like can never reach a page that renders them as links; written
// `scheme://host/...` (not `http:/x`, which browsers would quietly repair) and without a user name or password.
// A source's URL is stored in one canonical form, so the same address given twice is recognised as one source.
import { z } from 'zod';

export const MAX_URL_LENGTH = 2048;

/** `http://` or `https://` followed by a host: what the URL parser would otherwise repair (`http:/x`, `http:\\x`). */
const explicitAuthority = /^https?:\/\/[^/\\]/i;
/** Whitespace and control characters, which the URL parser drops silently from inside a URL. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const invisible = /[\s\u0000-\u001f\u007f]/u;

/** Why `value` is not an acceptable URL, or null when it is one. */
export function urlProblem(value: string): string | null {
  if (value.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL (https://...)';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must be an http or https URL, not ${url.protocol}`;
  if (url.hostname === '') return 'must name a host';
  if (invisible.test(value)) return 'must not contain spaces or control characters (percent-encode them)';
  if (!explicitAuthority.test(value)) return 'must be written scheme://host/... (two slashes, then the host)';
  if (url.username !== '' || url.password !== '' || /^https?:\/\/[^/?#]*@/i.test(value)) return 'must not carry a user name or password';
  // Percent-encoding can triple a length: the stored (canonical) form is what must fit.
  if (url.href.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters once percent-encoded`;
  return null;
}

export function isHttpUrl(value: string): boolean {
  return urlProblem(value) === null;
}

/** Tracking parameters that name the campaign a link was shared in, not the document. */
const trackingParameter = /^utm_/i;

/**
 * The one form an acceptable URL is stored in: the WHATWG serialisation (scheme and host in lower case, default
 * port dropped, dots resolved, non-ASCII percent-encoded, host in punycode), without the fragment (a place in
 * the page, not another document) and without `utm_*` parameters. Call only on a URL urlProblem accepts.
 */
export function canonicalUrl(value: string): string {
  const url = new URL(value);
  url.hash = '';
  const keys = [...url.searchParams.keys()];
  // Re-serialising the query changes its encoding; only touch it when there is something to drop.
  if (keys.some((key) => trackingParameter.test(key))) {
    for (const key of keys) if (trackingParameter.test(key)) url.searchParams.delete(key);
    if ([...url.searchParams.keys()].length === 0) url.search = '';
  }
  return url.href;
}

/** The zod form, for the dataset's schemas: checked, then stored in its canonical form. */
export const HttpUrl = z
  .string()
  .superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  // A refused value never gets here in a valid parse; the check keeps canonicalUrl from throwing while zod collects issues.
  .transform((value) => (urlProblem(value) === null ? canonicalUrl(value) : value));

/** The same check under the name other modules use for web addresses (identifiers, links, sources). */
export const webUrlProblem = urlProblem;
