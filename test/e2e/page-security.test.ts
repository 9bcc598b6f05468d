// The pages' security headers (src/http/page-security.ts) in Chromium: GraphiQL runs a query and the explorer
// opens an entity, expands it (layout worker) and exports a PNG, with the Content-Security-Policy in force and
// zero violations reported, while a page of another origin cannot frame either.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/http/page-security.js';
import { startTestServer, type TestServer } from '../helpers.js';
import { launchBrowser } from './browser.js';

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

/** A page that records every CSP violation (the DOM event, and Chromium's console report) and script error. */
async function watchedPage(): Promise<{ page: Page; violations: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const violations: string[] = [];
  const errors: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, violations, errors };
}

describe('security headers on the pages', () => {
  it('GraphiQL is sent with them and runs a query with no CSP violation', { timeout: 150_000 }, async () => {
    const { page, violations, errors } = await watchedPage();
    const response = await page.goto(`${server.url}/graphql`);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 60_000 });
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    await page.evaluate(() => {
      const editor = document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { setValue: (v: string) => void } };
      editor.CodeMirror.setValue('query PartyName { party(id: "party:amanat") { name } }');
    });
    await page.locator('.graphiql-tab-active').getByText('PartyName').waitFor();
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.result-window').innerText(), { timeout: 60_000, interval: 250 }).toContain('"name": "Amanat"');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the explorer is sent with them and opens, expands and exports with no CSP violation', { timeout: 150_000 }, async () => {
    const { page, violations, errors } = await watchedPage();
    const response = await page.goto(`${server.url}/explorer/`);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60_000 });
    await page.evaluate(async () => {
      const explorer = (window as unknown as { kzExplorer: { open: (id: string) => Promise<void>; expand: (id: string) => Promise<void>; ready: () => Promise<void> } }).kzExplorer;
      await explorer.open('party:amanat');
      await explorer.ready();
      await explorer.expand('party:amanat');
      await explorer.ready();
    });
    const nodes = await page.evaluate(() => (window as unknown as { kzExplorer: { view: () => { nodes: unknown[] } } }).kzExplorer.view().nodes.length);
    expect(nodes).toBeGreaterThan(1);
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await page.locator('#export-png').click();
    expect((await download).suggestedFilename()).toMatch(/\.png$/);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('neither page can be framed by another origin', { timeout: 60_000 }, async () => {
    const { page } = await watchedPage();
    // A page of another origin (a data: URL is opaque) that frames ours; goto waits for the frames' load events.
    await page.goto(`data:text/html,<iframe id="f" src="${server.url}/explorer/"></iframe><iframe id="g" src="${server.url}/graphql"></iframe>`);
    const frames = page.frames().slice(1);
    expect(frames).toHaveLength(2);
    for (const frame of frames) {
      const framed = await frame.evaluate(() => document.body?.innerHTML ?? '').catch(() => '');
      expect(framed).not.toContain('explorer');
      expect(framed).not.toContain('graphiql');
    }
    await page.close();
  });
});
