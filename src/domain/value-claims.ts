// Values the sources may disagree on, kept as claims when two records of one thing are merged: a value the other
// record agrees with (equal, or for dates one that refines it) joins its claim with both records' citations; a
// value that contradicts every known one becomes a claim of its own beside them, cited by its record. Pure.
import type { Citation } from '../dataset/schema.js';
import { statesValue } from './value-citations.js';

export type ValueClaim<T> = { value: T; qualifier?: string; citations: Citation[] };
/** A claimable value as the dataset writes it: plain, one cited value, or claims. */
export type Claimable<T> = T | ValueClaim<T> | { claims: ValueClaim<T>[] } | undefined;

/** What decides, for one kind of value, whether two records agree on it. */
export interface ClaimRule<T> {
  /** Whether a plain value is one of this kind. */
  accepts(value: unknown): value is T;
  /** The value two agreeing claims become (the finer of two dates), or undefined where they disagree. */
  join(a: T, b: T): T | undefined;
  /** Which of a record's citations state its plain value (a claim needs at least one: all, where none does). */
  stating(field: string, value: T, citations: readonly Citation[]): Citation[];
}

/** Who holds the two values, in the conflicts reported: the graph and the file, for an import. */
export interface ClaimHolders {
  stored: string;
  incoming: string;
}
const importHolders: ClaimHolders = { stored: 'the graph', incoming: 'the file' };

/** One field's merge: how its values agree, its name, each record's citations, where conflicts are reported. */
export interface ClaimMerge<T> {
  rule: ClaimRule<T>;
  field: string;
  storedCitations: readonly Citation[];
  incomingCitations: readonly Citation[];
  conflicts: string[];
  holders?: ClaimHolders | undefined;
}

/**
 * Numbers and texts (an election's turnout and seats, a case's status): equal values agree, any other two
 * disagree. A plain number is cited by those of its record's citations that state it, as the API cites it.
 */
export const valueRule: ClaimRule<string | number> = {
  accepts: (value): value is string | number => typeof value === 'number' || typeof value === 'string',
  join: (a, b) => (a === b ? a : undefined),
  stating: (field, value, citations) => {
    const stating = citations.filter((c) => statesValue(field, value, c.quote ?? null));
    return stating.length > 0 ? stating : [...citations];
  },
};

const citationKey = (c: Citation) => `${c.source}\n${c.quote ?? ''}\n${c.locator ?? ''}`;
function uniqueBy<T>(list: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}

const isClaims = <T>(v: Claimable<T>): v is { claims: ValueClaim<T>[] } => typeof v === 'object' && v !== null && 'claims' in v;
const isCited = <T>(v: Claimable<T>): v is ValueClaim<T> => typeof v === 'object' && v !== null && 'value' in v && 'citations' in v;

/**
 * A claimable value after a merge (`field` names it in the conflict reported). The incoming value joins the
 * stored claim it agrees with (the rule's joined value kept, both citations), and where it disagrees with every
 * stored value it becomes a claim of its own beside them, cited by `incomingCitations`: the sources'
 * disagreement is kept, never settled by the merge. A plain stored value counts as one claim cited by those of
 * `storedCitations` that state it. Undefined: keep the stored value.
 */
export function mergeClaim<T>(merge: ClaimMerge<T>, stored: Claimable<T>, incoming: Claimable<T>): Claimable<T> {
  const { rule, field, storedCitations, incomingCitations, conflicts, holders = importHolders } = merge;
  if (stored === undefined || !rule.accepts(incoming)) return undefined;
  const conflict = (values: readonly T[]) =>
    conflicts.push(`${field}: ${holders.stored} has ${values.map(String).join(', ')}, ${holders.incoming} ${String(incoming)}; both are kept as claims, each with its citations`);
  if (!isCited(stored) && !isClaims(stored)) {
    if (!rule.accepts(stored)) return undefined;
    const joined = rule.join(stored, incoming);
    if (joined !== undefined) return joined === stored ? undefined : joined;
    conflict([stored]);
    return { claims: [{ value: stored, citations: rule.stating(field, stored, storedCitations) }, { value: incoming, citations: [...incomingCitations] }] };
  }
  const claims: ValueClaim<T>[] = isClaims(stored) ? stored.claims.map((c) => ({ ...c })) : [{ ...stored }];
  const same = claims.findIndex((c) => c.value === incoming);
  const agreeing = same >= 0 ? same : claims.findIndex((c) => rule.join(c.value, incoming) !== undefined);
  if (agreeing >= 0) {
    const c = claims[agreeing]!;
    claims[agreeing] = { ...c, value: rule.join(c.value, incoming) ?? c.value, citations: uniqueBy([...c.citations, ...incomingCitations], citationKey) };
  } else {
    conflict(claims.map((c) => c.value));
    claims.push({ value: incoming, citations: [...incomingCitations] });
  }
  return claims.length === 1 ? claims[0] : { claims };
}

/**
 * Every claim of `incoming` (plain, cited or claims) folded into `stored` in turn with `mergeClaim`; a plain
 * incoming value is cited by those of `incomingCitations` that state it. Where the incoming claims carry
 * citations of their own and the stored value is plain, the stored value becomes one cited claim first, so that
 * no citation is lost. Undefined: keep the stored value (which is also what to keep where it has none: the
 * caller takes the incoming value as it is).
 */
export function mergeAllClaims<T>(merge: ClaimMerge<T>, stored: Claimable<T>, incoming: Claimable<T>): Claimable<T> {
  const { rule, field, storedCitations, incomingCitations } = merge;
  if (incoming === undefined) return undefined;
  const parts: ValueClaim<T>[] = isClaims(incoming)
    ? incoming.claims
    : isCited(incoming)
      ? [incoming]
      : rule.accepts(incoming)
        ? [{ value: incoming, citations: rule.stating(field, incoming, incomingCitations) }]
        : [];
  let out: Claimable<T> = stored;
  let changed = false;
  // A plain incoming value's citations are its record's, which the merged record keeps anyway; claims' own are not.
  if ((isCited(incoming) || isClaims(incoming)) && rule.accepts(stored)) {
    out = { value: stored, citations: rule.stating(field, stored, storedCitations) };
    changed = true;
  }
  for (const part of parts) {
    const next = mergeClaim({ ...merge, storedCitations: rule.accepts(out) ? storedCitations : [], incomingCitations: part.citations }, out, part.value);
    if (next !== undefined) {
      out = next;
      changed = true;
    }
  }
  return changed ? out : undefined;
}
