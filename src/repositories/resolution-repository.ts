// What entity resolution compares incoming records with: the graph's people, parties, organisations and
// elections, each with its names, identifiers, kind and dated roles (seats, contested elections). Read only.
import type { Database } from '../neo4j/database.js';
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

/** Profiles of every live entity of the given kinds (merged-away ids are gone from the graph). */
export async function resolutionProfiles(db: Database, kinds: readonly ResolutionKind[]): Promise<Profile[]> {
  return db.read(
    `MATCH (n:Entity) WHERE n.kind IN $kinds
     RETURN n.id AS id, n.kind AS kind, n.searchNames AS names, coalesce(n.identifierKeys, []) AS identifiers,
            coalesce(n.orgKind, n.electionKind) AS subKind, n.date AS date,
            [(n)<-[:SUBJECT]-(m:Membership)-[:OBJECT]->(o:Entity) WHERE NOT coalesce(m.retracted, false) | {body: o.id, role: m.role, from: m.from, to: m.to}]
            + [(n)<-[:SUBJECT]-(c:Candidacy)-[:OBJECT]->(e:Election) WHERE c.outcome = 'ELECTED' AND e.bodyId IS NOT NULL AND NOT coalesce(c.retracted, false) | {body: e.bodyId, role: 'elected', from: e.date, to: null}]
            + [(n)<-[:SUBJECT]-(r:PartyResult)-[:OBJECT]->(e:Election) WHERE e.bodyId IS NOT NULL AND NOT coalesce(r.retracted, false) | {body: e.bodyId, role: 'contested', from: e.date, to: e.date}]
            + [(n)<-[:ON_BEHALF_OF]-(m:Membership)-[:OBJECT]->(o:Entity) WHERE NOT coalesce(m.retracted, false) | {body: o.id, role: 'seat', from: m.from, to: m.to}] AS roles,
            [(n)<-[:SUBJECT]-(p:PartyName) | {name: p.name, from: p.from, to: p.to}] AS datedNames`,
    { kinds: [...kinds] },
    (r) => ({
      id: String(r.id),
      kind: String(r.kind) as ResolutionKind,
      names: typeof r.names === 'string' ? (JSON.parse(r.names) as unknown[]).map(String) : [],
      identifiers: strings(r.identifiers),
      subKind: str(r.subKind),
      date: str(r.date),
      roles: spans(r.roles),
      datedNames: (Array.isArray(r.datedNames) ? (r.datedNames as Row[]) : []).map((d) => ({ name: String(d.name), from: str(d.from), to: str(d.to) })),
    }),
  );
}
