// TimelineJS itself, as the reference an imported timeline is checked
// against: its package's own build (node_modules/@knight-lab/timelinejs)
// renders one of its example timelines in headless Chromium, and this
// reads back what it shows: each event's headline and date text in its
// order, and its eras. Nothing outside the local server is fetched (remote
// media are aborted: TimelineJS shows them broken, its text is unchanged).
import path from 'node:path';

import { startServer } from './server.mjs';
import { REPO_ROOT } from './stories.mjs';

export const TIMELINEJS = path.join(REPO_ROOT, 'node_modules', '@knight-lab', 'timelinejs');
export const TEMPLATES = path.join(TIMELINEJS, 'src', 'template');

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/dist/css/timeline.css">
<script src="/dist/js/timeline.js"></script></head>
<body style="margin:0"><div id="timeline-embed" style="width:1280px;height:800px"></div></body></html>`;

/**
 * What TimelineJS shows for the template `name` (a `.json`, or the
 * spreadsheet `.csv`, which TimelineJS reads itself): `{ events: [{ headline,
 * date }], eras: [headline] }`, events in TimelineJS's order.
 */
export async function timelinejsShows(browser, name) {
  const server = await startServer({ root: TIMELINEJS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  const page = await context.newPage();
  const own = new URL(server.url).host;
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host !== own) return route.abort();
    if (url.pathname === '/page.html') return route.fulfill({ contentType: 'text/html', body: PAGE });
    return route.continue();
  });
  try {
    await page.goto(`${server.url}page.html`, { waitUntil: 'load' });
    const source = name.endsWith('.csv')
      ? `${server.url}src/template/${name}`
      : JSON.parse(await (await fetch(`${server.url}src/template/${name}`)).text());
    return await page.evaluate(
      (source) =>
        new Promise((resolve, reject) => {
          const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
          const timeline = new TL.Timeline('timeline-embed', source, { font: 'default' });
          timeline.on('loaded', () =>
            resolve({
              events: timeline._storyslider._slides
                .filter((s) => !s.has.title)
                .map((s) => ({
                  headline: text(s._el.container.querySelector('.tl-headline')),
                  date: text(s._el.container.querySelector('.tl-headline-date')),
                })),
              eras: timeline._timenav._eras.map((e) => text(e._el.container.querySelector('.tl-headline'))),
            }),
          );
          setTimeout(() => reject(new Error('TimelineJS did not load in 30 s')), 30_000);
        }),
      source,
    );
  } finally {
    await context.close();
    await server.close();
  }
}
