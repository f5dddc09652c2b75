// The worker's side of `npm run bench -- --feeds`: Vigie's built extension in headless
// Chromium, 50 feed sources added (the saved feeds of DIR served on 127.0.0.1, each file under
// several addresses) and each read at once as "Add" does; the service worker's JS heap is
// measured through the DevTools protocol, after a garbage collection, before and after.
//
// sw_heap_no_feeds_mb    the worker's used JS heap with no source.
// sw_heap_50_feeds_mb    the same after 50 sources were added and read.
// feed_add_read_ms       median time of one addFeed call (a source stored, fetched, parsed,
//                        matched against the watchlist, its sightings written).
// background_gz_kb       gzip (level 9) size of the built background.js, the parser in it.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { grantedCopy, launchOptions, listenLocally, root } from './extension.mjs';

const SOURCES = 50;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A DevTools session to the extension's service worker, through a page's session. */
async function workerSession(context, page) {
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker');
  if (!worker) throw new Error('no service worker target');
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: false,
  });
  let next = 1;
  const waiting = new Map();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const done = waiting.get(message.id);
    if (!done) return;
    waiting.delete(message.id);
    if (message.error) done.reject(new Error(message.error.message));
    else done.resolve(message.result);
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  return { send, detach: () => cdp.detach() };
}

/** The worker's used JS heap in MB, after a garbage collection. */
async function heapMb(session) {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize / 1_048_576;
}

/** Measures the worker with 50 sources made of the feed files of `dir`; prints its figures. */
export async function benchFeedWorker(dir, files) {
  console.log(
    `background_gz_kb ${(gzipSync(readFileSync(join(root, 'extension/background.js')), { level: 9 }).length / 1024).toFixed(1)} kB`,
  );
  const feeds = files.filter((name) => readdirSync(dir).includes(name));
  const server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').split('?')[0].slice(1));
    if (!feeds.includes(name)) {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader('content-type', name.endsWith('.json') ? 'application/json' : 'application/xml');
    res.end(readFileSync(join(dir, name)));
  });
  const { base, close } = await listenLocally(server);
  const ext = grantedCopy();
  const profile = mkdtempSync(join(tmpdir(), 'vigie-bench-feeds-'));
  const context = await chromium.launchPersistentContext(profile, launchOptions(ext));
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/dashboard/index.html#feeds`);
    await page.waitForSelector('body[data-ready="true"]');
    const call = (name, args) =>
      page.evaluate(
        async ([name, args]) => {
          const reply = await chrome.runtime.sendMessage({ vigie: 1, call: name, args });
          if (!reply?.ok) throw new Error(`${name}: ${JSON.stringify(reply?.error)}`);
          return reply.value;
        },
        [name, args],
      );
    // Terms the saved feeds name, so that reads find sightings to write as users' would.
    await call('updateSettings', {
      patch: {
        watchlist: ['Google', 'Apple', 'Reddit', 'YouTube', 'Berlin', 'Moscou'].map((term, i) => ({
          id: `t${i}`,
          term,
          aliases: [],
        })),
      },
    });
    const session = await workerSession(context, page);
    try {
      console.log(`sw_heap_no_feeds_mb ${(await heapMb(session)).toFixed(1)} MB`);
      const times = [];
      for (let i = 0; i < SOURCES; i++) {
        const url = `${base}${feeds[i % feeds.length]}?copy=${i}`;
        const start = performance.now();
        await call('addFeed', { spec: { kind: 'url', url } });
        times.push(performance.now() - start);
      }
      console.log(`sw_heap_50_feeds_mb ${(await heapMb(session)).toFixed(1)} MB`);
      console.log(`feed_add_read_ms ${median(times).toFixed(1)} ms`);
    } finally {
      await session.detach();
    }
  } finally {
    await context.close();
    await close();
    rmSync(ext, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
