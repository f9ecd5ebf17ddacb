// The browser half of `cargo xtask bench`: loads three pages side by side in
// headless Chromium with a phone profile and writes one line per measurement
// (tab-separated) for xtask to turn into medians, ratios and a report.
//
//   node bench/bench.mjs --runs 5 --out target/bench/samples.tsv \
//     ours=dist limit=target/bench/limit peer=target/bench/peer
//
// Each `name=dir` is served by its own compressing static server on
// 127.0.0.1 (ephemeral port). Every run opens a fresh browser context per
// page, and the pages are interleaved (ours, limit, peer, ours, ...) so that
// machine noise falls on all of them alike.
//
// Phone profile: 360x740 CSS px at DPR 2, touch, 4x CPU slowdown
// (Emulation.setCPUThrottlingRate), 1.6 Mbps down / 750 kbps up with 150 ms
// added per request (Network.emulateNetworkConditions), cache disabled.
//
// Output lines (tab-separated; xtask/src/bench.rs parses them):
//   meta     key value
//   metric   page run name value         (ms, except cls)
//   file     page run path type encoding wire raw gzip brotli
//   foreign  page run url                (requests for another host: recorded; they fail)
//   error    page run text               (console errors and page errors)

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

import { CHROMIUM_ARGS, launch } from '../e2e/support/browser.mjs';
import { mimeType, normalizeBasePath, resolveFile } from '../e2e/support/server.mjs';

export const PHONE = Object.freeze({
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
});
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
    const el = e.element;
    b.lcpElement = el
      ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/)[0]}` : ''}`
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
 * A fresh context and tab that records console errors, page errors, failed
 * requests and every request to another host than the server's. Unlike
 * e2e/support/browser.mjs's newPage it sets no request route: Playwright
 * would then pause every request for a round trip to Node, which adds tens
 * of milliseconds per request under the CPU slowdown. Foreign hosts fail
 * instead at name resolution (the browser's --host-resolver-rules).
 */
async function freshTab(browser, ownHost) {
  const context = await browser.newContext({ ...PHONE });
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

async function measureOnce(browser, page, server, run, lines) {
  const { context, tab, record, close } = await freshTab(browser, server.host);
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
    const nav = await tab.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return n ? { load: n.loadEventStart } : {};
    });
    if (page.mode !== 'none') {
      await tab.waitForFunction(() => window.__bench.signal !== null, null, {
        timeout: SIGNAL_TIMEOUT_MS,
        polling: 100,
      });
    }
    await tab.waitForLoadState('networkidle', { timeout: SIGNAL_TIMEOUT_MS }).catch(() => {});
    await tab.waitForTimeout(SETTLE_MS);
    const b = await tab.evaluate(() => window.__bench);

    const metric = (name, value) => lines.push(tsv('metric', page.name, run, name, value ?? ''));
    metric('fcp', b.fcp);
    metric('lcp', b.lcp);
    metric('cls', cumulativeLayoutShift(b.shifts));
    metric('tbt', totalBlockingTime(b.longtasks, b.fcp));
    metric('load', nav.load);
    if (page.mode !== 'none') metric(page.mode === 'attr' ? 'interactive' : 'drawn', b.signal);
    metric('longtasks', b.longtasks.length);
    lines.push(tsv('meta', `lcp_element.${page.name}.${run}`, b.lcpElement ?? ''));

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
      lines.push(
        tsv('file', page.name, run, pathname, r.type, r.encoding, encodedDataLength,
          size.raw ?? '', size.gzip ?? '', size.brotli ?? ''),
      );
    }
    for (const url of record.foreignRequests) lines.push(tsv('foreign', page.name, run, url));
    for (const e of [...record.consoleErrors, ...record.pageErrors, ...record.failedRequests]) {
      lines.push(tsv('error', page.name, run, e));
    }
    const summary = [
      `fcp ${Math.round(b.fcp ?? NaN)}`,
      `lcp ${Math.round(b.lcp ?? NaN)}`,
      page.mode !== 'none' ? `${page.mode === 'attr' ? 'interactive' : 'drawn'} ${Math.round(b.signal)}` : null,
      `tbt ${Math.round(totalBlockingTime(b.longtasks, b.fcp) ?? NaN)}`,
      `cls ${cumulativeLayoutShift(b.shifts).toFixed(3)}`,
    ].filter(Boolean);
    console.log(`bench: run ${run} ${page.name.padEnd(5)} ${summary.join(', ')} (ms)`);
  } finally {
    await close();
  }
}

function parseArgs(argv) {
  const opts = { runs: 5, out: null, pages: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--out') opts.out = argv[++i];
    else if (a.includes('=')) {
      const [name, dir] = a.split('=');
      opts.pages.push({ name, dir });
    } else throw new Error(`bench.mjs: unexpected argument ${a}`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs needs a positive integer');
  if (!opts.out) throw new Error('--out FILE is required');
  if (opts.pages.length === 0) throw new Error('name=dir pages are required');
  return opts;
}

/** How each page says it is ready: ours by attribute, the peer by its drawn timeline. */
const MODES = { ours: 'attr', limit: 'none', peer: 'drawn' };

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const lines = [tsv('meta', 'format', 'explainer-bench 1')];
  const servers = [];
  let browser;
  try {
    for (const p of opts.pages) {
      const server = await startCompressingServer({ root: p.dir });
      servers.push({ ...p, mode: MODES[p.name] ?? 'none', server });
      console.log(`bench: serving ${p.name} (${p.dir}) at ${server.url}`);
    }
    browser = await launch({ args: BROWSER_ARGS });
    lines.push(tsv('meta', 'chromium', browser.version()));
    lines.push(tsv('meta', 'node', process.version));
    lines.push(tsv('meta', 'cpus', `${cpus().length} x ${cpus()[0]?.model ?? '?'}`));
    lines.push(tsv('meta', 'loadavg_start', loadavg().map((l) => l.toFixed(2)).join(' ')));
    lines.push(tsv('meta', 'runs', opts.runs));
    try {
      const pkg = new URL('../node_modules/@knight-lab/timelinejs/package.json', import.meta.url);
      lines.push(tsv('meta', 'timelinejs', JSON.parse(readFileSync(pkg, 'utf8')).version));
    } catch {
      // the peer page is optional for bench.mjs itself
    }
    for (let run = 1; run <= opts.runs; run++) {
      for (const p of servers) {
        await measureOnce(browser, p, p.server, run, lines);
      }
    }
    lines.push(tsv('meta', 'loadavg_end', loadavg().map((l) => l.toFixed(2)).join(' ')));
  } finally {
    await browser?.close();
    for (const s of servers) await s.server.close();
  }
  writeFileSync(opts.out, `${lines.join('\n')}\n`);
  console.log(`bench: wrote ${opts.out}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((err) => {
    console.error(`bench: ${err.stack || err}`);
    process.exit(1);
  });
}
