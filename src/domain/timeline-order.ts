// The one order of dated entries in every timeline (Person.timeline, Party.timeline, Query.events, an entity's
// events, its memberships and other facts): a date of coarse precision follows every finer date it contains.
// Entries sort by the last day their date may mean, so "2022" (a year) comes after every entry of 2022 known to
// the month or the day, and "2022-01" after every day of January 2022; dates ending together sort finer first
// (2022-12-31, then 2022-12, then 2022). Ties keep a fixed order (elections before events, then by id): the graph
// keeps no order of its sources to fall back on. The Cypher of this order is `dateOrderKey` in
// src/repositories/fragments.ts; docs/api.md ("Order of dated entries") describes it.
import type { PartialDate } from './partial-date.js';

/** A string that sorts dates in timeline order: `2022-03-05`, `2022-03-99` (March 2022), `2022-99-99` (2022). */
export function dateOrderKey(text: string): string {
  return text.length === 4 ? `${text}-99-99` : text.length === 7 ? `${text}-99` : text;
}

/** Timeline order of two dates (`2022`, `2022-01`, `2022-01-05`); a missing date last. */
export function compareTimelineDates(a: Pick<PartialDate, 'text'> | string | null | undefined, b: Pick<PartialDate, 'text'> | string | null | undefined): number {
  const ka = a == null ? null : dateOrderKey(typeof a === 'string' ? a : a.text);
  const kb = b == null ? null : dateOrderKey(typeof b === 'string' ? b : b.text);
  if (ka === kb) return 0;
  if (ka === null) return 1;
  if (kb === null) return -1;
  return ka < kb ? -1 : 1;
}
