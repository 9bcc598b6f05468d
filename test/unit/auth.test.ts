// API keys: parsed from API_KEYS into names, roles and hashes only; a request's key names its caller; roles rank.
import { describe, expect, it } from 'vitest';
import { createAuthenticator, parseApiKeys, requireRole, type Caller } from '../../src/auth.js';
import { ConfigError, loadConfig } from '../../src/config.js';

const KEYS = 'alice:editor:alice-secret-0123456789,root:admin:root:secret:with:colons,rita:reader:rita-secret-0123456789';

function codeOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
  return null;
}

describe('API_KEYS', () => {
  it('keeps names and roles, and only a SHA-256 hash of each secret', () => {
    const { keys, problems } = parseApiKeys(KEYS);
    expect(problems).toEqual([]);
    expect(keys.map((k) => [k.name, k.role])).toEqual([
      ['alice', 'editor'],
      ['root', 'admin'],
      ['rita', 'reader'],
    ]);
    expect(keys.every((k) => k.secretHash.length === 32)).toBe(true);
    expect(JSON.stringify(keys)).not.toContain('alice-secret');
  });

  it('refuses malformed entries, unknown roles, short or shared secrets, and never echoes a secret', () => {
    const bad = 'no-colons-here, bob:owner:bob-secret-0123456789, carl:editor:short, dan:editor:same-secret-0123456789, eve:admin:same-secret-0123456789';
    expect(parseApiKeys(bad).problems).toEqual([
      'entry 1 is not name:role:secret',
      'entry 2 (bob): role must be one of reader, editor, admin',
      'entry 3 (carl): the secret must be at least 16 characters',
      'entry 5 (eve): the same secret is given to two keys',
    ]);
    let error: unknown;
    try {
      loadConfig({ API_KEYS: bad });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('API_KEYS');
    expect((error as Error).message).not.toContain('secret-0123456789');
    expect(loadConfig({}).API_KEYS).toEqual([]);
    expect(loadConfig({}).REQUIRE_AUTH_FOR_READS).toBe(false);
  });
});

describe('the authenticator', () => {
  const config = loadConfig({ API_KEYS: KEYS });
  const open = createAuthenticator(config);
  const closed = createAuthenticator({ ...config, REQUIRE_AUTH_FOR_READS: true });

  it('names the caller of a recognised key; no header is anonymous unless reads need a key', () => {
    expect(open('Bearer alice-secret-0123456789')).toEqual({ kind: 'key', name: 'alice', role: 'editor' });
    expect(open('bearer   root:secret:with:colons ')).toEqual({ kind: 'key', name: 'root', role: 'admin' });
    expect(open(undefined)).toEqual({ kind: 'anonymous' });
    expect(codeOf(() => closed(undefined))).toBe('UNAUTHENTICATED');
    expect(closed('Bearer rita-secret-0123456789')).toEqual({ kind: 'key', name: 'rita', role: 'reader' });
  });

  it('refuses an unknown key or another scheme, whatever reads need', () => {
    expect(codeOf(() => open('Bearer alice-secret-012345678'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => open('Basic YWxpY2U6cGFzcw=='))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => open('Bearer'))).toBe('UNAUTHENTICATED');
  });

  it('ranks reader < editor < admin', () => {
    const anonymous: Caller = { kind: 'anonymous' };
    const reader: Caller = { kind: 'key', name: 'rita', role: 'reader' };
    const editor: Caller = { kind: 'key', name: 'alice', role: 'editor' };
    const admin: Caller = { kind: 'key', name: 'root', role: 'admin' };
    expect(codeOf(() => requireRole(anonymous, 'editor'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireRole(reader, 'editor'))).toBe('FORBIDDEN');
    expect(requireRole(editor, 'editor')).toBe('alice');
    expect(codeOf(() => requireRole(editor, 'admin'))).toBe('FORBIDDEN');
    expect(requireRole(admin, 'editor')).toBe('root');
  });
});
