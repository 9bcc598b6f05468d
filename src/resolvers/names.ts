// A party's name on a day, from its dated names: used by `nameAsOf`, results' `partyName` and networks.
import type { FactRecord } from '../repositories/records.js';
import { holdsOn } from './shared.js';

/** The name a party had on a day, from its dated names (latest start wins where periods touch). */
export function nameOn(names: FactRecord[], date: string): string | null {
  const valid = names.filter((n) => holdsOn(n, date));
  valid.sort((a, b) => (a.from?.start ?? '').localeCompare(b.from?.start ?? ''));
  return valid[valid.length - 1]?.name ?? null;
}
