// `npm run eval -- FILE…`: Vigie's negativity scorer and, side by side, the `sentiment` npm
// package (AFINN; a score below 0 counts as negative) on `text<TAB>label` files (header line,
// label 1 = negative). One line per file and scorer:
//   eval FILE SCORER accuracy=0.000 precision=0.000 recall=0.000 f1=0.000
// with precision, recall and F1 of the negative class. With no FILE it runs every .tsv of
// ../shared/fixtures/sentiment/, and says it skipped them when ../shared is absent. It reports
// figures and never fails on one.
//
// The scorer is bundled and minified from src/core/sentiment/ as a build would ship it (Vite,
// library mode, licence notices kept), then imported: the figures are those of the shipped
// code, and the bundle's gzip size is reported on the first line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Sentiment from 'sentiment';
import { gzippedKb, withShippedModules } from './lib/shipped-modules.mjs';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '../shared/fixtures/sentiment');

let files = process.argv.slice(2).map((file) => resolve(file));
if (!files.length) {
  if (!existsSync(shared)) {
    console.log('eval: skipped: ../shared/fixtures/sentiment not found');
    process.exit(0);
  }
  files = readdirSync(shared)
    .filter((name) => name.endsWith('.tsv'))
    .sort()
    .map((name) => join(shared, name));
}
const missing = files.filter((file) => !existsSync(file));
if (missing.length) {
  console.error(`eval: no such file: ${missing.join(', ')}`);
  process.exit(1);
}

/** Builds the scorer and the evaluation helpers; returns them and the scorer's gzip size. */
function load() {
  return withShippedModules(
    {
      scorer: join(root, 'src/core/sentiment/index.ts'),
      // The published lists, which the extension ships as files beside the scorer.
      lists: join(root, 'src/core/sentiment/bundled-lists.ts'),
      evaluation: join(root, 'scripts/lib/sentiment-evaluation.ts'),
    },
    async ({ chunks, load }) => {
      const scorerChunks = chunks.filter(
        (c) => c.name === 'scorer' || c.name === 'lists' || !c.isEntry,
      );
      await load('lists');
      return {
        scorer: await load('scorer'),
        evaluation: await load('evaluation'),
        gzKb: gzippedKb(scorerChunks),
      };
    },
    // The lexicons' licence notices (/*! … */) stay in the shipped code, so in the size too.
    { legalComments: true },
  );
}

const { scorer, evaluation, gzKb } = await load();
console.log(`eval scorer vigie js_gz_kb=${gzKb.toFixed(1)}`);

const afinn = new Sentiment();
const scorers = {
  vigie: (text) => scorer.scoreNegativity(text).negative,
  sentiment: (text) => afinn.analyze(text).score < 0,
};

const lines = [];
const f1s = Object.fromEntries(Object.keys(scorers).map((name) => [name, []]));
for (const file of files) {
  const rows = evaluation.parseLabelled(readFileSync(file, 'utf8'));
  const shown = relative(process.cwd(), file) || file;
  for (const [name, predict] of Object.entries(scorers)) {
    const metrics = evaluation.negativeClassMetrics(
      rows.map((row) => ({ negative: row.negative, predicted: predict(row.text) })),
    );
    f1s[name].push(metrics.f1);
    lines.push(evaluation.formatMetrics(shown, name, metrics));
  }
}
for (const [name, values] of Object.entries(f1s)) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  console.log(`eval mean ${name} f1=${mean.toFixed(3)} over ${values.length} files`);
}
for (const line of lines) console.log(line);
