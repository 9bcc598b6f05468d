// The explorer on a hub: EveryPolitician's Mazhilis file imported into a seeded Neo4j of this file's own (the
// Mazhilis then has some 185 neighbours, more than a neighbourhood's first page). Label priority on the hub, its
// ties summarised instead of labelled one by one, "show more" past the cap, and its neighbours grouped by the
// term of their seat, each group opening into its list and back into its members (issue 24 items 1, 2, 8).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeImport } from '../../src/bulk/import.js';
import { planPopoloImport, readPopoloFile } from '../../src/popolo/import.js';
import type { SourceMeta } from '../../src/popolo/popolo.js';
import type { TestServer } from '../helpers.js';
import { startIsolatedNeo4j, startServerOn, type IsolatedNeo4j } from '../isolated.js';
import { launchBrowser, openReadyPage, screenshotPath } from './browser.js';

const FILE = new URL('../../data/everypolitician-kz/ep-popolo-v1.0.json', import.meta.url).pathname;
const META: SourceMeta = {
  title: 'EveryPolitician: Kazakhstan, Mazhilis (Popolo JSON)',
  publisher: 'EveryPolitician',
  url: 'https://github.com/everypolitician/everypolitician-data/blob/379106e8c5ba9364abc6a739de5f92744c4ee2b3/data/Kazakhstan/Assembly/ep-popolo-v1.0.json',
  retrieved: '2026-12-02',
};
const HUB = 'organization:mazhilis';

interface SnapNode { id: string; kind: string; label: string; x: number; y: number; size: number; labelled: boolean; hidden: boolean; members?: string[] }
interface Snap { nodes: SnapNode[]; edges: { id: string; source: string; target: string; hidden: boolean; labelled: boolean }[]; summaries: { node: string; lines: string[] }[] }

let neo4j: IsolatedNeo4j;
let server: TestServer;
let browser: Browser;
let neighbours = 0;

beforeAll(async () => {
  neo4j = await startIsolatedNeo4j();
  const planned = await planPopoloImport(neo4j.database, await readPopoloFile(FILE), META);
  if (planned.issues.length > 0 || !planned.plan) throw new Error(JSON.stringify(planned.issues.slice(0, 5)));
  await writeImport(neo4j.database, planned.plan, { actor: 'explorer-hub-test' });
  server = await startServerOn(neo4j);
  const answer = await server.gql<{ neighbourhood: { nodes: unknown[]; truncated: boolean } }>(`{ neighbourhood(id: "${HUB}", limit: 1000) { truncated nodes { id } } }`);
  neighbours = answer.data!.neighbourhood.nodes.length - 1;
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await neo4j?.close();
});

const snapshot = (page: Page) => page.evaluate(() => (window as unknown as { kzExplorer: { view: () => Snap } }).kzExplorer.view());
const call = <T = unknown,>(page: Page, method: string, ...args: unknown[]) =>
  page.evaluate(
    ({ method, args }) => (window as unknown as { kzExplorer: Record<string, (...a: unknown[]) => unknown> }).kzExplorer[method]!(...args),
    { method, args },
  ) as Promise<T>;
const ready = (page: Page) => call(page, 'ready');

const openPage = (path: string) => openReadyPage(browser, `${server.url}${path}`);

describe('explorer on the Mazhilis hub (Popolo file imported)', () => {
  it('shows more past the cap until every neighbour is drawn, and keeps the hub and its selection labelled', async () => {
    expect(neighbours).toBeGreaterThan(150);
    const { page, errors, requests } = await openPage(`/explorer/?roots=${encodeURIComponent(HUB)}`);
    await ready(page);
    const first = (await snapshot(page)).nodes.filter((n) => !n.hidden);
    expect(first.length).toBeLessThanOrEqual(151);
    await page.locator('#status button.show-more').waitFor();
    await page.locator('#status button.show-more').click();
    await ready(page);
    await expect.poll(async () => (await snapshot(page)).nodes.length).toBe(neighbours + 1);
    expect(page.url()).toContain('more=');
    expect(await page.locator('#status button.show-more').count()).toBe(0);
    // Selecting the hub: it is labelled, and its ties are counted per type instead of labelled one by one.
    await call(page, 'select', HUB);
    await ready(page);
    const snap = await snapshot(page);
    expect(snap.nodes.find((n) => n.id === HUB)!.labelled).toBe(true);
    const hubTies = snap.edges.filter((e) => (e.source === HUB || e.target === HUB) && !e.hidden);
    expect(hubTies.length).toBeGreaterThan(100);
    expect(hubTies.filter((e) => e.labelled)).toEqual([]);
    const summary = snap.summaries.find((s) => s.node === HUB)!;
    expect(summary.lines.join(' ')).toMatch(/^\d+ × /);
    expect(summary.lines.reduce((sum, l) => sum + Number(/^(\d+)/.exec(l)![1]), 0)).toBe(hubTies.length);
    await page.screenshot({ path: screenshotPath('explorer-hub') });
    expect(errors).toEqual([]);
    expect(requests.outside).toEqual([]);
    await page.close();
  });

  it('groups the hub’s neighbours by the term of their seat; a group opens into its list and back into its members; labels keep priority', async () => {
    const { page, errors } = await openPage(`/explorer/?roots=${encodeURIComponent(HUB)}`);
    await ready(page);
    await call(page, 'select', HUB);
    await page.locator('#details select.group-by').selectOption('term');
    await ready(page);
    expect(page.url()).toContain('gb=');
    const snap = await snapshot(page);
    const groups = snap.nodes.filter((n) => n.members);
    expect(groups.length).toBeGreaterThan(0);
    expect(snap.nodes.length).toBeLessThan(60);
    // Every group and the hub carry their names.
    for (const g of [...groups, snap.nodes.find((n) => n.id === HUB)!]) expect(g.labelled, g.id).toBe(true);
    for (const g of groups) expect(g.label).toMatch(/^\d+ .* · /);
    await page.screenshot({ path: screenshotPath('explorer-hub-groups') });
    // By party: the people's parties (asked for once), the others by themselves.
    await page.locator('#details select.group-by').selectOption('party');
    await ready(page);
    const byParty = (await snapshot(page)).nodes.filter((n) => n.members);
    console.log(`explorer-hub: by party ${byParty.map((g) => g.label).join(' | ')}`);
    expect(byParty.length).toBeGreaterThan(0);
    expect(byParty.reduce((sum, g) => sum + g.members!.length, 0)).toBeGreaterThan(100);
    // The deputies sat for parties (most for Nur Otan, now Amanat): a party's group holds many of them.
    expect(byParty.some((g) => !/no party known|not a person/.test(g.label) && g.members!.length >= 20)).toBe(true);
    await page.locator('#details select.group-by').selectOption('term');
    await ready(page);
    const big = [...groups].sort((a, b) => b.members!.length - a.members!.length)[0]!;
    await call(page, 'select', big.id);
    await expect.poll(() => page.locator('#details .members li').count()).toBe(big.members!.length);
    await page.locator('#details .open-group').click();
    await ready(page);
    const opened = await snapshot(page);
    expect(opened.nodes.some((n) => n.id === big.id)).toBe(false);
    for (const m of big.members!) expect(opened.nodes.some((n) => n.id === m)).toBe(true);
    // After five expansions from the hub's view, the expanded nodes are all labelled.
    const expanded: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const now = await snapshot(page);
      const next = now.nodes.filter((n) => !n.hidden && !n.members && n.id !== HUB && !expanded.includes(n.id)).sort((a, b) => b.size - a.size || a.id.localeCompare(b.id))[0]!;
      expanded.push(next.id);
      await call(page, 'expand', next.id);
      await ready(page);
    }
    const last = await snapshot(page);
    for (const id of [HUB, ...expanded]) expect(last.nodes.find((n) => n.id === id)?.labelled, id).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
