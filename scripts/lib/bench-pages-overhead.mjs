// page_overhead_ms of `npm run bench -- --pages`: each page loaded in three browsers with the
// built extension, monitoring switched off, on, and off, once each, as the settings screen does
// (the `setMonitoring` call of the background's contract; the copy of the build is granted
// access to pages at install, standing in for the user's "Allow", as in
// test/e2e/monitoring.e2e.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { grantedCopy, launchOptions } from './extension.mjs';
import { NO_NETWORK } from './bench-pages-serve.mjs';

/** The three browsers: monitoring off, on, and off again (the control). */
const MODES = ['off', 'on', 'control'];
/** Every order of the three, one per run in turn: no mode always follows another. */
const ORDERS = MODES.flatMap((a) =>
  MODES.filter((b) => b !== a).map((b) => [a, b, MODES.find((c) => c !== a && c !== b)]),
);

/** Longest wait for the monitoring script's first report of a page. */
const REPORT_TIMEOUT_MS = 30_000;

/**
 * Trace categories: tasks, script evaluations and calls (with their files), content-script
 * injections (with their extension), load marks.
 */
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'extensions', 'blink.user_timing'];

/** Starts a DevTools trace of a tab; `end()` stops it and gives its events. */
async function startTrace(cdp) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES } });
  return {
    async end() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      return events;
    },
  };
}

/**
 * Main-thread time (ms) extension `id` spent in the page before its load event ended: its
 * content scripts' injections (the script's own world created, then the script run), and the
 * calls of its files (say, a load listener), the outermost of each nest, that started before the
 * main frame's load mark. 0 for a page with none.
 */
export function scriptTimeBeforeLoad(events, id) {
  const load = events.find((e) => e.name === 'MarkLoad' && e.args?.data?.isOutermostMainFrame);
  if (!load) throw new Error('the trace has no load mark of the page');
  const prefix = `chrome-extension://${id}/`;
  const ours = (e) =>
    e.name === 'ScriptInjection::InjectJs'
      ? e.args?.chrome_extension_id?.extension_id === id
      : (e.name === 'EvaluateScript' || e.name === 'FunctionCall') &&
        String(e.args?.data?.url ?? '').startsWith(prefix);
  const spans = events
    .filter((e) => e.ph === 'X' && e.tid === load.tid && e.ts < load.ts && ours(e))
    .sort((a, b) => a.ts - b.ts);
  let total = 0;
  let until = -Infinity;
  for (const e of spans) {
    if (e.ts + (e.dur ?? 0) <= until) continue; // nested in one counted already
    total += e.dur ?? 0;
    until = e.ts + (e.dur ?? 0);
  }
  return total / 1000;
}

/**
 * A browser with the built extension (granted access to pages) and monitoring switched `on`
 * or off once, for the whole run: switching before each load would count the switch's own work
 * (the registration saved, every renderer told) against that load.
 */
async function openBrowser(extension, on) {
  const profile = mkdtempSync(join(tmpdir(), 'vigie-bench-pages-'));
  const options = launchOptions(extension);
  const context = await chromium.launchPersistentContext(profile, {
    ...options,
    args: [...options.args, NO_NETWORK],
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(first.url()).host;
    /** The extension's worker now (the browser may have stopped and restarted it). */
    const worker = async () =>
      context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`)) ??
      (await context.waitForEvent('serviceworker'));
    const extPage = await context.newPage();
    await extPage.goto(`chrome-extension://${id}/dashboard/index.html#settings`);
    await extPage.waitForSelector('body[data-ready="true"]');
    const call = async (name, args) => {
      const reply = await extPage.evaluate(
        ([name, args]) => chrome.runtime.sendMessage({ vigie: 1, call: name, args }),
        [name, args],
      );
      if (!reply?.ok) throw new Error(`${name} failed: ${JSON.stringify(reply)}`);
      return reply.value;
    };
    const state = await call('setMonitoring', { on });
    if (state.settings.monitoring !== on) throw new Error(`monitoring did not turn ${on}`);
    return { context, id, worker, call, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Loads each page `runs` times in each of three browsers with the built extension: monitoring
 * off, on, and off again (the control: how far two identical browsers differ), in an order that
 * changes run to run, after one load in each that is not counted, the watchlist set to that
 * page's terms. Each load gives `load` (navigation start to the load event's end), `ready`
 * (off: the same; on: to the load event's end or to the monitoring script's first report,
 * whichever comes last: the report leaves the page once its scan is idle, and the background's
 * clock, on the same machine, says when it arrives), `busy` (the tab's main-thread time over the
 * load, from the DevTools protocol) and `beforeLoad` (scriptTimeBeforeLoad, from a trace of the
 * load: every load is traced alike). Returns the three lists of loads by page; a page that
 * fails goes to `onError`.
 */
export async function measureOverhead({ server, pages, runs, onError }) {
  const extension = grantedCopy({ allUrls: true });
  const browsers = [];
  const results = new Map();
  try {
    browsers.push(
      await openBrowser(extension, false),
      await openBrowser(extension, true),
      await openBrowser(extension, false),
    );
    const [offBrowser, onBrowser, controlBrowser] = browsers;

    /** When each monitoring report reached the background (epoch ms), by page address. */
    const reportedAt = async (url) =>
      (await onBrowser.worker()).evaluate((url) => {
        const scope = globalThis;
        if (!scope.__vigieBenchReports) {
          scope.__vigieBenchReports = [];
          // Listens beside Vigie's own listener, answers nothing: Vigie's answer stands.
          chrome.runtime.onMessage.addListener((message, sender) => {
            if (message?.vigie === 1 && message.call === 'monitorReport') {
              const at = performance.timeOrigin + performance.now();
              scope.__vigieBenchReports.push({ url: sender.url, at });
            }
          });
        }
        return scope.__vigieBenchReports.find((r) => r.url === url)?.at ?? null;
      }, url);

    let loads = 0;
    /**
     * One load, in a tab of its own: its load event's end, when it was ready, and the main-thread
     * time of the tab's renderer over it. Chromium may commit the page in a new renderer, whose
     * count starts afresh: the count before is taken on the new tab's blank page, near zero.
     */
    const load = async (file, mode) => {
      const on = mode === 'on';
      const { context, id } = { off: offBrowser, on: onBrowser, control: controlBrowser }[mode];
      const url = `${server.url(file)}?load=${++loads}`;
      if (on) await reportedAt(url);
      const tab = await context.newPage();
      try {
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Performance.enable');
        const busy = async () => {
          const { metrics } = await cdp.send('Performance.getMetrics');
          return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
        };
        const busyBefore = await busy();
        const trace = await startTrace(cdp);
        await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
        const nav = await tab.evaluate(() => ({
          origin: performance.timeOrigin,
          load: performance.getEntriesByType('navigation')[0].loadEventEnd,
        }));
        let ready = nav.load;
        if (on) {
          const deadline = Date.now() + REPORT_TIMEOUT_MS;
          let at = await reportedAt(url);
          while (at === null) {
            if (Date.now() > deadline) throw new Error('no monitoring report within 30 s');
            await new Promise((r) => setTimeout(r, 10));
            at = await reportedAt(url);
          }
          ready = Math.max(nav.load, at - nav.origin);
        }
        // Both modes read the main-thread time once the page has painted and gone idle after
        // being ready, so that the frames after the load count in both.
        await tab.evaluate(
          () =>
            new Promise((settled) =>
              requestAnimationFrame(() =>
                requestAnimationFrame(() =>
                  requestIdleCallback(() => settled(), { timeout: 1000 }),
                ),
              ),
            ),
        );
        const busyAfter = await busy();
        const events = await trace.end();
        return {
          load: nav.load,
          ready,
          busy: busyAfter - busyBefore,
          beforeLoad: scriptTimeBeforeLoad(events, id),
        };
      } finally {
        await tab.close();
      }
    };

    for (const { file, terms } of pages) {
      try {
        const watchlist = terms.map((term, i) => ({ id: `t${i}`, term, aliases: [] }));
        for (const browser of browsers)
          await browser.call('updateSettings', { patch: { watchlist } });
        for (const mode of MODES) await load(file, mode);
        const runsOf = { off: [], on: [], control: [] };
        // Each run loads the page in the three browsers, in an order that changes run to run.
        for (let i = 0; i < runs; i++) {
          for (const mode of ORDERS[i % ORDERS.length]) runsOf[mode].push(await load(file, mode));
        }
        results.set(file, runsOf);
      } catch (error) {
        onError(file, error);
      }
    }
  } finally {
    for (const browser of browsers) await browser.close();
    rmSync(extension, { recursive: true, force: true });
  }
  return results;
}
