// Dismissed duplicate candidates: pairs of entities a curator judged different, stored as :DuplicateDismissal
// nodes keyed by the pair (smaller id first) so `duplicateCandidates` stops proposing them.
import type { ManagedTransaction } from 'neo4j-driver';

export interface DuplicateDismissalRecord {
  entityId: string;
  duplicateId: string;
  reason: string;
  actor: string;
  at: string;
}

/** The pair's key: the two ids in order, so (a, b) and (b, a) are one pair. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}

/** Stores a dismissal unless the pair has one; the stored one either way, and whether it is new. */
export async function storeDismissal(tx: ManagedTransaction, d: DuplicateDismissalRecord): Promise<{ dismissal: DuplicateDismissalRecord; created: boolean }> {
  const [entityId, duplicateId] = d.entityId < d.duplicateId ? [d.entityId, d.duplicateId] : [d.duplicateId, d.entityId];
  const result = await tx.run(
    `MERGE (x:DuplicateDismissal {pair: $pair})
     ON CREATE SET x.entityId = $entityId, x.duplicateId = $duplicateId, x.reason = $reason, x.actor = $actor, x.at = $at, x.created = true
     WITH x, coalesce(x.created, false) AS created
     REMOVE x.created
     RETURN x {.entityId, .duplicateId, .reason, .actor, .at} AS x, created`,
    { pair: pairKey(entityId, duplicateId), entityId, duplicateId, reason: d.reason, actor: d.actor, at: d.at },
  );
  const row = result.records[0]!;
  const x = row.get('x') as Record<string, unknown>;
  return {
    dismissal: { entityId: String(x.entityId), duplicateId: String(x.duplicateId), reason: String(x.reason), actor: String(x.actor), at: String(x.at) },
    created: row.get('created') === true,
  };
}

