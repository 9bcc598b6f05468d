// Rate limiting of the API routes (RATE_LIMIT_PER_MINUTE): one budget per recognised API key or, without one,
// per client address. Keying by the verified key (not by whatever Authorization header arrives) means a client
// cannot escape its budget by inventing keys. Over budget: 429 with RATE_LIMITED and Retry-After. The store is
// in memory, so each API process counts on its own.
import type { RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { refuse } from './request-info.js';

/** `keyName`: the recognised API key of the request (api-access.ts verified it), or null to count by address. */
export function rateLimiter(perMinute: number, keyName: (res: Response) => string | null): RequestHandler {
  if (perMinute === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    // RateLimit / RateLimit-Policy headers on every answer, and Retry-After on a 429.
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // CORS preflights carry no credentials and do no work.
    skip: (req) => req.method === 'OPTIONS',
    keyGenerator: (req, res) => {
      const key = keyName(res);
      // IPv6 clients are grouped by their /56, as one host usually owns a whole prefix.
      return key !== null ? `key:${key}` : `address:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (req, res) => {
      const retryAfter = Number(res.getHeader('retry-after') ?? 60);
      refuse(req, res, 429, 'RATE_LIMITED', `Too many requests: at most ${perMinute} a minute. Retry in ${retryAfter} s.`, { retryAfter });
    },
  });
}
