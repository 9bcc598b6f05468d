// GraphiQL served by the app: a browser's GET on /graphql opens it with everything loaded from this server,
// and it runs a query; non-browser GET and POST still reach Apollo with its CSRF prevention.
import type { Browser } from 'playwright-core';
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

describe('GraphiQL', () => {
  it('loads offline with the worked queries as tabs and runs a query', { timeout: 150_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests = watchRequests(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/graphql`);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 60_000 });
    expect(await page.locator('.graphiql-tab').count()).toBeGreaterThan(1);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    // Type a query through the editor's own API, then press the run button as a user would.
    await page.evaluate(() => {
      const editor = document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { setValue: (v: string) => void } };
      editor.CodeMirror.setValue('query AmanatIn2021 { apiVersion party(id: "party:amanat") { name nameAsOf(date: "2021-06-30") } }');
    });
    // GraphiQL has parsed the edit once the active tab carries the new operation's name (it sends that name).
    await page.locator('.graphiql-tab-active').getByText('AmanatIn2021').waitFor();
    await page.locator('.graphiql-execute-button').click();
    // Wait for any answer (data or errors), so a failure shows what came back; a loaded machine can be slow.
    await expect
      .poll(() => page.locator('.result-window').innerText(), { timeout: 60_000, interval: 250 })
      .toMatch(/"(data|errors)"/);
    const result = await page.locator('.result-window').innerText();
    expect(result).toContain('Nur Otan');
    expect(result).toContain('"apiVersion"');
    expect(result).toContain('"name": "Amanat"');
    await page.screenshot({ path: screenshotPath('graphiql') });
    expect(errors).toEqual([]);
    expect(requests.all.some((u) => u.includes('/graphiql/vendor/graphiql.min.js'))).toBe(true);
    expect(requests.outside).toEqual([]);
    await page.close();
  });

  it('is only for browsers: JSON clients and CSRF prevention are untouched', async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('/graphiql/vendor/graphiql.min.js');
    // A plain GET without a preflight header is still refused by Apollo's CSRF prevention...
    const blocked = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ apiVersion }')}`);
    expect(blocked.status).toBe(400);
    expect(await blocked.text()).toContain('CSRF');
    // ...and allowed with one, as before.
    const allowed = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ apiVersion }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ data: { apiVersion: expect.any(String) } });
    const examples = (await (await fetch(`${server.url}/graphiql/examples.json`)).json()) as { title: string; query: string }[];
    expect(examples.length).toBeGreaterThan(2);
    expect(examples.some((e) => e.query.includes('neighbourhood'))).toBe(true);
  });
});
