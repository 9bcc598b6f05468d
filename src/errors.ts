// Error classes with stable `extensions.code`s, and the single place where any thrown error becomes what a
// client sees: coded errors pass through, database outages become SERVICE_UNAVAILABLE, the rest is hidden.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Neo4jError } from 'neo4j-driver';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class UserInputError extends GraphQLError {
  constructor(message: string, argumentName?: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argumentName ? { argumentName } : {}) } });
  }
}

export class ServiceUnavailableError extends GraphQLError {
  constructor(message = 'The database is unavailable; try again shortly.') {
    super(message, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } });
  }
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
  if (isDatabaseUnavailable(original)) {
    return { message: new ServiceUnavailableError().message, path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  // Apollo has already coded every GraphQL error (validation, parsing, ours); anything uncoded arrives as
  // INTERNAL_SERVER_ERROR. Codes are compared rather than classes, which a dual-loaded graphql would break.
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logUnexpected(original);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
