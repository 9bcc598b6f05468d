// mergeEntities keeps every value the sources give: one value where the two records agree (with both records'
// citations), both as claims where they disagree, each cited by the citations of its record that state it
// (issue 25, item 4): src/domain/value-claims.ts and src/curation/merge.ts `mergeRecords`. Pure, no database.
import { describe, expect, it } from 'vitest';
import type { CollectionRecord } from '../../src/dataset/from-graph.js';
import { mergeRecords } from '../../src/curation/merge.js';
import { mergeAllClaims, mergeClaim, valueRule } from '../../src/domain/value-claims.js';

const says75 = { source: 'a.txt', quote: 'Turnout was 75% of registered voters.' };
const aboutA = { source: 'a.txt', quote: 'The election was called early.' };
const says77 = { source: 'b.txt', quote: 'turnout reached 77.1 percent' };
const aboutB = { source: 'b.txt', quote: 'Observers criticised the count.' };
const says75too = { source: 'c.txt', quote: 'a turnout of 75 %' };

const election = (id: string, values: Record<string, unknown>, citations: unknown[]) =>
  ({ collection: 'elections', record: { id, name: `Election ${id}`, aliases: [], kind: 'PARLIAMENTARY', date: '2016-03-20', findings: [], placeTurnout: [], citations, ...values } }) as unknown as CollectionRecord;
const fields = (r: CollectionRecord) => r.record as unknown as Record<string, unknown>;

describe('mergeRecords: numbers and texts', () => {
  it('keeps both turnouts as claims where the records disagree, each cited by the citations of its record that state it', () => {
    const { merged } = mergeRecords(election('election:a', { turnout: 75 }, [aboutA, says75]), election('election:b', { turnout: 77.1 }, [says77, aboutB]));
    expect(fields(merged).turnout).toEqual({ claims: [{ value: 75, citations: [says75] }, { value: 77.1, citations: [says77] }] });
    expect(fields(merged).citations).toEqual([aboutA, says75, says77, aboutB]);
  });

  it('keeps one value where they agree (its citations are both records\', the merged record holding them)', () => {
    const { merged } = mergeRecords(election('election:a', { turnout: 75, seats: 98 }, [says75]), election('election:c', { turnout: 75, seats: 98 }, [says75too]));
    expect(fields(merged)).toMatchObject({ turnout: 75, seats: 98, citations: [says75, says75too] });
  });

  it('takes a value only the dropped record has, as it is', () => {
    const cited = { value: 107, citations: [{ source: 'b.txt', quote: '107 seats' }] };
    const { merged } = mergeRecords(election('election:a', { turnout: 75 }, [says75]), election('election:b', { seats: 98, listSeats: cited }, [{ source: 'b.txt', quote: '98 seats' }]));
    expect(fields(merged)).toMatchObject({ turnout: 75, seats: 98, listSeats: cited });
  });

  it('joins a value equal to one of the kept claims into that claim, adding no claim', () => {
    const disputed = { claims: [{ value: 75, citations: [says75] }, { value: 77.1, citations: [says77] }] };
    const { merged } = mergeRecords(election('election:a', { turnout: disputed }, [says75, says77]), election('election:c', { turnout: 75 }, [says75too, aboutB]));
    expect(fields(merged).turnout).toEqual({ claims: [{ value: 75, citations: [says75, says75too] }, { value: 77.1, citations: [says77] }] });
    // Folding the same record in again changes nothing: its citations are there already.
    const again = mergeRecords(merged, election('election:c', { turnout: 75 }, [says75too, aboutB])).merged;
    expect(fields(again).turnout).toEqual(fields(merged).turnout);
  });

  it("keeps the dropped value's own citations where it agrees with a plain kept value", () => {
    const own = { source: 'c.txt', quote: 'a turnout of 75 %' };
    const { merged } = mergeRecords(election('election:a', { turnout: 75 }, [aboutA, says75]), election('election:c', { turnout: { value: 75, citations: [own] } }, [aboutB]));
    expect(fields(merged).turnout).toEqual({ value: 75, citations: [says75, own] });
  });

  it("folds a court case's status and maximum penalty like an election's numbers", () => {
    const courtCase = (id: string, status: string, citations: unknown[]) =>
      ({ collection: 'courtCases', record: { id, name: id, aliases: [], charges: [], parties: [], status, maxPenalty: '5 years', citations } }) as unknown as CollectionRecord;
    const { merged } = mergeRecords(courtCase('case:a', 'OPEN', [aboutA]), courtCase('case:b', 'CLOSED', [aboutB]));
    expect(fields(merged)).toMatchObject({ status: { claims: [{ value: 'OPEN', citations: [aboutA] }, { value: 'CLOSED', citations: [aboutB] }] }, maxPenalty: '5 years' });
  });
});

describe('the value rule', () => {
  it('reports a disagreement naming both holders, and cites a claim by all its record\'s citations where none states it', () => {
    const conflicts: string[] = [];
    const out = mergeClaim({ rule: valueRule, field: 'seats', storedCitations: [aboutA], incomingCitations: [aboutB], conflicts, holders: { stored: 'election:a', incoming: 'election:b' } }, 98, 107);
    expect(out).toEqual({ claims: [{ value: 98, citations: [aboutA] }, { value: 107, citations: [aboutB] }] });
    expect(conflicts).toEqual(['seats: election:a has 98, election:b 107; both are kept as claims, each with its citations']);
  });

  it('answers undefined (keep the stored value) where nothing changes', () => {
    const turnout = { rule: valueRule, field: 'turnout', storedCitations: [says75], incomingCitations: [says75too], conflicts: [] };
    expect(mergeAllClaims(turnout, 75, 75)).toBeUndefined();
    expect(mergeAllClaims(turnout, 75, undefined)).toBeUndefined();
    expect(mergeAllClaims(turnout, undefined, 75)).toBeUndefined();
  });
});
