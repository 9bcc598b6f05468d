// The `Date` scalar: a full calendar day, `YYYY-MM-DD`; anything else is BAD_USER_INPUT.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate } from '../domain/partial-date.js';
import { ErrorCode } from '../errors.js';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError(`Date must be a calendar day written YYYY-MM-DD (got ${JSON.stringify(value)}).`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, `YYYY-MM-DD`.',
  serialize: (value) => parseDate(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
