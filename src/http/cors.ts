// CORS (CORS_ORIGINS): which browser origins may call the API. Unset: none (same-origin only); `*`: any, which
// is safe here because no cookie or ambient credential is ever honoured (API keys travel in Authorization).
import cors from 'cors';
import type { RequestHandler } from 'express';

export function corsPolicy(origins: string[]): RequestHandler {
  if (origins.length === 0) return (_req, _res, next) => next();
  return cors({
    origin: origins.includes('*') ? '*' : origins,
    methods: ['GET', 'POST', 'OPTIONS'],
    // idempotency-key: a browser's keyed write (src/curation/idempotency.ts) must survive the preflight.
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id', 'idempotency-key'],
    exposedHeaders: ['x-request-id', 'retry-after', 'ratelimit', 'ratelimit-policy'],
    maxAge: 600,
  });
}
