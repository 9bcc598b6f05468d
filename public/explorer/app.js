// The network explorer: search an entity, see its neighbourhood, expand, filter, move through time, find how
// two entities connect, read the sources, export the view. Everything it shows comes from /graphql; the state
// lives in the URL (?roots=…&depth=…&asOf=…&types=…&hide=…&from=…&to=…&sel=…) so a view can be shared.
/* global cytoscape */
import { entityDetails, loadView, relationTypes, searchEntities } from './api.js';
import { toGraphml } from './graphml.js';

const KINDS = ['PERSON', 'PARTY', 'ORGANIZATION', 'PLACE', 'DISTRICT', 'ELECTION', 'COURT_CASE', 'EVENT'];
const KIND_COLOURS = {
  PERSON: '#1971c2',
  PARTY: '#e8590c',
  ORGANIZATION: '#5f3dc4',
  PLACE: '#2b8a3e',
  DISTRICT: '#66a80f',
  ELECTION: '#c2255c',
  COURT_CASE: '#862e9c',
  EVENT: '#868e96',
};
/** The date slider runs from here to today, one step a day. */
const EPOCH = Date.UTC(1990, 0, 1);
const DAY = 86_400_000;

const $ = (id) => document.getElementById(id);

/** Builds a DOM element; text is always set as text, never parsed as HTML. */
function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's children, skipping absent (null, false) ones. */
function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

function kindLabel(kind) {
  return kind.toLowerCase().replace('_', ' ');
}

function span(from, to) {
  if (!from && !to) return '';
  return `${from?.text ?? '…'}–${to?.text ?? ''}`;
}

// ---------------------------------------------------------------- state and URL

function isDay(text) {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

function list(text) {
  return text ? text.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

function readState() {
  const p = new URLSearchParams(window.location.search);
  const depth = Number(p.get('depth'));
  const types = list(p.get('types'));
  return {
    roots: [...new Set(list(p.get('roots')))].slice(0, 12),
    depth: depth >= 1 && depth <= 3 ? depth : 1,
    asOf: isDay(p.get('asOf')) ? p.get('asOf') : null,
    types: types.length > 0 ? types : null,
    hidden: new Set(list(p.get('hide')).filter((k) => KINDS.includes(k))),
    from: p.get('from') || null,
    to: p.get('to') || null,
    selected: p.get('sel') || null,
  };
}

const state = readState();

function writeState() {
  const p = new URLSearchParams();
  if (state.roots.length) p.set('roots', state.roots.join(','));
  if (state.depth !== 1) p.set('depth', String(state.depth));
  if (state.asOf) p.set('asOf', state.asOf);
  if (state.types) p.set('types', state.types.join(','));
  if (state.hidden.size) p.set('hide', [...state.hidden].join(','));
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.selected) p.set('sel', state.selected);
  const query = p.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
}

function setStatus(text, isError = false) {
  const el = $('status');
  el.textContent = text;
  el.classList.toggle('error', isError);
}

// ---------------------------------------------------------------- the graph

const cy = cytoscape({
  container: $('cy'),
  minZoom: 0.1,
  maxZoom: 4,
  style: [
    {
      selector: 'node',
      style: {
        label: 'data(name)',
        'background-color': 'data(colour)',
        width: 'mapData(degree, 0, 20, 18, 54)',
        height: 'mapData(degree, 0, 20, 18, 54)',
        'font-size': 10,
        color: '#1d2433',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': 120,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.7,
        'text-background-padding': 1,
      },
    },
    { selector: 'node.root', style: { 'border-width': 3, 'border-color': '#1d2433' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#0b63c5' } },
    {
      selector: 'edge',
      style: {
        width: 'mapData(citationCount, 0, 6, 1, 4)',
        'curve-style': 'bezier',
        'line-color': '#adb5bd',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#adb5bd',
        'arrow-scale': 0.7,
        label: 'data(type)',
        'font-size': 7,
        color: '#5b6475',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.7,
      },
    },
    { selector: 'edge:selected', style: { 'line-color': '#0b63c5', 'target-arrow-color': '#0b63c5', width: 4 } },
    { selector: '.faded', style: { opacity: 0.3 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#d9480f', opacity: 1 } },
    { selector: 'edge.path', style: { 'line-color': '#d9480f', 'target-arrow-color': '#d9480f', width: 5, opacity: 1 } },
    { selector: '.hidden', style: { display: 'none' } },
  ],
});
// For debugging from the console, and for the browser tests to find where an edge is drawn.
window.cy = cy;

let loadToken = 0;
let lastPath = null;
let truncated = false;

function nodeData(n) {
  return { id: n.id, kind: n.kind, name: n.name, degree: n.degree, colour: KIND_COLOURS[n.kind] ?? '#868e96' };
}

function edgeData(e) {
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    type: e.type,
    role: e.role,
    from: e.from,
    to: e.to,
    factId: e.factId,
    citationCount: e.citationCount,
    citations: e.citations,
  };
}

/** Replaces what is drawn with `nodes`/`edges`, keeping the positions of entities already on screen. */
function draw(nodes, edges, pathIds) {
  const hadNodes = cy.nodes().length > 0;
  cy.batch(() => {
    cy.elements().forEach((el) => {
      if (!(el.isNode() ? nodes.has(el.id()) : edges.has(el.id()))) el.remove();
    });
    const added = [];
    for (const n of nodes.values()) {
      const existing = cy.getElementById(n.id);
      if (existing.nonempty()) existing.data(nodeData(n));
      else added.push(n);
    }
    for (const n of added) {
      // Start a new entity next to one it is tied to, so the layout settles without scattering the view.
      const neighbour = [...edges.values()].map((e) => (e.source === n.id ? e.target : e.target === n.id ? e.source : null)).find((id) => id && cy.getElementById(id).nonempty());
      const at = neighbour ? cy.getElementById(neighbour).position() : { x: 0, y: 0 };
      cy.add({ group: 'nodes', data: nodeData(n), position: { x: at.x + (Math.random() - 0.5) * 80, y: at.y + (Math.random() - 0.5) * 80 } });
    }
    for (const e of edges.values()) {
      const existing = cy.getElementById(e.id);
      if (existing.nonempty()) existing.data(edgeData(e));
      else cy.add({ group: 'edges', data: edgeData(e) });
    }
    cy.nodes().removeClass('root');
    for (const id of state.roots) cy.getElementById(id).addClass('root');
    cy.elements().removeClass('path faded');
    if (pathIds) {
      cy.elements().addClass('faded');
      for (const id of pathIds) cy.getElementById(id).removeClass('faded').addClass('path');
    }
  });
  applyKindFilter();
  runLayout(!hadNodes);
}

/**
 * One entity's neighbourhood is drawn in rings by steps from it (steady, and easy to read); expanded views and
 * paths use a force-directed layout starting from the current positions.
 */
function runLayout(randomize) {
  const visible = cy.elements(':visible');
  // Fitting a handful of entities would blow them up; keep labels at a readable size.
  cy.one('layoutstop', () => {
    if (cy.zoom() > 1.4) {
      cy.zoom(1.4);
      cy.center(visible);
    }
  });
  if (state.roots.length === 1 && !(state.from && state.to)) {
    const steps = new Map();
    visible.bfs({
      roots: cy.getElementById(state.roots[0]),
      directed: false,
      visit: (v, _e, _u, _i, depth) => {
        steps.set(v.id(), depth);
      },
    });
    visible
      .layout({ name: 'concentric', concentric: (n) => 10 - (steps.get(n.id()) ?? 9), levelWidth: () => 1, minNodeSpacing: 45, animate: false, fit: true, padding: 30 })
      .run();
    return;
  }
  if (state.from && state.to && cy.getElementById(state.from).nonempty()) {
    // A path reads best as a chain: levels by steps from its start, side branches beside it.
    visible.layout({ name: 'breadthfirst', roots: cy.getElementById(state.from), directed: false, spacingFactor: 1.1, animate: false, fit: true, padding: 30 }).run();
    return;
  }
  visible.layout({ name: 'cose', animate: false, randomize, fit: true, padding: 30, nodeRepulsion: () => 12000, idealEdgeLength: () => 110 }).run();
}

async function refresh() {
  writeState();
  const path = state.from && state.to ? { from: state.from, to: state.to } : null;
  if (state.roots.length === 0 && !path) {
    cy.elements().remove();
    renderNodeList();
    return;
  }
  const token = (loadToken += 1);
  setStatus('Loading…');
  let view;
  try {
    view = await loadView({ roots: state.roots, depth: state.depth, types: state.types, asOf: state.asOf, path });
  } catch (error) {
    if (token === loadToken) setStatus(error.message, true);
    return;
  }
  if (token !== loadToken) return;
  const nodes = new Map();
  const edges = new Map();
  const addNode = (n) => {
    const known = nodes.get(n.id);
    nodes.set(n.id, known ? { ...n, degree: Math.max(known.degree, n.degree) } : n);
  };
  truncated = false;
  for (const graph of view.graphs) {
    truncated ||= graph.truncated;
    graph.nodes.forEach(addNode);
    for (const e of graph.edges) edges.set(e.id, e);
  }
  lastPath = view.path;
  let pathIds = null;
  if (path) {
    if (view.path) {
      view.path.nodes.forEach(addNode);
      for (const e of view.path.edges) edges.set(e.id, e);
      pathIds = [...view.path.nodes.map((n) => n.id), ...view.path.edges.map((e) => e.id)];
    }
  }
  draw(nodes, edges, pathIds);
  renderPathResult();
  renderNodeList();
  const day = state.asOf ? ` · as of ${state.asOf}` : '';
  const cut = truncated ? ' · limited to the closest and best-connected entities' : '';
  setStatus(`${nodes.size} entities, ${edges.size} relationships${day}${cut}`);
  if (state.selected) {
    const el = cy.getElementById(state.selected);
    if (el.nonempty()) {
      cy.elements().unselect();
      el.select();
      await showDetails(el);
    }
  }
}

// ---------------------------------------------------------------- side panel

function citationBlock(citations) {
  if (!citations?.length) return h('p', { class: 'hint' }, 'No citation.');
  return citations.map((c) =>
    h(
      'blockquote',
      { class: 'quote' },
      h('p', {}, `“${c.quote}”`),
      h(
        'cite',
        {},
        c.source.url ? h('a', { href: c.source.url, target: '_blank', rel: 'noopener noreferrer' }, c.source.publisher) : c.source.publisher,
        c.source.title ? `, “${c.source.title}”` : '',
        c.source.date ? `, ${c.source.date.text}` : '',
      ),
    ),
  );
}

function nameOf(id) {
  const el = cy.getElementById(id);
  return el.nonempty() ? el.data('name') : id;
}

async function showDetails(el) {
  const panel = $('details');
  if (el.isEdge()) {
    const d = el.data();
    const when = span(d.from, d.to);
    fill(
      panel,
      h('h2', {}, d.type.replaceAll('_', ' ').toLowerCase()),
      h('p', {}, h('strong', {}, nameOf(d.source)), ` → `, h('strong', {}, nameOf(d.target))),
      h('ul', { class: 'facts' }, d.role ? h('li', {}, `role: ${d.role}`) : null, when ? h('li', {}, `when: ${when}`) : null, h('li', {}, `fact: ${d.factId}`)),
      h('h3', {}, `Sources (${d.citations?.length ?? 0})`),
      citationBlock(d.citations),
    );
    return;
  }
  const id = el.id();
  const shownName = el.data('name');
  panel.replaceChildren(h('h2', {}, shownName), h('p', { class: 'hint' }, 'Loading…'));
  let entity;
  try {
    entity = await entityDetails(id, state.asOf);
  } catch (error) {
    panel.replaceChildren(h('h2', {}, shownName), h('p', { class: 'hint' }, error.message));
    return;
  }
  if (state.selected !== id || !entity) return;
  const names = new Map(entity.facts.nodes.map((n) => [n.id, n]));
  const relations = entity.facts.edges.map((r) => {
    const outgoing = r.source === id;
    const other = names.get(outgoing ? r.target : r.source) ?? { id: outgoing ? r.target : r.source, name: outgoing ? r.target : r.source };
    const when = span(r.from, r.to);
    return h(
      'li',
      {},
      `${r.type.replaceAll('_', ' ').toLowerCase()} ${outgoing ? '→' : '←'} `,
      h('button', { type: 'button', class: 'link', onclick: () => focusEntity(other.id) }, other.name),
      r.role ? ` (${r.role})` : '',
      when ? ` · ${when}` : '',
    );
  });
  fill(
    panel,
    h('h2', {}, shownName, ' ', h('span', { class: 'kind' }, kindLabel(entity.kind))),
    shownName !== entity.name ? h('p', { class: 'hint' }, `Known today as ${entity.name}.`) : null,
    entity.description ? h('p', {}, entity.description) : null,
    entity.aliases.length ? h('p', { class: 'hint' }, `Also: ${entity.aliases.map((a) => a.name).join(', ')}`) : null,
    entity.names?.length
      ? [h('h3', {}, 'Names over time'), h('ul', { class: 'facts' }, entity.names.map((n) => h('li', {}, `${n.name} ${span(n.from, n.to)}`)))]
      : null,
    h(
      'p',
      {},
      h('button', { type: 'button', onclick: () => expand(id) }, 'Expand'),
      ' ',
      h('button', { type: 'button', onclick: () => focusEntity(id, true) }, 'Centre here'),
      ' ',
      h('button', { type: 'button', onclick: () => setPathEnd('from', id) }, 'Path from here'),
      ' ',
      h('button', { type: 'button', onclick: () => setPathEnd('to', id) }, 'Path to here'),
    ),
    h('h3', {}, `Relationships${state.asOf ? ` on ${state.asOf}` : ''} (${entity.facts.edges.length}${entity.facts.truncated ? '+' : ''})`),
    relations.length ? h('ul', { class: 'facts' }, relations) : h('p', { class: 'hint' }, 'None.'),
    h('h3', {}, `Sources (${entity.citations.length})`),
    citationBlock(entity.citations),
  );
}

function select(id) {
  state.selected = id;
  writeState();
  const el = cy.getElementById(id);
  if (el.empty()) return;
  cy.elements().unselect();
  el.select();
  void showDetails(el);
}

function renderNodeList() {
  const visible = cy.nodes().filter((n) => !n.hasClass('hidden'));
  const sorted = visible.toArray().sort((a, b) => b.data('degree') - a.data('degree') || a.data('name').localeCompare(b.data('name')));
  $('in-view-count').textContent = `(${visible.length})`;
  $('node-list').replaceChildren(
    ...sorted.map((n) =>
      h(
        'li',
        {},
        h('button', { type: 'button', onclick: () => { select(n.id()); cy.animate({ center: { eles: n } }, { duration: 200 }); } }, n.data('name')),
        ' ',
        h('span', { class: 'kind' }, kindLabel(n.data('kind'))),
      ),
    ),
  );
}

// ---------------------------------------------------------------- actions

/** Shows one entity's neighbourhood (replacing the view) or, with `keep`, re-centres on it. */
function focusEntity(id, replace = true) {
  state.roots = replace ? [id] : [...new Set([...state.roots, id])];
  state.selected = id;
  void refresh();
}

/** At most this many expanded entities: each is one aliased field of the view's query (the API caps aliases). */
const MAX_ROOTS = 12;

function expand(id) {
  if (!state.roots.includes(id)) state.roots = [...state.roots, id].slice(-MAX_ROOTS);
  state.selected = id;
  void refresh();
}

function setPathEnd(end, id) {
  state[end] = id;
  renderPathEnds();
  writeState();
}

function renderPathEnds() {
  $('path-from').textContent = state.from ? nameOf(state.from) : '—';
  $('path-to').textContent = state.to ? nameOf(state.to) : '—';
}

function renderPathResult() {
  renderPathEnds();
  const el = $('path-result');
  el.classList.remove('found');
  if (!state.from || !state.to) {
    el.textContent = '';
    return;
  }
  if (!lastPath) {
    el.textContent = 'No connection within 6 steps (with the current date and type filters).';
    return;
  }
  el.classList.add('found');
  el.textContent = `${lastPath.length} step${lastPath.length === 1 ? '' : 's'}: ${lastPath.nodes.map((n) => n.name).join(' → ')}`;
}

function applyKindFilter() {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass('hidden', state.hidden.has(n.data('kind')));
    });
  });
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function viewName() {
  const roots = state.roots.map(nameOf).join(', ') || 'network';
  return `${roots}${state.asOf ? ` as of ${state.asOf}` : ''}`;
}

// ---------------------------------------------------------------- search

let suggestions = [];
let active = -1;
let searchToken = 0;
let searchTimer = null;

function renderSuggestions() {
  const box = $('search-suggestions');
  box.hidden = suggestions.length === 0;
  $('search-input').setAttribute('aria-expanded', String(suggestions.length > 0));
  box.replaceChildren(
    ...suggestions.map((s, i) =>
      h(
        'li',
        { role: 'option', id: `suggestion-${i}`, 'aria-selected': String(i === active), onmousedown: (e) => { e.preventDefault(); choose(i); } },
        s.entity.name,
        ' ',
        h('span', { class: 'kind' }, kindLabel(s.entity.kind)),
        s.matched !== s.entity.name ? h('div', { class: 'matched' }, `matched “${s.matched}”`) : null,
      ),
    ),
  );
  if (active >= 0) $('search-input').setAttribute('aria-activedescendant', `suggestion-${active}`);
  else $('search-input').removeAttribute('aria-activedescendant');
}

function choose(i) {
  const hit = suggestions[i];
  if (!hit) return;
  suggestions = [];
  active = -1;
  renderSuggestions();
  $('search-input').value = hit.entity.name;
  state.from = null;
  state.to = null;
  focusEntity(hit.entity.id);
}

$('search-input').addEventListener('input', (e) => {
  const text = e.target.value.trim();
  clearTimeout(searchTimer);
  if (text.length < 2) {
    suggestions = [];
    renderSuggestions();
    return;
  }
  searchTimer = setTimeout(async () => {
    const token = (searchToken += 1);
    try {
      const hits = await searchEntities(text);
      if (token !== searchToken) return;
      suggestions = hits;
      active = hits.length ? 0 : -1;
      renderSuggestions();
    } catch (error) {
      setStatus(error.message, true);
    }
  }, 200);
});

$('search-input').addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown' && suggestions.length) {
    active = (active + 1) % suggestions.length;
    renderSuggestions();
    e.preventDefault();
  } else if (e.key === 'ArrowUp' && suggestions.length) {
    active = (active - 1 + suggestions.length) % suggestions.length;
    renderSuggestions();
    e.preventDefault();
  } else if (e.key === 'Enter' && active >= 0) {
    choose(active);
    e.preventDefault();
  } else if (e.key === 'Escape') {
    suggestions = [];
    renderSuggestions();
  }
});
$('search-input').addEventListener('blur', () => {
  setTimeout(() => {
    suggestions = [];
    renderSuggestions();
  }, 150);
});

// ---------------------------------------------------------------- date

function dayOfOffset(offset) {
  return new Date(EPOCH + offset * DAY).toISOString().slice(0, 10);
}
function offsetOfDay(day) {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - EPOCH) / DAY);
}
const today = new Date().toISOString().slice(0, 10);
const slider = $('asof-slider');
slider.max = String(offsetOfDay(today));

function renderDate() {
  slider.value = String(state.asOf ? offsetOfDay(state.asOf) : Number(slider.max));
  $('asof-date').value = state.asOf ?? '';
  $('asof-label').textContent = state.asOf ? `as of ${state.asOf}` : 'any date';
}

function setAsOf(day) {
  state.asOf = day && isDay(day) ? day : null;
  renderDate();
  void refresh();
}

slider.addEventListener('input', () => {
  $('asof-label').textContent = `as of ${dayOfOffset(Number(slider.value))}`;
});
slider.addEventListener('change', () => setAsOf(dayOfOffset(Number(slider.value))));
$('asof-date').addEventListener('change', (e) => setAsOf(e.target.value));
$('asof-clear').addEventListener('click', () => setAsOf(null));

// ---------------------------------------------------------------- filters, toolbar, graph events

async function renderTypeFilters() {
  let types;
  try {
    types = await relationTypes();
  } catch (error) {
    setStatus(error.message, true);
    return;
  }
  const box = $('type-filters');
  box.replaceChildren(
    ...types.map((t) =>
      h(
        'label',
        {},
        h('input', { type: 'checkbox', value: t, checked: !state.types || state.types.includes(t), onchange: onTypeFilter }),
        ` ${t.replaceAll('_', ' ').toLowerCase()}`,
      ),
    ),
  );
}

function onTypeFilter() {
  const boxes = [...$('type-filters').querySelectorAll('input')];
  const checked = boxes.filter((b) => b.checked).map((b) => b.value);
  if (checked.length === 0) {
    setStatus('Choose at least one relationship type.', true);
    return;
  }
  state.types = checked.length === boxes.length ? null : checked;
  void refresh();
}

function renderKindFilters() {
  $('kind-filters').replaceChildren(
    ...KINDS.map((k) =>
      h(
        'label',
        {},
        h('input', {
          type: 'checkbox',
          value: k,
          checked: !state.hidden.has(k),
          onchange: (e) => {
            if (e.target.checked) state.hidden.delete(k);
            else state.hidden.add(k);
            applyKindFilter();
            runLayout(false);
            renderNodeList();
            writeState();
          },
        }),
        ' ',
        h('span', { style: `color:${KIND_COLOURS[k]}` }, '●'),
        ` ${kindLabel(k)}`,
      ),
    ),
  );
}

$('depth').value = String(state.depth);
$('depth').addEventListener('change', (e) => {
  state.depth = Number(e.target.value);
  void refresh();
});
$('fit').addEventListener('click', () => cy.fit(cy.elements(':visible'), 30));
$('export-png').addEventListener('click', () => {
  download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), 'kz-network.png');
});
$('export-graphml').addEventListener('click', () => {
  const nodes = cy.nodes(':visible').map((n) => n.data());
  const edges = cy.edges(':visible').map((e) => {
    const d = e.data();
    return { ...d, from: d.from?.text, to: d.to?.text };
  });
  download(new Blob([toGraphml(nodes, edges, `Kazakh political actors: ${viewName()}`)], { type: 'application/graphml+xml' }), 'kz-network.graphml');
});
$('path-set-from').addEventListener('click', () => state.selected && cy.getElementById(state.selected).isNode?.() && setPathEnd('from', state.selected));
$('path-set-to').addEventListener('click', () => state.selected && cy.getElementById(state.selected).isNode?.() && setPathEnd('to', state.selected));
$('path-find').addEventListener('click', () => {
  if (!state.from || !state.to) {
    $('path-result').textContent = 'Pick two entities first: select one, “use selected” for From, then the other for To.';
    return;
  }
  void refresh();
});
$('path-clear').addEventListener('click', () => {
  state.from = null;
  state.to = null;
  lastPath = null;
  void refresh();
});

cy.on('tap', 'node, edge', (e) => select(e.target.id()));
cy.on('tap', (e) => {
  if (e.target === cy) {
    state.selected = null;
    writeState();
  }
});
cy.on('dbltap', 'node', (e) => expand(e.target.id()));

renderKindFilters();
renderDate();
void renderTypeFilters();
void refresh();
