/**
 * The worker's published word lists, loaded from the package on first scoring: read once, from
 * the packaged files, and a failed read tried again rather than leaving the scorer without them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/core/browser', () => ({
  browser: { runtime: { getURL: (path: string) => `chrome-extension://test/${path}` } },
}));

const files: Record<string, string> = {
  'chrome-extension://test/word-lists/en.txt': '-3.1 awful\n2 nice\n',
  'chrome-extension://test/word-lists/fr.txt': '-3 nul\n',
};
let fetched: string[] = [];
let failNext = false;

beforeEach(() => {
  // A fresh scorer with no list handed over, as in a worker that just started.
  vi.resetModules();
  fetched = [];
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    if (failNext) {
      failNext = false;
      return new Response('', { status: 404 });
    }
    return new Response(files[url] ?? '', { status: files[url] ? 200 : 404 });
  });
});
afterEach(() => vi.unstubAllGlobals());

async function fresh() {
  const { loadWordLists } = await import('../../../src/background/word-lists');
  const { scoreNegativity } = await import('../../../src/core/sentiment');
  const published = await import('../../../src/core/sentiment/published');
  return { loadWordLists, scoreNegativity, published };
}

describe('loadWordLists', () => {
  it('reads both packaged lists once, and the scorer rates their words', async () => {
    const { loadWordLists, scoreNegativity, published } = await fresh();
    expect(published.hasPublished('en')).toBe(false);
    expect(() => scoreNegativity('An awful day', { lang: 'en' })).toThrow(/not loaded/);
    await Promise.all([loadWordLists(), loadWordLists()]);
    await loadWordLists();
    expect(fetched.sort()).toEqual(Object.keys(files).sort());
    expect(scoreNegativity('An awful day', { lang: 'en' }).negative).toBe(true);
    expect(scoreNegativity('Un service nul', { lang: 'fr' }).negative).toBe(true);
  });

  it('fails when a list cannot be read, and reads it on the next call', async () => {
    const { loadWordLists, published } = await fresh();
    failNext = true;
    await expect(loadWordLists()).rejects.toThrow(/HTTP 404/);
    await loadWordLists();
    expect(published.hasPublished('en') && published.hasPublished('fr')).toBe(true);
  });
});
