// Idempotent writes (the `Idempotency-Key` request header of the IETF httpapi draft): a mutation sent again with
// the key it was first sent with answers the first outcome and writes nothing more. The record of that outcome
// (an :IdempotencyRecord) is written in the mutation's own transaction (see runEdit), so it exists exactly when
// the write committed; a retry whose request differs is refused with IDEMPOTENCY_KEY_REUSED.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { GraphQLError, print, type GraphQLResolveInfo } from 'graphql';
import type { Caller } from '../auth.js';
import { ErrorCode } from '../errors.js';

/** The header's name, as the draft spells it (HTTP header names are case-insensitive). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** A key is 1-255 visible ASCII characters (a UUID is the usual choice). */
const keyPattern = /^[\x21-\x7e]{1,255}$/;

/** One mutation field of one request made with a key. */
export interface IdempotencyScope {
  /** Who sent it: keys are per caller, so two callers' equal keys never meet. */
  caller: string;
  key: string;
  /** The response path of the field (its alias or name): one request may hold several mutations. */
  field: string;
  /** SHA-256 of the operation document and its variables: what "the same request" means. */
  requestHash: string;
}

/** The record's id: one per caller, key and mutation field. */
export function idempotencyRecordId(scope: IdempotencyScope): string {
  return createHash('sha256').update(`${scope.caller}\n${scope.key}\n${scope.field}`).digest('hex');
}

export class IdempotencyKeyReusedError extends GraphQLError {
  constructor(key: string) {
    super(
      `The Idempotency-Key ${JSON.stringify(key.slice(0, 80))} was first used with a different request; a key names one request. Use a new key for a new request.`,
      { extensions: { code: ErrorCode.IDEMPOTENCY_KEY_REUSED } },
    );
  }
}

export class InvalidIdempotencyKeyError extends GraphQLError {
  constructor() {
    super('The Idempotency-Key header must be 1-255 visible ASCII characters (a UUID, for instance), given once.', {
      extensions: { code: ErrorCode.BAD_REQUEST },
    });
  }
}

const current = new AsyncLocalStorage<IdempotencyScope>();

/** The scope of the mutation running now, if its request carried a key (read by runEdit inside the transaction). */
export function currentIdempotency(): IdempotencyScope | undefined {
  return current.getStore();
}

/**
 * Runs `work` as the mutation field `info` names, made with the request's Idempotency-Key header (absent: no
 * idempotency; repeated or malformed: refused with BAD_REQUEST).
 */
export function runIdempotent<T>(header: string | string[] | undefined, caller: Caller, info: GraphQLResolveInfo, work: () => T): T {
  if (header === undefined) return work();
  const key = Array.isArray(header) ? undefined : header;
  if (key === undefined || !keyPattern.test(key)) throw new InvalidIdempotencyKeyError();
  const scope: IdempotencyScope = {
    caller: caller.kind === 'key' ? `key:${caller.name}` : 'anonymous',
    key,
    field: String(info.path.key),
    requestHash: requestHash(info),
  };
  return current.run(scope, work);
}

/**
 * The request as the server understood it: the operation printed (whitespace and comments do not count), the
 * fragments it uses, and the variables with their keys sorted. A persisted query and its full text hash alike.
 */
function requestHash(info: GraphQLResolveInfo): string {
  const fragments = Object.keys(info.fragments)
    .sort()
    .map((name) => print(info.fragments[name]!));
  const text = JSON.stringify({ operation: print(info.operation), fragments, variables: canonical(info.variableValues) });
  return createHash('sha256').update(text).digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
