// Embedding: the embed view, the "Embed this" panel, and the explainer in
// an iframe on a host page from ANOTHER origin (a second loopback port),
// placed with our own snippet + embed.js and with pym.js from npm. The
// iframe must fit its content within a few pixels, and grow and shrink as
// sections open and close. Also the page's own Content-Security-Policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { useSite } from '../support/browser.mjs';
import { PYM_PATH, fitted, frameSizes, useHost } from '../support/host.mjs';

const site = useSite();
const host = useHost();

const CLIPBOARD = ['clipboard-read', 'clipboard-write'];

/** Opens a host page (on the host's origin) that embeds the site. */
const withHostPage = (url, fn) =>
  site.withPage(
    { path: url, waitForReady: false, ownHost: host.host, alsoOwnHosts: [new URL(site.url).host] },
    fn,
  );

/** The embed code the site's own panel offers for `option` (its label). */
async function snippetFor(option) {
  return site.withPage({ permissions: CLIPBOARD }, async (page) => {
    await page.getByRole('radio', { name: option }).check();
    const code = page.getByLabel('Embed code');
    await page.waitForFunction(
      (sel) => document.querySelector(sel).value.includes('<iframe'),
      '#ex-embed-code',
    );
    return code.inputValue();
  });
}

/** 'none' when the element is not rendered (itself or an ancestor hidden). */
const display = (page, selector) =>
  page.$eval(selector, (e) => (e.checkVisibility() ? getComputedStyle(e).display : 'none'));

/** Runs `fn` inside the frame and waits for the app there. */
async function frameOf(page, selector) {
  const frame = await (await page.waitForSelector(selector)).contentFrame();
  await frame.waitForSelector('html[data-app-ready]', { state: 'attached', timeout: 20_000 });
  return frame;
}

/** Expand all, then Collapse all, in the framed context: the iframe follows both ways. */
async function growsAndShrinks(page, selector) {
  const start = await fitted(page, selector);
  const frame = await frameOf(page, selector);
  await frame.getByRole('button', { name: 'Expand all' }).click();
  const grown = await fitted(page, selector, { accept: (s) => s.iframe > start.iframe + 300 });
  await frame.getByRole('button', { name: 'Collapse all' }).click();
  // Below the start, where one section was open (sections may animate: the
  // frame follows every step, so wait for the end).
  const shrunk = await fitted(page, selector, { accept: (s) => s.iframe < start.iframe - 40 });
  assert.ok(shrunk.iframe < grown.iframe - 300);
  // One section, by a reader's click on its summary.
  await frame.locator('#background > summary').click();
  const one = await fitted(page, selector, { accept: (s) => s.iframe > shrunk.iframe + 40 });
  await frame.locator('#background > summary').click();
  await fitted(page, selector, { accept: (s) => Math.abs(s.iframe - shrunk.iframe) <= 3 });
  // The host's own text follows the iframe's bottom edge.
  const gap = await page.evaluate((sel) => {
    const f = document.querySelector(sel).getBoundingClientRect();
    return document.getElementById('after').getBoundingClientRect().top - f.bottom;
  }, selector);
  assert.ok(gap >= 0 && gap < 40, `host text right after the iframe (gap ${gap})`);
  return { start, grown, shrunk, one };
}

test('?embed shows the explainer without page chrome; ?embed=<part> only that part', async () => {
  await site.withPage({ path: '?embed' }, async (page, record) => {
    assert.equal(await page.getAttribute('html', 'data-ex-embed'), 'all');
    assert.equal(await display(page, '.ex-skip-link'), 'none');
    assert.equal(await display(page, '[data-ex-part=embed]'), 'none');
    for (const part of ['.ex-article', '[data-ex-part=context]', '[data-ex-part=timeline]', '[data-ex-part=poll]']) {
      assert.notEqual(await display(page, part), 'none', part);
    }
    const bg = await page.evaluate(() => [document.documentElement, document.body].map((e) => getComputedStyle(e).backgroundColor));
    assert.deepEqual(bg, ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], 'transparent (light scheme)');
    const width = await page.$eval('main', (m) => m.getBoundingClientRect().width);
    assert.ok(width > 1200, `full width (${width})`);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.consoleErrors, []);
  });
  await site.withPage({ path: '?embed', colorScheme: 'dark' }, async (page) => {
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'opaque in the dark scheme: its light text needs its own background');
  });
  for (const part of ['context', 'timeline', 'poll']) {
    await site.withPage({ path: `?embed=${part}` }, async (page) => {
      assert.equal(await page.getAttribute('html', 'data-ex-embed'), part);
      assert.equal(await display(page, '.ex-article'), 'none');
      for (const other of ['context', 'timeline', 'poll', 'embed']) {
        const shown = (await display(page, `[data-ex-part=${other}]`)) !== 'none';
        assert.equal(shown, other === part, `${other} in ?embed=${part}`);
      }
    });
  }
  await site.withPage({ path: '?embed=nonsense' }, async (page) => {
    assert.equal(await page.getAttribute('html', 'data-ex-embed'), 'all', 'an unknown part shows the whole');
    assert.notEqual(await display(page, '.ex-article'), 'none');
  });
});

test('the embed view is chosen before the first paint, by the pinned head script', async () => {
  await site.withPage({ path: '?embed=poll', waitForReady: false, javaScriptEnabled: true }, async (page) => {
    // Stop the wasm: what shows is the pre-rendered page and the head script alone.
    await page.route('**/*.wasm', (route) => route.abort());
    await page.reload({ waitUntil: 'domcontentloaded' });
    assert.equal(await page.getAttribute('html', 'data-ex-embed'), 'poll');
    assert.equal(await display(page, '.ex-article'), 'none');
    assert.notEqual(await display(page, '[data-ex-part=poll]'), 'none');
  });
});

test('the standalone page offers the embed code, options and a copy button', async () => {
  await site.withPage({ permissions: CLIPBOARD }, async (page, record) => {
    const panel = page.getByRole('region', { name: 'Embed this' });
    await panel.waitFor();
    const group = panel.getByRole('group', { name: 'What to embed' });
    assert.equal(await group.getByRole('radio').count(), 4);
    assert.ok(await group.getByRole('radio', { name: 'The whole explainer' }).isChecked());
    const code = panel.getByLabel('Embed code');
    const whole = await code.inputValue();
    const title = await page.title();
    const [frame, picture, script, ...rest] = whole.split('\n');
    assert.equal(
      frame,
      `<iframe src="${site.url}tajik-japan-tokyo-talks/?embed" title="${title}" loading="lazy" allow="clipboard-write" ` +
        'style="display:block;width:100%;height:600px;border:0" data-explainer-embed></iframe>',
    );
    // For hosts and readers without scripts: the view's picture, linking to the page.
    const page_ = `${site.url}tajik-japan-tokyo-talks/`;
    assert.ok(
      picture.startsWith(`<noscript><a href="${page_}"><img src="${page_}images/explainer.png" width="600" height="`) &&
        picture.endsWith(`" alt="${title}" style="max-width:100%;height:auto"></a></noscript>`),
      picture,
    );
    const shown = await page.request.get(`${page_}images/explainer.png`);
    assert.equal(shown.status(), 200);
    assert.equal(script, `<script src="${site.url}embed.js" async></script>`);
    assert.deepEqual(rest, []);
    await group.getByRole('radio', { name: 'Timeline' }).check();
    assert.match(await code.inputValue(), /\?embed=timeline" title="Timeline – /);
    await panel.getByRole('button', { name: 'Copy embed code' }).click();
    await page.waitForFunction(() => document.querySelector('#embed [role=status]').textContent.trim() !== '');
    assert.equal((await panel.getByRole('status').textContent()).trim(), 'Embed code copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await code.inputValue());
    // embed.js is served next to the page, unhashed, and small.
    const res = await page.request.get(`${site.url}embed.js`);
    assert.equal(res.status(), 200);
    assert.ok((await res.body()).length < 2048);
    assert.deepEqual(record.consoleErrors, []);
  });
});

test('the page pins its inline scripts in a CSP meta and blocks any other', async () => {
  await site.withPage({}, async (page, record) => {
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]+=*'){2,}/);
    assert.doesNotMatch(csp.split(';').find((d) => d.includes('script-src')), /unsafe-inline/);
    // The app itself (head script, Trunk's loader, the wasm) ran under the policy.
    assert.equal(await page.getAttribute('html', 'data-app-ready'), '');
    assert.deepEqual(record.consoleErrors, [], 'no CSP violation while loading');
    const ran = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1';
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return { injected: window.__injected ?? null, violations };
    });
    assert.equal(ran.injected, null, 'an unpinned inline script does not run');
    assert.ok(ran.violations.some((v) => v.startsWith('script-src')), JSON.stringify(ran.violations));
  });
});

test('our snippet on another origin: the iframe fits its content, grows and shrinks', async () => {
  const code = await snippetFor('Context: why this matters');
  assert.match(code, /\?embed=context"/);
  const url = await host.page('snippet.html', code, { title: 'Publisher article' });
  await withHostPage(url, async (page, record) => {
    assert.notEqual(new URL(site.url).origin, new URL(url).origin, 'another origin');
    const sizes = await growsAndShrinks(page, 'iframe[data-explainer-embed]');
    assert.ok(sizes.start.iframe !== 600, 'sized from its content, not the snippet default');
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.consoleErrors, []);
    assert.deepEqual(record.httpErrors, []);
  });
});

test('the whole explainer embedded with our snippet fits too', async () => {
  const code = await snippetFor('The whole explainer');
  const url = await host.page('whole.html', code);
  await withHostPage(url, async (page) => {
    const { iframe } = await fitted(page, 'iframe[data-explainer-embed]', { accept: (s) => s.iframe > 2000 });
    const frame = await frameOf(page, 'iframe[data-explainer-embed]');
    assert.equal(await frame.$eval('[data-ex-part=embed]', (e) => getComputedStyle(e).display), 'none');
    assert.ok(iframe > 2000);
  });
});

test('embed.js takes sizes only from our iframes, from their own origin', async () => {
  const code = await snippetFor('Reader perspectives');
  const siteFrame = `${site.url}?embed=poll`;
  const url = await host.page(
    'guarded.html',
    `${code}
<iframe id="unmarked" src="${siteFrame}" style="width:100%;border:0"></iframe>
<iframe id="spoof" data-explainer-embed src="${siteFrame}" style="width:100%;height:123px;border:0"
  srcdoc="<script>setInterval(() => parent.postMessage({sentinel:'amp',type:'embed-size',height:777}, '*'), 50)</script>"></iframe>`,
  );
  await withHostPage(url, async (page) => {
    const ours = 'iframe[data-explainer-embed]:not(#spoof)';
    const fit = await fitted(page, ours);
    // From the host window itself: not one of our iframes.
    await page.evaluate(() => window.postMessage({ sentinel: 'amp', type: 'embed-size', height: 5 }, '*'));
    await page.waitForTimeout(300);
    assert.equal((await frameSizes(page, ours)).iframe, fit.iframe, 'a message from elsewhere is ignored');
    // A marked iframe whose document is not from its src origin (srcdoc).
    assert.equal(await page.$eval('#spoof', (f) => f.getBoundingClientRect().height), 123, 'wrong origin ignored');
    // An unmarked iframe of the site keeps the browser's default height.
    assert.equal(await page.$eval('#unmarked', (f) => f.getBoundingClientRect().height), 150);
  });
});

test('the child answers the parent\'s width message with its height, and nothing else', async () => {
  const code = await snippetFor('Reader perspectives');
  const url = await host.page('width.html', code);
  await withHostPage(url, async (page) => {
    const sel = 'iframe[data-explainer-embed]';
    const fit = await fitted(page, sel);
    const squash = () => page.$eval(sel, (f) => { f.style.height = '40px'; });
    const height = () => page.$eval(sel, (f) => f.getBoundingClientRect().height);
    await squash();
    for (const message of ['hello', 'pymxPYMxxPYMxheightxPYMx1', 'pymxPYMxotherxPYMxwidthxPYMx600', { type: 'width' }]) {
      await page.$eval(sel, (f, m) => f.contentWindow.postMessage(m, '*'), message);
    }
    await page.waitForTimeout(400);
    assert.equal(await height(), 40, 'other messages do not make it report');
    await page.$eval(sel, (f) => f.contentWindow.postMessage('pymxPYMxxPYMxwidthxPYMx600', '*'));
    await page.waitForFunction(([s, h]) => Math.abs(document.querySelector(s).getBoundingClientRect().height - h) <= 3, [sel, fit.iframe]);
  });
});

test('pym.js from npm: new pym.Parent(...) sizes the iframe, both ways', async () => {
  await host.copy(PYM_PATH, 'pym.v1.min.js');
  const url = await host.page(
    'pym.html',
    `<div id="explainer"></div>
<script src="pym.v1.min.js"></script>
<script>new pym.Parent('explainer', ${JSON.stringify(`${site.url}?embed=context`)}, { title: 'Explainer' });</script>`,
  );
  await withHostPage(url, async (page, record) => {
    const sel = '#explainer iframe';
    const src = await page.$eval(sel, (f) => f.src);
    assert.equal(new URL(src).searchParams.get('childId'), 'explainer', 'pym passes its childId');
    await growsAndShrinks(page, sel);
    assert.deepEqual(record.pageErrors, []);
  });
});

test('pym.js auto-init (data-pym-src) embeds it unchanged, and deep links work in the frame', async () => {
  await host.copy(PYM_PATH, 'pym.v1.min.js');
  const url = await host.page(
    'pym-auto.html',
    `<div id="auto" data-pym-src="${site.url}?embed=context#nurek-case-study"></div>
<script src="pym.v1.min.js"></script>`,
  );
  await withHostPage(url, async (page) => {
    const sel = '#auto iframe';
    await fitted(page, sel);
    const frame = await frameOf(page, sel);
    await frame.waitForFunction(() => document.getElementById('nurek-case-study').open);
    assert.equal(new URL(frame.url()).hash, '#nurek-case-study');
    await fitted(page, sel, { accept: (s) => s.iframe > 600 });
  });
});

test('deep links keep working inside our iframe: a section and a milestone', async () => {
  const url = await host.page(
    'deep.html',
    `<iframe data-explainer-embed title="Context" src="${site.url}?embed=context#background" style="width:100%;border:0"></iframe>
<iframe data-explainer-embed title="Timeline" src="${site.url}?embed=timeline#milestone-scholarships" style="width:100%;border:0"></iframe>
<script src="${site.url}embed.js" async></script>`,
  );
  await withHostPage(url, async (page, record) => {
    const context = await frameOf(page, 'iframe[title=Context]');
    await context.waitForFunction(() => document.getElementById('background').open);
    const timeline = await frameOf(page, 'iframe[title=Timeline]');
    await timeline.waitForFunction(() =>
      document.querySelector('#milestone-scholarships-button')?.getAttribute('aria-expanded') === 'true');
    await fitted(page, 'iframe[title=Context]');
    await fitted(page, 'iframe[title=Timeline]');
    assert.deepEqual(record.pageErrors, []);
  });
});
