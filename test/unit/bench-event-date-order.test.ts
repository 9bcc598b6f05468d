// The benchmark's loader stores `dateOrder` on events (bench/load.ts, addEventDateOrder) so that @neo4j/graphql,
// which sorts on stored fields only, lists an entity's events in the API's timeline order: a year after every
// finer date in it, a month after its days. Sorting on the first day (`dateStart`) would put the year first.
import { describe, expect, it } from 'vitest';
import { addEventDateOrder } from '../../bench/load.js';
import type { GraphRows, NodeRow } from '../../src/dataset/to-graph.js';

const event = (id: string, dateStart: string | null, datePrecision: string | null): NodeRow => ({ id, props: { name: id, dateStart, datePrecision } });

describe('bench: stored event dateOrder', () => {
  it('orders a year after its months and days, a month after its days, as the timeline does', () => {
    const events = [
      event('event:year', '2022-01-01', 'YEAR'),
      event('event:march', '2022-03-01', 'MONTH'),
      event('event:march-5', '2022-03-05', 'DAY'),
      event('event:new-year-eve', '2021-12-31', 'DAY'),
      event('event:december', '2022-12-01', 'MONTH'),
    ];
    const rows = { entities: { Event: events } } as unknown as GraphRows;
    addEventDateOrder(rows);
    expect(Object.fromEntries(events.map((e) => [e.id, e.props.dateOrder]))).toEqual({
      'event:year': '2022-99-99',
      'event:march': '2022-03-99',
      'event:march-5': '2022-03-05',
      'event:new-year-eve': '2021-12-31',
      'event:december': '2022-12-99',
    });
    const byOrder = [...events].sort((a, b) => String(a.props.dateOrder).localeCompare(String(b.props.dateOrder)) || a.id.localeCompare(b.id));
    expect(byOrder.map((e) => e.id)).toEqual(['event:new-year-eve', 'event:march-5', 'event:march', 'event:december', 'event:year']);
  });

  it('leaves an event without a date without a key', () => {
    const undated = event('event:undated', null, null);
    addEventDateOrder({ entities: { Event: [undated] } } as unknown as GraphRows);
    expect(undated.props.dateOrder).toBeUndefined();
  });
});
