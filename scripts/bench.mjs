// `npm run bench`: Vigie's performance figures in real headless Chromium, one line per figure,
// `name value unit`. It reports and never fails on a figure. Needs a build (`npm run build`).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { grantedCopy, launchOptions, root } from './lib/extension.mjs';

const built = join(root, 'extension');
if (!existsSync(join(built, 'manifest.json'))) {
  console.error('extension/ is not built: run `npm run build` first.');
  process.exit(1);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const print = (name, value, unit) =>
  console.log(`${name} ${value.toFixed(unit === 'kb' ? 1 : 1)} ${unit}`);

/** Gzipped size of a built script and every chunk it imports, transitively. */
function gzippedWithImports(entry) {
  const seen = new Set();
  let bytes = 0;
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file);
    bytes += gzipSync(code, { level: 9 }).length;
    for (const m of code.toString().matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      visit(resolve(dirname(file), m[1]));
    }
  };
  visit(entry);
  return bytes / 1024;
}

function pageScript(html) {
  const src = /<script[^>]+src="([^"]+)"/.exec(readFileSync(join(built, html), 'utf8'))[1];
  return resolve(dirname(join(built, html)), src);
}

// The page flags are taken from: paragraphs of distinct sentences.
const sentences = Array.from(
  { length: 40 },
  (_, i) => `Complaint number ${i}: Lumen Coffee charged me twice and never answered.`,
);
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title></head><body>${sentences
  .map((s, i) => `<p id="p${i}">${s}</p>`)
  .join('')}</body></html>`;
const server = createServer((_req, res) => {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(html);
}).listen(0, '127.0.0.1');
await new Promise((r) => server.on('listening', r));
const url = `http://127.0.0.1:${server.address().port}/page.html`;

const ext = grantedCopy();
const profile = mkdtempSync(join(tmpdir(), 'vigie-bench-profile-'));
const context = await chromium.launchPersistentContext(profile, launchOptions(ext));
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const ext0 = await context.newPage();
  await ext0.goto(`chrome-extension://${id}/dashboard/index.html`);
  const page = await context.newPage();
  await page.goto(url);
  await page.bringToFront();
  const [tab] = await worker.evaluate(() =>
    chrome.tabs.query({ active: true, lastFocusedWindow: true }),
  );

  // flag_to_stored_ms: from the menu click (the real listener) to the committed record, timed
  // inside the worker, which polls the database for the new record.
  const flags = [];
  for (let i = 0; i < 21; i++) {
    const text = await page.evaluate((i) => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(`p${i}`));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return getSelection().toString();
    }, i);
    const ms = await worker.evaluate(
      async ({ info, tab }) => {
        const db = await new Promise((ok, fail) => {
          const open = indexedDB.open('vigie');
          open.onsuccess = () => ok(open.result);
          open.onerror = () => fail(open.error);
        });
        const count = () =>
          new Promise((ok) => {
            const request = db.transaction('mentions').objectStore('mentions').count();
            request.onsuccess = () => ok(request.result);
          });
        const before = await count();
        const t0 = performance.now();
        chrome.contextMenus.onClicked.dispatch(info, tab);
        while ((await count()) === before) await new Promise((r) => setTimeout(r, 0));
        const elapsed = performance.now() - t0;
        db.close();
        return elapsed;
      },
      {
        info: {
          menuItemId: 'flag-mention',
          pageUrl: url,
          selectionText: text,
          frameId: 0,
          editable: false,
        },
        tab,
      },
    );
    if (i > 0) flags.push(ms); // the first one also wakes the database: not a steady figure
  }
  print('flag_to_stored_ms', median(flags), 'ms');

  // popup_ready_ms: 1,000 mentions stored (written straight into the database in the stored
  // shape, on the page in front), then the real popup opened through the toolbar action.
  await worker.evaluate(async (url) => {
    const db = await new Promise((ok) => {
      const open = indexedDB.open('vigie');
      open.onsuccess = () => ok(open.result);
    });
    const tx = db.transaction('mentions', 'readwrite');
    for (let i = 0; i < 1000; i++) {
      const at = new Date(Date.now() - i * 60_000).toISOString();
      const quote = `Seeded complaint ${i}`;
      tx.objectStore('mentions').put({
        id: `seed-${i}`,
        url,
        pageTitle: 'Bench',
        site: '127.0.0.1',
        lang: 'en',
        kind: 'selection',
        quote,
        selectors: null,
        linkUrl: null,
        srcUrl: null,
        capturedAt: at,
        captureLimit: null,
        evidence: { captureSha256: '0'.repeat(64), pageCopy: null },
        note: '',
        tags: [],
        tone: 'negative',
        toneSource: 'auto',
        reach: 'medium',
        crisisId: null,
        triagedAt: null,
        updatedAt: at,
        pageKey: url,
        dedupeKey: JSON.stringify([url, 'selection', quote, '', '', '', '']),
        inboxAt: at,
        untriagedAt: at,
      });
    }
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  }, url);
  const ready = [];
  for (let i = 0; i < 15; i++) {
    await page.bringToFront();
    await worker.evaluate(() => chrome.action.openPopup());
    let ms = null;
    for (let tries = 0; ms === null && tries < 400; tries++) {
      ms = await ext0.evaluate(() => {
        const [view] = chrome.extension.getViews({ type: 'popup' });
        const mark = view?.performance.getEntriesByName('vigie-ready')[0];
        return mark ? mark.startTime : null;
      });
      if (ms === null) await new Promise((r) => setTimeout(r, 10));
    }
    await ext0.evaluate(() =>
      chrome.extension.getViews({ type: 'popup' }).forEach((v) => v.close()),
    );
    await new Promise((r) => setTimeout(r, 100));
    if (ms !== null) ready.push(ms);
  }
  print('popup_ready_ms', median(ready), 'ms');
} finally {
  await context.close();
  server.close();
  rmSync(ext, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}

print('popup_js_gz_kb', gzippedWithImports(pageScript('popup/index.html')), 'kb');
print('background_js_gz_kb', gzippedWithImports(join(built, 'background.js')), 'kb');
print('content_js_gz_kb', gzippedWithImports(join(built, 'content.js')), 'kb');
