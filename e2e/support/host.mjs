// A host page on another origin, for the embed specs: a second static server
// (another loopback port, so another origin) over a temporary folder where a
// spec writes the pages that embed the explainer.
//
//   import { useHost, fitted } from '../support/host.mjs';
//   const host = useHost();                       // before/after hooks
//   const url = await host.page('a.html', '<iframe ...>');
//   await host.copy(PYM_PATH, 'pym.js');
//   await fitted(page, 'iframe');                 // iframe height == content height

import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { startServer } from './server.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** pym.js's browser build from npm (package.json devDependencies). */
export const PYM_PATH = path.join(REPO_ROOT, 'node_modules', 'pym.js', 'dist', 'pym.v1.min.js');

/** Starts a host server over a fresh temporary folder. */
export async function startHost() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'explainer-host-'));
  const server = await startServer({ root: dir });
  return {
    url: server.url,
    origin: server.origin,
    host: new URL(server.url).host,
    /** Writes `name` (an HTML document around `body`) and returns its URL. */
    async page(name, body, { title = 'Host page' } = {}) {
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{margin:0;padding:24px;font:16px/1.5 serif;background:#f4efe6}.col{max-width:720px;margin:auto}</style>
</head><body><div class="col"><h1>${title}</h1><p>Text of the host's own article.</p>
${body}
<p id="after">The host article goes on after the embed.</p></div></body></html>`;
      await writeFile(path.join(dir, name), html);
      return new URL(name, server.url).href;
    },
    /** Copies a file into the host folder. */
    async copy(from, name) {
      await copyFile(from, path.join(dir, name));
      return new URL(name, server.url).href;
    },
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Registers node:test hooks for one host server per spec file. */
export function useHost() {
  let host;
  before(async () => {
    host = await startHost();
  });
  after(async () => {
    await host?.close();
  });
  return {
    get url() {
      return host.url;
    },
    get host() {
      return host.host;
    },
    page: (...args) => host.page(...args),
    copy: (...args) => host.copy(...args),
  };
}

/**
 * The iframe's height in the host page and, measured inside the frame
 * independently of the app, the bottom of its content and whether it
 * would scroll.
 */
export async function frameSizes(page, selector) {
  const element = await page.waitForSelector(selector, { state: 'attached' });
  const frame = await element.contentFrame();
  const iframe = await element.evaluate((f) => f.clientHeight);
  const inside = await frame.evaluate(() => {
    const main = document.querySelector('main');
    const bottom = main ? main.getBoundingClientRect().bottom + window.scrollY : NaN;
    const style = getComputedStyle(document.body);
    return {
      content: bottom + parseFloat(style.marginBottom || '0'),
      scrolls: document.scrollingElement.scrollHeight > window.innerHeight + 1,
    };
  });
  return { iframe, frame, ...inside };
}

/**
 * Waits until the iframe is sized to its content (within `tolerance` px,
 * never cut off), the same on two checks 150 ms apart (sections may
 * animate), and `accept(sizes)` holds; returns the sizes. Fails with
 * the last sizes seen after `timeout` ms.
 */
export async function fitted(page, selector, { tolerance = 3, timeout = 15_000, accept = () => true } = {}) {
  const until = Date.now() + timeout;
  let last;
  let settled = null; // the same fitted height on consecutive checks: not mid-animation
  for (;;) {
    try {
      last = await frameSizes(page, selector);
      const fits = Math.abs(last.iframe - last.content) <= tolerance && !last.scrolls;
      if (fits && accept(last)) {
        if (settled === last.iframe) return last;
        settled = last.iframe;
      } else {
        settled = null;
      }
    } catch (err) {
      last = { error: String(err) };
    }
    if (Date.now() > until) {
      const { frame, ...shown } = last ?? {};
      throw new Error(`iframe ${selector} not fitted to its content: ${JSON.stringify(shown)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}
