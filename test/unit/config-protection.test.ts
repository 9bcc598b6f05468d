// The protection settings in config: documented defaults, CORS origins parsed, bad values named.
import { describe, expect, it } from 'vitest';
import { refusalOf } from './config-refusal.js';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('protection settings', () => {
  it('have the documented defaults', () => {
    const c = loadConfig({});
    expect([c.OPERATION_TIMEOUT, c.MAX_DEPTH, c.MAX_COST, c.MAX_ALIASES, c.MAX_TOKENS, c.MAX_DIRECTIVES]).toEqual(['10s', 40, 20000, 30, 2000, 20]);
    expect([c.RATE_LIMIT_PER_MINUTE, c.TRUST_PROXY, c.CORS_ORIGINS, c.INTROSPECTION, c.PERSISTED_QUERIES, c.TRUSTED_DOCUMENTS]).toEqual([
      600,
      0,
      [],
      undefined,
      true,
      undefined,
    ]);
  });

  it('reads CORS origins as a list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example, http://localhost:5173' }).CORS_ORIGINS).toEqual(['https://app.example', 'http://localhost:5173']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).CORS_ORIGINS).toEqual(['*']);
  });

  it.each([
    ['CORS_ORIGINS', 'ftp://files.example'],
    ['CORS_ORIGINS', 'https://app.example/path'],
    ['OPERATION_TIMEOUT', '10'],
    ['MAX_DEPTH', '0'],
    ['MAX_ALIASES', 'many'],
    ['RATE_LIMIT_PER_MINUTE', '-1'],
    ['INTROSPECTION', 'maybe'],
    ['TRUST_PROXY', '99'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    const error = refusalOf({ [name]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(name);
  });
});
