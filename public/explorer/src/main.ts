// The explorer's controller: reads the view from the URL, asks the API for what it needs (only what is not
// cached), hands the merged network to the view, keeps panels, status and history in step, and exposes the
// `window.kzExplorer` hook for tests and embedding.
import { ApiError, entityDetails, entryPoints, kPaths, loadConfig, neighbourhoods, sourceDocument, type Citation, type Config, type Graph, type GraphEdge, type GraphNode, type Path } from './api.js';
import { byId, fill, h, kindLabel, typeLabel } from './dom.js';
import { renderLegend, renderPaths, showEdge, showEntity, showSource, Status, type PanelActions } from './panels.js';
import { searchBox } from './search.js';
import { emptyState, formatState, parseState, sanitise, type ViewState } from './state.js';
import { Timeline } from './timeline.js';
import { GraphView, type ViewEdge, type ViewNode, type ViewSnapshot } from './view.js';

const status = new Status();
let config: Config;
let state: ViewState = emptyState;
let ideas: { id: string; kind: string; name: string }[] = [];
const graphs = new Map<string, Graph>();
let shownNodes = new Map<string, GraphNode>();
let shownEdges = new Map<string, GraphEdge>();
let lastPaths: Path[] = [];
let renderToken = 0;
let rendering: Promise<void> = Promise.resolve();

const view = new GraphView(
  byId('graph'),
  {
    onClickNode: (id, additive) => select(id, additive),
    onClickEdge: (id) => selectEdge(id),
    onClickStage: () => {
      state = { ...state, selected: [] };
      replaceUrl();
      view.setSelection([], null);
    },
    onDoubleClickNode: (id) => expand(id),
    onPinned: (id, pinned) => setPinned(id, pinned),
    onFocus: (id) => announce(id),
  },
  '/vendor/layout-worker.js',
);

const timeline = new Timeline((asOf) => void navigate({ ...state, asOf }));

const actions: PanelActions = {
  openSource: (c) => void openSource(c),
  goTo: (id) => {
    if (shownNodes.has(id)) {
      view.centreOn(id);
      select(id, false);
    } else expand(id);
  },
  expand: (id) => expand(id),
  pathEnd: (end, id) => setPathEnd(end, id, nameOf(id)),
  togglePin: (id) => setPinned(id, !state.pinned.includes(id)),
  remove: (id) => remove([id]),
};

function nameOf(id: string): string {
  return shownNodes.get(id)?.name ?? id;
}

function filters() {
  return { asOf: state.asOf, types: state.types };
}

function graphKey(id: string, depth: number): string {
  return `${id}@${depth}|${state.asOf ?? ''}|${state.types?.join(',') ?? ''}`;
}

function depthOf(i: number): number {
  return i === 0 ? state.depth : 1;
}

function replaceUrl(): void {
  window.history.replaceState(null, '', `${window.location.pathname}${formatState(state)}`);
}

/** A new view: one step in the history (so back, forward, undo and redo walk through views). */
function navigate(next: ViewState, anchorHint?: string): Promise<void> {
  state = next;
  window.history.pushState(null, '', `${window.location.pathname}${formatState(state)}`);
  return render(anchorHint);
}

function expand(id: string): void {
  const roots = state.roots.includes(id) ? state.roots : [...state.roots, id];
  void navigate({ ...state, roots, removed: state.removed.filter((r) => r !== id), selected: [id] }, id);
}

function remove(ids: string[]): void {
  void navigate({
    ...state,
    removed: [...new Set([...state.removed, ...ids])],
    roots: state.roots.filter((r) => !ids.includes(r) || r === state.roots[0]),
    selected: state.selected.filter((s) => !ids.includes(s)),
  });
}

function setPinned(id: string, pinned: boolean): void {
  state = { ...state, pinned: pinned ? [...new Set([...state.pinned, id])] : state.pinned.filter((p) => p !== id) };
  replaceUrl();
  view.setPinned(id, pinned);
  if (state.selected.length === 1 && state.selected[0] === id) void showSelected();
}

function setPathEnd(end: 'from' | 'to', id: string, name: string): void {
  state = { ...state, [end]: id };
  replaceUrl();
  byId<HTMLInputElement>(end === 'from' ? 'path-from' : 'path-to').value = name;
}

function announce(id: string | null): void {
  const live = byId('graph-live');
  if (!id) {
    live.textContent = '';
    return;
  }
  const n = shownNodes.get(id);
  const ties = [...shownEdges.values()].filter((e) => e.source === id || e.target === id).length;
  live.textContent = n ? `${n.name}, ${kindLabel(n.kind)}, ${ties} relationship${ties === 1 ? '' : 's'} in view. Enter for details, E to expand.` : '';
}

// ---------------------------------------------------------------- selection and details

function select(id: string, additive: boolean): void {
  const selected = additive ? (state.selected.includes(id) ? state.selected.filter((s) => s !== id) : [...state.selected, id]) : [id];
  state = { ...state, selected };
  replaceUrl();
  view.setSelection(selected, null);
  renderSelection();
  void showSelected();
}

function selectEdge(id: string): void {
  const edge = shownEdges.get(id);
  if (!edge) return;
  view.setSelection([], id);
  showEdge(edge, nameOf, isOneOff(edge), actions);
}

function isOneOff(edge: GraphEdge): boolean {
  const kinds = [shownNodes.get(edge.source)?.kind, shownNodes.get(edge.target)?.kind];
  return (kinds.includes('EVENT') && !edge.to) || (!!edge.from && !!edge.to && edge.from.text === edge.to.text);
}

function renderSelection(): void {
  const box = byId('selection');
  if (state.selected.length < 2) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  fill(
    box,
    h('strong', {}, `${state.selected.length} selected: `),
    state.selected.map((id) => nameOf(id)).join(', '),
    ' ',
    h('button', { type: 'button', onclick: () => void navigate({ ...state, roots: [...new Set([...state.roots, ...state.selected])] }) }, 'Expand all'),
    h('button', { type: 'button', onclick: () => remove(state.selected) }, 'Remove all'),
    h('button', { type: 'button', onclick: () => state.selected.forEach((id) => setPinned(id, true)) }, 'Pin all'),
  );
}

async function showSelected(): Promise<void> {
  const id = state.selected[state.selected.length - 1];
  if (!id || !shownNodes.has(id)) return;
  const shownName = nameOf(id);
  fill(byId('details'), h('h2', {}, shownName), h('p', { class: 'hint' }, 'Loading…'));
  try {
    const entity = await entityDetails(id, config.capabilities);
    if (!entity || state.selected[state.selected.length - 1] !== id) return;
    const ties = [...shownEdges.values()]
      .filter((e) => e.source === id || e.target === id)
      .map((edge) => {
        const outgoing = edge.source === id;
        const otherId = outgoing ? edge.target : edge.source;
        return { edge, outgoing, other: { id: otherId, name: nameOf(otherId) }, oneOff: isOneOff(edge) };
      });
    showEntity(entity, shownName, ties, { pinned: state.pinned.includes(id), asOf: state.asOf }, actions);
  } catch (error) {
    status.error(error, () => void showSelected());
  }
}

async function openSource(citation: Citation): Promise<void> {
  try {
    const doc = await sourceDocument(citation.source.id, config.capabilities);
    showSource(doc ?? { ...citation.source }, citation);
  } catch (error) {
    status.error(error, () => void openSource(citation));
  }
}

// ---------------------------------------------------------------- loading and drawing

function showStart(message: string | null): void {
  const start = byId('start');
  start.hidden = false;
  fill(
    start,
    message ? h('p', { class: 'problem', role: 'alert' }, message) : null,
    h('h2', {}, 'Where to start'),
    h('p', {}, 'Search for a person, party or organisation above (any spelling: Mamay, Тоқаев, Nur Otan), or pick one:'),
    h('ul', { class: 'ideas' }, ideas.map((e) => h('li', {}, h('button', { type: 'button', onclick: () => void open(e.id) }, e.name), ' ', h('span', { class: 'kind' }, kindLabel(e.kind))))),
  );
}

function missingRoot(error: ApiError): string | null {
  const m = /"([^"]+)"/.exec(error.detail);
  return m?.[1] ?? null;
}

async function render(anchorHint?: string): Promise<void> {
  const token = (renderToken += 1);
  const work = (async () => {
    const wantPath = !!(state.from && state.to);
    if (state.roots.length === 0 && !wantPath) {
      shownNodes = new Map();
      shownEdges = new Map();
      await view.setData([], [], { anchors: new Map(), roots: new Set(), pinned: new Set(), hiddenKinds: new Set(), pathEdges: new Set() });
      showStart(null);
      status.info('No entity chosen yet.');
      timeline.render([], state.asOf);
      renderLegend(config.limits.kinds, allKinds(), new Map());
      return;
    }
    byId('start').hidden = true;
    status.loading();
    view.setDimmed(true);
    const missing = state.roots.map((id, i) => ({ id, depth: depthOf(i) })).filter((r) => !graphs.has(graphKey(r.id, r.depth)));
    let paths: Path[] = lastPaths;
    let skipped = 0;
    try {
      if (missing.length) {
        const got = await neighbourhoods(missing, filters(), Math.min(150, config.limits.maxNodes), config.capabilities);
        for (const [k, g] of got) graphs.set(`${k}|${state.asOf ?? ''}|${state.types?.join(',') ?? ''}`, g);
      }
      if (wantPath) {
        const types = state.pathExcludeTypes.length ? (state.types ?? config.relationTypes).filter((t) => !state.pathExcludeTypes.includes(t)) : state.types;
        const found = await kPaths(state.from!, state.to!, Math.min(config.limits.maxPaths, state.k * 4), config.limits.defaultPathDepth, { asOf: state.asOf, types }, config.capabilities);
        const ok = found.filter((p) => p.nodes.slice(1, -1).every((n) => !state.pathExcludeKinds.includes(n.kind)));
        skipped = found.length - ok.length;
        paths = ok.slice(0, state.k);
      } else paths = [];
    } catch (error) {
      if (token !== renderToken) return;
      view.setDimmed(false);
      if (error instanceof ApiError && error.kind === 'not-found') {
        const id = missingRoot(error);
        state = { ...state, roots: state.roots.filter((r) => r !== id), from: state.from === id ? null : state.from, to: state.to === id ? null : state.to };
        replaceUrl();
        status.info(`No such entity: “${id ?? '?'}”.`);
        if (state.roots.length === 0) showStart(`No such entity: “${id ?? '?'}”. It may have been merged or mistyped.`);
        else await render();
        return;
      }
      status.error(error, () => void render(anchorHint));
      return;
    }
    if (token !== renderToken) return;
    lastPaths = paths;
    await draw(paths, skipped, anchorHint);
    view.setDimmed(false);
  })();
  rendering = work;
  await work;
}

function allKinds(): string[] {
  return config.limits.kinds.map((k) => k.kind);
}

async function draw(paths: Path[], skipped: number, anchorHint?: string): Promise<void> {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const anchors = new Map<string, string>();
  const removed = new Set(state.removed);
  const addNode = (n: GraphNode, anchor: string | null) => {
    if (removed.has(n.id)) return;
    const known = nodes.get(n.id);
    nodes.set(n.id, known ? { ...n, degree: Math.max(known.degree, n.degree) } : n);
    if (anchor && !anchors.has(n.id) && anchor !== n.id) anchors.set(n.id, anchor);
  };
  state.roots.forEach((id, i) => {
    const g = graphs.get(graphKey(id, depthOf(i)));
    if (!g) return;
    for (const n of g.nodes) addNode(n, id);
    for (const e of g.edges) edges.set(e.id, e);
  });
  const pathEdges = new Set<string>();
  for (const p of paths) {
    p.nodes.forEach((n, i) => addNode(n, i > 0 ? p.nodes[i - 1]!.id : null));
    for (const e of p.edges) {
      edges.set(e.id, e);
      pathEdges.add(e.id);
    }
  }
  if (anchorHint) for (const id of nodes.keys()) if (!anchors.has(id)) anchors.set(id, anchorHint);
  for (const [id, e] of edges) if (!nodes.has(e.source) || !nodes.has(e.target)) edges.delete(id);
  shownNodes = nodes;
  shownEdges = edges;
  const { viewNodes, viewEdges } = state.groupEvents ? groupEvents(nodes, edges) : { viewNodes: [...nodes.values()] as ViewNode[], viewEdges: [...edges.values()] as ViewEdge[] };
  const hiddenKinds = new Set(state.hiddenKinds);
  await view.setData(viewNodes, viewEdges, { anchors, roots: new Set(state.roots), pinned: new Set(state.pinned), hiddenKinds, pathEdges });
  view.setSelection(state.selected, null);
  // Counts are of what is drawn: kinds hidden by the filter are not counted.
  const visibleIds = new Set(viewNodes.filter((n) => !hiddenKinds.has(n.kind)).map((n) => n.id));
  const visibleEdges = viewEdges.filter((e) => visibleIds.has(e.source) && visibleIds.has(e.target)).length;
  const hiddenCount = viewNodes.length - visibleIds.size;
  const truncated = state.roots.some((id, i) => graphs.get(graphKey(id, depthOf(i)))?.truncated);
  status.info(
    `${visibleIds.size} entities, ${visibleEdges} relationships shown${hiddenCount ? ` (${hiddenCount} of hidden kinds)` : ''}${state.asOf ? ` · as of ${state.asOf}` : ' · all dates'}${truncated ? ' · limited to the closest and best-connected entities' : ''}`,
  );
  const counts = new Map<string, number>();
  for (const n of viewNodes) if (visibleIds.has(n.id)) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  renderLegend(config.limits.kinds, allKinds(), counts);
  timeline.render([...edges.values()], state.asOf);
  const names = new Map([...nodes.values()].map((n) => [n.id, n.name]));
  if (state.from && state.to) renderPaths(paths, skipped, names, config.limits.defaultPathDepth, actions);
  else fill(byId('path-result'));
  byId<HTMLInputElement>('path-from').value = state.from ? (names.get(state.from) ?? state.from) : byId<HTMLInputElement>('path-from').value;
  byId<HTMLInputElement>('path-to').value = state.to ? (names.get(state.to) ?? state.to) : byId<HTMLInputElement>('path-to').value;
  renderFilters();
  renderSelection();
  if (state.selected.length) void showSelected();
}

/** Events hanging from one entity become one group node per entity (an event goes to its best-connected neighbour). */
function groupEvents(nodes: Map<string, GraphNode>, edges: Map<string, GraphEdge>): { viewNodes: ViewNode[]; viewEdges: ViewEdge[] } {
  const owner = new Map<string, string>();
  for (const n of nodes.values()) {
    if (n.kind !== 'EVENT') continue;
    const neighbours = [...edges.values()].filter((e) => e.source === n.id || e.target === n.id).map((e) => (e.source === n.id ? e.target : e.source)).filter((m) => nodes.get(m)?.kind !== 'EVENT');
    const best = neighbours.sort((a, b) => (nodes.get(b)?.degree ?? 0) - (nodes.get(a)?.degree ?? 0))[0];
    if (best) owner.set(n.id, best);
  }
  const groups = new Map<string, string[]>();
  for (const [event, o] of owner) groups.set(o, [...(groups.get(o) ?? []), event]);
  const grouped = new Set<string>();
  const viewNodes: ViewNode[] = [];
  const viewEdges: ViewEdge[] = [];
  for (const [o, members] of groups) {
    if (members.length < 2) continue;
    members.forEach((m) => grouped.add(m));
    const id = `group:${o}`;
    viewNodes.push({ id, kind: 'EVENT', name: `${members.length} events of ${nodes.get(o)!.name}`, degree: members.length, members });
    viewEdges.push({ id: `${id}:edge`, source: o, target: id, type: 'PARTICIPATED_IN', role: null, factId: '', citationCount: 0, from: null, to: null, citations: [], grouped: true });
  }
  for (const n of nodes.values()) if (!grouped.has(n.id)) viewNodes.push(n);
  for (const e of edges.values()) if (!grouped.has(e.source) && !grouped.has(e.target)) viewEdges.push(e);
  return { viewNodes, viewEdges };
}

function renderFilters(): void {
  fill(
    byId('kind-filters'),
    config.limits.kinds.map((k) =>
      h('label', {}, h('input', { type: 'checkbox', value: k.kind, checked: !state.hiddenKinds.includes(k.kind), onchange: (e: Event) => {
        const on = (e.target as HTMLInputElement).checked;
        void navigate({ ...state, hiddenKinds: on ? state.hiddenKinds.filter((x) => x !== k.kind) : [...state.hiddenKinds, k.kind] });
      } }), ` ${kindLabel(k.kind)}`),
    ),
  );
  fill(
    byId('type-filters'),
    config.relationTypes.map((t) =>
      h('label', {}, h('input', { type: 'checkbox', value: t, checked: !state.types || state.types.includes(t), onchange: () => {
        const checked = Array.from(byId('type-filters').querySelectorAll<HTMLInputElement>('input:checked')).map((b) => b.value);
        if (checked.length === 0) return status.info('Choose at least one relationship type.');
        void navigate({ ...state, types: checked.length === config.relationTypes.length ? null : checked });
      } }), ` ${typeLabel(t)}`),
    ),
  );
  fill(byId('path-exclude-types'), config.relationTypes.map((t) => h('label', {}, h('input', { type: 'checkbox', value: t, checked: state.pathExcludeTypes.includes(t) }), ` ${typeLabel(t)}`)));
  fill(byId('path-exclude-kinds'), config.limits.kinds.map((k) => h('label', {}, h('input', { type: 'checkbox', value: k.kind, checked: state.pathExcludeKinds.includes(k.kind) }), ` ${kindLabel(k.kind)}`)));
  byId<HTMLInputElement>('group-events').checked = state.groupEvents;
}

// ---------------------------------------------------------------- the hook

async function open(id: string): Promise<void> {
  await navigate({ ...state, roots: [id], removed: [], selected: [id], from: state.from, to: state.to }, undefined);
}

export interface KzExplorer {
  open: (id: string) => Promise<void>;
  expand: (id: string) => Promise<void>;
  ready: () => Promise<void>;
  view: () => ViewSnapshot;
  /** Draws a given network (no API call): for benchmarks and embedding. */
  showGraph: (nodes: GraphNode[], edges: GraphEdge[]) => Promise<void>;
  layoutMillis: () => number;
  /** Pins (or unpins) a node, as the panel's Pin button does. */
  pin: (id: string, pinned?: boolean) => void;
}

declare global {
  interface Window {
    kzExplorer: KzExplorer;
  }
}

let started: Promise<void> = Promise.resolve();

window.kzExplorer = {
  open: async (id) => {
    await started;
    await open(id);
  },
  expand: async (id) => {
    await started;
    expand(id);
    await rendering;
  },
  ready: async () => {
    await started;
    await rendering;
    await view.ready();
  },
  view: () => view.snapshot(),
  showGraph: async (nodes, edges) => {
    await started;
    byId('start').hidden = true;
    shownNodes = new Map(nodes.map((n) => [n.id, n]));
    shownEdges = new Map(edges.map((e) => [e.id, e]));
    await view.setData(nodes, edges, { anchors: new Map(), roots: new Set(), pinned: new Set(), hiddenKinds: new Set(), pathEdges: new Set() });
    status.info(`${nodes.length} entities, ${edges.length} relationships shown`);
  },
  layoutMillis: () => view.lastLayoutMillis,
  pin: (id, pinned = true) => setPinned(id, pinned),
};

// ---------------------------------------------------------------- start

function wireControls(): void {
  searchBox({
    input: byId<HTMLInputElement>('search-input'),
    list: byId('search-suggestions'),
    onChoose: (e) => void open(e.id),
    onError: (error) => status.error(error, null),
    ideas: () => ideas,
  });
  for (const end of ['from', 'to'] as const) {
    searchBox({
      input: byId<HTMLInputElement>(`path-${end}`),
      list: byId(`path-${end}-suggestions`),
      onChoose: (e) => setPathEnd(end, e.id, e.name),
      onError: (error) => status.error(error, null),
      ideas: () => ideas,
    });
  }
  byId('path-find').addEventListener('click', () => {
    if (!state.from || !state.to) {
      fill(byId('path-result'), h('p', { class: 'none' }, 'Choose both ends first (search in From and To, or “Path from here” on an entity).'));
      return;
    }
    const checked = (id: string) => Array.from(byId(id).querySelectorAll<HTMLInputElement>('input:checked')).map((b) => b.value);
    void navigate({ ...state, k: Number(byId<HTMLSelectElement>('path-k').value), pathExcludeTypes: checked('path-exclude-types'), pathExcludeKinds: checked('path-exclude-kinds') });
  });
  byId('path-clear').addEventListener('click', () => {
    byId<HTMLInputElement>('path-from').value = '';
    byId<HTMLInputElement>('path-to').value = '';
    void navigate({ ...state, from: null, to: null });
  });
  const k = byId<HTMLSelectElement>('path-k');
  fill(k, Array.from({ length: Math.min(config.limits.maxPaths, 10) }, (_, i) => h('option', { value: i + 1, selected: i + 1 === state.k }, String(i + 1))));
  const depth = byId<HTMLSelectElement>('depth');
  fill(depth, Array.from({ length: config.limits.maxDepth }, (_, i) => h('option', { value: i + 1, selected: i + 1 === state.depth }, `${i + 1} step${i ? 's' : ''}`)));
  depth.addEventListener('change', () => void navigate({ ...state, depth: Number(depth.value) }));
  byId('group-events').addEventListener('change', (e) => void navigate({ ...state, groupEvents: (e.target as HTMLInputElement).checked }));
  byId('fit').addEventListener('click', () => view.fit());
  byId('relayout').addEventListener('click', () => void view.relayout());
  byId('undo').addEventListener('click', () => window.history.back());
  byId('redo').addEventListener('click', () => window.history.forward());
  byId('source-close').addEventListener('click', () => byId<HTMLDialogElement>('source-dialog').close());
  byId('export-png').addEventListener('click', () => exportPng());
  for (const format of ['graphml', 'gexf', 'cytoscape', 'csv']) {
    byId(`export-${format}`).addEventListener('click', () => exportFile(format));
  }
  window.addEventListener('popstate', () => {
    state = sanitise(parseState(window.location.search), bounds()).state;
    void render();
  });
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select')) return;
    if ((e.ctrlKey || e.metaKey) && e.key === 'z') {
      e.preventDefault();
      window.history.back();
    }
    if ((e.ctrlKey || e.metaKey) && e.key === 'y') {
      e.preventDefault();
      window.history.forward();
    }
    if (target.id === 'graph' && (e.key === 'Delete' || e.key === 'Backspace') && view.focused) remove([view.focused]);
    if (target.id === 'graph' && e.key === 'p' && view.focused) setPinned(view.focused, !state.pinned.includes(view.focused));
  });
}

function exportFile(format: string): void {
  // The server's /export writes the same attributes (dates, citations) as the API gives; the view's first root
  // and filters choose what it holds.
  const p = new URLSearchParams({ format });
  if (state.roots[0]) p.set('root', state.roots[0]);
  p.set('depth', String(state.depth));
  if (state.asOf) p.set('asOf', state.asOf);
  if (state.types) p.set('types', state.types.join(','));
  window.location.assign(`/export?${p.toString()}`);
}

function exportPng(): void {
  const canvases = view.sigma.getCanvases();
  const { width, height } = view.sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = width * ratio;
  out.height = height * ratio;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  view.sigma.refresh();
  for (const id of ['edges', 'nodes', 'glyphs', 'edgeLabels', 'labels']) {
    const c = canvases[id];
    if (c) ctx.drawImage(c, 0, 0, out.width, out.height);
  }
  out.toBlob((blob) => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: 'kz-network.png' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
}

function bounds() {
  return { maxDepth: config.limits.maxDepth, maxPaths: config.limits.maxPaths, kinds: allKinds(), relationTypes: config.relationTypes };
}

async function start(): Promise<void> {
  status.loading('Starting…');
  try {
    config = await loadConfig();
  } catch (error) {
    status.error(error, () => {
      started = start();
    });
    throw error;
  }
  view.kinds = allKinds();
  const { state: clean, notes } = sanitise(parseState(window.location.search), bounds());
  state = clean;
  replaceUrl();
  wireControls();
  renderFilters();
  document.body.dataset.ready = 'true';
  ideas = await entryPoints().catch(() => []);
  await render();
  if (notes.length) status.info(`${notes.join(' ')} ${byId('status').textContent ?? ''}`);
}

started = start().catch(() => undefined);
