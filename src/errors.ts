// Error classes with stable `extensions.code`s, and the single place where any thrown error becomes what a
// client sees: coded errors pass through, database outages become SERVICE_UNAVAILABLE, the rest is hidden.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Neo4jError } from 'neo4j-driver';
import { DeadlineExceededError, OutcomeUnknownError } from './neo4j/database.js';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  // Refusals of the protection layer (src/http/, docs/operations.md).
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  OPERATION_TIMEOUT: 'OPERATION_TIMEOUT',
  RATE_LIMITED: 'RATE_LIMITED',
  OVERLOADED: 'OVERLOADED',
  OPERATION_NOT_REGISTERED: 'OPERATION_NOT_REGISTERED',
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  // Writes (src/curation/idempotency.ts, docs/curation.md): a key sent with a different request; a write that may
  // or may not have committed (retry it with the same Idempotency-Key).
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  OUTCOME_UNKNOWN: 'OUTCOME_UNKNOWN',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class UserInputError extends GraphQLError {
  constructor(message: string, argumentName?: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argumentName ? { argumentName } : {}) } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string, argumentName?: string) {
    super(message, { extensions: { code: ErrorCode.NOT_FOUND, ...(argumentName ? { argumentName } : {}) } });
  }
}

export class ServiceUnavailableError extends GraphQLError {
  constructor(message = 'The database is unavailable; try again shortly.') {
    super(message, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } });
  }
}

/**
 * The stored graph breaks a guarantee it is validated to keep (a reference to an entity of the wrong kind): the
 * server's fault, not the client's. Clients see INTERNAL_SERVER_ERROR; the message is for the log.
 */
export class DataFaultError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
  }
}

/** Which of the document limits (src/http/query-limits.ts, src/http/document-nesting.ts) a query broke. */
export type QueryLimit = 'maxDepth' | 'maxCost' | 'maxAliases' | 'maxDirectives' | 'maxTokens' | 'maxNesting';

export class QueryLimitError extends GraphQLError {
  /** `details` (the cost refusal's `cost` and `maxCost`) join the extensions; the answer is a 400. */
  constructor(message: string, limit: QueryLimit, details: Record<string, number> = {}) {
    super(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, ...details, http: { status: 400 } } });
  }
}

/** Too many expensive operations at once (src/cost/admission.ts): a 503 with Retry-After, like a rate limit. */
export class OverloadedError extends GraphQLError {
  constructor(message: string, retryAfterSeconds: number) {
    super(`${message} Retry in ${retryAfterSeconds} s, or ask for less.`, {
      extensions: {
        code: ErrorCode.OVERLOADED,
        retryAfter: retryAfterSeconds,
        http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
}

/**
 * The limit a refused document broke, if that is why it was refused. Apollo re-codes validation and parse errors
 * (GRAPHQL_VALIDATION_FAILED, GRAPHQL_PARSE_FAILED) but keeps the reported error as `originalError`; graphql-js's
 * own token limit is only recognisable by its message.
 */
function brokenLimit(formatted: GraphQLFormattedError, error: unknown): QueryLimit | null {
  const reported = (error as { originalError?: unknown } | null)?.originalError;
  if (reported instanceof QueryLimitError) return reported.extensions.limit as QueryLimit;
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && /Document contains more th(?:at|an) \d+ tokens/.test(formatted.message)) {
    return 'maxTokens';
  }
  return null;
}

const timeoutCodes = new Set(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']);

/** The operation ran out of time: its deadline had passed before a query, or Neo4j stopped the query at it. */
export function isOperationTimeout(error: unknown): boolean {
  return error instanceof DeadlineExceededError || (error instanceof Neo4jError && timeoutCodes.has(error.code));
}

const unavailableCodes = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Neo4jError) {
    return unavailableCodes.has(error.code) || error.code.startsWith('Neo.TransientError.General') || /connect|acquisition/i.test(error.message);
  }
  return false;
}

/**
 * Apollo's formatError: keeps coded GraphQL errors (validation, BAD_USER_INPUT...), turns a lost database into
 * SERVICE_UNAVAILABLE, and replaces anything unexpected with INTERNAL_SERVER_ERROR after logging it.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logUnexpected: (error: unknown) => void,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  // Before the outage and timeout checks: a write cut off during its commit is neither failed nor done.
  if (original instanceof OutcomeUnknownError) {
    return {
      message: 'The write may or may not have been applied (the database was lost or the time ran out while it committed). Send it again with the same Idempotency-Key: it is then applied exactly once.',
      path: formatted.path,
      extensions: { code: ErrorCode.OUTCOME_UNKNOWN },
    };
  }
  if (isDatabaseUnavailable(original)) {
    return { message: new ServiceUnavailableError().message, path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  if (isOperationTimeout(original)) {
    return { message: 'The operation ran out of time (OPERATION_TIMEOUT); ask for less.', path: formatted.path, extensions: { code: ErrorCode.OPERATION_TIMEOUT } };
  }
  const limit = brokenLimit(formatted, error);
  if (limit) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit } };
  }
  // Apollo has already coded every GraphQL error (validation, parsing, ours); anything uncoded arrives as
  // INTERNAL_SERVER_ERROR. Codes are compared rather than classes, which a dual-loaded graphql would break.
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Apollo refuses a few malformed requests with an uncoded error and an HTTP 4xx (a persisted-query hash that
  // does not match its document): the client's mistake, so its message stays, coded BAD_REQUEST.
  const httpStatus = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  if (typeof httpStatus === 'number' && httpStatus >= 400 && httpStatus < 500) {
    return { message: formatted.message, extensions: { code: ErrorCode.BAD_REQUEST } };
  }
  logUnexpected(original);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
