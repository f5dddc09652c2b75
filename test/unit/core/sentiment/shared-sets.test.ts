/**
 * `npm run eval` on the labelled sentences of ../shared/fixtures/sentiment/: Vigie's scorer must
 * beat the `sentiment` npm package's F1 (negative class) on every set. The goals themselves are
 * figures `npm run eval` reports, not thresholds tested here. Skipped, with a message, when
 * ../shared is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../../../');
const dir = path.resolve(root, '../shared/fixtures/sentiment');
const exists = existsSync(dir);
if (!exists) console.warn(`${dir} not found: evaluation on the shared sentiment sets skipped`);

describe('npm run eval on the shared sentiment sets', () => {
  it.skipIf(!exists)(
    "beats the sentiment package's F1 on every set",
    () => {
      const out = execFileSync(process.execPath, ['scripts/eval.mjs'], {
        cwd: root,
        encoding: 'utf8',
      });
      console.log(out.trim());
      const f1 = new Map<string, number>();
      for (const [, file, scorer, value] of out.matchAll(/^eval (\S+) (\S+) .* f1=([\d.]+)$/gm)) {
        f1.set(`${file} ${scorer}`, Number(value));
      }
      const sets = readdirSync(dir).filter((name) => name.endsWith('.tsv'));
      expect(sets.length).toBeGreaterThan(0);
      for (const set of sets) {
        const file = path.relative(root, path.join(dir, set));
        const vigie = f1.get(`${file} vigie`);
        const sentiment = f1.get(`${file} sentiment`);
        expect(vigie, file).toBeDefined();
        expect(sentiment, file).toBeDefined();
        expect(vigie, file).toBeGreaterThan(sentiment ?? 1);
      }
    },
    120_000,
  );
});
