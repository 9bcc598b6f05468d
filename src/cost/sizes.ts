// What the cost estimate knows about the data's sizes: the store-wide counts (count store, cached for a short
// TTL and refreshed in the background, so requests never wait on them once the first has arrived) and the
// degrees of every entity and source (a table read on no request's account, again whenever the counts show the
// graph changed), so an entity looked up by id is sized by its own degrees without a query of the request's.
import type { Database } from '../neo4j/database.js';
import { allDegrees, entityDegrees, factSpread, storeCounts, type Degrees, type DegreeTable, type StoreCounts } from '../repositories/degree-repository.js';

export interface SizeSource {
  /** Store-wide counts per label and per (label, relationship type). */
  counts(): Promise<StoreCounts>;
  /**
   * Degrees per relationship type of the entities with these ids: from the table when it holds them (no query),
   * else read through the operation's own handle.
   */
  degrees(db: Database, ids: readonly string[]): Promise<Map<string, Degrees>>;
  /** Degrees of these ids known without a query of the operation's (null: the table is not there). */
  knownDegrees?(ids: readonly string[]): Map<string, Degrees> | null;
}

/** Facts and claims whose lists' spread is measured (a sample: bounded work however large the graph). */
export const FACT_SAMPLE = 20_000;
/** Most nodes whose degrees the table keeps (about 200 bytes each); beyond, degrees are read per operation. */
export const MAX_DEGREE_TABLE = 500_000;

export class GraphSizes implements SizeSource {
  private cached: { counts: StoreCounts; at: number } | null = null;
  private pending: Promise<StoreCounts> | null = null;
  /** Every entity's and source's degrees, and the counts' signature they were read at. */
  private table: (DegreeTable & { signature: string }) | null = null;
  private tablePending: Promise<void> | null = null;
  /** The graph has more nodes than MAX_DEGREE_TABLE: keep no table. */
  private tooLarge = false;

  /** `db` reads the counts on no request's account; `ttlMs` is how old they may get before a refresh starts. */
  constructor(
    private readonly db: Database,
    private readonly ttlMs: number,
  ) {}

  async counts(): Promise<StoreCounts> {
    const cached = this.cached;
    if (cached && Date.now() - cached.at > this.ttlMs) void this.refresh().catch(() => undefined); // stale while it refreshes
    const counts = cached ? cached.counts : await this.refresh();
    // The first request waits for the table as for the counts; later ones never do.
    if (!this.table && !this.tooLarge) await this.readTable(counts).catch(() => undefined);
    return this.table ? { ...counts, spread: this.table.spread } : counts;
  }

  private refresh(): Promise<StoreCounts> {
    this.pending ??= storeCounts(this.db)
      .then((counts) => {
        this.cached = { counts, at: Date.now() };
        // The graph changed since the table was read: read it again, in the background.
        if (this.table && this.table.signature !== signature(counts)) void this.readTable(counts).catch(() => undefined);
        return counts;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  private readTable(counts: StoreCounts): Promise<void> {
    this.tablePending ??= Promise.all([allDegrees(this.db, MAX_DEGREE_TABLE), factSpread(this.db, FACT_SAMPLE)])
      .then(([table, facts]) => {
        if (table) this.table = { ...table, spread: { ...facts, ...table.spread }, signature: signature(counts) };
        else {
          this.tooLarge = true;
          this.table = null;
        }
      })
      .finally(() => {
        this.tablePending = null;
      });
    return this.tablePending;
  }

  knownDegrees(ids: readonly string[]): Map<string, Degrees> | null {
    const table = this.table;
    if (!table) return null;
    const out = new Map<string, Degrees>();
    for (const id of ids) {
      const found = table.degrees.get(id);
      if (!found) return null; // an entity newer than the table: its degrees are read
      out.set(id, found);
    }
    return out;
  }

  /** Degrees read in the last `ttlMs`, by entity id: a lookup repeated within that time sends no sizing query. */
  private readonly degreeCache = new Map<string, { degrees: Degrees; at: number }>();
  private static readonly MAX_CACHED_DEGREES = 10_000;

  async degrees(db: Database, ids: readonly string[]): Promise<Map<string, Degrees>> {
    const now = Date.now();
    const out = new Map<string, Degrees>();
    const missing: string[] = [];
    for (const id of ids) {
      const known = this.table?.degrees.get(id);
      const hit = this.degreeCache.get(id);
      if (known) out.set(id, known);
      else if (hit && now - hit.at <= this.ttlMs) out.set(id, hit.degrees);
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

/** What changes when the graph does: its node and relationship counts. */
function signature(counts: StoreCounts): string {
  return JSON.stringify([counts.nodes, counts.degrees]);
}
