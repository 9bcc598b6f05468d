// What the cost estimate knows about the data's sizes: the store-wide counts (count store, cached for a short
// TTL and refreshed in the background, so requests never wait on them once the first has arrived) and, per
// operation, the degrees of the entities it looks up by id.
import type { Database } from '../neo4j/database.js';
import { entityDegrees, storeCounts, type Degrees, type StoreCounts } from '../repositories/degree-repository.js';

export interface SizeSource {
  /** Store-wide counts per label and per (label, relationship type). */
  counts(): Promise<StoreCounts>;
  /** Degrees per relationship type of the entities with these ids, read through the operation's own handle. */
  degrees(db: Database, ids: readonly string[]): Promise<Map<string, Degrees>>;
}

export class GraphSizes implements SizeSource {
  private cached: { counts: StoreCounts; at: number } | null = null;
  private pending: Promise<StoreCounts> | null = null;

  /** `db` reads the counts on no request's account; `ttlMs` is how old they may get before a refresh starts. */
  constructor(
    private readonly db: Database,
    private readonly ttlMs: number,
  ) {}

  async counts(): Promise<StoreCounts> {
    const cached = this.cached;
    if (cached && Date.now() - cached.at > this.ttlMs) void this.refresh().catch(() => undefined); // stale while it refreshes
    return cached ? cached.counts : this.refresh();
  }

  private refresh(): Promise<StoreCounts> {
    this.pending ??= storeCounts(this.db)
      .then((counts) => {
        this.cached = { counts, at: Date.now() };
        return counts;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  /** Degrees read in the last `ttlMs`, by entity id: a lookup repeated within that time sends no sizing query. */
  private readonly degreeCache = new Map<string, { degrees: Degrees; at: number }>();
  private static readonly MAX_CACHED_DEGREES = 10_000;

  async degrees(db: Database, ids: readonly string[]): Promise<Map<string, Degrees>> {
    const now = Date.now();
    const out = new Map<string, Degrees>();
    const missing: string[] = [];
    for (const id of ids) {
      const hit = this.degreeCache.get(id);
      if (hit && now - hit.at <= this.ttlMs) out.set(id, hit.degrees);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const found = await entityDegrees(db, missing);
    if (this.degreeCache.size + found.size > GraphSizes.MAX_CACHED_DEGREES) this.degreeCache.clear();
    for (const [id, degrees] of found) {
      this.degreeCache.set(id, { degrees, at: now });
      out.set(id, degrees);
    }
    return out;
  }
}
