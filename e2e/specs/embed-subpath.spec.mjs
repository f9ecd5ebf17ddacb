// A sub-path deploy: the site built with `--public-url /news/explainer/` and
// served only under that path works, assets, embed code and deep links
// included, on its own and embedded in another origin's page.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { useSite } from '../support/browser.mjs';
import { fitted, useHost } from '../support/host.mjs';
import { SUBPATH, subpathDist } from '../support/subpath.mjs';

const site = useSite({ basePath: SUBPATH, root: subpathDist });
const host = useHost();

test('served under /news/explainer/, every asset loads from there', async () => {
  await site.withPage({}, async (page, record) => {
    assert.ok(site.url.endsWith(SUBPATH), site.url);
    assert.deepEqual(record.httpErrors, []);
    assert.deepEqual(record.failedRequests, []);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.consoleErrors, []);
    const paths = record.requests.map((u) => new URL(u).pathname);
    assert.ok(paths.some((p) => p.endsWith('.wasm')), paths.join('\n'));
    assert.ok(paths.every((p) => p.startsWith(SUBPATH)), paths.join('\n'));
    const res = await page.request.get(`${site.url}embed.js`);
    assert.equal(res.status(), 200);
  });
});

test('the embed code points under the sub-path', async () => {
  await site.withPage({}, async (page) => {
    const code = await page.getByLabel('Embed code').inputValue();
    assert.ok(code.includes(`src="${site.url}tajik-japan-tokyo-talks/?embed"`), code);
    assert.ok(code.includes(`<script src="${site.url}embed.js" async>`), code);
  });
});

test('a deep link opens its section under the sub-path', async () => {
  await site.withPage({ path: '#nurek-case-study' }, async (page) => {
    await page.waitForFunction(() => document.getElementById('nurek-case-study').open);
    assert.equal(new URL(page.url()).pathname, SUBPATH);
  });
});

test('embedded from the sub-path on another origin: fitted, deep link kept', async () => {
  const code = await site.withPage({}, async (page) => {
    await page.getByRole('radio', { name: 'Context: why this matters' }).check();
    return page.getByLabel('Embed code').inputValue();
  });
  const url = await host.page('subpath.html', code.replace('?embed=context"', '?embed=context#background"'));
  await site.withPage(
    { path: url, waitForReady: false, ownHost: host.host, alsoOwnHosts: [new URL(site.url).host] },
    async (page, record) => {
      const frame = await (await page.waitForSelector('iframe[data-explainer-embed]')).contentFrame();
      await frame.waitForFunction(() => document.getElementById('background')?.open);
      await fitted(page, 'iframe[data-explainer-embed]', { accept: (s) => s.iframe > 400 });
      assert.deepEqual(record.httpErrors, []);
    },
  );
});
