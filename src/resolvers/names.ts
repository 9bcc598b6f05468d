// A party's name on a day, from its dated names: used by `nameAsOf`, results' `partyName` and networks.
import type { PartyNameRecord } from '../repositories/records.js';
import { holdsOn } from './shared.js';

/** The name a party had on a day, from its dated names (latest start wins where periods touch). */
export function nameOn(names: readonly PartyNameRecord[], date: string): string | null {
  const valid = names.filter((n) => holdsOn(n, date));
  valid.sort((a, b) => (a.from?.start ?? '').localeCompare(b.from?.start ?? ''));
  return valid[valid.length - 1]?.name ?? null;
}
