// Cross-checking the systems' answers: each answer is put in its shape's canonical form (bench/shapes.ts:
// the same fields for every system, sorted where the query leaves the order open), serialised with its keys
// sorted, and hashed. A run whose systems disagree on any probe stops before measuring anything.
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal values always serialise alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** sha256 of the canonical JSON, first 16 hex digits (enough to tell answers apart in a report). */
export function answerHash(canonical: unknown): string {
  return createHash('sha256').update(canonicalJson(canonical)).digest('hex').slice(0, 16);
}

/** The first place two canonical answers differ, as a path and the two values there (for the failure report). */
export function firstDifference(a: unknown, b: unknown, path = '$'): { path: string; left: unknown; right: unknown } | null {
  if (canonicalJson(a) === canonicalJson(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
  } else if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return { path, left: a, right: b };
}
