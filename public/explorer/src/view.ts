// The network on screen: sigma.js 3 (WebGL) over a graphology graph. Owns positions (first layouts in a web
// worker, expansions placed next to their parent while everything else stays), the labels chosen per frame by
// priority without collisions, edge labels on hover or selection only, dragging (which pins), keyboard moves
// between neighbours, and the geometry `window.kzExplorer.view()` reports.
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { EdgeProgramType } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { GraphEdge } from './api.js';
import { parallelCurvatures, placeAround, seedPositions, type Disc, type LayoutAnswer, type LayoutRequest } from './layout.js';

export interface ViewNode {
  id: string;
  kind: string;
  name: string;
  degree: number;
  /** A group standing for `members` (events of one entity, or a hub's neighbours sharing a value). */
  members?: string[];
  /** The entity whose events or neighbours the group folds. */
  groupOf?: string;
}

export interface ViewEdge extends GraphEdge {
  /** A tie drawn to a group: it stands for `count` ties of the members. */
  grouped?: boolean;
  count?: number;
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
  /** On a path the view shows. */
  onPath: boolean;
  members?: string[];
}

export interface EdgeAttributes {
  type: string;
  size: number;
  color: string;
  label: string;
  onPath: boolean;
  /** Bend of a tie that shares its two ends with others (0: straight). */
  curvature: number;
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
  nodes: {
    id: string;
    kind: string;
    label: string;
    /** Centre in CSS pixels of the page. */
    x: number;
    y: number;
    /** Centre in graph units (stable across camera moves). */
    gx: number;
    gy: number;
    size: number;
    labelBox: LabelBox | null;
    /** Its label is drawn on screen now. */
    labelled: boolean;
    hidden: boolean;
    pinned: boolean;
    members?: string[];
  }[];
  edges: {
    id: string;
    source: string;
    target: string;
    type: string;
    hidden: boolean;
    /** Its own label is drawn (hub ties are summarised instead). */
    labelled: boolean;
    curvature: number;
    /** The middle of the drawn line or curve, in CSS pixels of the page: where a click picks this tie. */
    mid: { x: number; y: number };
  }[];
  /** Ties of a hub counted per type next to it ("171 × member of") instead of labelled one by one. */
  summaries: { node: string; lines: string[] }[];
}

/** A node with more ties in view than this has its tie labels summarised per type. */
export const EDGE_LABELS_MAX = 12;
/** This many best-connected nodes in view are hubs, always labelled. */
const HUB_COUNT = 12;

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
  /** Page elements laid over the canvas (the legend, the selection bar): labels keep clear of them. */
  overlays: () => HTMLElement[] = () => [];
  private moving = false;
  private restTimer: ReturnType<typeof setTimeout> | undefined;
  /** Positions or camera changed since labels were last placed: placed again before the next frame. */
  private labelsDirty = true;
  private summaries = new Map<string, string[]>();
  private summarised = new Set<string>();

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
      // The curve program is typed for sigma's default attributes; it reads only `curvature` beyond them.
      edgeProgramClasses: { curvedArrow: EdgeCurvedArrowProgram as unknown as EdgeProgramType<NodeAttributes, EdgeAttributes> },
      hideEdgesOnMove: false,
      minCameraRatio: 0.2,
      maxCameraRatio: 20,
      zIndex: true,
      stagePadding: 0,
      defaultDrawNodeLabel: (context, data) => this.drawLabel(context, data),
      // Sigma's hover style draws a second label of its own; a ring marks the hovered or selected node instead.
      defaultDrawNodeHover: (context, data) => {
        context.strokeStyle = '#1d2433';
        context.lineWidth = 2;
        context.beginPath();
        context.arc(data.x, data.y, data.size + 2, 0, 2 * Math.PI);
        context.stroke();
      },
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    };
    this.sigma = new Sigma(this.graph, container, settings);
    this.measure = document.createElement('canvas').getContext('2d')!;
    this.measure.font = `normal ${LABEL_SIZE}px ${LABEL_FONT}`;
    this.frame();
    new ResizeObserver(() => this.frame()).observe(container);
    // Labels are placed just before a frame is drawn whenever positions or the camera changed, so they never lag
    // behind a layout that has just landed. Small views follow the camera frame by frame; large ones hide labels
    // while the camera moves and place them once it rests.
    this.graph.on('nodeAttributesUpdated', () => (this.labelsDirty = true));
    this.graph.on('eachNodeAttributesUpdated', () => (this.labelsDirty = true));
    this.graph.on('nodeAdded', () => (this.labelsDirty = true));
    this.graph.on('nodeDropped', () => (this.labelsDirty = true));
    this.sigma.getCamera().on('updated', () => {
      this.labelsDirty = true;
      if (this.graph.order <= LIVE_LABELS_UP_TO) return;
      this.moving = true;
      clearTimeout(this.restTimer);
      this.restTimer = setTimeout(() => {
        this.moving = false;
        this.labelsDirty = true;
        this.sigma.scheduleRender();
      }, 150);
    });
    this.sigma.on('beforeRender', () => {
      if (this.labelsDirty && !this.moving) this.chooseLabels();
    });
    this.sigma.on('afterRender', () => {
      this.drawGlyphs();
      this.drawSummaries();
    });
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

  /** Nodes whose ties are labelled: the hovered, focused and selected ones. */
  private labelledTieEnds(): Set<string> {
    return new Set([this.hovered, this.focused, ...this.selected].filter((id): id is string => !!id && this.graph.hasNode(id)));
  }

  private edgeLabelled(edge: string): boolean {
    if (edge === this.hoveredEdge || edge === this.selectedEdge) return true;
    const [s, t] = this.graph.extremities(edge);
    for (const id of this.labelledTieEnds()) if ((id === s || id === t) && !this.summarised.has(id)) return true;
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

  /**
   * A hub's ties are too many to label one by one (192 labels make a smudge): those of a hovered, focused or
   * selected node with more than EDGE_LABELS_MAX ties in view are counted per type and drawn as one note.
   */
  private summariseTies(): void {
    this.summaries = new Map();
    this.summarised = new Set();
    for (const id of this.labelledTieEnds()) {
      const counts = new Map<string, number>();
      let n = 0;
      this.graph.forEachEdge(id, (_e, a, s, t, sa, ta) => {
        if (sa.hidden || ta.hidden) return;
        n += 1;
        const key = `${s === id ? '' : '← '}${a.label}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      });
      if (n <= EDGE_LABELS_MAX) continue;
      this.summarised.add(id);
      this.summaries.set(id, [...counts].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1)).map(([type, count]) => `${count} × ${type}`));
    }
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

  /**
   * Where a label may go, in order of preference: right of the node, left, below, above, then the corners;
   * `reach` steps further out for labels that must be drawn.
   */
  private labelBoxesAt(x: number, y: number, r: number, label: string, reach = 0): LabelBox[] {
    const w = this.textWidth(label) + 4;
    const h = LABEL_SIZE + 3;
    const out: LabelBox[] = [];
    for (let step = 0; step <= reach; step += 1) {
      const d = r + 2 + step * 9;
      out.push(
        { x: x + d, y: y - LABEL_SIZE * 0.75, w, h },
        { x: x - d - w, y: y - LABEL_SIZE * 0.75, w, h },
        { x: x - w / 2, y: y + d, w, h },
        { x: x - w / 2, y: y - d - h, w, h },
        { x: x + d * 0.7, y: y + d * 0.7, w, h },
        { x: x + d * 0.7, y: y - d * 0.7 - h, w, h },
        { x: x - d * 0.7 - w, y: y + d * 0.7, w, h },
        { x: x - d * 0.7 - w, y: y - d * 0.7 - h, w, h },
      );
    }
    return out;
  }

  /**
   * Places the labels to draw. Some must be labelled whatever the crowd: the selected, focused and hovered
   * nodes, then the expanded (roots), pinned and path nodes and the hubs (the HUB_COUNT best-connected in view).
   * They go first, each at the first free spot near its node (further out if need be, over other discs as a
   * last resort, never over another label). The rest follow by number of relationships where there is room
   * (no overlap with a label or another node).
   */
  chooseLabels(): void {
    this.labelsDirty = false;
    this.summariseTies();
    const { width, height } = this.sigma.getDimensions();
    const visible: { id: string; x: number; y: number; r: number; tier: number; degree: number; label: string }[] = [];
    this.graph.forEachNode((id, a) => {
      if (a.hidden) return;
      const s = this.screen(id);
      if (s.x < -200 || s.y < -50 || s.x > width + 50 || s.y > height + 50) return;
      const tier = this.selected.has(id) || id === this.focused || id === this.hovered ? 3 : a.root || a.pinned || a.onPath ? 2 : 0;
      visible.push({ id, ...s, tier, degree: a.degree, label: a.label });
    });
    const byDegree = (p: { degree: number; id: string }, q: { degree: number; id: string }) => q.degree - p.degree || (p.id < q.id ? -1 : 1);
    for (const hub of [...visible].filter((v) => v.degree >= 2).sort(byDegree).slice(0, HUB_COUNT)) if (hub.tier === 0) hub.tier = 1;
    visible.sort((p, q) => q.tier - p.tier || byDegree(p, q));
    const cell = 64;
    const grid = new Map<string, (LabelBox & { owner?: string; disc?: boolean })[]>();
    const cellsOf = (b: LabelBox) => {
      const keys: string[] = [];
      for (let cx = Math.floor(b.x / cell); cx <= Math.floor((b.x + b.w) / cell); cx += 1)
        for (let cy = Math.floor(b.y / cell); cy <= Math.floor((b.y + b.h) / cell); cy += 1) keys.push(`${cx},${cy}`);
      return keys;
    };
    const intersects = (a: LabelBox, b: LabelBox) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    // What lies over the canvas (the legend) hides labels: nothing is placed under it.
    const origin = this.container.getBoundingClientRect();
    for (const el of this.overlays()) {
      if (el.hidden) continue;
      const r = el.getBoundingClientRect();
      const box = { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height, owner: '' };
      for (const k of cellsOf(box)) (grid.get(k) ?? grid.set(k, []).get(k)!).push(box);
    }
    // Discs are obstacles too: a label covers another node only when it must be drawn and nowhere else is free.
    for (const v of visible) {
      const disc = { x: v.x - v.r, y: v.y - v.r, w: 2 * v.r, h: 2 * v.r, owner: v.id, disc: true };
      for (const k of cellsOf(disc)) (grid.get(k) ?? grid.set(k, []).get(k)!).push(disc);
    }
    const chosen = new Map<string, LabelBox>();
    const inside = (box: LabelBox) => box.x >= 0 && box.x + box.w <= width && box.y >= 0 && box.y + box.h <= height;
    const clear = (box: LabelBox, owner: string, discsToo: boolean) =>
      cellsOf(box).every((k) => (grid.get(k) ?? []).every((b) => b.owner === owner || (!discsToo && b.disc) || !intersects(b, box)));
    for (const v of visible) {
      const must = v.tier > 0;
      if (!must && v.r < 2.5) continue; // too far out to read
      const options = this.labelBoxesAt(v.x, v.y, v.r, v.label, must ? 7 : 0).filter(inside);
      const box = options.find((b) => clear(b, v.id, true)) ?? (must ? options.find((b) => clear(b, v.id, false)) : undefined);
      if (!box) continue;
      chosen.set(v.id, box);
      for (const k of cellsOf(box)) (grid.get(k) ?? grid.set(k, []).get(k)!).push({ ...box, owner: v.id });
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

  /** A 2D canvas of ours over sigma's layers, sized to the view and cleared; CSS pixels as units. */
  private overlayCanvas(name: string, afterLayer: string): { ctx: CanvasRenderingContext2D; width: number; height: number } {
    const canvas = this.sigma.getCanvases()[name] ?? this.sigma.createCanvas(name, { afterLayer });
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
    return { ctx, width, height };
  }

  /** Kind glyphs inside nodes large enough to carry one, and a ring around pinned nodes. */
  private drawGlyphs(): void {
    const { ctx, width, height } = this.overlayCanvas('glyphs', 'nodes');
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

  /** Where a hub's tie summary goes: under its label (or disc), kept on the canvas. */
  private summaryBox(id: string, lines: string[]): LabelBox {
    const { width, height } = this.sigma.getDimensions();
    const s = this.screen(id);
    const label = this.labelBoxes.get(id);
    const w = Math.max(...lines.map((l) => this.textWidth(l))) + 10;
    const h = lines.length * (LABEL_SIZE + 3) + 6;
    const top = label && label.y > s.y - s.r ? label.y + label.h + 2 : s.y + s.r + 4;
    return { x: Math.min(Math.max(0, s.x - w / 2), width - w), y: Math.min(Math.max(0, top), height - h), w, h };
  }

  private drawSummaries(): void {
    const { ctx } = this.overlayCanvas('summaries', 'labels');
    if (this.moving) return;
    ctx.font = `normal ${LABEL_SIZE}px ${LABEL_FONT}`;
    for (const [id, lines] of this.summaries) {
      const box = this.summaryBox(id, lines);
      ctx.fillStyle = 'rgba(255,248,219,0.95)';
      ctx.strokeStyle = '#f59f00';
      ctx.lineWidth = 1;
      ctx.fillRect(box.x, box.y, box.w, box.h);
      ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1);
      ctx.fillStyle = '#1d2433';
      lines.forEach((line, i) => ctx.fillText(line, box.x + 5, box.y + 3 + LABEL_SIZE + i * (LABEL_SIZE + 3)));
    }
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
    options: { anchors: Map<string, string>; roots: Set<string>; pinned: Set<string>; hiddenKinds: Set<string>; pathEdges: Set<string>; pathNodes?: Set<string> },
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
        onPath: options.pathNodes?.has(n.id) ?? false,
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
    const drawn = edges.filter((e) => g.hasNode(e.source) && g.hasNode(e.target));
    const bends = parallelCurvatures(drawn);
    for (const e of drawn) {
      const onPath = options.pathEdges.has(e.id);
      const curvature = bends.get(e.id) ?? 0;
      g.addDirectedEdgeWithKey(e.id, e.source, e.target, {
        type: curvature ? 'curvedArrow' : 'arrow',
        curvature,
        size: onPath ? 4 : Math.min(3, 1 + e.citationCount * 0.4),
        color: onPath ? '#e8590c' : '#b8c0cc',
        label: `${e.count && e.count > 1 ? `${e.count} × ` : ''}${e.type.toLowerCase().replaceAll('_', ' ')}`,
        onPath,
        data: e,
      });
    }
    // Large views draw less while the camera moves (software WebGL renders on the CPU): no edges, no labels, and
    // no edge picking pass (sigma draws every edge again into its picking buffer on each frame for edge events).
    const large = g.order > 500;
    this.sigma.setSetting('hideEdgesOnMove', large);
    this.sigma.setSetting('hideLabelsOnMove', large);
    this.sigma.setSetting('enableEdgeEvents', !large);
    const placedBefore = g.order - fresh.length;
    if (fresh.length > 0 && placedBefore === 0) {
      this.settling = this.firstLayout();
    } else if (fresh.length > 0) {
      this.placeNew(fresh, options.anchors);
      this.settling = this.follow(fresh.map((n) => n.id), options.anchors);
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

  /**
   * The camera follows an expansion: when new nodes (or the node they came from) fall outside the canvas, it
   * moves (and zooms out only as far as needed) so they are all in view; otherwise it stays put.
   */
  private async follow(ids: string[], anchors: Map<string, string>): Promise<void> {
    const g = this.graph;
    const wanted = new Set(ids.filter((id) => g.hasNode(id) && !g.getNodeAttribute(id, 'hidden')));
    for (const id of ids) {
      const a = anchors.get(id);
      if (a && g.hasNode(a)) wanted.add(a);
    }
    // The expanded nodes stay in view too: they are the analyst's landmarks.
    g.forEachNode((id, a) => {
      if (a.root && !a.hidden) wanted.add(id);
    });
    if (wanted.size === 0) return;
    const { width, height } = this.sigma.getDimensions();
    const margin = 30;
    const outside = [...wanted].some((id) => {
      const s = this.screen(id);
      return s.x - s.r < margin || s.y - s.r < margin || s.x + s.r + 90 > width - margin || s.y + s.r > height - margin;
    });
    if (!outside) return;
    const target = this.frameFor([...wanted], Math.max(1, this.sigma.getCamera().ratio));
    await this.sigma.getCamera().animate(target, { duration: 250 });
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
      iterations: g.order > 1000 ? 60 : g.order > 500 ? 100 : g.order > 150 ? 300 : 500,
      frame: this.layoutFrame(),
    };
    const answer = await this.runWorker(request);
    this.lastLayoutMillis = answer.millis;
    for (const [id, p] of Object.entries(answer.positions)) if (g.hasNode(id)) g.mergeNodeAttributes(id, p);
    this.fit(false);
  }

  /** The canvas less room for labels on the right and a margin: what a first layout may spread out to fill. */
  private layoutFrame(): { width: number; height: number } {
    const { width, height } = this.sigma.getDimensions();
    return { width: Math.max(100, width - 200), height: Math.max(100, height - 90) };
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
    // A large view hides its labels while the camera moves: wait until it rests and they are placed.
    while (this.moving) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  }

  /** Frames the visible nodes; never zooms in past 1:1, so a small view keeps its size. */
  fit(animate = true): void {
    const visible = this.graph.filterNodes((_id, a) => !a.hidden);
    if (visible.length === 0) return;
    const state = this.frameFor(visible, 1);
    if (animate) void this.sigma.getCamera().animate(state, { duration: 300 });
    else this.sigma.getCamera().setState(state);
  }

  /** The camera state that shows `ids` (with room for labels on the right), at a ratio of at least `minRatio`. */
  private frameFor(ids: string[], minRatio: number): { x: number; y: number; ratio: number; angle: number } {
    const camera = this.sigma.getCamera();
    const { width, height } = this.sigma.getDimensions();
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const id of ids) {
      const a = this.graph.getNodeAttributes(id);
      x0 = Math.min(x0, a.x - a.size);
      x1 = Math.max(x1, a.x + a.size + 80); // room for the label on the right
      y0 = Math.min(y0, a.y - a.size);
      y1 = Math.max(y1, a.y + a.size);
    }
    const ratio = Math.max(minRatio, (x1 - x0 + 60) / width, (y1 - y0 + 60) / height);
    // graphToViewport depends on the current camera; convert at ratio 1 first.
    const current = camera.getState();
    camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    const c = this.sigma.viewportToFramedGraph(this.sigma.graphToViewport({ x: (x0 + x1) / 2, y: (y0 + y1) / 2 }));
    camera.setState(current);
    return { x: c.x, y: c.y, ratio, angle: 0 };
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

  /**
   * Re-lays out the nodes around the pinned and expanded ones (ForceAtlas2 in the worker): those stay exactly
   * where they are, so their places relative to each other (what the analyst arranged) are kept.
   */
  relayout(): Promise<void> {
    this.settling = this.layOutAgain();
    return this.settling;
  }

  private async layOutAgain(): Promise<void> {
    const g = this.graph;
    const answer = await this.runWorker({
      nodes: g.mapNodes((id, a) => ({ id, x: a.x, y: a.y, r: a.size, fixed: a.pinned || a.root })),
      edges: g.mapEdges((_e, _a, s, t) => [s, t] as [string, string]),
      iterations: g.order > 500 ? 150 : 300,
    });
    for (const [id, p] of Object.entries(answer.positions)) if (g.hasNode(id)) g.mergeNodeAttributes(id, p);
    this.rerender();
    const visible = g.filterNodes((_id, a) => !a.hidden);
    if (visible.length) await this.follow(visible, new Map());
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
    if (this.labelsDirty && !this.moving) this.chooseLabels();
    const box = this.container.getBoundingClientRect();
    const left = box.left + window.scrollX;
    const top = box.top + window.scrollY;
    const nodes = this.graph.mapNodes((id, a) => {
      const s = this.screen(id);
      const label = this.labelBoxes.get(id);
      const labelled = !!label && !a.hidden && !this.moving;
      return {
        id,
        kind: a.kind,
        label: a.label,
        x: left + s.x,
        y: top + s.y,
        gx: a.x,
        gy: a.y,
        size: 2 * s.r,
        labelBox: label && !a.hidden ? { x: left + label.x, y: top + label.y, w: label.w, h: label.h } : null,
        labelled,
        hidden: a.hidden,
        pinned: a.pinned,
        ...(a.members ? { members: a.members } : {}),
      };
    });
    const edges = this.graph.mapEdges((id, a, s, t, sa, ta) => {
      const p = this.screen(s);
      const q = this.screen(t);
      // The curve's control point is the chord's middle pushed sideways by curvature × length (as @sigma/edge-curve
      // draws it); the curve passes halfway there.
      const dx = q.x - p.x;
      const dy = q.y - p.y;
      const mid = { x: (p.x + q.x) / 2 + 0.5 * a.curvature * dy, y: (p.y + q.y) / 2 - 0.5 * a.curvature * dx };
      return {
        id,
        source: s,
        target: t,
        type: a.data.type,
        hidden: sa.hidden || ta.hidden,
        labelled: !(sa.hidden || ta.hidden) && this.edgeLabelled(id),
        curvature: a.curvature,
        mid: { x: left + mid.x, y: top + mid.y },
      };
    });
    const summaries = [...this.summaries].map(([node, lines]) => ({ node, lines }));
    return { nodes, edges, summaries };
  }
}
