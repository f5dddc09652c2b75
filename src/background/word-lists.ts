/**
 * Loads the scorer's published word lists from the extension's package the first time the
 * worker scores, rather than with the worker's script at each of its starts (see
 * core/sentiment/published.ts). The build writes them as word-lists/<lang>.txt.
 */
import { browser } from '../core/browser';
import type { Lang } from '../core/sentiment';
import { hasPublished, providePublished } from '../core/sentiment/published';

const LANGS: readonly Lang[] = ['en', 'fr'];

let loading: Promise<void> | null = null;

async function load(): Promise<void> {
  await Promise.all(
    LANGS.filter((lang) => !hasPublished(lang)).map(async (lang) => {
      const response = await fetch(browser.runtime.getURL(`word-lists/${lang}.txt`));
      if (!response.ok) throw new Error(`word-lists/${lang}.txt: HTTP ${response.status}`);
      providePublished(lang, await response.text());
    }),
  );
}

/** Resolves once both lists are loaded; a failed load is tried again on the next call. */
export function loadWordLists(): Promise<void> {
  if (LANGS.every(hasPublished)) return Promise.resolve();
  loading ??= load().finally(() => {
    loading = null;
  });
  return loading;
}
