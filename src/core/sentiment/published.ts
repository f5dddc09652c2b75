/**
 * The published word lists (VADER for English, Pattern for French), as "rating word" lines, kept
 * out of the scorer's code. They are 22 kB of the worker's script gzipped, and a worker that
 * starts again after 30 s idle would parse them at every flag and every popup opening; the
 * worker loads them as packaged files the first time it scores (background/word-lists.ts).
 * Tests and scripts hand over the bundled copies (bundled-lists.ts).
 */
import type { Lang } from './detect-language';

const lists = new Map<Lang, string>();

/** Hands over a language's published list, as "rating word" lines. */
export function providePublished(lang: Lang, lines: string): void {
  lists.set(lang, lines);
}

/** Whether a language's published list has been handed over. */
export function hasPublished(lang: Lang): boolean {
  return lists.has(lang);
}

/** A language's published list; throws when it was never handed over, a programming error. */
export function publishedList(lang: Lang): string {
  const lines = lists.get(lang);
  if (lines === undefined) throw new Error(`The ${lang} word list was not loaded before scoring.`);
  return lines;
}
