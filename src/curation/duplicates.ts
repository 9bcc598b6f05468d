// Entity resolution: which entities of one kind are likely the same. Pure: blocks entities on the folded name
// keys search uses (so only plausible pairs are compared), scores each pair by its best name match
// (transliteration-folded, typo-tolerant) and by the entities both are related to.
import { foldName, matchScore, nameKeys } from '../search/fold.js';

export interface ResolutionInput {
  id: string;
  names: string[];
  neighbours: string[];
}

export interface DuplicateCandidateRecord {
  entityId: string;
  duplicateId: string;
  score: number;
  nameScore: number;
  sharedRelations: number;
  matchedNames: [string, string];
}

/** Below this name similarity a pair is not proposed, whatever it shares. */
export const MIN_NAME_SCORE = 0.75;
/** A key shared by more entities than this (a common first name) is too weak to pair on. */
const MAX_BLOCK = 200;
const NAME_WEIGHT = 0.85;
/** Shared neighbours that count fully; more add nothing. */
const SHARED_FOR_FULL_WEIGHT = 3;
/** Two entities related to each other directly (spouses, a ministry in its government) are rarely one. */
const DIRECTLY_RELATED_FACTOR = 0.6;

function blockingKeys(names: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    for (const key of nameKeys(name)) keys.add(key);
    // Prefixes catch spellings whose folds still differ past the fourth letter.
    for (const token of foldName(name).split(' ')) if (token.length >= 4) keys.add(`^${token.slice(0, 4)}`);
  }
  return keys;
}

function bestNameMatch(a: readonly string[], b: readonly string[]): { score: number; names: [string, string] } {
  let best = { score: 0, names: [a[0] ?? '', b[0] ?? ''] as [string, string] };
  for (const x of a) {
    for (const y of b) {
      const score = Math.max(matchScore(x, y), matchScore(y, x));
      if (score > best.score) best = { score, names: [x, y] };
    }
  }
  return best;
}

/**
 * The `limit` likeliest duplicate pairs, best first (ties by ids, so the order is stable), leaving out the pairs
 * in `dismissed` (keys `smaller id\nlarger id`).
 */
export function rankDuplicates(entities: readonly ResolutionInput[], limit: number, dismissed: ReadonlySet<string> = new Set()): DuplicateCandidateRecord[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const blocks = new Map<string, string[]>();
  for (const e of entities) {
    for (const key of blockingKeys(e.names)) {
      const block = blocks.get(key) ?? [];
      block.push(e.id);
      blocks.set(key, block);
    }
  }
  const pairs = new Set<string>();
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > MAX_BLOCK) continue;
    const sorted = [...new Set(block)].sort();
    for (let i = 0; i < sorted.length; i += 1) for (let j = i + 1; j < sorted.length; j += 1) pairs.add(`${sorted[i]}\n${sorted[j]}`);
  }

  const out: DuplicateCandidateRecord[] = [];
  for (const pair of pairs) {
    if (dismissed.has(pair)) continue;
    const [aId, bId] = pair.split('\n') as [string, string];
    const a = byId.get(aId)!;
    const b = byId.get(bId)!;
    const name = bestNameMatch(a.names, b.names);
    if (name.score < MIN_NAME_SCORE) continue;
    const theirs = new Set(b.neighbours);
    const shared = a.neighbours.filter((n) => theirs.has(n) && n !== aId && n !== bId).length;
    const direct = theirs.has(aId) || a.neighbours.includes(bId);
    let score = NAME_WEIGHT * name.score + (1 - NAME_WEIGHT) * Math.min(1, shared / SHARED_FOR_FULL_WEIGHT);
    if (direct) score *= DIRECTLY_RELATED_FACTOR;
    out.push({ entityId: aId, duplicateId: bId, score: Math.round(score * 1000) / 1000, nameScore: Math.round(name.score * 1000) / 1000, sharedRelations: shared, matchedNames: name.names });
  }
  out.sort((x, y) => y.score - x.score || x.entityId.localeCompare(y.entityId) || x.duplicateId.localeCompare(y.duplicateId));
  return out.slice(0, limit);
}
