// Who is calling: API keys from `API_KEYS` (kept only as SHA-256 hashes, compared in constant time), the caller
// a request's `Authorization: Bearer <secret>` header names, and the role checks mutations make.
import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ErrorCode } from './errors.js';

export const roles = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** One configured key. The secret itself is never kept, only its hash. */
export interface ApiKey {
  /** Who holds the key; recorded as the actor of every change made with it. */
  name: string;
  role: Role;
  secretHash: Buffer;
}

/** The caller of one request: anonymous, or the holder of a recognised key. */
export type Caller = { kind: 'anonymous' } | { kind: 'key'; name: string; role: Role };

export const anonymous: Caller = { kind: 'anonymous' };

const MIN_SECRET_LENGTH = 16;
const rank: Record<Role, number> = { reader: 0, editor: 1, admin: 2 };

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Parses `name:role:secret,name:role:secret`. The secret is everything after the second colon, so it may itself
 * hold colons; it may not hold commas. Returns the problems instead of throwing so config.ts can name them.
 */
export function parseApiKeys(text: string): { keys: ApiKey[]; problems: string[] } {
  const keys: ApiKey[] = [];
  const problems: string[] = [];
  const names = new Set<string>();
  const hashes = new Set<string>();
  text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .forEach((entry, i) => {
      const first = entry.indexOf(':');
      const second = first < 0 ? -1 : entry.indexOf(':', first + 1);
      // Never echo the entry: it holds a secret.
      if (second < 0) return problems.push(`entry ${i + 1} is not name:role:secret`);
      const name = entry.slice(0, first);
      const role = entry.slice(first + 1, second);
      const secret = entry.slice(second + 1);
      if (!/^[\w.@-]{1,64}$/.test(name)) problems.push(`entry ${i + 1}: the name must be 1-64 letters, digits, _ . @ or -`);
      if (!(roles as readonly string[]).includes(role)) problems.push(`entry ${i + 1} (${name}): role must be one of ${roles.join(', ')}`);
      if (secret.length < MIN_SECRET_LENGTH) problems.push(`entry ${i + 1} (${name}): the secret must be at least ${MIN_SECRET_LENGTH} characters`);
      if (names.has(name)) problems.push(`entry ${i + 1}: the name ${name} is used twice`);
      const hash = sha256(secret);
      if (hashes.has(hash.toString('hex'))) problems.push(`entry ${i + 1} (${name}): the same secret is given to two keys`);
      names.add(name);
      hashes.add(hash.toString('hex'));
      keys.push({ name, role: role as Role, secretHash: hash });
    });
  return { keys, problems };
}

export class AuthError extends GraphQLError {
  constructor(code: typeof ErrorCode.UNAUTHENTICATED | typeof ErrorCode.FORBIDDEN, message: string) {
    super(message, { extensions: { code, http: { status: code === ErrorCode.UNAUTHENTICATED ? 401 : 403 } } });
  }
}

export interface AuthOptions {
  API_KEYS: ApiKey[];
  REQUIRE_AUTH_FOR_READS: boolean;
}

/**
 * Builds the function server.ts calls once per request with its Authorization header. It throws (failing the
 * whole request with UNAUTHENTICATED) for a key that is not recognised, and for no key at all when reads
 * require one; otherwise it returns the caller, and each mutation checks the role it needs.
 */
export function createAuthenticator(options: AuthOptions): (authorization: string | undefined) => Caller {
  const keys = options.API_KEYS;
  return (authorization) => {
    if (authorization === undefined || authorization.trim() === '') {
      if (options.REQUIRE_AUTH_FOR_READS) throw new AuthError(ErrorCode.UNAUTHENTICATED, 'This API requires a key: send Authorization: Bearer <key>.');
      return anonymous;
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new AuthError(ErrorCode.UNAUTHENTICATED, 'The Authorization header must be "Bearer <key>".');
    const presented = sha256(match[1]!);
    // Compare against every key, without stopping at a match, so timing says nothing about which key matched.
    let found: ApiKey | null = null;
    for (const key of keys) {
      if (timingSafeEqual(presented, key.secretHash) && found === null) found = key;
    }
    if (!found) throw new AuthError(ErrorCode.UNAUTHENTICATED, 'The API key is not recognised.');
    return { kind: 'key', name: found.name, role: found.role };
  };
}

/** The caller's name when they hold at least `role`; UNAUTHENTICATED without a key, FORBIDDEN with too weak a key. */
export function requireRole(caller: Caller, role: Role): string {
  if (caller.kind === 'anonymous') {
    throw new AuthError(ErrorCode.UNAUTHENTICATED, `This operation needs an API key with the ${role} role: send Authorization: Bearer <key>.`);
  }
  if (rank[caller.role] < rank[role]) {
    throw new AuthError(ErrorCode.FORBIDDEN, `The key "${caller.name}" has the ${caller.role} role; this operation needs ${role}.`);
  }
  return caller.name;
}
