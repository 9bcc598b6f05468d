// The curation workbench in Chromium against the real app on the scratch Neo4j (it writes): sign in, paste an
// article, find a mention, select a passage and record a membership whose citation has exactly the selection's
// offsets (read back through the API), coded refusals shown on their fields, dismiss one duplicate pair and
// merge another, and the entity's history showing both. Screenshots for docs/curation.md go to test-results/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';
import { launchBrowser, screenshotPath, watchRequests } from './browser.js';

const KEYS = { admin: 'workbench-admin-0123456789abcdef', reader: 'workbench-reader-0123456789abcdef' };
const API_KEYS = `aigerim:admin:${KEYS.admin},rustem:reader:${KEYS.reader}`;

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

async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await server.gql<T>(query, variables, { authorization: `Bearer ${KEYS.admin}` });
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
