// The view's state and its URL: everything that defines what is shown lives in the address bar, so a link shares
// the view and the browser's back and forward (and the page's undo/redo) step through views.

export interface ViewState {
  /** Expanded entities, the first being where the view started; each adds its neighbourhood. */
  roots: string[];
  depth: number;
  /** The day the network is shown as of; null means every relationship whatever its dates ("all dates"). */
  asOf: string | null;
  /** Relationship types walked; null: all. */
  types: string[] | null;
  /** Entity kinds not drawn. */
  hiddenKinds: string[];
  /** Entities removed from the view by hand. */
  removed: string[];
  /** Entities pinned in place. */
  pinned: string[];
  /** Event nodes grouped into one node per entity. */
  groupEvents: boolean;
  from: string | null;
  to: string | null;
  /** How many paths to show. */
  k: number;
  /** Relationship types and entity kinds paths must avoid. */
  pathExcludeTypes: string[];
  pathExcludeKinds: string[];
  selected: string[];
  /** How many entities each root's neighbourhood may bring (the first page is NEIGHBOURS_PAGE; "show more" adds pages). */
  limits: Record<string, number>;
  /** Hubs whose neighbours are folded into groups, and by what. */
  groupBy: Record<string, GroupAttribute>;
  /** Groups opened again (their members drawn one by one). */
  ungrouped: string[];
}

/** What a hub's neighbours can be grouped by: the people's party (from ties in view), the term of their tie, the year of an event, their kind. */
export const groupAttributes = ['party', 'term', 'year', 'kind'] as const;
export type GroupAttribute = (typeof groupAttributes)[number];

/** Entities a neighbourhood brings at first, and per "show more". */
export const NEIGHBOURS_PAGE = 150;

export const emptyState: ViewState = {
  roots: [],
  depth: 1,
  asOf: null,
  types: null,
  hiddenKinds: [],
  removed: [],
  pinned: [],
  groupEvents: false,
  from: null,
  to: null,
  k: 3,
  pathExcludeTypes: [],
  pathExcludeKinds: [],
  selected: [],
  limits: {},
  groupBy: {},
  ungrouped: [],
};

/** `id:value,id:value` pairs (ids hold colons themselves: the value is after the last one). */
function pairs(text: string | null): [string, string][] {
  return list(text)
    .map((item) => [item.slice(0, item.lastIndexOf(':')), item.slice(item.lastIndexOf(':') + 1)] as [string, string])
    .filter(([id, value]) => id && value);
}

export function isDay(text: string | null | undefined): text is string {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

function list(text: string | null): string[] {
  return text ? [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))] : [];
}

/** Reads a state from a query string; unknown values are dropped by `sanitise` once the API's lists are known. */
export function parseState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const depth = Number(p.get('depth') ?? 1);
  const k = Number(p.get('k') ?? 3);
  const types = list(p.get('types'));
  return {
    roots: list(p.get('roots')),
    depth: Number.isInteger(depth) && depth >= 1 ? depth : 1,
    asOf: isDay(p.get('asOf')) ? p.get('asOf') : null,
    types: types.length > 0 ? types : null,
    hiddenKinds: list(p.get('hide')),
    removed: list(p.get('rm')),
    pinned: list(p.get('pin')),
    groupEvents: p.get('group') === '1',
    from: p.get('from') || null,
    to: p.get('to') || null,
    k: Number.isInteger(k) && k >= 1 ? k : 3,
    pathExcludeTypes: list(p.get('xt')),
    pathExcludeKinds: list(p.get('xk')),
    selected: list(p.get('sel')),
    limits: Object.fromEntries(pairs(p.get('more')).map(([id, n]) => [id, Number(n)] as [string, number]).filter(([, n]) => Number.isInteger(n) && n > NEIGHBOURS_PAGE)),
    groupBy: Object.fromEntries(pairs(p.get('gb')).filter(([, a]) => (groupAttributes as readonly string[]).includes(a))) as Record<string, GroupAttribute>,
    ungrouped: list(p.get('ug')),
  };
}

export interface Bounds {
  maxNodes?: number;
  maxDepth: number;
  maxPaths: number;
  kinds: string[];
  relationTypes: string[];
}

/** Keeps only what the API accepts; returns the state and a note for each thing dropped. */
export function sanitise(state: ViewState, bounds: Bounds): { state: ViewState; notes: string[] } {
  const notes: string[] = [];
  const known = (values: string[], allowed: string[], what: string) => {
    const bad = values.filter((v) => !allowed.includes(v));
    if (bad.length) notes.push(`Ignored unknown ${what}: ${bad.join(', ')}.`);
    return values.filter((v) => allowed.includes(v));
  };
  const types = state.types ? known(state.types, bounds.relationTypes, 'relationship type') : null;
  if (state.depth > bounds.maxDepth) notes.push(`Depth is at most ${bounds.maxDepth}.`);
  return {
    state: {
      ...state,
      depth: Math.min(state.depth, bounds.maxDepth),
      k: Math.min(state.k, bounds.maxPaths),
      limits: bounds.maxNodes ? Object.fromEntries(Object.entries(state.limits).map(([id, n]) => [id, Math.min(n, bounds.maxNodes!)])) : state.limits,
      types: types && types.length > 0 ? types : null,
      hiddenKinds: known(state.hiddenKinds, bounds.kinds, 'entity kind'),
      pathExcludeTypes: known(state.pathExcludeTypes, bounds.relationTypes, 'relationship type'),
      pathExcludeKinds: known(state.pathExcludeKinds, bounds.kinds, 'entity kind'),
    },
    notes,
  };
}

export function formatState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.roots.length) p.set('roots', state.roots.join(','));
  if (state.depth !== 1) p.set('depth', String(state.depth));
  if (state.asOf) p.set('asOf', state.asOf);
  if (state.types) p.set('types', state.types.join(','));
  if (state.hiddenKinds.length) p.set('hide', state.hiddenKinds.join(','));
  if (state.removed.length) p.set('rm', state.removed.join(','));
  if (state.pinned.length) p.set('pin', state.pinned.join(','));
  if (state.groupEvents) p.set('group', '1');
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.from && state.to && state.k !== 3) p.set('k', String(state.k));
  if (state.pathExcludeTypes.length) p.set('xt', state.pathExcludeTypes.join(','));
  if (state.pathExcludeKinds.length) p.set('xk', state.pathExcludeKinds.join(','));
  if (state.selected.length) p.set('sel', state.selected.join(','));
  const more = Object.entries(state.limits).filter(([, n]) => n > NEIGHBOURS_PAGE);
  if (more.length) p.set('more', more.map(([id, n]) => `${id}:${n}`).join(','));
  const gb = Object.entries(state.groupBy);
  if (gb.length) p.set('gb', gb.map(([id, a]) => `${id}:${a}`).join(','));
  if (state.ungrouped.length) p.set('ug', state.ungrouped.join(','));
  const text = p.toString();
  return text ? `?${text}` : '';
}
