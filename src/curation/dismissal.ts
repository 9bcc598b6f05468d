// Dismissing a duplicate candidate: a curator's judgement that two entities of one kind are different, stored
// so the pair is not proposed again, and recorded in the audit trail of both (one transaction, like every write).
import type { Database } from '../neo4j/database.js';
import type { ChangeRecord } from '../repositories/curation-repository.js';
import { storeDismissal, type DuplicateDismissalRecord } from '../repositories/dismissal-repository.js';
import { refuse, runEdit, type UserError } from './engine.js';

export interface DismissalResult {
  dismissal: DuplicateDismissalRecord | null;
  changes: ChangeRecord[];
  errors: UserError[];
}

export async function dismissDuplicate(db: Database, actor: string, entityId: string, duplicateId: string, reason: string): Promise<DismissalResult> {
  const outcome = await runEdit(db, actor, async (scope) => {
    if (reason.trim() === '') refuse('reason', 'INVALID', 'Give the reason the two are different entities.');
    if (entityId === duplicateId) refuse('duplicate', 'INVALID', 'An entity cannot be dismissed as a duplicate of itself.');
    await scope.lock([
      { id: entityId, label: 'Entity', create: false },
      { id: duplicateId, label: 'Entity', create: false },
    ]);
    const lookup = await scope.lookup([entityId, duplicateId]);
    for (const [field, id] of [['entity', entityId], ['duplicate', duplicateId]] as const) {
      const mergedInto = lookup.redirects.get(id);
      if (mergedInto) refuse(field, 'MERGED', `${id} was merged into ${mergedInto}; use that one.`);
      if (!lookup.entities.has(id)) refuse(field, 'NOT_FOUND', `No entity ${id}.`);
    }
    if (lookup.entities.get(entityId) !== lookup.entities.get(duplicateId)) {
      refuse('duplicate', 'WRONG_KIND', `${entityId} and ${duplicateId} are of different kinds; only entities of one kind are proposed as duplicates.`);
    }
    const stored = await storeDismissal(scope.tx, { entityId, duplicateId, reason, actor, at: scope.at });
    if (stored.created) {
      const d = stored.dismissal;
      await scope.audit([
        {
          operation: 'dismissDuplicate',
          targetId: d.entityId,
          before: null,
          after: JSON.stringify({ entity: d.entityId, duplicate: d.duplicateId, notDuplicates: true }),
          reason,
          subjects: [d.entityId, d.duplicateId],
        },
      ]);
    }
    return stored.dismissal;
  });
  if ('errors' in outcome) return { dismissal: null, changes: [], errors: outcome.errors };
  return { dismissal: outcome.value, changes: outcome.changes, errors: [] };
}
