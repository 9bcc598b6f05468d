// Parties that name another party in their predecessors or successors. The lineage is a property of the party
// (JSON, written by src/dataset/to-graph.ts), not a relationship, so a party named there is found by its id in that
// text: what a merge must rewrite along with the records that link to the dropped entity. Read only.
import type { ManagedTransaction } from 'neo4j-driver';

/**
 * Ids of the parties whose `predecessors` or `successors` name `partyId` as their `party`. Scans the Party label
 * (parties are few, hundreds, against the people's tens of thousands); the needle is the JSON of the `party` key
 * with its value, so `party:otan` does not find `party:otan-2`.
 */
export async function partiesNamingInLineage(tx: ManagedTransaction, partyId: string): Promise<string[]> {
  const needle = `"party":${JSON.stringify(partyId)}`;
  const result = await tx.run(
    `MATCH (p:Party) WHERE p.predecessors CONTAINS $needle OR p.successors CONTAINS $needle RETURN p.id AS id`,
    { needle },
  );
  return result.records.map((r) => String(r.get('id')));
}
