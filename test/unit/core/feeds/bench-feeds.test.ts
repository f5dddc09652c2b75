/**
 * scripts/bench-feeds.mjs (`npm run bench -- --feeds DIR`) on a folder written here: one
 * `feed_items` and one `feed_parse_ms` line per feed file (a refused one with its reason, the
 * *.md files left out), the summary lines and the bundle's size; a missing folder is a skip.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../../../');
const dir = mkdtempSync(path.join(tmpdir(), 'vigie-bench-feeds-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  execFileSync(process.execPath, ['scripts/bench-feeds.mjs', '--parser-only', ...args], {
    cwd: root,
    encoding: 'utf8',
  });

describe('scripts/bench-feeds.mjs', () => {
  it('prints the figures of every feed of the folder', { timeout: 60_000 }, () => {
    writeFileSync(
      path.join(dir, 'two.rss'),
      '<rss><channel><item><title>a</title></item><item><title>b</title></item></channel></rss>',
    );
    writeFileSync(path.join(dir, 'page.html'), '<!DOCTYPE html><html><body>x</body></html>');
    writeFileSync(path.join(dir, 'README.md'), '# not a feed');
    const lines = run(dir).trim().split('\n');
    expect(lines.filter((line) => line.startsWith('feed_items'))).toEqual([
      'feed_items 0 items file=page.html reason=not-a-feed',
      'feed_items 2 items file=two.rss',
    ]);
    expect(lines.filter((line) => /^feed_parse_ms [\d.]+ ms file=\S+$/.test(line))).toHaveLength(2);
    expect(lines.slice(-3).map((line) => line.split(' ')[0])).toEqual([
      'feed_parse_median_ms',
      'feed_parse_max_ms',
      'feed_parser_gz_kb',
    ]);
    expect(Number(lines.at(-1)?.split(' ')[1])).toBeGreaterThan(1);
  });

  it('says it skipped a folder that is not there', () => {
    expect(run('--feeds', path.join(dir, 'absent'))).toMatch(/^bench-feeds: skipped: .* not found/);
  });
});
