// The curation workbench in Chromium against the real app on the scratch Neo4j (it writes): sign in, paste an
// article, find a mention, select a passage and record a membership whose citation has exactly the selection's
// offsets (read back through the API), coded refusals shown on their fields, dismiss one duplicate pair and
// merge another, and the entity's history showing both. Screenshots for docs/curation.md go to test-results/.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';
import { launchBrowser, screenshotPath, watchRequests } from './browser.js';

const KEYS = { admin: 'workbench-admin-0123456789abcdef', reader: 'workbench-reader-0123456789abcdef', editor: 'workbench-editor-0123456789abcdef' };
const API_KEYS = `aigerim:admin:${KEYS.admin},rustem:reader:${KEYS.reader},bolat:editor:${KEYS.editor}`;

const SOURCE_ID = 'source:workbench-e2e-article';
const PASSAGE = 'Zhanbolat Mamai joined Amanat as a member in 2024, the party said on Monday.';
const ARTICLE = [
  'Opposition figure joins the ruling party',
  '',
  `ALMATY — In a surprise move, ${PASSAGE} President Toqaev did not comment.`,
  '',
  'Analysts at the Almaty office of Dana Kerimova said the move had been discussed for months.',
].join('\n');

let neo4j: IsolatedNeo4j;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  server = await startServerOn(neo4j, { API_KEYS });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await neo4j?.close();
});

interface Workbench {
  signIn: (key: string) => Promise<{ name: string; role: string }>;
  addSource: (input: Record<string, unknown>) => Promise<string>;
  open: (id: string) => Promise<void>;
  openFact: (id: string) => Promise<void>;
  mentions: () => { start: number; end: number; entityId: string }[];
  select: (start: number, end: number) => { start: number; end: number; quote: string } | null;
  record: (mutation: string, fields: Record<string, unknown>) => Promise<{ id: string } | { errors: { field: string | null; code: string }[] }>;
  ready: () => Promise<void>;
}
type WithWorkbench = Window & { kzWorkbench: Workbench };

async function openPage(path = '/curate/'): Promise<{ page: Page; requests: ReturnType<typeof watchRequests>; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const requests = watchRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return { page, requests, errors };
}

const ready = (page: Page) => page.evaluate(() => (window as unknown as WithWorkbench).kzWorkbench.ready());

async function api<T>(query: string, variables: Record<string, unknown> = {}, key = KEYS.admin): Promise<T> {
  const res = await server.gql<T>(query, variables, { authorization: `Bearer ${key}` });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

describe('curation workbench', () => {
  let page: Page;
  let requests: ReturnType<typeof watchRequests>;
  let errors: string[];

  it('signs in with a key held in sessionStorage only, and shows the role', async () => {
    ({ page, requests, errors } = await openPage());
    const viewer = await page.evaluate((key) => (window as unknown as WithWorkbench).kzWorkbench.signIn(key), KEYS.admin);
    expect(viewer).toEqual({ name: 'aigerim', role: 'ADMIN' });
    await expect.poll(() => page.locator('#viewer').textContent()).toBe('aigerim · admin');
    expect(await page.evaluate(() => sessionStorage.getItem('kz-workbench-key'))).toBe(KEYS.admin);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(page.url()).not.toContain(KEYS.admin);
  });

  it('reduces a chosen HTML file to its main text (Readability), filling the empty fields', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Steppe Wire: Vote count begins</title><script>var tracking = 1;</script></head>
      <body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
      <article><h1>Vote count begins</h1><p class="byline">By Aliya Sadykova</p>
      <p>Polling stations across Kazakhstan closed at eight in the evening, and the count of the Mazhilis vote began at once in every district of the country.</p>
      <p>Observers from several missions said they would publish their preliminary findings on Monday, after the central commission announces the turnout.</p></article>
      <footer>Copyright Steppe Wire. All rights reserved.</footer></body></html>`;
    await page.locator('#source-file').setInputFiles({ name: 'vote-count.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await expect.poll(() => page.locator('#source-text').inputValue()).toContain('Polling stations across Kazakhstan closed at eight in the evening');
    const text = await page.locator('#source-text').inputValue();
    expect(text).toContain('\n\nObservers from several missions');
    for (const chrome of ['var tracking', 'Sport', 'All rights reserved']) expect(text).not.toContain(chrome);
    expect(await page.locator('#source-language').inputValue()).toBe('en');
    expect(await page.locator('#source-title').inputValue()).not.toBe('');
  });

  it('adds a pasted article and shows the text as stored, with the entities it names', async () => {
    const id = await page.evaluate(
      (input) => (window as unknown as WithWorkbench).kzWorkbench.addSource(input),
      { id: SOURCE_ID, publisher: 'Steppe Wire', title: 'Opposition figure joins the ruling party', date: '2024-05-06', language: 'en', text: ARTICLE },
    );
    expect(id).toBe(SOURCE_ID);
    await ready(page);
    const stored = await api<{ source: { text: string } }>('query($id: ID!) { source(id: $id) { text } }', { id });
    expect(await page.locator('#doc-text').textContent()).toBe(stored.source.text);

    const mentions = await page.evaluate(() => (window as unknown as WithWorkbench).kzWorkbench.mentions());
    const named = (entityId: string) => mentions.filter((m) => m.entityId === entityId).map((m) => stored.source.text.slice(m.start, m.end));
    expect(named('person:zhanbolat-mamai')).toEqual(['Zhanbolat Mamai']);
    expect(named('party:amanat')).toEqual(['Amanat']);
    expect(named('person:kassym-jomart-tokayev')).toEqual(['Toqaev']);
    await expect.poll(() => page.locator('mark.mention[data-entity="party:amanat"]').count()).toBe(1);
    // A capitalised name the graph does not know is offered as a candidate.
    expect(await page.locator('mark.candidate', { hasText: 'Dana Kerimova' }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('workbench-document') });

    // A click on a mention opens the entity.
    await page.locator('mark.mention[data-entity="party:amanat"]').click();
    await ready(page);
    await expect.poll(() => page.locator('#entity-panel h3').textContent()).toContain('Amanat');
  });

  it('records a membership from a selected passage, with the selection as the citation and its exact offsets', async () => {
    const start = ARTICLE.indexOf(PASSAGE);
    const end = start + PASSAGE.length;
    const selection = await page.evaluate(([s, e]) => (window as unknown as WithWorkbench).kzWorkbench.select(s!, e!), [start, end]);
    expect(selection).toEqual({ start, end, quote: PASSAGE });
    await expect.poll(() => page.locator('#passage-quote').textContent()).toBe(PASSAGE);
    // The keyboard's way: the passage's words typed in Find select the same characters.
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await page.locator('#find-passage-text').fill(PASSAGE.replace(/ /g, '  '));
    await page.getByRole('button', { name: 'Select', exact: true }).click();
    await expect.poll(() => page.locator('#passage').textContent()).toContain(`Characters ${start}–${end}`);

    // Refusals come back on their fields: the form's own (a malformed partial date) and the API's coded ones.
    const badDate = await page.evaluate(() => (window as unknown as WithWorkbench).kzWorkbench.record('addMembership', { person: 'person:zhanbolat-mamai', organization: 'party:amanat', role: 'member', from: '2024-13' }));
    expect(badDate).toEqual({ errors: [expect.objectContaining({ field: 'from', code: 'BAD_DATE' })] });
    const wrongKind = await page.evaluate(() => (window as unknown as WithWorkbench).kzWorkbench.record('addMembership', { person: 'person:zhanbolat-mamai', organization: 'person:kassym-jomart-tokayev', role: 'member', from: '2024' }));
    expect('errors' in wrongKind && wrongKind.errors.map((e) => [e.field, e.code])).toEqual([['organization', 'WRONG_REFERENCE_KIND']]);
    const slot = page.locator('#fact-form .field-error[data-for="organization"]');
    await expect.poll(() => slot.textContent()).toContain('WRONG_REFERENCE_KIND');
    expect(await page.locator('#fact-form [name="organization"]').getAttribute('aria-invalid')).toBe('true');

    const outcome = await page.evaluate(() => (window as unknown as WithWorkbench).kzWorkbench.record('addMembership', { person: 'person:zhanbolat-mamai', organization: 'party:amanat', role: 'member', from: '2024' }));
    expect(outcome).toHaveProperty('id');
    const id = (outcome as { id: string }).id;
    await ready(page);
    await page.screenshot({ path: screenshotPath('workbench-record') });

    // Read back through the API: the citation is the selected passage, at the selection's offsets.
    const data = await api<{ node: { id: string; role: string; from: { text: string }; person: { id: string }; organization: { id: string }; citations: { quote: string; start: number; end: number; source: { id: string } }[] } }>(
      `query($id: ID!) { node(id: $id) { id ... on Membership { role from { text } person { id } organization { id } citations { quote start end source { id } } } } }`,
      { id },
    );
    expect(data.node).toMatchObject({ id, role: 'member', from: { text: '2024' }, person: { id: 'person:zhanbolat-mamai' }, organization: { id: 'party:amanat' } });
    expect(data.node.citations).toEqual([{ quote: PASSAGE, start, end, source: { id: SOURCE_ID } }]);
    // The new fact shows at once with its citation highlighted.
    // (Cut into pieces where the names it contains are marked.)
    const highlighted = page.locator('#doc-text .cited.new');
    await expect.poll(() => highlighted.evaluateAll((els) => els.map((e) => e.textContent).join(''))).toBe(PASSAGE);
    expect(new Set(await highlighted.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.citedBy)))).toEqual(new Set([id]));
  });

  it('retracts and restores the new fact from its entity, each with a reason', async () => {
    const membership = 'membership:zhanbolat-mamai-amanat-member-2024';
    const retraction = () => api<{ node: { retraction: { reason: string; actor: string } | null } }>(
      'query($id: ID!) { node(id: $id) { ... on Membership { retraction { reason actor } } } }', { id: membership });
    await page.locator('mark.mention[data-entity="person:zhanbolat-mamai"]').click();
    await ready(page);
    await page.getByRole('button', { name: `Retract ${membership}` }).click();
    await page.getByRole('textbox', { name: `Reason: Retract ${membership}` }).fill('The party denied it the next day.');
    await page.getByRole('button', { name: `Confirm: Retract ${membership}` }).click();
    await ready(page);
    expect((await retraction()).node.retraction).toEqual({ reason: 'The party denied it the next day.', actor: 'aigerim' });
    await page.getByRole('button', { name: `Restore ${membership}` }).click();
    await page.getByRole('textbox', { name: `Reason: Restore ${membership}` }).fill('The denial was withdrawn.');
    await page.getByRole('button', { name: `Confirm: Restore ${membership}` }).click();
    await ready(page);
    expect((await retraction()).node.retraction).toBeNull();
  });

  it('dismisses one duplicate pair and merges another; the entity history shows both', async () => {
    const quote = 'Analysts at the Almaty office of Dana Kerimova said the move had been discussed for months.';
    const ids = ['person:wb-dana-kerimova-a', 'person:wb-dana-kerimova-b', 'person:wb-dana-kerimova-c'];
    for (const id of ids) {
      const res = await api<{ upsertPerson: { errors: unknown[] } }>(
        'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { errors { code } } }',
        { i: { id, name: 'Dana Kerimova', citations: [{ source: SOURCE_ID, quote }] } },
      );
      expect(res.upsertPerson.errors).toEqual([]);
    }
    const [a, b, c] = ids as [string, string, string];
    await page.locator('#tab-review').click();
    await page.locator('#dup-kind').selectOption('PERSON');
    await page.locator('#dup-refresh').click();
    await ready(page);
    await expect.poll(() => page.locator(`li.pair[data-pair="${a} ${b}"]`).count()).toBe(1);
    await expect.poll(() => page.locator(`li.pair[data-pair="${a} ${c}"]`).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('workbench-review') });

    // Dismiss (a, b): keyboard-reachable buttons with accessible names, a reason, a confirmation.
    await page.getByRole('button', { name: `Dismiss ${a} and ${b}` }).click();
    await page.getByRole('textbox', { name: `Reason: Dismiss ${a} and ${b}` }).fill('Two people: different birth years in the register.');
    await page.getByRole('button', { name: `Confirm: Dismiss ${a} and ${b}` }).click();
    await ready(page);
    await expect.poll(() => page.locator(`li.pair[data-pair="${a} ${b}"]`).count()).toBe(0);

    // Merge c into a (an admin key).
    await page.getByRole('button', { name: `Merge ${c} into ${a}` }).click();
    await page.getByRole('textbox', { name: `Reason: Merge ${c} into ${a}` }).fill('The same analyst, entered twice.');
    await page.getByRole('button', { name: `Confirm: Merge ${c} into ${a}` }).click();
    await ready(page);

    const after = await api<{ duplicateCandidates: { entity: { id: string }; duplicate: { id: string } }[]; merged: { id: string } }>(
      `query($c: ID!) { duplicateCandidates(kind: PERSON, first: 100) { entity { id } duplicate { id } } merged: node(id: $c) { id } }`,
      { c },
    );
    const pairs = after.duplicateCandidates.map((p) => `${p.entity.id} ${p.duplicate.id}`);
    expect(pairs).not.toContain(`${a} ${b}`);
    expect(after.merged.id).toBe(a);

    // The merge opens the kept entity: its history shows the dismissal and the merge, with author and reason.
    await expect.poll(() => page.locator('#entity-panel h3').textContent()).toContain('Dana Kerimova');
    const history = page.locator('#entity-panel ol.history > li');
    // (The merged-away record's own history moves to the kept one with it.)
    await expect.poll(() => history.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.operation).filter((op) => op !== 'upsertPerson'))).toEqual(['dismissDuplicate', 'mergeEntities']);
    expect(await page.locator('#entity-panel ol.history > li[data-operation="dismissDuplicate"]').textContent()).toContain('by aigerim');
    expect(await page.locator('#entity-panel ol.history > li[data-operation="mergeEntities"]').textContent()).toContain('The same analyst, entered twice.');
    await page.locator('#entity-panel ol.history').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('workbench-history') });

    expect(errors).toEqual([]);
    expect(requests.outside).toEqual([]);
  });

  it('shows a reader everything read-only, and the page works without a key', async () => {
    const reader = await openPage(`/curate/?source=${encodeURIComponent(SOURCE_ID)}`);
    expect(await reader.page.locator('#fact-form button[type=submit]').isDisabled()).toBe(true);
    expect(await reader.page.locator('#doc-text').textContent()).toBe(ARTICLE);
    await reader.page.evaluate((key) => (window as unknown as WithWorkbench).kzWorkbench.signIn(key), KEYS.reader);
    await expect.poll(() => reader.page.locator('#viewer').textContent()).toBe('rustem · reader');
    expect(await reader.page.locator('#fact-form button[type=submit]').isDisabled()).toBe(true);
    await reader.page.locator('#tab-review').click();
    await ready(reader.page);
    await expect.poll(() => reader.page.locator('#dup-list > li').count()).toBeGreaterThan(0);
    expect(await reader.page.locator('#dup-list button:not([disabled])', { hasText: /Not the same|Merge/ }).count()).toBe(0);
    expect(reader.errors).toEqual([]);
    await reader.page.close();
  });
  it('a write announced by the workbench redraws an open explorer of the same browser, without a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const explorer = await context.newPage();
      await explorer.goto(`${server.url}/explorer/?roots=${encodeURIComponent('person:inga-imanbai')}`);
      await explorer.waitForFunction(() => document.body.dataset.ready === 'true');
      type Snap = { edges: { source: string; target: string; type: string }[] };
      const edges = () => explorer.evaluate(async () => {
        const k = (window as unknown as { kzExplorer: { ready: () => Promise<void>; view: () => Snap } }).kzExplorer;
        await k.ready();
        return k.view().edges.map((e) => [e.source, e.target, e.type].join(' '));
      });
      const tie = 'person:inga-imanbai party:ak-zhol MEMBER_OF';
      expect(await edges()).not.toContain(tie);
      const written = await api<{ addMembership: { membership: { id: string } | null; errors: unknown[] } }>(
        `mutation($i: AddMembershipInput!) { addMembership(input: $i) { membership { id } errors { code } } }`,
        { i: { person: 'person:inga-imanbai', organization: 'party:ak-zhol', role: 'member', from: '2024', citations: [{ source: SOURCE_ID, quote: PASSAGE }] } },
      );
      expect(written.addMembership.errors).toEqual([]);
      // The workbench's announcement (public/workbench/src/main.ts `announceWrite`), from another tab of the app.
      const workbench = await context.newPage();
      await workbench.goto(`${server.url}/curate/`);
      await workbench.evaluate((id) => new BroadcastChannel('kz-graph-writes').postMessage({ type: 'written', ids: [id] }), written.addMembership.membership!.id);
      await expect.poll(edges, { timeout: 30_000 }).toContain(tie);
    } finally {
      await context.close();
    }
  });
});

// Edit on a tie in the explorer opens its fact in the workbench (its own tab, the explorer left as it was); a
// write there redraws the explorer. Then the states a write can meet: the fact changed meanwhile (conflict), and
// the server out of reach (offline). Runs after the flow above: the membership it recorded is the tie.
describe('a tie from the explorer, conflicts and offline', () => {
  const membership = 'membership:zhanbolat-mamai-amanat-member-2024';
  const tie = 'person:zhanbolat-mamai party:amanat MEMBER_OF';
  let context: BrowserContext;
  let explorer: Page;
  let workbench: Page;
  let errors: string[];
  type Snap = { edges: { id: string; source: string; target: string; type: string; hidden: boolean; mid: { x: number; y: number } }[] };
  const edges = () =>
    explorer.evaluate(async () => {
      const k = (window as unknown as { kzExplorer: { ready: () => Promise<void>; view: () => Snap } }).kzExplorer;
      await k.ready();
      return k.view().edges;
    });
  const retraction = async () =>
    (await api<{ node: { retraction: { reason: string; actor: string } | null; history: { operation: string; actor: string; reason: string | null }[] } }>(
      'query($id: ID!) { node(id: $id) { ... on Membership { retraction { reason actor } history { operation actor reason } } } }',
      { id: membership },
    )).node;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('Edit on a tie opens its fact in the workbench: type, ends, dates, its citation highlighted at its offsets', async () => {
    explorer = await context.newPage();
    await explorer.goto(`${server.url}/explorer/?roots=${encodeURIComponent('person:zhanbolat-mamai')}`);
    await explorer.waitForFunction(() => document.body.dataset.ready === 'true');
    const edge = (await edges()).find((e) => [e.source, e.target, e.type].join(' ') === tie && !e.hidden);
    expect(edge).toBeDefined();
    await explorer.mouse.click(edge!.mid.x, edge!.mid.y);
    await expect.poll(() => explorer.locator('#details h2').first().innerText()).toBe('member of');
    expect(await explorer.locator('#details').innerText()).toContain(`fact: ${membership}`);
    const edit = explorer.getByRole('link', { name: 'Edit this tie in the workbench: member of, Zhanbolat Mamai → Amanat' });
    const [opened] = await Promise.all([context.waitForEvent('page'), edit.click()]);
    workbench = opened;
    errors = [];
    workbench.on('pageerror', (error) => errors.push(error.message));
    await workbench.waitForFunction(() => document.body.dataset.ready === 'true');
    await ready(workbench);
    expect(new URL(workbench.url()).searchParams.get('fact')).toBe(membership);
    expect(explorer.url()).toContain('/explorer/');

    expect(await workbench.locator('#tab-fact').getAttribute('aria-selected')).toBe('true');
    expect(await workbench.locator('#fact-panel h3').innerText()).toBe('membership');
    const row = (field: string) => workbench.locator(`#fact-panel tr[data-field="${field}"] td`).innerText();
    expect(await row('person')).toBe('Zhanbolat Mamai');
    expect(await row('organization')).toBe('Amanat');
    expect(await row('role')).toBe('member');
    expect(await row('from')).toBe('2024');
    // The citation, shown in its source at the offsets the API stored.
    const start = ARTICLE.indexOf(PASSAGE);
    const end = start + PASSAGE.length;
    expect(await workbench.locator('#fact-panel .citations li').count()).toBe(1);
    expect(await workbench.locator('#fact-panel .citations li').innerText()).toContain(`characters ${start}–${end}`);
    expect(await workbench.locator('#doc-meta h2').innerText()).toBe('Opposition figure joins the ruling party');
    const focus = workbench.locator('#doc-text .focus');
    expect(await focus.evaluateAll((els) => els.map((e) => e.textContent).join(''))).toBe(PASSAGE);
    const offset = await workbench.evaluate(() => {
      const doc = document.getElementById('doc-text')!;
      const range = document.createRange();
      range.setStart(doc, 0);
      range.setEndBefore(doc.querySelector('.focus')!);
      return range.toString().length;
    });
    expect(offset).toBe(start);
    // The fact view drives the same handlers from the page's hook.
    await workbench.evaluate((id) => (window as unknown as WithWorkbench).kzWorkbench.openFact(id), membership);
    expect(await workbench.locator('#fact-panel h3').innerText()).toBe('membership');
  });

  it('a reader sees the fact with its write buttons off; an editor retracts it with a reason, and the explorer redraws without it', async () => {
    expect(await workbench.getByRole('button', { name: `Retract ${membership}` }).isDisabled()).toBe(true);
    await workbench.evaluate((key) => (window as unknown as WithWorkbench).kzWorkbench.signIn(key), KEYS.admin);
    await workbench.screenshot({ path: screenshotPath('workbench-fact') });
    await workbench.getByRole('button', { name: `Retract ${membership}` }).click();
    await workbench.getByRole('textbox', { name: `Reason: Retract ${membership}` }).fill('Amanat says he only attended a congress.');
    await workbench.getByRole('button', { name: `Confirm: Retract ${membership}` }).click();
    await ready(workbench);
    expect((await retraction()).retraction).toEqual({ reason: 'Amanat says he only attended a congress.', actor: 'aigerim' });
    await expect.poll(() => workbench.locator('#fact-panel').innerText()).toContain('Retracted by aigerim');
    // The history shows the retraction as a before/after of the record.
    expect(await workbench.locator('#fact-panel ol.history > li[data-operation="retractFact"]').last().innerText()).toContain('Amanat says he only attended a congress.');
    await expect.poll(async () => (await edges()).map((e) => [e.source, e.target, e.type].join(' ')), { timeout: 30_000 }).not.toContain(tie);
  });

  it('a fact changed by someone else since it was shown is not overwritten: the conflict is shown, the reason typed kept', async () => {
    // Shown: retracted by aigerim. Meanwhile bolat restores it and retracts it again, for another reason.
    for (const [op, reason] of [['restoreFact', 'He was a member after all.'], ['retractFact', 'The membership card was a forgery.']] as const) {
      const res = await api<Record<string, { errors: unknown[] }>>(`mutation($id: ID!, $r: String!) { ${op}(id: $id, reason: $r) { errors { code } } }`, { id: membership, r: reason }, KEYS.editor);
      expect(res[op]!.errors).toEqual([]);
    }
    const before = (await retraction()).history.length;
    // The page still shows aigerim's retraction; a restore from it would silently undo bolat's judgement.
    await workbench.getByRole('button', { name: `Restore ${membership}` }).click();
    const reason = workbench.getByRole('textbox', { name: `Reason: Restore ${membership}` });
    await reason.fill('The party confirmed the membership.');
    await workbench.getByRole('button', { name: `Confirm: Restore ${membership}` }).click();
    await ready(workbench);
    const conflict = workbench.locator('#fact-conflict');
    await expect.poll(() => conflict.innerText()).toContain('This fact changed after you opened it');
    expect(await conflict.innerText()).toContain('retractFact by bolat');
    expect(await conflict.innerText()).toContain('The membership card was a forgery.');
    expect(await conflict.getAttribute('role')).toBe('alert');
    expect(await workbench.locator('#status').innerText()).toContain('The record changed meanwhile');
    expect(await reason.inputValue()).toBe('The party confirmed the membership.');
    // Nothing was written.
    const after = await retraction();
    expect(after.retraction).toEqual({ reason: 'The membership card was a forgery.', actor: 'bolat' });
    expect(after.history).toHaveLength(before);
    // Reloaded, the page shows bolat's retraction, and the editor's restore now goes through.
    await workbench.getByRole('button', { name: 'Reload the fact' }).click();
    await ready(workbench);
    expect(await workbench.locator('#fact-panel').innerText()).toContain('Retracted by bolat');
    expect(await conflict.innerText()).toBe('');
    await workbench.getByRole('button', { name: `Restore ${membership}` }).click();
    await workbench.getByRole('textbox', { name: `Reason: Restore ${membership}` }).fill('The party confirmed the membership.');
    await workbench.getByRole('button', { name: `Confirm: Restore ${membership}` }).click();
    await ready(workbench);
    expect((await retraction()).retraction).toBeNull();
  });

  it('a fact opened from its entity: each citation shown in its source, one retracted with a reason, the last one kept', async () => {
    const second = 'President Toqaev did not comment.';
    const added = await api<{ addMembership: { membership: { id: string } | null; errors: unknown[] } }>(
      'mutation($i: AddMembershipInput!) { addMembership(input: $i) { membership { id } errors { field code message } } }',
      { i: { person: 'person:zhanbolat-mamai', organization: 'party:ak-zhol', role: 'activist', citations: [{ source: SOURCE_ID, quote: PASSAGE }, { source: SOURCE_ID, quote: second }] } },
    );
    expect(added.addMembership.errors).toEqual([]);
    const id = added.addMembership.membership!.id;
    await workbench.locator('#fact-panel button[data-entity="person:zhanbolat-mamai"]').click();
    await ready(workbench);
    await workbench.getByRole('button', { name: `Open ${id}`, exact: true }).click();
    await ready(workbench);
    expect(await workbench.locator('#fact-panel code').first().innerText()).toBe(id);
    expect(await workbench.locator('#fact-panel .citations li').count()).toBe(2);
    const focused = () => workbench.locator('#doc-text .focus').evaluateAll((els) => els.map((e) => e.textContent).join(''));
    expect(await focused()).toBe(PASSAGE);
    await workbench.getByRole('button', { name: `Show citation 2 of ${id} in its source` }).click();
    await ready(workbench);
    expect(await focused()).toBe(second);

    await workbench.getByRole('button', { name: `Retract citation 2 of ${id}` }).click();
    await workbench.getByRole('textbox', { name: `Reason: Retract citation 2 of ${id}` }).fill('It says nothing of the membership.');
    await workbench.getByRole('button', { name: `Confirm: Retract citation 2 of ${id}` }).click();
    await ready(workbench);
    const stored = await api<{ node: { citations: { quote: string }[]; history: { operation: string; reason: string | null }[] } }>(
      'query($id: ID!) { node(id: $id) { ... on Membership { citations { quote } history { operation reason } } } }',
      { id },
    );
    expect(stored.node.citations.map((c) => c.quote)).toEqual([PASSAGE]);
    expect(stored.node.history.at(-1)).toEqual({ operation: 'retractCitation', reason: 'It says nothing of the membership.' });
    await expect.poll(() => workbench.locator('#fact-panel .citations li').count()).toBe(1);
    // A fact keeps its last citation: the button is off (retract the fact instead).
    expect(await workbench.getByRole('button', { name: `Retract citation 1 of ${id}` }).isDisabled()).toBe(true);
  });

  it('an entity changed by someone else since it was opened is not overwritten by the record form: the conflict is shown, the form kept', async () => {
    const person = 'person:zhanbolat-mamai';
    const stored = async () =>
      (await api<{ node: { description: string | null; history: { id: string; operation: string; actor: string }[] } }>(
        'query($id: ID!) { node(id: $id) { ... on Entity { description history { id operation actor } } } }',
        { id: person },
      )).node;
    await workbench.evaluate((id) => (window as unknown as WithWorkbench).kzWorkbench.openFact(id), membership);
    await workbench.locator('#fact-panel button[data-entity="person:zhanbolat-mamai"]').first().click();
    await ready(workbench);
    expect(await workbench.locator('#entity-panel h3').innerText()).toContain('Zhanbolat Mamai');
    // Meanwhile bolat writes the person's description.
    const theirs = 'Opposition figure (bolat).';
    const res = await api<{ upsertPerson: { errors: unknown[] } }>(
      'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { errors { code } } }',
      { i: { id: person, description: theirs, citations: [{ source: SOURCE_ID, quote: PASSAGE }] } },
      KEYS.editor,
    );
    expect(res.upsertPerson.errors).toEqual([]);
    const before = await stored();
    expect(before.history.at(-1)).toMatchObject({ operation: 'upsertPerson', actor: 'bolat' });

    const start = ARTICLE.indexOf(PASSAGE);
    await workbench.evaluate(({ a, b }) => (window as unknown as WithWorkbench).kzWorkbench.select(a, b), { a: start, b: start + PASSAGE.length });
    const ours = 'Joined Amanat in 2024 (aigerim).';
    const outcome = await workbench.evaluate(
      ({ id, d }) => (window as unknown as WithWorkbench).kzWorkbench.record('upsertPerson', { id, name: 'Zhanbolat Mamai', description: d }),
      { id: person, d: ours },
    );
    expect(outcome).toMatchObject({ errors: [{ code: 'CONFLICT' }] });
    const result = workbench.locator('#record-result');
    expect(await result.innerText()).toContain('This entity changed after you opened it');
    expect(await result.innerText()).toContain('upsertPerson by bolat');
    expect(await workbench.locator('#status').innerText()).toContain('The record changed meanwhile');
    // Nothing was written; what was typed is still in the form.
    const after = await stored();
    expect(after.history).toHaveLength(before.history.length);
    expect(after.description).toBe(theirs);
    const description = workbench.locator('#fact-form [name="description"]');
    expect(await description.inputValue()).toBe(ours);
    expect(await workbench.locator('#fact-form [name="id"]').inputValue()).toBe(person);
    // Reloaded, the same form goes through.
    await workbench.getByRole('button', { name: 'Reload the entity' }).click();
    await ready(workbench);
    expect(await result.innerText()).toBe('');
    expect(await workbench.locator('#tab-record').getAttribute('aria-selected')).toBe('true');
    expect(await description.inputValue()).toBe(ours);
    await workbench.getByRole('button', { name: 'Record it' }).click();
    await ready(workbench);
    await expect.poll(() => result.innerText()).toContain('Recorded');
    const written = await stored();
    expect(written.description).toBe(ours);
    expect(written.history).toHaveLength(before.history.length + 1);
    expect(written.history.at(-1)).toMatchObject({ operation: 'upsertPerson', actor: 'aigerim' });
  });

  it('offline: the page says so, keeps what was typed, and sends it once the server is back', async () => {
    await workbench.locator('#tab-record').click();
    await workbench.locator('#add-source-details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const typed = { publisher: 'Steppe Wire', title: 'Offline draft', date: '2024-05-07', text: 'Zhanbolat Mamai met the press in Almaty on Tuesday and said nothing new.' };
    await workbench.locator('#source-publisher').fill(typed.publisher);
    await workbench.locator('#source-title').fill(typed.title);
    await workbench.locator('#source-date').fill(typed.date);
    await workbench.locator('#source-text').fill(typed.text);
    // And a reason half-way through a retraction, in the fact view.
    await workbench.evaluate((id) => (window as unknown as WithWorkbench).kzWorkbench.openFact(id), membership);
    await workbench.getByRole('button', { name: `Retract ${membership}` }).click();
    await workbench.getByRole('textbox', { name: `Reason: Retract ${membership}` }).fill('Checking again.');

    await context.setOffline(true);
    await workbench.getByRole('button', { name: `Confirm: Retract ${membership}` }).click();
    await ready(workbench);
    await expect.poll(() => workbench.locator('#offline').isVisible()).toBe(true);
    expect(await workbench.locator('#status').innerText()).toContain('cannot be reached');
    expect(await workbench.getByRole('textbox', { name: `Reason: Retract ${membership}` }).inputValue()).toBe('Checking again.');
    await workbench.locator('#tab-record').click();
    await workbench.getByRole('button', { name: 'Add the source' }).click();
    await ready(workbench);
    for (const [field, value] of Object.entries(typed)) expect(await workbench.locator(`#source-${field}`).inputValue()).toBe(value);
    expect((await retraction()).retraction).toBeNull();

    await context.setOffline(false);
    await workbench.getByRole('button', { name: 'Add the source' }).click();
    await ready(workbench);
    await expect.poll(() => workbench.locator('#offline').isVisible()).toBe(false);
    expect(await workbench.locator('#doc-text').textContent()).toBe(typed.text);
    const id = new URL(workbench.url()).searchParams.get('source');
    const stored = await api<{ source: { title: string | null; text: string } | null }>('query($id: ID!) { source(id: $id) { title text } }', { id });
    expect(stored.source).toEqual({ title: typed.title, text: typed.text });
    expect(errors).toEqual([]);
  });
});
