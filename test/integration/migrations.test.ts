// Migrations are idempotent: a second run applies nothing and leaves the schema as it was.
import { afterAll, describe, expect, it } from 'vitest';
import { latestMigration, migrate, migrationsDone } from '../../src/neo4j/migrations.js';
import { testDatabase } from '../helpers.js';

const db = testDatabase();
afterAll(async () => {
  await db.driver.close();
});

async function schemaShape(): Promise<string[]> {
  const constraints = await db.read('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name', {}, (r) => `c:${String(r.name)}`);
  const indexes = await db.read('SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name', {}, (r) => `i:${String(r.name)}:${String(r.state)}`);
  return [...constraints, ...indexes];
}

describe('migrations', () => {
  it('run twice without error and without change', async () => {
    const before = await schemaShape();
    expect(await migrate(db)).toEqual([]);
    expect(await migrate(db)).toEqual([]);
    expect(await schemaShape()).toEqual(before);
    expect(before).toContain('c:entity_id');
    expect(before).toContain('i:entity_search:ONLINE');
    // addSource's document keys (migration 5): concurrent calls of one document queue on them.
    expect(before).toContain('c:source_key');
    expect(await migrationsDone(db)).toBe(true);
    expect(latestMigration).toBeGreaterThanOrEqual(1);
  });
});
