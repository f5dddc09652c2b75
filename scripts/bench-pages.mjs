// `npm run bench -- --pages [DIR]`: Vigie's monitoring on real saved web pages, side by side with
// a peer library where there is one, in real headless Chromium. DIR holds the pages (*.html;
// default ../shared/fixtures/pages beside the checkout; skipped with a message when absent).
// Each page is served on 127.0.0.1 with its scripts stripped and the network cut off
// (scripts/lib/bench-pages-serve.mjs). One line per page, `name value unit page=FILE`, then the
// median over the pages, `name value unit`; a peer's figure starts with the peer's name. It
// reports and never fails on a figure: a page that fails prints `# FILE: error …` and the run
// goes on; `#` lines note what a figure alone does not say.
//
// page_read_ms            what monitoring does in every page it watches, whatever is watched:
//                         the page read (src/content/read-page.ts: its text, where a reader sees
//                         it, its blocks). Median of 3, each on a fresh load. The watchlist
//                         never enters the page: the terms are found in the background.
// scan_highlight_ms       Vigie finding and highlighting every occurrence of 50 watched terms
//                         (the page's 50 most frequent words of 5+ letters, stopwords left out)
//                         through its own paths: the page read, the terms found in it (as the
//                         background finds them), each occurrence highlighted (as "Show on the
//                         page" does): from the call to the frame painted. Median of 3.
// markjs_scan_highlight_ms  mark.js marking the same terms, whole words ("exactly", punctuation
//                         as word ends), case and accents ignored, the same elements left out:
//                         from the call to the frame painted with the marks. Median of 3.
// scan_match_count        matches each found (markjs_match_count); where they differ, a `#`
//                         line says whether the text Vigie does not scan (hidden) explains it.
// reanchor_ms             20 sentences of 40–200 characters sampled from the page's visible
//                         text (evenly, in document order), described with Vigie's selectors
//                         as a right-click does, found again on a fresh load by Vigie's
//                         re-anchoring (one index of the page, then each quote's range): all 20.
//                         Median of 3. reanchor_found_pct: how many were found (a range whose
//                         text is the quote).
// dom_anchor_text_quote_reanchor_ms / _found_pct  the same with dom-anchor-text-quote's toRange
//                         (exact, prefix and suffix cut to its 32-character limit, position as
//                         its hint).
// revisit_found_pct       100 quotes sampled as above from the lifehacker article before its
//                         comments loaded, looked for in the same article after: of those whose
//                         exact text is on the second page, the percentage Vigie finds there
//                         (dom_anchor_text_quote_revisit_found_pct: the peer's).
// page_load_ms            navigation start to the load event's end, in the built extension
//                         (`npm run build` first) with monitoring off; watchlist: the page's 50
//                         terms. Median of 8, each in a new tab, in turn with the loads below.
// page_overhead_ms        the load with monitoring on minus the load with it off (the load
//                         event's end, medians of 8 each, in two browsers, each switched once):
//                         how much monitoring delays the page's load. Before the load event,
//                         monitoring runs only monitor-start.js (300 bytes: it waits for the
//                         load, then asks for the watch).
// page_overhead_control_ms  the same difference between two browsers both with monitoring off,
//                         measured in the same runs: what the measure gives when there is no
//                         difference at all, i.e. its noise on this machine. page_load_iqr_ms:
//                         the interquartile range of the loads with monitoring off.
// page_overhead_scripts_ms  what that noise hides, measured directly: the main-thread time
//                         Vigie spent in the page before its load event ended (DevTools trace:
//                         its content script's injection, the script's own world created and
//                         the script run, and calls of its files), on minus off.
// monitor_report_ms       with monitoring on, from the load event's end to the monitoring
//                         script's first report (sent once its scan of the page is idle): when
//                         the popup can list the page's sightings.
// page_overhead_main_thread_ms  how much more main-thread time the tab's renderer spends on the
//                         load, from navigation to painted and idle once ready (DevTools
//                         protocol, TaskDuration): what monitoring costs the page in work, idle
//                         time or not.
// content_js_gz_kb        gzip (level 9) size of what monitoring adds to every page:
//                         extension/monitor-start.js (registered) and monitor.js (added once the
//                         page has loaded); content_js_raw_kb their size as built;
//                         monitor_start_js_gz_kb the part that runs before the load.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { measureOverhead } from './lib/bench-pages-overhead.mjs';
import { browserOptions, pageFiles, servePages } from './lib/bench-pages-serve.mjs';
import { root } from './lib/extension.mjs';

const TERMS = 50;
const QUOTES = 20;
/** Quotes sampled on the first page of the revisit pair: more, since some are not on the second. */
const REVISIT_QUOTES = 100;
const RUNS = 3;
/** Loads of each page in each browser (off, on, control): a load's time is noisy. */
const OVERHEAD_RUNS = 8;
/** The longest a single measure may take before the page is counted as failed. */
const STEP_TIMEOUT_MS = 60_000;
const REVISIT = ['readability-lifehacker-working', 'readability-lifehacker-post-comment-load'];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** Interquartile range (nearest ranks): how far a load's time wanders run to run. */
const iqr = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
  return at(0.75) - at(0.25);
};
const format = (value, unit) => (unit === 'count' ? String(Math.round(value)) : value.toFixed(1));
const line = (name, value, unit, file) =>
  console.log(`${name} ${format(value, unit)} ${unit}${file ? ` page=${file}` : ''}`);
const reason = (error) => String(error?.message ?? error).split('\n')[0];

/** The pages' directory of the command line: `--pages DIR`, `--pages=DIR`, or the default. */
export function pagesDir(args) {
  const at = args.findIndex((a) => a === '--pages' || a.startsWith('--pages='));
  const flag = args[at] ?? '';
  const next = args[at + 1];
  const given = flag.startsWith('--pages=')
    ? flag.slice('--pages='.length)
    : next && !next.startsWith('--')
      ? next
      : undefined;
  // npm runs scripts from the package root; a DIR typed by the user is from where they typed it.
  return given
    ? resolve(process.env.INIT_CWD ?? process.cwd(), given)
    : resolve(root, '../shared/fixtures/pages');
}

/** The in-page half of the benchmark (scripts/lib/bench-pages-probe.ts) as one classic script. */
async function bundleProbe() {
  const bundled = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2022',
      lib: {
        entry: join(root, 'scripts/lib/bench-pages-probe.ts'),
        formats: ['iife'],
        name: 'VigieBenchPages',
      },
    },
  });
  return (Array.isArray(bundled) ? bundled[0] : bundled).output[0].code;
}

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`${what} took over ${STEP_TIMEOUT_MS / 1000} s`)),
      STEP_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The page-side measures, one browser for them all. Each measure runs on a fresh load of the
 * page, so that no peer benefits from another's work on the DOM (or pays for it).
 */
async function measurePages(server, files, onError) {
  const probe = await bundleProbe();
  const monitorCss = readFileSync(join(root, 'src/content/monitor.css'), 'utf8');
  const browser = await chromium.launch(browserOptions());
  let page = await browser.newPage();
  /** Loads `file` afresh with the probe, and runs `fn(VigieBenchPages, arg)` in it. */
  const inFresh = async (file, fn, arg, options = {}) => {
    const run = async () => {
      await page.goto(server.url(file), { waitUntil: 'load', timeout: STEP_TIMEOUT_MS });
      await page.addScriptTag({ content: probe });
      if (options.css) await page.addStyleTag({ content: monitorCss });
      return page.evaluate(fn, arg);
    };
    try {
      return await withTimeout(run(), `${file}: a measure`);
    } catch (error) {
      // A page stuck in a measure is left behind; the next one gets a new tab.
      await page.close().catch(() => {});
      page = await browser.newPage();
      throw error;
    }
  };

  const results = new Map();
  try {
    for (const file of files) {
      try {
        const { terms, samples, allText } = await inFresh(
          file,
          ([terms, quotes]) => {
            const probe = globalThis.VigieBenchPages;
            const picked = probe.pickTerms(terms);
            return {
              terms: picked,
              samples: probe.sampleQuotes(quotes),
              allText: probe.matchesInAllText(picked),
            };
          },
          [TERMS, QUOTES],
        );
        const vigie = [];
        const markjs = [];
        const reads = [];
        for (let i = 0; i < RUNS; i++) {
          reads.push(await inFresh(file, () => globalThis.VigieBenchPages.vigieReadPage()));
          vigie.push(
            await inFresh(
              file,
              (terms) => globalThis.VigieBenchPages.vigieScanHighlight(terms),
              terms,
              {
                css: true,
              },
            ),
          );
          markjs.push(
            await inFresh(
              file,
              (terms) => globalThis.VigieBenchPages.markjsScanHighlight(terms),
              terms,
            ),
          );
        }
        const anchored = [];
        const peer = [];
        for (let i = 0; i < RUNS; i++) {
          anchored.push(
            await inFresh(file, (s) => globalThis.VigieBenchPages.vigieReanchor(s), samples),
          );
          peer.push(
            await inFresh(file, (s) => globalThis.VigieBenchPages.peerReanchor(s), samples),
          );
        }
        results.set(file, { terms, samples, allText, reads, vigie, markjs, anchored, peer });
      } catch (error) {
        onError(file, error);
      }
    }

    // The revisit pair: quotes of the first page looked for on the second.
    const [before, after] = REVISIT.map((name) => files.find((f) => f.startsWith(`${name}.`)));
    let revisit = null;
    if (before && after) {
      try {
        const sampled = await inFresh(
          before,
          (n) => globalThis.VigieBenchPages.sampleQuotes(n),
          REVISIT_QUOTES,
        );
        const holds = await inFresh(after, (s) => globalThis.VigieBenchPages.textHolds(s), sampled);
        const shared = sampled.filter((_, i) => holds[i]);
        const vigie = await inFresh(
          after,
          (s) => globalThis.VigieBenchPages.vigieReanchor(s),
          shared,
        );
        const peer = await inFresh(
          after,
          (s) => globalThis.VigieBenchPages.peerReanchor(s),
          shared,
        );
        revisit = { before, after, sampled: sampled.length, shared: shared.length, vigie, peer };
      } catch (error) {
        onError(`${before} → ${after}`, error);
      }
    }
    return { results, revisit };
  } finally {
    await browser.close();
  }
}

/** Prints one figure: a line per page that has it, then the median over those pages. */
function figure(name, unit, perPage) {
  const values = [];
  for (const [file, value] of perPage) {
    if (value === undefined || Number.isNaN(value)) continue;
    line(name, value, unit, file);
    values.push(value);
  }
  if (values.length > 0) line(name, median(values), unit);
}

/** Runs the page benchmark on the pages of `dir` (printing why not when there are none). */
export async function benchPages(dir) {
  if (!existsSync(dir) || pageFiles(dir).length === 0) {
    console.log(
      `page benchmark skipped: ${dir} ${existsSync(dir) ? 'holds no .html page' : 'does not exist'} ` +
        '(the saved pages come with ../shared/fixtures/pages, beside the checkout).',
    );
    return;
  }
  const onError = (file, error) => console.log(`# ${file}: error ${reason(error)}`);
  const server = await servePages(dir);
  try {
    const { results, revisit } = await measurePages(server, server.files, onError);
    const each = (pick) => [...results].map(([file, r]) => [file, pick(r)]);
    const pct = (found, of) => (of === 0 ? NaN : (100 * found) / of);

    figure(
      'page_read_ms',
      'ms',
      each((r) => median(r.reads.map((m) => m.ms))),
    );
    figure(
      'scan_highlight_ms',
      'ms',
      each((r) => median(r.vigie.map((m) => m.ms))),
    );
    figure(
      'markjs_scan_highlight_ms',
      'ms',
      each((r) => median(r.markjs.map((m) => m.ms))),
    );
    figure(
      'scan_match_count',
      'count',
      each((r) => r.vigie[0].matches),
    );
    figure(
      'markjs_match_count',
      'count',
      each((r) => r.markjs[0].matches),
    );
    for (const [file, r] of results) {
      const [vigie, markjs] = [r.vigie[0], r.markjs[0]];
      if (vigie.matches !== markjs.matches) {
        const why =
          r.allText === markjs.matches
            ? `mark.js also marks the ${markjs.matches - vigie.matches} in text Vigie's scan leaves out (not shown)`
            : `in all the text mark.js reads, hidden included, Vigie's matcher finds ${r.allText}: ` +
              'the two also disagree on some word ends or accents';
        console.log(
          `# ${file}: match counts differ: Vigie ${vigie.matches}, mark.js ${markjs.matches}; ${why}`,
        );
      }
      if (vigie.highlighted < vigie.matches) {
        console.log(
          `# ${file}: Vigie highlights ${vigie.highlighted} of its ${vigie.matches} matches (it keeps 2,000 highlights at most)`,
        );
      }
    }

    figure(
      'reanchor_ms',
      'ms',
      each((r) => median(r.anchored.map((m) => m.ms))),
    );
    figure(
      'reanchor_found_pct',
      '%',
      each((r) => pct(r.anchored[0].found, r.samples.length)),
    );
    figure(
      'dom_anchor_text_quote_reanchor_ms',
      'ms',
      each((r) => median(r.peer.map((m) => m.ms))),
    );
    figure(
      'dom_anchor_text_quote_reanchor_found_pct',
      '%',
      each((r) => pct(r.peer[0].found, r.samples.length)),
    );
    for (const [file, r] of results) {
      if (r.samples.length < QUOTES) {
        console.log(`# ${file}: ${r.samples.length} sentences of 40–200 characters to sample`);
      }
    }

    if (revisit) {
      const { methods } = revisit.vigie;
      console.log(
        `# revisit: ${revisit.shared} of ${revisit.sampled} quotes sampled from ${revisit.before} are on ${revisit.after} as they were; Vigie found ${methods.exact} in their context, ${methods.quote} by the quote alone, ${methods.fuzzy} approximately`,
      );
      line('revisit_found_pct', pct(revisit.vigie.found, revisit.shared), '%');
      line('dom_anchor_text_quote_revisit_found_pct', pct(revisit.peer.found, revisit.shared), '%');
    } else {
      console.log(
        `revisit_found_pct skipped: ${REVISIT.join('.html and ')}.html are not both in ${dir}`,
      );
    }

    if (!existsSync(join(root, 'extension/manifest.json'))) {
      console.log(
        'page_overhead_ms and content_js_gz_kb skipped: extension/ is not built: run `npm run build` first.',
      );
      return;
    }
    const overhead = await measureOverhead({
      server,
      pages: [...results].map(([file, r]) => ({ file, terms: r.terms })),
      runs: OVERHEAD_RUNS,
      onError,
    });
    const of = (runs, key) => median(runs.map((run) => run[key]));
    const overheads = [...overhead].map(([file, { off, on, control }]) => [
      file,
      {
        load: of(off, 'load'),
        overhead: of(on, 'load') - of(off, 'load'),
        control: of(control, 'load') - of(off, 'load'),
        report: median(on.map((run) => run.ready - run.load)),
        busy: of(on, 'busy') - of(off, 'busy'),
        scripts: of(on, 'beforeLoad') - of(off, 'beforeLoad'),
        spread: iqr(off.map((run) => run.load)),
      },
    ]);
    for (const [name, key] of [
      ['page_load_ms', 'load'],
      ['page_overhead_ms', 'overhead'],
      ['page_overhead_control_ms', 'control'],
      ['monitor_report_ms', 'report'],
      ['page_overhead_main_thread_ms', 'busy'],
      ['page_overhead_scripts_ms', 'scripts'],
      ['page_load_iqr_ms', 'spread'],
    ]) {
      figure(
        name,
        'ms',
        overheads.map(([file, o]) => [file, o[key]]),
      );
    }

    const sizes = ['monitor-start.js', 'monitor.js'].map((name) => {
      const code = readFileSync(join(root, 'extension', name));
      return { raw: code.length / 1024, gz: gzipSync(code, { level: 9 }).length / 1024 };
    });
    line('content_js_gz_kb', sizes[0].gz + sizes[1].gz, 'kb');
    line('content_js_raw_kb', sizes[0].raw + sizes[1].raw, 'kb');
    line('monitor_start_js_gz_kb', sizes[0].gz, 'kb');
  } finally {
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchPages(pagesDir(['--pages', ...process.argv.slice(2)]));
}
