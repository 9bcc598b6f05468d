// Cypher of idempotent writes: the :IdempotencyRecord of a mutation made with an Idempotency-Key, claimed and
// completed inside the mutation's own transaction (src/curation/engine.ts), and the removal of expired ones.
import type { ManagedTransaction } from 'neo4j-driver';
import { int, type Database } from '../neo4j/database.js';

export interface StoredOutcome {
  requestHash: string;
  /** The mutation's outcome as JSON text. */
  outcome: string;
}

/**
 * The committed record of `id`, or null after taking the key (MERGE on the unique id: a concurrent request with
 * the same key waits here until this transaction ends, then finds what it committed). The MERGE leaves a
 * placeholder that `completeIdempotencyRecord` fills before the commit; if the transaction rolls back, neither
 * remains.
 */
export async function claimIdempotencyRecord(tx: ManagedTransaction, id: string, caller: string, requestHash: string): Promise<StoredOutcome | null> {
  const result = await tx.run(
    `MERGE (r:IdempotencyRecord {id: $id})
     ON CREATE SET r.caller = $caller, r.requestHash = $requestHash
     RETURN r.requestHash AS requestHash, r.outcome AS outcome`,
    { id, caller, requestHash },
  );
  const row = result.records[0]?.toObject() as { requestHash?: unknown; outcome?: unknown } | undefined;
  if (!row || typeof row.outcome !== 'string') return null;
  return { requestHash: String(row.requestHash), outcome: row.outcome };
}

export async function completeIdempotencyRecord(tx: ManagedTransaction, id: string, outcome: string, at: string): Promise<void> {
  await tx.run('MATCH (r:IdempotencyRecord {id: $id}) SET r.outcome = $outcome, r.at = $at', { id, outcome, at });
}

/** Removes records older than `before` (ISO time), a batch at a time; returns how many went. */
export async function pruneIdempotencyRecords(db: Database, before: string): Promise<number> {
  let removed = 0;
  for (;;) {
    const result = await db.write(
      'MATCH (r:IdempotencyRecord) WHERE r.at < $before WITH r LIMIT $batch DELETE r RETURN count(*) AS n',
      { before, batch: int(5_000) },
    );
    const n = Number(result.records[0]?.get('n') ?? 0);
    removed += n;
    if (n === 0) return removed;
  }
}
