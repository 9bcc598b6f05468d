// mergeEntities keeps the finest cited precision of a date both records give, and both dates as claims where they
// disagree (issue 25, item 4): src/curation/merge.ts `mergeRecords`. Pure, no database.
import { describe, expect, it } from 'vitest';
import type { CollectionRecord } from '../../src/dataset/from-graph.js';
import { mergeRecords } from '../../src/curation/merge.js';

const articles = [{ source: '004_501aa6378d191ed4.txt', quote: 'the last four parliamentary polls (2007, 2012, 2016 and 2021)' }];
const other = [{ source: '003_a2df2bc0f71960c4.txt', quote: 'elections on 27 March' }];
const election = (id: string, date: unknown, citations: unknown[]) =>
  ({ collection: 'elections', record: { id, name: `Election ${id}`, aliases: [], kind: 'PARLIAMENTARY', date, findings: [], placeTurnout: [], citations } }) as unknown as CollectionRecord;
const dateOf = (r: CollectionRecord) => (r.record as unknown as { date: unknown }).date;

describe('mergeRecords: dates', () => {
  it("takes the dropped record's finer date where it refines the kept one", () => {
    expect(dateOf(mergeRecords(election('election:a', '2016', articles), election('election:b', '2016-03-20', other)).merged)).toBe('2016-03-20');
    expect(dateOf(mergeRecords(election('election:a', '2016-03-20', articles), election('election:b', '2016', other)).merged)).toBe('2016-03-20');
  });

  it('keeps both dates as claims where they disagree, each cited by its record, the kept one first', () => {
    const { merged } = mergeRecords(election('election:a', '2016-03-20', articles), election('election:b', '2016-03-27', other));
    expect(dateOf(merged)).toEqual({ claims: [{ value: '2016-03-20', citations: articles }, { value: '2016-03-27', citations: other }] });
  });

  it("folds the dropped record's claims into the kept one's", () => {
    const kept = election('election:a', { claims: [{ value: '2016', citations: articles }, { value: '2016-03-27', citations: other }] }, articles);
    const { merged } = mergeRecords(kept, election('election:b', '2016-03-20', other));
    expect(dateOf(merged)).toEqual({ claims: [{ value: '2016-03-20', citations: [...articles, ...other] }, { value: '2016-03-27', citations: other }] });
  });
});
