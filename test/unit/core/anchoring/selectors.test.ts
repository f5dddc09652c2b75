// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { describeTextQuote } from '../../../../src/core/anchoring/describe-text-quote';
import { matchTextQuote } from '../../../../src/core/anchoring/match-text-quote';
import {
  describeTextPosition,
  matchTextPosition,
} from '../../../../src/core/anchoring/text-position';
import { describeSelection } from '../../../../src/content/describe-selection';

/** Replaces the page with `html` (parsed, never injected as markup into the live tree). */
function page(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(
    ...[...parsed.body.childNodes].map((n) => document.importNode(n, true)),
  );
  return document.body;
}

/** A range over the n-th occurrence of `text` in the body's text. */
function rangeOf(text: string, occurrence = 0): Range {
  const ranges = matchTextQuote(document.body, { type: 'TextQuoteSelector', exact: text });
  const range = ranges[occurrence];
  if (!range) throw new Error(`no ${text}`);
  return range;
}

describe('Vigie selectors', () => {
  beforeEach(() => page(''));

  it('round-trips a quote that spans several elements', () => {
    const body = page('<p>Lumen Coffee <b>charged me twice</b> and <i>never refunded</i> me.</p>');
    const range = rangeOf('twice and never');
    const selector = describeTextQuote(range, body);
    expect(selector.exact).toBe('twice and never');
    const [found] = matchTextQuote(body, selector);
    expect(found?.toString()).toBe('twice and never');
  });

  it('adds enough context to find the right one of two identical phrases', () => {
    const body = page(
      '<p>First review: a scam. Second review, from Lyon: a scam. Third: fine.</p>',
    );
    const selector = describeTextQuote(rangeOf('a scam', 1), body);
    const matches = matchTextQuote(body, selector);
    expect(matches).toHaveLength(1);
    expect(selector.prefix).toContain('Lyon');
    const before = describeTextPosition(rangeOf('a scam', 1), body);
    expect(describeTextPosition(matches[0]!, body)).toEqual(before);
  });

  it('round-trips a position with emoji and accented text', () => {
    const body = page('<p>Déçu 😡 par le café, <em>arnaque</em> totale</p>');
    const range = rangeOf('arnaque');
    const position = describeTextPosition(range, body);
    expect(position.end - position.start).toBe(7);
    expect(matchTextPosition(body, position)?.toString()).toBe('arnaque');
  });

  it('returns no match on a page where the quote is gone, rather than a wrong place', () => {
    const body = page('<p>Lumen Coffee is a scam, says a reader.</p>');
    const selector = describeTextQuote(rangeOf('a scam'), body);
    page('<p>Lumen Coffee is great, says a reader.</p>');
    expect(matchTextQuote(body, selector)).toEqual([]);
    expect(
      matchTextPosition(body, { type: 'TextPositionSelector', start: 500, end: 510 }),
    ).toBeNull();
  });

  it('describes the user’s selection with 64 characters of context, trimmed, and ignores a blank one', () => {
    const body = page(
      `<p>${'Context words. '.repeat(10)}Lumen is a scam.${' More text after.'.repeat(10)}</p>`,
    );
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(rangeOf(' a scam. '));
    const described = describeSelection(selection, body);
    expect(described?.exact).toBe('a scam.');
    expect(described?.quote.exact).toBe('a scam.');
    const { prefix = '', suffix = '' } = described!.quote;
    expect(prefix.length + 'a scam.'.length + suffix.length).toBeGreaterThanOrEqual(64);
    selection.removeAllRanges();
    selection.addRange(rangeOf(' '));
    expect(describeSelection(selection, body)).toBeNull();
  });
});
