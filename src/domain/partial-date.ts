// Dates that keep their precision: `2022`, `2022-11`, `2022-02-28`. A fact dated "November 2022" covers the
// whole month; `start`/`end` are the first and last day it may mean, used for `asOf` and ranges.
export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

export interface PartialDate {
  /** As written: `2022`, `2022-11` or `2022-02-28`. */
  text: string;
  precision: DatePrecision;
  /** First day it may mean, `YYYY-MM-DD`. */
  start: string;
  /** Last day it may mean, `YYYY-MM-DD`. */
  end: string;
}

const pattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function parsePartialDate(text: string): PartialDate | null {
  const m = pattern.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3] !== undefined) {
    const d = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() !== Number(m[2]) - 1) return null;
    return { text, precision: 'DAY', start: text, end: text };
  }
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { text, precision: 'MONTH', start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(last)}` };
  }
  return { text, precision: 'YEAR', start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
}

/** For values already validated (from the database or the dataset). */
export function partialDate(text: string): PartialDate {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new Error(`not a partial date: ${text}`);
  return parsed;
}

export function partialDateOrNull(text: unknown): PartialDate | null {
  return typeof text === 'string' ? parsePartialDate(text) : null;
}

/** A full calendar date `YYYY-MM-DD` (the `Date` scalar and `asOf` arguments). */
export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parsePartialDate(text)?.precision === 'DAY';
}
