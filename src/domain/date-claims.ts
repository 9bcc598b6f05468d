// Dates the sources may disagree on, kept as claims when two records of one thing are merged (a Popolo file's record
// into the stored one, or two entities by mergeEntities): a date that refines another is the finer one, a date that
// contradicts every known one is a claim of its own beside them, each with its citations (src/domain/value-claims.ts
// folds them; this module says when two dates agree). Pure.
import type { Citation } from '../dataset/schema.js';
import { mergeAllClaims, mergeClaim, type Claimable, type ClaimHolders, type ClaimRule, type ValueClaim } from './value-claims.js';

const partialDatePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export type DateClaim = ValueClaim<string>;
/** A claimable date as the dataset writes it: plain, one cited value, or claims. */
export type ClaimableDate = Claimable<string>;
/** Who holds the two dates, in the conflicts reported: the graph and the file, for an import. */
export type DateHolders = ClaimHolders;

/** Whether two partial dates agree at the coarser precision (2016 and 2016-03-20 do; 2016-03-20 and -21 do not). */
export function refines(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

/** Partial dates: two agree where one refines the other, and become the finer; a date is stated by its record. */
export const dateRule: ClaimRule<string> = {
  accepts: (value): value is string => typeof value === 'string' && partialDatePattern.test(value),
  join: (a, b) => (refines(a, b) ? (b.length > a.length ? b : a) : undefined),
  stating: (_field, _value, citations) => [...citations],
};

/** A date merge as the callers write it: field, the two dates, each record's citations, conflicts, holders. */
type DateMerge = (
  field: string,
  stored: ClaimableDate,
  incoming: ClaimableDate,
  storedCitations: readonly Citation[],
  incomingCitations: readonly Citation[],
  conflicts: string[],
  holders?: DateHolders,
) => ClaimableDate;

/**
 * A claimable date after a merge (an election's polling day, a term's or a membership's dates; `field` names it
 * in the conflict reported): `mergeClaim` with the date rule. Undefined: keep the stored value.
 */
export const mergeDateClaims: DateMerge = (field, stored, incoming, storedCitations, incomingCitations, conflicts, holders) =>
  mergeClaim({ rule: dateRule, field, storedCitations, incomingCitations, conflicts, holders }, stored, incoming);

/** Every claim of `incoming` folded into `stored` (`mergeAllClaims` with the date rule). Undefined: keep the stored value. */
export const mergeAllDateClaims: DateMerge = (field, stored, incoming, storedCitations, incomingCitations, conflicts, holders) =>
  mergeAllClaims({ rule: dateRule, field, storedCitations, incomingCitations, conflicts, holders }, stored, incoming);
