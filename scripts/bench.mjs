// `npm run bench`: Vigie's performance figures in real headless Chromium, one line per figure,
// `name value unit`. It reports and never fails on a figure. It builds nothing: it measures
// extension/ as built, so run `npm run build` first.
//
// flag_to_stored_ms   median of 20 context-menu flags (distinct selections on a served page):
//                     from firing the menu's real listener in the service worker to the record
//                     being committed, seen by the worker counting the `mentions` store.
// popup_ready_ms      median of 15 openings of the real toolbar popup over that page, with
//                     1,000 more mentions stored on it: from the popup's navigation start to its
//                     first state painted (the `vigie-ready` mark the popup sets then).
// *_js_gz_kb          gzip (level 9) size of the JS a context loads: its entry and every chunk
//                     it imports, transitively.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { grantedCopy, launchOptions, root } from './lib/extension.mjs';

const built = join(root, 'extension');
if (!existsSync(join(built, 'manifest.json'))) {
  console.error(
    'bench: extension/ is not built (no extension/manifest.json): run `npm run build` first.',
  );
  process.exit(1);
}

const FLAGS = 20;
const SEEDED = 1000;
const POPUP_RUNS = 15;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const print = (name, value, unit) => console.log(`${name} ${value.toFixed(1)} ${unit}`);

/** Gzipped size (kB) of a built script and every chunk it imports, statically or dynamically. */
function gzippedWithImports(entry) {
  const seen = new Set();
  let bytes = 0;
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file);
    bytes += gzipSync(code, { level: 9 }).length;
    const text = code.toString();
    const imports = /(?:\bimport|\bfrom)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g;
    for (const [, path] of text.matchAll(imports)) visit(resolve(dirname(file), path));
  };
  visit(entry);
  return bytes / 1024;
}

/** The module script an extension page loads. */
function pageScript(html) {
  const file = join(built, html);
  const src = /<script[^>]+src="([^"]+)"/.exec(readFileSync(file, 'utf8'))[1];
  return resolve(dirname(file), src);
}

// The page flags are taken from: paragraphs of distinct sentences.
const sentences = Array.from(
  { length: FLAGS + 1 },
  (_, i) => `Complaint number ${i}: Lumen Coffee charged me twice and never answered.`,
);
const html =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title></head><body>' +
  sentences.map((s, i) => `<p id="p${i}">${s}</p>`).join('') +
  '</body></html>';
const server = createServer((_req, res) => {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(html);
}).listen(0, '127.0.0.1');
await new Promise((ready) => server.on('listening', ready));
const url = `http://127.0.0.1:${server.address().port}/page.html`;

/** A mention as the product stores it (src/core/model/types.ts), on the bench page. */
function seededMention(i) {
  const at = new Date(Date.now() - (i + 1) * 60_000).toISOString();
  const quote = `Seeded complaint ${i}: the order never came and nobody answers the phone.`;
  return {
    id: randomUUID(),
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
    evidence: {
      captureSha256: createHash('sha256').update(`${url}\n${quote}\n${at}`).digest('hex'),
      pageCopy: null,
    },
    note: '',
    tags: [],
    tone: 'negative',
    toneSource: 'auto',
    reach: 'medium',
    crisisId: null,
    triagedAt: null,
    updatedAt: at,
  };
}

const ext = grantedCopy();
const profile = mkdtempSync(join(tmpdir(), 'vigie-bench-profile-'));
const context = await chromium.launchPersistentContext(profile, launchOptions(ext));
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const extPage = await context.newPage();
  await extPage.goto(`chrome-extension://${id}/dashboard/index.html`);
  await extPage.waitForSelector('body[data-ready="true"]');
  const page = await context.newPage();
  await page.goto(url);
  await page.bringToFront();
  const [tab] = await worker.evaluate(() =>
    chrome.tabs.query({ active: true, lastFocusedWindow: true }),
  );

  // flag_to_stored_ms. The worker opens the database read-only with the raw IndexedDB API and
  // counts the mentions store until the new record is committed (a new read transaction only
  // sees committed writes). The first flag also opens the database and injects the content
  // script for the first time: it is left out, as not a steady figure.
  const flags = [];
  for (let i = 0; i <= FLAGS; i++) {
    const selectionText = await page.evaluate((i) => {
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
          new Promise((ok, fail) => {
            const request = db.transaction('mentions').objectStore('mentions').count();
            request.onsuccess = () => ok(request.result);
            request.onerror = () => fail(request.error);
          });
        try {
          const before = await count();
          const t0 = performance.now();
          chrome.contextMenus.onClicked.dispatch(info, tab);
          while ((await count()) === before) {
            if (performance.now() - t0 > 10_000) return null;
            await new Promise((r) => setTimeout(r, 0));
          }
          return performance.now() - t0;
        } finally {
          db.close();
        }
      },
      {
        info: {
          menuItemId: 'flag-mention',
          pageUrl: url,
          selectionText,
          frameId: 0,
          editable: false,
        },
        tab,
      },
    );
    if (ms === null) throw new Error(`flag ${i} was not stored within 10 s`);
    if (i > 0) flags.push(ms);
  }
  print('flag_to_stored_ms', median(flags), 'ms');

  // popup_ready_ms. 1,000 mentions are stored on the page through the product's own contract:
  // put in the delete-undo buffer (session storage, as deleteMentions leaves them) and brought
  // back by restoreMentions, which checks each record and writes it in its stored form.
  for (let from = 0; from < SEEDED; from += 250) {
    const batch = Array.from({ length: Math.min(250, SEEDED - from) }, (_, k) =>
      seededMention(from + k),
    );
    const reply = await extPage.evaluate(async (mentions) => {
      const token = `${Date.now()}:${crypto.randomUUID()}`;
      await chrome.storage.session.set({ [`undo:${token}`]: mentions });
      return chrome.runtime.sendMessage({
        vigie: 1,
        call: 'restoreMentions',
        args: { undoToken: token },
      });
    }, batch);
    if (!reply?.ok) throw new Error(`seeding failed: ${JSON.stringify(reply)}`);
  }
  const ready = [];
  let shown = '';
  for (let i = 0; i < POPUP_RUNS; i++) {
    await page.bringToFront();
    await worker.evaluate(() => chrome.action.openPopup());
    let ms = null;
    for (let tries = 0; ms === null && tries < 500; tries++) {
      [ms, shown] = await extPage.evaluate(() => {
        const [view] = chrome.extension.getViews({ type: 'popup' });
        const mark = view?.performance.getEntriesByName('vigie-ready')[0];
        return mark ? [mark.startTime, view.document.body.innerText] : [null, ''];
      });
      if (ms === null) await new Promise((r) => setTimeout(r, 10));
    }
    await extPage.evaluate(() =>
      chrome.extension.getViews({ type: 'popup' }).forEach((v) => v.close()),
    );
    await new Promise((r) => setTimeout(r, 100));
    if (ms !== null) ready.push(ms);
  }
  const expected = `(${SEEDED + FLAGS + 1})`;
  if (!shown.includes(expected)) {
    console.error(`bench: the popup did not show the ${expected} mentions of its page.`);
  }
  print('popup_ready_ms', ready.length ? median(ready) : NaN, 'ms');
} finally {
  await context.close();
  server.close();
  rmSync(ext, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}

print('popup_js_gz_kb', gzippedWithImports(pageScript('popup/index.html')), 'kb');
print('background_js_gz_kb', gzippedWithImports(join(built, 'background.js')), 'kb');
print('content_js_gz_kb', gzippedWithImports(join(built, 'content.js')), 'kb');
