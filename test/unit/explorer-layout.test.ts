// The explorer's layout geometry (public/explorer/src/layout.ts), without a browser: new nodes land beside their
// anchor without touching anything, fixed nodes never move, and a first layout leaves no two discs overlapping.
import { describe, expect, it } from 'vitest';
import { forceLayout, GAP, overlappingPairs, placeAround, removeOverlaps, type Disc } from '../../public/explorer/src/layout.js';
import { mulberry32 } from '../../bench/generate.js';

describe('explorer layout', () => {
  it('places new nodes around their anchor, clear of every placed disc, without moving those', () => {
    const placed: Disc[] = [
      { id: 'a', x: 0, y: 0, r: 14, movable: false },
      { id: 'b', x: 60, y: 0, r: 10, movable: false },
      { id: 'c', x: 0, y: 60, r: 10, movable: false },
    ];
    const fresh = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, r: 6 + (i % 5), anchor: { x: 60, y: 0, r: 10 } }));
    const spots = placeAround(placed, fresh, { x: 0, y: 0 });
    expect(spots.size).toBe(40);
    const all: Disc[] = [...placed, ...fresh.map((f) => ({ id: f.id, ...spots.get(f.id)!, r: f.r, movable: false }))];
    expect(overlappingPairs(all, GAP - 0.001)).toEqual([]);
    // The first ring hugs the anchor.
    const first = spots.get('n0')!;
    expect(Math.hypot(first.x - 60, first.y)).toBeLessThan(120);
  });

  it('removes overlaps by moving only movable discs', () => {
    const random = mulberry32(7);
    const discs: Disc[] = Array.from({ length: 200 }, (_, i) => ({ id: `d${i}`, x: random() * 200, y: random() * 200, r: 5 + random() * 10, movable: i % 4 !== 0 }));
    const fixed = discs.filter((d) => !d.movable).map((d) => ({ ...d }));
    removeOverlaps(discs);
    const movablePairs = overlappingPairs(discs, GAP - 0.001).filter(([a, b]) => discs.find((d) => d.id === a)!.movable || discs.find((d) => d.id === b)!.movable);
    expect(movablePairs).toEqual([]);
    for (const f of fixed) expect(discs.find((d) => d.id === f.id)).toMatchObject({ x: f.x, y: f.y });
  });

  it('gives a first layout of a random network with no overlapping discs', () => {
    const random = mulberry32(11);
    const nodes = Array.from({ length: 300 }, (_, i) => ({ id: `n${i}`, x: random() * 10, y: random() * 10, r: 6 + random() * 8, fixed: false }));
    const edges: [string, string][] = Array.from({ length: 600 }, () => [`n${Math.floor(random() * 300)}`, `n${Math.floor(random() * 300)}`]);
    const { positions } = forceLayout({ nodes, edges, iterations: 100 });
    const discs = nodes.map((n) => ({ id: n.id, ...positions[n.id]!, r: n.r, movable: true }));
    expect(overlappingPairs(discs)).toEqual([]);
  });
});
