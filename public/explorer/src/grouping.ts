// Folding many nodes into a few: each entity's events into one node ("Group events"), and a hub's neighbours
// into one node per value of an attribute (deputies by party or by the term of their tie, events by year).
// Every group keeps its members, so it opens into their list and can be drawn one by one again.
import type { GraphEdge, GraphNode } from './api.js';
import { kindLabel } from './dom.js';
import type { GroupAttribute } from './state.js';
import type { ViewEdge, ViewNode } from './view.js';

export interface Grouped {
  nodes: ViewNode[];
  edges: ViewEdge[];
}

const year = (d: { start: string } | null | undefined) => (d ? d.start.slice(0, 4) : null);

function plural(kind: string, n: number): string {
  const word = kindLabel(kind);
  if (n === 1) return word;
  if (word === 'person') return 'people';
  return word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`;
}

/** What grouping knows beyond the view: each person's parties (any time), when the page asked for them. */
export interface GroupingFacts {
  nodes: Map<string, GraphNode>;
  edges: GraphEdge[];
  parties?: Map<string, string[]>;
}

/** The value a hub's neighbour is grouped under. */
function groupValue(attribute: GroupAttribute, member: GraphNode, tie: GraphEdge | undefined, all: GroupingFacts): string {
  switch (attribute) {
    case 'party': {
      // The latest party tie in view; else the parties the person was ever a member of.
      const parties = all.edges
        .filter((e) => e.source === member.id && (e.type === 'MEMBER_OF' || e.type === 'AFFILIATED_WITH') && all.nodes.get(e.target)?.kind === 'PARTY')
        .sort((a, b) => (b.from?.start ?? '').localeCompare(a.from?.start ?? ''));
      if (parties[0]) return all.nodes.get(parties[0].target)!.name;
      const known = all.parties?.get(member.id);
      if (member.kind !== 'PERSON') return 'not a person';
      return known?.length ? [...known].sort().join(' / ') : 'no party known';
    }
    case 'term': {
      const from = year(tie?.from);
      const to = tie?.to ? tie.to.end.slice(0, 4) : null;
      return from ? `${from}–${to ?? 'now'}` : to ? `until ${to}` : 'undated';
    }
    case 'year':
      return year(tie?.from) ?? year(tie?.to) ?? 'undated';
    case 'kind':
      return plural(member.kind, 2);
  }
}

/** Ties of the members, redrawn to their group: one per other end and type, counting the ties it stands for. */
function regroupEdges(edges: ViewEdge[], memberOf: Map<string, string>): ViewEdge[] {
  const out: ViewEdge[] = [];
  const merged = new Map<string, ViewEdge>();
  for (const e of edges) {
    const s = memberOf.get(e.source) ?? e.source;
    const t = memberOf.get(e.target) ?? e.target;
    if (s === e.source && t === e.target) {
      out.push(e);
      continue;
    }
    if (s === t) continue;
    const key = `${s}|${t}|${e.type}`;
    const known = merged.get(key);
    if (known) known.count = (known.count ?? 1) + 1;
    else {
      const edge: ViewEdge = { ...e, id: `${key}`, source: s, target: t, citations: [], citationCount: 0, factId: '', role: null, from: null, to: null, grouped: true, count: 1 };
      merged.set(key, edge);
      out.push(edge);
    }
  }
  return out;
}

/**
 * Folds the neighbours of `hub` into one node per value of `attribute`. Nodes in `keep` (roots, pinned,
 * selected, path ends) stay as they are, as do values shared by a single neighbour and groups in `opened`.
 */
export function groupNeighbours(
  view: Grouped,
  hub: string,
  attribute: GroupAttribute,
  keep: ReadonlySet<string>,
  opened: ReadonlySet<string>,
  all: GroupingFacts,
): Grouped {
  const ties = new Map<string, ViewEdge>();
  for (const e of view.edges) {
    if (e.grouped) continue;
    if (e.source === hub && !ties.has(e.target)) ties.set(e.target, e);
    if (e.target === hub && !ties.has(e.source)) ties.set(e.source, e);
  }
  const buckets = new Map<string, { value: string; members: ViewNode[] }>();
  for (const n of view.nodes) {
    if (n.id === hub || keep.has(n.id) || n.members || !ties.has(n.id)) continue;
    const value = groupValue(attribute, n, ties.get(n.id), all);
    const id = `grp:${hub}:${attribute}:${value}`;
    const bucket = buckets.get(id) ?? buckets.set(id, { value, members: [] }).get(id)!;
    bucket.members.push(n);
  }
  const memberOf = new Map<string, string>();
  const groups: ViewNode[] = [];
  const hubName = all.nodes.get(hub)?.name ?? hub;
  for (const [id, { value, members }] of buckets) {
    if (members.length < 2 || opened.has(id)) continue;
    for (const m of members) memberOf.set(m.id, id);
    const kinds = new Set(members.map((m) => m.kind));
    const kind = kinds.size === 1 ? members[0]!.kind : 'EVENT_GROUP';
    const what = kinds.size === 1 ? plural(kind, members.length) : 'entities';
    groups.push({ id, kind, name: attribute === 'kind' ? `${members.length} ${value} of ${hubName}` : `${members.length} ${what} · ${value}`, degree: members.length, members: members.map((m) => m.id), groupOf: hub });
  }
  if (groups.length === 0) return view;
  return { nodes: [...view.nodes.filter((n) => !memberOf.has(n.id)), ...groups], edges: regroupEdges(view.edges, memberOf) };
}

/** Each entity's events (two or more) become one node: an event goes to its best-connected neighbour. */
export function groupEvents(view: Grouped, opened: ReadonlySet<string>): Grouped {
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const owner = new Map<string, string>();
  for (const n of view.nodes) {
    if (n.kind !== 'EVENT' || n.members) continue;
    const neighbours = view.edges.filter((e) => e.source === n.id || e.target === n.id).map((e) => (e.source === n.id ? e.target : e.source)).filter((m) => byId.get(m)?.kind !== 'EVENT');
    const best = neighbours.sort((a, b) => (byId.get(b)?.degree ?? 0) - (byId.get(a)?.degree ?? 0) || a.localeCompare(b))[0];
    if (best) owner.set(n.id, best);
  }
  const groups = new Map<string, string[]>();
  for (const [event, o] of owner) groups.set(o, [...(groups.get(o) ?? []), event]);
  const memberOf = new Map<string, string>();
  const nodes: ViewNode[] = [];
  for (const [o, members] of groups) {
    const id = `group:${o}`;
    if (members.length < 2 || opened.has(id)) continue;
    for (const m of members) memberOf.set(m, id);
    nodes.push({ id, kind: 'EVENT', name: `${members.length} events of ${byId.get(o)!.name}`, degree: members.length, members, groupOf: o });
  }
  if (nodes.length === 0) return view;
  return { nodes: [...view.nodes.filter((n) => !memberOf.has(n.id)), ...nodes], edges: regroupEdges(view.edges, memberOf) };
}
