// Sizes for the cost estimate (src/cost/): an entity's number of relationships per type, read with getDegree
// (no relationship is expanded), and the store-wide counts per label and per (label, type) from Neo4j's count
// store. All Cypher the cost estimate needs is here; types and labels come only from the fixed lists below.
import { entityLabels, factLabels, relationTypes } from '../dataset/to-graph.js';
import { int, type Database } from '../neo4j/database.js';

/** The relationship types whose counts size a list field: derived relations, their retracted form, and the links lists read. */
export const sizedTypes = [...relationTypes, 'RETRACTED_RELATION', 'CITES', 'CHANGED', 'CLAIM_OF', 'STATUS_OF', 'SUBJECT', 'OBJECT', 'ON_BEHALF_OF'] as const;
export type SizedType = (typeof sizedTypes)[number];

/** Labels whose counts size lists: every entity and fact kind, their super-labels, and the other listed nodes. */
export const sizedLabels = ['Entity', 'Fact', ...entityLabels, ...factLabels, 'Source', 'Claim', 'Change'] as const;
export type SizedLabel = (typeof sizedLabels)[number];

/** Relationships of one node (or of all nodes of one label) per type, both directions together. */
export type Degrees = Partial<Record<SizedType, number>>;

export interface StoreCounts {
  /** Nodes per label. */
  nodes: Partial<Record<SizedLabel, number>>;
  /** Relationships per type touching a node of the label (either end); a node's degree can be no larger. */
  degrees: Partial<Record<SizedLabel, Degrees>>;
  /**
   * Per label and type, the degree-weighted mean degree Σd²/Σd (from the table of degrees, when read): the
   * expected degree of a node reached through one of its relationships (hubs are reached more often), and an
   * average that allows for spread. `relations`: the same for the sum of the derived relation types.
   */
  spread?: Partial<Record<SizedLabel, Degrees & { relations?: number }>>;
}

// `COUNT { (n)-[:T]-() }` is planned as getDegree: a read of the node's relationship-group counters, a few db
// hits whatever the degree (PROFILE in docs/operations.md). A type expression cannot be a parameter, hence the
// map literal built from the fixed list.
const DEGREES = `{${sizedTypes.map((t) => `${t}: COUNT { (n)-[:${t}]-() }`).join(', ')}}`;

/** Each entity's degrees per type, by the id asked; ids of no entity (unknown, or merged away) are absent. */
export async function entityDegrees(db: Database, ids: readonly string[]): Promise<Map<string, Degrees>> {
  if (ids.length === 0) return new Map();
  const rows = await db.read(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     RETURN id, ${DEGREES} AS degrees`,
    { ids: [...new Set(ids)] },
    (r) => [String(r.id), r.degrees as Degrees] as const,
  );
  return new Map(rows);
}

/**
 * Every entity's and source's degrees per type (the nonzero ones), for a table the cost estimate keeps in memory:
 * `limit` rows at most (null when there are more, and no table is kept). getDegree on each node: a few db hits per
 * node and type, read on no request's account.
 */
export async function allDegrees(db: Database, limit: number): Promise<DegreeTable | null> {
  const rows = await db.read(
    `MATCH (n) WHERE n:Entity OR n:Source
     WITH n LIMIT $limit
     RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels] AS labels, ${DEGREES} AS degrees`,
    { limit: int(limit + 1), labels: [...sizedLabels] },
    (r) => ({ id: String(r.id), labels: r.labels as SizedLabel[], degrees: r.degrees as Record<string, unknown> }),
  );
  if (rows.length > limit) return null;
  const degrees = new Map<string, Degrees>();
  // Σd and Σd² per label and type, and of the relation types' sum.
  const sums = new Map<SizedLabel, Map<string, [number, number]>>();
  const add = (label: SizedLabel, key: string, d: number) => {
    const byType = sums.get(label) ?? new Map<string, [number, number]>();
    sums.set(label, byType);
    const sum = byType.get(key) ?? [0, 0];
    sum[0] += d;
    sum[1] += d * d;
    byType.set(key, sum);
  };
  const relationSet = new Set<string>(relationTypes);
  for (const row of rows) {
    const nonzero: Degrees = {};
    let relations = 0;
    for (const [type, value] of Object.entries(row.degrees)) {
      const d = Number(value);
      if (d <= 0) continue;
      nonzero[type as SizedType] = d;
      if (relationSet.has(type)) relations += d;
      for (const label of row.labels) add(label, type, d);
    }
    if (relations > 0) for (const label of row.labels) add(label, 'relations', relations);
    degrees.set(row.id, nonzero);
  }
  const spread: NonNullable<StoreCounts['spread']> = {};
  for (const [label, byType] of sums) {
    const out: Degrees & { relations?: number } = {};
    for (const [key, [sum, squares]] of byType) (out as Record<string, number>)[key] = squares / sum;
    spread[label] = out;
  }
  return { degrees, spread };
}

/** The lists of a fact or claim: its citations, history, claims and statuses. */
const factListTypes = ['CITES', 'CHANGED', 'CLAIM_OF', 'STATUS_OF'] as const;

/**
 * The degree-weighted means (Σd²/Σd) of facts' and claims' lists per label, over a sample of at most `sample`
 * of them (the first found): bounded work however large the graph, for lists whose spread is small.
 */
export async function factSpread(db: Database, sample: number): Promise<NonNullable<StoreCounts['spread']>> {
  const rows = await db.read(
    `MATCH (n) WHERE n:Fact OR n:Claim
     WITH n LIMIT $sample
     WITH [l IN labels(n) WHERE l IN $labels] AS labels, {${factListTypes.map((t) => `${t}: COUNT { (n)-[:${t}]-() }`).join(', ')}} AS d
     UNWIND labels AS label
     RETURN label, ${factListTypes.map((t) => `sum(d.${t}) AS ${t}, sum(d.${t} * d.${t}) AS ${t}_squares`).join(', ')}`,
    { sample: int(sample), labels: [...sizedLabels] },
    (r) => ({ label: String(r.label) as SizedLabel, row: r }),
  );
  const spread: NonNullable<StoreCounts['spread']> = {};
  for (const { label, row } of rows) {
    const out: Degrees = {};
    for (const t of factListTypes) {
      const sum = Number(row[t]);
      if (sum > 0) out[t] = Number(row[`${t}_squares`]) / sum;
    }
    spread[label] = out;
  }
  return spread;
}

/** Every entity's and source's degrees by id, and the degree-weighted means per label (StoreCounts.spread). */
export interface DegreeTable {
  degrees: Map<string, Degrees>;
  spread: NonNullable<StoreCounts['spread']>;
}

interface CountStoreRow {
  relationshipType?: string;
  startLabel?: string;
  endLabel?: string;
  label?: string;
  count: number;
}

const labelSet = new Set<string>(sizedLabels);
const typeSet = new Set<string>(sizedTypes);

/**
 * The count store in one call (`db.stats.retrieve('GRAPH COUNTS')`: nodes per label, relationships per type with
 * one end's label). A server that refuses the procedure (it may need an admin role) is asked with count-store
 * aggregations instead: labels' node counts and each type's total, which bounds every (label, type) count.
 */
export async function storeCounts(db: Database): Promise<StoreCounts> {
  try {
    const [data] = await db.read(`CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data`, {}, (r) => r.data as { nodes: CountStoreRow[]; relationships: CountStoreRow[] });
    if (data) return fromGraphCounts(data);
  } catch {
    // Not allowed here: fall through to the per-type totals.
  }
  return storeTotals(db);
}

/** Folds the count store's rows into counts per label and per (label, type), both directions added. */
export function fromGraphCounts(data: { nodes: CountStoreRow[]; relationships: CountStoreRow[] }): StoreCounts {
  const counts: StoreCounts = { nodes: {}, degrees: {} };
  for (const row of data.nodes) if (row.label && labelSet.has(row.label)) counts.nodes[row.label as SizedLabel] = Number(row.count);
  for (const row of data.relationships) {
    const type = row.relationshipType;
    if (!type || !typeSet.has(type)) continue;
    // A row names one end's label at most: (:L)-[:T]->() or ()-[:T]->(:L); a self-loop type counts for both ends.
    const label = row.startLabel ?? row.endLabel;
    if (!label || !labelSet.has(label) || (row.startLabel && row.endLabel)) continue;
    const degrees = (counts.degrees[label as SizedLabel] ??= {});
    degrees[type as SizedType] = (degrees[type as SizedType] ?? 0) + Number(row.count);
  }
  return counts;
}

async function storeTotals(db: Database): Promise<StoreCounts> {
  const nodeParts = sizedLabels.map((l, i) => `CALL { MATCH (n:${l}) RETURN count(n) AS n${i} }`);
  const typeParts = sizedTypes.map((t, i) => `CALL { MATCH ()-[r:${t}]->() RETURN count(r) AS t${i} }`);
  const [row] = await db.read(
    `${[...nodeParts, ...typeParts].join('\n')}
     RETURN [${sizedLabels.map((_l, i) => `n${i}`).join(', ')}] AS nodes, [${sizedTypes.map((_t, i) => `t${i}`).join(', ')}] AS types`,
    {},
    (r) => ({ nodes: r.nodes as number[], types: r.types as number[] }),
  );
  const counts: StoreCounts = { nodes: {}, degrees: {} };
  if (!row) return counts;
  const totals: Degrees = Object.fromEntries(sizedTypes.map((t, i) => [t, 2 * (row.types[i] ?? 0)]));
  sizedLabels.forEach((label, i) => {
    counts.nodes[label] = row.nodes[i] ?? 0;
    counts.degrees[label] = totals;
  });
  return counts;
}
