// Which URLs the graph accepts wherever one is given (a source's address, links): absolute http or https only,
// so `javascript:`, `data:`, `file:` and the like can never reach a page that renders them as links.
import { z } from 'zod';

export const MAX_URL_LENGTH = 2048;

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
  return null;
}

export function isHttpUrl(value: string): boolean {
  return urlProblem(value) === null;
}

/** The zod form, for the dataset's schemas and configuration. */
export const HttpUrl = z.string().superRefine((value, ctx) => {
  const problem = urlProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/** The same check under the name other modules use for web addresses (identifiers, links, sources). */
export const webUrlProblem = urlProblem;
