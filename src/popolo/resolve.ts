// Entity resolution for imports: is an incoming person, party, organisation or election one the graph already
// holds? Pure. Each comparison yields evidence (identifiers, names folded across scripts, roles, dates) and an
// explainable score; only a unique candidate above MERGE_THRESHOLD with agreeing evidence is merged. A namesake
// without such evidence is flagged for an editor, never merged (docs/import-format.md, "Popolo").
import { matchScore } from '../search/fold.js';

export type ResolutionKind = 'PERSON' | 'PARTY' | 'ORGANIZATION' | 'ELECTION';

/** A dated role: a seat in a body (persons), a contest of a body's election or a seat won for the party (parties). */
export interface RoleSpan {
  /** The body: `organization:mazhilis`. */
  body: string;
  /** `deputy`, `member`, `contested`... (only its presence in the body counts). */
  role: string;
  /** Partial dates (`2012`, `2012-01-15`); null = open. */
  from: string | null;
  to: string | null;
}

export interface Profile {
  id: string;
  kind: ResolutionKind;
  /** Every name: the name, aliases, other names, former names (any script). */
  names: string[];
  /** `scheme:value`, e.g. `wikidata:Q1195092`. */
  identifiers: string[];
  /** An organisation's orgKind, an election's kind. */
  subKind: string | null;
  /** An election's date. */
  date: string | null;
  roles: RoleSpan[];
  /** Dated names (a party's former names): a name matched only during its span must meet the incoming period. */
  datedNames?: { name: string; from: string | null; to: string | null }[];
}

export type Evidence =
  | { type: 'IDENTIFIER'; detail: string; agrees: true }
  | { type: 'IDENTIFIER_CONFLICT'; detail: string; agrees: false }
  | { type: 'NAME'; score: number; names: [string, string]; agrees: boolean }
  | { type: 'KIND'; detail: string; agrees: boolean }
  | { type: 'ROLE'; detail: string; agrees: boolean }
  | { type: 'PERIOD'; detail: string; agrees: boolean }
  | { type: 'DATE'; detail: string; agrees: boolean };

export interface Comparison {
  existing: string;
  score: number;
  evidence: Evidence[];
  /** Evidence enough to merge: a shared identifier, or a name with an agreeing role and period (see `decide`). */
  sufficient: boolean;
}

export type Decision =
  | { action: 'MERGE'; into: string; score: number; evidence: Evidence[]; others: Comparison[] }
  | { action: 'CREATE'; flagged: Comparison[] };

/** A unique candidate at or above this score, with sufficient evidence, is merged. */
export const MERGE_THRESHOLD = 0.9;
/** The runner-up must stay this far below the best for the best to count as unique. */
export const UNIQUE_MARGIN = 0.1;
/** A candidate at or above this score that is not merged is flagged as a possible duplicate for an editor. */
export const FLAG_THRESHOLD = 0.5;
/** Names at or above this similarity count as the same name. */
export const NAME_AGREES = 0.9;

const WEIGHTS = { name: 0.6, role: 0.2, period: 0.2 } as const;

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Best similarity of any incoming name to any existing name, both ways (folded across scripts). */
export function bestName(a: readonly string[], b: readonly string[]): { score: number; names: [string, string] } {
  let best = { score: 0, names: [a[0] ?? '', b[0] ?? ''] as [string, string] };
  for (const x of a) {
    for (const y of b) {
      // The smaller of the two ways: when one way already cannot beat the best, the other need not be scored.
      const there = matchScore(x, y);
      if (there <= best.score) continue;
      const s = Math.min(there, matchScore(y, x));
      if (s > best.score) best = { score: s, names: [x, y] };
    }
  }
  return { score: round(best.score), names: best.names };
}

/** Partial dates as comparable day bounds: `2012` spans 2012-01-01..2012-12-31. */
function start(d: string | null): string {
  if (d === null) return '0000-01-01';
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}
function end(d: string | null): string {
  if (d === null) return '9999-12-31';
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}
export function overlaps(a: { from: string | null; to: string | null }, b: { from: string | null; to: string | null }): boolean {
  return start(a.from) <= end(b.to) && start(b.from) <= end(a.to);
}

/** Whether two partial dates can be the same day: equal at the coarser precision. */
export function sameDate(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

function describeSpan(r: { from: string | null; to: string | null }): string {
  return `${r.from ?? '…'}–${r.to ?? '…'}`;
}

/** Compares an incoming profile with one existing entity of the same kind. */
export function compare(incoming: Profile, existing: Profile): Comparison {
  const evidence: Evidence[] = [];
  const mine = new Map(incoming.identifiers.map((k) => [k.slice(0, k.indexOf(':')), k]));
  let shared = false;
  let conflict = false;
  for (const key of existing.identifiers) {
    const scheme = key.slice(0, key.indexOf(':'));
    const other = mine.get(scheme);
    if (other === undefined) continue;
    if (other === key) {
      shared = true;
      evidence.push({ type: 'IDENTIFIER', detail: key, agrees: true });
    } else {
      conflict = true;
      evidence.push({ type: 'IDENTIFIER_CONFLICT', detail: `${other} ≠ ${key}`, agrees: false });
    }
  }

  const name = bestName(incoming.names, existing.names);
  // A former name only counts if the incoming entity bore it while that name was current.
  const dated = existing.datedNames?.find((d) => d.name === name.names[1]);
  let nameAgrees = name.score >= NAME_AGREES;
  evidence.push({ type: 'NAME', score: name.score, names: name.names, agrees: nameAgrees });

  if (incoming.subKind !== null && existing.subKind !== null) {
    evidence.push({ type: 'KIND', detail: `${incoming.subKind} / ${existing.subKind}`, agrees: incoming.subKind === existing.subKind });
  }

  // Roles: the incoming entity's bodies (a seat in the Mazhilis) against the existing entity's, dated.
  let roleAgrees: boolean | null = null;
  let periodAgrees: boolean | null = null;
  if (incoming.kind === 'ELECTION') {
    // An election is its kind, its body and its date: names of elections are descriptions.
    if (incoming.date !== null && existing.date !== null) {
      periodAgrees = sameDate(incoming.date, existing.date);
      evidence.push({ type: 'DATE', detail: `${incoming.date} / ${existing.date}`, agrees: periodAgrees });
    }
    roleAgrees = incoming.subKind !== null && incoming.subKind === existing.subKind;
    nameAgrees = nameAgrees || (roleAgrees && periodAgrees === true);
  } else if (incoming.kind === 'ORGANIZATION') {
    roleAgrees = incoming.subKind !== null && incoming.subKind === existing.subKind;
    periodAgrees = true;
  } else if (incoming.roles.length > 0) {
    const sameBody = existing.roles.filter((r) => incoming.roles.some((i) => i.body === r.body));
    roleAgrees = sameBody.length > 0;
    evidence.push({
      type: 'ROLE',
      detail: roleAgrees
        ? `both in ${[...new Set(sameBody.map((r) => r.body))].join(', ')}`
        : existing.roles.length === 0
          ? 'the existing entity has no role in the same body'
          : `the existing entity's roles are in ${[...new Set(existing.roles.map((r) => r.body))].join(', ')}`,
      agrees: roleAgrees,
    });
    if (roleAgrees) {
      const overlapping = sameBody.filter((r) => incoming.roles.some((i) => i.body === r.body && overlaps(i, r)));
      periodAgrees = overlapping.length > 0;
      evidence.push({
        type: 'PERIOD',
        detail: periodAgrees
          ? `${describeSpan(incoming.roles[0]!)} overlaps ${describeSpan(overlapping[0]!)}`
          : `${incoming.roles.map(describeSpan).join(', ')} does not overlap ${sameBody.map(describeSpan).join(', ')}`,
        agrees: periodAgrees,
      });
    }
  }
  if (dated && (dated.from !== null || dated.to !== null) && incoming.roles.length > 0) {
    const current = incoming.roles.some((r) => overlaps(r, dated));
    evidence.push({ type: 'PERIOD', detail: `the name ${dated.name} was used ${describeSpan(dated)}`, agrees: current });
    if (!current) nameAgrees = false;
  }

  let score: number;
  if (conflict) score = 0;
  else if (shared) score = 1;
  else {
    const nameScore = incoming.kind === 'ELECTION' && nameAgrees ? 1 : name.score;
    score = WEIGHTS.name * nameScore + WEIGHTS.role * (roleAgrees ? 1 : 0) + WEIGHTS.period * (periodAgrees ? 1 : 0);
  }
  const kindClash = evidence.some((e) => e.type === 'KIND' && !e.agrees) && incoming.kind !== 'ELECTION';
  if (kindClash) score = Math.min(score, WEIGHTS.name * name.score);
  const sufficient = !conflict && (shared || (nameAgrees && roleAgrees === true && periodAgrees === true && !kindClash));
  return { existing: existing.id, score: round(score), evidence, sufficient };
}

/**
 * Decides one incoming entity against the existing ones of its kind (already narrowed to plausible ones, or
 * all of them): merge into the unique sufficient candidate at or above MERGE_THRESHOLD, else create it and flag
 * every candidate at or above FLAG_THRESHOLD.
 */
export function decide(incoming: Profile, existing: readonly Profile[]): Decision {
  const comparisons = existing
    .filter((e) => e.kind === incoming.kind)
    .map((e) => compare(incoming, e))
    .sort((a, b) => b.score - a.score || a.existing.localeCompare(b.existing));
  const [best, second] = comparisons;
  const unique = best !== undefined && (second === undefined || best.score - second.score >= UNIQUE_MARGIN || (best.score === 1 && second.score < 1));
  if (best && best.sufficient && best.score >= MERGE_THRESHOLD && unique) {
    return { action: 'MERGE', into: best.existing, score: best.score, evidence: best.evidence, others: comparisons.slice(1).filter((c) => c.score >= FLAG_THRESHOLD) };
  }
  return { action: 'CREATE', flagged: comparisons.filter((c) => c.score >= FLAG_THRESHOLD) };
}

/** One line of evidence for people: `NAME 1 (Nikolai Kuzmin = Nikolai Kuzmin)`, `ROLE ✗ the existing entity...`. */
export function describeEvidence(e: Evidence): string {
  const mark = e.agrees ? '✓' : '✗';
  switch (e.type) {
    case 'NAME':
      return `name ${mark} ${e.score} (${e.names[0]} ~ ${e.names[1]})`;
    case 'IDENTIFIER':
      return `identifier ✓ ${e.detail}`;
    case 'IDENTIFIER_CONFLICT':
      return `identifier ✗ ${e.detail}`;
    default:
      return `${e.type.toLowerCase()} ${mark} ${e.detail}`;
  }
}
