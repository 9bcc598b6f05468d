// An entity's timeline in one query: the events it took part in and the elections it contested (a party's
// results, a person's candidacies), in timeline order (src/domain/timeline-order.ts: by the last day the date
// may mean, so a year-only entry follows the month and day entries of its year; then elections before events,
// then by id).
import type { Database } from '../neo4j/database.js';
import { partialDateOrNull, type PartialDate } from '../domain/partial-date.js';
import { dateOrderKey } from './fragments.js';
import { toConnection, type Connection, type PageRequest } from './pagination.js';

export type TimelineEntryKind = 'ELECTION' | 'EVENT';

export interface TimelineEntryRecord {
  kind: TimelineEntryKind;
  date: PartialDate;
  /** The event, or the election. */
  entityId: string;
  /** The party result or candidacy behind an ELECTION entry. */
  factId: string | null;
}

/** `2023-03-19` at `MONTH` precision → `2023-03`: the text of a date from its first day and its precision. */
function dateText(start: string, precision: string): string {
  return precision === 'YEAR' ? start.slice(0, 4) : precision === 'MONTH' ? start.slice(0, 7) : start.slice(0, 10);
}

export async function timelineOf(db: Database, entityId: string, kinds: readonly TimelineEntryKind[] | null, page: PageRequest): Promise<Connection<TimelineEntryRecord>> {
  const rows = await db.read(
    `MATCH (e:Entity {id: $id})
     CALL (e) {
       MATCH (e)<-[:SUBJECT]-(p:Participation)-[:OBJECT]->(n:Event)
       WHERE ($kinds IS NULL OR 'EVENT' IN $kinds) AND NOT coalesce(p.retracted, false) AND n.dateStart IS NOT NULL
       RETURN DISTINCT 'EVENT' AS kind, n.id AS entityId, null AS factId, n.dateStart AS start, coalesce(n.datePrecision, 'DAY') AS precision, n.id AS id
       UNION
       MATCH (e)<-[:SUBJECT]-(f:PartyResult|Candidacy)-[:OBJECT]->(el:Election)
       WHERE ($kinds IS NULL OR 'ELECTION' IN $kinds) AND NOT coalesce(f.retracted, false) AND el.dateStart IS NOT NULL
       RETURN 'ELECTION' AS kind, el.id AS entityId, f.id AS factId, el.dateStart AS start, coalesce(el.datePrecision, 'DAY') AS precision, f.id + '|' + el.id AS id
     }
     WITH kind, entityId, factId, start, precision,
          ${dateOrderKey('start', 'precision')} + '|' + CASE kind WHEN 'ELECTION' THEN '0' ELSE '1' END + '|' + id AS key
     WITH collect({key: key, kind: kind, entityId: entityId, factId: factId, start: start, precision: precision}) AS entries
     RETURN size(entries) AS total, [x IN entries WHERE $after IS NULL OR x.key > $after | x] AS rest`,
    { id: entityId, kinds: kinds === null ? null : [...kinds], after: page.afterKey },
    (r) => ({ total: Number(r.total), rest: r.rest as Record<string, unknown>[] }),
  );
  const total = rows[0]?.total ?? 0;
  const sorted = (rows[0]?.rest ?? []).sort((a, b) => (String(a.key) < String(b.key) ? -1 : String(a.key) > String(b.key) ? 1 : 0));
  const nodes = sorted.slice(0, page.first + 1).map((x) => {
    const date = partialDateOrNull(dateText(String(x.start), String(x.precision)));
    if (!date) throw new Error(`timeline entry ${String(x.entityId)} has no readable date`);
    return {
      key: String(x.key),
      node: { kind: x.kind as TimelineEntryKind, date, entityId: String(x.entityId), factId: typeof x.factId === 'string' ? x.factId : null },
    };
  });
  return toConnection(nodes, page, total);
}
