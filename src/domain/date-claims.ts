// Dates the sources may disagree on, kept as claims when two records of one thing are merged (a Popolo file's record
// into the stored one, or two entities by mergeEntities): a date that refines another is the finer one, a date that
// contradicts every known one is a claim of its own beside them, each with its citations. Pure.
import type { Citation } from '../dataset/schema.js';

const partialDatePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export type DateClaim = { value: string; qualifier?: string; citations: Citation[] };
/** A claimable date as the dataset writes it: plain, one cited value, or claims. */
export type ClaimableDate = string | DateClaim | { claims: DateClaim[] } | undefined;

const citationKey = (c: Citation) => `${c.source}\n${c.quote ?? ''}\n${c.locator ?? ''}`;
function uniqueBy<T>(list: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}

/** Whether two partial dates agree at the coarser precision (2016 and 2016-03-20 do; 2016-03-20 and -21 do not). */
export function refines(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

/** Who holds the two dates, in the conflicts reported: the graph and the file, for an import. */
export interface DateHolders {
  stored: string;
  incoming: string;
}
const importHolders: DateHolders = { stored: 'the graph', incoming: 'the file' };

/**
 * A claimable date after a merge (an election's polling day, a term's or a membership's dates; `field` names it
 * in the conflict reported). The incoming date joins the stored claim it equals or refines (the finer value kept,
 * both citations), and where it disagrees with every stored date it becomes a claim of its own beside them, cited
 * by its record: the sources' disagreement is kept, never settled by the merge. A plain stored date counts as one
 * claim cited by the stored record's citations. Undefined: keep the stored value.
 */
export function mergeDateClaims(
  field: string,
  stored: ClaimableDate,
  incoming: ClaimableDate,
  storedCitations: readonly Citation[],
  incomingCitations: readonly Citation[],
  conflicts: string[],
  holders: DateHolders = importHolders,
): ClaimableDate {
  if (stored === undefined || typeof incoming !== 'string' || !partialDatePattern.test(incoming)) return undefined;
  if (typeof stored === 'string') {
    if (!partialDatePattern.test(stored)) return undefined;
    if (refines(stored, incoming)) return incoming.length > stored.length ? incoming : undefined;
    conflicts.push(`${field}: ${holders.stored} has ${stored}, ${holders.incoming} ${incoming}; both are kept as claims, each with its citations`);
    return { claims: [{ value: stored, citations: [...storedCitations] }, { value: incoming, citations: [...incomingCitations] }] };
  }
  const claims: DateClaim[] = 'claims' in stored ? stored.claims.map((c) => ({ ...c })) : [{ ...stored }];
  const cite = (c: DateClaim) => ({ ...c, citations: uniqueBy([...c.citations, ...incomingCitations], citationKey) });
  const same = claims.findIndex((c) => c.value === incoming);
  const compatible = same >= 0 ? same : claims.findIndex((c) => refines(c.value, incoming));
  if (compatible >= 0) {
    const c = claims[compatible]!;
    claims[compatible] = { ...cite(c), value: incoming.length > c.value.length ? incoming : c.value };
  } else {
    conflicts.push(`${field}: ${holders.stored} has ${claims.map((c) => c.value).join(', ')}, ${holders.incoming} ${incoming}; both are kept as claims, each with its citations`);
    claims.push({ value: incoming, citations: [...incomingCitations] });
  }
  return claims.length === 1 ? claims[0] : { claims };
}

/**
 * Every claim of `incoming` (plain, cited or claims) folded into `stored` in turn with `mergeDateClaims`; a plain
 * incoming date is cited by `incomingCitations`. Undefined: keep the stored value.
 */
export function mergeAllDateClaims(
  field: string,
  stored: ClaimableDate,
  incoming: ClaimableDate,
  storedCitations: readonly Citation[],
  incomingCitations: readonly Citation[],
  conflicts: string[],
  holders: DateHolders = importHolders,
): ClaimableDate {
  if (incoming === undefined) return undefined;
  const parts: DateClaim[] = typeof incoming === 'string' ? [{ value: incoming, citations: [...incomingCitations] }] : 'claims' in incoming ? incoming.claims : [incoming];
  let out: ClaimableDate = stored;
  let changed = false;
  for (const part of parts) {
    const next = mergeDateClaims(field, out, part.value, typeof out === 'string' ? storedCitations : [], part.citations, conflicts, holders);
    if (next !== undefined) {
      out = next;
      changed = true;
    }
  }
  return changed ? out : undefined;
}
