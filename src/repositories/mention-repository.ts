// The names a document's mentions are matched against: every name and alias of the entities that have one of
// the document's folded words among their search keys, found through the fulltext index of folded name keys
// (never a scan of all entities).
import { int, type Database } from '../neo4j/database.js';
import { escapeLucene } from '../search/fold.js';
import type { KnownName } from '../search/mentions.js';

/** Terms per index query: below Lucene's default limit of 1,024 clauses. */
const TERMS_PER_QUERY = 500;
/** Entities one query may answer: a word shared by more names than this (a common first name) is cut off. */
const ENTITIES_PER_QUERY = 20_000;

/** Names (`searchNames`: name, aliases, identifiers) of the entities having any of the keys. */
export async function namesWithKeys(db: Database, keys: readonly string[]): Promise<KnownName[]> {
  if (keys.length === 0) return [];
  const queries: string[] = [];
  for (let i = 0; i < keys.length; i += TERMS_PER_QUERY) queries.push(keys.slice(i, i + TERMS_PER_QUERY).map(escapeLucene).join(' OR '));
  const rows = await db.read(
    `UNWIND $queries AS q
     CALL db.index.fulltext.queryNodes('entity_search', q, {limit: $limit}) YIELD node
     WITH DISTINCT node AS n
     RETURN n.id AS id, n.name AS name, n.searchNames AS names`,
    { queries, limit: int(ENTITIES_PER_QUERY) },
    (r) => ({ id: String(r.id), name: String(r.name), names: typeof r.names === 'string' ? (JSON.parse(r.names) as unknown[]).map(String) : [] }),
  );
  return rows.flatMap((r) => [...new Set([r.name, ...r.names])].map((name) => ({ entityId: r.id, name })));
}
