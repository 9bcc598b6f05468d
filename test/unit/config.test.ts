// Configuration: defaults, and a bad value names its variable.
import { describe, expect, it } from 'vitest';
import { refusalOf } from './config-refusal.js';
import { ConfigError, durationMs, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('gives the documented defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(4000);
    expect(c.DATA_DIR).toBe('./.data');
    expect(c.NEO4J_BOLT_PORT).toBe(7687);
    expect(c.NEO4J_URI).toBeUndefined();
    expect(c.SEED_ON_START).toBe(true);
  });

  it('honours PORT, DATA_DIR and NEO4J_BOLT_PORT', () => {
    const c = loadConfig({ PORT: '4611', DATA_DIR: '/tmp/x', NEO4J_BOLT_PORT: '7611' });
    expect([c.PORT, c.DATA_DIR, c.NEO4J_BOLT_PORT]).toEqual([4611, '/tmp/x', 7611]);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['NEO4J_BOLT_PORT', '0'],
    ['NEO4J_URI', 'http://example.org'],
    ['NEO4J_HEAP', 'lots'],
    ['NEO4J_TX_TIMEOUT', '30'],
    ['LOG_LEVEL', 'loud'],
    ['SEED_ON_START', 'maybe'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    const error = refusalOf({ [name]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(name);
    expect((error as ConfigError).message).toContain(value);
  });

  it('requires a password for a remote NEO4J_URI', () => {
    expect(() => loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.example' })).toThrow(/NEO4J_PASSWORD/);
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.example', NEO4J_PASSWORD: 'pw' }).NEO4J_URI).toContain('neo4j+s');
  });

  it('reads durations', () => {
    expect(durationMs('30s')).toBe(30_000);
    expect(durationMs('250ms')).toBe(250);
  });
});
