// How /graphql reads request bodies: JSON only, in UTF-8, at most 1 MB, with well-formed Unicode strings.
// Anything else is refused with a coded JSON error (415, 413 or 400), never Express's HTML error page, and
// never reaches GraphQL.
import { isUtf8 } from 'node:buffer';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Logger } from '../logger.js';
import { refuse } from './request-info.js';

export const MAX_BODY_BYTES = 1024 * 1024;

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

/** express.json, plus a check that the raw bytes are UTF-8: invalid bytes are refused, not silently replaced. */
export const parseJsonBody: RequestHandler = express.json({
  limit: MAX_BODY_BYTES,
  verify: (_req, _res, buffer) => {
    if (!isUtf8(buffer)) throw new InvalidEncodingError('The request body is not valid UTF-8.');
  },
});

/** A UTF-16 surrogate without its partner: a JSON escape like `\ud800` can carry one, UTF-8 text cannot. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return loneSurrogate.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => loneSurrogate.test(key) || hasLoneSurrogate(item));
  }
  return false;
}

/**
 * Refuses lone surrogates anywhere in the request (variables, query, operation name; body or URL): they cannot
 * be stored or searched faithfully, and would otherwise turn silently into U+FFFD on their way to Neo4j.
 */
export const requireWellFormedUnicode: RequestHandler = (req, res, next) => {
  if (hasLoneSurrogate(req.body) || hasLoneSurrogate(req.query)) {
    return refuse(req, res, 400, 'BAD_USER_INPUT', 'The request contains invalid Unicode (a lone surrogate).');
  }
  next();
};

const refusals: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
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
