// Browser tests' shared setup: Debian's Chromium driven by playwright-core with the flags of a sandboxed,
// offline run, and a watch on every request so a test can assert that nothing left this machine.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const screenshotDir = resolve('test-results');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Records every request whose host is not this machine (data: and blob: URLs never leave the page). */
export function watchRequests(page: Page): { outside: string[]; all: string[] } {
  const seen = { outside: [] as string[], all: [] as string[] };
  page.on('request', (request) => {
    const url = new URL(request.url());
    seen.all.push(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) seen.outside.push(request.url());
  });
  return seen;
}

export function screenshotPath(name: string): string {
  return resolve(screenshotDir, `${name}.png`);
}

/** A page of the app at 1440×900 that records page errors and requests, loaded once `body[data-ready]` is set. */
export async function openReadyPage(browser: Browser, url: string): Promise<{ page: Page; requests: ReturnType<typeof watchRequests>; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const requests = watchRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return { page, requests, errors };
}
