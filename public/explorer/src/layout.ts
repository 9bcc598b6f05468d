// Layout geometry, free of the DOM so the worker, the page and unit tests share it: where new nodes go (near
// the node they hang from, never on top of another), the overlap removal that only moves the nodes it may
// move, and the first layout of a view (ForceAtlas2, then noverlap, then a strict pass), run in a web worker.
import { MultiGraph } from 'graphology';
import * as forceAtlas2Module from 'graphology-layout-forceatlas2';
import * as noverlapModule from 'graphology-layout-noverlap';

// Both are CommonJS: their function is the module's default export once bundled or imported from Node.
// TypeScript reads their `export default` as a property of the module, so the shapes used here are spelt out.
interface ForceAtlas2 {
  assign: (graph: MultiGraph, params: { iterations: number; settings: forceAtlas2Module.ForceAtlas2Settings; getEdgeWeight: null }) => void;
  inferSettings: (graph: MultiGraph) => forceAtlas2Module.ForceAtlas2Settings;
}
interface Noverlap {
  assign: (graph: MultiGraph, params: { maxIterations: number; settings: noverlapModule.NoverlapSettings }) => void;
}
const forceAtlas2 = forceAtlas2Module.default as unknown as ForceAtlas2;
const noverlap = noverlapModule.default as unknown as Noverlap;

export interface Disc {
  id: string;
  x: number;
  y: number;
  /** Radius, in graph units (= CSS pixels at camera ratio 1). */
  r: number;
  /** May the layout move it? Pinned and already-placed nodes may not. */
  movable: boolean;
}

/** Space kept between two discs, in graph units. */
export const GAP = 10;
/** Above this many nodes a first layout skips noverlap and spreads by area instead (settle time). */
const LARGE = 1000;
/** Typical edge length after a first layout, in graph units. */
export const EDGE_LENGTH = 90;

/** A uniform grid over discs for neighbour queries; cells are as wide as the largest disc's reach. */
class DiscGrid {
  private readonly cells = new Map<string, Disc[]>();
  constructor(private readonly cell: number) {}
  private key(cx: number, cy: number): string {
    return `${cx},${cy}`;
  }
  add(d: Disc): void {
    const k = this.key(Math.floor(d.x / this.cell), Math.floor(d.y / this.cell));
    const list = this.cells.get(k);
    if (list) list.push(d);
    else this.cells.set(k, [d]);
  }
  near(x: number, y: number, reach: number): Disc[] {
    const out: Disc[] = [];
    const x0 = Math.floor((x - reach) / this.cell);
    const x1 = Math.floor((x + reach) / this.cell);
    const y0 = Math.floor((y - reach) / this.cell);
    const y1 = Math.floor((y + reach) / this.cell);
    for (let cx = x0; cx <= x1; cx += 1) {
      for (let cy = y0; cy <= y1; cy += 1) {
        const list = this.cells.get(this.key(cx, cy));
        if (list) out.push(...list);
      }
    }
    return out;
  }
}

function clashes(grid: DiscGrid, x: number, y: number, r: number, maxR: number, self?: Disc): boolean {
  for (const other of grid.near(x, y, r + maxR + GAP)) {
    if (other === self) continue;
    if (Math.hypot(other.x - x, other.y - y) < r + other.r + GAP) return true;
  }
  return false;
}

/**
 * Places `fresh` discs around their anchors (the node they were expanded from, or any placed neighbour) on
 * rings, each at the first spot that clashes with nothing; placed discs never move. Returns the new positions.
 */
export function placeAround(
  placed: readonly Disc[],
  fresh: readonly { id: string; r: number; anchor: { x: number; y: number; r: number } | null }[],
  centre: { x: number; y: number },
): Map<string, { x: number; y: number }> {
  const maxR = Math.max(1, ...placed.map((d) => d.r), ...fresh.map((d) => d.r));
  const grid = new DiscGrid(2 * maxR + GAP);
  for (const d of placed) grid.add(d);
  const out = new Map<string, { x: number; y: number }>();
  // Nodes of one anchor go round it in turn; the first ring starts just outside the anchor.
  const byAnchor = new Map<string, typeof fresh[number][]>();
  for (const f of fresh) {
    const a = f.anchor ?? { x: centre.x, y: centre.y, r: 0 };
    const key = `${a.x},${a.y},${a.r}`;
    const list = byAnchor.get(key);
    if (list) list.push({ ...f, anchor: a });
    else byAnchor.set(key, [{ ...f, anchor: a }]);
  }
  for (const group of byAnchor.values()) {
    const a = group[0]!.anchor!;
    // Start on the side facing away from the rest of the view, where there is most room.
    const away = Math.atan2(a.y - centre.y, a.x - centre.x);
    let ring = 0;
    let slot = 0;
    for (const f of group) {
      for (let tries = 0; tries < 5000; tries += 1) {
        const radius = a.r + f.r + GAP + EDGE_LENGTH * 0.6 + ring * (2 * maxR + GAP);
        const slots = Math.max(6, Math.floor((2 * Math.PI * radius) / (2 * maxR + GAP)));
        if (slot >= slots) {
          ring += 1;
          slot = 0;
          continue;
        }
        // Alternate either side of the "away" direction so the first nodes sit outward.
        const k = slot % 2 === 0 ? slot / 2 : -(slot + 1) / 2;
        const angle = away + (k * 2 * Math.PI) / slots + (ring % 2) * (Math.PI / slots);
        slot += 1;
        const x = a.x + radius * Math.cos(angle);
        const y = a.y + radius * Math.sin(angle);
        if (!clashes(grid, x, y, f.r, maxR)) {
          const disc: Disc = { id: f.id, x, y, r: f.r, movable: false };
          grid.add(disc);
          out.set(f.id, { x, y });
          break;
        }
      }
    }
  }
  return out;
}

/** Pairs of discs closer than their radii plus `gap` (0: touching is allowed). */
export function overlappingPairs(discs: readonly Disc[], gap = 0): [string, string][] {
  const maxR = Math.max(1, ...discs.map((d) => d.r));
  const grid = new DiscGrid(2 * maxR + GAP);
  const pairs: [string, string][] = [];
  for (const d of discs) {
    for (const other of grid.near(d.x, d.y, d.r + maxR + gap)) {
      if (Math.hypot(other.x - d.x, other.y - d.y) < d.r + other.r + gap) pairs.push([other.id, d.id]);
    }
    grid.add(d);
  }
  return pairs;
}

/**
 * Pushes movable discs apart until none overlaps (keeping GAP between them); fixed discs never move. Discs
 * still clashing after the iterations are moved to the nearest free spot on a spiral. Mutates `discs`.
 */
export function removeOverlaps(discs: Disc[], iterations = 60): void {
  for (let i = 0; i < iterations; i += 1) {
    const pairs = overlappingPairs(discs, GAP);
    if (pairs.length === 0) return;
    const byId = new Map(discs.map((d) => [d.id, d]));
    for (const [a, b] of pairs) {
      const p = byId.get(a)!;
      const q = byId.get(b)!;
      if (!p.movable && !q.movable) continue;
      let dx = q.x - p.x;
      let dy = q.y - p.y;
      let dist = Math.hypot(dx, dy);
      if (dist < 1e-6) {
        // Same spot: separate along a direction fixed by the ids, so runs are reproducible.
        const angle = (hash(a + b) % 360) * (Math.PI / 180);
        dx = Math.cos(angle);
        dy = Math.sin(angle);
        dist = 1;
      }
      const push = p.r + q.r + GAP - dist;
      const share = p.movable && q.movable ? 0.5 : 1;
      const ux = dx / dist;
      const uy = dy / dist;
      if (p.movable) {
        p.x -= ux * push * share;
        p.y -= uy * push * share;
      }
      if (q.movable) {
        q.x += ux * push * share;
        q.y += uy * push * share;
      }
    }
  }
  // What the pushes could not settle: each remaining movable disc goes to the nearest free spot.
  const clashing = new Set(overlappingPairs(discs, GAP).flat());
  if (clashing.size === 0) return;
  const settled = discs.filter((d) => !(clashing.has(d.id) && d.movable));
  const maxR = Math.max(1, ...discs.map((d) => d.r));
  const grid = new DiscGrid(2 * maxR + GAP);
  for (const d of settled) grid.add(d);
  for (const d of discs) {
    if (!(clashing.has(d.id) && d.movable)) continue;
    const step = (d.r + GAP) / 2;
    for (let n = 0; n < 20000; n += 1) {
      const angle = n * 0.5;
      const radius = step * Math.sqrt(n) * 1.5;
      const x = d.x + radius * Math.cos(angle);
      const y = d.y + radius * Math.sin(angle);
      if (!clashes(grid, x, y, d.r, maxR)) {
        d.x = x;
        d.y = y;
        break;
      }
    }
    grid.add(d);
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface LayoutRequest {
  nodes: { id: string; x: number; y: number; r: number; fixed: boolean }[];
  edges: [string, string][];
  /** ForceAtlas2 iterations; more for larger graphs. */
  iterations: number;
  /** The canvas (graph units at zoom 1) a first layout spreads out to fill, when it is smaller than that. */
  frame?: { width: number; height: number };
}

/**
 * Scales positions about their centre so their extent fills `frame` (never shrinking, at most `maxScale`
 * times): spreading out keeps every gap at least as wide, and gives labels the room the canvas has.
 */
export function spreadToFrame(points: { x: number; y: number }[], frame: { width: number; height: number }, maxScale = 2.5): number {
  if (points.length < 2) return 1;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y);
  }
  const scale = Math.min(maxScale, Math.max(1, Math.min(frame.width / Math.max(1, x1 - x0), frame.height / Math.max(1, y1 - y0))));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  for (const p of points) {
    p.x = cx + (p.x - cx) * scale;
    p.y = cy + (p.y - cy) * scale;
  }
  return scale;
}

/**
 * Bends for ties that share their two ends (Mamai founded and leads the same party): each gets its own
 * curvature so none is drawn over another; a lone tie (and the middle one of an odd number) stays straight.
 * The sign follows the direction, so A→B and B→A ties bend to different sides of the same line.
 */
export function parallelCurvatures(edges: readonly { id: string; source: string; target: string }[], step = 0.25): Map<string, number> {
  const pairs = new Map<string, { id: string; source: string }[]>();
  for (const e of edges) {
    if (e.source === e.target) continue;
    const key = e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    const list = pairs.get(key);
    if (list) list.push(e);
    else pairs.set(key, [e]);
  }
  const out = new Map<string, number>();
  for (const [key, list] of pairs) {
    if (list.length < 2) continue;
    const low = key.slice(0, key.indexOf('\u0000'));
    const odd = list.length % 2 === 1;
    list.forEach((e, i) => {
      // 0, +1, -1, +2, -2… for an odd count; +1, -1, +2, -2… (halved steps) for an even one.
      const k = odd ? (i === 0 ? 0 : i % 2 === 1 ? (i + 1) / 2 : -i / 2) : i % 2 === 0 ? i / 2 + 0.5 : -((i - 1) / 2 + 0.5);
      const bend = k * step * (odd ? 1 : 1.2);
      if (bend !== 0) out.set(e.id, e.source === low ? bend : -bend);
    });
  }
  return out;
}

export interface LayoutAnswer {
  positions: Record<string, { x: number; y: number }>;
  millis: number;
}

/** Starting spots for a first layout: a sunflower spiral in the given order (the centre first). */
export function seedPositions(ids: readonly string[]): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  ids.forEach((id, i) => {
    const angle = i * 2.399963; // the golden angle
    const radius = EDGE_LENGTH * 0.5 * Math.sqrt(i);
    out.set(id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
  return out;
}

/**
 * A first layout: ForceAtlas2 (Barnes-Hut beyond a few hundred nodes; fixed nodes stay), rescaled so that the
 * median edge is EDGE_LENGTH long, then noverlap and the strict overlap pass. Fixed nodes never move.
 */
export function forceLayout(request: LayoutRequest): LayoutAnswer {
  const started = Date.now();
  const graph = new MultiGraph();
  for (const n of request.nodes) graph.addNode(n.id, { x: n.x, y: n.y, size: n.r, fixed: n.fixed });
  for (const [s, t] of request.edges) if (graph.hasNode(s) && graph.hasNode(t) && s !== t) graph.addEdge(s, t);
  const movable = request.nodes.filter((n) => !n.fixed);
  if (movable.length > 0 && request.iterations > 0) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 300, adjustSizes: false, gravity: 1 };
    forceAtlas2.assign(graph, { iterations: request.iterations, settings, getEdgeWeight: null });
  }
  const anyFixed = request.nodes.some((n) => n.fixed);
  if (!anyFixed && graph.size > 0) {
    // ForceAtlas2's scale is arbitrary: bring the median edge to EDGE_LENGTH.
    const lengths = graph.mapEdges((_e, _a, s, t, sa, ta) => Math.hypot(Number(sa.x) - Number(ta.x), Number(sa.y) - Number(ta.y))).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)] ?? EDGE_LENGTH;
    let scale = median > 1e-6 ? EDGE_LENGTH / median : 1;
    if (graph.order > LARGE) {
      // A large network's leaves crowd round its hubs: give the layout at least twice the area its discs cover,
      // so few overlaps are left for the (costly) removal passes.
      const xs = graph.mapNodes((_id, a) => Number(a.x));
      const ys = graph.mapNodes((_id, a) => Number(a.y));
      const area = Math.max(1, (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys)));
      const needed = 2 * graph.reduceNodes((sum, _id, a) => sum + (2 * Number(a.size) + GAP) ** 2, 0);
      scale = Math.max(scale, Math.sqrt(needed / area));
    }
    graph.updateEachNodeAttributes((_id, a) => ({ ...a, x: Number(a.x) * scale, y: Number(a.y) * scale }));
    if (graph.order <= LARGE) noverlap.assign(graph, { maxIterations: graph.order > 500 ? 50 : 120, settings: { margin: GAP, ratio: 1, expansion: 1.05 } });
  }
  const discs: Disc[] = graph.mapNodes((id, a) => ({ id, x: Number(a.x), y: Number(a.y), r: Number(a.size), movable: !a.fixed }));
  removeOverlaps(discs, graph.order > LARGE ? 20 : 60);
  if (!anyFixed && request.frame) spreadToFrame(discs, request.frame);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const d of discs) positions[d.id] = { x: d.x, y: d.y };
  return { positions, millis: Date.now() - started };
}
