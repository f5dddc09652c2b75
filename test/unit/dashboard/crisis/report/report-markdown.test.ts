// @vitest-environment happy-dom
import { HtmlRenderer, Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { markdownText } from '../../../../../src/dashboard/crisis/report/report-markdown';

describe('the report in Markdown', () => {
  it('writes text that a CommonMark reader shows exactly as typed, with no stray backslash', () => {
    const shown = (markdown: string) => {
      const html = new HtmlRenderer().render(new Parser().parse(markdown));
      const page = new DOMParser().parseFromString(html, 'text/html');
      return [...page.body.children].map((e) => `${e.tagName}:${e.textContent}`);
    };
    for (const text of [
      '2026. A year to forget',
      '1) They charged me twice',
      '12.5% of the orders',
      '# not a heading',
      '- not a list',
      '+ nor this',
      '> nor a quote',
      'a *star*, an _underscore_, `code`, [a](link) and <b>tags</b> &amp; entities',
    ]) {
      expect(shown(markdownText(text))).toEqual([`P:${text}`]);
    }
  });
});
