// Facts (memberships, candidacies, results...), their citations and disputed claims, and sources: batched
// lookups that DataLoaders call once per level of a query, whatever the number of parents.
import type { FactLabel, LinkType } from '../dataset/to-graph.js';
import { int, type Database } from '../neo4j/database.js';
import { citationList, claimList, factMap, factOrder, holdingOn, VariableNames, type CitationProjection } from './fragments.js';
import { toConnection, type Connection, type PageRequest } from './pagination.js';
import { parseCitation, parseClaim, parseFact, parseSource, type CitationRecord, type ClaimRecord, type FactRecord, type SourceRecord } from './records.js';

/** Facts by id, retracted ones included; the old id of a fact re-numbered by a merge answers the fact itself. */
export async function factsByIds(db: Database, ids: readonly string[], props: readonly string[] | null = null, links: readonly LinkType[] | null = null): Promise<Map<string, FactRecord>> {
  const rows = await db.read(
    `UNWIND $ids AS asked
     OPTIONAL MATCH (x:Redirect {id: asked})
     WITH asked, coalesce(x.to, asked) AS id
     MATCH (f:Fact {id: id})
     RETURN asked, ${factMap('f', new VariableNames(), props, links)} AS f`,
    { ids },
    (r) => [String(r.asked), parseFact(r.f as Record<string, unknown>)] as const,
  );
  return new Map(rows);
}

/** How a fact hangs off an entity: the fact's label and the link from the fact to the entity. */
export interface FactLinkKey {
  label: FactLabel;
  link: Extract<LinkType, 'SUBJECT' | 'OBJECT' | 'IN_DISTRICT' | 'NOMINATED_BY' | 'STATUS_OF'>;
  /** Also retracted facts (left out by default). */
  includeRetracted?: boolean;
  /** Only facts holding on this day (`YYYY-MM-DD`; open or unknown bounds hold), filtered in the database. */
  asOf?: string | null;
}

const allowedLabels = new Set<FactLabel>(['Membership', 'Candidacy', 'CandidacyStatus', 'PartyResult', 'FamilyTie', 'CaseParty', 'Participation', 'PartyName', 'Finding']);
const allowedLinks = new Set<FactLinkKey['link']>(['SUBJECT', 'OBJECT', 'IN_DISTRICT', 'NOMINATED_BY', 'STATUS_OF']);

/** Label and link type are interpolated into Cypher, so only the fixed allow-lists above may reach it. */
export function assertFactLink(label: FactLabel, link: FactLinkKey['link']): void {
  if (!allowedLabels.has(label) || !allowedLinks.has(link)) throw new Error(`not an allowed fact link: ${label}/${link}`);
}

/** Facts of one label linked to each of many nodes by one link type, in one round trip. */
export async function factsLinkedTo(
  db: Database,
  key: FactLinkKey,
  targetIds: readonly string[],
  props: readonly string[] | null = null,
  links: readonly LinkType[] | null = null,
): Promise<Map<string, FactRecord[]>> {
  assertFactLink(key.label, key.link);
  const target = key.link === 'STATUS_OF' ? 'Fact' : 'Entity';
  const rows = await db.read(
    `MATCH (f:${key.label})-[:${key.link}]->(t:${target}) WHERE t.id IN $ids AND ($includeRetracted OR NOT coalesce(f.retracted, false)) AND ${holdingOn('f', '$asOf')}
     RETURN t.id AS target, ${factMap('f', new VariableNames(), props, links)} AS f
     ORDER BY ${factOrder('f')}`,
    { ids: targetIds, includeRetracted: key.includeRetracted ?? false, asOf: key.asOf ?? null },
    (r) => ({ target: String(r.target), fact: parseFact(r.f as Record<string, unknown>) }),
  );
  const out = new Map<string, FactRecord[]>(targetIds.map((id) => [id, []]));
  for (const row of rows) out.get(row.target)?.push(row.fact);
  return out;
}

/** Citations of many entities, facts or claims, with their sources, in one round trip. */
export async function citationsOf(db: Database, ownerIds: readonly string[], projection: CitationProjection | null = null): Promise<Map<string, CitationRecord[]>> {
  const rows = await db.read(
    `UNWIND $ids AS id
     CALL (id) {
       MATCH (o:Entity {id: id}) RETURN o
       UNION MATCH (o:Fact {id: id}) RETURN o
       UNION MATCH (o:Claim {id: id}) RETURN o
     }
     RETURN id, ${citationList('o', new VariableNames(), projection)} AS citations`,
    { ids: ownerIds },
    (r) => ({ id: String(r.id), citations: (r.citations as Record<string, unknown>[]).map(parseCitation) }),
  );
  const out = new Map<string, CitationRecord[]>(ownerIds.map((id) => [id, []]));
  for (const row of rows) out.set(row.id, row.citations);
  return out;
}

/** Disputed values of many entities or facts, each claim with its citations, in one round trip. */
export async function claimsOf(db: Database, ownerIds: readonly string[], projection: CitationProjection | null = null): Promise<Map<string, ClaimRecord[]>> {
  const rows = await db.read(
    `UNWIND $ids AS ownerId
     RETURN ownerId, ${claimList('ownerId', new VariableNames(), projection)} AS claims`,
    { ids: ownerIds },
    (r) => ({ ownerId: String(r.ownerId), claims: (r.claims as Record<string, unknown>[]).map(parseClaim) }),
  );
  const out = new Map<string, ClaimRecord[]>(ownerIds.map((id) => [id, []]));
  for (const row of rows) out.set(row.ownerId, row.claims);
  return out;
}

const SOURCE = 'COUNT { (s)<-[:CITES]-() } AS citationCount, s {.*} AS s';

export async function sourcesByIds(db: Database, ids: readonly string[]): Promise<Map<string, SourceRecord>> {
  const rows = await db.read(`MATCH (s:Source) WHERE s.id IN $ids RETURN ${SOURCE}`, { ids }, (r) =>
    parseSource({ ...(r.s as Record<string, unknown>), citationCount: r.citationCount }),
  );
  return new Map(rows.map((s) => [s.id, s]));
}

export async function listSources(db: Database, page: PageRequest): Promise<Connection<SourceRecord>> {
  const rows = await db.read(
    `CALL () { MATCH (s:Source) RETURN count(s) AS total }
     CALL () {
       MATCH (s:Source) WITH s, s.dateStart + '|' + s.id AS key
       WHERE $after IS NULL OR key > $after
       ORDER BY key LIMIT $limit
       RETURN collect({key: key, citationCount: COUNT { (s)<-[:CITES]-() }, s: s {.*}}) AS page
     }
     RETURN total, page`,
    { after: page.afterKey, limit: int(page.first + 1) },
    (r) => ({
      total: Number(r.total),
      page: (r.page as { key: string; citationCount: number; s: Record<string, unknown> }[]).map((p) => ({
        key: p.key,
        node: parseSource({ ...p.s, citationCount: p.citationCount }),
      })),
    }),
  );
  const result = rows[0] ?? { total: 0, page: [] };
  return toConnection(result.page, page, result.total);
}
