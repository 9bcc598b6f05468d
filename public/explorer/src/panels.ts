// The side panels: an entity's or a tie's details with every step's quotes, the source document with the quote
// highlighted, the legend of kinds, the filters, the paths found, and the status line (counts, loading, errors).
import { ApiError, type Citation, type EntityDetails, type GraphEdge, type Path, type SourceDocument } from './api.js';
import { byId, fill, h, kindLabel, typeLabel } from './dom.js';
import { groupAttributes, type GroupAttribute } from './state.js';
import { tieWhen, when } from './timeline.js';
import { presentation } from './view.js';
import { workbenchFactUrl, workbenchTarget } from './workbench.js';

export interface PanelActions {
  openSource: (citation: Citation) => void;
  goTo: (id: string) => void;
  expand: (id: string) => void;
  pathEnd: (end: 'from' | 'to', id: string) => void;
  togglePin: (id: string) => void;
  remove: (id: string) => void;
  /** Folds a hub's neighbours into groups by an attribute (null: one by one again). */
  groupBy: (hub: string, attribute: GroupAttribute | null) => void;
  /** Draws a group's members one by one again. */
  openGroup: (group: string) => void;
  /** Asks for the next page of a root's neighbourhood. */
  showMore: (id: string) => void;
}

/** What the panel offers for a node with many neighbours in view, or a neighbourhood cut at the cap. */
export interface HubTools {
  neighbours: number;
  groupedBy: GroupAttribute | null;
  /** The neighbourhood was cut at `shown` entities: more can be asked for. */
  truncated: { shown: number } | null;
}

const groupWords: Record<GroupAttribute, string> = { party: 'party', term: 'term of the tie', year: 'year', kind: 'kind' };

export function citationList(citations: Citation[], actions: PanelActions): HTMLElement {
  if (citations.length === 0) return h('p', { class: 'hint' }, 'No citation.');
  return h(
    'ul',
    { class: 'quotes' },
    citations.map((c) =>
      h(
        'li',
        {},
        c.quote ? h('blockquote', { class: 'quote' }, `“${c.quote}”`) : h('p', { class: 'locator' }, `at ${c.locator ?? 'an unstated place'}`),
        h(
          'div',
          { class: 'cite' },
          h('button', { type: 'button', class: 'link', onclick: () => actions.openSource(c), 'aria-label': `Open the source: ${c.source.title ?? c.source.publisher}` }, c.source.title ?? c.source.id),
          ` — ${c.source.publisher}, ${c.source.date.text}`,
        ),
      ),
    ),
  );
}

export function showEdge(edge: GraphEdge, names: (id: string) => string, span: string, actions: PanelActions): void {
  fill(
    byId('details'),
    h('h2', { tabindex: -1 }, typeLabel(edge.type)),
    h('p', {}, h('strong', {}, names(edge.source)), ' → ', h('strong', {}, names(edge.target))),
    h('ul', { class: 'facts' }, edge.role ? h('li', {}, `role: ${edge.role}`) : null, span ? h('li', {}, span) : h('li', {}, 'undated'), h('li', {}, `fact: ${edge.factId}`)),
    editTie(edge, names),
    h('h3', {}, `Sources (${edge.citations.length})`),
    citationList(edge.citations, actions),
  );
}

/** "Edit": the tie's fact opened in the workbench (its own tab), when this app has one. */
function editTie(edge: GraphEdge, names: (id: string) => string): HTMLElement | null {
  const url = workbenchFactUrl(edge.factId);
  if (!url) return null;
  const label = `Edit this tie in the workbench: ${typeLabel(edge.type)}, ${names(edge.source)} → ${names(edge.target)}`;
  return h('div', { class: 'actions' }, h('a', { class: 'edit-in-workbench', href: url, target: workbenchTarget, 'aria-label': label }, 'Edit'));
}

export function showEntity(
  entity: EntityDetails,
  shownName: string,
  ties: { edge: GraphEdge; other: { id: string; name: string }; outgoing: boolean; span: string }[],
  state: { pinned: boolean; asOf: string | null; hub: HubTools | null; extra?: HTMLElement[] },
  actions: PanelActions,
): void {
  const date = entity.kind === 'EVENT' && ties[0]?.edge.from ? when(ties[0].edge.from, entity.endDate ?? null, !entity.endDate) : '';
  const hub = state.hub;
  fill(
    byId('details'),
    h('h2', { tabindex: -1 }, shownName, ' ', h('span', { class: 'kind' }, kindLabel(entity.kind))),
    shownName !== entity.name ? h('p', { class: 'hint' }, `Known today as ${entity.name}.`) : null,
    date ? h('p', { class: 'event-date' }, date) : null,
    entity.description ? h('p', {}, entity.description) : null,
    entity.aliases.length ? h('p', { class: 'hint' }, `Also: ${entity.aliases.map((a) => a.name).join(', ')}`) : null,
    entity.names?.length ? [h('h3', {}, 'Names over time'), h('ul', { class: 'facts' }, entity.names.map((n) => h('li', {}, `${n.name} ${when(n.from, n.to)}`)))] : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', onclick: () => actions.expand(entity.id) }, 'Expand'),
      h('button', { type: 'button', onclick: () => actions.togglePin(entity.id), 'aria-pressed': String(state.pinned) }, state.pinned ? 'Unpin' : 'Pin'),
      h('button', { type: 'button', onclick: () => actions.remove(entity.id) }, 'Remove from view'),
      h('button', { type: 'button', onclick: () => actions.pathEnd('from', entity.id) }, 'Path from here'),
      h('button', { type: 'button', onclick: () => actions.pathEnd('to', entity.id) }, 'Path to here'),
      state.extra ?? null,
    ),
    hub
      ? h(
          'div',
          { class: 'hub-tools' },
          hub.truncated
            ? h('p', {}, `Showing the ${hub.truncated.shown} closest and best-connected entities. `, h('button', { type: 'button', class: 'show-more', onclick: () => actions.showMore(entity.id) }, 'Show more'))
            : null,
          hub.neighbours >= 8
            ? h(
                'label',
                {},
                `Group its ${hub.neighbours} neighbours by `,
                h(
                  'select',
                  { class: 'group-by', 'aria-label': 'Group the neighbours by', onchange: (e: Event) => actions.groupBy(entity.id, ((e.target as HTMLSelectElement).value || null) as GroupAttribute | null) },
                  h('option', { value: '', selected: hub.groupedBy === null }, 'nothing (one by one)'),
                  groupAttributes.map((a) => h('option', { value: a, selected: hub.groupedBy === a }, groupWords[a])),
                ),
              )
            : null,
        )
      : null,
    h('h3', {}, `Relationships in view${state.asOf ? ` on ${state.asOf}` : ''} (${ties.length})`),
    ties.length
      ? h(
          'ul',
          { class: 'ties' },
          ties.map((t) =>
            h(
              'li',
              {},
              h(
                'details',
                {},
                h(
                  'summary',
                  {},
                  `${typeLabel(t.edge.type)} ${t.outgoing ? '→' : '←'} ${t.other.name}`,
                  t.edge.role ? ` (${t.edge.role})` : '',
                  t.span ? ` · ${t.span}` : '',
                  ` · ${t.edge.citations.length} quote${t.edge.citations.length === 1 ? '' : 's'}`,
                ),
                h('button', { type: 'button', class: 'link', onclick: () => actions.goTo(t.other.id) }, `Go to ${t.other.name}`),
                editTie(t.edge, (id) => (id === t.other.id ? t.other.name : shownName)),
                citationList(t.edge.citations, actions),
              ),
            ),
          ),
        )
      : h('p', { class: 'hint' }, 'None in view.'),
    h('h3', {}, `Sources about ${shownName} (${entity.citations.length})`),
    citationList(entity.citations, actions),
  );
}

/** Where the quote is in the document: the API's offsets when it gives them, else the first exact occurrence. */
export function quoteRange(text: string, citation: Citation): [number, number] | null {
  if (typeof citation.start === 'number' && typeof citation.end === 'number' && citation.end <= text.length) return [citation.start, citation.end];
  if (!citation.quote) return null;
  const at = text.indexOf(citation.quote);
  return at >= 0 ? [at, at + citation.quote.length] : null;
}

export function showSource(doc: SourceDocument, citation: Citation): void {
  const dialog = byId<HTMLDialogElement>('source-dialog');
  let body: HTMLElement;
  if (doc.text) {
    const range = quoteRange(doc.text, citation);
    body = range
      ? h('div', { class: 'source-text' }, doc.text.slice(0, range[0]), h('mark', { id: 'source-quote' }, doc.text.slice(range[0], range[1])), doc.text.slice(range[1]))
      : h('div', { class: 'source-text' }, h('p', { class: 'hint' }, 'The quote was not found verbatim in this text.'), doc.text);
  } else {
    body = h(
      'div',
      { class: 'source-text' },
      h('p', { class: 'hint' }, 'This API does not serve the document’s text; the quote as cited:'),
      h('mark', { id: 'source-quote' }, citation.quote ?? citation.locator ?? ''),
    );
  }
  // The header (title, publisher, close) stays put; only the text scrolls to the quote.
  fill(
    byId('source-head'),
    h('h2', { id: 'source-title' }, doc.title ?? doc.id),
    h('p', { class: 'source-meta' }, [doc.publisher, doc.author, doc.date.text].filter(Boolean).join(' · '), doc.url ? [' · ', h('a', { href: doc.url, target: '_blank', rel: 'noopener noreferrer' }, 'original')] : null),
  );
  fill(byId('source-body'), body);
  if (!dialog.open) dialog.showModal();
  const mark = document.getElementById('source-quote');
  const scroller = byId('source-body');
  if (mark) scroller.scrollTop = Math.max(0, mark.offsetTop - scroller.offsetTop - scroller.clientHeight / 2);
}

/** The legend: each kind's colour, glyph and count in view; clicking an entry hides or shows that kind. */
export function renderLegend(kinds: { kind: string; description: string }[], allKinds: string[], counts: Map<string, number>, hidden: readonly string[], onToggle: (kind: string) => void): void {
  fill(
    byId('legend'),
    kinds.map((k) => {
      const p = presentation(k.kind, allKinds);
      const off = hidden.includes(k.kind);
      return h(
        'li',
        { title: k.description },
        h(
          'button',
          { type: 'button', class: `legend-entry${off ? ' off' : ''}`, 'data-kind': k.kind, 'aria-pressed': String(!off), 'aria-label': `${off ? 'Show' : 'Hide'} ${kindLabel(k.kind)}`, onclick: () => onToggle(k.kind) },
          h('span', { class: 'swatch', style: `background:${p.colour}`, 'aria-hidden': 'true' }, p.glyph),
          ` ${kindLabel(k.kind)} `,
          h('span', { class: 'count' }, `${counts.get(k.kind) ?? 0}`),
        ),
      );
    }),
  );
}

/** A group's panel: what it stands for, its members (each can be gone to), and a button to draw them one by one. */
export function showGroup(group: { id: string; name: string; members: { id: string; name: string; kind: string }[] }, actions: PanelActions): void {
  fill(
    byId('details'),
    h('h2', { tabindex: -1 }, group.name),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'open-group', onclick: () => actions.openGroup(group.id) }, `Show these ${group.members.length} one by one`)),
    h(
      'ul',
      { class: 'members' },
      group.members.map((m) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => actions.goTo(m.id) }, m.name), ' ', h('span', { class: 'kind' }, kindLabel(m.kind)))),
    ),
  );
}

export function renderPaths(paths: Path[], skipped: number, names: Map<string, string>, maxDepth: number, actions: PanelActions): void {
  const el = byId('path-result');
  if (paths.length === 0) {
    fill(el, h('p', { class: 'none' }, `No connection within ${maxDepth} steps with these filters${skipped ? ` (${skipped} found went through excluded kinds)` : ''}.`));
    return;
  }
  fill(
    el,
    h('p', { class: 'found' }, `${paths.length} path${paths.length === 1 ? '' : 's'}${skipped ? ` (${skipped} through excluded kinds left out)` : ''}`),
    h(
      'ol',
      { class: 'paths' },
      paths.map((p) =>
        h(
          'li',
          {},
          h('div', { class: 'path-summary' }, `${p.length} step${p.length === 1 ? '' : 's'}: ${p.nodes.map((n) => n.name).join(' → ')}`),
          h(
            'ol',
            { class: 'steps' },
            p.edges.map((e, i) => {
              const a = p.nodes[i]!;
              const b = p.nodes[i + 1]!;
              const forward = e.source === a.id;
              return h(
                'li',
                {},
                h('details', {}, h('summary', {}, `${names.get(a.id) ?? a.name} ${forward ? '—' : '←'}${typeLabel(e.type)}${forward ? '→' : '—'} ${names.get(b.id) ?? b.name}`, tieWhen(e, [a.kind, b.kind]) ? ` · ${tieWhen(e, [a.kind, b.kind])}` : ''), citationList(e.citations, actions)),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

export class Status {
  private readonly el = byId('status');
  private retry: (() => void) | null = null;

  loading(text = 'Loading…'): void {
    this.el.className = 'loading';
    fill(this.el, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
  }

  info(text: string, actions: HTMLElement[] = []): void {
    this.el.className = '';
    fill(this.el, text, actions);
  }

  error(error: unknown, retry: (() => void) | null): void {
    this.retry = retry;
    const message = error instanceof ApiError ? error.message : 'Something went wrong in the page.';
    const detail = error instanceof ApiError ? error.detail : error instanceof Error ? error.message : String(error);
    this.el.className = 'error';
    fill(
      this.el,
      h('span', { class: 'message' }, message),
      detail && detail !== message ? h('details', {}, h('summary', {}, 'Details'), detail) : null,
      this.retry ? h('button', { type: 'button', id: 'retry', onclick: () => this.retry?.() }, 'Retry') : null,
    );
  }
}
