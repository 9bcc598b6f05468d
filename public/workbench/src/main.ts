// The curation workbench (/curate): sign in with an API key, bring a document in, see the entities it names,
// select a passage and record what it states through a form generated from the schema, review duplicate
// candidates, retractions and each record's history. One store (`state`), views drawn from it, and the public
// GraphQL API as the only I/O. `window.kzWorkbench` drives the same handlers as the mouse (for the e2e test).
import { locateQuote, normaliseForQuotes } from '../../../src/domain/quotes.js';
import { ApiError, connectivity, credentials, networkIdle, request } from './api.js';
import { byId, h, nextId, present } from './dom.js';
import { factRows, words, type FieldValue } from './fact-fields.js';
import { asText, buildVariables, formModel, labelOf, mutationDocument, recordableMutations, type FieldError, type FormField, type FormModel, type IntrospectedSchema, type RawValues } from './form-model.js';
import type { AddSourceInput, EntityKind, WorkbenchEntityQuery, WorkbenchFactQuery, WorkbenchSourceQuery } from './gql/graphql.js';
import { mainTextOfHtml } from './html-text.js';
import {
  AddSourceMutation,
  DismissMutation,
  DuplicatesQuery,
  EntityQuery,
  FactHistoryQuery,
  FactQuery,
  IntrospectionQuery,
  MergeMutation,
  RestoreMutation,
  RetractCitationMutation,
  RetractMutation,
  SearchQuery,
  SourceQuery,
  SourcesQuery,
  ViewerQuery,
} from './operations.js';

type Role = 'READER' | 'EDITOR' | 'ADMIN';
type Source = NonNullable<WorkbenchSourceQuery['source']>;
type Entity = Extract<NonNullable<WorkbenchEntityQuery['node']>, { name: string }>;
type FactNode = NonNullable<WorkbenchFactQuery['node']>;
type Fact = Extract<FactNode, { citations: unknown }>;
type FactCitation = Fact['citations'][number];
const isFact = (node: FactNode): node is Fact => 'citations' in node && 'history' in node;
interface Selection {
  start: number;
  end: number;
  quote: string;
}
interface Change {
  id: string;
  at: string;
  actor: string;
  operation: string;
  targetId: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}

// ---- the store ---------------------------------------------------------------------------------------------------

const state = {
  viewer: null as { name: string; role: Role } | null,
  schema: null as IntrospectedSchema | null,
  source: null as Source | null,
  selection: null as Selection | null,
  model: null as FormModel | null,
  /** The fact or entity written last, highlighted in the document. */
  lastWritten: null as string | null,
  entity: null as Entity | null,
  /** The fact open in the fact view, as read when it was opened (the conflict check compares against it). */
  fact: null as Fact | null,
  /** A citation shown in its source (the fact view's "Show in the document"), highlighted at its offsets. */
  focus: null as { source: string; start: number; end: number; citedBy: string } | null,
  tab: 'record' as Tab,
};
const tabs = ['record', 'entity', 'fact', 'review'] as const;
type Tab = (typeof tabs)[number];

const canEdit = () => state.viewer?.role === 'EDITOR' || state.viewer?.role === 'ADMIN';
const canMerge = () => state.viewer?.role === 'ADMIN';

/** UI work in progress (not only requests): `ready()` waits for it. */
let pending = 0;
const pendingWaiters: (() => void)[] = [];
async function track<T>(work: Promise<T>): Promise<T> {
  pending += 1;
  document.body.setAttribute('aria-busy', 'true');
  try {
    return await work;
  } finally {
    pending -= 1;
    if (pending === 0) {
      document.body.removeAttribute('aria-busy');
      pendingWaiters.splice(0).forEach((r) => r());
    }
  }
}
async function ready(): Promise<void> {
  for (;;) {
    if (pending > 0) await new Promise<void>((r) => pendingWaiters.push(r));
    await networkIdle();
    await new Promise((r) => setTimeout(r, 0));
    if (pending === 0) return;
  }
}

// ---- status: loading, refused, offline, conflict -----------------------------------------------------------------

function say(message: string, tone: 'info' | 'ok' | 'error' = 'info'): void {
  const status = byId('status');
  status.textContent = message;
  status.dataset.tone = tone;
}

function explain(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.kind === 'offline') setOffline(true);
    if (error.kind === 'unauthenticated') return 'The key was not recognised (or has been withdrawn): sign in again.';
    if (error.kind === 'forbidden') return `Refused: ${error.message}`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function setOffline(offline: boolean): void {
  byId('offline').hidden = !offline;
}
connectivity.onChange = (reachable) => setOffline(!reachable);
window.addEventListener('offline', () => setOffline(true));
window.addEventListener('online', () => {
  setOffline(false);
  say('Back online.');
});

/** Codes that say the record is no longer as the page showed it (someone else wrote it meanwhile). */
const conflictCodes = new Set(['CONFLICT', 'ALREADY_RETRACTED', 'NOT_RETRACTED']);

const friendly: Record<string, string> = {
  CONFLICT: 'The record changed meanwhile (someone else wrote it). Reload it and try again: nothing was written.',
  QUOTE_NOT_IN_SOURCE: 'The passage is not in the stored text.',
};

// ---- sign in -----------------------------------------------------------------------------------------------------

async function signIn(key: string): Promise<{ name: string; role: Role }> {
  const data = await request(ViewerQuery, {}, undefined, key);
  if (!data.viewer.role || !data.viewer.name) throw new ApiError('unauthenticated', 'Without a key the graph can only be read; sign in with an API key.');
  credentials.set(key);
  state.viewer = { name: data.viewer.name, role: data.viewer.role };
  renderViewer();
  return state.viewer;
}

function signOut(): void {
  credentials.clear();
  state.viewer = null;
  renderViewer();
  say('Signed out: the key is forgotten by this tab.');
}

function renderViewer(): void {
  const v = state.viewer;
  byId('viewer').textContent = v ? `${v.name} · ${v.role.toLowerCase()}` : 'not signed in (read-only)';
  byId('signin').hidden = v !== null;
  byId('signout').hidden = v === null;
  document.body.classList.toggle('read-only', !canEdit());
  for (const fs of Array.from(document.querySelectorAll<HTMLFieldSetElement>('fieldset.writes'))) fs.disabled = !canEdit();
  renderFactForm();
  // Their write buttons follow the role.
  if (state.entity) renderEntity();
  if (state.fact) renderFact();
  void refreshDuplicates();
}

async function onSignIn(event: Event): Promise<void> {
  event.preventDefault();
  const input = byId<HTMLInputElement>('api-key');
  const key = input.value.trim();
  if (!key) return;
  try {
    const v = await track(signIn(key));
    input.value = '';
    await track(loadReads());
    say(`Signed in as ${v.name} (${v.role.toLowerCase()}).`, 'ok');
  } catch (error) {
    say(explain(error), 'error');
  }
}

// ---- documents in ------------------------------------------------------------------------------------------------

const sourceFields = ['id', 'publisher', 'author', 'title', 'date', 'url', 'language', 'kind', 'text'] as const;

async function onFile(): Promise<void> {
  const file = byId<HTMLInputElement>('source-file').files?.[0];
  if (!file) return;
  const raw = await file.text();
  const text = byId<HTMLTextAreaElement>('source-text');
  if (/\.html?$/i.test(file.name) || file.type === 'text/html') {
    const main = mainTextOfHtml(raw);
    text.value = main.text;
    const fill = (id: string, value: string | null) => {
      const el = byId<HTMLInputElement>(id);
      if (value && !el.value) el.value = value;
    };
    fill('source-title', main.title);
    fill('source-author', main.byline);
    fill('source-language', main.language);
    if (main.published && /^\d{4}-\d{2}-\d{2}/.test(main.published)) fill('source-date', main.published.slice(0, 10));
    say(`Reduced ${file.name} to its main text (${main.text.length} characters): check it before adding.`);
  } else {
    text.value = raw;
    say(`Read ${file.name} (${raw.length} characters).`);
  }
}

function sourceInputFromForm(): AddSourceInput {
  const value = (id: string) => byId<HTMLInputElement>(id).value.trim();
  const input: AddSourceInput = { publisher: value('source-publisher'), date: value('source-date') };
  for (const f of ['id', 'author', 'title', 'url', 'language'] as const) if (value(`source-${f}`)) input[f] = value(`source-${f}`);
  input.kind = value('source-kind') as AddSourceInput['kind'];
  // The text as typed, not trimmed inside: quotes and offsets are taken in exactly what is stored.
  const text = byId<HTMLTextAreaElement>('source-text').value;
  if (text.trim() !== '') input.text = text;
  return input;
}

function showFieldErrors(scope: HTMLElement, errors: readonly FieldError[], pathOf: (field: string | null) => string | null): FieldError[] {
  for (const el of Array.from(scope.querySelectorAll('.field-error'))) el.textContent = '';
  for (const el of Array.from(scope.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
  const unplaced: FieldError[] = [];
  for (const e of errors) {
    const path = pathOf(e.field);
    const slot = path ? scope.querySelector<HTMLElement>(`.field-error[data-for="${CSS.escape(path)}"]`) : null;
    if (!slot) {
      unplaced.push(e);
      continue;
    }
    slot.textContent = `${slot.textContent ? `${slot.textContent} ` : ''}${friendly[e.code] ?? e.message} (${e.code})`;
    scope.querySelector(`[name="${CSS.escape(path!)}"]`)?.setAttribute('aria-invalid', 'true');
  }
  return unplaced;
}

async function addSource(input: AddSourceInput): Promise<string> {
  const form = byId<HTMLFormElement>('add-source');
  const data = await request(AddSourceMutation, { input }, crypto.randomUUID());
  const payload = data.addSource;
  const unplaced = showFieldErrors(form, payload.errors, (f) => (f && (sourceFields as readonly string[]).includes(f) ? f : null));
  if (payload.errors.length > 0 || !payload.source) {
    const message = unplaced.map((e) => `${e.message} (${e.code})`).join(' ') || 'Refused: see the fields marked.';
    say(message, 'error');
    throw Object.assign(new Error(message), { errors: payload.errors });
  }
  say(`Added ${payload.source.id}.`, 'ok');
  form.reset();
  byId<HTMLDetailsElement>('add-source-details').open = false;
  await loadSourceList();
  await openSource(payload.source.id);
  return payload.source.id;
}

async function onAddSource(event: Event): Promise<void> {
  event.preventDefault();
  try {
    await track(addSource(sourceInputFromForm()));
  } catch (error) {
    if (!(error instanceof Error && 'errors' in error)) say(explain(error), 'error');
  }
}

function fillSourceForm(input: AddSourceInput): void {
  for (const f of sourceFields) {
    const el = byId<HTMLInputElement>(`source-${f}`);
    const v = (input as Record<string, unknown>)[f];
    el.value = v === undefined || v === null ? (f === 'kind' ? 'ARTICLE' : '') : asText(v);
  }
}

async function loadSourceList(): Promise<void> {
  const data = await request(SourcesQuery, { first: 100 });
  const list = byId<HTMLSelectElement>('source-list');
  const current = state.source?.id ?? list.value;
  list.replaceChildren(
    ...data.sources.edges
      .map((e) => e.node)
      .reverse()
      .map((s) => h('option', { value: s.id }, `${s.date.text} · ${s.publisher} · ${s.title ?? s.id}`)),
  );
  if (current) list.value = current;
}

// ---- the document and its mentions -------------------------------------------------------------------------------

async function openSource(id: string): Promise<void> {
  const docText = byId('doc-text');
  docText.setAttribute('aria-busy', 'true');
  try {
    const data = await request(SourceQuery, { id });
    if (!data.source) {
      say(`No source ${id}.`, 'error');
      return;
    }
    // Reading the same text again (after a write) keeps the selection; another document clears it.
    const same = state.source?.id === data.source.id && state.source.text === data.source.text;
    state.source = data.source;
    if (!same) state.selection = null;
    byId<HTMLSelectElement>('source-list').value = id;
    history.replaceState(null, '', `?source=${encodeURIComponent(id)}`);
    renderDocument();
    renderPassage();
  } finally {
    docText.removeAttribute('aria-busy');
  }
}

function renderDocument(): void {
  const s = state.source;
  const meta = byId('doc-meta');
  const container = byId('doc-text');
  if (!s) {
    meta.replaceChildren(h('p', { class: 'empty' }, 'No document open: add one, or choose one of the sources above.'));
    container.replaceChildren();
    return;
  }
  const mentions = s.mentions.entities;
  const names = new Set(mentions.map((m) => m.entity.id));
  meta.replaceChildren(
    ...present(
    h('h2', {}, s.title ?? s.id),
    h('p', { class: 'meta' }, `${s.publisher} · ${s.date.text} · ${s.kind.toLowerCase()}${s.language ? ` · ${s.language}` : ''} · version ${s.version} · `, h('code', {}, s.id)),
    s.url ? h('p', { class: 'meta' }, h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, s.url)) : null,
    h(
      'p',
      { class: 'legend' },
      h('mark', { class: 'mention' }, `${names.size} entities named`),
      ` (${mentions.length} mentions) · `,
      h('mark', { class: 'candidate' }, `${s.mentions.candidates.length} unknown names`),
      ' · ',
      h('span', { class: 'cited' }, `${s.citations.totalCount} cited passages`),
      ' · select a passage to record what it states',
    ),
    ),
  );
  if (s.text === null || s.text === undefined) {
    container.replaceChildren(h('p', { class: 'empty' }, 'This source has no text (a dataset cited by locator).'));
    return;
  }
  container.replaceChildren(...segmentsOf(s));
}

interface Span {
  start: number;
  end: number;
}

/** The text cut at every mention, candidate and citation boundary; each piece marked with what covers it. */
function segmentsOf(s: Source): Node[] {
  const text = s.text ?? '';
  const cited = s.citations.edges.map((e) => e.node).filter((c): c is typeof c & { start: number; end: number } => typeof c.start === 'number' && typeof c.end === 'number');
  const cuts = new Set<number>([0, text.length]);
  const focus = state.focus?.source === s.id && state.focus.end <= text.length ? state.focus : null;
  const spans: Span[] = [...s.mentions.entities, ...s.mentions.candidates, ...cited, ...(focus ? [focus] : [])];
  for (const sp of spans) {
    cuts.add(sp.start);
    cuts.add(sp.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const nodes: Node[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const piece = text.slice(a, b);
    const covers = (sp: Span) => sp.start <= a && b <= sp.end;
    const mention = s.mentions.entities.filter(covers);
    const candidate = s.mentions.candidates.find(covers);
    const citations = cited.filter(covers);
    let node: Node = document.createTextNode(piece);
    if (mention.length > 0) {
      const label = mention.map((m) => `${m.entity.name} (${m.entity.kind.toLowerCase()})`).join(' or ');
      node = h('mark', { class: 'mention', role: 'button', tabindex: 0, 'data-entity': mention.map((m) => m.entity.id).join(' '), title: label, 'aria-label': `${piece}: open ${label}` }, piece);
    } else if (candidate) {
      node = h('mark', { class: 'candidate', role: 'button', tabindex: 0, 'data-candidate': candidate.text, title: 'Not in the graph: record it as a new person' }, piece);
    }
    if (citations.length > 0) {
      const span = h('span', { class: 'cited', title: `Cited by ${citations.map((c) => c.citedById).join(', ')}`, 'data-cited-by': citations.map((c) => c.citedById).join(' ') });
      if (state.lastWritten && citations.some((c) => c.citedById === state.lastWritten)) span.classList.add('new');
      span.append(node);
      node = span;
    }
    if (focus && covers(focus)) node = h('span', { class: 'focus', 'data-cited-by': focus.citedBy, title: `The citation of ${focus.citedBy} shown` }, node);
    nodes.push(node);
  }
  return nodes;
}

function onDocumentActivate(event: Event): void {
  if (event instanceof KeyboardEvent && event.key !== 'Enter' && event.key !== ' ') return;
  if (event.type === 'click' && !(window.getSelection()?.isCollapsed ?? true)) return; // a selection, not a click
  const target = (event.target as HTMLElement).closest<HTMLElement>('mark');
  if (!target) return;
  event.preventDefault();
  if (target.dataset.entity) void track(openEntity(target.dataset.entity.split(' ')[0]!));
  else if (target.dataset.candidate) proposeNewPerson(target.dataset.candidate);
}

function proposeNewPerson(name: string): void {
  chooseMutation('upsertPerson');
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  setValue('id', slug ? `person:${slug}` : '');
  setValue('name', name);
  showTab('record');
  say(`"${name}" is not in the graph: select the passage that names it, check the id, and record the person.`);
}

// ---- selecting a passage -----------------------------------------------------------------------------------------

/** Offset of a DOM position within the document's text (the container holds the text and nothing else). */
function offsetOf(container: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The DOM position of a text offset. */
function positionOf(container: Node, offset: number): { node: Node; offset: number } {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let last: Node | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.textContent?.length ?? 0;
    if (offset <= seen + len) return { node: n, offset: offset - seen };
    seen += len;
    last = n;
  }
  return last ? { node: last, offset: last.textContent?.length ?? 0 } : { node: container, offset: 0 };
}

function captureSelection(): void {
  const container = byId('doc-text');
  const sel = window.getSelection();
  const text = state.source?.text;
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !text) return;
  const range = sel.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return;
  let start = offsetOf(container, range.startContainer, range.startOffset);
  let end = offsetOf(container, range.endContainer, range.endOffset);
  // The API trims a quote; trimmed here too, so the offsets shown are the ones the citation will get.
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  if (end <= start) return;
  state.selection = { start, end, quote: text.slice(start, end) };
  renderPassage();
  showTab('record');
}

function select(start: number, end: number): Selection | null {
  const container = byId('doc-text');
  const a = positionOf(container, start);
  const b = positionOf(container, end);
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  captureSelection();
  return state.selection;
}

/** The keyboard's way to a selection: the passage's words, found as the API finds a quote. */
function onFindPassage(event: Event): void {
  event.preventDefault();
  const words = byId<HTMLInputElement>('find-passage-text').value;
  const text = state.source?.text;
  if (!text || words.trim() === '') return;
  const found = locateQuote(normaliseForQuotes(text), words);
  if (found) select(found.start, found.end);
  else say('Those words are not in the document (as stored).', 'error');
}

function renderPassage(): void {
  const box = byId('passage');
  const s = state.selection;
  if (!s || !state.source) {
    box.replaceChildren(h('p', { class: 'empty' }, state.source ? 'Select a passage of the document: it becomes the citation, with its exact offsets.' : 'Open a document first.'));
    return;
  }
  const warnings: string[] = [];
  if (s.quote.length < 8) warnings.push('A quote needs at least 8 characters.');
  const text = state.source.text ?? '';
  const found = locateQuote(normaliseForQuotes(text), s.quote);
  if (found && found.start !== s.start) {
    warnings.push(`The same words occur earlier (at ${found.start}): the citation would point there. Select a longer passage.`);
  }
  box.replaceChildren(
    h('blockquote', { id: 'passage-quote' }, s.quote),
    h('p', { class: 'meta' }, `Characters ${s.start}–${s.end} of ${state.source.id}`),
    h('p', { class: 'field-error', 'data-for': 'citation', role: 'alert' }, warnings.join(' ')),
  );
}

// ---- facts from passages: the generated form ---------------------------------------------------------------------

function chooseMutation(name: string): void {
  const select = byId<HTMLSelectElement>('mutation');
  select.value = name;
  state.model = state.schema ? formModel(state.schema, name) : null;
  renderFactForm();
}

function renderFactForm(): void {
  const host = byId('fact-fields');
  const model = state.model;
  if (!model) {
    host.replaceChildren(h('p', { class: 'empty' }, 'Loading the schema…'));
    return;
  }
  host.replaceChildren(h('p', { class: 'hint' }, model.description), ...model.fields.map((f) => fieldControl(f, f.name)));
  byId<HTMLFieldSetElement>('fact-fieldset').disabled = !canEdit();
}

function fieldControl(field: FormField, path: string): HTMLElement {
  const id = nextId('f');
  const errorId = `${id}-error`;
  const label = h('label', { for: id }, field.label, field.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null);
  const help = field.description ? h('span', { class: 'help', id: `${id}-help` }, field.description) : null;
  const error = h('span', { class: 'field-error', id: errorId, 'data-for': path, role: 'alert' });
  const describedBy = [help ? `${id}-help` : null, errorId].filter(Boolean).join(' ');
  const common = { id, name: path, 'aria-describedby': describedBy, required: field.required && field.control !== 'boolean' };
  switch (field.control) {
    case 'group': {
      const items = h('div', { class: 'group-items', 'data-group': path });
      const add = () => {
        const index = items.children.length;
        const prefix = field.list ? `${path}[${index}]` : path;
        items.append(h('fieldset', { class: 'group-item' }, h('legend', {}, `${field.label}${field.list ? ` ${index + 1}` : ''}`), ...field.fields.map((f) => fieldControl(f, `${prefix}.${f.name}`))));
      };
      const addButton = h('button', { type: 'button', class: 'add-item', 'aria-label': `Add ${field.label.toLowerCase()}`, onclick: () => (field.list || items.children.length === 0 ? add() : undefined) }, `+ ${field.label}`);
      return h('div', { class: 'field group', 'data-field': path }, h('span', { class: 'group-label' }, field.label), help, items, addButton, error);
    }
    case 'enum':
      return h(
        'div',
        { class: 'field' },
        label,
        h('select', common, h('option', { value: '' }, field.required ? 'Choose…' : '(not stated)'), ...field.options.map((o) => h('option', { value: o.value }, o.label))),
        help,
        error,
      );
    case 'boolean':
      return h('div', { class: 'field' }, label, h('select', common, h('option', { value: '' }, '(not stated)'), h('option', { value: 'true' }, 'yes'), h('option', { value: 'false' }, 'no')), help, error);
    case 'strings':
      return h('div', { class: 'field' }, label, h('textarea', { ...common, rows: 2, placeholder: 'one a line' }), help, error);
    case 'entity':
      return entityPicker(field, path, common, label, help, error);
    case 'partialDate':
      return h('div', { class: 'field' }, label, h('input', { ...common, type: 'text', inputmode: 'numeric', placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' }), help, error);
    case 'int':
      return h('div', { class: 'field' }, label, h('input', { ...common, type: 'number', step: 1 }), help, error);
    case 'float':
      return h('div', { class: 'field' }, label, h('input', { ...common, type: 'number', step: 'any' }), help, error);
    default:
      return h('div', { class: 'field' }, label, h('input', { ...common, type: 'text', placeholder: field.control === 'factId' ? 'an id, e.g. candidacy:…' : '' }), help, error);
  }
}

const looksLikeId = (v: string) => /^[a-z_]+:\S+$/.test(v);

/** Search-as-you-type across scripts: the input holds the chosen entity's id. */
function entityPicker(field: Extract<FormField, { control: 'entity' }>, path: string, common: Record<string, string | boolean>, label: HTMLElement, help: HTMLElement | null, error: HTMLElement): HTMLElement {
  const listId = `${String(common.id)}-list`;
  const input = h('input', { ...common, type: 'text', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId, autocomplete: 'off', placeholder: `search ${field.kinds ? field.kinds.map((k) => k.toLowerCase().replace('_', ' ')).join(' or ') : 'any entity'} (any spelling), or an id` });
  const list = h('ul', { id: listId, role: 'listbox', class: 'suggestions', hidden: true, 'aria-label': `${field.label} suggestions` });
  const chosen = h('span', { class: 'chosen', 'aria-live': 'polite' });
  let timer: number | undefined;
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  const choose = (id: string, name: string) => {
    input.value = id;
    chosen.textContent = name;
    close();
    input.focus();
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    chosen.textContent = '';
    const q = input.value.trim();
    if (q.length < 2 || looksLikeId(q)) return close();
    timer = window.setTimeout(() => {
      void track(
        request(SearchQuery, { query: q, kinds: field.kinds })
          .then((data) => {
            if (input.value.trim() !== q) return;
            list.replaceChildren(
              ...(data.search.length === 0
                ? [h('li', { class: 'no-matches', role: 'option', 'aria-disabled': 'true' }, 'No match: try another spelling, or give an id')]
                : data.search.map((hit) =>
                    h('li', { role: 'option', tabindex: -1, 'data-id': hit.entity.id, onclick: () => choose(hit.entity.id, hit.entity.name) }, hit.entity.name, ' ', h('span', { class: 'kind' }, hit.entity.kind.toLowerCase()), hit.matched !== hit.entity.name ? h('span', { class: 'matched' }, ` (${hit.matched})`) : null),
                  )),
            );
            list.hidden = false;
            input.setAttribute('aria-expanded', 'true');
          })
          .catch((e: unknown) => say(explain(e), 'error')),
      );
    }, 200);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && !list.hidden) {
      e.preventDefault();
      list.querySelector<HTMLElement>('li[data-id]')?.focus();
    } else if (e.key === 'Escape') close();
  });
  list.addEventListener('keydown', (e) => {
    const li = (e.target as HTMLElement).closest('li');
    if (!li) return;
    if (e.key === 'Enter' && li.dataset.id) {
      e.preventDefault();
      choose(li.dataset.id, li.firstChild?.textContent ?? '');
    } else if (e.key === 'ArrowDown') (li.nextElementSibling as HTMLElement | null)?.focus();
    else if (e.key === 'ArrowUp') ((li.previousElementSibling as HTMLElement | null) ?? input).focus();
    else if (e.key === 'Escape') close();
  });
  return h('div', { class: 'field picker' }, label, input, chosen, list, help, error);
}

/** The form's values as the model reads them (groups as objects, lists of groups as arrays). */
function rawValues(fields: readonly FormField[], prefix: string): RawValues {
  const form = byId('fact-form');
  const out: RawValues = {};
  for (const f of fields) {
    const path = `${prefix}${f.name}`;
    if (f.control === 'group') {
      const items = form.querySelector(`[data-group="${CSS.escape(path)}"]`)?.children ?? [];
      const values = Array.from(items).map((_el, i) => rawValues(f.fields, f.list ? `${path}[${i}].` : `${path}.`));
      out[f.name] = f.list ? values : values[0];
    } else {
      out[f.name] = form.querySelector<HTMLInputElement>(`[name="${CSS.escape(path)}"]`)?.value ?? '';
    }
  }
  return out;
}

function setValue(path: string, value: unknown): void {
  const form = byId('fact-form');
  const el = form.querySelector<HTMLInputElement>(`[name="${CSS.escape(path)}"]`);
  if (!el) throw new Error(`the form of ${state.model?.mutation} has no field ${path}`);
  el.value = Array.isArray(value) ? value.map(asText).join('\n') : asText(value);
}

/** Fills the form from an input object (the API's own shape), adding group items as needed. */
function fillForm(values: Record<string, unknown>, fields: readonly FormField[], prefix: string): void {
  const form = byId('fact-form');
  for (const [name, value] of Object.entries(values)) {
    const field = fields.find((f) => f.name === name);
    const path = `${prefix}${name}`;
    if (!field) throw new Error(`the form of ${state.model?.mutation} has no field ${path}`);
    if (field.control === 'group') {
      const items = field.list ? (value as Record<string, unknown>[]) : [value as Record<string, unknown>];
      const host = form.querySelector(`[data-group="${CSS.escape(path)}"]`)!;
      const add = host.parentElement!.querySelector<HTMLButtonElement>('.add-item')!;
      items.forEach((item, i) => {
        if (host.children.length <= i) add.click();
        fillForm(item, field.fields, field.list ? `${path}[${i}].` : `${path}.`);
      });
    } else setValue(path, value);
  }
}

type RecordOutcome = { id: string } | { errors: { field: string | null; code: string; message: string }[] };

async function submitFact(): Promise<RecordOutcome> {
  const model = state.model;
  const form = byId('fact-form');
  const result = byId('record-result');
  if (!model) return { errors: [{ field: null, code: 'NOT_READY', message: 'The schema is still loading.' }] };
  if (!state.source || !state.selection) {
    const e = { field: 'citation', code: 'MISSING_CITATION', message: 'Select the passage that states it first.' };
    showFieldErrors(form, [e], () => null);
    say(e.message, 'error');
    return { errors: [e] };
  }
  const built = buildVariables(model, rawValues(model.fields, ''), { source: state.source.id, quote: state.selection.quote });
  const pathOf = (field: string | null) => (field === null ? null : /^citations?\b/.test(field) ? 'citation' : field);
  if ('errors' in built) {
    showFieldErrors(form, built.errors, pathOf);
    say('Some fields need attention (marked).', 'error');
    return { errors: built.errors };
  }
  result.replaceChildren(h('p', {}, 'Recording…'));
  const sent: { payload?: { errors: FieldError[]; [k: string]: unknown } } = {};
  const send = async () => {
    const data = await request<Record<string, { errors: FieldError[]; [k: string]: unknown }>>(mutationDocument(model), built.variables, crypto.randomUUID());
    sent.payload = data[model.mutation]!;
    return sent.payload.errors;
  };
  // An upsert of the entity open in the entity panel is checked against it as loaded (writeChecked); the conflict
  // shows where the result would, the form kept as typed.
  const formId = form.querySelector<HTMLInputElement>('[name="id"]')?.value.trim();
  const shown = model.mutation.startsWith('upsert') && state.entity && formId === state.entity.id ? state.entity : null;
  if (shown) {
    if ((await writeChecked(watchEntity(shown, () => result, undefined, 'record'), send)) === null) return { errors: [{ field: null, code: 'CONFLICT', message: friendly.CONFLICT! }] };
  } else await send();
  const payload = sent.payload!;
  const passageBox = byId('passage');
  if (payload.errors.length > 0) {
    const unplaced = showFieldErrors(form, payload.errors.filter((e) => pathOf(e.field) !== 'citation'), pathOf);
    showFieldErrors(passageBox, payload.errors.filter((e) => pathOf(e.field) === 'citation'), pathOf);
    const conflict = payload.errors.some((e) => e.code === 'CONFLICT');
    result.replaceChildren(h('p', { class: 'refused' }, conflict ? friendly.CONFLICT! : 'Refused: nothing was written.'), ...unplaced.map((e) => h('p', { class: 'refused' }, `${e.message} (${e.code})`)));
    say(conflict ? friendly.CONFLICT! : 'Refused: see the fields marked.', 'error');
    return { errors: payload.errors };
  }
  const entityOfForm = model.fields.filter((f) => f.control === 'entity').map((f) => byId('fact-form').querySelector<HTMLInputElement>(`[name="${CSS.escape(f.name)}"]`)?.value ?? '').find(looksLikeId);
  const written = model.resultFields.map((f) => payload[f] as { id: string } | null).find((x) => x?.id);
  const id = written?.id ?? '';
  showFieldErrors(form, [], pathOf);
  state.lastWritten = id;
  await openSource(state.source.id);
  const citation = state.source?.citations.edges.map((e) => e.node).find((c) => c.citedById === id && c.start === state.selection?.start);
  result.replaceChildren(
    ...present(
    h('p', { class: 'ok' }, 'Recorded ', h('code', {}, id), citation ? `, citing characters ${citation.start}–${citation.end}.` : '.'),
    entityOfForm ? h('p', {}, h('a', { href: `/explorer/?roots=${encodeURIComponent(entityOfForm)}` }, 'See it in the explorer')) : null,
    ),
  );
  byId('doc-text').querySelector('.cited.new')?.scrollIntoView({ block: 'center' });
  say(`Recorded ${id}.`, 'ok');
  announceWrite([id]);
  return { id };
}

let recording: Promise<RecordOutcome> | null = null;
async function record(mutation: string, fields: Record<string, unknown>): Promise<RecordOutcome> {
  showTab('record');
  chooseMutation(mutation);
  fillForm(fields, state.model!.fields, '');
  // Submitted as a click would: the form's submit event runs submitFact.
  recording = null;
  byId<HTMLFormElement>('fact-form').requestSubmit();
  await ready();
  const outcome = await (recording ?? Promise.resolve<RecordOutcome>({ errors: [{ field: null, code: 'NOT_SUBMITTED', message: 'The form was not submitted.' }] }));
  return outcome;
}

/** Other tabs of this app (the explorer) hear of each write and can redraw what it touched. */
const channel = 'BroadcastChannel' in window ? new BroadcastChannel('kz-graph-writes') : null;
function announceWrite(ids: string[]): void {
  channel?.postMessage({ type: 'written', ids });
}

// ---- an entity: its facts (retract, restore) and history ---------------------------------------------------------

async function openEntity(id: string): Promise<void> {
  showTab('entity');
  const panel = byId('entity-panel');
  panel.replaceChildren(h('p', {}, 'Loading…'));
  try {
    const data = await request(EntityQuery, { id });
    const node = data.node;
    if (!node || !('name' in node)) {
      state.entity = null;
      panel.replaceChildren(h('p', { class: 'empty' }, `No entity ${id}.`));
      return;
    }
    state.entity = node;
    history.replaceState(null, '', `?${state.source ? `source=${encodeURIComponent(state.source.id)}&` : ''}entity=${encodeURIComponent(node.id)}`);
    renderEntity();
  } catch (error) {
    panel.replaceChildren(h('p', { class: 'refused' }, explain(error)));
  }
}

function renderEntity(): void {
  const e = state.entity;
  const panel = byId('entity-panel');
  if (!e) return;
  const relations = e.related.edges.map((x) => x.node);
  panel.replaceChildren(
    ...present(
    h('h3', {}, e.name, ' ', h('span', { class: 'kind' }, e.kind.toLowerCase())),
    h('p', { class: 'meta' }, h('code', {}, e.id), ' · ', h('a', { href: `/explorer/?roots=${encodeURIComponent(e.id)}` }, 'open in the explorer')),
    e.aliases.length > 0 ? h('p', { class: 'meta' }, `Also: ${e.aliases.map((a) => a.name).join(', ')}`) : null,
    e.description ? h('p', {}, e.description) : null,
    h('div', { id: 'entity-conflict', role: 'alert' }),
    h('h4', {}, `Facts (${relations.length})`),
    relations.length === 0
      ? h('p', { class: 'empty' }, 'No facts yet.')
      : h(
          'ul',
          { class: 'facts' },
          ...relations.map((r) => {
            const factId = r.fact?.id ?? null;
            const dates = [r.from?.text, r.to?.text].some(Boolean) ? ` ${r.from?.text ?? '…'}–${r.to?.text ?? ''}` : '';
            return h(
              'li',
              { class: r.retracted ? 'retracted' : '' },
              `${r.type.toLowerCase().replace(/_/g, ' ')} ${r.direction === 'OUTGOING' ? '→' : '←'} ${r.other.name}${r.role ? ` (${r.role})` : ''}${dates}`,
              r.retracted ? h('span', { class: 'badge' }, ' retracted') : null,
              factId ? h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => void track(openFact(factId)), 'aria-label': `Open ${factId}` }, 'Open'), reasonAction(r.retracted ? 'Restore' : 'Retract', `${r.retracted ? 'Restore' : 'Retract'} ${factId}`, (reason) => writeOnEntity(e, factId, () => (r.retracted ? restoreFact(factId, reason) : retractFact(factId, reason))), canEdit()), h('button', { type: 'button', onclick: () => void track(showFactHistory(factId)), 'aria-label': `History of ${factId}` }, 'History')) : null,
            );
          }),
        ),
    h('h4', {}, 'History'),
    historyList(e.history),
    h('div', { id: 'fact-history' }),
    ),
  );
}

/** A button that asks for a reason inline, then runs `act`. */
function reasonAction(label: string, accessibleName: string, act: (reason: string) => Promise<void>, allowed: boolean, refusedHint = 'needs an editor key'): HTMLElement {
  const box = h('span', { class: 'reason-action' });
  const open = h('button', { type: 'button', 'aria-label': accessibleName, disabled: !allowed, title: allowed ? '' : refusedHint }, label);
  open.addEventListener('click', () => {
    const id = nextId('reason');
    const input = h('input', { id, type: 'text', placeholder: 'reason (kept in the audit trail)', 'aria-label': `Reason: ${accessibleName}`, class: 'reason' });
    const confirm = h('button', { type: 'submit', 'aria-label': `Confirm: ${accessibleName}` }, 'Confirm');
    const cancel = h('button', { type: 'button', onclick: () => box.replaceChildren(open) }, 'Cancel');
    const form = h('form', { class: 'inline' }, input, confirm, cancel);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (!input.value.trim()) {
        input.setAttribute('aria-invalid', 'true');
        return;
      }
      void track(act(input.value.trim()).catch((e: unknown) => say(explain(e), 'error')));
    });
    box.replaceChildren(form);
    input.focus();
  });
  box.append(open);
  return box;
}

async function afterWrite(errors: readonly FieldError[], done: string, ids: string[]): Promise<boolean> {
  if (errors.length > 0) {
    const conflict = errors.some((e) => conflictCodes.has(e.code));
    say(conflict ? friendly.CONFLICT! : `Refused: ${errors.map((e) => `${e.message} (${e.code})`).join(' ')}`, 'error');
    return false;
  }
  say(done, 'ok');
  announceWrite(ids);
  return true;
}

/** A retract or restore from the entity panel, checked against the entity as loaded (writeChecked). */
async function writeOnEntity(shown: Entity, factId: string, write: () => Promise<readonly FieldError[]>): Promise<void> {
  const errors = await writeChecked(watchEntity(shown, () => document.getElementById('entity-conflict'), factId), write);
  if (errors?.length === 0) await refreshEntity();
}
async function refreshEntity(): Promise<void> {
  if (state.entity) await openEntity(state.entity.id);
  if (state.source) await openSource(state.source.id);
}

async function showFactHistory(id: string): Promise<void> {
  const data = await request(FactHistoryQuery, { id });
  const host = document.getElementById('fact-history');
  const node = data.node;
  if (!host || !node || !('history' in node)) return;
  host.replaceChildren(...present(h('h4', {}, `History of ${id}`), node.retraction ? h('p', { class: 'refused' }, `Retracted by ${node.retraction.actor} at ${node.retraction.at}: ${node.retraction.reason}`) : null, historyList(node.history)));
}

/** Each change as a before/after diff of the record's fields, with author and time. */
export function historyList(changes: readonly Change[]): HTMLElement {
  if (changes.length === 0) return h('p', { class: 'empty' }, 'No recorded changes (loaded with the seed or an import before the audit trail).');
  return h(
    'ol',
    { class: 'history' },
    ...changes.map((c) => {
      const before = c.before ? (JSON.parse(c.before) as Record<string, unknown>) : {};
      const after = c.after ? (JSON.parse(c.after) as Record<string, unknown>) : {};
      const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
      const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
      return h(
        'li',
        { 'data-operation': c.operation },
        h('p', {}, h('strong', {}, c.operation), ` by ${c.actor}, ${new Date(c.at).toLocaleString()}`, c.targetId ? ' · ' : '', h('code', {}, c.targetId), c.reason ? ` · “${c.reason}”` : ''),
        keys.length === 0
          ? null
          : h(
              'table',
              { class: 'diff' },
              h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'field'), h('th', { scope: 'col' }, 'before'), h('th', { scope: 'col' }, 'after'))),
              h('tbody', {}, ...keys.map((k) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', { class: 'before' }, show(before[k])), h('td', { class: 'after' }, show(after[k]))))),
            ),
      );
    }),
  );
}

// ---- a fact (a tie): its fields, citations shown in their sources, retraction, history, conflicts ---------------

/** What a write checks has not changed since the fact was shown: its changes, retraction and citations. */
const signatureOf = (f: Fact) => JSON.stringify([f.history.map((c) => c.id), f.retraction, f.citations.map((c) => [c.source.id, c.quote, c.locator, c.start, c.end])]);

async function openFact(id: string): Promise<void> {
  showTab('fact');
  const panel = byId('fact-panel');
  panel.replaceChildren(h('p', {}, 'Loading…'));
  try {
    const node = (await request(FactQuery, { id })).node;
    if (!node) {
      state.fact = null;
      panel.replaceChildren(h('p', { class: 'empty' }, `No fact ${id}.`));
      return;
    }
    // A structural tie (LOCATED_IN, PART_OF...) is part of an entity's own record: that record is what to edit.
    if (!isFact(node)) {
      state.fact = null;
      panel.replaceChildren(h('p', { class: 'empty' }, `${id} is an entity's own record, opened in the Entity tab.`));
      await openEntity(node.id);
      return;
    }
    state.fact = node;
    renderFact();
    const first = node.citations.find((c) => typeof c.start === 'number' && typeof c.end === 'number');
    if (first) await showCitation(node, first);
    history.replaceState(null, '', `?${state.source ? `source=${encodeURIComponent(state.source.id)}&` : ''}fact=${encodeURIComponent(node.id)}`);
  } catch (error) {
    panel.replaceChildren(h('p', { class: 'refused' }, explain(error)));
  }
}

/** Opens the citation's source (unless it is the one shown) with the quote highlighted at its stored offsets. */
async function showCitation(fact: Fact, c: FactCitation): Promise<void> {
  if (typeof c.start !== 'number' || typeof c.end !== 'number') {
    say(`This citation is by locator (${c.locator ?? 'none'}), not a passage: nothing to highlight.`);
    return;
  }
  state.focus = { source: c.source.id, start: c.start, end: c.end, citedBy: fact.id };
  if (state.source?.id === c.source.id) renderDocument();
  else await openSource(c.source.id);
  byId('doc-text').querySelector('.focus')?.scrollIntoView({ block: 'center' });
}

function valueNodes(values: readonly FieldValue[]): (Node | string)[] {
  return values.flatMap((v, i) => [
    i > 0 ? ', ' : '',
    'entity' in v
      ? h('button', { type: 'button', class: 'link', 'data-entity': v.entity.id, onclick: () => void track(openEntity(v.entity.id)), 'aria-label': `Open ${v.entity.name} (${v.entity.kind.toLowerCase()})` }, v.entity.name)
      : v.text,
  ]);
}

function renderFact(): void {
  const f = state.fact;
  const panel = byId('fact-panel');
  if (!f) return;
  const verb = f.retraction ? 'Restore' : 'Retract';
  const rows = factRows(f);
  const lastCitation = f.citations.length <= 1;
  panel.replaceChildren(
    ...present(
      h('h3', {}, words(f.__typename), f.retraction ? h('span', { class: 'badge' }, ' retracted') : null),
      h('p', { class: 'meta' }, h('code', {}, f.id)),
      f.retraction ? h('p', { class: 'refused' }, `Retracted by ${f.retraction.actor}, ${new Date(f.retraction.at).toLocaleString()}: “${f.retraction.reason}”`) : null,
      h('div', { id: 'fact-conflict', role: 'alert' }),
      h(
        'table',
        { class: 'fact-fields' },
        h('tbody', {}, ...rows.map((r) => h('tr', { 'data-field': r.field }, h('th', { scope: 'row' }, r.label), h('td', {}, ...valueNodes(r.values), r.claims ? h('span', { class: 'disputed' }, ` (disputed: ${r.claims.map((c) => c.map((v) => ('entity' in v ? v.entity.name : v.text)).join(', ')).join(' / ')})`) : null)))),
      ),
      h('div', { class: 'actions' }, reasonAction(verb, `${verb} ${f.id}`, (reason) => writeFact(f, () => (f.retraction ? restoreFact(f.id, reason) : retractFact(f.id, reason))), canEdit())),
      h('h4', {}, `Citations (${f.citations.length})`),
      h(
        'ol',
        { class: 'citations' },
        ...f.citations.map((c, i) =>
          h(
            'li',
            { 'data-source': c.source.id },
            c.quote ? h('blockquote', {}, c.quote) : h('p', { class: 'meta' }, `at ${c.locator ?? 'an unstated place'}`),
            h('p', { class: 'meta' }, `${c.source.title ?? c.source.id} — ${c.source.publisher}, ${c.source.date.text}`, typeof c.start === 'number' ? ` · characters ${c.start}–${c.end}` : ''),
            h(
              'div',
              { class: 'actions' },
              typeof c.start === 'number' ? h('button', { type: 'button', 'aria-label': `Show citation ${i + 1} of ${f.id} in its source`, onclick: () => void track(showCitation(f, c)) }, 'Show in the document') : null,
              reasonAction('Retract citation', `Retract citation ${i + 1} of ${f.id}`, (reason) => writeFact(f, () => retractCitationOf(f, c, reason)), canEdit() && !lastCitation, lastCitation ? 'a fact keeps its last citation: retract the fact instead' : 'needs an editor key'),
            ),
          ),
        ),
      ),
      h('h4', {}, 'History'),
      historyList(f.history),
    ),
  );
}

// ---- conflicts: every write first reads its record again -------------------------------------------------------

/**
 * A record as the page showed it (a fact, or an entity), with how to read it again, what a write checks has not
 * changed since (its signature), where a conflict is shown and how to reload it.
 */
interface Watched<T extends { id: string; history: readonly Change[] }> {
  what: 'fact' | 'entity';
  shown: T;
  reread: () => Promise<T | null>;
  signature: (record: T) => string;
  /** What changed when no new change was recorded (a retraction, citations, a fact's state). */
  otherwise: (current: T) => string;
  box: () => HTMLElement | null;
  reload: () => Promise<void>;
}

/**
 * A write on a record as shown: first the record is read again, and if anything its signature covers changed since
 * it was shown (a change recorded, a retraction...), nothing is written and the conflict is shown, what the editor
 * typed kept. Answers the write's errors, or null when nothing was sent (or the API answered a conflict code). The
 * API has no compare-and-set, so a write landing between this read and the mutation (a few milliseconds) is not
 * caught here; retract and restore are refused by the API then (ALREADY_RETRACTED, NOT_RETRACTED), shown as the
 * same conflict.
 */
async function writeChecked<T extends { id: string; history: readonly Change[] }>(w: Watched<T>, write: () => Promise<readonly FieldError[]>): Promise<readonly FieldError[] | null> {
  const current = await w.reread();
  if (!current || w.signature(current) !== w.signature(w.shown)) {
    showConflict(w, current);
    return null;
  }
  const errors = await write();
  if (errors.some((e) => conflictCodes.has(e.code))) {
    showConflict(w, current);
    return null;
  }
  return errors;
}

function showConflict<T extends { id: string; history: readonly Change[] }>(w: Watched<T>, current: T | null): void {
  const box = w.box();
  const seen = new Set(w.shown.history.map((c) => c.id));
  const news = current?.history.filter((c) => !seen.has(c.id)) ?? [];
  const what = current
    ? news.length > 0
      ? news.map((c) => `${c.operation} by ${c.actor}, ${new Date(c.at).toLocaleString()}${c.reason ? ` (“${c.reason}”)` : ''}`).join('; ')
      : w.otherwise(current)
    : 'it is gone (merged or removed)';
  say(friendly.CONFLICT!, 'error');
  document.body.dataset.conflict = w.shown.id;
  box?.replaceChildren(
    h('p', { class: 'refused' }, `This ${w.what} changed after you opened it: ${what}. Nothing was written; what you typed is kept. Reload it to see the change, then decide again.`),
    h('button', { type: 'button', onclick: () => void track(w.reload().then(() => {
      box.replaceChildren();
      delete document.body.dataset.conflict;
    })) }, `Reload the ${w.what}`),
  );
}

const watchFact = (shown: Fact): Watched<Fact> => ({
  what: 'fact',
  shown,
  reread: async () => {
    const now = (await request(FactQuery, { id: shown.id })).node;
    return now && isFact(now) ? now : null;
  },
  signature: signatureOf,
  otherwise: (current) => (current.retraction ? `retracted by ${current.retraction.actor}` : 'its retraction or citations'),
  box: () => document.getElementById('fact-conflict'),
  reload: () => openFact(shown.id),
});

/**
 * An entity as the entity panel loaded it: a write checks its recorded changes (and, for a retract or restore from
 * the panel, whether that fact is still retracted or not as shown). `box` is where the conflict goes: the entity
 * panel's, or the record form's result for an upsert of the entity.
 */
function watchEntity(shown: Entity, box: () => HTMLElement | null, factId?: string, back?: Tab): Watched<Entity> {
  const factState = (e: Entity) => (factId ? e.related.edges.map((x) => x.node).filter((r) => r.fact?.id === factId).map((r) => r.retracted) : []);
  return {
    what: 'entity',
    shown,
    reread: async () => {
      const now = (await request(EntityQuery, { id: shown.id })).node;
      return now && 'name' in now ? now : null;
    },
    signature: (e) => JSON.stringify([e.history.map((c) => c.id), factState(e)]),
    otherwise: () => `${factId ?? 'a fact'} was retracted or restored`,
    box,
    reload: async () => {
      await openEntity(shown.id);
      if (back) showTab(back);
    },
  };
}

/** A write on the fact as shown (conflicts: writeChecked). */
async function writeFact(shown: Fact, write: () => Promise<readonly FieldError[]>): Promise<void> {
  const errors = await writeChecked(watchFact(shown), write);
  if (errors?.length === 0) {
    // The entity panel lists the fact too: read again first, so the fact view (opened last) stays in front.
    if (state.entity) await openEntity(state.entity.id);
    await openFact(shown.id);
  }
}

async function retractFact(id: string, reason: string): Promise<readonly FieldError[]> {
  const data = await request(RetractMutation, { id, reason }, crypto.randomUUID());
  const errors = data.retractFact.errors;
  await afterWrite(errors, `Retracted ${id}.`, [id]);
  return errors;
}
async function restoreFact(id: string, reason: string): Promise<readonly FieldError[]> {
  const data = await request(RestoreMutation, { id, reason }, crypto.randomUUID());
  const errors = data.restoreFact.errors;
  await afterWrite(errors, `Restored ${id}.`, [id]);
  return errors;
}
async function retractCitationOf(f: Fact, c: FactCitation, reason: string): Promise<readonly FieldError[]> {
  const input = { citedBy: f.id, source: c.source.id, reason, ...(c.quote ? { quote: c.quote } : {}), ...(c.locator ? { locator: c.locator } : {}) };
  const data = await request(RetractCitationMutation, { input }, crypto.randomUUID());
  const errors = data.retractCitation.errors;
  await afterWrite(errors, `Retracted a citation of ${f.id}.`, [f.id]);
  return errors;
}

// ---- review: duplicate candidates --------------------------------------------------------------------------------

async function refreshDuplicates(): Promise<void> {
  const list = byId('dup-list');
  const kind = byId<HTMLSelectElement>('dup-kind').value;
  list.setAttribute('aria-busy', 'true');
  try {
    const data = await track(request(DuplicatesQuery, { kind: kind as EntityKind }));
    const pairs = data.duplicateCandidates;
    if (pairs.length === 0) {
      list.replaceChildren(h('li', { class: 'empty' }, 'No duplicate candidates of this kind.'));
      return;
    }
    list.replaceChildren(
      ...pairs.map((p) => {
        const a = p.entity;
        const b = p.duplicate;
        return h(
          'li',
          { class: 'pair', 'data-pair': `${a.id} ${b.id}` },
          h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => void track(openEntity(a.id)) }, a.name), ' ⟷ ', h('button', { type: 'button', class: 'link', onclick: () => void track(openEntity(b.id)) }, b.name)),
          h('p', { class: 'meta' }, h('code', {}, a.id), ' · ', h('code', {}, b.id)),
          h('p', { class: 'evidence' }, `score ${p.score.toFixed(2)} · names ${p.nameScore.toFixed(2)} (“${p.matchedNames.join('” / “')}”) · ${p.sharedRelations} shared relations`),
          h(
            'div',
            { class: 'actions' },
            reasonAction('Merge, keep left', `Merge ${b.id} into ${a.id}`, (reason) => merge(a.id, b.id, reason), canMerge(), 'merging needs an admin key'),
            reasonAction('Merge, keep right', `Merge ${a.id} into ${b.id}`, (reason) => merge(b.id, a.id, reason), canMerge(), 'merging needs an admin key'),
            reasonAction('Not the same', `Dismiss ${a.id} and ${b.id}`, (reason) => dismiss(a.id, b.id, reason), canEdit()),
          ),
        );
      }),
    );
  } catch (error) {
    list.replaceChildren(h('li', { class: 'refused' }, explain(error)));
  } finally {
    list.removeAttribute('aria-busy');
  }
}

async function dismiss(a: string, b: string, reason: string): Promise<void> {
  const data = await request(DismissMutation, { entity: a, duplicate: b, reason }, crypto.randomUUID());
  if (await afterWrite(data.dismissDuplicate.errors, `Dismissed: ${a} and ${b} are different entities.`, [a, b])) await refreshDuplicates();
}

async function merge(keep: string, drop: string, reason: string): Promise<void> {
  const data = await request(MergeMutation, { keep, drop, reason }, crypto.randomUUID());
  if (await afterWrite(data.mergeEntities.errors, `Merged ${drop} into ${keep}.`, [keep, drop])) {
    await refreshDuplicates();
    await openEntity(keep);
  }
}

// ---- tabs and start ----------------------------------------------------------------------------------------------

function showTab(tab: Tab): void {
  state.tab = tab;
  for (const t of tabs) {
    byId(`tab-${t}`).setAttribute('aria-selected', String(t === tab));
    byId(`tab-${t}`).tabIndex = t === tab ? 0 : -1;
    byId(`panel-${t}`).hidden = t !== tab;
  }
}

async function loadSchema(): Promise<void> {
  let schema: IntrospectedSchema;
  try {
    schema = (await request(IntrospectionQuery)).__schema;
  } catch {
    // Introspection is off in production: the schema's introspection printed at build time stands in.
    const res = await fetch('/vendor/workbench-schema.json');
    schema = ((await res.json()) as { __schema: IntrospectedSchema }).__schema;
  }
  state.schema = schema;
  const select = byId<HTMLSelectElement>('mutation');
  const first = ['addMembership', 'addCandidacy', 'addCandidacyStatus', 'addPartyResult', 'addFamilyTie', 'addCaseParty', 'addEventParticipant', 'endRelationship', 'upsertPerson', 'upsertParty'];
  const all = recordableMutations(schema);
  const ordered = [...first.filter((m) => all.includes(m)), ...all.filter((m) => !first.includes(m))];
  select.replaceChildren(...ordered.map((m) => h('option', { value: m }, `${labelOf(m)} (${m})`)));
  chooseMutation(ordered[0]!);
}

function wire(): void {
  byId('signin').addEventListener('submit', (e) => void onSignIn(e));
  byId('signout').addEventListener('click', signOut);
  byId('source-file').addEventListener('change', () => void track(onFile()));
  byId('add-source').addEventListener('submit', (e) => void onAddSource(e));
  byId('open-source').addEventListener('click', () => void track(openSource(byId<HTMLSelectElement>('source-list').value)).catch((e: unknown) => say(explain(e), 'error')));
  byId('doc-text').addEventListener('click', onDocumentActivate);
  byId('doc-text').addEventListener('keydown', onDocumentActivate);
  byId('doc-text').addEventListener('mouseup', captureSelection);
  byId('doc-text').addEventListener('keyup', captureSelection);
  byId('find-passage').addEventListener('submit', onFindPassage);
  byId('mutation').addEventListener('change', () => chooseMutation(byId<HTMLSelectElement>('mutation').value));
  byId('fact-form').addEventListener('submit', (e) => {
    e.preventDefault();
    recording = track(submitFact()).catch((error: unknown) => {
      byId('record-result').replaceChildren(h('p', { class: 'refused' }, explain(error)));
      say(explain(error), 'error');
      return { errors: [{ field: null, code: error instanceof ApiError ? (error.code ?? error.kind.toUpperCase()) : 'ERROR', message: explain(error) }] };
    });
  });
  byId('dup-kind').addEventListener('change', () => void refreshDuplicates());
  byId('dup-refresh').addEventListener('click', () => void refreshDuplicates());
  for (const t of tabs) byId(`tab-${t}`).addEventListener('click', () => showTab(t));
  byId('tabs').addEventListener('keydown', (e) => {
    const order = tabs;
    const i = order.indexOf(state.tab);
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const next = order[(i + (e.key === 'ArrowRight' ? 1 : order.length - 1)) % order.length]!;
      showTab(next);
      byId(`tab-${next}`).focus();
    }
  });
}

let readsLoaded = false;
async function loadReads(): Promise<void> {
  if (readsLoaded) return;
  await Promise.all([loadSchema(), loadSourceList()]);
  readsLoaded = true;
}

async function start(): Promise<void> {
  wire();
  showTab('record');
  renderDocument();
  renderPassage();
  const params = new URLSearchParams(window.location.search);
  const key = credentials.get();
  if (key) await signIn(key).catch(() => credentials.clear());
  else renderViewer();
  // A server that needs a key even for reads (REQUIRE_AUTH_FOR_READS) refuses these until one is given.
  await loadReads().catch((error: unknown) => say(explain(error), 'error'));
  const source = readsLoaded ? params.get('source') : null;
  if (source) {
    byId<HTMLDetailsElement>('add-source-details').open = false;
    await openSource(source);
  }
  const entity = readsLoaded ? params.get('entity') : null;
  if (entity) await openEntity(entity);
  const fact = readsLoaded ? params.get('fact') : null;
  if (fact) {
    byId<HTMLDetailsElement>('add-source-details').open = false;
    await openFact(fact);
  }
  if (readsLoaded) say(state.viewer ? `Signed in as ${state.viewer.name}.` : 'Sign in with an API key to write; without one everything is read-only.');
}

declare global {
  interface Window {
    kzWorkbench: {
      signIn: (key: string) => Promise<{ name: string; role: Role }>;
      addSource: (input: AddSourceInput) => Promise<string>;
      open: (sourceId: string) => Promise<void>;
      /** Opens a fact (a tie) in the fact view, its first citation shown in its source. */
      openFact: (factId: string) => Promise<void>;
      mentions: () => { start: number; end: number; entityId: string }[];
      select: (start: number, end: number) => Selection | null;
      record: (mutation: string, fields: Record<string, unknown>) => Promise<RecordOutcome>;
      ready: () => Promise<void>;
    };
  }
}

window.kzWorkbench = {
  signIn: async (key) => {
    byId<HTMLInputElement>('api-key').value = key;
    const v = await track(signIn(key));
    byId<HTMLInputElement>('api-key').value = '';
    await track(loadReads());
    say(`Signed in as ${v.name} (${v.role.toLowerCase()}).`, 'ok');
    return v;
  },
  addSource: async (input) => {
    fillSourceForm(input);
    return track(addSource(sourceInputFromForm()));
  },
  open: (id) => track(openSource(id)),
  openFact: (id) => track(openFact(id)),
  mentions: () => (state.source?.mentions.entities ?? []).map((m) => ({ start: m.start, end: m.end, entityId: m.entity.id })),
  select,
  record,
  ready,
};

void track(start()).then(() => {
  document.body.dataset.ready = 'true';
});
