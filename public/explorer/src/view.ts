// The network on screen: sigma.js 3 (WebGL) over a graphology graph. Owns positions (first layouts in a web
// worker, expansions placed next to their parent while everything else stays), the labels chosen per frame by
// priority without collisions, edge labels on hover or selection only, dragging (which pins), keyboard moves
// between neighbours, and the geometry `window.kzExplorer.view()` reports.
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { GraphEdge } from './api.js';
import { placeAround, seedPositions, type Disc, type LayoutAnswer, type LayoutRequest } from './layout.js';

export interface ViewNode {
  id: string;
  kind: string;
  name: string;
  degree: number;
  /** A group of events standing for `members`. */
  members?: string[];
}

export interface ViewEdge extends GraphEdge {
  grouped?: boolean;
}

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: string;
  degree: number;
  hidden: boolean;
  pinned: boolean;
  root: boolean;
  members?: string[];
}

export interface EdgeAttributes {
  type: string;
  size: number;
  color: string;
  label: string;
  onPath: boolean;
  data: ViewEdge;
}

export interface Presentation {
  colour: string;
  glyph: string;
}

/** Colours and glyphs of the kinds the API lists; a kind added later gets a colour from the spare ones. */
const KNOWN: Record<string, Presentation> = {
  PERSON: { colour: '#1c7ed6', glyph: 'P' },
  PARTY: { colour: '#e8590c', glyph: '★' },
  ORGANIZATION: { colour: '#7048e8', glyph: '▲' },
  PLACE: { colour: '#2b8a3e', glyph: '⌂' },
  DISTRICT: { colour: '#74b816', glyph: '▦' },
  ELECTION: { colour: '#d6336c', glyph: '✓' },
  COURT_CASE: { colour: '#862e9c', glyph: '§' },
  EVENT: { colour: '#868e96', glyph: '◷' },
  EVENT_GROUP: { colour: '#495057', glyph: '⋯' },
};
const SPARE = ['#0ca678', '#f59f00', '#5c940d', '#c92a2a', '#364fc7'];

export function presentation(kind: string, kinds: readonly string[]): Presentation {
  return KNOWN[kind] ?? { colour: SPARE[Math.max(0, kinds.indexOf(kind)) % SPARE.length]!, glyph: kind.charAt(0) };
}

const LABEL_SIZE = 12;
/** Up to this many nodes, labels and glyphs follow the camera frame by frame. */
const LIVE_LABELS_UP_TO = 300;
const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ViewSnapshot {
  nodes: { id: string; kind: string; label: string; x: number; y: number; size: number; labelBox: LabelBox | null; hidden: boolean; pinned: boolean }[];
  edges: { id: string; source: string; target: string; type: string; hidden: boolean }[];
}

export interface ViewCallbacks {
  onClickNode: (id: string, additive: boolean) => void;
  onClickEdge: (id: string) => void;
  onClickStage: () => void;
  onDoubleClickNode: (id: string) => void;
  onPinned: (id: string, pinned: boolean) => void;
  onFocus: (id: string | null) => void;
}

/** A node's radius in graph units (CSS pixels at zoom 1): grows with its number of relationships. */
function radius(degree: number): number {
  return Math.min(18, 6 + 2.2 * Math.sqrt(Math.max(0, degree)));
}

export class GraphView {
  readonly graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  readonly sigma: Sigma<NodeAttributes, EdgeAttributes>;
  /** Positions of every entity ever shown, so back/forward and re-adding put it where it was. */
  private readonly positions = new Map<string, { x: number; y: number }>();
  private labelBoxes = new Map<string, LabelBox>();
  private readonly textWidths = new Map<string, number>();
  private readonly measure: CanvasRenderingContext2D;
  private hovered: string | null = null;
  private hoveredEdge: string | null = null;
  private selected = new Set<string>();
  private selectedEdge: string | null = null;
  focused: string | null = null;
  private dragged: string | null = null;
  private dragMoved = false;
  private settling: Promise<void> = Promise.resolve();
  private worker: Worker | null = null;
  private job = 0;
  kinds: string[] = [];
  lastLayoutMillis = 0;
  private moving = false;
  private restTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly callbacks: ViewCallbacks,
    private readonly workerUrl: string,
  ) {
    const settings: Partial<Settings<NodeAttributes, EdgeAttributes>> = {
      autoRescale: false,
      autoCenter: false,
      itemSizesReference: 'screen',
      zoomToSizeRatioFunction: (ratio) => ratio,
      renderEdgeLabels: true,
      enableEdgeEvents: true,
      labelRenderedSizeThreshold: 0,
      labelSize: LABEL_SIZE,
      labelFont: LABEL_FONT,
      edgeLabelSize: 11,
      edgeLabelFont: LABEL_FONT,
      edgeLabelColor: { color: '#343a40' },
      defaultEdgeType: 'arrow',
      hideEdgesOnMove: false,
      minCameraRatio: 0.2,
      maxCameraRatio: 20,
      zIndex: true,
      stagePadding: 0,
      defaultDrawNodeLabel: (context, data) => this.drawLabel(context, data),
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    };
    this.sigma = new Sigma(this.graph, container, settings);
    this.measure = document.createElement('canvas').getContext('2d')!;
    this.measure.font = `normal ${LABEL_SIZE}px ${LABEL_FONT}`;
    this.frame();
    new ResizeObserver(() => this.frame()).observe(container);
    // Small views re-choose labels every frame; large ones hide them while the camera moves and choose once it rests.
    this.sigma.getCamera().on('updated', () => {
      if (this.graph.order <= LIVE_LABELS_UP_TO) return this.chooseLabels();
      this.moving = true;
      clearTimeout(this.restTimer);
      this.restTimer = setTimeout(() => {
        this.moving = false;
        this.chooseLabels();
        this.sigma.scheduleRender();
      }, 150);
    });
    this.sigma.on('afterRender', () => this.drawGlyphs());
    this.wireEvents();
  }

  /** Graph units are CSS pixels at zoom 1, centred on (0, 0): a fixed frame, so adding nodes moves nothing. */
  private frame(): void {
    const { width, height } = this.container.getBoundingClientRect();
    const w = Math.max(1, width);
    const hgt = Math.max(1, height);
    this.sigma.setCustomBBox({ x: [-w / 2, w / 2], y: [-hgt / 2, hgt / 2] });
    this.sigma.refresh();
    this.chooseLabels();
  }

  private reduceNode(node: string, data: NodeAttributes): Partial<NodeDisplayData> {
    const out: Partial<NodeDisplayData> = { ...data, forceLabel: true, zIndex: 1 };
    if (this.selected.has(node) || node === this.focused) {
      out.highlighted = true;
      out.zIndex = 2;
    }
    return out;
  }

  private edgeLabelled(edge: string): boolean {
    if (edge === this.hoveredEdge || edge === this.selectedEdge) return true;
    const [s, t] = this.graph.extremities(edge);
    for (const id of [this.hovered, this.focused, ...this.selected]) if (id && (id === s || id === t)) return true;
    return false;
  }

  private reduceEdge(edge: string, data: EdgeAttributes): Partial<EdgeAttributes & { hidden: boolean; zIndex: number }> {
    const labelled = this.edgeLabelled(edge);
    return {
      ...data,
      label: labelled ? data.label : '',
      color: edge === this.selectedEdge ? '#0b63c5' : data.color,
      size: edge === this.selectedEdge || edge === this.hoveredEdge ? data.size + 2 : data.size,
      zIndex: labelled || data.onPath ? 2 : 1,
    };
  }

  private textWidth(label: string): number {
    let w = this.textWidths.get(label);
    if (w === undefined) {
      w = this.measure.measureText(label).width;
      this.textWidths.set(label, w);
    }
    return w;
  }

  /** Screen geometry (viewport pixels) of a node: centre and radius. */
  private screen(id: string): { x: number; y: number; r: number } {
    const a = this.graph.getNodeAttributes(id);
    const p = this.sigma.graphToViewport({ x: a.x, y: a.y });
    return { x: p.x, y: p.y, r: this.sigma.scaleSize(a.size) };
  }

  /** Where a label may go, in order of preference: right of the node, left, below, above. */
  private labelBoxesAt(x: number, y: number, r: number, label: string): LabelBox[] {
    const w = this.textWidth(label) + 4;
    const h = LABEL_SIZE + 3;
    return [
      { x: x + r + 2, y: y - LABEL_SIZE * 0.75, w, h },
      { x: x - r - 2 - w, y: y - LABEL_SIZE * 0.75, w, h },
      { x: x - w / 2, y: y + r + 2, w, h },
      { x: x - w / 2, y: y - r - 2 - h, w, h },
    ];
  }

  /**
   * Picks the labels to draw: selected, focused, hovered, roots and path ends first, then by number of
   * relationships; a label is drawn only where it overlaps no drawn label and no other node.
   */
  chooseLabels(): void {
    const { width, height } = this.sigma.getDimensions();
    const visible: { id: string; x: number; y: number; r: number; rank: number; label: string }[] = [];
    this.graph.forEachNode((id, a) => {
      if (a.hidden) return;
      const s = this.screen(id);
      if (s.x < -200 || s.y < -50 || s.x > width + 50 || s.y > height + 50) return;
      const rank = this.selected.has(id) || id === this.focused || id === this.hovered ? 1e9 : (a.root ? 1e6 : 0) + a.degree;
      visible.push({ id, ...s, rank, label: a.label });
    });
    visible.sort((p, q) => q.rank - p.rank || (p.id < q.id ? -1 : 1));
    const cell = 64;
    const grid = new Map<string, LabelBox[]>();
    const cellsOf = (b: LabelBox) => {
      const keys: string[] = [];
      for (let cx = Math.floor(b.x / cell); cx <= Math.floor((b.x + b.w) / cell); cx += 1)
        for (let cy = Math.floor(b.y / cell); cy <= Math.floor((b.y + b.h) / cell); cy += 1) keys.push(`${cx},${cy}`);
      return keys;
    };
    const intersects = (a: LabelBox, b: LabelBox) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    // Discs are obstacles too: a label never covers another node.
    for (const v of visible) {
      const disc = { x: v.x - v.r, y: v.y - v.r, w: 2 * v.r, h: 2 * v.r, owner: v.id } as LabelBox & { owner: string };
      for (const k of cellsOf(disc)) (grid.get(k) ?? grid.set(k, []).get(k)!).push(disc);
    }
    const chosen = new Map<string, LabelBox>();
    for (const v of visible) {
      if (v.r < 2.5 && v.rank < 1e6) continue; // too far out to read
      for (const box of this.labelBoxesAt(v.x, v.y, v.r, v.label)) {
        if (box.x < 0 || box.x + box.w > width || box.y < 0 || box.y + box.h > height) continue;
        const keys = cellsOf(box);
        const clash = keys.some((k) => (grid.get(k) ?? []).some((b) => (b as LabelBox & { owner?: string }).owner !== v.id && intersects(b, box)));
        if (clash) continue;
        chosen.set(v.id, box);
        for (const k of keys) (grid.get(k) ?? grid.set(k, []).get(k)!).push(box);
        break;
      }
    }
    this.labelBoxes = chosen;
  }

  private drawLabel(context: CanvasRenderingContext2D, data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string }): void {
    const key = (data as { key?: string }).key;
    if (!key || !data.label) return;
    const box = this.moving ? undefined : this.labelBoxes.get(key);
    if (!box) return;
    context.font = `normal ${LABEL_SIZE}px ${LABEL_FONT}`;
    context.fillStyle = 'rgba(255,255,255,0.85)';
    context.fillRect(box.x, box.y, box.w, box.h);
    context.fillStyle = '#1d2433';
    context.fillText(data.label, box.x + 2, box.y + LABEL_SIZE);
  }

  /** Kind glyphs inside nodes large enough to carry one, and a ring around pinned nodes. */
  private drawGlyphs(): void {
    const canvas = this.sigma.getCanvases().glyphs ?? this.sigma.createCanvas('glyphs', { afterLayer: 'nodes' });
    const ctx = canvas.getContext('2d')!;
    const ratio = window.devicePixelRatio || 1;
    const { width, height } = this.sigma.getDimensions();
    if (canvas.width !== Math.round(width * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (this.moving || (this.graph.order > 600 && this.sigma.getCamera().ratio > 1.5)) return;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    this.graph.forEachNode((id, a) => {
      if (a.hidden) return;
      const s = this.screen(id);
      if (s.x < -20 || s.y < -20 || s.x > width + 20 || s.y > height + 20) return;
      if (s.r >= 6) {
        ctx.font = `bold ${Math.round(s.r * 1.1)}px ${LABEL_FONT}`;
        ctx.fillStyle = '#ffffff';
        ctx.fillText(presentation(a.kind, this.kinds).glyph, s.x, s.y + 0.5);
      }
      if (a.pinned) {
        ctx.strokeStyle = '#1d2433';
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(s.x, s.y, s.r + 3, 0, 2 * Math.PI);
        ctx.stroke();
      }
    });
  }

  private wireEvents(): void {
    const s = this.sigma;
    s.on('enterNode', ({ node }) => {
      this.hovered = node;
      this.container.style.cursor = 'pointer';
      this.rerenderAround([node]);
    });
    s.on('leaveNode', ({ node }) => {
      this.hovered = null;
      this.container.style.cursor = '';
      this.rerenderAround([node]);
    });
    s.on('enterEdge', ({ edge }) => {
      this.hoveredEdge = edge;
      this.sigma.refresh({ partialGraph: { edges: [edge] }, skipIndexation: true });
    });
    s.on('leaveEdge', ({ edge }) => {
      this.hoveredEdge = null;
      this.sigma.refresh({ partialGraph: { edges: [edge] }, skipIndexation: true });
    });
    s.on('clickNode', ({ node, event }) => {
      if (this.dragMoved) return;
      this.callbacks.onClickNode(node, event.original.shiftKey || event.original.ctrlKey || event.original.metaKey);
    });
    s.on('doubleClickNode', ({ node, event }) => {
      event.preventSigmaDefault();
      this.callbacks.onDoubleClickNode(node);
    });
    s.on('clickEdge', ({ edge }) => this.callbacks.onClickEdge(edge));
    s.on('clickStage', () => this.callbacks.onClickStage());
    s.on('downNode', ({ node }) => {
      this.dragged = node;
      this.dragMoved = false;
    });
    s.getMouseCaptor().on('mousemovebody', (e) => {
      if (!this.dragged) return;
      const p = s.viewportToGraph(e);
      this.graph.mergeNodeAttributes(this.dragged, { x: p.x, y: p.y });
      this.positions.set(this.dragged, p);
      this.dragMoved = true;
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    s.getMouseCaptor().on('mouseup', () => {
      const node = this.dragged;
      this.dragged = null;
      if (node && this.dragMoved) {
        this.graph.setNodeAttribute(node, 'pinned', true);
        this.callbacks.onPinned(node, true);
        setTimeout(() => (this.dragMoved = false), 0);
      }
    });
    this.container.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** Hover changes only these nodes and their ties: refresh just those. */
  private rerenderAround(nodes: string[]): void {
    this.chooseLabels();
    const edges = nodes.flatMap((n) => (this.graph.hasNode(n) ? this.graph.edges(n) : []));
    this.sigma.refresh({ partialGraph: { nodes, edges }, skipIndexation: true });
  }

  rerender(): void {
    this.chooseLabels();
    this.sigma.refresh({ skipIndexation: true });
  }

  setSelection(ids: Iterable<string>, edge: string | null): void {
    this.selected = new Set(ids);
    this.selectedEdge = edge;
    this.rerender();
  }

  setDimmed(dimmed: boolean): void {
    this.container.classList.toggle('dimmed', dimmed);
    this.container.setAttribute('aria-busy', String(dimmed));
  }

  /**
   * Shows `nodes` and `edges`. Entities already on screen keep their place; new ones go next to `anchors`
   * (the entity they were expanded from) or, with none placed yet, get a first layout in the worker.
   */
  async setData(
    nodes: ViewNode[],
    edges: ViewEdge[],
    options: { anchors: Map<string, string>; roots: Set<string>; pinned: Set<string>; hiddenKinds: Set<string>; pathEdges: Set<string> },
  ): Promise<void> {
    const g = this.graph;
    const wanted = new Map(nodes.map((n) => [n.id, n]));
    g.forEachNode((id, a) => {
      this.positions.set(id, { x: a.x, y: a.y });
    });
    for (const id of g.nodes()) if (!wanted.has(id)) g.dropNode(id);
    const fresh: ViewNode[] = [];
    for (const n of nodes) {
      const attributes = {
        size: radius(n.degree),
        color: presentation(n.kind, this.kinds).colour,
        label: n.name,
        kind: n.kind,
        degree: n.degree,
        hidden: options.hiddenKinds.has(n.kind),
        pinned: options.pinned.has(n.id),
        root: options.roots.has(n.id),
        ...(n.members ? { members: n.members } : {}),
      };
      if (g.hasNode(n.id)) g.mergeNodeAttributes(n.id, attributes);
      else {
        const known = this.positions.get(n.id);
        g.addNode(n.id, { ...attributes, x: known?.x ?? 0, y: known?.y ?? 0 });
        if (!known) fresh.push(n);
      }
    }
    g.clearEdges();
    for (const e of edges) {
      if (!g.hasNode(e.source) || !g.hasNode(e.target)) continue;
      const onPath = options.pathEdges.has(e.id);
      g.addDirectedEdgeWithKey(e.id, e.source, e.target, {
        type: 'arrow',
        size: onPath ? 4 : Math.min(3, 1 + e.citationCount * 0.4),
        color: onPath ? '#e8590c' : '#b8c0cc',
        label: e.type.toLowerCase().replaceAll('_', ' '),
        onPath,
        data: e,
      });
    }
    this.sigma.setSetting('hideEdgesOnMove', g.order > 500);
    const placedBefore = g.order - fresh.length;
    if (fresh.length > 0 && placedBefore === 0) {
      this.settling = this.firstLayout();
    } else if (fresh.length > 0) {
      this.placeNew(fresh, options.anchors);
      this.settling = Promise.resolve();
    }
    this.rerender();
    await this.settling;
  }

  private placeNew(fresh: ViewNode[], anchors: Map<string, string>): void {
    const g = this.graph;
    const freshIds = new Set(fresh.map((n) => n.id));
    const placed: Disc[] = [];
    g.forEachNode((id, a) => {
      if (!freshIds.has(id)) placed.push({ id, x: a.x, y: a.y, r: a.size, movable: false });
    });
    const centre = placed.reduce((c, d) => ({ x: c.x + d.x / placed.length, y: c.y + d.y / placed.length }), { x: 0, y: 0 });
    const requests = fresh.map((n) => {
      let anchorId = anchors.get(n.id);
      if (!anchorId || freshIds.has(anchorId) || !g.hasNode(anchorId)) {
        anchorId = g.neighbors(n.id).find((m) => !freshIds.has(m));
      }
      const a = anchorId ? g.getNodeAttributes(anchorId) : null;
      return { id: n.id, r: radius(n.degree), anchor: a ? { x: a.x, y: a.y, r: a.size } : null };
    });
    // Entities reached only through other new entities go after those, next to them.
    const direct = requests.filter((r) => r.anchor);
    const indirect = requests.filter((r) => !r.anchor);
    const spots = placeAround(placed, direct, centre);
    for (const [id, p] of spots) g.mergeNodeAttributes(id, p);
    if (indirect.length) {
      const nowPlaced: Disc[] = g.filterNodes((id) => !indirect.some((r) => r.id === id)).map((id) => {
        const a = g.getNodeAttributes(id);
        return { id, x: a.x, y: a.y, r: a.size, movable: false };
      });
      const more = placeAround(
        nowPlaced,
        indirect.map((r) => {
          const m = g.neighbors(r.id).find((x) => spots.has(x));
          const a = m ? g.getNodeAttributes(m) : null;
          return { ...r, anchor: a ? { x: a.x, y: a.y, r: a.size } : null };
        }),
        centre,
      );
      for (const [id, p] of more) g.mergeNodeAttributes(id, p);
    }
  }

  /** A first layout: seeded by steps from the first node, ForceAtlas2 and overlap removal in the worker. */
  private async firstLayout(): Promise<void> {
    const g = this.graph;
    const order: string[] = [];
    const start = g.filterNodes((_id, a) => a.root)[0] ?? g.nodes()[0];
    if (start) {
      const seen = new Set([start]);
      const queue = [start];
      while (queue.length) {
        const id = queue.shift()!;
        order.push(id);
        for (const m of g.neighbors(id)) {
          if (seen.has(m)) continue;
          seen.add(m);
          queue.push(m);
        }
      }
      for (const id of g.nodes()) if (!seen.has(id)) order.push(id);
    }
    const seeds = seedPositions(order);
    for (const [id, p] of seeds) g.mergeNodeAttributes(id, p);
    const request: LayoutRequest = {
      nodes: g.mapNodes((id, a) => ({ id, x: a.x, y: a.y, r: a.size, fixed: false })),
      edges: g.mapEdges((_e, _a, s, t) => [s, t] as [string, string]),
      iterations: g.order > 500 ? 100 : g.order > 150 ? 300 : 500,
    };
    const answer = await this.runWorker(request);
    this.lastLayoutMillis = answer.millis;
    for (const [id, p] of Object.entries(answer.positions)) if (g.hasNode(id)) g.mergeNodeAttributes(id, p);
    this.fit(false);
  }

  private runWorker(request: LayoutRequest): Promise<LayoutAnswer> {
    this.worker ??= new Worker(this.workerUrl);
    const job = (this.job += 1);
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const onMessage = (e: MessageEvent<LayoutAnswer & { job: number }>) => {
        if (e.data.job !== job) return;
        worker.removeEventListener('message', onMessage);
        resolve(e.data);
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', (e) => reject(new Error(e.message)), { once: true });
      worker.postMessage({ ...request, job });
    });
  }

  /** Waits for the layout in progress, then for the next frame to be drawn. */
  async ready(): Promise<void> {
    await this.settling;
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  }

  /** Frames the visible nodes; never zooms in past 1:1, so a small view keeps its size. */
  fit(animate = true): void {
    const visible = this.graph.filterNodes((_id, a) => !a.hidden);
    if (visible.length === 0) return;
    const camera = this.sigma.getCamera();
    const { width, height } = this.sigma.getDimensions();
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const id of visible) {
      const a = this.graph.getNodeAttributes(id);
      x0 = Math.min(x0, a.x - a.size);
      x1 = Math.max(x1, a.x + a.size + 80); // room for the label on the right
      y0 = Math.min(y0, a.y - a.size);
      y1 = Math.max(y1, a.y + a.size);
    }
    const centre = this.sigma.viewportToFramedGraph(this.sigma.graphToViewport({ x: (x0 + x1) / 2, y: (y0 + y1) / 2 }));
    const ratio = Math.max(1, (x1 - x0 + 40) / width, (y1 - y0 + 40) / height);
    const state = { x: centre.x, y: centre.y, ratio, angle: 0 };
    // graphToViewport depends on the current camera; convert at ratio 1 first.
    const current = camera.getState();
    camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    const c = this.sigma.viewportToFramedGraph(this.sigma.graphToViewport({ x: (x0 + x1) / 2, y: (y0 + y1) / 2 }));
    camera.setState(current);
    state.x = c.x;
    state.y = c.y;
    if (animate) void camera.animate(state, { duration: 300 });
    else camera.setState(state);
  }

  centreOn(id: string): void {
    if (!this.graph.hasNode(id)) return;
    const a = this.graph.getNodeAttributes(id);
    const camera = this.sigma.getCamera();
    const p = this.sigma.viewportToFramedGraph(this.sigma.graphToViewport({ x: a.x, y: a.y }));
    void camera.animate({ x: p.x, y: p.y }, { duration: 250 });
  }

  setPinned(id: string, pinned: boolean): void {
    if (this.graph.hasNode(id)) this.graph.setNodeAttribute(id, 'pinned', pinned);
    this.rerender();
  }

  /** Re-lays out every node that is not pinned (ForceAtlas2 in the worker), pinned ones staying put. */
  async relayout(): Promise<void> {
    const g = this.graph;
    const answer = await this.runWorker({
      nodes: g.mapNodes((id, a) => ({ id, x: a.x, y: a.y, r: a.size, fixed: a.pinned })),
      edges: g.mapEdges((_e, _a, s, t) => [s, t] as [string, string]),
      iterations: g.order > 500 ? 150 : 300,
    });
    for (const [id, p] of Object.entries(answer.positions)) if (g.hasNode(id)) g.mergeNodeAttributes(id, p);
    this.rerender();
  }

  // ---------------------------------------------------------------- keyboard

  /** Moves the keyboard focus to the neighbour (or, with none that way, any visible node) in the arrow's direction. */
  private onKey(e: KeyboardEvent): void {
    const dirs: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const visible = this.graph.filterNodes((_id, a) => !a.hidden);
    if (visible.length === 0) return;
    const dir = dirs[e.key];
    if (dir) {
      e.preventDefault();
      if (!this.focused || !this.graph.hasNode(this.focused)) return this.focus(visible.find((id) => this.graph.getNodeAttribute(id, 'root')) ?? visible[0]!);
      const from = this.screen(this.focused);
      const best = (ids: string[]) => {
        let pick: string | null = null;
        let score = Infinity;
        for (const id of ids) {
          if (id === this.focused || this.graph.getNodeAttribute(id, 'hidden')) continue;
          const s = this.screen(id);
          const dx = s.x - from.x;
          const dy = s.y - from.y;
          const dist = Math.hypot(dx, dy) || 1;
          const cos = (dx * dir[0] + dy * dir[1]) / dist;
          if (cos < 0.3) continue;
          const value = dist * (2 - cos);
          if (value < score) {
            score = value;
            pick = id;
          }
        }
        return pick;
      };
      const next = best(this.graph.neighbors(this.focused)) ?? best(visible);
      if (next) this.focus(next);
      return;
    }
    if (e.key === 'Enter' && this.focused) {
      e.preventDefault();
      this.callbacks.onClickNode(this.focused, e.shiftKey);
    } else if ((e.key === 'e' || e.key === '+') && this.focused) {
      this.callbacks.onDoubleClickNode(this.focused);
    } else if (e.key === 'Escape') {
      this.focus(null);
    }
  }

  focus(id: string | null): void {
    this.focused = id;
    if (id) this.centreIfOffscreen(id);
    this.rerender();
    this.callbacks.onFocus(id);
  }

  private centreIfOffscreen(id: string): void {
    const s = this.screen(id);
    const { width, height } = this.sigma.getDimensions();
    if (s.x < 20 || s.y < 20 || s.x > width - 20 || s.y > height - 20) this.centreOn(id);
  }

  // ---------------------------------------------------------------- the hook's geometry

  snapshot(): ViewSnapshot {
    const box = this.container.getBoundingClientRect();
    const nodes = this.graph.mapNodes((id, a) => {
      const s = this.screen(id);
      const label = this.labelBoxes.get(id);
      return {
        id,
        kind: a.kind,
        label: a.label,
        x: box.left + window.scrollX + s.x,
        y: box.top + window.scrollY + s.y,
        size: 2 * s.r,
        labelBox: label && !a.hidden ? { x: box.left + window.scrollX + label.x, y: box.top + window.scrollY + label.y, w: label.w, h: label.h } : null,
        hidden: a.hidden,
        pinned: a.pinned,
      };
    });
    const edges = this.graph.mapEdges((id, a, s, t, sa, ta) => ({ id, source: s, target: t, type: a.data.type, hidden: sa.hidden || ta.hidden }));
    return { nodes, edges };
  }
}
