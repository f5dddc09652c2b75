// @vitest-environment happy-dom
/**
 * Finding flagged quotes again on a changed page: on made-up texts for each way a page
 * changes, and on the shared "page revisited" pair (the same Lifehacker article saved before
 * and after its comments loaded: a different DOM around the same article), skipped with a
 * message when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeQuoteOffsets } from '../../../../src/core/anchoring/describe-text-quote';
import { reanchor } from '../../../../src/core/anchoring/reanchor';
import { buildTextIndex, codePointCount } from '../../../../src/core/anchoring/text-index';
import type { TextQuoteSelector } from '../../../../src/core/model/types';

const quote = (exact: string, prefix = '', suffix = ''): TextQuoteSelector => ({
  type: 'TextQuoteSelector',
  exact,
  prefix,
  suffix,
});

const article =
  'Lumen Coffee opened in May. The staff charged us twice for the same order and never refunded it. ' +
  'The pastries were fine. Later that week the staff charged us twice for the same order again.';

describe('finding a flagged quote again', () => {
  it('finds the quote in its context, the right one of two identical sentences', () => {
    const second = article.lastIndexOf('charged us twice');
    const anchor = reanchor(article, {
      quote: quote('charged us twice for the same order', 'Later that week the staff ', ' again.'),
    });
    expect(anchor).toEqual({ start: second, end: second + 35, method: 'exact', score: 1 });
  });

  it('finds the quote word for word when the text around it changed, nearest its old place', () => {
    const edited = article.replace('Later that week', 'On Friday');
    const anchor = reanchor(edited, {
      quote: quote('charged us twice for the same order', 'Later that week the staff ', ' again.'),
      position: { type: 'TextPositionSelector', start: 150, end: 185 },
    });
    expect(anchor?.method).toBe('quote');
    expect(anchor?.start).toBe(edited.lastIndexOf('charged us twice'));
  });

  it('finds a quote whose words were edited a little, with a lower score', () => {
    const edited = article.replace(
      'charged us twice for the same order and never refunded it',
      'charged us two times for the same order and never refunded it!',
    );
    const anchor = reanchor(edited, {
      quote: quote('The staff charged us twice for the same order and never refunded it'),
    });
    expect(anchor?.method).toBe('fuzzy');
    expect(edited.slice(anchor!.start, anchor!.end)).toMatch(/^The staff charged us two times/);
    expect(anchor!.score).toBeGreaterThan(0.8);
    expect(anchor!.score).toBeLessThan(1);
  });

  it('says "not found" rather than pointing at a different sentence', () => {
    const rewritten = 'Lumen Coffee opened in May. Everything was perfect and the staff was kind.';
    expect(
      reanchor(rewritten, {
        quote: quote('The staff charged us twice for the same order and never refunded it'),
      }),
    ).toBeNull();
    expect(reanchor(article, { quote: quote('') })).toBeNull();
  });
});

const pages = path.resolve(__dirname, '../../../../../shared/fixtures/pages');
const before = path.join(pages, 'readability-lifehacker-working.html');
const after = path.join(pages, 'readability-lifehacker-post-comment-load.html');
const present = existsSync(before) && existsSync(after);
if (!present) console.warn('reanchor: ../shared/fixtures/pages not found, page-pair test skipped');

/** The visible text of a saved page (scripts and styles dropped), as the content script sees it. */
function pageText(file: string): string {
  // Saved pages still link to the web: their loaders go before parsing, nothing is fetched.
  const html = readFileSync(file, 'utf8')
    .replace(/<(script|style|iframe|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<link\b[^>]*>/gi, '');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const el of doc.querySelectorAll('script, style, noscript, template')) el.remove();
  // Only the text is needed here: the parsed document is indexed as it is (nothing loads).
  return buildTextIndex(doc.body).text;
}

describe.skipIf(!present)(
  'the shared page-revisited pair (Lifehacker, before and after comments)',
  () => {
    it('finds again every article sentence flagged on the first visit, at the same words', () => {
      const first = pageText(before);
      const second = pageText(after);
      // Sentences of the article: long runs of prose, taken at regular places through the text.
      const sentences = [...first.matchAll(/[A-Z][^.!?\n]{60,200}[.!?]/g)].filter((m) =>
        second.includes(m[0]),
      );
      expect(sentences.length).toBeGreaterThan(20);
      const picked = sentences.filter((_, i) => i % Math.ceil(sentences.length / 20) === 0);
      for (const sentence of picked) {
        const start = sentence.index;
        const end = start + sentence[0].length;
        const selector = describeQuoteOffsets(first, start, end);
        const anchor = reanchor(second, {
          quote: selector,
          position: {
            type: 'TextPositionSelector',
            start: codePointCount(first, start),
            end: codePointCount(first, end),
          },
        });
        expect(anchor, sentence[0]).not.toBeNull();
        expect(second.slice(anchor!.start, anchor!.end)).toBe(sentence[0]);
      }
    });
  },
);
