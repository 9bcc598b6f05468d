// Two-ended facts seen from the side asked about, and the analysts' filters on candidacies. Kept apart from the
// field model (./model.ts), which only calls these.
import type { CandidacyRecord, FamilyTieRecord } from '../repositories/records.js';

/** What the other end of a family tie is to this end, when the tie is read from its other side. */
const inverseRelation: Record<string, string> = { SPOUSE: 'SPOUSE', SIBLING: 'SIBLING', PARENT: 'CHILD', CHILD: 'PARENT' };

/**
 * Family ties as seen from `personId`: a tie recorded on the other person is turned round, so `person` is always
 * the one asked about, `relative` the other, and `relation` what the relative is to them. The fact's id is kept
 * (its citations and history are the same); `FamilyTie.recordedFor` still names the end it was recorded on.
 */
export function orientTies(ties: readonly FamilyTieRecord[], personId: string): FamilyTieRecord[] {
  return ties.map((tie) => {
    if (tie.subjectId === personId || !tie.objectIds.includes(personId)) return tie;
    const relation = tie.relation === null ? null : (inverseRelation[tie.relation] ?? tie.relation);
    return { ...tie, subjectId: personId, objectIds: tie.subjectId === null ? [] : [tie.subjectId], relation };
  });
}

/** `Election.candidacies(outcome:, rank:)`: the outcome, and the rank where the sources agree on it. */
export function matchesCandidacy(candidacy: CandidacyRecord, args: Record<string, unknown>): boolean {
  if (typeof args.outcome === 'string' && candidacy.outcome !== args.outcome) return false;
  if (typeof args.rank === 'number' && candidacy.values.rank !== args.rank) return false;
  return true;
}
