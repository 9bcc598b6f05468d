// The security headers every page this server sends carries (GraphiQL, the explorer, the curation page and any
// page added later): one middleware, mounted first in server.ts, so a new HTML route cannot be served without
// them. Written out rather than taken from helmet: four headers and one policy, each chosen for our pages.
import type { RequestHandler } from 'express';

/**
 * What a page may load: everything from this server only, no inline or eval'd script, no plugins, no framing.
 * - `style-src 'unsafe-inline'`: GraphiQL (CodeMirror) and the explorer set element styles from script;
 *   styles cannot run code, scripts stay 'self' only.
 * - `img-src data: blob:`: the pages' `data:,` favicon, GraphiQL's inline icons, the explorer's PNG export.
 * - `worker-src 'self'`: the explorer's layout worker (public/vendor/layout-worker.js).
 * - `frame-ancestors 'none'` with `X-Frame-Options: DENY` for browsers that predate it: no clickjacking.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const pageSecurityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  // Links out of the explorer (a source's URL) do not tell the site which entity the analyst was looking at.
  'Referrer-Policy': 'no-referrer',
};

/**
 * Sets the headers on every response, not only on `text/html`: a JSON or script response is no page, so the
 * policy costs it nothing, and nosniff stops a browser from reading an answer as HTML or script.
 */
export const securePages: RequestHandler = (_req, res, next) => {
  res.set(pageSecurityHeaders);
  next();
};
