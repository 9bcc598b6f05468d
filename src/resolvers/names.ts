// A party's name on a day, from its dated names: used by `nameAsOf`, `nameOn`, results' `partyName`, seats'
// `partyName` and networks. Only a dated name that covers the day answers for it: the preferred (current)
// name never stands in silently for a day no source dates (docs/api.md, "Names on a day").
import type { PartyNameRecord } from '../repositories/records.js';
import { holdsOn } from './shared.js';

/** The name a party had on a day, from its dated names (latest start wins where periods touch). */
export function nameOn(names: readonly PartyNameRecord[], date: string): string | null {
  return covering(names, date)[0]?.name ?? null;
}

/** The dated names that cover the day, latest start first. */
function covering(names: readonly PartyNameRecord[], date: string): PartyNameRecord[] {
  return names.filter((n) => holdsOn(n, date)).sort((a, b) => (b.from?.start ?? '').localeCompare(a.from?.start ?? '') || b.ord - a.ord);
}

export interface NameOnDay {
  date: string;
  name: string | null;
  dated: boolean;
  covering: PartyNameRecord[];
  nearest: PartyNameRecord[];
  current: string;
}

/**
 * What the sources say a party was called on a day: the covering dated names, or, when none covers it, the
 * nearest ones (the last to end before the day and the first to start after it), never the current name.
 */
export function nameOnDay(names: readonly PartyNameRecord[], date: string, current: string): NameOnDay {
  const found = covering(names, date);
  if (found.length > 0) return { date, name: found[0]!.name, dated: true, covering: found, nearest: [], current };
  const before = names.filter((n) => n.to !== null && n.to.end < date).sort((a, b) => b.to!.end.localeCompare(a.to!.end))[0];
  const after = names.filter((n) => n.from !== null && n.from.start > date).sort((a, b) => a.from!.start.localeCompare(b.from!.start))[0];
  return { date, name: null, dated: false, covering: [], nearest: [before, after].filter((n): n is PartyNameRecord => n !== undefined), current };
}
