// Legislatures and external identifiers: a legislature's terms and seats (Membership facts of the body, each
// with its term key and the party it was held for), a person's seats, and entities by identifier.
import { UserInputError } from '../errors.js';
import { int, type Database } from '../neo4j/database.js';

export type { IdentifierRecord } from './records.js';

export interface TermRecord {
  legislatureId: string;
  /** The Term fact (`organization:mazhilis#term#1`): the owner of its dates' claims. */
  id: string;
  key: string;
  name: string;
  from: string;
  to: string | null;
  /** Its dates the sources dispute (`from`, `to`): their claims are Claim nodes of the fact. */
  disputed: string[];
  memberCount: number;
  /** Seats per party; `independent` seats have no party (nor do seats whose party the source does not know). */
  composition: { partyId: string | null; independent: boolean; seats: number; membershipIds: string[] }[];
}

export interface SeatRecord {
  /** The Membership fact of the seat (its citations are the seat's). */
  membershipId: string;
  personId: string;
  legislatureId: string;
  partyId: string | null;
  /** Held as an independent, for no party. */
  independent: boolean;
  term: string | null;
  from: string | null;
  to: string | null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** Identifiers of many entities in one round trip (empty for an unknown id). */
/** Whether the id is an organisation of kind LEGISLATURE. */
export async function isLegislature(db: Database, id: string): Promise<boolean> {
  const rows = await db.read(`MATCH (o:Organization {id: $id}) WHERE o.orgKind = 'LEGISLATURE' RETURN o.id AS id`, { id }, (r) => String(r.id));
  return rows.length > 0;
}

const LIVE_SEAT = `NOT coalesce(m.retracted, false)`;

/**
 * The terms of legislature `o` (a bound variable), oldest first, each a map `{key, name, from, to, members,
 * composition}` (parsed by `parseTerm`): a COLLECT subquery, so it can stand alone or inside a planned query.
 */
export function termList(o: string): string {
  return `COLLECT { MATCH (${o})<-[:SUBJECT]-(t:Term)
     CALL (${o}, t) {
       OPTIONAL MATCH (${o})<-[:OBJECT]-(m:Membership {term: t.key}) WHERE ${LIVE_SEAT}
       OPTIONAL MATCH (m)-[:ON_BEHALF_OF]->(p:Entity)
       WITH m, p WHERE m IS NOT NULL
       WITH p.id AS party, coalesce(m.independent, false) AS independent, count(m) AS seats, collect(m.id) AS ids
       RETURN collect({party: party, independent: independent, seats: seats, ids: ids}) AS composition, sum(seats) AS members
     }
     WITH t, composition, members ORDER BY t.ord
     RETURN {id: t.id, key: t.key, name: t.name, from: t.from, to: t.to, disputed: coalesce(t.disputed, []), composition: composition, members: members} }`;
}

/** One term of `termList` as a record. */
export function parseTerm(legislatureId: string, r: Record<string, unknown>): TermRecord {
  return {
    legislatureId,
    id: String(r.id),
    key: String(r.key),
    name: String(r.name),
    from: String(r.from),
    to: str(r.to),
    disputed: Array.isArray(r.disputed) ? r.disputed.map(String) : [],
    memberCount: Number(r.members ?? 0),
    composition: (r.composition as { party: unknown; independent: unknown; seats: unknown; ids: unknown[] }[])
      .map((c) => ({ partyId: str(c.party), independent: c.independent === true, seats: Number(c.seats), membershipIds: c.ids.map(String).sort() }))
      .sort((a, b) => b.seats - a.seats || String(a.partyId).localeCompare(String(b.partyId)) || Number(a.independent) - Number(b.independent)),
  };
}

/** A legislature's terms, oldest first, with how many held a seat in each and the seats per party. */
export async function termsOf(db: Database, legislatureId: string): Promise<TermRecord[]> {
  const rows = await db.read(`MATCH (o:Entity {id: $id}) RETURN ${termList('o')} AS terms`, { id: legislatureId }, (r) => r.terms as Record<string, unknown>[]);
  return (rows[0] ?? []).map((t) => parseTerm(legislatureId, t));
}

const SEAT = `{membershipId: m.id, personId: p.id, legislatureId: o.id, partyId: party.id, independent: coalesce(m.independent, false), term: m.term, from: m.from, to: m.to}`;
/** One seat map (`SEAT`) as a record. */
export function parseSeat(s: Record<string, unknown>): SeatRecord {
  return {
    membershipId: String(s.membershipId),
    personId: String(s.personId),
    legislatureId: String(s.legislatureId),
    partyId: str(s.partyId),
    independent: s.independent === true,
    term: str(s.term),
    from: str(s.from),
    to: str(s.to),
  };
}

export const MAX_MEMBERS = 1000;

/** `first` of a list of seats: 200 when omitted, at most `MAX_MEMBERS`. */
export function seatLimit(first: number | null | undefined): number {
  const limit = first ?? 200;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_MEMBERS) throw new UserInputError(`Argument "first" must be between 0 and ${MAX_MEMBERS} (got ${limit}).`, 'first');
  return limit;
}

/** Whether two seat filters ask the same page. */
export function sameSeatFilter(a: SeatFilter, b: SeatFilter): boolean {
  return a.asOf === b.asOf && a.term === b.term && a.first === b.first;
}

/** Which seats a page holds: on a day and/or in a term (each null: any), at most `first`. */
export interface SeatFilter {
  asOf: string | null;
  term: string | null;
  first: number;
}

/**
 * The seats of legislature `o` (a bound variable) matching `filter` (a map expression: asOf, term) by the
 * member's name: `CALL (o) { … }` binding `total` and `page` (at most `first`, an expression, seat maps parsed by
 * `parseSeat`). `seatsOf` runs it alone; the planned `legislature` root inside its one query.
 */
export function seatPage(o: string, filter: string, first: string): string {
  return `CALL (${o}) {
     MATCH (${o})<-[:OBJECT]-(m:Membership)-[:SUBJECT]->(p:Person)
     WHERE ${LIVE_SEAT} AND (${filter}.term IS NULL OR m.term = ${filter}.term)
       AND (${filter}.asOf IS NULL OR (coalesce(m.fromStart, '0000') <= ${filter}.asOf AND coalesce(m.toEnd, '9999') >= ${filter}.asOf))
     OPTIONAL MATCH (m)-[:ON_BEHALF_OF]->(party:Entity)
     WITH p, m, ${o} AS o, party ORDER BY p.sortName, p.id, m.fromStart
     WITH collect(${SEAT}) AS found
     RETURN size(found) AS total, found[0..${first}] AS page
   }`;
}

/**
 * Seats of a legislature (or of every legislature) on a day and/or in a term, held for one party when `party` is
 * given, by the member's name; with the total before `first`.
 */
export async function seatsOf(
  db: Database,
  legislatureId: string | null,
  filter: { asOf: string | null; term: string | null; first: number; party?: string | null },
): Promise<{ total: number; seats: SeatRecord[] }> {
  const rows = await db.read(
    filter.party
      ? `MATCH (party:Party {id: $party})<-[:ON_BEHALF_OF]-(m:Membership)-[:OBJECT]->(o:Organization)
         WHERE o.orgKind = 'LEGISLATURE' AND ($id IS NULL OR o.id = $id) AND ${LIVE_SEAT} AND ($term IS NULL OR m.term = $term)
           AND ($asOf IS NULL OR (coalesce(m.fromStart, '0000') <= $asOf AND coalesce(m.toEnd, '9999') >= $asOf))
         MATCH (m)-[:SUBJECT]->(p:Person)
         WITH p, m, o, party ORDER BY p.sortName, p.id, m.fromStart
         WITH collect(${SEAT}) AS found
         RETURN size(found) AS total, found[0..$first] AS page`
      : `MATCH (o:Entity {id: $id}) ${seatPage('o', '{term: $term, asOf: $asOf}', '$first')} RETURN total, page`,
    { id: legislatureId, party: filter.party ?? null, term: filter.term, asOf: filter.asOf, first: int(filter.first) },
    (r) => ({ total: Number(r.total), seats: (r.page as Record<string, unknown>[]).map((s) => parseSeat(s)) }),
  );
  return rows[0] ?? { total: 0, seats: [] };
}

/** The legislature seats of many persons in one round trip, oldest first. */
export async function seatsOfPersons(db: Database, personIds: readonly string[]): Promise<Map<string, SeatRecord[]>> {
  const rows = await db.read(
    `UNWIND $ids AS id
     MATCH (p:Person {id: id})<-[:SUBJECT]-(m:Membership)-[:OBJECT]->(o:Organization) WHERE o.orgKind = 'LEGISLATURE' AND ${LIVE_SEAT}
     OPTIONAL MATCH (m)-[:ON_BEHALF_OF]->(party:Entity)
     WITH id, p, m, o, party ORDER BY m.fromStart, m.id
     RETURN id, collect(${SEAT}) AS seats`,
    { ids: [...personIds] },
    (r) => [String(r.id), (r.seats as Record<string, unknown>[]).map((s) => parseSeat(s))] as const,
  );
  return new Map(rows);
}
