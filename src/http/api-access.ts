// The one gate every data-reading route passes (/graphql, /export): CORS, the request budget, who is calling,
// and whether the API has finished starting. Each route mounted under `apiPaths` gets exactly the same checks,
// so a new route cannot read data more freely than GraphQL does.
import type { Request, RequestHandler, Response } from 'express';
import { AuthError, type Caller } from '../auth.js';
import { ErrorCode } from '../errors.js';
import { corsPolicy } from './cors.js';
import { rateLimiter } from './rate-limit.js';
import { startupGate, type Readiness } from './readiness.js';
import { refuse } from './request-info.js';

/** Every route that answers with data from the graph. Prefixes: `/export` covers `/export/...` too. */
export const apiPaths = ['/graphql', '/export'];

/** What the Authorization header of this request proved: a caller, or why it proved nothing. */
type Identity = { caller: Caller } | { refusal: AuthError };

function identityOf(res: Response): Identity {
  const identity = res.locals.identity as Identity | undefined;
  if (!identity) throw new Error('apiAccess must run before a caller is asked for');
  return identity;
}

/** The caller a request was let through as (routes behind `apiAccess` only). */
export function callerOf(res: Response): Caller {
  const identity = identityOf(res);
  if ('refusal' in identity) throw identity.refusal; // unreachable behind apiAccess: it refused already
  return identity.caller;
}

/** The recognised API key's name, for the rate limiter's budget; null for anonymous or refused callers. */
export function verifiedKeyName(res: Response): string | null {
  const identity = res.locals.identity as Identity | undefined;
  return identity && 'caller' in identity && identity.caller.kind === 'key' ? identity.caller.name : null;
}

export interface ApiAccessOptions {
  corsOrigins: string[];
  ratePerMinute: number;
  authenticate: (authorization: string | undefined) => Caller;
  readiness: Readiness;
}

/**
 * The gate, in the order a request meets it: CORS (a preflight ends here), identify the caller (hashing the key
 * once), the request budget (per verified key, else per address, so invented keys share their address's
 * budget), refuse an unrecognised or missing key (UNAUTHENTICATED, 401), then refuse while start-up is still
 * running (SERVICE_UNAVAILABLE, 503, Retry-After).
 */
export function apiAccess(options: ApiAccessOptions): RequestHandler[] {
  const identify: RequestHandler = (req, res, next) => {
    try {
      res.locals.identity = { caller: options.authenticate(req.headers.authorization) } satisfies Identity;
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      res.locals.identity = { refusal: error } satisfies Identity;
    }
    next();
  };
  const requireIdentity: RequestHandler = (req: Request, res: Response, next) => {
    const identity = identityOf(res);
    if ('refusal' in identity) {
      const code = identity.refusal.extensions.code === ErrorCode.FORBIDDEN ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED;
      res.set('WWW-Authenticate', 'Bearer');
      return refuse(req, res, code === ErrorCode.FORBIDDEN ? 403 : 401, code, identity.refusal.message);
    }
    next();
  };
  return [
    corsPolicy(options.corsOrigins),
    identify,
    rateLimiter(options.ratePerMinute, verifiedKeyName),
    requireIdentity,
    startupGate(options.readiness),
  ];
}
