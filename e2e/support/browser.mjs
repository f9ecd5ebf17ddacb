// Headless Debian Chromium through playwright-core, plus per-page recording of
// what a spec usually wants to assert: console errors, uncaught page errors,
// and every request that left the page's own host.
//
//   import { useSite } from '../support/browser.mjs';
//   const site = useSite();                 // server + browser once per spec file
//   test('...', async () => {
//     const { page, record, close } = await site.open({ viewport: { width: 360, height: 740 } });
//     ...
//     await close();
//   });

import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { startServer } from './server.mjs';

/** Debian's Chromium: no browser downloads happen on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox', // running as root (CI) needs it
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]);

/** The axe-core rule tags of the accessibility gate: WCAG 2.0, 2.1 and 2.2, A and AA. */
export const WCAG_TAGS = Object.freeze(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);

export const DEFAULT_VIEWPORT = Object.freeze({ width: 1280, height: 800 });

/** Upper bound for the app to start and set `data-app-ready` on <html>. */
export const READY_TIMEOUT_MS = 20_000;

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function launch(options = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: run \`cargo xtask setup\``);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    ...options,
  });
}

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isNetworkUrl(url) {
  return /^(https?|wss?):$/.test(url.protocol);
}

/**
 * A new context and page that records:
 *   record.consoleErrors  console.error / console messages of type "error"
 *   record.pageErrors     uncaught exceptions and unhandled rejections
 *   record.requests       every http(s)/ws(s) URL requested
 *   record.foreignRequests  the ones whose host is not the page's own host
 *                         (`ownHost`, else the host of the first main-frame
 *                         navigation); they are also aborted, so a test never
 *                         waits on the outside world
 *   record.failedRequests requests that failed, with the reason
 *   record.httpErrors     own-host responses with status >= 400
 * Options: ownHost ('127.0.0.1:PORT'), alsoOwnHosts (more hosts that are not
 * foreign, e.g. the site in a host page's iframe), and any browser.newContext
 * option (viewport, colorScheme, reducedMotion, ...). Returns { context, page, record, close }.
 */
export async function newPage(browser, { ownHost, alsoOwnHosts = [], ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport: DEFAULT_VIEWPORT, ...contextOptions });
  const page = await context.newPage();
  const record = {
    ownHost: ownHost ?? null,
    consoleErrors: [],
    pageErrors: [],
    requests: [],
    foreignRequests: [],
    failedRequests: [],
    httpErrors: [],
  };
  const alsoOwn = new Set(alsoOwnHosts);
  const isForeign = (url) => {
    if (!isNetworkUrl(url)) return false;
    if (alsoOwn.has(url.host)) return false;
    if (record.ownHost) return url.host !== record.ownHost;
    return !LOOPBACK_HOSTNAMES.has(url.hostname);
  };

  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc?.url ? ` (${loc.url}:${loc.lineNumber})` : '';
    record.consoleErrors.push(`${msg.text()}${where}`);
  });
  page.on('pageerror', (err) => record.pageErrors.push(err.stack || String(err)));
  page.on('request', (req) => {
    let url;
    try {
      url = new URL(req.url());
    } catch {
      return;
    }
    if (!isNetworkUrl(url)) return;
    if (!record.ownHost && req.isNavigationRequest() && req.frame() === page.mainFrame()) {
      record.ownHost = url.host;
    }
    record.requests.push(req.url());
    if (isForeign(url)) record.foreignRequests.push(`${req.method()} ${req.url()}`);
  });
  page.on('websocket', (ws) => {
    const url = new URL(ws.url());
    record.requests.push(ws.url());
    if (isForeign(url)) record.foreignRequests.push(`WEBSOCKET ${ws.url()}`);
  });
  page.on('requestfailed', (req) => {
    record.failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) record.httpErrors.push(`${res.status()} ${res.url()}`);
  });
  // Keep tests hermetic: anything bound for another host is recorded (above) and aborted.
  await context.route(
    (url) => isForeign(url),
    (route) => route.abort('blockedbyclient'),
  );

  return { context, page, record, close: () => context.close() };
}

/**
 * Blocks storage for the page, as a sandboxed or third-party embed may find
 * it: reading `window.localStorage` (and any other of `names`) throws a
 * SecurityError. Call before navigating.
 */
export async function blockStorage(page, names = ['localStorage']) {
  await page.addInitScript((blocked) => {
    for (const name of blocked) {
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    }
  }, names);
}

/** The built site: $E2E_DIST, else <repo>/dist. */
export function distDir() {
  const dist = path.resolve(process.env.E2E_DIST || path.join(REPO_ROOT, 'dist'));
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(
      `${dist}/index.html is missing: build first (\`cargo xtask build\`), ` +
        'or point E2E_DIST at a built dist/ directory',
    );
  }
  return dist;
}

/**
 * Waits for the app to start (`<html data-app-ready>`) and for fonts to settle;
 * then, unless `lazy: false`, brings the lazy islands (the poll, the embed
 * panel: `.ex-island[data-ex-near]`) to life as a reader moving into them would
 * (focus going in), without scrolling, and waits until each is `data-ex-live`.
 * `page` may be a frame.
 */
export async function waitForApp(page, { timeout = READY_TIMEOUT_MS, lazy = true } = {}) {
  await page.waitForSelector('html[data-app-ready]', { state: 'attached', timeout });
  await page.evaluate(() => document.fonts?.ready);
  if (lazy) await wakeLazyParts(page, { timeout });
}

/** Moves focus-wise into every lazy island not yet live and waits for them all. */
export async function wakeLazyParts(page, { timeout = READY_TIMEOUT_MS } = {}) {
  await page.evaluate(() => {
    for (const part of document.querySelectorAll('.ex-island[data-ex-near]:not([data-ex-live])')) {
      part.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    }
  });
  await page.waitForFunction(
    () => !document.querySelector('.ex-island[data-ex-near]:not([data-ex-live])'),
    null,
    { timeout },
  );
}

/**
 * Registers node:test before/after hooks in the calling spec file: one static
 * server over `root` (default distDir(); a function is awaited in the hook,
 * for a site a spec builds first) under `basePath` (default $E2E_BASE_PATH
 * or '/') and one browser for the whole file. Returns { url, browser, open(options) }.
 *
 * open({ path, media, colorScheme, waitForReady, ...newPage options }) makes a
 * fresh context, applies page.emulateMedia({ media, colorScheme }) before
 * navigating when given, loads the site and waits for `data-app-ready` (and,
 * unless `lazy: false`, for the lazy islands: see waitForApp);
 * withPage(options, fn) does the same around `fn(page, record)`.
 */
export function useSite({ basePath = process.env.E2E_BASE_PATH || '/', root = distDir } = {}) {
  let server;
  let browser;
  before(async () => {
    server = await startServer({ root: typeof root === 'function' ? await root() : root, basePath });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server.url;
    },
    get browser() {
      return browser;
    },
    async open({ path: subPath = '', media, colorScheme, waitForReady = true, lazy = true, ...options } = {}) {
      const opened = await newPage(browser, { ownHost: new URL(server.url).host, ...options });
      try {
        if (media || colorScheme) {
          await opened.page.emulateMedia({
            ...(media ? { media } : {}),
            ...(colorScheme ? { colorScheme } : {}),
          });
        }
        await opened.page.goto(new URL(subPath, server.url).href, { waitUntil: 'load' });
        if (waitForReady) await waitForApp(opened.page, { lazy });
      } catch (err) {
        await opened.close();
        throw err;
      }
      return opened;
    },
    /** Runs `fn(page, record)` on a freshly opened page (see `open`) and always closes it. */
    async withPage(options, fn) {
      const opened = await this.open(options);
      try {
        return await fn(opened.page, opened.record);
      } finally {
        await opened.close();
      }
    },
  };
}
