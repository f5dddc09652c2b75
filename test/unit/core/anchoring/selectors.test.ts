// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { describeTextQuote } from '../../../../src/core/anchoring/describe-text-quote';
import { matchTextQuote } from '../../../../src/core/anchoring/match-text-quote';
import { describeTextPosition } from '../../../../src/core/anchoring/describe-text-position';
import { matchTextPosition } from '../../../../src/core/anchoring/match-text-position';
import { describeFlagged, describeSelection } from '../../../../src/content/describe-selection';

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

/** The n-th text node of the body (1-based, empty ones included). */
function textNode(n: number): Text {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(), i = 1; node; node = walker.nextNode(), i++) {
    if (i === n) return node as Text;
  }
  throw new Error(`no text node ${n}`);
}

/** A range's ends as (text node number, offset), to compare with what annotator returns. */
function ends(range: Range | null | undefined) {
  if (!range) return null;
  const number = (node: Node) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(), i = 1; n; n = walker.nextNode(), i++) if (n === node) return i;
    return node.nodeName;
  };
  return [
    number(range.startContainer),
    range.startOffset,
    number(range.endContainer),
    range.endOffset,
  ];
}

describe('Vigie selectors', () => {
  beforeEach(() => page(''));

  it('round-trips a quote that spans several elements', () => {
    const body = page('<p>Lumen Coffee <b>charged me twice</b> and <i>never refunded</i> me.</p>');
    const range = rangeOf('twice and never');
    const selector = describeTextQuote(range, body);
    expect(selector.exact).toBe('twice and never');
    const found = matchTextQuote(body, selector);
    expect(found).toHaveLength(1);
    expect(found[0]?.toString()).toBe('twice and never');
    expect(ends(found[0])).toEqual(ends(range));
    expect(matchTextPosition(body, describeTextPosition(range, body))?.toString()).toBe(
      'twice and never',
    );
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

  it('tells apart a phrase repeated many times, whichever occurrence is taken', () => {
    const body = page(
      `<ul>${['Paris', 'Lyon', 'Nantes', 'Lille', 'Nice']
        .map((city) => `<li>Lumen in ${city}: <b>never again</b>, rude staff.</li>`)
        .join('')}</ul>`,
    );
    for (let i = 0; i < 5; i++) {
      const selector = describeTextQuote(rangeOf('never again', i), body);
      const found = matchTextQuote(body, selector);
      expect(found).toHaveLength(1);
      expect(ends(found[0])).toEqual(ends(rangeOf('never again', i)));
    }
  });

  it('round-trips a position with emoji and accented text', () => {
    const body = page('<p>Déçu 😡 par le café, <em>arnaque</em> totale</p>');
    const range = rangeOf('arnaque');
    const position = describeTextPosition(range, body);
    // Code points: the emoji counts once, although it is two UTF-16 units in the DOM.
    expect(position.start).toBe([...'Déçu 😡 par le café, '].length);
    expect(position.end - position.start).toBe(7);
    expect(matchTextPosition(body, position)?.toString()).toBe('arnaque');
  });

  it('counts an emoji inside the quote once, and decomposed accents as their code points', () => {
    const body = page('<p>Cafe\u0301 😡😡 froid</p>');
    const range = rangeOf('😡😡 froid');
    const position = describeTextPosition(range, body);
    expect(position).toEqual({ type: 'TextPositionSelector', start: 6, end: 14 });
    expect(range.endOffset - range.startOffset).toBe(10);
    expect(matchTextPosition(body, position)?.toString()).toBe('😡😡 froid');
    const quote = describeTextQuote(range, body);
    expect(matchTextQuote(body, quote)[0]?.toString()).toBe('😡😡 froid');
  });

  it('counts a range that cuts an emoji in half from the emoji’s start, as annotator does', () => {
    page('<p>😡 froid</p>');
    const node = textNode(1);
    const range = document.createRange();
    range.setStart(node, 1); // between the emoji's two UTF-16 units
    range.setEnd(node, 5);
    expect(describeTextPosition(range, document.body)).toEqual({
      type: 'TextPositionSelector',
      start: 0,
      end: 4,
    });
  });

  it('returns no match on a page where the quote is gone, rather than a wrong place', () => {
    const body = page('<p>Lumen Coffee is a scam, says a reader.</p>');
    const selector = describeTextQuote(rangeOf('a scam'), body);
    page('<p>Lumen Coffee is great, says a reader.</p>');
    expect(matchTextQuote(body, selector)).toEqual([]);
    expect(
      matchTextPosition(body, { type: 'TextPositionSelector', start: 500, end: 510 }),
    ).toBeNull();
    expect(matchTextPosition(body, { type: 'TextPositionSelector', start: 5, end: 2 })).toBeNull();
  });

  it('returns no match when the quote stays but its context changed, not the other occurrence', () => {
    const body = page('<p>Lyon: a scam, avoid. Paris: a scam, avoid.</p>');
    const selector = describeTextQuote(rangeOf('a scam', 1), body);
    page('<p>Lyon: a scam, avoid. Paris: all good now.</p>');
    expect(matchTextQuote(body, selector)).toEqual([]);
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

describe('the selection flagged, as the browser said it at the click', () => {
  const html =
    '<p>The pastries were <b>stale</b> by noon.</p>\n<p>Readers agree:\n  this place is a scam.</p>';
  const select = (text: string) => {
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(rangeOf(text));
    return selection;
  };

  it('keeps the current selection when it is the text the browser said', () => {
    const body = page(html);
    const selection = select('stale by noon');
    expect(describeFlagged(selection, body, 'stale by noon')).toEqual(
      describeSelection(selection, body),
    );
    // Chromium strips line breaks and may shorten the text: still the same selection.
    const long = select('agree:\n  this place');
    expect(describeFlagged(long, body, 'agree:this')?.exact).toBe('agree: this place');
  });

  it('finds the flagged text when the user selected something else before the page was read', () => {
    const body = page(html);
    // The first flag said "stale by noon"; by the time its script ran, a second selection.
    const later = select('this place is a scam');
    const flagged = describeFlagged(later, body, 'stale by noon');
    expect(flagged?.exact).toBe('stale by noon');
    expect(matchTextQuote(body, flagged!.quote).map((r) => r.toString())).toEqual([
      'stale by noon',
    ]);
    expect(matchTextPosition(body, flagged!.position)?.toString()).toBe('stale by noon');
    // Across blanks and line breaks the page has and the browser's text has not.
    expect(describeFlagged(later, body, 'agree: this place')?.exact).toBe('agree: this place');
    // Not on the page: no selectors (the browser's text becomes the quote).
    expect(describeFlagged(later, body, 'nowhere (to be) found?')).toBeNull();
    // No text from the browser (the shortcut, the popup): the selection as it is.
    expect(describeFlagged(later, body, undefined)?.exact).toBe('this place is a scam');
  });
});

describe('text nodes and scopes, as incubator-annotator leaves them', () => {
  const simple = '<b>lorem ipsum dolor amet yada yada</b>';
  const quote = { type: 'TextQuoteSelector', exact: 'dolor am' } as const;
  const position = { type: 'TextPositionSelector', start: 12, end: 20 } as const;

  it('matches across one-character text nodes', () => {
    page(simple);
    const b = document.querySelector('b')!;
    const node = b.firstChild as Text;
    for (let i = node.length - 1; i > 0; i--) node.splitText(i);
    expect(ends(matchTextQuote(document.body, quote)[0])).toEqual([13, 0, 20, 1]);
    expect(ends(matchTextPosition(document.body, position))).toEqual([13, 0, 21, 0]);
  });

  it('skips empty text nodes at the ends of a match', () => {
    page(simple);
    const node = document.querySelector('b')!.firstChild as Text;
    for (const at of [node.length, 20, 20, 17, 17, 12, 12, 0]) node.splitText(at);
    // '', 'lorem ipsum ', '', 'dolor', '', ' am', '', 'et yada yada', ''
    expect(ends(matchTextQuote(document.body, quote)[0])).toEqual([4, 0, 6, 3]);
    expect(ends(matchTextPosition(document.body, position))).toEqual([4, 0, 8, 0]);
  });

  it('keeps to a range scope: matches inside it, none that cross its edges', () => {
    page(simple);
    const node = textNode(1);
    const scope = document.createRange();
    scope.setStart(node, 6);
    scope.setEnd(node, 22); // 'ipsum dolor amet'
    expect(ends(matchTextQuote(scope, quote)[0])).toEqual([1, 12, 1, 20]);
    expect(ends(matchTextPosition(scope, { ...position, start: 6, end: 14 }))).toEqual([
      1, 12, 1, 20,
    ]);
    scope.setStart(node, 13);
    expect(matchTextQuote(scope, quote)).toEqual([]);
    scope.setStart(node, 0);
    scope.setEnd(node, 19);
    expect(matchTextQuote(scope, quote)).toEqual([]);
  });

  it('keeps to a scope whose ends are inside an element', () => {
    page('<b>lorem <i>ipsum</i> dolor <u>amet</u> yada yada</b>');
    const b = document.querySelector('b')!;
    const scope = document.createRange();
    scope.setStart(b, 1); // before <i>
    scope.setEnd(b, 4); // before ' yada yada'
    expect(ends(matchTextQuote(scope, quote)[0])).toEqual([3, 1, 4, 2]);
    expect(describeTextPosition(matchTextQuote(scope, quote)[0]!, scope)).toEqual({
      type: 'TextPositionSelector',
      start: 6,
      end: 14,
    });
  });

  it('describes within a custom scope, and leaves out what of the range falls outside it', () => {
    page('<b>To annotate or not to annotate.</b>');
    const node = textNode(1);
    const range = document.createRange();
    range.setStart(node, 22);
    range.setEnd(node, 26); // 'anno' of the second 'annotate'
    const scope = document.createRange();
    scope.setStart(node, 15);
    scope.setEnd(node, 30); // 'not to annotate'
    expect(describeTextQuote(range, scope, { minimalContext: true })).toEqual({
      type: 'TextQuoteSelector',
      exact: 'anno',
      prefix: '',
      suffix: '',
    });
    range.setStart(node, 3);
    scope.setStart(node, 12);
    scope.setEnd(node, 24); // 'or not to an'
    expect(describeTextQuote(range, scope, { minimalContext: true }).exact).toBe('or not to an');
  });

  it('describes a range holding no text (an image) as an empty quote with context', () => {
    page('<b>Try quoting this image: <img> — would that work?</b>');
    const range = document.createRange();
    range.selectNode(document.querySelector('img')!);
    expect(describeTextQuote(range, document)).toEqual({
      type: 'TextQuoteSelector',
      exact: '',
      prefix: 'image: ',
      suffix: ' —',
    });
  });

  it('puts an empty quote found through its suffix alone at the start of the next node', () => {
    page('<b>lorem <i>ipsum</i></b>');
    const found = matchTextQuote(document.body, {
      type: 'TextQuoteSelector',
      exact: '',
      suffix: 'ips',
    });
    expect(found.map(ends)).toEqual([[2, 0, 2, 0]]);
    const withPrefix = matchTextQuote(document.body, {
      type: 'TextQuoteSelector',
      exact: '',
      prefix: 'lorem ',
    });
    expect(withPrefix.map(ends)).toEqual([[1, 6, 1, 6]]);
  });
});
