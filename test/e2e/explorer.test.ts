// The explorer in a real browser against the real app: search, neighbourhood, an edge's quotes, the date
// slider (Amanat was Nur Otan in 2021), the shortest path, exports and a shareable URL, all without a single
// request leaving this machine. Screenshots go to test-results/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers.js';
import { launchBrowser, screenshotPath, watchRequests } from './browser.js';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(path = '/'): Promise<{ page: Page; requests: ReturnType<typeof watchRequests>; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const requests = watchRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}${path}`);
  return { page, requests, errors };
}

/** Where an edge is drawn on screen (the graph is a canvas), found through Cytoscape's own geometry. */
async function edgeMidpoint(page: Page, type: string, between: [string, string]) {
  return page.evaluate(
    ({ type, between }) => {
      interface El { data: (k: string) => string; renderedMidpoint: () => { x: number; y: number } }
      const cy = (window as unknown as { cy: { edges: () => { filter: (f: (e: El) => boolean) => El[] }; container: () => HTMLElement } }).cy;
      const edge = cy.edges().filter((e) => e.data('type') === type && between.includes(e.data('source')) && between.includes(e.data('target')))[0];
      if (!edge) return null;
      const p = edge.renderedMidpoint();
      const box = cy.container().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    { type, between },
  );
}

async function setDateWithSlider(page: Page, day: string) {
  // Drives the range input as a user's drag ends: value, then the input and change events.
  await page.locator('#asof-slider').evaluate((el, d) => {
    const input = el as HTMLInputElement;
    input.value = String(Math.round((Date.parse(`${d}T00:00:00Z`) - Date.UTC(1990, 0, 1)) / 86_400_000));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, day);
}

describe('network explorer', () => {
  it('/ leads to the explorer', async () => {
    const res = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/explorer/');
  });

  it('finds Mamay, shows Inga Imanbai, quotes the tie between them, and shows Nur Otan in 2021, all offline', async () => {
    const { page, requests, errors } = await openPage('/');
    await expect.poll(() => page.url()).toContain('/explorer/');

    // Search with a variant spelling; the suggestion list offers the person.
    await page.locator('#search-input').fill('Mamay');
    await page.getByRole('option', { name: /^Zhanbolat Mamai person/ }).click();
    await page.locator('#node-list').getByRole('button', { name: 'Inga Imanbai', exact: true }).waitFor();
    await expect.poll(() => page.locator('#status').innerText()).toMatch(/\d+ entities, \d+ relationships/);
    await page.locator('#details h2').getByText('Zhanbolat Mamai').waitFor();
    await page.screenshot({ path: screenshotPath('explorer-mamai') });

    // Click the SPOUSE_OF edge where it is drawn: the panel shows the fact's quotes and their sources.
    const at = await edgeMidpoint(page, 'SPOUSE_OF', ['person:zhanbolat-mamai', 'person:inga-imanbai']);
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await page.locator('#details .quote').first().waitFor();
    const details = await page.locator('#details').innerText();
    expect(details).toContain('Mamai’s wife, Inga Imanbai');
    expect(details).toMatch(/The Diplomat|RFE\/RL|bne IntelliNews/);
    await page.screenshot({ path: screenshotPath('explorer-edge-quote') });

    // Amanat today, then the slider moved to 2021: the same party is shown as Nur Otan.
    await page.locator('#search-input').fill('Amanat');
    await page.getByRole('option', { name: /^Amanat party/ }).click();
    await page.locator('#node-list').getByRole('button', { name: 'Amanat', exact: true }).waitFor();
    await setDateWithSlider(page, '2021-06-30');
    await page.locator('#node-list').getByRole('button', { name: 'Nur Otan', exact: true }).waitFor();
    expect(await page.locator('#node-list').innerText()).not.toMatch(/^Amanat$/m);
    await expect.poll(() => page.locator('#asof-label').innerText()).toBe('as of 2021-06-30');
    await page.locator('#details h2').getByText('Nur Otan').waitFor();
    expect(page.url()).toContain('asOf=2021-06-30');
    await page.screenshot({ path: screenshotPath('explorer-2021-nur-otan') });

    expect(errors).toEqual([]);
    expect(requests.all.some((u) => u.endsWith('/graphql'))).toBe(true);
    expect(requests.outside).toEqual([]);
    await page.close();
  });

  it('restores a shared view from its URL, finds how two entities connect, and exports PNG and GraphML', async () => {
    const { page, requests, errors } = await openPage(
      '/explorer/?roots=person%3Ainga-imanbai&from=person%3Ainga-imanbai&to=person%3Akassym-jomart-tokayev',
    );
    await page.locator('#path-result.found').waitFor();
    const result = await page.locator('#path-result').innerText();
    expect(result).toMatch(/^\d+ steps?: Inga Imanbai → .* → Kassym-Jomart Tokayev$/);
    expect(await page.locator('#path-from').innerText()).toBe('Inga Imanbai');
    // The path is highlighted on the graph.
    const onPath = await page.evaluate(() => (window as unknown as { cy: { $: (s: string) => { map: (f: (e: { id: () => string }) => string) => string[] } } }).cy.$('node.path').map((n) => n.id()));
    expect(onPath).toEqual(expect.arrayContaining(['person:inga-imanbai', 'person:kassym-jomart-tokayev']));
    await page.screenshot({ path: screenshotPath('explorer-path') });

    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    expect(png.suggestedFilename()).toBe('kz-network.png');
    const pngBytes = await (await png.createReadStream()).toArray();
    expect(Buffer.concat(pngBytes).subarray(1, 4).toString()).toBe('PNG');

    const [graphml] = await Promise.all([page.waitForEvent('download'), page.locator('#export-graphml').click()]);
    const text = Buffer.concat(await (await graphml.createReadStream()).toArray()).toString('utf8');
    expect(text).toContain('<graphml');
    expect(text).toContain('<node id="person:inga-imanbai">');
    expect(text).toContain('<data key="e_type">');

    // Hiding a kind hides its entities; the choice goes into the URL.
    await page.locator('#filters summary').getByText('Entity kinds').click();
    await page.locator('#kind-filters input[value="EVENT"]').uncheck();
    expect(page.url()).toContain('hide=EVENT');
    expect(await page.locator('#node-list .kind').allInnerTexts()).not.toContain('event');

    expect(errors).toEqual([]);
    expect(requests.outside).toEqual([]);
    await page.close();
  });
});
