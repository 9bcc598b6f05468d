// The explorer's controller: reads the view from the URL, asks the API for what it needs (only what is not
// cached), hands the merged network to the view, keeps panels, status and history in step, and exposes the
// `window.kzExplorer` hook for tests and embedding.
import { ApiError, entityDetails, entityFacts, entryPoints, kPaths, loadConfig, neighbourhoods, partiesOfPeople, sourceDocument, type Citation, type Config, type EntityFacts, type Graph, type GraphEdge, type GraphNode, type Path, type StartPoint } from './api.js';
import { byId, fill, h, kindLabel, typeLabel } from './dom.js';
import { viewFile, viewFormats, viewSvg, viewText, type ViewExport, type ViewFormat } from './export-view.js';
import { groupEvents, groupNeighbours } from './grouping.js';
import { renderLegend, renderPaths, showEdge, showEntity, showGroup, showSource, Status, type HubTools, type PanelActions } from './panels.js';
import { searchBox } from './search.js';
import { emptyState, formatState, NEIGHBOURS_PAGE, parseState, sanitise, type GroupAttribute, type ViewState } from './state.js';
import { tieWhen, Timeline } from './timeline.js';
import { GraphView, presentation, type ViewEdge, type ViewNode, type ViewSnapshot } from './view.js';
import { workbenchTarget, workbenchUrl } from './workbench.js';

const status = new Status();
let config: Config;
let state: ViewState = emptyState;
let starts: { connected: StartPoint[]; recent: StartPoint[] } = { connected: [], recent: [] };
/** Entities the search opened lately (this browser), most recent first. */
const RECENT_KEY = 'kz-explorer-recent';
/** The nodes and ties drawn (groups included), as last handed to the view. */
let drawnNodes: ViewNode[] = [];
let drawnEdges: ViewEdge[] = [];
/** Each person's parties, asked for once when a hub's neighbours are first grouped by party. */
let parties: Map<string, string[]> | undefined;
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

view.overlays = () => [byId('legend'), byId('selection')];

const timeline = new Timeline((asOf) => void navigate({ ...state, asOf }));

const actions: PanelActions = {
  openSource: (c) => void openSource(c),
  goTo: (id) => {
    const group = drawnNodes.find((n) => n.members?.includes(id));
    if (group) {
      // Inside a group: draw the group's members one by one, then go to this one.
      void navigate({ ...state, ungrouped: [...new Set([...state.ungrouped, group.id])], selected: [id] });
    } else if (shownNodes.has(id)) {
      view.centreOn(id);
      select(id, false);
    } else expand(id);
  },
  expand: (id) => expand(id),
  pathEnd: (end, id) => setPathEnd(end, id, nameOf(id)),
  togglePin: (id) => setPinned(id, !state.pinned.includes(id)),
  remove: (id) => remove([id]),
  groupBy: (hub, attribute) => groupBy(hub, attribute),
  openGroup: (group) => void navigate({ ...state, ungrouped: [...new Set([...state.ungrouped, group])], selected: state.selected.filter((s) => s !== group) }),
  showMore: (id) => showMore(id),
};

function ideas(): { id: string; kind: string; name: string }[] {
  return [...recentlyOpened(), ...starts.connected].filter((e, i, all) => all.findIndex((x) => x.id === e.id) === i).slice(0, 10);
}

function recentlyOpened(): StartPoint[] {
  try {
    const list = JSON.parse(window.localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? (list as StartPoint[]).filter((e) => typeof e?.id === 'string' && typeof e.name === 'string').slice(0, 5) : [];
  } catch {
    return [];
  }
}

function remember(entity: { id: string; kind: string; name: string }): void {
  try {
    const list = [{ id: entity.id, kind: entity.kind, name: entity.name }, ...recentlyOpened().filter((e) => e.id !== entity.id)].slice(0, 5);
    window.localStorage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Storage may be off (private windows): the list is a convenience only.
  }
}

function limitOf(id: string): number {
  return Math.min(config.limits.maxNodes, state.limits[id] ?? NEIGHBOURS_PAGE);
}

function showMore(id: string): void {
  void navigate({ ...state, limits: { ...state.limits, [id]: Math.min(config.limits.maxNodes, limitOf(id) + NEIGHBOURS_PAGE) } });
}

function groupBy(hub: string, attribute: GroupAttribute | null): void {
  const next = { ...state.groupBy };
  if (attribute) next[hub] = attribute;
  else delete next[hub];
  void navigate({ ...state, groupBy: next, ungrouped: state.ungrouped.filter((g) => !g.startsWith(`grp:${hub}:`)) });
}

function nameOf(id: string): string {
  return shownNodes.get(id)?.name ?? id;
}

function filters() {
  return { asOf: state.asOf, types: state.types };
}

function graphKey(id: string, depth: number): string {
  return `${id}@${depth}#${limitOf(id)}|${state.asOf ?? ''}|${state.types?.join(',') ?? ''}`;
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
  const group = drawnNodes.find((n) => n.id === id && n.members);
  if (group && !additive) {
    state = { ...state, selected: [id] };
    replaceUrl();
    view.setSelection([id], null);
    renderSelection();
    showGroup({ id, name: group.name, members: group.members!.map((m) => ({ id: m, name: nameOf(m), kind: shownNodes.get(m)?.kind ?? '' })) }, actions);
    return;
  }
  const selected = additive ? (state.selected.includes(id) ? state.selected.filter((s) => s !== id) : [...state.selected, id]) : [id];
  state = { ...state, selected };
  replaceUrl();
  view.setSelection(selected, null);
  renderSelection();
  void showSelected();
}

function selectEdge(id: string): void {
  const edge = shownEdges.get(id) ?? drawnEdges.find((e) => e.id === id);
  if (!edge) return;
  view.setSelection([], id);
  showEdge(edge, nameOf, spanOf(edge), actions);
}

/** A tie's dates in the one wording used everywhere ("on" for what happened once, "since"/"until" for what lasts). */
function spanOf(edge: GraphEdge): string {
  return tieWhen(edge, [shownNodes.get(edge.source)?.kind, shownNodes.get(edge.target)?.kind]);
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
        return { edge, outgoing, other: { id: otherId, name: nameOf(otherId) }, span: spanOf(edge) };
      });
    const neighbours = new Set(ties.map((t) => t.other.id)).size;
    showEntity(entity, shownName, ties, { pinned: state.pinned.includes(id), asOf: state.asOf, hub: hubTools(id, neighbours), extra: editHook(id) }, actions);
  } catch (error) {
    status.error(error, () => void showSelected());
  }
}

/** The panel's offer for a node with many neighbours in view or a neighbourhood cut at the cap. */
function hubTools(id: string, neighbours: number): HubTools | null {
  const i = state.roots.indexOf(id);
  const g = i >= 0 ? graphs.get(graphKey(id, depthOf(i))) : undefined;
  const truncated = g?.truncated && limitOf(id) < config.limits.maxNodes ? { shown: g.nodes.length } : null;
  if (!truncated && neighbours < 8 && !state.groupBy[id]) return null;
  return { neighbours, groupedBy: state.groupBy[id] ?? null, truncated };
}

/** Where the workbench (/curate) hooks in: an "Edit" button per entity, when the page offers it. */
function editHook(id: string): HTMLElement[] {
  const url = workbenchUrl(id);
  return url ? [h('a', { class: 'edit-in-workbench', href: url, target: workbenchTarget }, 'Edit')] : [];
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
    startList('Last opened', 'recent-opened', recentlyOpened()),
    startList('Most connected', 'most-connected', starts.connected),
    startList('Most recent elections', 'most-recent', starts.recent),
  );
}

function startList(title: string, cls: string, entries: StartPoint[]): HTMLElement | null {
  if (entries.length === 0) return null;
  return h(
    'div',
    { class: cls },
    h('h3', {}, title),
    h(
      'ul',
      { class: 'ideas' },
      entries.map((e) =>
        h('li', {}, h('button', { type: 'button', onclick: () => void open(e.id) }, e.name), ' ', h('span', { class: 'kind' }, [kindLabel(e.kind), e.ties !== undefined ? ` · ${e.ties} ties` : '', e.date ? ` · ${e.date}` : ''].join(''))),
      ),
    ),
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
      drawnNodes = [];
      drawnEdges = [];
      legend(new Map());
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
        // Requests of one limit go together (the limit is one variable per request).
        for (const limit of new Set(missing.map((r) => limitOf(r.id)))) {
          const batch = missing.filter((r) => limitOf(r.id) === limit);
          const got = await neighbourhoods(batch, filters(), limit, config.capabilities);
          for (const r of batch) graphs.set(graphKey(r.id, r.depth), got.get(`${r.id}@${r.depth}`)!);
        }
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
    if (!parties && Object.values(state.groupBy).includes('party')) {
      parties = await partiesOfPeople(config.limits.maxNodes).catch((error: unknown) => {
        status.error(error, null);
        return undefined;
      });
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
  const pathNodes = new Set(paths.flatMap((p) => p.nodes.map((n) => n.id)));
  let folded = { nodes: [...nodes.values()] as ViewNode[], edges: [...edges.values()] as ViewEdge[] };
  const keep = new Set([...state.roots, ...state.pinned, ...state.selected, ...pathNodes, ...(state.from ? [state.from] : []), ...(state.to ? [state.to] : [])]);
  const opened = new Set(state.ungrouped);
  for (const [hub, attribute] of Object.entries(state.groupBy)) {
    if (nodes.has(hub)) folded = groupNeighbours(folded, hub, attribute, keep, opened, { nodes, edges: [...edges.values()], ...(parties ? { parties } : {}) });
  }
  if (state.groupEvents) folded = groupEvents(folded, opened);
  const viewNodes = folded.nodes;
  const viewEdges = folded.edges;
  drawnNodes = viewNodes;
  drawnEdges = viewEdges;
  const hiddenKinds = new Set(state.hiddenKinds);
  await view.setData(viewNodes, viewEdges, { anchors, roots: new Set(state.roots), pinned: new Set(state.pinned), hiddenKinds, pathEdges, pathNodes });
  view.setSelection(state.selected, null);
  // Counts are of what is drawn: kinds hidden by the filter are not counted.
  const visibleIds = new Set(viewNodes.filter((n) => !hiddenKinds.has(n.kind)).map((n) => n.id));
  const visibleEdges = viewEdges.filter((e) => visibleIds.has(e.source) && visibleIds.has(e.target)).length;
  const hiddenCount = viewNodes.length - visibleIds.size;
  const cut = state.roots.filter((id, i) => graphs.get(graphKey(id, depthOf(i)))?.truncated && limitOf(id) < config.limits.maxNodes);
  status.info(
    `${visibleIds.size} entities, ${visibleEdges} relationships shown${hiddenCount ? ` (${hiddenCount} of hidden kinds)` : ''}${state.asOf ? ` · as of ${state.asOf}` : ' · all dates'}${cut.length ? ' · limited to the closest and best-connected entities' : ''}`,
    cut.map((id) => h('button', { type: 'button', class: 'show-more', onclick: () => showMore(id) }, `Show more of ${nameOf(id)}`)),
  );
  const counts = new Map<string, number>();
  for (const n of viewNodes) if (visibleIds.has(n.id)) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  legend(counts);
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

function legend(counts: Map<string, number>): void {
  renderLegend(config.limits.kinds, allKinds(), counts, state.hiddenKinds, (kind) =>
    void navigate({ ...state, hiddenKinds: state.hiddenKinds.includes(kind) ? state.hiddenKinds.filter((k) => k !== kind) : [...state.hiddenKinds, kind] }),
  );
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
  /** The text of the file the page would download for the view (CSV: its two tables as JSON). */
  exportView: (format: ViewFormat) => Promise<string>;
  /** The view as SVG, as the SVG button downloads it. */
  exportSvg: () => Promise<string>;
  /** Shows the paths between two entities, as the "How are these two connected?" form does. */
  findPaths: (fromId: string, toId: string) => Promise<void>;
  /** Lays the view out again around its pinned and expanded nodes, as the Re-layout button does. */
  relayout: () => Promise<void>;
  /** The next page of a root's neighbourhood, as "Show more" does. */
  showMore: (id: string) => Promise<void>;
  /** Groups a hub's neighbours by an attribute (null: one by one), as the panel's choice does. */
  groupBy: (hub: string, attribute: GroupAttribute | null) => Promise<void>;
  /** Selects a node (or a group, opening its list), as a click does. */
  select: (id: string) => void;
  /** The workbench's address for an entity (null when this app has none). */
  workbenchUrl: (id: string) => string | null;
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
    drawnNodes = nodes;
    drawnEdges = edges;
    await view.setData(nodes, edges, { anchors: new Map(), roots: new Set(), pinned: new Set(), hiddenKinds: new Set(), pathEdges: new Set() });
    status.info(`${nodes.length} entities, ${edges.length} relationships shown`);
    const counts = new Map<string, number>();
    for (const n of nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
    legend(counts);
  },
  layoutMillis: () => view.lastLayoutMillis,
  pin: (id, pinned = true) => setPinned(id, pinned),
  exportView: async (format) => {
    await started;
    return viewText(await viewExport(), format);
  },
  exportSvg: async () => {
    await started;
    return svgOfView(await viewExport());
  },
  findPaths: async (fromId, toId) => {
    await started;
    await navigate({ ...state, from: fromId, to: toId });
  },
  relayout: async () => {
    await started;
    await view.relayout();
  },
  showMore: async (id) => {
    await started;
    showMore(id);
    await rendering;
  },
  groupBy: async (hub, attribute) => {
    await started;
    groupBy(hub, attribute);
    await rendering;
  },
  select: (id) => select(id, false),
  workbenchUrl: (id) => workbenchUrl(id),
};

// ---------------------------------------------------------------- start

function wireControls(): void {
  searchBox({
    input: byId<HTMLInputElement>('search-input'),
    list: byId('search-suggestions'),
    onChoose: (e) => {
      remember(e);
      void open(e.id);
    },
    onError: (error) => status.error(error, null),
    ideas,
    kinds: allKinds,
  });
  for (const end of ['from', 'to'] as const) {
    searchBox({
      input: byId<HTMLInputElement>(`path-${end}`),
      list: byId(`path-${end}-suggestions`),
      onChoose: (e) => setPathEnd(end, e.id, e.name),
      onError: (error) => status.error(error, null),
      ideas,
      kinds: allKinds,
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
  byId('export-svg').addEventListener('click', () => void exportSvgFile());
  for (const format of viewFormats) {
    byId(`export-${format}`).addEventListener('click', () => void exportFile(format));
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

/** One sentence on what the view holds: its entities or path, the day, the relationship types. */
function describeView(): string {
  const parts = [];
  if (state.roots.length) parts.push(`around ${state.roots.map(nameOf).join(', ')} (${state.depth} step${state.depth === 1 ? '' : 's'} from the first)`);
  if (state.from && state.to) parts.push(`paths from ${nameOf(state.from)} to ${nameOf(state.to)}`);
  if (state.hiddenKinds.length) parts.push(`without ${state.hiddenKinds.map(kindLabel).join(', ')}`);
  return `Kazakh political actors, explorer view: ${parts.join('; ') || 'a given network'}; ${state.asOf ? `as of ${state.asOf}` : 'all dates'}${state.types ? `; types ${state.types.join(', ')}` : ''}`;
}

/**
 * Exactly what is drawn: the visible nodes (groups as themselves, with their members) and the ties between
 * them, at their places on the canvas, with each entity's citations and dates read from the API.
 */
async function viewExport(): Promise<ViewExport> {
  const snap = view.snapshot();
  const box = byId('graph').getBoundingClientRect();
  const left = box.left + window.scrollX;
  const top = box.top + window.scrollY;
  const drawn = new Map(drawnNodes.map((n) => [n.id, n]));
  const visible = snap.nodes.filter((n) => !n.hidden);
  const entityIds = visible.filter((n) => !drawn.get(n.id)?.members && shownNodes.has(n.id)).map((n) => n.id);
  const facts = entityIds.length ? await entityFacts(entityIds, config.limits.maxSubgraphIds, config.capabilities) : new Map<string, EntityFacts>();
  const kinds = allKinds();
  const nodes = visible.map((n) => {
    const data = drawn.get(n.id);
    const f = facts.get(n.id);
    return {
      id: n.id,
      kind: n.kind,
      name: n.label,
      x: n.x - left,
      y: n.y - top,
      size: n.size,
      color: presentation(n.kind, kinds).colour,
      ...(data?.members ? { members: data.members } : {}),
      citations: f?.citations ?? [],
      from: f?.from ?? null,
      to: f?.to ?? null,
    };
  });
  const shown = new Set(nodes.map((n) => n.id));
  const byEdge = new Map(drawnEdges.map((e) => [e.id, e]));
  const edges = snap.edges
    .filter((e) => shown.has(e.source) && shown.has(e.target) && byEdge.has(e.id))
    .map((e) => ({ edge: byEdge.get(e.id)!, color: view.graph.getEdgeAttribute(e.id, 'color'), curvature: e.curvature }));
  return { nodes, edges, description: describeView() };
}

function svgOfView(data: ViewExport): string {
  const box = byId('graph').getBoundingClientRect();
  const snap = view.snapshot();
  const labels = snap.nodes
    .filter((n) => n.labelled && n.labelBox)
    .map((n) => ({ text: n.label, x: n.labelBox!.x - box.left - window.scrollX + 2, y: n.labelBox!.y - box.top - window.scrollY + 12 }));
  return viewSvg(data, Math.round(box.width), Math.round(box.height), labels);
}

function download(body: BlobPart, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileStem(): string {
  const first = state.roots[0] ?? (state.from && state.to ? `${state.from}-to-${state.to}` : 'view');
  return ['kz-network', first.replace(/[^A-Za-z0-9_-]+/g, '-'), state.asOf].filter(Boolean).join('-');
}

/** Downloads exactly the view (what is drawn, where it is drawn) in a network format. */
async function exportFile(format: ViewFormat): Promise<void> {
  try {
    const file = viewFile(await viewExport(), format);
    download(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), file.mediaType, `${fileStem()}.${file.extension}`);
  } catch (error) {
    status.error(error, () => void exportFile(format));
  }
}

async function exportSvgFile(): Promise<void> {
  try {
    download(svgOfView(await viewExport()), 'image/svg+xml', `${fileStem()}.svg`);
  } catch (error) {
    status.error(error, () => void exportSvgFile());
  }
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
  for (const id of ['edges', 'nodes', 'glyphs', 'edgeLabels', 'labels', 'summaries']) {
    const c = canvases[id];
    if (c) ctx.drawImage(c, 0, 0, out.width, out.height);
  }
  out.toBlob((blob) => {
    if (blob) download(blob, 'image/png', `${fileStem()}.png`);
  });
}

function bounds() {
  return { maxNodes: config.limits.maxNodes, maxDepth: config.limits.maxDepth, maxPaths: config.limits.maxPaths, kinds: allKinds(), relationTypes: config.relationTypes };
}

/**
 * Writes made in the workbench (another tab of this app, src: public/workbench) are announced on a broadcast
 * channel: the view forgets the neighbourhoods it fetched and draws them again, so a new tie shows without a
 * reload.
 */
function listenForWrites(): void {
  if (!('BroadcastChannel' in window)) return;
  new BroadcastChannel('kz-graph-writes').onmessage = (event: MessageEvent<{ type?: string; ids?: string[] }>) => {
    if (event.data?.type !== 'written') return;
    graphs.clear();
    void render();
  };
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
  listenForWrites();
  renderFilters();
  document.body.dataset.ready = 'true';
  starts = await entryPoints().catch(() => ({ connected: [], recent: [] }));
  await render();
  if (notes.length) status.info(`${notes.join(' ')} ${byId('status').textContent ?? ''}`);
}

started = start().catch(() => undefined);
