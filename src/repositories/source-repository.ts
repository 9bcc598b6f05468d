// Sources as documents: their texts for quote checks at write time, their versions, and the citations that
// quote them (for a reader opening a source with its quotes highlighted).
import { createHash } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { SourceKind } from '../domain/citation-rule.js';
import type { DocumentMatch } from '../domain/source-identity.js';
import { int, type Database } from '../neo4j/database.js';
import { UserInputError } from '../errors.js';
import { toConnection, type Connection, type PageRequest } from './pagination.js';

/** The stored texts of the sources among `ids` that have one, in one round trip. */
export async function sourceTextsOf(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await tx.run('UNWIND $ids AS id MATCH (s:Source {id: id}) WHERE s.text IS NOT NULL RETURN s.id AS id, s.text AS text', { ids: [...ids] });
  return new Map(result.records.map((r) => [String(r.get('id')), String(r.get('text'))]));
}

/** The kinds (ARTICLE, DATASET, OFFICIAL_RECORD) of the sources among `ids`: which citation rule applies to each. */
export async function sourceKindsOf(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, SourceKind>> {
  if (ids.length === 0) return new Map();
  const result = await tx.run('UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN s.id AS id, s.kind AS kind', { ids: [...ids] });
  return new Map(result.records.map((r) => [String(r.get('id')), sourceKindOf(r.get('kind'))]));
}

/**
 * The source stored under this canonical URL, else the one whose text has this SHA-256 (the `sha256` every
 * stored text carries), else null; both are index seeks (migration 4). A URL match wins: it names the document.
 */
export async function storedSourceMatching(tx: ManagedTransaction, match: DocumentMatch): Promise<string | null> {
  return (await storedSourcesMatching(tx, [match]))[0] ?? null;
}

/** `storedSourceMatching` of many documents in one round trip (an import's sources), in their order. */
export async function storedSourcesMatching(tx: ManagedTransaction, matches: readonly DocumentMatch[]): Promise<(string | null)[]> {
  if (matches.length === 0) return [];
  const result = await tx.run(
    `UNWIND range(0, size($matches) - 1) AS i
     WITH i, $matches[i] AS m
     CALL (m) {
       MATCH (s:Source) WHERE s.url = m.url RETURN s.id AS id, 0 AS rank
       UNION
       MATCH (s:Source) WHERE s.sha256 = m.sha256 RETURN s.id AS id, 1 AS rank
     }
     WITH i, id ORDER BY i, rank, id
     RETURN i, collect(id)[0] AS id`,
    { matches: matches.map((m) => ({ url: m.url, sha256: m.sha256 })) },
  );
  const out: (string | null)[] = matches.map(() => null);
  for (const r of result.records) {
    const id: unknown = r.get('id');
    if (typeof id === 'string') out[Number(r.get('i'))] = id;
  }
  return out;
}

/**
 * The keys of a document: its canonical URL and its text's digest, each hashed to a fixed length (a URL may be
 * 2,000 characters; an index entry has a size limit).
 */
export function sourceKeys(match: DocumentMatch): string[] {
  const keys: string[] = [];
  if (match.url !== null) keys.push(`url:${createHash('sha256').update(match.url, 'utf8').digest('hex')}`);
  if (match.sha256 !== null) keys.push(`text:${match.sha256}`);
  return keys.sort();
}

/**
 * Takes the write lock on the key nodes of a document (one `SourceKey` per key, unique: migration 5), creating
 * them on first use, so that of two transactions adding the same document the second waits at this MERGE until
 * the first commits and then finds the first's source (`storedSourceMatching`), instead of both finding none
 * and both creating one. Keys are taken in one order, so two documents sharing one key cannot deadlock.
 */
export async function lockSourceKeys(tx: ManagedTransaction, match: DocumentMatch): Promise<void> {
  for (const key of sourceKeys(match)) {
    await tx.run('MERGE (k:SourceKey {key: $key}) SET k.lockedAt = datetime()', { key });
  }
}

/**
 * `lockSourceKeys` of many documents (an import's new sources) in one statement a few thousand keys at a time, all
 * keys in the one sorted order addSource takes its own in: the import's write transaction holds them while it
 * checks the documents again and creates its sources, so an addSource of one of them waits for it, then finds it.
 */
export async function lockSourceKeysOf(tx: ManagedTransaction, matches: readonly DocumentMatch[]): Promise<void> {
  const keys = [...new Set(matches.flatMap(sourceKeys))].sort();
  for (let i = 0; i < keys.length; i += 5_000) {
    await tx.run('UNWIND $keys AS key MERGE (k:SourceKey {key: key}) SET k.lockedAt = datetime()', { keys: keys.slice(i, i + 5_000) });
  }
}

/**
 * Marks the key nodes (locked already) of the sources a staged import will publish as that import's. Its sources are
 * written by journal batches after its commit point, in later transactions than the one holding the locks; while
 * the run is publishing, `pendingSourcesMatching` finds the claim and another writer of the document stops.
 */
export async function claimSourceKeys(tx: ManagedTransaction, importId: string, documents: readonly { id: string; match: DocumentMatch }[]): Promise<void> {
  const rows = documents.flatMap((d) => sourceKeys(d.match).map((key) => ({ key, id: d.id })));
  for (let i = 0; i < rows.length; i += 5_000) {
    await tx.run('UNWIND $rows AS r MATCH (k:SourceKey {key: r.key}) SET k.pendingImport = $importId, k.pendingSource = r.id', { rows: rows.slice(i, i + 5_000), importId });
  }
}

/**
 * For each document, the source a staged import that is publishing (past its commit point, so it will be written)
 * gives it and that import's id, else null. A claim of an import that is over (its run removed) is ignored.
 */
export async function pendingSourcesMatching(tx: ManagedTransaction, matches: readonly DocumentMatch[]): Promise<({ importId: string; id: string } | null)[]> {
  if (matches.length === 0) return [];
  const result = await tx.run(
    `UNWIND range(0, size($keys) - 1) AS i
     UNWIND $keys[i] AS key
     MATCH (k:SourceKey {key: key}) WHERE k.pendingImport IS NOT NULL
     MATCH (r:ImportRun {id: k.pendingImport}) WHERE r.publishing = true
     WITH i, k ORDER BY i, k.key
     RETURN i, collect({importId: k.pendingImport, id: k.pendingSource})[0] AS pending`,
    { keys: matches.map(sourceKeys) },
  );
  const out: ({ importId: string; id: string } | null)[] = matches.map(() => null);
  for (const r of result.records) {
    const pending = r.get('pending') as { importId: unknown; id: unknown } | null;
    if (pending && typeof pending.id === 'string') out[Number(r.get('i'))] = { importId: String(pending.importId), id: pending.id };
  }
  return out;
}

function sourceKindOf(kind: unknown): SourceKind {
  return kind === 'DATASET' || kind === 'OFFICIAL_RECORD' ? kind : 'ARTICLE';
}

/** One quote of a source: who cites it, where the passage sits in the stored text. */
export interface SourceCitationRecord {
  /** The entity, fact or claim citing it (a claim's id names its owner: `election:x#turnout#1`). */
  citedBy: string;
  citedByKind: 'ENTITY' | 'FACT' | 'CLAIM';
  quote: string | null;
  locator: string | null;
  start: number | null;
  end: number | null;
}

/**
 * The rows of one keyset page of the citations of source `s` (a bound variable), in the order of their place in
 * the text (then by who cites): `after` and `limit` are expressions (parameters). Each row is `{key, citedBy,
 * kind, quote, locator, start, end}` plus `extra` entries, which may use the citing node `o` (as `o`) — the
 * planned `source` root (./prefetch-repository.ts) adds the citing records there. Parsed by `parseSourceCitation`.
 */
export function sourceCitationRows(s: string, after: string, limit: string, extra: (o: string) => string = () => ''): string {
  return `MATCH (${s})<-[c:CITES]-(o)
     WHERE NOT coalesce(o.retracted, false)
     WITH c, o, right('0000000000' + toString(coalesce(c.start, 9999999999)), 10) + '|' + o.id + '|' + right('000' + toString(c.ord), 4) AS key
     WHERE ${after} IS NULL OR key > ${after}
     WITH c, o, key ORDER BY key LIMIT ${limit}
     RETURN {key: key, citedBy: o.id, kind: CASE WHEN o:Entity THEN 'ENTITY' WHEN o:Fact THEN 'FACT' ELSE 'CLAIM' END,
       quote: c.quote, locator: c.locator, start: c.start, end: c.end${extra('o')}} AS x`;
}

/** How many live citations source `s` has (the page's `totalCount`). */
export function sourceCitationCount(s: string): string {
  return `COUNT { MATCH (${s})<-[c:CITES]-(o) WHERE NOT coalesce(o.retracted, false) RETURN c }`;
}

/** One row of `sourceCitationRows` as a page item. */
export function parseSourceCitation(x: Record<string, unknown>): { key: string; node: SourceCitationRecord } {
  return {
    key: String(x.key),
    node: {
      citedBy: String(x.citedBy),
      citedByKind: x.kind as SourceCitationRecord['citedByKind'],
      quote: typeof x.quote === 'string' ? x.quote : null,
      locator: typeof x.locator === 'string' ? x.locator : null,
      start: typeof x.start === 'number' ? x.start : null,
      end: typeof x.end === 'number' ? x.end : null,
    },
  };
}

/** One page of a source's citations (the `sourceCitations` loader's key). */
export interface SourceCitationsRequest {
  sourceId: string;
  first: number;
  afterKey: string | null;
}

/** A source's citations in the order of their place in the text (then by who cites), paginated. */
export async function citationsOfSource(db: Database, sourceId: string, page: PageRequest): Promise<Connection<SourceCitationRecord>> {
  const rows = await db.read(
    `MATCH (s:Source {id: $id})
     RETURN ${sourceCitationCount('s')} AS total, COLLECT { ${sourceCitationRows('s', '$after', '$limit')} } AS page`,
    { id: sourceId, after: page.afterKey, limit: int(page.first + 1) },
    (r) => ({ total: Number(r.total), page: r.page as Record<string, unknown>[] }),
  );
  const found = rows[0] ?? { total: 0, page: [] };
  return toConnection(found.page.map(parseSourceCitation), page, found.total);
}

/** One earlier text of a source, kept when a corrected text replaced it. */
export interface SourceVersionRecord {
  version: number;
  sha256: string | null;
  retrievedAt: string | null;
  replacedAt: string | null;
  text: string;
}

function parseVersion(v: Record<string, unknown>): SourceVersionRecord {
  return {
    version: Number(v.version),
    sha256: typeof v.sha256 === 'string' ? v.sha256 : null,
    retrievedAt: typeof v.retrievedAt === 'string' ? v.retrievedAt : null,
    replacedAt: typeof v.replacedAt === 'string' ? v.replacedAt : null,
    text: String(v.text),
  };
}

/** Earlier versions of a source's text, newest first. */
export async function sourceVersions(db: Database, sourceId: string): Promise<SourceVersionRecord[]> {
  return db.read(
    'MATCH (:Source {id: $id})-[:PREVIOUS_VERSION]->(v:SourceVersion) RETURN v {.*} AS v ORDER BY v.version DESC',
    { id: sourceId },
    (r) => parseVersion(r.v as Record<string, unknown>),
  );
}

/**
 * A page of a source's earlier texts, newest first: the cursor is a version number and the page the versions
 * below it, at most `first` + 1 read (each text may be 500,000 characters), with the count of all.
 */
export async function sourceVersionsPage(db: Database, sourceId: string, page: PageRequest): Promise<Connection<SourceVersionRecord>> {
  const before = page.afterKey === null ? null : Number(page.afterKey);
  if (before !== null && !Number.isInteger(before)) throw new UserInputError('Argument "after" is not a cursor of this list.', 'after');
  const rows = await db.read(
    `MATCH (s:Source {id: $id})
     CALL (s) { MATCH (s)-[:PREVIOUS_VERSION]->(v:SourceVersion) RETURN count(v) AS total }
     CALL (s) {
       MATCH (s)-[:PREVIOUS_VERSION]->(v:SourceVersion) WHERE $before IS NULL OR v.version < $before
       WITH v ORDER BY v.version DESC LIMIT $limit
       RETURN collect(v {.*}) AS versions
     }
     RETURN total, versions`,
    { id: sourceId, before: before === null ? null : int(before), limit: int(page.first + 1) },
    (r) => ({ total: Number(r.total), versions: (r.versions as Record<string, unknown>[]).map(parseVersion) }),
  );
  const versions = rows[0]?.versions ?? [];
  return toConnection(versions.map((node) => ({ key: String(node.version), node })), page, rows[0]?.total ?? 0);
}

/** Ids of the nodes (entities, facts, claims) citing a source, inside a transaction. */
export async function nodesCitingSource(tx: ManagedTransaction, sourceId: string): Promise<string[]> {
  const result = await tx.run('MATCH (:Source {id: $id})<-[:CITES]-(o) RETURN DISTINCT o.id AS id ORDER BY id', { id: sourceId });
  return result.records.map((r) => String(r.get('id')));
}

