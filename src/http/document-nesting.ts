// How deeply a GraphQL document may nest braces, brackets and parentheses, checked on the text before graphql-js
// parses it. Its parser recurses once per level: a list literal 5,000 deep (one token a level, so under the token
// limit until ~2,000) overflowed the stack, answered as GRAPHQL_PARSE_FAILED "Maximum call stack size exceeded".
// One linear pass over the text refuses it first, with QUERY_TOO_COMPLEX like every other shape limit.
import type { RequestHandler } from 'express';
import { ErrorCode, type QueryLimit } from '../errors.js';
import { refuse } from './request-info.js';

/**
 * Deepest nesting of `{`, `[` and `(` a document may have. A selection 12 fields deep (MAX_DEPTH's default)
 * with inline fragments and nested input objects stays far below; the parser's stack holds well over 1,000.
 */
export const MAX_DOCUMENT_NESTING = 128;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HASH = 0x23;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const opening = new Set([0x7b, 0x5b, 0x28]); // { [ (
const closing = new Set([0x7d, 0x5d, 0x29]); // } ] )

/**
 * Whether `source` nests deeper than `max`, counting only punctuation outside strings, block strings and
 * comments (a `[` inside "..." is text). Stops at the first level too deep. Malformed text is left to the parser.
 */
export function documentTooDeep(source: string, max = MAX_DOCUMENT_NESTING): boolean {
  let depth = 0;
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === HASH) {
      while (i < n && source.charCodeAt(i) !== NEWLINE && source.charCodeAt(i) !== RETURN) i += 1;
    } else if (c === QUOTE) {
      if (source.startsWith('"""', i)) {
        // Block string: ends at the next """ not escaped as \""".
        i += 3;
        while (i < n && !source.startsWith('"""', i)) i += source.startsWith('\\"""', i) ? 4 : 1;
        i += 3;
        continue;
      }
      i += 1;
      while (i < n) {
        const d = source.charCodeAt(i);
        if (d === BACKSLASH) i += 2;
        else if (d === QUOTE || d === NEWLINE || d === RETURN) break;
        else i += 1;
      }
    } else if (opening.has(c)) {
      depth += 1;
      if (depth > max) return true;
    } else if (closing.has(c)) {
      depth -= 1;
    }
    i += 1;
  }
  return false;
}

/** Refuses a /graphql request whose document (POST body or GET `query`) nests deeper than MAX_DOCUMENT_NESTING. */
export const limitDocumentNesting: RequestHandler = (req, res, next) => {
  const body: unknown = req.body;
  const query = req.method === 'GET' ? req.query.query : body !== null && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
  if (typeof query === 'string' && documentTooDeep(query)) {
    return refuse(req, res, 400, ErrorCode.QUERY_TOO_COMPLEX, `The document nests braces, brackets or parentheses more than ${MAX_DOCUMENT_NESTING} levels deep.`, {
      limit: 'maxNesting' satisfies QueryLimit,
    });
  }
  next();
};
