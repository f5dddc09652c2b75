/** HTML and text fields to plain text: layout, whitespace, entities, hidden content. */
import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, decodeXmlEntities } from '../../../../src/core/feeds/feed-entities';
import { htmlToText, oneLine, plainText } from '../../../../src/core/feeds/feed-text';

describe('htmlToText', () => {
  it('lays blocks out on lines, paragraphs apart, and inline elements in the flow', () => {
    expect(htmlToText('<div><p>One <b>two</b>\n   three</p><p>Four<br>five</p></div>')).toBe(
      'One two three\n\nFour\nfive',
    );
    expect(
      htmlToText('<ul><li>a</li><li>b</li></ul><table><tr><td>c</td><td>d</td></tr></table>'),
    ).toBe('a\nb\n\nc d');
  });

  it('keeps line breaks inside <pre>', () => {
    expect(htmlToText('<div>Code:</div><pre>a = 1\n  b = 2</pre>')).toBe('Code:\n\na = 1\nb = 2');
  });

  it('drops comments, scripts and styles, and reads a CDATA section as text', () => {
    expect(
      htmlToText(
        'a<!-- c --><script type="x">if (a<b) {}</script><STYLE>p{}</STYLE>b<![CDATA[ & c]]>',
      ),
    ).toBe('ab & c');
  });

  it('decodes entities once, nbsp as a space, and Windows-1252 references as HTML does', () => {
    expect(
      htmlToText('caf&eacute;&nbsp;&amp;&nbsp;th&#233; &#150; &amp;lt;b&amp;gt; &#x1F600;'),
    ).toBe('café & thé – &lt;b&gt; 😀');
  });

  it('keeps a < that opens no tag, a > inside a quoted attribute, and drops a cut tag', () => {
    expect(htmlToText('1 < 2 and <a title="x > y" href=\'/\'>link</a> end <img src="cut')).toBe(
      '1 < 2 and link end',
    );
  });
});

describe('plainText and oneLine', () => {
  it('decode entities and tidy whitespace, keeping paragraphs', () => {
    expect(plainText('  A &amp; B \r\n\r\n\r\n\t C&nbsp;D  ')).toBe('A & B\n\nC D');
    expect(oneLine(' a \n b\t c ')).toBe('a b c');
  });
});

describe('entities', () => {
  it('XML decodes only its own, leaving HTML names to the HTML layer', () => {
    expect(decodeXmlEntities('&lt;&amp;nbsp;&gt; &nbsp; &#65;&#x42; &#0; &bogus;')).toBe(
      '<&nbsp;> &nbsp; AB \uFFFD &bogus;',
    );
    expect(decodeHtmlEntities('&Eacute;t&eacute; &hellip; &rsquo; &unknown; &#xD800;')).toBe(
      'Été … ’ &unknown; \uFFFD',
    );
  });
});
