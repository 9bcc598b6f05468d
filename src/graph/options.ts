// The arguments every network query shares (relationship types, day, depth, sizes), checked once for GraphQL,
// the /export route and the export CLI alike: a bad value is a BAD_USER_INPUT naming the argument.
import { relationTypes, type RelationType } from '../dataset/to-graph.js';
import { isCalendarDate } from '../domain/partial-date.js';
import { UserInputError } from '../errors.js';
import type { NetworkFilter } from '../repositories/graph-repository.js';

const knownTypes = new Set<string>(relationTypes);

/** `types` must name relationship types from `relationTypes`; empty or absent means all of them. */
export function relationTypesArg(types: readonly string[] | null | undefined, argumentName = 'types'): RelationType[] | null {
  if (!types || types.length === 0) return null;
  const unknown = types.filter((t) => !knownTypes.has(t));
  if (unknown.length > 0) {
    throw new UserInputError(
      `Argument "${argumentName}" has unknown relationship types: ${unknown.join(', ')}. Known: ${relationTypes.join(', ')}.`,
      argumentName,
    );
  }
  return [...new Set(types)] as RelationType[];
}

/** A day `YYYY-MM-DD` (GraphQL's Date scalar already checks it; the HTTP route and CLI check here). */
export function asOfArg(asOf: string | null | undefined, argumentName = 'asOf'): string | null {
  if (asOf === null || asOf === undefined || asOf === '') return null;
  if (!isCalendarDate(asOf)) throw new UserInputError(`Argument "${argumentName}" must be a day written YYYY-MM-DD (got "${asOf}").`, argumentName);
  return asOf;
}

export function networkFilter(types: readonly string[] | null | undefined, asOf: string | null | undefined): NetworkFilter {
  return { types: relationTypesArg(types), asOf: asOfArg(asOf) };
}

/** An integer argument within bounds; absent means the default. */
export function intArg(value: number | null | undefined, fallback: number, min: number, max: number, argumentName: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new UserInputError(`Argument "${argumentName}" must be an integer from ${min} to ${max} (got ${v}).`, argumentName);
  }
  return v;
}
