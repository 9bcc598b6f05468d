// The one pagination helper: Relay connections over keyset cursors. A cursor is the opaque (base64url) sort
// key of the last item seen; a page is the items whose key sorts after it. Works for Cypher (`key > $after`)
// and for lists already in memory.
import { UserInputError } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageRequest {
  /** Items to return. */
  first: number;
  /** Sort key to start after, or null for the first page. */
  afterKey: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argumentName = 'after'): string {
  const text = /^[A-Za-z0-9_-]*$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith('k:')) throw new UserInputError(`Argument "${argumentName}" is not a cursor returned by this API.`, argumentName);
  return text.slice(2);
}

/** Validates `first`/`after`: `first` defaults to 20 and may not exceed 100. */
export function pageRequest(args: PageArgs, defaultSize = DEFAULT_PAGE_SIZE): PageRequest {
  const first = args.first ?? defaultSize;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new UserInputError(`Argument "first" must be between 0 and ${MAX_PAGE_SIZE} (got ${first}).`, 'first');
  }
  return { first, afterKey: args.after ? decodeCursor(args.after) : null };
}

/** Builds a connection from up to `first + 1` rows already sorted by key and filtered by `afterKey`. */
export function toConnection<T>(rows: { key: string; node: T }[], request: PageRequest, totalCount: number): Connection<T> {
  const page = rows.slice(0, request.first);
  const edges = page.map((r) => ({ cursor: encodeCursor(r.key), node: r.node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > request.first,
      hasPreviousPage: request.afterKey !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/** Pages a list held in memory, sorted by `key`. */
export function paginate<T>(items: T[], key: (item: T) => string, request: PageRequest): Connection<T> {
  const sorted = items.map((node) => ({ key: key(node), node })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rest = request.afterKey === null ? sorted : sorted.filter((r) => r.key > request.afterKey!);
  return toConnection(rest.slice(0, request.first + 1), request, items.length);
}
