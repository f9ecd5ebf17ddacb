// How other readers answered: a made-up test story that names a results
// service (server/, started here on loopback) sends each reader's answers
// after a save and shows the tally: two readers see each other counted, a
// change moves the counts, a save made while the service is down (or the
// browser offline) is queued and arrives once it is back, hostile bodies
// are refused with nothing stored, and blocked storage works as before
// without sending anything.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { WCAG_TAGS, blockStorage, useSite, waitForApp } from '../support/browser.mjs';
import { EXPORT_TOKEN, resultsSite, startService } from '../support/results.mjs';
import { freePort } from '../support/server.mjs';

let results;
const site = useSite({
  root: async () => {
    results = resultsSite(await freePort());
    return results.dist;
  },
});

// Started by the first test (the site's server, whose origin the service
// allows, is up only once useSite's hook has run).
let service;
async function ensureService() {
  service ??= await startService(results, { allowOrigin: new URL(site.url).origin });
}
after(async () => {
  await service?.stop();
});

/** A reader: a fresh browser context (its own storage, so its own id). */
const reader = async () => {
  await ensureService();
  return site.open({ path: `${results.slug}/`, alsoOwnHosts: [`127.0.0.1:${results.port}`] });
};

async function answer(page, { visits, services = [] }) {
  const poll = page.locator('#poll');
  await poll.getByRole('radio', { name: visits }).check();
  for (const s of services) await poll.getByRole('checkbox', { name: s }).check();
  await poll.getByRole('button', { name: 'Save my answers' }).click();
}

const readersLine = (page) => page.locator('#poll .ex-poll__readers');

/** Waits until the results line says `text`. */
async function waitForLine(page, text) {
  await page.waitForFunction(
    (want) => document.querySelector('#poll .ex-poll__readers')?.textContent === want,
    text,
    { timeout: 15_000 },
  );
}

/** `{choice id: [share text, bar value, marked as mine]}` for a question. */
const shares = (page, question) =>
  page.evaluate((q) => {
    const out = {};
    for (const li of document.querySelectorAll(`#poll ul[data-ex-q="${q}"] li`)) {
      out[li.dataset.exChoice] = [
        li.querySelector('.ex-poll__share').textContent,
        Number(li.querySelector('meter').getAttribute('value')),
        !li.querySelector('.ex-poll__mine').hidden,
      ];
    }
    return out;
  }, question);

const tally = async () => (await fetch(`${results.origin}/v1/polls/${results.slug}/results`)).json();

test('two readers answer and each sees the other counted; a change moves the counts', async () => {
  const a = await reader();
  const b = await reader();
  try {
    await answer(a.page, { visits: 'Every week', services: ['Book lending'] });
    await waitForLine(a.page, '1 reader has answered so far.');
    // The share as text and as a bar, the reader's own choice marked in words.
    assert.deepEqual((await shares(a.page, 'visits')).weekly, ['100% (1)', 100, true]);
    assert.deepEqual((await shares(a.page, 'visits')).monthly, ['0% (0)', 0, false]);
    const section = a.page.getByRole('region', { name: 'How readers answered' });
    assert.ok(await section.isVisible());
    // The number is said politely: the line is a status region.
    assert.equal(await readersLine(a.page).getAttribute('role'), 'status');
    // Free text never comes back: the text question has no results list.
    assert.equal(await a.page.locator('#poll ul[data-ex-q="wish"]').count(), 0);

    await answer(b.page, { visits: 'Every month' });
    await waitForLine(b.page, '2 readers have answered so far.');
    const seenByB = await shares(b.page, 'visits');
    assert.deepEqual(seenByB.weekly, ['50% (1)', 50, false]);
    assert.deepEqual(seenByB.monthly, ['50% (1)', 50, true]);
    // Reader A, back later, sees B counted.
    await a.page.reload();
    await waitForApp(a.page);
    await waitForLine(a.page, '2 readers have answered so far.');
    assert.deepEqual((await shares(a.page, 'services')).lending, ['100% (1)', 100, true]);

    // B changes their answer: the counts follow, and no one is counted twice.
    await b.page.getByRole('button', { name: 'Change my answers' }).click();
    await answer(b.page, { visits: 'Every week' });
    await b.page.waitForFunction(
      () => document.querySelector('#poll li[data-ex-choice="weekly"] .ex-poll__share')?.textContent === '100% (2)',
    );
    assert.deepEqual((await shares(b.page, 'visits')).monthly, ['0% (0)', 0, false]);
    const t = await tally();
    assert.equal(t.readers, 2);
    assert.deepEqual(t.questions.visits.choices, { weekly: 2, monthly: 0, rarely: 0, never: 0 });

    // A clears: out of the count.
    await a.page.getByRole('button', { name: 'Clear my answers' }).click();
    await a.page.getByRole('button', { name: 'Yes, clear them' }).click();
    await assertEventually(async () => (await tally()).readers === 1, 'the clear reached the service');

    for (const { page, record } of [a, b]) {
      const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      assert.deepEqual(axe.violations.map((v) => v.id), []);
      assert.deepEqual(record.pageErrors, []);
      assert.deepEqual(record.consoleErrors, []);
      assert.deepEqual(record.foreignRequests, []);
    }
  } finally {
    await a.close();
    await b.close();
  }
});

async function assertEventually(check, what, timeout = 10_000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out waiting until ${what}`);
}

test('a save made while the service is down is queued, and arrives when it is back', async () => {
  await ensureService();
  const before = (await tally()).readers;
  await service.stop();
  const c = await reader();
  try {
    await answer(c.page, { visits: 'Rarely' });
    // Saved here; the reader is told the results come later.
    await waitForLine(
      c.page,
      'Your answers are kept in this browser. The results will appear once your answers reach the results service.',
    );
    assert.equal(
      await c.page.evaluate((slug) => localStorage.getItem(`explainer:results-pending:${slug}`), results.slug),
      '1',
    );
    assert.ok(await c.page.getByText('Saved. Your answers are kept in this browser.').isVisible());

    await service.start();
    // The next visit sends the queued answers, then shows the results.
    await c.page.reload();
    await waitForApp(c.page);
    await waitForLine(c.page, `${before + 1} ${before + 1 === 1 ? 'reader has' : 'readers have'} answered so far.`);
    assert.deepEqual((await shares(c.page, 'visits')).rarely.slice(1), [await rarelyPercent(), true]);
    assert.equal(
      await c.page.evaluate((slug) => localStorage.getItem(`explainer:results-pending:${slug}`), results.slug),
      null,
    );
    assert.equal((await tally()).questions.visits.choices.rarely, 1);
  } finally {
    await c.close();
  }
});

async function rarelyPercent() {
  const t = await tally();
  const q = t.questions.visits;
  return Math.round((100 * q.choices.rarely) / q.answered);
}

test('offline, a save is queued and sent when the browser is back online', async () => {
  const d = await reader();
  try {
    await d.context.setOffline(true);
    await answer(d.page, { visits: 'Never' });
    await waitForLine(
      d.page,
      'Your answers are kept in this browser. The results will appear once your answers reach the results service.',
    );
    await d.context.setOffline(false);
    await d.page.waitForFunction(
      () => /answered so far/.test(document.querySelector('#poll .ex-poll__readers')?.textContent ?? ''),
      null,
      { timeout: 15_000 },
    );
    assert.equal((await tally()).questions.visits.choices.never, 1);
    assert.deepEqual((await shares(d.page, 'visits')).never[2], true);
  } finally {
    await d.close();
  }
});

test('hostile bodies are refused with a JSON error and nothing is stored', async () => {
  await ensureService();
  const url = `${results.origin}/v1/polls/${results.slug}/answers`;
  const id = '0f8d5a52-7c1e-4b8e-9d3f-2a6b4c8e1f00';
  const post = (body, type = 'application/json') =>
    fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
  const beforeTally = await tally();
  const cases = [
    [JSON.stringify({ reader: id, answers: { wish: { text: '<script>alert(1)</script>' } } }), 422, 'markup-in-text'],
    [JSON.stringify({ reader: id, answers: { wish: { text: 'x'.repeat(1 << 20) } } }), 413, 'too-large'],
    [JSON.stringify({ reader: id, answers: { visits: { choices: ['daily'] } } }), 422, 'unknown-choice'],
    [JSON.stringify({ reader: id, answers: { 'no-such-question': { choices: ['weekly'] } } }), 422, 'unknown-question'],
    [JSON.stringify({ reader: 'not-a-uuid', answers: {} }), 422, 'reader-malformed'],
    ['{"reader":', 400, 'malformed-json'],
  ];
  for (const [body, status, code] of cases) {
    const r = await post(body);
    assert.equal(r.status, status, code);
    assert.equal(r.headers.get('set-cookie'), null);
    assert.equal((await r.json()).error.code, code);
  }
  const other = await fetch(`${results.origin}/v1/polls/no-such-story/answers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reader: id, answers: {} }),
  });
  assert.equal(other.status, 404);
  assert.deepEqual(await tally(), beforeTally);
  const csv = await (
    await fetch(`${results.origin}/v1/polls/${results.slug}/export.csv`, {
      headers: { authorization: `Bearer ${EXPORT_TOKEN}` },
    })
  ).text();
  assert.ok(!csv.includes('script') && !csv.includes(id), csv);
  // Another site's pages may not call the service.
  const foreign = await fetch(url, {
    method: 'OPTIONS',
    headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
  });
  assert.equal(foreign.headers.get('access-control-allow-origin'), null);
});

test('the page connects to its results service and nothing else; blocked storage sends nothing', async () => {
  await ensureService();
  const e = await site.open({
    path: `${results.slug}/`,
    alsoOwnHosts: [`127.0.0.1:${results.port}`],
    waitForReady: false,
  });
  try {
    await blockStorage(e.page);
    await e.page.reload();
    await waitForApp(e.page);
    const csp = await e.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, new RegExp(`connect-src 'self' ${results.origin};`));
    assert.ok(await e.page.getByText('Privacy: your answers are kept in this browser and sent').isVisible());
    const sent = [];
    e.page.on('request', (r) => {
      if (r.url().startsWith(results.origin)) sent.push(r.url());
    });
    await answer(e.page, { visits: 'Every week' });
    await e.page.getByText('Your answers are shown below.', { exact: false }).first().waitFor();
    await e.page.waitForTimeout(500);
    assert.deepEqual(sent, []);
    assert.ok(await e.page.locator('#poll .ex-poll__results').isHidden());
    assert.deepEqual(e.record.pageErrors, []);
  } finally {
    await e.close();
  }
  // The real story names no service: its policy connects to the site only.
  await site.withPage({ path: '' }, async (page) => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /connect-src 'self';/);
    assert.equal(await page.locator('#poll .ex-poll__results').count(), 0);
  });
});
