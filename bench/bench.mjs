// The browser half of `cargo xtask bench`, two commands:
//
//   node bench/bench.mjs snapshot --site target/bench/site \
//     --out target/bench/limit --info target/bench/limit.tsv
//
// makes the static limit: the page as a reader sees it, as HTML. It serves
// the built site on 127.0.0.1, loads its root page (the default story) in
// headless Chromium without any throttling, once on each phone profile,
// waits for `<html data-app-ready>`, and takes `document.documentElement
// .outerHTML` (prefixed with `<!doctype html>`) with every `<script>`
// element (the runtime's loader and the embed view's script, both inline)
// and every `link[rel=preload|modulepreload]` removed. That is written as
// OUT/index.html, with the site's files it still references (the favicon, pictures)
// copied beside it. So the limit has the same inline CSS and the same
// rendered DOM as our page once it is ready, and no code. INFO gets `meta`
// lines: what was removed, what was copied, and whether both profiles gave
// the same snapshot (the one written is from the first profile).
//
//   node bench/bench.mjs measure --runs 5 --out target/bench/samples.tsv \
//     ours=target/bench/site limit=target/bench/limit peer=target/bench/peer
//
// measures. Each `name=dir` is served by its own compressing static server
// on 127.0.0.1 (ephemeral port). Every load gets a fresh browser context,
// and the loads are interleaved (run 1: profile 360x740: ours, limit, peer;
// profile 412x823: ours, limit, peer; run 2: ...) so that machine noise falls
// on all pages and both profiles alike.
//
// Phone profiles (PROFILES): 360x740 CSS px at DPR 2 and 412x823 at DPR
// 2.625, both touch and mobile; on both, 4x CPU slowdown
// (Emulation.setCPUThrottlingRate), 1.6 Mbps down / 750 kbps up with 150 ms
// added per request (Network.emulateNetworkConditions), cache disabled.
//
// Output lines of `measure` (tab-separated; xtask/src/bench.rs parses them):
//   meta     key value
//   metric   page profile run name value        (ms, except cls and counts)
//   file     page profile run path type encoding wire raw gzip brotli start end
//            (start, end: when the request started and its response ended,
//            ms from navigation start, from Resource Timing)
//   foreign  page profile run url               (requests for another host: recorded; they fail)
//   error    page profile run text              (console errors and page errors)

import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

import { CHROMIUM_ARGS, launch } from '../e2e/support/browser.mjs';
import { mimeType, normalizeBasePath, resolveFile } from '../e2e/support/server.mjs';

/** The phone profiles every page is measured on; xtask expects these names. */
export const PROFILES = Object.freeze([
  Object.freeze({
    name: '360x740',
    context: Object.freeze({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    }),
  }),
  Object.freeze({
    name: '412x823',
    context: Object.freeze({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 2.625,
      isMobile: true,
      hasTouch: true,
    }),
  }),
]);
export const CPU_SLOWDOWN = 4;
export const NETWORK = Object.freeze({
  offline: false,
  latency: 150, // ms added to each request's round trip
  downloadThroughput: 1_600_000 / 8, // bytes per second
  uploadThroughput: 750_000 / 8,
});
/** How long a page may take to show its ready signal (throttled). */
const SIGNAL_TIMEOUT_MS = 90_000;
/** Quiet time after the ready signal and network idle, for late shifts and long tasks. */
const SETTLE_MS = 1_500;

/** Types whose bodies compress; fonts and images are sent as they are. */
const COMPRESSIBLE = /\.(html?|js|mjs|css|wasm|json|svg|txt|xml|map|webmanifest)$/i;

function describeProfile(p) {
  const c = p.context;
  return `${c.viewport.width}x${c.viewport.height} CSS px, DPR ${c.deviceScaleFactor}${c.hasTouch ? ', touch' : ''}${c.isMobile ? ', mobile' : ''}`;
}

function listFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(root);
  return out;
}

/**
 * Like e2e/support/server.mjs's startServer (and built from its pieces), but
 * with Content-Encoding: every compressible file is compressed once at start
 * (brotli quality 11 and gzip level 9), and a request gets brotli when its
 * Accept-Encoding allows it, else gzip, else the raw file. Resolves to
 * { url, host, sizes: Map(file -> {raw, gzip, brotli}), close() }.
 */
export async function startCompressingServer({ root, basePath = '/' }) {
  if (!statSync(root).isDirectory()) throw new Error(`${root} is not a directory`);
  const real = await realpath(path.resolve(root));
  const base = normalizeBasePath(basePath);
  const bodies = new Map();
  for (const file of listFiles(real)) {
    const raw = readFileSync(file);
    const entry = { raw, gzip: null, brotli: null };
    if (COMPRESSIBLE.test(file)) {
      entry.gzip = zlib.gzipSync(raw, { level: 9 });
      entry.brotli = zlib.brotliCompressSync(raw, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      });
    }
    bodies.set(file, entry);
  }

  const server = http.createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
      const found = req.method === 'GET' ? await resolveFile(real, base, pathname) : null;
      const entry = found && bodies.get(found.file);
      if (!entry) {
        res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
        res.end('Not Found\n');
        return;
      }
      const accept = String(req.headers['accept-encoding'] ?? '');
      let body = entry.raw;
      let encoding = null;
      if (entry.brotli && /\bbr\b/.test(accept)) {
        body = entry.brotli;
        encoding = 'br';
      } else if (entry.gzip && /\bgzip\b/.test(accept)) {
        body = entry.gzip;
        encoding = 'gzip';
      }
      res.writeHead(200, {
        'Content-Type': mimeType(found.file),
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...(encoding ? { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' } : {}),
      });
      res.end(body);
    } catch (err) {
      res.destroy(err);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = server.address().port;
  const sizes = new Map();
  for (const [file, e] of bodies) {
    sizes.set(file, {
      raw: e.raw.length,
      gzip: e.gzip?.length ?? e.raw.length,
      brotli: e.brotli?.length ?? e.raw.length,
    });
  }
  return {
    url: `http://127.0.0.1:${port}${base}`,
    host: `127.0.0.1:${port}`,
    root: real,
    base,
    sizes,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

/**
 * Runs in the page before any of its scripts (page.addInitScript). Collects
 * paint, LCP, layout-shift and long-task entries (buffered observers) and the
 * moment the page's "ready" signal appears, from a MutationObserver:
 *   'attr'     <html data-app-ready> (our app, once its parts are wired)
 *   'drawn'    TimelineJS: .tl-timenav with a .tl-timemarker, and a .tl-slide,
 *              both in the DOM with a non-empty box
 *   'none'     no signal (the static page)
 */
function collector(mode) {
  const b = (window.__bench = {
    fcp: null,
    lcp: null,
    lcpSize: null,
    lcpElement: null,
    shifts: [],
    longtasks: [],
    signal: null,
  });
  const observe = (type, each) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({
        type,
        buffered: true,
      });
    } catch {
      // entry type unsupported: the metric stays null
    }
  };
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
  });
  observe('largest-contentful-paint', (e) => {
    b.lcp = e.startTime;
    b.lcpSize = e.size;
    const el = e.element;
    // The element with two ancestors, and the start of its text.
    const name = (n) =>
      `${n.localName}${n.id ? `#${n.id}` : ''}${typeof n.className === 'string' && n.className.trim() ? `.${n.className.trim().split(/\s+/)[0]}` : ''}`;
    const chain = [];
    for (let n = el; n && n.nodeType === 1 && chain.length < 3; n = n.parentElement) chain.unshift(name(n));
    const text = el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
    b.lcpElement = el
      ? `${chain.join(' > ')}${text ? ` "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"` : ''}`
      : null;
  });
  observe('layout-shift', (e) => {
    if (!e.hadRecentInput) b.shifts.push([e.startTime, e.value]);
  });
  observe('longtask', (e) => b.longtasks.push([e.startTime, e.duration]));

  if (mode === 'none') return;
  const boxed = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    const s = getComputedStyle(el);
    return s.display !== 'none' && s.visibility !== 'hidden';
  };
  const ready =
    mode === 'attr'
      ? () => document.documentElement?.hasAttribute('data-app-ready')
      : () => {
          const nav = document.querySelector('.tl-timenav');
          const slide = document.querySelector('.tl-slide');
          return !!(nav && slide && nav.querySelector('.tl-timemarker') && boxed(nav) && boxed(slide));
        };
  let mo;
  const check = () => {
    if (b.signal !== null) return;
    if (ready()) {
      b.signal = performance.now();
      mo?.disconnect();
    }
  };
  mo = new MutationObserver(check);
  mo.observe(document, {
    subtree: true,
    childList: mode !== 'attr',
    attributes: true,
    ...(mode === 'attr' ? { attributeFilter: ['data-app-ready'] } : {}),
  });
  if (mode !== 'attr') {
    // A box can appear without a mutation (a style sheet arriving): check each frame too.
    const frame = () => {
      check();
      if (b.signal === null) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }
}

/** CLS as the web defines it: the largest session window (gap < 1 s, window <= 5 s). */
export function cumulativeLayoutShift(shifts) {
  let best = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const [start, value] of [...shifts].sort((a, b) => a[0] - b[0])) {
    if (start - last < 1000 && start - first < 5000) {
      current += value;
    } else {
      current = value;
      first = start;
    }
    last = start;
    best = Math.max(best, current);
  }
  return best;
}

/** Total blocking time: for every long task, the part after FCP beyond 50 ms. */
export function totalBlockingTime(longtasks, fcp) {
  if (fcp == null) return null;
  let total = 0;
  for (const [start, duration] of longtasks) {
    const end = start + duration;
    const from = Math.max(start, fcp);
    if (end - from > 50) total += end - from - 50;
  }
  return total;
}

const tsv = (...cells) => cells.map((c) => String(c ?? '').replace(/[\t\n\r]/g, ' ')).join('\t');

/**
 * A fresh context and tab, with the phone profile `profile`, that records
 * console errors, page errors, failed requests and every request to another
 * host than the server's. Unlike e2e/support/browser.mjs's newPage it sets
 * no request route: Playwright would then pause every request for a round
 * trip to Node, which adds tens of milliseconds per request under the CPU
 * slowdown. Foreign hosts fail instead at name resolution (the browser's
 * --host-resolver-rules).
 */
async function freshTab(browser, ownHost, profile) {
  const context = await browser.newContext({ ...profile.context });
  const tab = await context.newPage();
  const record = { foreignRequests: [], consoleErrors: [], pageErrors: [], failedRequests: [] };
  tab.on('console', (msg) => {
    if (msg.type() === 'error') record.consoleErrors.push(`console: ${msg.text()}`);
  });
  tab.on('pageerror', (err) => record.pageErrors.push(`page error: ${err.message}`));
  tab.on('request', (req) => {
    try {
      const url = new URL(req.url());
      if (/^(https?|wss?):$/.test(url.protocol) && url.host !== ownHost) {
        record.foreignRequests.push(`${req.method()} ${req.url()}`);
      }
    } catch {
      // not a URL: nothing left the machine
    }
  });
  tab.on('requestfailed', (req) => {
    record.failedRequests.push(`request failed: ${req.url()}: ${req.failure()?.errorText ?? '?'}`);
  });
  return { context, tab, record, close: () => context.close() };
}

/** Every host name but loopback fails to resolve: nothing can leave the machine by name. */
const BROWSER_ARGS = [
  ...CHROMIUM_ARGS,
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

async function measureOnce(browser, page, profile, run, lines) {
  const server = page.server;
  const { context, tab, record, close } = await freshTab(browser, server.host, profile);
  try {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const responses = new Map();
    const finished = [];
    cdp.on('Network.responseReceived', ({ requestId, response, type }) => {
      const headers = Object.fromEntries(
        Object.entries(response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
      );
      responses.set(requestId, {
        url: response.url,
        type,
        encoding: headers['content-encoding'] || 'identity',
      });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      finished.push({ requestId, encodedDataLength });
    });
    await tab.addInitScript(collector, page.mode);

    await tab.goto(server.url, { waitUntil: 'load', timeout: SIGNAL_TIMEOUT_MS });
    if (page.mode !== 'none') {
      await tab.waitForFunction(() => window.__bench.signal !== null, null, {
        timeout: SIGNAL_TIMEOUT_MS,
        polling: 100,
      });
    }
    await tab.waitForLoadState('networkidle', { timeout: SIGNAL_TIMEOUT_MS }).catch(() => {});
    await tab.waitForTimeout(SETTLE_MS);
    const b = await tab.evaluate(() => window.__bench);
    const timing = await tab.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return {
        nav: n
          ? { load: n.loadEventStart, dcl: n.domContentLoadedEventStart, responseEnd: n.responseEnd, url: n.name }
          : {},
        resources: performance
          .getEntriesByType('resource')
          .map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd })),
      };
    });

    const p = profile.name;
    const metric = (name, value) => lines.push(tsv('metric', page.name, p, run, name, value ?? ''));
    metric('fcp', b.fcp);
    metric('lcp', b.lcp);
    metric('lcp_size', b.lcpSize);
    metric('cls', cumulativeLayoutShift(b.shifts));
    metric('tbt', totalBlockingTime(b.longtasks, b.fcp));
    metric('dcl', timing.nav.dcl);
    metric('load', timing.nav.load);
    if (page.mode !== 'none') metric(page.mode === 'attr' ? 'interactive' : 'drawn', b.signal);
    metric('longtasks', b.longtasks.length);
    lines.push(tsv('meta', `lcp_element.${page.name}.${p}.${run}`, b.lcpElement ?? ''));

    // When each request started and ended (Resource Timing; the document: 0
    // to its responseEnd), by URL without the fragment.
    const when = new Map();
    const key = (u) => String(u).split('#')[0];
    if (timing.nav.url) when.set(key(timing.nav.url), { start: 0, end: timing.nav.responseEnd });
    for (const r of timing.resources) if (!when.has(key(r.url))) when.set(key(r.url), r);

    for (const { requestId, encodedDataLength } of finished) {
      const r = responses.get(requestId);
      if (!r) continue;
      let url;
      try {
        url = new URL(r.url);
      } catch {
        continue;
      }
      if (url.host !== server.host) continue;
      const pathname = decodeURIComponent(url.pathname);
      const file = path.join(server.root, ...pathname.slice(server.base.length).split('/'));
      const size =
        server.sizes.get(file) ?? server.sizes.get(path.join(file, 'index.html')) ?? {};
      const t = when.get(key(r.url)) ?? {};
      const ms = (v) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(1) : '');
      lines.push(
        tsv('file', page.name, p, run, pathname, r.type, r.encoding, encodedDataLength,
          size.raw ?? '', size.gzip ?? '', size.brotli ?? '', ms(t.start), ms(t.end)),
      );
    }
    for (const url of record.foreignRequests) lines.push(tsv('foreign', page.name, p, run, url));
    for (const e of [...record.consoleErrors, ...record.pageErrors, ...record.failedRequests]) {
      lines.push(tsv('error', page.name, p, run, e));
    }
    const summary = [
      `fcp ${Math.round(b.fcp ?? NaN)}`,
      `lcp ${Math.round(b.lcp ?? NaN)}`,
      page.mode !== 'none' ? `${page.mode === 'attr' ? 'interactive' : 'drawn'} ${Math.round(b.signal)}` : null,
      `tbt ${Math.round(totalBlockingTime(b.longtasks, b.fcp) ?? NaN)}`,
      `cls ${cumulativeLayoutShift(b.shifts).toFixed(3)}`,
    ].filter(Boolean);
    console.log(`bench: run ${run} ${p} ${page.name.padEnd(5)} ${summary.join(', ')} (ms)`);
  } finally {
    await close();
  }
}

/**
 * Runs in the page, once it is ready: the document as a reader sees it, as
 * HTML without code. Works on a deep clone, so the live page is untouched.
 */
function staticCopy() {
  const root = document.documentElement.cloneNode(true);
  const code = [
    ...root.querySelectorAll('script'),
    ...root.querySelectorAll('link[rel~="preload" i], link[rel~="modulepreload" i]'),
  ];
  const removed = code.map((el) =>
    el.localName === 'script'
      ? `script${el.type ? `[type=${el.type}]` : ''}${el.id ? `#${el.id}` : ''}${el.src ? `[src=${el.getAttribute('src')}]` : ' (inline)'}`
      : `link[rel=${el.getAttribute('rel')}][href=${el.getAttribute('href')}]`,
  );
  for (const el of code) el.remove();
  // Every candidate of a `srcset` too (the pictures' widths and formats),
  // as absolute addresses.
  const candidates = [...root.querySelectorAll('[srcset]')].flatMap((e) =>
    e
      .getAttribute('srcset')
      .split(',')
      .map((c) => c.trim().split(/\s+/)[0])
      .filter(Boolean)
      .map((u) => new URL(u, document.baseURI).href),
  );
  const refs = [
    ...[...root.querySelectorAll('link[href]')].map((l) => l.href),
    ...[...root.querySelectorAll('[src]')].map((e) => e.src),
    ...candidates,
  ];
  return { html: `<!doctype html>\n${root.outerHTML}`, removed, refs };
}

/** `snapshot`: writes the static limit (see the top of this file). */
async function snapshot(opts) {
  if (!opts.site || !opts.out) throw new Error('snapshot needs --site DIR and --out DIR');
  const server = await startCompressingServer({ root: opts.site });
  const info = [tsv('meta', 'format', 'explainer-bench-limit 1')];
  let browser;
  try {
    browser = await launch({ args: BROWSER_ARGS });
    const copies = [];
    for (const profile of PROFILES) {
      const { tab, record, close } = await freshTab(browser, server.host, profile);
      try {
        await tab.goto(server.url, { waitUntil: 'load', timeout: SIGNAL_TIMEOUT_MS });
        await tab.waitForFunction(() => document.documentElement.hasAttribute('data-app-ready'), null, {
          timeout: SIGNAL_TIMEOUT_MS,
          polling: 50,
        });
        await tab.waitForLoadState('networkidle', { timeout: SIGNAL_TIMEOUT_MS }).catch(() => {});
        copies.push({ profile, ...(await tab.evaluate(staticCopy)) });
        for (const e of [...record.consoleErrors, ...record.pageErrors, ...record.failedRequests]) {
          info.push(tsv('meta', `snapshot_error.${profile.name}`, e));
        }
      } finally {
        await close();
      }
    }
    const [first, ...others] = copies;
    mkdirSync(opts.out, { recursive: true });
    writeFileSync(path.join(opts.out, 'index.html'), first.html);
    info.push(tsv('meta', 'limit_from_profile', first.profile.name));
    info.push(tsv('meta', 'limit_removed', first.removed.join('; ')));
    info.push(tsv('meta', 'limit_bytes', Buffer.byteLength(first.html)));
    const differ = others.filter((o) => o.html !== first.html).map((o) => o.profile.name);
    info.push(tsv('meta', 'limit_same_on_every_profile', differ.length === 0 ? 'yes' : `no (${differ.join(', ')} differ)`));
    // The site's files it still references (the favicon, every picture
    // candidate), copied as they are.
    const copied = [];
    for (const ref of new Set(first.refs)) {
      let url;
      try {
        url = new URL(ref);
      } catch {
        continue;
      }
      if (url.host !== server.host) continue;
      const found = await resolveFile(server.root, server.base, url.pathname);
      if (!found || found.file === path.join(server.root, 'index.html')) continue;
      const rel = path.relative(server.root, found.file);
      mkdirSync(path.dirname(path.join(opts.out, rel)), { recursive: true });
      copyFileSync(found.file, path.join(opts.out, rel));
      copied.push(`/${rel.split(path.sep).join('/')}`);
    }
    info.push(tsv('meta', 'limit_copied', copied.join(' ')));
    console.log(
      `bench: static limit from ${server.url} (${first.profile.name}, ready, no throttling): ` +
        `removed ${first.removed.length} element(s), copied ${copied.join(', ') || 'nothing'}`,
    );
  } finally {
    await browser?.close();
    await server.close();
  }
  if (opts.info) writeFileSync(opts.info, `${info.join('\n')}\n`);
}

function parseArgs(argv) {
  const opts = { command: 'measure', runs: 5, out: null, site: null, info: null, pages: [] };
  let i = 0;
  if (argv[0] === 'measure' || argv[0] === 'snapshot') opts.command = argv[i++];
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--out') opts.out = argv[++i];
    else if (a === '--site' && opts.command === 'snapshot') opts.site = argv[++i];
    else if (a === '--info' && opts.command === 'snapshot') opts.info = argv[++i];
    else if (a.includes('=') && opts.command === 'measure') {
      const [name, dir] = a.split('=');
      opts.pages.push({ name, dir });
    } else throw new Error(`bench.mjs: unexpected argument ${a}`);
  }
  if (opts.command === 'measure') {
    if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs needs a positive integer');
    if (!opts.out) throw new Error('--out FILE is required');
    if (opts.pages.length === 0) throw new Error('name=dir pages are required');
  }
  return opts;
}

/** How each page says it is ready: ours by attribute, the peer by its drawn timeline. */
const MODES = { ours: 'attr', limit: 'none', peer: 'drawn' };

async function measure(opts) {
  const lines = [tsv('meta', 'format', 'explainer-bench 2')];
  const pages = [];
  let browser;
  try {
    for (const p of opts.pages) {
      const server = await startCompressingServer({ root: p.dir });
      pages.push({ ...p, mode: MODES[p.name] ?? 'none', server });
      console.log(`bench: serving ${p.name} (${p.dir}) at ${server.url}`);
    }
    browser = await launch({ args: BROWSER_ARGS });
    lines.push(tsv('meta', 'chromium', browser.version()));
    lines.push(tsv('meta', 'node', process.version));
    lines.push(tsv('meta', 'cpus', `${cpus().length} x ${cpus()[0]?.model ?? '?'}`));
    lines.push(tsv('meta', 'loadavg_start', loadavg().map((l) => l.toFixed(2)).join(' ')));
    lines.push(tsv('meta', 'runs', opts.runs));
    lines.push(tsv('meta', 'profiles', PROFILES.map((p) => p.name).join(' ')));
    for (const p of PROFILES) lines.push(tsv('meta', `profile.${p.name}`, describeProfile(p)));
    try {
      const pkg = new URL('../node_modules/@knight-lab/timelinejs/package.json', import.meta.url);
      lines.push(tsv('meta', 'timelinejs', JSON.parse(readFileSync(pkg, 'utf8')).version));
    } catch {
      // the peer page is optional for bench.mjs itself
    }
    const started = Date.now();
    for (let run = 1; run <= opts.runs; run++) {
      for (const profile of PROFILES) {
        for (const p of pages) {
          await measureOnce(browser, p, profile, run, lines);
        }
      }
    }
    lines.push(tsv('meta', 'loadavg_end', loadavg().map((l) => l.toFixed(2)).join(' ')));
    lines.push(tsv('meta', 'measure_seconds', ((Date.now() - started) / 1000).toFixed(0)));
  } finally {
    await browser?.close();
    for (const p of pages) await p.server.close();
  }
  writeFileSync(opts.out, `${lines.join('\n')}\n`);
  console.log(`bench: wrote ${opts.out}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.command === 'snapshot') await snapshot(opts);
  else await measure(opts);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((err) => {
    console.error(`bench: ${err.stack || err}`);
    process.exit(1);
  });
}
