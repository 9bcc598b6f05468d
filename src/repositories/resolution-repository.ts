// What entity resolution compares incoming records with: the graph's people, parties, organisations and
// elections, each with its names, identifiers, kind and dated roles (seats, contested elections), and the
// candidates worth comparing, found through the fulltext index of folded name keys (never a scan). Read only.
import { int, type Database } from '../neo4j/database.js';
import type { Profile, ResolutionKind, RoleSpan } from '../popolo/resolve.js';

type Row = Record<string, unknown>;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}
function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
function spans(v: unknown): RoleSpan[] {
  return (Array.isArray(v) ? (v as Row[]) : []).map((r) => ({ body: String(r.body), role: String(r.role), from: str(r.from), to: str(r.to) }));
}

const PROFILE = `RETURN n.id AS id, n.kind AS kind, n.searchNames AS names, coalesce(n.identifierKeys, []) AS identifiers,
            coalesce(n.orgKind, n.electionKind) AS subKind, n.date AS date,
            [(n)<-[:SUBJECT]-(m:Membership)-[:OBJECT]->(o:Entity) WHERE NOT coalesce(m.retracted, false) | {body: o.id, role: m.role, from: m.from, to: m.to}]
            + [(n)<-[:SUBJECT]-(c:Candidacy)-[:OBJECT]->(e:Election) WHERE c.outcome = 'ELECTED' AND e.bodyId IS NOT NULL AND NOT coalesce(c.retracted, false) | {body: e.bodyId, role: 'elected', from: e.date, to: null}]
            + [(n)<-[:SUBJECT]-(r:PartyResult)-[:OBJECT]->(e:Election) WHERE e.bodyId IS NOT NULL AND NOT coalesce(r.retracted, false) | {body: e.bodyId, role: 'contested', from: e.date, to: e.date}]
            + [(n)<-[:ON_BEHALF_OF]-(m:Membership)-[:OBJECT]->(o:Entity) WHERE NOT coalesce(m.retracted, false) | {body: o.id, role: 'seat', from: m.from, to: m.to}] AS roles,
            [(n)<-[:SUBJECT]-(p:PartyName) | {name: p.name, from: p.from, to: p.to}] AS datedNames`;

function parseProfile(r: Row): Profile {
  return {
    id: String(r.id),
    kind: String(r.kind) as ResolutionKind,
    names: typeof r.names === 'string' ? (JSON.parse(r.names) as unknown[]).map(String) : [],
    identifiers: strings(r.identifiers),
    subKind: str(r.subKind),
    date: str(r.date),
    roles: spans(r.roles),
    datedNames: (Array.isArray(r.datedNames) ? (r.datedNames as Row[]) : []).map((d) => ({ name: String(d.name), from: str(d.from), to: str(d.to) })),
  };
}

/** Profiles of every live entity of the given kinds (merged-away ids are gone from the graph): for the few elections. */
export async function resolutionProfiles(db: Database, kinds: readonly ResolutionKind[]): Promise<Profile[]> {
  return db.read(`MATCH (n:Entity) WHERE n.kind IN $kinds ${PROFILE}`, { kinds: [...kinds] }, parseProfile);
}

const PROFILES_PER_READ = 500;

/** Profiles of the entities with these ids (those that exist). */
export async function resolutionProfilesOf(db: Database, ids: readonly string[]): Promise<Profile[]> {
  const out: Profile[] = [];
  for (let i = 0; i < ids.length; i += PROFILES_PER_READ) {
    out.push(...(await db.read(`UNWIND $ids AS id MATCH (n:Entity {id: id}) ${PROFILE}`, { ids: ids.slice(i, i + PROFILES_PER_READ) }, parseProfile)));
  }
  return out;
}

/** One incoming entity's question to the fulltext index: its kind and a Lucene query of its keys. */
export interface CandidateQuery {
  ref: string;
  kind: ResolutionKind;
  lucene: string;
}

const QUERIES_PER_READ = 200;

/**
 * For each query, the ids of at most `limit` entities of its kind the fulltext index ranks best (Lucene's score:
 * more shared keys, and rarer ones, first). The index is asked for four times as many, as other kinds share it.
 */
export async function candidateIds(db: Database, queries: readonly CandidateQuery[], limit: number): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < queries.length; i += QUERIES_PER_READ) {
    const rows = await db.read(
      `UNWIND $queries AS q
       CALL (q) {
         CALL db.index.fulltext.queryNodes('entity_search', q.lucene, {limit: $scan}) YIELD node, score
         WHERE node.kind = q.kind
         RETURN node.id AS id ORDER BY score DESC LIMIT $limit
       }
       RETURN q.ref AS ref, collect(id) AS ids`,
      { queries: queries.slice(i, i + QUERIES_PER_READ), scan: int(4 * limit), limit: int(limit) },
      (r) => [String(r.ref), strings(r.ids)] as const,
    );
    for (const [ref, ids] of rows) out.set(ref, ids);
  }
  return out;
}

/** Which of these ids live entities have. */
export async function existingEntityIds(db: Database, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 5_000) {
    const found = await db.read('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id', { ids: ids.slice(i, i + 5_000) }, (r) => String(r.id));
    found.forEach((id) => out.add(id));
  }
  return out;
}

/** A live membership between two stored entities, as `storedMembershipsBetween` reads it. */
export interface StoredMembership {
  id: string;
  person: string;
  organization: string;
  role: string | null;
  term: string | null;
  /** The date the graph answers with (a disputed date's first claim). */
  from: string | null;
  to: string | null;
}

/** The live memberships between each person and organisation (an imported membership may be one of them). */
export async function storedMembershipsBetween(db: Database, pairs: readonly { person: string; organization: string }[]): Promise<StoredMembership[]> {
  const out: StoredMembership[] = [];
  for (let i = 0; i < pairs.length; i += 2_000) {
    const found = await db.read(
      `UNWIND $pairs AS pair
       MATCH (:Entity {id: pair.person})<-[:SUBJECT]-(m:Membership)-[:OBJECT]->(:Entity {id: pair.organization})
       WHERE NOT coalesce(m.retracted, false)
       RETURN DISTINCT m.id AS id, pair.person AS person, pair.organization AS organization, m.role AS role, m.term AS term, m.from AS from, m.to AS to`,
      { pairs: pairs.slice(i, i + 2_000) },
      (r): StoredMembership => ({ id: String(r.id), person: String(r.person), organization: String(r.organization), role: str(r.role), term: str(r.term), from: str(r.from), to: str(r.to) }),
    );
    out.push(...found);
  }
  return out;
}
