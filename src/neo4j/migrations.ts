// Schema migrations: idempotent constraints and indexes, applied in order and recorded in the database so
// `/ready` can tell when they are done. Safe to run on every start and from several processes.
import type { Database } from './database.js';

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'unique ids and lookup indexes',
    statements: [
      'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT fact_id IF NOT EXISTS FOR (n:Fact) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (n:Migration) REQUIRE n.version IS UNIQUE',
      'CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind, n.sortName)',
      'CREATE INDEX fact_kind IF NOT EXISTS FOR (n:Fact) ON (n.kind)',
      'CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.dateStart)',
      'CREATE INDEX source_date IF NOT EXISTS FOR (n:Source) ON (n.date)',
      "CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchKeys] OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false } }",
    ],
  },
  {
    version: 2,
    name: 'curation: audit trail of changes, redirects of merged ids',
    statements: [
      'CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (n:Redirect) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at, n.id)',
      'CREATE INDEX change_actor IF NOT EXISTS FOR (n:Change) ON (n.actor)',
      'CREATE INDEX redirect_to IF NOT EXISTS FOR (n:Redirect) ON (n.to)',
    ],
  },
  {
    version: 3,
    name: 'writes: idempotency records, audit sequence, staged imports',
    statements: [
      'CREATE CONSTRAINT idempotency_record_id IF NOT EXISTS FOR (n:IdempotencyRecord) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX idempotency_record_at IF NOT EXISTS FOR (n:IdempotencyRecord) ON (n.at)',
      'CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX staged_import IF NOT EXISTS FOR (n:Staged) ON (n.importId, n.id)',
      // Changes recorded before the sequence existed: numbered per subject in time order, after any numbered ones.
      `MATCH (t)<-[h:CHANGED]-(c:Change) WHERE h.seq IS NULL
       WITH t, h, c ORDER BY c.at, c.id
       WITH t, collect(h) AS hs
       CALL (t) { OPTIONAL MATCH (t)<-[old:CHANGED]-(:Change) WHERE old.seq IS NOT NULL RETURN coalesce(max(old.seq), 0) AS last }
       UNWIND range(0, size(hs) - 1) AS i
       WITH hs[i] AS h, last + i + 1 AS seq
       SET h.seq = seq`,
      'MATCH (c:Change)-[h:CHANGED]->(t) WHERE c.seq IS NULL AND t.id = c.targetId SET c.seq = h.seq',
    ],
  },
  {
    version: 4,
    name: 'sources: found by canonical URL and by text digest (addSource returns the stored one)',
    statements: [
      'CREATE INDEX source_url IF NOT EXISTS FOR (n:Source) ON (n.url)',
      'CREATE INDEX source_sha256 IF NOT EXISTS FOR (n:Source) ON (n.sha256)',
    ],
  },
  {
    version: 5,
    name: 'sources: one key node per canonical URL and per text digest, so concurrent addSource calls of one document queue',
    statements: ['CREATE CONSTRAINT source_key IF NOT EXISTS FOR (n:SourceKey) REQUIRE n.key IS UNIQUE'],
  },
];

export const latestMigration = Math.max(...migrations.map((m) => m.version));

/** Applies every migration not yet recorded; returns the versions applied by this call. */
export async function migrate(db: Database): Promise<number[]> {
  const applied: number[] = [];
  for (const migration of migrations) {
    // Schema statements cannot share a transaction with data writes, so each runs on its own; all are idempotent.
    for (const statement of migration.statements) await db.write(statement, {});
    const result = await db.write(
      'MERGE (m:Migration {version: $version}) ON CREATE SET m.name = $name, m.appliedAt = datetime(), m.created = true ON MATCH SET m.created = false RETURN m.created AS created',
      { version: migration.version, name: migration.name },
    );
    if (result.records[0]?.get('created') === true) applied.push(migration.version);
  }
  await db.write('CALL db.awaitIndexes(60)', {});
  return applied;
}

/** True when the newest migration is recorded. */
export async function migrationsDone(db: Database): Promise<boolean> {
  const rows = await db.read('MATCH (m:Migration {version: $version}) RETURN count(m) AS n', { version: latestMigration }, (r) => Number(r.n));
  return (rows[0] ?? 0) > 0;
}
