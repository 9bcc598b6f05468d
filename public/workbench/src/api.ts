// The workbench's only I/O: the public GraphQL API at /graphql, with the signed-in key as a bearer token and,
// on every mutation, a fresh Idempotency-Key (a retry of the same submission reuses it). Errors become ApiError
// with a kind the page explains (offline, refused, conflict, bad input, server).

import type { TypedDocumentString } from './gql/graphql.js';

export type ErrorKind = 'offline' | 'unauthenticated' | 'forbidden' | 'bad-input' | 'server';

export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const KEY_STORAGE = 'kz-workbench-key';

/** The API key of this tab: sessionStorage only (gone with the tab), never in a URL or a log line. */
export const credentials = {
  get: (): string | null => sessionStorage.getItem(KEY_STORAGE),
  set: (key: string): void => sessionStorage.setItem(KEY_STORAGE, key),
  clear: (): void => sessionStorage.removeItem(KEY_STORAGE),
};

/** Told whether the server answered (true) or could not be reached (false), after every request. */
export const connectivity = { onChange: (_reachable: boolean): void => undefined };

let inFlight = 0;
const idleWaiters: (() => void)[] = [];
/** Resolves once no request is in flight. */
export function networkIdle(): Promise<void> {
  return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
}

const kindOfCode = (code: string | null): ErrorKind =>
  code === 'UNAUTHENTICATED' ? 'unauthenticated' : code === 'FORBIDDEN' ? 'forbidden' : code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' ? 'bad-input' : 'server';

/**
 * A query or mutation: a typed document (its result type follows) or a document built at run time (the
 * generated forms'); `idempotencyKey` marks a write.
 */
export async function request<T, V>(document: TypedDocumentString<T, V>, variables?: V, idempotencyKey?: string, key?: string | null): Promise<T>;
export async function request<T>(document: string, variables?: Record<string, unknown>, idempotencyKey?: string, key?: string | null): Promise<T>;
export async function request<T>(document: string | { toString(): string }, variables: unknown = {}, idempotencyKey?: string, key: string | null = credentials.get()): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  inFlight += 1;
  try {
    let res: Response;
    try {
      res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: String(document), variables }) });
    } catch {
      connectivity.onChange(false);
      throw new ApiError('offline', 'The server cannot be reached (offline?). Nothing was lost: retry when it is back.');
    }
    connectivity.onChange(true);
    let body: Answer<T>;
    try {
      body = (await res.json()) as Answer<T>;
    } catch {
      throw new ApiError('server', `The server answered HTTP ${res.status} without JSON.`);
    }
    const first = body.errors?.[0];
    if (first) {
      const code = first.extensions?.code ?? null;
      throw new ApiError(kindOfCode(code), first.message, code);
    }
    if (!body.data) throw new ApiError('server', `The server answered HTTP ${res.status} without data.`);
    return body.data;
  } finally {
    inFlight -= 1;
    if (inFlight === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
  }
}
