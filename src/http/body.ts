// How /graphql reads request bodies: JSON only, in UTF-8, at most 1 MB, nested at most MAX_JSON_DEPTH deep,
// with well-formed Unicode strings. Anything else is refused with a coded JSON error (415, 413 or 400), never
// Express's HTML error page, and never reaches GraphQL. Every check walks iteratively: a hostile nesting depth
// cannot overflow the stack.
import { isUtf8 } from 'node:buffer';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Logger } from '../logger.js';
import { refuse } from './request-info.js';

export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Deepest nesting of arrays and objects a request may carry (body, or `variables` / `extensions` in a GET's
 * URL). The schema's deepest input is a handful of levels; 64 leaves room and stops hostile nesting early.
 */
export const MAX_JSON_DEPTH = 64;
const tooDeepMessage = `The request nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep.`;

/**
 * Whether JSON text (a string or its UTF-8 bytes) nests arrays/objects deeper than `max`. One pass counting
 * brackets outside strings; it stops at the first level too deep, before anything is parsed.
 */
export function jsonTooDeep(text: string | Uint8Array, max = MAX_JSON_DEPTH): boolean {
  const at = typeof text === 'string' ? (i: number) => text.charCodeAt(i) : (i: number) => text[i]!;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = at(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * POST bodies must be `application/json` in UTF-8 (GraphQL over HTTP). Browsers cannot send that cross-site
 * without a CORS preflight, which is also what Apollo's CSRF prevention relies on for GET.
 */
export const requireJsonBody: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST') return next();
  const [mediaType = '', ...params] = (req.headers['content-type'] ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (mediaType !== 'application/json') {
    return refuse(req, res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'POST requests must have Content-Type: application/json.');
  }
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return refuse(req, res, 415, 'UNSUPPORTED_MEDIA_TYPE', `Only UTF-8 request bodies are accepted (got charset ${charset}).`);
  }
  next();
};

class InvalidEncodingError extends Error {
  readonly status = 400;
  readonly type = 'encoding.invalid';
}

class TooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
}

/** express.json, plus a check that the raw bytes are UTF-8: invalid bytes are refused, not silently replaced. */
export const parseJsonBody: RequestHandler = express.json({
  limit: MAX_BODY_BYTES,
  verify: (_req, _res, buffer) => {
    if (!isUtf8(buffer)) throw new InvalidEncodingError('The request body is not valid UTF-8.');
    if (jsonTooDeep(buffer)) throw new TooDeepError('The request body nests too deeply.');
  },
});

/** A UTF-16 surrogate without its partner: a JSON escape like `\ud800` can carry one, UTF-8 text cannot. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Walks with an explicit stack, not recursion: depth is bounded upstream, but this must not depend on it. */
function hasLoneSurrogate(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (loneSurrogate.test(value)) return true;
    } else if (Array.isArray(value)) {
      pending.push(...(value as unknown[]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (loneSurrogate.test(key)) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

/**
 * Refuses lone surrogates anywhere in the request (variables, query, operation name; body or URL): they cannot
 * be stored or searched faithfully, and would otherwise turn silently into U+FFFD on their way to Neo4j.
 */
export const requireWellFormedUnicode: RequestHandler = (req, res, next) => {
  // A GET carries its JSON in the URL; Apollo parses it, so bound its depth before it does.
  const { variables, extensions } = req.query;
  if ([variables, extensions].some((text) => typeof text === 'string' && jsonTooDeep(text))) {
    return refuse(req, res, 400, 'BAD_REQUEST', tooDeepMessage);
  }
  if (hasLoneSurrogate(req.body) || hasLoneSurrogate(req.query)) {
    return refuse(req, res, 400, 'BAD_USER_INPUT', 'The request contains invalid Unicode (a lone surrogate).');
  }
  next();
};

const refusals: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
  'entity.too.deep': { status: 400, code: 'BAD_REQUEST', message: tooDeepMessage },
  'encoding.invalid': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid UTF-8.' },
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` },
  'charset.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Only UTF-8 request bodies are accepted.' },
  'encoding.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Compressed request bodies are not accepted.' },
};

/**
 * The app's last middleware: body-parser's errors become coded JSON refusals; anything else is logged and
 * answered as a bare INTERNAL_SERVER_ERROR.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
    const known = typeof type === 'string' ? refusals[type] : undefined;
    if (known) return refuse(req, res, known.status, known.code, known.message);
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return refuse(req, res, status, 'BAD_REQUEST', 'The request could not be read.');
    }
    logger.error({ err: error }, 'unexpected error in the HTTP layer');
    refuse(req, res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}
