// The order of dated entries of mixed precision (docs/api.md, "Order of dated entries"): a coarse date follows
// every finer date it contains, dates ending together finer first.
import { describe, expect, it } from 'vitest';
import { compareTimelineDates, dateOrderKey } from '../../src/domain/timeline-order.js';

describe('timeline order', () => {
  it('puts a year-only entry after the month and day entries of its year, a month after its days', () => {
    const dates = ['2022', '2023-01', '2022-11', '2022-01', '2021-12-30', '2022-09-05', '2022-12-31', '2022-12', '2022-01-05', null, '2021'];
    expect([...dates].sort(compareTimelineDates)).toEqual(['2021-12-30', '2021', '2022-01-05', '2022-01', '2022-09-05', '2022-11', '2022-12-31', '2022-12', '2022', '2023-01', null]);
  });

  it('keys dates so that plain string order is timeline order', () => {
    expect(dateOrderKey('2022')).toBe('2022-99-99');
    expect(dateOrderKey('2022-03')).toBe('2022-03-99');
    expect(dateOrderKey('2022-03-05')).toBe('2022-03-05');
    expect(compareTimelineDates({ text: '2022-01' }, '2022')).toBeLessThan(0);
    expect(compareTimelineDates('2022', '2022')).toBe(0);
  });
});
