// `npm run bench -- --feeds [DIR]` (or `node scripts/bench-feeds.mjs [DIR]`): the feed parser
// (src/core/feeds/parse.ts) on every feed file of DIR (default ../shared/fixtures/feeds beside
// the checkout; skipped with a message when absent; *.md files are left out). The parser is
// bundled and minified as the build ships it (Vite, library mode), then imported: the figures
// are the shipped code's. Each file is read as bytes and given to parseFeed, as the extension
// does with a response (no Content-Type: the charset comes from the file itself). One line per
// figure, `name value unit`, per file with `file=NAME`; it reports and never fails on a figure.
//
// feed_items         items parsed from the file (0 with `reason=FAILURE` for a refused feed).
// feed_parse_ms      median of RUNS parses of the file, after WARMUP unmeasured ones.
// feed_parse_median_ms, feed_parse_max_ms  the median and the largest of those medians.
// feed_parser_gz_kb  gzip (level 9) size of the parser's bundle: what it adds to the background.
// Then, with the built extension, the worker with 50 sources (lib/bench-feed-worker.mjs):
// background_gz_kb, sw_heap_no_feeds_mb, sw_heap_50_feeds_mb, feed_add_read_ms; left out with
// `--parser-only`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzippedKb, withShippedModules } from './lib/shipped-modules.mjs';

const root = resolve(import.meta.dirname, '..');
const RUNS = 15;
const WARMUP = 3;

/** DIR from the arguments (`--feeds DIR`, `--feeds=DIR` or a bare DIR), or the default. */
export function feedsDir(args) {
  const flag = args.findIndex((a) => a === '--feeds' || a.startsWith('--feeds='));
  const given = flag < 0 ? args.find((a) => !a.startsWith('--')) : args[flag].split('=')[1];
  const next = flag >= 0 && !given ? args[flag + 1] : undefined;
  return resolve(given || next || resolve(root, '../shared/fixtures/feeds'));
}

/** parse.ts bundled and minified, imported; with its gzip size in kB. */
function loadParser() {
  return withShippedModules(
    { parse: join(root, 'src/core/feeds/parse.ts') },
    async ({ chunks, load }) => ({
      parseFeed: (await load('parse')).parseFeed,
      gzKb: gzippedKb(chunks),
    }),
  );
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs the benchmark on the feeds of `dir`, printing its figures. */
export async function benchFeeds(dir, { worker = true } = {}) {
  if (!existsSync(dir)) {
    console.log(`bench-feeds: skipped: ${dir} not found`);
    return;
  }
  const { parseFeed, gzKb } = await loadParser();
  const files = readdirSync(dir)
    .filter((name) => !name.endsWith('.md'))
    .sort();
  const medians = [];
  for (const name of files) {
    const bytes = new Uint8Array(readFileSync(join(dir, name)));
    const opts = { url: `https://feeds.example/${name}` };
    const result = parseFeed(bytes, opts);
    console.log(
      result.ok
        ? `feed_items ${result.feed.items.length} items file=${name}`
        : `feed_items 0 items file=${name} reason=${result.failure}`,
    );
    for (let i = 0; i < WARMUP; i++) parseFeed(bytes, opts);
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      parseFeed(bytes, opts);
      times.push(performance.now() - start);
    }
    medians.push(median(times));
    console.log(`feed_parse_ms ${median(times).toFixed(2)} ms file=${name}`);
  }
  if (medians.length) {
    console.log(`feed_parse_median_ms ${median(medians).toFixed(2)} ms`);
    console.log(`feed_parse_max_ms ${Math.max(...medians).toFixed(2)} ms`);
  }
  console.log(`feed_parser_gz_kb ${gzKb.toFixed(1)} kB`);
  // The worker with 50 sources: needs the built extension (`npm run build`).
  if (!worker) return;
  if (existsSync(join(root, 'extension/manifest.json'))) {
    const { benchFeedWorker } = await import('./lib/bench-feed-worker.mjs');
    await benchFeedWorker(dir, files);
  } else {
    console.log('bench-feeds: the worker figures need the build: run `npm run build` first');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  await benchFeeds(feedsDir(args), { worker: !args.includes('--parser-only') });
}
